/**
 * The conversation list (from the host's `history` message): open one, or delete it after an
 * inline confirmation. It overlays the messages while open; Escape closes it.
 */
import type { ConversationSummary } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { formatWhen } from '../format';
import { post } from '../vscodeApi';

export interface HistoryPanel {
  element: HTMLElement;
  setConversations(conversations: ConversationSummary[]): void;
  toggle(trigger: HTMLButtonElement): void;
  close(): void;
}

/** `onOpen` runs when the user opens a conversation from the list (before the host answers). */
export function createHistoryPanel(onOpen: () => void = () => undefined): HistoryPanel {
  const list = h('ul', { class: 'history-list', 'aria-label': 'Conversations' });
  const empty = h('p', { class: 'history-empty' }, 'No saved conversations yet.');
  const close = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close history', title: 'Close' }, codicon('close'));
  const element = h(
    'section',
    { id: 'history-panel', class: 'history-panel', hidden: true, 'aria-label': 'Conversation history' },
    h('div', { class: 'history-title' }, h('h2', {}, 'History'), close),
    empty,
    list,
  );
  let trigger: HTMLButtonElement | undefined;
  let conversations: ConversationSummary[] = [];

  function hide(): void {
    element.hidden = true;
    trigger?.setAttribute('aria-expanded', 'false');
    trigger?.focus();
  }

  function row(summary: ConversationSummary): HTMLLIElement {
    const open = h(
      'button',
      { type: 'button', class: 'history-open', title: summary.title },
      h('span', { class: 'history-name' }, summary.title || 'Untitled'),
      h('span', { class: 'history-meta' }, `${formatWhen(summary.updatedAt)} · ${summary.turnCount} messages`),
    );
    const remove = h('button', { type: 'button', class: 'icon-button', 'aria-label': `Delete "${summary.title}"`, title: 'Delete' }, codicon('trash'));
    const item = h('li', { class: 'history-item' }, open, remove);
    open.addEventListener('click', () => {
      onOpen();
      post({ type: 'openConversation', conversationId: summary.id });
      hide();
    });
    remove.addEventListener('click', () => {
      const confirm = h('button', { type: 'button', class: 'text-button danger' }, 'Delete');
      const cancel = h('button', { type: 'button', class: 'text-button' }, 'Cancel');
      const prompt = h('div', { class: 'history-confirm', role: 'group', 'aria-label': 'Confirm delete' }, h('span', {}, 'Delete this conversation?'), confirm, cancel);
      item.replaceChildren(prompt);
      confirm.addEventListener('click', () => {
        post({ type: 'deleteConversation', conversationId: summary.id });
        item.remove();
        conversations = conversations.filter((c) => c.id !== summary.id);
        empty.hidden = conversations.length > 0;
      });
      cancel.addEventListener('click', () => {
        item.replaceChildren(open, remove);
        remove.focus();
      });
      cancel.focus();
    });
    return item;
  }

  close.addEventListener('click', hide);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      hide();
    }
  });

  return {
    element,
    setConversations(next) {
      conversations = [...next].sort((a, b) => b.updatedAt - a.updatedAt);
      list.replaceChildren(...conversations.map(row));
      empty.hidden = conversations.length > 0;
    },
    toggle(button) {
      trigger = button;
      if (!element.hidden) return hide();
      element.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      (list.querySelector('button') ?? close).focus();
    },
    close() {
      if (!element.hidden) hide();
    },
  };
}
