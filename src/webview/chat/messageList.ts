/**
 * The conversation on screen: keeps the turn models, applies the host's turn messages to them,
 * and shows them through a {@link VirtualList}. Follows new output while the user is at the
 * bottom; once they scroll up it stays put and offers "Jump to latest".
 */
import type { ConversationView, EditCardView, HostMessage, ServerToolCardView, SourceView, TaskUndoView, ToolCardView, TurnView, UsageView } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { afterFrame, scheduleFrame } from '../frames';
import { GroupParking } from '../markdown/parking';
import { loadPersisted, savePersisted } from '../vscodeApi';
import { TurnElement } from './turnElement';
import type { TurnActions } from './turnParts';
import { VirtualList, type RenderedItem } from './virtualList';
import { welcomeElement } from './welcome';

type Delta = Extract<HostMessage, { type: 'turnDelta' }>;
type End = Extract<HostMessage, { type: 'turnEnd' }>;

/** Rough height of a turn before it was ever shown: ~7px per character, 20px per line. */
function estimateHeight(turn: TurnView, width: number): number {
  const columns = Math.max(20, Math.floor((width - 32) / 7));
  let newlines = 0;
  for (let i = turn.text.indexOf('\n'); i !== -1; i = turn.text.indexOf('\n', i + 1)) newlines++;
  const lines = newlines + Math.ceil(turn.text.length / columns) + 1;
  return lines * 20 + (turn.role === 'assistant' ? 56 : 36);
}

export class MessageList {
  readonly element: HTMLElement;
  private readonly scroller = h('div', { class: 'messages', tabindex: '0', 'aria-label': 'Conversation' });
  private readonly jump = h('button', { type: 'button', class: 'jump-latest', hidden: true, 'aria-label': 'Jump to latest' }, codicon('arrow-down'), 'Jump to latest');
  private readonly list: VirtualList<TurnView>;
  private readonly welcome = welcomeElement();
  private readonly elements = new Map<string, TurnElement>();
  private readonly streaming = new Set<string>();
  private readonly thinkingOpen = new Set<string>();
  private conversationId: string | undefined;
  private atBottom = true;
  /** scrollTop at the last scroll event: only a move up means the user left the bottom. */
  private lastTop = 0;
  /** The next conversation is one the user chose in History: open it at its end. */
  private openAtEnd = false;
  private restored = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly refresh = () => this.list.refresh();
  private readonly parking = new GroupParking(this.scroller);

  /** Called when an answer starts or stops streaming (the composer toggles Send/Stop). */
  onStreamingChange: (streaming: boolean) => void = () => undefined;

  constructor(private readonly actions: TurnActions) {
    this.list = new VirtualList<TurnView>(this.scroller, {
      key: (turn) => turn.id,
      estimate: estimateHeight,
      create: (turn) => this.createElement(turn),
      onResize: () => {
        if (this.atBottom) this.scroller.scrollTop = this.scroller.scrollHeight;
      },
    });
    this.element = h('div', { class: 'messages-wrapper' }, this.welcome, this.scroller, this.jump);
    this.scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.jump.addEventListener('click', () => this.scrollToBottom());
    new ResizeObserver(() => this.followOrRefresh()).observe(this.scroller);
    afterFrame(() => this.followOrRefresh());
  }

  get isStreaming(): boolean {
    return this.streaming.size > 0;
  }

  /** Text of the last user message (for edit-and-resend), if any. */
  lastUserText(): string | undefined {
    return this.lastUser()?.text;
  }

  /**
   * Replaces the whole list. The first conversation after the view was re-shown goes back to the
   * saved scroll position; the same conversation sent again keeps the current one; one chosen in
   * History (see {@link openNextAtEnd}) and all others open at the bottom.
   */
  setConversation(conversation: ConversationView): void {
    const chosen = this.openAtEnd;
    this.openAtEnd = false;
    const keep = !chosen && conversation.id === this.conversationId && !this.atBottom ? this.list.topItem() : undefined;
    const saved = loadPersisted();
    const resume = !this.restored && saved.conversationId === conversation.id && saved.atBottom === false;
    const anchor = keep ?? (resume && saved.anchorTurnId ? { key: saved.anchorTurnId, offset: saved.anchorOffset ?? 0 } : undefined);
    this.restored = true;
    this.conversationId = conversation.id;
    this.streaming.clear();
    for (const turn of conversation.turns) if (turn.status === 'streaming') this.streaming.add(turn.id);
    this.list.setItems(conversation.turns.map((turn) => ({ ...turn })));
    if (anchor && this.list.scrollToItem(anchor.key, anchor.offset)) {
      this.atBottom = false;
      this.jump.hidden = false;
    } else {
      this.scrollToBottom();
    }
    this.notifyStreaming();
  }

  /** The user picked a conversation in History: the next one shown opens at its end. */
  openNextAtEnd(): void {
    this.openAtEnd = true;
  }

  clear(): void {
    this.setConversation({ id: '', title: '', turns: [] });
  }

  addTurn(turn: TurnView): void {
    if (this.list.find(turn.id)) this.list.remove(turn.id); // a resent turn replaces the old one
    if (turn.status === 'streaming') this.streaming.add(turn.id);
    if (turn.role === 'user') this.atBottom = true; // sending always shows the new message
    this.list.append({ ...turn });
    if (this.atBottom) this.scrollToBottom();
    this.notifyStreaming();
  }

  appendDelta(message: Delta): void {
    const turn = this.list.find(message.turnId);
    if (!turn) return;
    if (message.text) turn.text += message.text;
    if (message.reasoning) turn.reasoning = (turn.reasoning ?? '') + message.reasoning;
    this.elements.get(turn.id)?.appendDelta(message.text, message.reasoning);
  }

