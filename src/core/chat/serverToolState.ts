/**
 * What xAI's server-side tools add to a turn, as pure state changes the conversation engine applies
 * per event: tool cards (searches, code runs), numbered sources, a note when a tool was refused, and
 * the tool calls' share of the usage. The engine then posts `serverTools` with the turn's cards and
 * sources when {@link applyServerToolEvent} says they changed.
 */
import type { ServerToolCall, TurnEvent, UsageRecord } from '../api';
import type { ServerToolCardView, SourceView, UsageView } from '../../shared/protocol';
import { mergeSources } from './sources';

/** The parts of a (stored) turn this module reads and writes. */
export interface ServerToolTurnState {
  /** The answer text streamed so far (citation positions point into it). */
  text: string;
  serverTools?: ServerToolCardView[];
  sources?: SourceView[];
  note?: string;
}

/** Longest code, output and query kept per card: stored conversations stay small. */
export const MAX_CARD_CODE = 20_000;
export const MAX_CARD_OUTPUT = 20_000;
const MAX_QUERY = 500;
/** Most cards per answer (an agentic search can run dozens of calls). */
export const MAX_CARDS = 40;

function cap(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;
  return text.length > max ? `${text.slice(0, max)}\n… (${(text.length - max).toLocaleString('en-US')} more characters not shown)` : text;
}

/** The card of a call (texts capped). */
export function cardOf(call: ServerToolCall): ServerToolCardView {
  const card: ServerToolCardView = { id: call.id, kind: call.kind, status: call.status };
  if (call.name) card.name = call.name;
  const query = cap(call.query?.replace(/\s+/g, ' ').trim(), MAX_QUERY);
  if (query) card.query = query;
  const code = cap(call.code, MAX_CARD_CODE);
  if (code !== undefined) card.code = code;
  const output = cap(call.output, MAX_CARD_OUTPUT);
  if (output !== undefined) card.output = output;
  return card;
}

/**
 * Applies one turn event to `turn`. Returns true when its cards or sources changed (post them);
 * events that are not about server-side tools return false and change nothing. A refused tool adds
 * a note (the turn's `turnEnd` carries notes).
 */
export function applyServerToolEvent(turn: ServerToolTurnState, event: TurnEvent): boolean {
  switch (event.type) {
    case 'serverToolCall': {
      const cards = turn.serverTools ?? [];
      const card = cardOf(event.call);
      const at = cards.findIndex((c) => c.id === card.id);
      if (at >= 0) cards[at] = card;
      else if (cards.length < MAX_CARDS) cards.push(card);
      else return false;
      turn.serverTools = cards;
      return true;
    }
    case 'citations':
      turn.sources = mergeSources(turn.sources ?? [], event.citations, turn.text);
      return true;
    case 'serverToolUnavailable':
      turn.note = turn.note ? `${turn.note} ${event.message}` : event.message;
      return false;
    default:
      return false;
  }
}

/**
 * At the end of a turn: numbers sources against the final text (markers that arrived with no
 * annotation become sources too), and marks calls still running as finished with the turn.
 * Returns true when anything changed.
 */
export function finishServerTools(turn: ServerToolTurnState, status: 'done' | 'stopped' | 'error'): boolean {
  let changed = false;
  for (const card of turn.serverTools ?? []) {
    if (card.status === 'running') {
      card.status = status === 'done' ? 'completed' : 'failed';
      changed = true;
    }
  }
  const before = JSON.stringify(turn.sources ?? []);
  const sources = mergeSources(turn.sources ?? [], [], turn.text);
  if (JSON.stringify(sources) !== before) {
    turn.sources = sources;
    changed = true;
  }
  if (turn.sources?.length === 0) delete turn.sources;
  return changed;
}

/** The server-side tool part of a usage record, to spread into its {@link UsageView}. */
export function serverToolUsageView(record: UsageRecord): Pick<UsageView, 'serverToolCalls' | 'serverToolCostUsd'> {
  const view: Pick<UsageView, 'serverToolCalls' | 'serverToolCostUsd'> = {};
  if (record.serverToolCalls) view.serverToolCalls = { ...record.serverToolCalls };
  if (record.serverToolCostUsd !== undefined) view.serverToolCostUsd = record.serverToolCostUsd;
  return view;
}
