/**
 * The `@` file picker: typing `@name` asks the host for matching workspace files, shows them in
 * a listbox under the caret's line, and choosing one (Enter, Tab or click) attaches the file and
 * puts the file's name in place of the `@name` text (the rest of the sentence is kept). Arrow keys move, Escape closes; focus stays in the input.
 */
import { h } from '../dom';
import { post } from '../vscodeApi';

interface Query {
  text: string;
  /** Where the `@` is in the input. */
  start: number;
}

export class MentionPicker {
  readonly element = h('ul', { id: 'mention-list', class: 'mention-list', role: 'listbox', 'aria-label': 'Files', hidden: true });
  private query: Query | undefined;
  private files: { path: string; label: string }[] = [];
  private active = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly input: HTMLTextAreaElement) {
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', 'mention-list');
    input.setAttribute('aria-expanded', 'false');
    this.element.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Call on every input: opens, narrows or closes the picker from the text before the caret. */
  update(): void {
    const before = this.input.value.slice(0, this.input.selectionStart);
    const match = /(?:^|\s)@([^\s@]{0,100})$/.exec(before);
    if (!match) return this.close();
    const text = match[1] as string;
    this.query = { text, start: before.length - text.length - 1 };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => post({ type: 'searchFiles', query: text }), 80);
  }

  /** The host's answer; stale answers (for an older query) are ignored. */
  setResults(query: string, files: { path: string; label: string }[]): void {
    if (!this.query || query !== this.query.text) return;
    this.files = files.slice(0, 50);
    this.active = 0;
    this.render();
  }

  /** Handles navigation keys while open; returns true when it used the key. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.isOpen) return false;
    const count = this.files.length;
    switch (event.key) {
      case 'ArrowDown':
        this.move(1);
        break;
      case 'ArrowUp':
        this.move(-1);
        break;
      case 'Enter':
      case 'Tab':
        if (count === 0 || event.shiftKey) return false;
        this.choose(this.active);
        break;
      case 'Escape':
        this.close();
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  }

  close(): void {
    clearTimeout(this.timer);
    this.query = undefined;
    this.element.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private move(step: number): void {
    if (this.files.length === 0) return;
    this.active = (this.active + step + this.files.length) % this.files.length;
    this.render();
  }

  private render(): void {
    this.element.replaceChildren(
      ...this.files.map((file, i) => {
        const option = h(
          'li',
          { id: `mention-${i}`, class: 'mention-option', role: 'option', 'aria-selected': i === this.active ? 'true' : 'false', title: file.path },
          h('span', { class: 'mention-label' }, file.label),
          h('span', { class: 'mention-path' }, file.path),
        );
        option.addEventListener('click', () => this.choose(i));
        return option;
      }),
    );
    if (this.files.length === 0) this.element.append(h('li', { class: 'mention-empty', role: 'presentation' }, 'No matching files'));
    this.element.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.files.length > 0) {
      this.input.setAttribute('aria-activedescendant', `mention-${this.active}`);
      this.element.children[this.active]?.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private choose(index: number): void {
    const file = this.files[index];
    const query = this.query;
    if (!file || !query) return;
    post({ type: 'attachFile', path: file.path });
    // Only the `@query` goes: the file's name takes its place so the sentence still reads ("look at
    // app.ts and…"), and nothing else is touched. If the text changed since the query was read,
    // it is left as it is.
    const { value } = this.input;
    const typed = `@${query.text}`;
    if (value.slice(query.start, query.start + typed.length) === typed) {
      const after = value.slice(query.start + typed.length);
      const name = after === '' || !/^\s/.test(after) ? `${file.label} ` : file.label;
      this.input.value = value.slice(0, query.start) + name + after;
      const caret = query.start + name.length;
      this.input.setSelectionRange(caret, caret);
      this.input.dispatchEvent(new Event('input'));
    }
    this.close();
  }
}
