/**
 * The edit card under an answer that proposes edits: its files with +/- counts and refusals, and
 * Preview / Apply / Reject while it is open; afterwards, what happened. Paths and messages come from
 * the model or the host and are always set as text.
 */
import type { EditCardView } from '../../shared/protocol';
import { codicon, h } from '../dom';

export interface EditCardActions {
  editAction(kind: 'preview' | 'apply' | 'reject' | 'undo', cardId: string, path?: string): void;
}

const STATUS: Record<EditCardView['status'], [label: string, icon: string]> = {
  proposed: ['Proposed edits', 'diff'],
  applied: ['Edits applied', 'check'],
  rejected: ['Edits rejected', 'close'],
  refused: ['Edits not applied', 'warning'],
  undone: ['Edits undone', 'discard'],
};

function textButton(label: string, icon: string, onClick: () => void, extra: Record<string, string> = {}): HTMLButtonElement {
  const el = h('button', { type: 'button', class: 'text-button', ...extra }, codicon(icon), label);
  el.addEventListener('click', onClick);
  return el;
}

export function editCardElement(card: EditCardView, actions: EditCardActions): HTMLElement {
  const [label, icon] = STATUS[card.status];
  const open = card.status === 'proposed';
  const applicable = card.files.some((f) => f.added + f.removed > 0);
  const element = h('section', { class: `edit-card edit-card-${card.status}`, 'aria-label': label, 'data-card-id': card.id });
  element.append(h('div', { class: 'edit-card-title' }, codicon(icon), h('span', {}, label)));
  if (card.reason) element.append(h('div', { class: 'edit-card-reason' }, card.reason));

  const list = h('ul', { class: 'edit-card-files' });
  for (const file of card.files) {
    const name = open
      ? textButton(file.path, 'go-to-file', () => actions.editAction('preview', card.id, file.path), { class: 'text-button edit-card-path', title: `Preview ${file.path}` })
      : h('span', { class: 'edit-card-path' }, file.path);
    const counts = h('span', { class: 'edit-card-counts' }, h('span', { class: 'edit-card-added' }, `+${file.added}`), ' ', h('span', { class: 'edit-card-removed' }, `−${file.removed}`));
    const item = h('li', {}, name, counts);
    for (const reason of file.refused) item.append(h('div', { class: 'edit-card-refused' }, codicon('warning'), reason));
    list.append(item);
  }
  if (card.files.length) element.append(list);
  if (card.message) element.append(h('div', { class: 'edit-card-message', role: 'status' }, card.message));

  if (open) {
    const row = h('div', { class: 'turn-actions' });
    if (applicable) {
      row.append(
        textButton('Preview', 'diff', () => actions.editAction('preview', card.id)),
        textButton('Apply', 'check', () => actions.editAction('apply', card.id), { class: 'text-button primary', 'aria-label': 'Apply edits' }),
      );
    }
    row.append(textButton('Reject', 'close', () => actions.editAction('reject', card.id), { 'aria-label': 'Reject edits' }));
    element.append(row);
  } else if (card.status === 'applied') {
    element.append(h('div', { class: 'turn-actions' }, textButton('Undo', 'discard', () => actions.editAction('undo', card.id), { 'aria-label': 'Undo these edits' })));
  }
  return element;
}
