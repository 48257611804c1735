/** The view's header: session totals, the model picker, New Chat and History. */
import type { ModelView, ViewState } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { formatCost, formatTokens } from '../format';
import { post } from '../vscodeApi';

export interface Header {
  element: HTMLElement;
  render(state: ViewState): void;
  /** Focuses the model picker (the "Choose model" error action). */
  focusModelPicker(): void;
  /** The model requests go to, and whether it accepts images. */
  currentModel(): ModelView | undefined;
}

function optionLabel(model: ModelView): string {
  return model.vision ? `${model.id} (images)` : model.id;
}

export function createHeader(onHistory: (button: HTMLButtonElement) => void): Header {
  const totals = h('span', { class: 'session-totals', title: 'Tokens and estimated cost of this session' });
  const picker = h('select', { class: 'model-picker', 'aria-label': 'Model', title: 'Model for new messages' });
  const newChat = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'New Chat', title: 'New Chat' }, codicon('add'));
  const history = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': 'History', title: 'Conversation history', 'aria-expanded': 'false', 'aria-controls': 'history-panel' },
    codicon('history'),
  );
  const element = h('header', { class: 'chat-header' }, picker, totals, h('span', { class: 'spacer' }), newChat, history);
  let models: ModelView[] = [];
  let current = '';

  picker.addEventListener('change', () => {
    current = picker.value;
    post({ type: 'selectModel', model: picker.value });
  });
  newChat.addEventListener('click', () => post({ type: 'newChat' }));
  history.addEventListener('click', () => onHistory(history));

  return {
    element,
    render(state) {
      models = state.models;
      current = state.model;
      const list = models.some((m) => m.id === state.model) ? models : [{ id: state.model, vision: false }, ...models];
      picker.replaceChildren(...list.map((m) => h('option', { value: m.id, selected: m.id === state.model }, optionLabel(m))));
      picker.value = state.model;
      const { tokens, costUsd } = state.session;
      totals.textContent = tokens > 0 ? `${formatTokens(tokens)} tokens · ~${formatCost(costUsd)}` : '';
    },
    focusModelPicker() {
      picker.focus();
      try {
        picker.showPicker(); // allowed: it runs inside the click on the error's button
      } catch {
        /* no user activation or not supported: focus is enough */
      }
    },
    currentModel() {
      return models.find((m) => m.id === current);
    },
  };
}
