/** The small pieces around a turn's text: status line with its actions, usage footer, chips. */
import type { AttachmentView, ErrorAction, TurnView } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { usageDetail, usageParts } from '../format';

/** What the buttons inside a turn can do; the message list wires these to the host. */
export interface TurnActions {
  retry(turnId: string): void;
  errorAction(action: Exclude<ErrorAction, 'retry'>): void;
  editLast(text: string): void;
  editAction(kind: 'preview' | 'apply' | 'reject' | 'undo', cardId: string, path?: string): void;
  /** An agent approval card's answer. */
  approveTool(cardId: string, decision: 'allow' | 'deny' | 'allowTask'): void;
  /** An agent task's Undo Task button (the host asks what to restore). */
  undoTask(turnId: string): void;
}

const ACTION_LABELS: Record<Exclude<ErrorAction, 'retry'>, [label: string, icon: string]> = {
  setApiKey: ['Set API Key', 'key'],
  chooseModel: ['Choose model', 'sparkle'],
  openSettings: ['Open settings', 'settings-gear'],
  openBilling: ['Open xAI console', 'credit-card'],
};

function button(label: string, icon: string, onClick: () => void, primary = false): HTMLButtonElement {
  const el = h('button', { type: 'button', class: primary ? 'text-button primary' : 'text-button' }, codicon(icon), label);
  el.addEventListener('click', onClick);
  return el;
}

const STATUS_TEXT: Partial<Record<TurnView['status'], [text: string, icon: string]>> = {
  stopped: ['Stopped', 'debug-stop'],
  incomplete: ['Incomplete: the answer was interrupted', 'warning'],
};

/** The line under an answer that did not finish normally, or undefined when it did. */
export function statusLine(turn: TurnView, actions: TurnActions, waiting?: string): HTMLElement | undefined {
  if (turn.status === 'streaming') {
    return h('div', { class: 'turn-status turn-streaming', role: 'status' }, codicon('loading codicon-modifier-spin'), waiting ?? 'Grok is answering…');
  }
  const retry = (primary: boolean) => button('Retry', 'refresh', () => actions.retry(turn.id), primary);
  if (turn.status === 'error') {
    // One button, the one that can help: Retry only when the error says retrying can succeed (a 400,
    // no credits or the server's "do not retry" would fail the same way); none when nothing would help.
    const action = turn.error?.action;
    const row = h('div', { class: 'turn-actions' });
    if (action === 'retry') {
      row.append(retry(true));
    } else if (action) {
      const [label, icon] = ACTION_LABELS[action];
      row.append(button(label, icon, () => actions.errorAction(action), true));
    }
    return h(
      'div',
      { class: 'turn-status turn-error', role: 'group', 'aria-label': 'Error' },
      h('div', { class: 'turn-error-message' }, codicon('error'), turn.error?.message ?? 'The request failed.'),
      row.childElementCount > 0 ? row : undefined,
    );
  }
  const known = STATUS_TEXT[turn.status];
  if (!known) return undefined;
  const [text, icon] = known;
  return h(
    'div',
    { class: `turn-status turn-${turn.status}` },
    h('span', { class: 'turn-status-text' }, codicon(icon), text),
    retry(false),
  );
}

/** The usage footer: served model, tokens, estimated cost. */
export function usageFooter(turn: TurnView): HTMLElement | undefined {
  if (!turn.usage) return undefined;
  const footer = h('div', { class: 'turn-footer', title: usageDetail(turn.usage) });
  // An agent task: its steps first, then the whole task's tokens and cost.
  const parts = turn.steps ? [`${turn.steps} step${turn.steps === 1 ? '' : 's'}`, ...usageParts(turn.usage)] : usageParts(turn.usage);
  parts.forEach((part, i) => {
    if (i > 0) footer.append(h('span', { class: 'separator', 'aria-hidden': 'true' }, '·'));
    footer.append(h('span', {}, part));
  });
  return footer;
}

/** An agent task that changed files: Undo Task (once it ended), or the note that it was undone. */
export function taskUndoElement(turn: TurnView, actions: TurnActions): HTMLElement | undefined {
  const undo = turn.taskUndo;
  if (!undo || turn.status === 'streaming') return undefined;
  const files = `${undo.files} file${undo.files === 1 ? '' : 's'}`;
  if (undo.undone) return h('div', { class: 'task-undo task-undone' }, codicon('discard'), `Task undone: ${files} put back.`);
  const el = button('Undo Task', 'discard', () => actions.undoTask(turn.id));
  el.title = `Put back the ${files} this task created, changed or deleted, and/or take the chat back to before it`;
  return h('div', { class: 'task-undo' }, el, h('span', { class: 'task-undo-files' }, `${files} changed`));
}

const CHIP_ICONS: Record<AttachmentView['kind'], string> = { file: 'file', selection: 'selection', image: 'file-media' };

/** A context chip; `onRemove` adds a remove button (composer), without it the chip is read-only (history). */
export function attachmentChip(attachment: AttachmentView, onRemove?: () => void): HTMLElement {
  const chip = h('span', { class: `chip chip-${attachment.kind}`, title: attachment.detail ?? attachment.label });
  if (attachment.thumbnail?.startsWith('data:image/')) {
    chip.append(h('img', { class: 'chip-thumbnail', src: attachment.thumbnail, alt: '' }));
  } else {
    chip.append(codicon(CHIP_ICONS[attachment.kind]));
  }
  chip.append(h('span', { class: 'chip-label' }, attachment.label));
  if (attachment.redactions && attachment.redactions > 0) {
    const n = attachment.redactions;
    chip.append(
      h('span', { class: 'chip-redacted', title: `${n} secret${n === 1 ? '' : 's'} removed before sending` }, codicon('shield'), 'secrets redacted'),
    );
  }
  if (onRemove) {
    const remove = h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${attachment.label}`, title: 'Remove' }, codicon('close'));
    remove.addEventListener('click', onRemove);
    chip.append(remove);
  }
  return chip;
}
