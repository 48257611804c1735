/**
 * The composer's compact toggles for xAI's server-side tools (web search, X search, code execution).
 * A toggle asks the host to change `grok.tools.<tool>`; the state shown is always what the host
 * reports back. On Chat Completions they are disabled and one line says why.
 */
import type { ServerToolsState, WebviewMessage } from '../../shared/protocol';
import { codicon, h } from '../dom';

type Tool = 'webSearch' | 'xSearch' | 'codeExecution';

const TOOLS: readonly [Tool, label: string, icon: string, what: string][] = [
  ['webSearch', 'Web', 'globe', 'Web search'],
  ['xSearch', 'X', 'search', 'X search'],
  ['codeExecution', 'Code', 'terminal', 'Code execution in xAI’s sandbox'],
];

export class ServerToolToggles {
  readonly element = h('div', { class: 'server-tool-toggles', role: 'group', 'aria-label': 'Grok’s tools', hidden: true });
  private readonly reason = h('div', { class: 'server-tool-reason', hidden: true });
  private readonly buttons = new Map<Tool, HTMLButtonElement>();

  constructor(post: (message: WebviewMessage) => void) {
    const row = h('div', { class: 'server-tool-toggle-row' });
    for (const [tool, label, icon, what] of TOOLS) {
      const button = h('button', { type: 'button', class: 'server-tool-toggle', 'aria-pressed': 'false', 'data-tool': tool, title: what }, codicon(icon), label);
      button.addEventListener('click', () => post({ type: 'setServerTool', tool, enabled: button.getAttribute('aria-pressed') !== 'true' }));
      this.buttons.set(tool, button);
      row.append(button);
    }
    this.element.append(row, this.reason);
  }

  /** Shows the host's state (undefined hides the toggles). */
  render(state: ServerToolsState | undefined): void {
    this.element.hidden = state === undefined;
    if (!state) return;
    for (const [tool, , , what] of TOOLS) {
      const button = this.buttons.get(tool)!;
      const on = state[tool];
      button.setAttribute('aria-pressed', String(on));
      button.disabled = state.unavailable !== undefined;
      button.title = state.unavailable ?? `${what}: ${on ? 'on (billed per call)' : 'off'}`;
    }
    this.reason.hidden = state.unavailable === undefined;
    this.reason.textContent = state.unavailable ?? '';
  }
}
