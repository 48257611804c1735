/**
 * Chat view entry point: builds the view, sends `ready` once it listens, and routes host
 * messages to the parts that show them. No network access (CSP connect-src 'none'); never
 * sees the API key; every message it sends is validated again by the host.
 */
import type { ErrorAction, HostMessage, TurnView, ViewState } from '../shared/protocol';
import { createAnnouncer } from './announcer';
import { createHeader } from './chat/header';
import { createHistoryPanel } from './chat/historyPanel';
import { MessageList } from './chat/messageList';
import { installCitationDelegate } from './chat/sourceChips';
import { Composer } from './composer/composer';
import { ModeSwitch } from './composer/modeSwitch';
import { ServerToolToggles } from './composer/toolToggles';
import { installDelegates } from './delegates';
import { codicon, h } from './dom';
import { createNotices } from './notices';
import { onHostMessage, onPost, post } from './vscodeApi';

const app = document.getElementById('app') as HTMLElement;
const announcer = createAnnouncer();
const notices = createNotices();
const historyPanel = createHistoryPanel(() => messages.openNextAtEnd());
const header = createHeader((button) => historyPanel.toggle(button), (text) => notices.show('info', text));

const keyBanner = h(
  'div',
  { class: 'banner', role: 'note', hidden: true },
  codicon('key'),
  h('span', {}, 'Set your xAI API key to start chatting.'),
  h('button', { type: 'button', class: 'link-button' }, 'Set API Key'),
);
keyBanner.querySelector('button')?.addEventListener('click', () => post({ type: 'runCommand', command: 'grok.setApiKey' }));

const ERROR_COMMANDS = { setApiKey: 'grok.setApiKey', openSettings: 'grok.openSettings' } as const;
/** Where "Open xAI console" goes (credits and spending limits); the same address as core's XAI_BILLING_URL. */
const XAI_CONSOLE_URL = 'https://console.x.ai';

const messages = new MessageList({
  retry: (turnId) => post({ type: 'retry', turnId }),
  errorAction: (action: Exclude<ErrorAction, 'retry'>) => {
    if (action === 'chooseModel') header.focusModelPicker();
    // The host checks and opens web links (openExternal); no new command is needed for the console.
    else if (action === 'openBilling') post({ type: 'openLink', href: XAI_CONSOLE_URL });
    else post({ type: 'runCommand', command: ERROR_COMMANDS[action] });
  },
  editLast: (text) => composer.beginEdit(text),
  approveTool: (cardId, decision) => post({ type: 'approveTool', cardId, decision }),
  undoTask: (turnId) => post({ type: 'undoTask', turnId }),
  editAction: (kind, cardId, path) => {
    if (kind === 'preview') post(path ? { type: 'previewEdits', cardId, path } : { type: 'previewEdits', cardId });
    else post({ type: kind === 'apply' ? 'applyEdits' : kind === 'undo' ? 'undoEdits' : 'rejectEdits', cardId });
  },
});

const composer = new Composer({
  lastUserText: () => messages.lastUserText(),
  currentModel: () => header.currentModel(),
  warn: (text) => notices.show('warning', text),
});
messages.onStreamingChange = (streaming) => composer.setStreaming(streaming);
const toolToggles = new ServerToolToggles(post);
composer.element.querySelector('.composer-bar')?.prepend(toolToggles.element);
const modeSwitch = new ModeSwitch(post);
// Its own row above the bar: the bar is full in a narrow sidebar (toggles, their reason, the meter).
composer.element.querySelector('.composer-bar')?.before(modeSwitch.element);

const main = h('main', { class: 'chat-main' }, messages.element, historyPanel.element);
app.append(header.element, keyBanner, main, notices.element, composer.element, announcer.element);
installCitationDelegate(main);
installDelegates(main, (text) => announcer.announce(text));

let shownModel: string | undefined;
function renderState(state: ViewState): void {
  keyBanner.hidden = !state.needsApiKey;
  header.render(state);
  if (shownModel !== undefined && shownModel !== state.model) composer.modelChanged();
  shownModel = state.model;
  toolToggles.render(state.serverTools);
  modeSwitch.render(state.mode ?? 'chat');
}

/** What a screen reader hears when a turn ends. */
function endAnnouncement(turn: TurnView): string {
  switch (turn.status) {
    case 'error':
      return `Error: ${turn.error?.message ?? 'the request failed'}`;
    case 'stopped':
      return 'Answer stopped';
    case 'incomplete':
      return 'Answer incomplete';
    default:
      return 'Answer finished';
  }
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'state':
      return renderState(message.state);
    case 'conversation':
      historyPanel.close();
      return messages.setConversation(message.conversation);
    case 'turnAdded':
      return messages.addTurn(message.turn);
    case 'turnDelta':
      return messages.appendDelta(message);
    case 'turnEnd': {
      const turn = messages.endTurn(message);
      if (turn?.role === 'assistant') announcer.announce(endAnnouncement(turn));
      return;
    }
    case 'turnStatus':
      return messages.setTurnStatus(message.turnId, message.text);
    case 'editCard':
      return messages.updateEditCard(message.turnId, message.card);
    case 'serverTools':
      return messages.updateServerTools(message.turnId, message.cards, message.sources);
    case 'toolCard':
      if (message.card.status === 'waiting') announcer.announce(`Grok asks: ${message.card.question ?? message.card.tool}`);
      return messages.updateToolCard(message.turnId, message.card);
    case 'taskUndo':
      return messages.setTaskUndo(message.turnId, message.undo);
    case 'turnProgress':
      return messages.setProgress(message.turnId, message.steps, message.usage);
    case 'turnRemoved':
      return messages.removeTurn(message.turnId);
    case 'history':
      return historyPanel.setConversations(message.conversations);
    case 'attachments':
      return composer.chips.setAttachments(message.attachments);
    case 'fileResults':
      return composer.setFileResults(message.query, message.files);
    case 'contextInfo':
      return composer.setContextInfo(message);
    case 'notice':
      return notices.show(message.level, message.text);
    case 'setInput':
      return composer.setText(message.text);
    case 'clear':
      messages.clear();
      notices.clear();
      composer.input.focus();
      return;
  }
}

/**
 * A notice answers the action before it ("Open a file to insert the code into."): the user's next
 * action clears it, so it does not stay on screen after a later one succeeded.
 */
const ACTIONS = new Set(['send', 'editLast', 'retry', 'insertCode', 'applyCode', 'previewEdits', 'applyEdits', 'rejectEdits', 'undoEdits', 'newChat', 'openConversation', 'attachFile', 'selectModel']);
onPost((message) => {
  if (ACTIONS.has(message.type)) notices.clear();
});

onHostMessage(handle);
post({ type: 'ready' });
