/**
 * Edit cards in the chat: an answer's edit proposals become cards (stored with the turn), the
 * edit flow's reports update them, and the card buttons preview, apply or reject through it.
 */
import type * as vscode from 'vscode';
import type { AssistantToolCall } from '../../core/api';
import { combineProposals, extractProposals, parseProposeEditsArgs, PROPOSE_EDITS_TOOL_NAME, type FileChange } from '../../core/edits';
import { editCardView, type Conversation, type StoredEditCard, type StoredTurn } from '../../core/chat/conversation';
import type { HostMessage } from '../../shared/protocol';
import type { EditFlow, SessionReport } from '../edits/editFlow';
import type { Notice } from './codeActions';

export interface EditCardsDeps {
  edits: EditFlow;
  post: (message: HostMessage) => void;
  notice: Notice;
  /** The open conversation (cards are looked up in it). */
  conversation: () => Conversation;
  /** Saves the open conversation after a card changed. */
  save: () => Promise<void>;
}

export class EditCards implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: EditCardsDeps) {
    this.subscription = deps.edits.onDidChange((report) => void this.onReport(report));
  }

  /**
   * Turns the answer's edit proposals into edit cards: `propose_edits` tool calls (validated; an
   * invalid call becomes a refused card whose error goes back to the model), else diff,
   * search/replace or JSON blocks found in the text.
   */
  async attach(assistant: StoredTurn, toolCalls: AssistantToolCall[]): Promise<void> {
    const cards: StoredEditCard[] = [];
    // Agent mode ran its propose_edits calls inside the turn (their cards exist already).
    const ran = new Set(assistant.toolResults?.map((r) => r.toolCallId));
    const edits = toolCalls.filter((c) => c.name === PROPOSE_EDITS_TOOL_NAME && !ran.has(c.id));
    if (toolCalls.length) assistant.toolCalls = toolCalls;
    for (const call of edits) {
      const parsed = parseProposeEditsArgs(call.arguments);
      if (parsed.ok) cards.push(await this.cardFor(parsed.files, call.id, parsed.reason));
      else {
        const message = `Grok proposed edits that could not be read: ${parsed.error}`;
        cards.push({ id: call.id, status: 'refused', files: [], message, changes: [], toolCallId: call.id, feedback: `The propose_edits arguments were invalid: ${parsed.error}` });
      }
    }
    if (edits.length === 0 && ran.size === 0 && assistant.text) {
      const found = extractProposals(assistant.text);
      if (found.proposals.length) cards.push(await this.cardFor(combineProposals(found.proposals)));
    }
    if (cards.length === 0) return;
    assistant.edits = [...(assistant.edits ?? []), ...cards];
    for (const card of cards) this.deps.post({ type: 'editCard', turnId: assistant.id, card: editCardView(card) });
  }

  /**
   * Agent mode's propose_edits: an edit card in the answer of `turnId`, previewed at once (or
   * applied when `auto`); resolves with what became of it, in words for the model. Stop rejects it.
   */
  async proposeForAgent(turnId: string, changes: FileChange[], options: { toolCallId: string; auto: boolean }, signal: AbortSignal): Promise<string> {
    const turn = this.deps.conversation().turns.find((t) => t.id === turnId);
    const card = await this.cardFor(changes, options.toolCallId);
    if (turn) turn.edits = [...(turn.edits ?? []), card];
    this.deps.post({ type: 'editCard', turnId, card: editCardView(card) });
    const refused = card.files.flatMap((f) => f.refused.map((r) => `${f.path}: ${r}`));
    if (!this.deps.edits.get(card.id)?.applicable.length) {
      card.status = 'refused';
      card.feedback = `None of these edits can be applied: ${refused.join('; ') || 'nothing to change'}. Read the file again and propose edits that match it exactly.`;
      this.deps.post({ type: 'editCard', turnId, card: editCardView(card) });
      return card.feedback;
    }
    const decided = new Promise<string>((resolve) => {
      const stop = (): void => this.deps.edits.reject(card.id);
      signal.addEventListener('abort', stop, { once: true });
      const sub = this.deps.edits.onDidChange((report) => {
        if (report.sessionId !== card.id || report.status === 'proposed') return;
        sub.dispose();
        signal.removeEventListener('abort', stop);
        resolve(report.feedback ?? report.message ?? `The edits were ${report.status}.`);
      });
    });
    if (options.auto) await this.deps.edits.applyFromCard(card.id);
    else await this.deps.edits.preview(card.id);
    return decided;
  }

  /**
   * Preview, apply or reject from a card. A card from an earlier window has no live session:
   * its stored proposal is planned again against the files as they are now (under a new id).
   */
  async action(kind: 'preview' | 'apply' | 'reject', cardId: string, path?: string): Promise<void> {
    const found = this.find(cardId);
    if (!found) return this.deps.notice('info', 'That proposal is no longer available.');
    let sessionId = cardId;
    if (!this.deps.edits.get(cardId)) {
      if (found.card.status !== 'proposed' || found.card.changes.length === 0) return this.deps.notice('info', 'That proposal was already handled.');
      const session = await this.deps.edits.propose(found.card.changes, 'chat (reopened)');
      // Re-key the card to the new session so reports find it.
      found.card.id = session.id;
      sessionId = session.id;
      this.deps.post({ type: 'editCard', turnId: found.turn.id, card: editCardView(found.card) });
    }
    if (kind === 'preview') await this.deps.edits.preview(sessionId, path);
    else if (kind === 'apply') {
      // A file that can run code, change the editor, or lies outside the workspace is never
      // written from the card: its diff opens, and Accept there asks first.
      const result = await this.deps.edits.applyFromCard(sessionId);
      if (!result) this.deps.notice('info', 'This proposal changes a file that needs your review: check the diff, then Accept it (you will be asked to confirm).');
    } else this.deps.edits.reject(sessionId);
  }

  /** Undo on an applied card; says why when it cannot (the report updates the card when it did). */
  async undo(cardId: string): Promise<void> {
    const result = await this.deps.edits.undo(cardId);
    if (!result.undone) this.deps.notice('info', result.message);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async cardFor(changes: FileChange[], toolCallId?: string, reason?: string): Promise<StoredEditCard> {
    const session = await this.deps.edits.propose(changes, 'chat');
    const report = this.deps.edits.report(session, 'proposed');
    const card: StoredEditCard = { id: session.id, status: 'proposed', files: report.files, changes, toolCallId };
    if (reason) card.reason = reason;
    return card;
  }

  private find(cardId: string): { turn: StoredTurn; card: StoredEditCard } | undefined {
    for (const turn of this.deps.conversation().turns) {
      const card = turn.edits?.find((c) => c.id === cardId);
      if (card) return { turn, card };
    }
    return undefined;
  }

  private async onReport(report: SessionReport): Promise<void> {
    const found = this.find(report.sessionId);
    if (!found) return;
    const { turn, card } = found;
    card.status = report.status;
    card.files = report.files;
    card.message = report.message;
    if (report.feedback) card.feedback = report.feedback;
    this.deps.post({ type: 'editCard', turnId: turn.id, card: editCardView(card) });
    await this.deps.save();
  }
}
