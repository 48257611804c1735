/**
 * Cards for xAI's server-side tool calls in an answer: one compact line per search ("Searching the
 * web: <query>", "Searched X: …"), and for code execution a collapsible card with the code
 * (highlighted, through the same markdown renderer and sanitizer as answers) and its output as
 * plain text. Queries, code and output are untrusted: set as text or rendered by the sanitizer.
 */
import type { ServerToolCardView } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { renderMarkdown } from '../markdown/chunks';

/** Code cards the user collapsed (they stay collapsed when the card is rebuilt). */
const collapsed = new Set<string>();

const LABELS: Record<ServerToolCardView['kind'], [running: string, done: string, failed: string, icon: string]> = {
  webSearch: ['Searching the web', 'Searched the web', 'Web search failed', 'globe'],
  xSearch: ['Searching X', 'Searched X', 'X search failed', 'search'],
  codeExecution: ['Running code', 'Ran code', 'Code run failed', 'terminal'],
  other: ['Using a tool', 'Used a tool', 'Tool call failed', 'tools'],
};

/** What a card says: the action in the right tense, and its query when there is one. */
export function cardTitle(card: ServerToolCardView): string {
  const [running, done, failed] = LABELS[card.kind];
  const verb = card.status === 'running' ? running : card.status === 'failed' ? failed : done;
  const what = card.query ?? (card.kind === 'other' && card.name ? card.name : undefined);
  return what ? `${verb}: ${what}` : verb;
}

function statusIcon(card: ServerToolCardView): HTMLElement {
  if (card.status === 'running') return codicon('loading codicon-modifier-spin');
  return codicon(card.status === 'failed' ? 'warning' : LABELS[card.kind][3]);
}

/** A fence longer than any backtick run in `code`, so code cannot close it early. */
function fenced(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}\n`;
}

function codeCard(card: ServerToolCardView): HTMLElement {
  const details = h('details', { class: `server-tool-card server-tool-code server-tool-${card.status}`, 'data-card-id': card.id, open: !collapsed.has(card.id) });
  details.append(h('summary', { class: 'server-tool-title' }, statusIcon(card), h('span', { class: 'server-tool-label' }, cardTitle(card))));
  const body = h('div', { class: 'server-tool-body' });
  if (card.code) body.append(h('div', { class: 'markdown server-tool-source' }, renderMarkdown(fenced(card.code, 'python'))));
  if (card.output !== undefined) {
    body.append(h('div', { class: 'server-tool-output-label' }, 'Output'), h('pre', { class: 'server-tool-output' }, h('code', {}, card.output)));
  } else if (card.status === 'running') {
    body.append(h('div', { class: 'server-tool-output-label' }, 'Running in xAI’s sandbox…'));
  }
  details.append(body);
  details.addEventListener('toggle', () => {
    if (details.open) collapsed.delete(card.id);
    else collapsed.add(card.id);
  });
  return details;
}

function searchCard(card: ServerToolCardView): HTMLElement {
  return h(
    'div',
    { class: `server-tool-card server-tool-search server-tool-${card.status}`, 'data-card-id': card.id, role: 'status' },
    statusIcon(card),
    h('span', { class: 'server-tool-label', title: card.query ?? '' }, cardTitle(card)),
  );
}

/** The cards of a turn, or undefined when it has none. */
export function serverToolCardsElement(cards: readonly ServerToolCardView[] | undefined): HTMLElement | undefined {
  if (!cards?.length) return undefined;
  return h('div', { class: 'server-tools', 'aria-label': 'Grok’s tools' }, ...cards.map((card) => (card.kind === 'codeExecution' ? codeCard(card) : searchCard(card))));
}
