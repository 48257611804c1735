/** The view's header: the model picker, session totals, New Chat and History. */
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

/** "$3/$15" per million input/output tokens, when the price is known. */
function priceLabel(model: ModelView): string | undefined {
  const p = model.price;
  if (!p) return undefined;
  const usd = (n: number) => `$${n >= 10 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(2).replace(/0$/, '')}`;
  return `${usd(p.inputPerMTok)}/${usd(p.outputPerMTok)}`;
}

/** The option text: id, context size and price per 1M tokens in/out (short: the sidebar is narrow). */
export function optionLabel(model: ModelView): string {
  const parts = [model.id];
  if (model.contextWindow) parts.push(formatTokens(model.contextWindow));
  const price = priceLabel(model);
  if (price) parts.push(price);
  return parts.join(' · ');
}

/** The option's tooltip, in words. */
function optionTitle(model: ModelView): string {
  const parts = [model.id];
  if (model.contextWindow) parts.push(`${formatTokens(model.contextWindow)} tokens of context`);
  const price = priceLabel(model);
  if (price) parts.push(`${price.replace('/', ' in, ')} out per million tokens`);
  if (model.vision) parts.push('accepts images');
  return parts.join(' · ');
}

export function createHeader(onHistory: (button: HTMLButtonElement) => void, notify: (text: string) => void = () => undefined): Header {
  const totals = h('span', { class: 'session-totals', title: 'Tokens and estimated cost since this chat started' });
  const picker = h('select', { class: 'model-picker', 'aria-label': 'Model' });
  const newChat = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'New Chat', title: 'New Chat' }, codicon('add'));
  const history = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': 'History', title: 'Conversation history', 'aria-expanded': 'false', 'aria-controls': 'history-panel' },
    codicon('history'),
  );
  const buttons = h('span', { class: 'header-buttons' }, newChat, history);
  const element = h('header', { class: 'chat-header' }, picker, totals, buttons);
  let models: ModelView[] = [];
  let current = '';

  picker.addEventListener('change', () => {
    current = picker.value;
    post({ type: 'selectModel', model: picker.value });
    // The picker writes the grok.model setting: say so, it is not only this conversation.
    notify(`Model set to ${picker.value} for new messages (the grok.model setting, in every window).`);
  });
  newChat.addEventListener('click', () => post({ type: 'newChat' }));
  history.addEventListener('click', () => onHistory(history));

  return {
    element,
    render(state) {
      models = state.models;
      current = state.model;
      const list = models.some((m) => m.id === state.model) ? models : [{ id: state.model, vision: false }, ...models];
      picker.replaceChildren(...list.map((m) => h('option', { value: m.id, selected: m.id === state.model, title: optionTitle(m) }, optionLabel(m))));
      picker.value = state.model;
      const chosen = list.find((m) => m.id === state.model);
      picker.title = `${chosen ? optionTitle(chosen) : state.model}\nModel for new messages: changes the grok.model setting`;
      const { tokens, costUsd } = state.session;
      totals.textContent = tokens > 0 ? `${formatTokens(tokens)} · ~${formatCost(costUsd)}` : '';
      totals.title = tokens > 0 ? `${tokens.toLocaleString('en-US')} tokens, ~${formatCost(costUsd)} estimated, since this chat started` : '';
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
