/** Short messages above the composer (host notices, rejected images); dismissible, errors are alerts. */
import { codicon, h } from './dom';

const ICONS = { info: 'info', warning: 'warning', error: 'error' } as const;

export interface Notices {
  element: HTMLElement;
  show(level: keyof typeof ICONS, text: string): void;
  clear(): void;
}

export function createNotices(): Notices {
  const element = h('div', { class: 'notices' });
  return {
    element,
    show(level, text) {
      const close = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', title: 'Dismiss' }, codicon('close'));
      const notice = h(
        'div',
        { class: `notice notice-${level}`, role: level === 'error' ? 'alert' : 'status' },
        codicon(ICONS[level]),
        h('span', { class: 'notice-text' }, text),
        close,
      );
      close.addEventListener('click', () => notice.remove());
      element.append(notice);
      while (element.childElementCount > 3) element.firstElementChild?.remove();
    },
    clear() {
      element.replaceChildren();
    },
  };
}
