/** A polite aria-live region: screen readers hear when an answer ends, not every token. */
import { h } from './dom';

export interface Announcer {
  element: HTMLElement;
  announce(text: string): void;
}

export function createAnnouncer(): Announcer {
  const element = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    element,
    announce(text) {
      // Clearing first makes the same sentence ("Answer finished") announce again next time.
      element.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(() => (element.textContent = text), 50);
    },
  };
}
