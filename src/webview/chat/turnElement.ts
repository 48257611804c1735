/**
 * The DOM of one turn. User text is set as text (never parsed as HTML); assistant text is
 * markdown: a finished answer renders in one go, a streaming one through {@link MarkdownStream}.
 * Elements are created and dropped by the virtual list, so everything they show comes from the
 * {@link TurnView} model, which the message list keeps up to date.
 */
import type { TurnView } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { renderMarkdown, sealChunks } from '../markdown/chunks';
import type { GroupParking } from '../markdown/parking';
import { MarkdownStream } from '../markdown/stream';
import { editCardElement } from './editCard';
import { serverToolCardsElement } from './serverToolCards';
import { toolCardsElement } from './toolCards';
import { linkCitationMarkers, sourceChipsElement } from './sourceChips';
import { attachmentChip, statusLine, taskUndoElement, usageFooter, type TurnActions } from './turnParts';

export interface TurnContext {
  actions: TurnActions;
  /** The last user turn can be edited and resent (when no answer is streaming). */
  canEdit(turn: TurnView): boolean;
  /** Remembers whether the user opened a turn's "Thinking" section across re-creation. */
  thinkingOpen: Set<string>;
  /** Takes parts of long answers far from the viewport out of the DOM. */
  parking?: GroupParking;
}

export class TurnElement {
  readonly element: HTMLElement;
  private answer: MarkdownStream | undefined;
  private thinking: MarkdownStream | undefined;
  private thinkingDetails: HTMLDetailsElement | undefined;
  /** Where the "Thinking" section goes once reasoning arrives (above the answer). */
  private readonly thinkingSlot = h('div', { class: 'thinking-slot' });
  /** Server-side tool cards (searches, code runs) go between Thinking and the answer. */
  private readonly toolSlot = h('div', { class: 'server-tools-slot' });
  private sources: HTMLElement | undefined;
  private status: HTMLElement | undefined;
  private footer: HTMLElement | undefined;
  private undo: HTMLElement | undefined;
  private cards: HTMLElement | undefined;
  private editButton: HTMLButtonElement | undefined;
  /** The answer's container (finished answers render into it without a stream). */
  private body: HTMLElement | undefined;
  /** What the streaming turn waits for (a retry after a rate limit), shown instead of "answering". */
  private waiting: string | undefined;

  constructor(
    private readonly turn: TurnView,
    private readonly ctx: TurnContext,
  ) {
    const user = turn.role === 'user';
    this.element = h('article', {
      class: `turn turn-${turn.role}`,
      'data-turn-id': turn.id,
      'aria-label': user ? 'You' : 'Grok',
    });
    if (turn.note) this.element.append(h('div', { class: 'turn-note' }, codicon('info'), turn.note));
    if (user) this.buildUser();
    else this.buildAssistant();
  }

  private buildUser(): void {
    const { turn } = this;
    if (turn.attachments?.length) {
      this.element.append(h('div', { class: 'turn-chips' }, ...turn.attachments.map((a) => attachmentChip(a))));
    }
    this.element.append(h('div', { class: 'user-text' }, turn.text));
    this.editButton = h('button', { type: 'button', class: 'icon-button edit-button', 'aria-label': 'Edit and resend', title: 'Edit and resend (↑ in an empty input)' }, codicon('edit'));
    this.editButton.addEventListener('click', () => this.ctx.actions.editLast(this.turn.text));
    this.element.append(this.editButton);
    this.refreshEditable();
  }

  private buildAssistant(): void {
    const { turn } = this;
    const body = h('div', { class: 'markdown answer' });
    this.body = body;
    this.element.append(this.thinkingSlot, this.toolSlot, body);
    if (turn.status === 'streaming') {
      this.answer = new MarkdownStream(body, { parking: this.ctx.parking });
      this.answer.append(turn.text);
      this.answer.flush();
    } else {
      body.append(renderMarkdown(turn.text));
      sealChunks(body, this.ctx.parking);
    }
    if (turn.reasoning) this.ensureThinking().append(turn.reasoning);
    this.refreshStatus();
  }

