/**
 * What an empty chat shows: what Grok can do here and the keys for it, instead of a blank panel.
 * Static text (nothing from the model or the host).
 */
import { h } from '../dom';

const mac = /Mac|iPhone|iPad/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl';
const alt = mac ? '⌥' : 'Alt';

function key(...keys: string[]): HTMLElement {
  return h('span', { class: 'keys' }, ...keys.flatMap((k, i) => (i === 0 ? [h('kbd', {}, k)] : ['+', h('kbd', {}, k)])));
}

/** The welcome block; the message list shows it while the conversation has no turns. */
export function welcomeElement(): HTMLElement {
  const row = (what: string, ...keys: HTMLElement[]) => h('li', {}, h('span', { class: 'welcome-what' }, what), ...keys);
  return h(
    'section',
    { class: 'welcome', 'aria-label': 'Welcome' },
    h('h2', {}, 'Ask Grok about your code'),
    h(
      'ul',
      { class: 'welcome-can' },
      h('li', {}, 'The open file or your selection goes with your question (the chip above the input; × leaves it out).'),
      h('li', {}, 'Type @ to add other files of the workspace.'),
      h('li', {}, 'Code in an answer: Copy, Insert at the cursor, or Apply into the file as a diff you accept or reject.'),
      h('li', {}, 'In the editor: Explain Selection, Refactor Selection… and Fix with Grok (context menu and lightbulb).'),
    ),
    h(
      'ul',
      { class: 'welcome-keys', 'aria-label': 'Keyboard shortcuts' },
      row('Send', key('Enter')),
      row('New line', key('Shift', 'Enter')),
      row('Edit your last message', key('↑')),
      row('Stop the answer', key('Esc')),
      row('Focus the chat', key(mod, alt, 'G')),
      row('New chat', key(mod, alt, 'N')),
      row('Explain the selection', key(mod, alt, 'E')),
    ),
  );
}