  endTurn(message: End): TurnView | undefined {
    const turn = this.list.find(message.turnId);
    if (!turn) return undefined;
    turn.status = message.status;
    turn.usage = message.usage ?? turn.usage;
    turn.error = message.error;
    if (message.note !== undefined) turn.note = message.note;
    if (message.text !== undefined) turn.text = message.text;
    if (message.reasoning !== undefined) turn.reasoning = message.reasoning;
    this.streaming.delete(turn.id);
    const element = this.elements.get(turn.id);
    if (message.note !== undefined) this.list.rerender(turn.id);
    else element?.finish();
    this.notifyStreaming();
    return turn;
  }

  /** A streaming turn waits (a retry is pending) or stopped waiting (no text). */
  setTurnStatus(turnId: string, text: string | undefined): void {
    this.elements.get(turnId)?.setWaiting(text);
  }

  /** Adds or replaces an edit card of a turn. */
  updateEditCard(turnId: string, card: EditCardView): void {
    const turn = this.list.find(turnId);
    if (!turn) return;
    const cards = (turn.edits ?? []).filter((c) => c.id !== card.id);
    const index = (turn.edits ?? []).findIndex((c) => c.id === card.id);
    cards.splice(index < 0 ? cards.length : index, 0, card);
    turn.edits = cards;
    this.elements.get(turnId)?.refreshStatus();
  }

  /** Adds or replaces an agent tool card of a turn (cards change per step, never per token). */
  updateToolCard(turnId: string, card: ToolCardView): void {
    const turn = this.list.find(turnId);
    if (!turn) return;
    const cards = turn.toolCards ?? [];
    const index = cards.findIndex((c) => c.id === card.id);
    if (index < 0) cards.push(card);
    else cards[index] = card;
    turn.toolCards = cards;
    this.elements.get(turnId)?.refreshStatus();
  }

  /** An agent task's checkpoint: its Undo Task button, or that it was undone. */
  setTaskUndo(turnId: string, undo: TaskUndoView): void {
    const turn = this.list.find(turnId);
    if (!turn) return;
    turn.taskUndo = undo;
    this.elements.get(turnId)?.refreshStatus();
  }

  /** An agent task's steps, tokens and cost so far (the footer while it runs). */
  setProgress(turnId: string, steps: number, usage: UsageView | undefined): void {
    const turn = this.list.find(turnId);
    if (!turn) return;
    turn.steps = steps;
    if (usage) turn.usage = usage;
    this.elements.get(turnId)?.refreshStatus();
  }

  /** Replaces a turn's server-side tool cards and sources (the host sends them whole). */
  updateServerTools(turnId: string, cards: ServerToolCardView[], sources: SourceView[]): void {
    const turn = this.list.find(turnId);
    if (!turn) return;
    turn.serverTools = cards;
    turn.sources = sources;
    this.elements.get(turnId)?.refreshStatus();
  }

  removeTurn(turnId: string): void {
    this.streaming.delete(turnId);
    this.list.remove(turnId);
    this.notifyStreaming();
  }

  scrollToBottom(): void {
    this.atBottom = true;
    this.jump.hidden = true;
    this.list.scrollToBottom();
  }

  private createElement(turn: TurnView): RenderedItem {
    const element = new TurnElement(turn, {
      actions: this.actions,
      canEdit: (t) => !this.isStreaming && t === this.lastUser(),
      thinkingOpen: this.thinkingOpen,
      parking: this.parking,
    });
    this.elements.set(turn.id, element);
    return {
      element: element.element,
      dispose: () => {
        element.dispose();
        this.elements.delete(turn.id);
      },
    };
  }

  private lastUser(): TurnView | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const turn = this.list.at(i);
      if (turn?.role === 'user') return turn;
    }
    return undefined;
  }

  private notifyStreaming(): void {
    this.welcome.hidden = this.list.length > 0;
    for (const element of this.elements.values()) element.refreshEditable();
    this.onStreamingChange(this.isStreaming);
  }

  /**
   * After each frame's rendering: one layout read for following the output and for the virtual
   * window (scrolling does not dirty layout, so the refresh reads a clean layout).
   */
  private followOrRefresh(): void {
    if (this.atBottom) this.scroller.scrollTop = this.scroller.scrollHeight;
    this.list.refresh();
  }

  private onScroll(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    const distance = scrollHeight - scrollTop - clientHeight;
    const movedUp = scrollTop < this.lastTop - 1;
    this.lastTop = scrollTop;
    // A scroll event is handled a frame after the scroll: by then a batch of output (or an edit
    // card, or highlighting) may have grown the list, so "far from the bottom" alone does not
    // mean the user left it. Only a move up does; growth below is followed.
    if (distance < 32) this.atBottom = true;
    else if (movedUp) this.atBottom = false;
    else if (this.atBottom) this.scroller.scrollTop = scrollHeight;
    // Only on a change: following the output scrolls every frame, and setting an attribute, even
    // to the value it has, makes the browser recompute the button's style.
    if (this.jump.hidden !== this.atBottom) this.jump.hidden = this.atBottom;
    scheduleFrame(this.refresh);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveScroll(), 250);
  }

  private saveScroll(): void {
    const top = this.atBottom ? undefined : this.list.topItem();
    savePersisted({
      conversationId: this.conversationId,
      atBottom: this.atBottom,
      anchorTurnId: top?.key,
      anchorOffset: top?.offset,
    });
  }
}