  private ensureThinking(): MarkdownStream {
    if (this.thinking) return this.thinking;
    const open = this.ctx.thinkingOpen.has(this.turn.id);
    const body = h('div', { class: 'markdown thinking-body' });
    const details = h(
      'details',
      { class: 'thinking', open },
      h('summary', {}, codicon('lightbulb'), h('span', { class: 'thinking-label' }, 'Thinking')),
      body,
    );
    const stream = new MarkdownStream(body, { active: open, parking: this.ctx.parking });
    details.addEventListener('toggle', () => {
      if (details.open) this.ctx.thinkingOpen.add(this.turn.id);
      else this.ctx.thinkingOpen.delete(this.turn.id);
      stream.setActive(details.open);
    });
    this.thinkingSlot.append(details);
    this.thinkingDetails = details;
    this.thinking = stream;
    return stream;
  }

  /** Streams more text into the answer or the "Thinking" section (the model is already updated). */
  appendDelta(text: string | undefined, reasoning: string | undefined): void {
    if (reasoning) this.ensureThinking().append(reasoning);
    if (text) this.answer?.append(text);
  }

  /** The turn ended or changed (status, usage, error, final text): update what shows it. */
  refreshStatus(): void {
    this.thinkingDetails?.classList.toggle('thinking-live', this.turn.status === 'streaming');
    this.status?.remove();
    this.footer?.remove();
    this.undo?.remove();
    this.cards?.remove();
    this.sources?.remove();
    this.toolSlot.replaceChildren(
      ...[serverToolCardsElement(this.turn.serverTools), toolCardsElement(this.turn.toolCards, (id, decision) => this.ctx.actions.approveTool(id, decision))].filter((e) => e !== undefined),
    );
    this.sources = sourceChipsElement(this.turn.sources);
    if (this.body) linkCitationMarkers(this.body, this.turn.sources);
    const asking = this.turn.toolCards?.some((c) => c.status === 'waiting') ? 'Waiting for your answer above…' : undefined;
    this.status = statusLine(this.turn, this.ctx.actions, this.turn.status === 'streaming' ? (this.waiting ?? asking) : undefined);
    this.footer = usageFooter(this.turn);
    const edits = this.turn.edits ?? [];
    this.cards = edits.length ? h('div', { class: 'edit-cards' }, ...edits.map((card) => editCardElement(card, this.ctx.actions))) : undefined;
    this.undo = taskUndoElement(this.turn, this.ctx.actions);
    for (const part of [this.sources, this.cards, this.status, this.footer, this.undo]) if (part) this.element.append(part);
  }

  /** Shows why the streaming turn waits (undefined: it no longer does). */
  setWaiting(text: string | undefined): void {
    if (this.waiting === text) return;
    this.waiting = text;
    this.refreshStatus();
  }

  /** Renders what is pending now, and replaces the text if the host sent a different final one. */
  finish(): void {
    if (this.answer && this.answer.value !== this.turn.text.replace(/\r\n?/g, '\n')) this.answer.reset(this.turn.text);
    this.answer?.flush();
    if (this.thinking && this.turn.reasoning !== undefined && this.thinking.value !== this.turn.reasoning) {
      this.thinking.reset(this.turn.reasoning);
    }
    this.refreshStatus();
  }

  /** Shows or hides "Edit" (only the last user message, not while an answer streams). */
  refreshEditable(): void {
    if (this.editButton) this.editButton.hidden = !this.ctx.canEdit(this.turn);
  }

  dispose(): void {
    this.answer?.dispose();
    this.thinking?.dispose();
    // A stream releases its own container; a finished answer was rendered without one.
    if (this.body && !this.answer) this.ctx.parking?.release(this.body);
  }
}
