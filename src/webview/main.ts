/**
 * Chat view entry point. Builds the shell, sends `ready` once it listens, and renders what the
 * host says. No network access (CSP connect-src 'none'); never sees the API key.
 */
import type { HostMessage, ViewState, WebviewMessage } from '../shared/protocol';
import { codicon, h } from './dom';
import { onHostMessage, vscodeApi } from './vscodeApi';

function post(message: WebviewMessage): void {
  vscodeApi().postMessage(message);
}

const app = document.getElementById('app') as HTMLElement;

const keyBanner = h(
  'div',
  { class: 'banner', role: 'note', hidden: true },
  codicon('key'),
  h('span', {}, 'Set your xAI API key to start chatting.'),
  h('button', { type: 'button', class: 'link-button', 'data-command': 'grok.setApiKey' }, 'Set API Key'),
);
const messages = h('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
const input = h('textarea', {
  class: 'input',
  rows: '3',
  'aria-label': 'Message Grok',
  placeholder: 'Ask Grok… (Enter to send, Shift+Enter for a new line)',
});
const send = h('button', { type: 'button', class: 'icon-button primary', 'aria-label': 'Send', title: 'Send (Enter)' }, codicon('send'));
const modelLabel = h('span', { class: 'model-label' });
const composer = h('div', { class: 'composer' }, input, h('div', { class: 'composer-bar' }, modelLabel, send));

app.append(keyBanner, messages, composer);

function renderState(state: ViewState): void {
  keyBanner.hidden = state.hasApiKey;
  modelLabel.textContent = state.model;
}

function showNotice(level: 'info' | 'warning' | 'error', text: string): void {
  messages.append(h('div', { class: `notice notice-${level}` }, text));
}

function submit(): void {
  const text = input.value.trim();
  if (!text) return;
  post({ type: 'send', text });
  input.value = '';
}

send.addEventListener('click', submit);
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    submit();
  }
});
keyBanner.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest('[data-command]');
  if (target?.getAttribute('data-command') === 'grok.setApiKey') post({ type: 'runCommand', command: 'grok.setApiKey' });
});

onHostMessage((message: HostMessage) => {
  switch (message.type) {
    case 'state':
      renderState(message.state);
      break;
    case 'notice':
      showNotice(message.level, message.text);
      break;
    case 'clear':
      messages.replaceChildren();
      input.focus();
      break;
  }
});

post({ type: 'ready' });
