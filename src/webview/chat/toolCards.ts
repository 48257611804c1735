/**
 * Agent tool-call cards in an answer: one compact line per call (tool, key argument, status,
 * duration) whose result opens on demand. A collapsed card holds no result in the DOM, so long
 * tasks cost nothing per token. A card waiting for approval shows the question with Allow, Deny
 * and "Allow for this task" (plain buttons: Tab reaches them, Enter or Space presses them).
 * Arguments, questions and results are untrusted: set as text only.
 */
import type { ToolCardView } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { formatDuration } from '../format';

/** Cards the user opened (they stay open when the card is rebuilt), and command cards they closed. */
const opened = new Set<string>();
const closed = new Set<string>();

/** A command's output shows without a click while it runs and when it failed (unless the user closed it). */
function opensByItself(card: ToolCardView): boolean {
  return card.tool === 'run_command' && card.result !== undefined && (card.status === 'running' || card.status === 'failed') && !closed.has(card.id);
}

export type ApprovalDecision = 'allow' | 'deny' | 'allowTask';

const STATUS: Record<ToolCardView['status'], [label: string, icon: string]> = {
  waiting: ['Waiting for approval', 'question'],
  running: ['Running', 'loading codicon-modifier-spin'],
  done: ['Done', 'check'],
  failed: ['Failed', 'error'],
  denied: ['Denied', 'circle-slash'],
};

function summaryLine(card: ToolCardView): HTMLElement[] {
  const [label, icon] = STATUS[card.status];
  return [
    h('span', { class: 'tool-card-status', title: label, role: 'img', 'aria-label': label }, codicon(icon)),
    h('span', { class: 'tool-card-name' }, card.tool),
    h('span', { class: 'tool-card-arg', title: card.arg }, card.arg),
    card.durationMs !== undefined && card.status !== 'waiting' ? h('span', { class: 'tool-card-duration' }, formatDuration(card.durationMs)) : undefined,
  ].filter((e): e is HTMLElement => e !== undefined);
}

function approvalCard(card: ToolCardView, decide: (cardId: string, decision: ApprovalDecision) => void): HTMLElement {
  const button = (label: string, decision: ApprovalDecision, primary: boolean): HTMLButtonElement => {
    const el = h('button', { type: 'button', class: primary ? 'text-button primary' : 'text-button', 'data-decision': decision }, label);
    el.addEventListener('click', () => {
      for (const b of el.parentElement?.querySelectorAll('button') ?? []) (b as HTMLButtonElement).disabled = true;
      decide(card.id, decision);
    });
    return el;
  };
  return h(
    'div',
    { class: 'tool-card tool-card-waiting', 'data-card-id': card.id, role: 'group', 'aria-label': `Approve ${card.tool} ${card.arg}` },
    h('div', { class: 'tool-card-line' }, ...summaryLine(card)),
    card.details?.length
      ? h('dl', { class: 'tool-card-details' }, ...card.details.flatMap((d) => [h('dt', {}, d.label), h('dd', {}, h('code', {}, d.value))]))
      : undefined,
    h('div', { class: 'tool-card-question' }, card.question ?? `Allow ${card.tool}?`),
    h(
      'div',
      { class: 'tool-card-actions' },
      button('Allow', 'allow', true),
      button('Deny', 'deny', false),
      card.noTaskGrant ? undefined : button('Allow for this task', 'allowTask', false),
    ),
  );
}

function resultCard(card: ToolCardView): HTMLElement {
  const details = h('details', { class: `tool-card tool-card-${card.status}`, 'data-card-id': card.id, open: (opened.has(card.id) && card.result !== undefined) || opensByItself(card) });
  details.append(h('summary', { class: 'tool-card-line' }, ...summaryLine(card)));
  const fill = (): void => {
    if (details.open && details.childElementCount === 1 && card.result !== undefined) details.append(h('pre', { class: 'tool-card-result' }, h('code', {}, card.result)));
  };
  fill();
  details.addEventListener('toggle', () => {
    if (details.open) {
      opened.add(card.id);
      closed.delete(card.id);
    } else {
      opened.delete(card.id);
      closed.add(card.id);
    }
    fill();
    // Closed again: drop the result so a long task keeps a small DOM.
    if (!details.open) details.querySelector('.tool-card-result')?.remove();
  });
  return details;
}

/** The agent cards of a turn, or undefined when it has none. */
export function toolCardsElement(cards: readonly ToolCardView[] | undefined, decide: (cardId: string, decision: ApprovalDecision) => void): HTMLElement | undefined {
  if (!cards?.length) return undefined;
  return h('div', { class: 'tool-cards', 'aria-label': 'Agent steps' }, ...cards.map((card) => (card.status === 'waiting' ? approvalCard(card, decide) : resultCard(card))));
}
