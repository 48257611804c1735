/**
 * The composer's Chat / Agent switch. Chat: Grok sees what you attach. Agent: it reads, searches
 * and edits the workspace itself, with approvals. The mode shown is always what the host reports.
 */
import type { ChatMode, WebviewMessage } from '../../shared/protocol';
import { codicon, h } from '../dom';

const MODES: readonly [ChatMode, label: string, icon: string, what: string][] = [
  ['chat', 'Chat', 'comment-discussion', 'Chat: Grok sees only what you attach'],
  ['agent', 'Agent', 'tools', 'Agent: Grok reads, searches and edits the workspace itself (reads outside it and edits ask first)'],
];

export class ModeSwitch {
  readonly element = h('div', { class: 'mode-switch', role: 'group', 'aria-label': 'Mode' });
  private readonly buttons = new Map<ChatMode, HTMLButtonElement>();

  constructor(post: (message: WebviewMessage) => void) {
    for (const [mode, label, icon, what] of MODES) {
      const button = h('button', { type: 'button', class: 'mode-button', 'aria-pressed': 'false', 'data-mode': mode, title: what }, codicon(icon), label);
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-pressed') !== 'true') post({ type: 'setMode', mode });
      });
      this.buttons.set(mode, button);
      this.element.append(button);
    }
  }

  render(mode: ChatMode): void {
    for (const [m, button] of this.buttons) button.setAttribute('aria-pressed', String(m === mode));
    this.element.dataset.mode = mode;
  }
}
