/**
 * The input area: a textarea (Enter sends, Shift+Enter is a newline, IME-safe), Send that turns
 * into Stop while an answer streams, edit-and-resend of the last message (↑ in an empty input),
 * context chips, pasted/dropped images, the `@` file picker and context warnings.
 */
import type { HostMessage, ModelView } from '../../shared/protocol';
import { codicon, h } from '../dom';
import { formatTokens } from '../format';
import { loadPersisted, post, savePersisted } from '../vscodeApi';
import { ChipRow } from './chips';
import { imageFiles, MAX_IMAGES, readImages } from './images';
import { MentionPicker } from './mentions';

type ContextInfo = Extract<HostMessage, { type: 'contextInfo' }>;

export interface ComposerDeps {
  lastUserText(): string | undefined;
  currentModel(): ModelView | undefined;
  /** Shows a short problem near the input (rejected image, nothing to edit). */
  warn(text: string): void;
}

export class Composer {
  readonly element: HTMLElement;
  readonly input = h('textarea', {
    class: 'input',
    rows: '1',
    'aria-label': 'Message Grok',
    placeholder: 'Ask Grok… (@ to add a file, ↑ to edit your last message)',
  });
  readonly chips = new ChipRow();
  private readonly mentions = new MentionPicker(this.input);
  private readonly button = h('button', { type: 'button', class: 'icon-button primary send-button' });
  private readonly warning = h('div', { class: 'context-warning', role: 'status', hidden: true });
  private readonly editBanner = h('div', { class: 'edit-banner', hidden: true });
  private readonly tokens = h('span', { class: 'context-tokens' });
  private streaming = false;
  private info: ContextInfo | undefined;
  private windowOverride: number | undefined;
  private editing = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: ComposerDeps) {
    const cancelEdit = h('button', { type: 'button', class: 'text-button' }, 'Cancel');
    cancelEdit.addEventListener('click', () => this.endEdit(true));
    this.editBanner.append(codicon('edit'), h('span', {}, 'Editing your last message: Enter resends it.'), cancelEdit);
    const inputWrap = h('div', { class: 'input-wrap' }, this.mentions.element, this.input);
    const bar = h('div', { class: 'composer-bar' }, this.tokens, h('span', { class: 'spacer' }), this.button);
    this.element = h('div', { class: 'composer' }, this.warning, this.editBanner, this.chips.element, inputWrap, bar);
    this.input.value = loadPersisted().draft ?? '';
    this.setStreaming(false);
    this.chips.setAttachments([]);
    this.wire();
  }

  private wire(): void {
    const { input } = this;
    this.button.addEventListener('click', () => (this.streaming ? post({ type: 'stop' }) : this.submit()));
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('input', () => {
      this.autoGrow();
      this.mentions.update();
      clearTimeout(this.draftTimer);
      this.draftTimer = setTimeout(() => savePersisted({ draft: input.value }), 300);
    });
    input.addEventListener('blur', () => this.mentions.close());
    // Fit the text (or the placeholder, which wraps in a narrow sidebar) whenever the width
    // changes: on first layout (a restored draft, a view shown after being hidden) and on resize.
    let width = -1;
    new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0);
      if (next === width) return; // the height change autoGrow makes reports here too
      width = next;
      this.autoGrow();
    }).observe(input);
    input.addEventListener('paste', (event) => {
      const files = imageFiles(event.clipboardData);
      if (files.length === 0) return; // plain text pastes as usual
      event.preventDefault();
      void this.addImages(files);
    });
    this.element.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
    this.element.addEventListener('drop', (event) => {
      const files = imageFiles(event.dataTransfer);
      if (files.length === 0) return;
      event.preventDefault();
      void this.addImages(files);
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing || event.keyCode === 229) return; // an IME is composing: Enter picks a candidate
    if (this.mentions.handleKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      this.submit();
    } else if (event.key === 'ArrowUp' && this.input.value === '' && !this.streaming) {
      const last = this.deps.lastUserText();
      if (last === undefined) return;
      event.preventDefault();
      this.beginEdit(last);
    } else if (event.key === 'Escape' && this.streaming) {
      event.preventDefault();
      post({ type: 'stop' }); // Esc stops, as Stop does (keeps what arrived)
    } else if (event.key === 'Escape' && this.editing) {
      event.preventDefault();
      this.endEdit(true);
    }
  }

  /** Sends the input (or resends the edited last message). Does nothing while an answer streams. */
  submit(): void {
    const text = this.input.value.trim();
    if (this.streaming || !text) return;
    if (this.editing) {
      post({ type: 'editLast', text });
      this.endEdit(false);
    } else {
      const images = this.chips.localImages.map(({ dataUrl, name }) => ({ dataUrl, name }));
      post(images.length > 0 ? { type: 'send', text, images } : { type: 'send', text });
      this.chips.clearImages();
    }
    this.setText('');
  }

  /** Puts the last user message into the input for edit-and-resend. */
  beginEdit(text: string): void {
    this.editing = true;
    this.editBanner.hidden = false;
    this.setText(text);
  }

  private endEdit(restoreEmpty: boolean): void {
    this.editing = false;
    this.editBanner.hidden = true;
    if (restoreEmpty) this.setText('');
  }

  /** Replaces the input text (host `setInput`, edit) and focuses it with the caret at the end. */
  setText(text: string): void {
    this.input.value = text;
    this.input.focus();
    this.input.setSelectionRange(text.length, text.length);
    this.autoGrow();
    savePersisted({ draft: text });
  }

  setStreaming(streaming: boolean): void {
    this.streaming = streaming;
    const [label, icon, title] = streaming ? ['Stop', 'debug-stop', 'Stop (Esc; keeps what arrived)'] : ['Send', 'send', 'Send (Enter)'];
    this.button.setAttribute('aria-label', label);
    this.button.title = title;
    this.button.classList.toggle('stop', streaming);
    this.button.replaceChildren(codicon(icon));
  }

  setContextInfo(info: ContextInfo): void {
    this.info = info;
    this.windowOverride = undefined;
    this.renderMeter();
    this.showWarning(info.warning);
  }

  /** The picker chose another model: until the host's next estimate, the meter uses its window. */
  modelChanged(): void {
    this.windowOverride = this.deps.currentModel()?.contextWindow;
    this.renderMeter();
  }

  private renderMeter(): void {
    const info = this.info;
    const limit = this.windowOverride ?? info?.limit;
    // Nothing to count yet (a new chat with no file open): no "~0 / 1M tokens".
    if (!info || info.tokens === 0) {
      this.tokens.textContent = '';
      return;
    }
    this.tokens.textContent = limit ? `~${formatTokens(info.tokens)} / ${formatTokens(limit)} tokens` : `~${formatTokens(info.tokens)} tokens`;
    this.tokens.title = limit ? `About ${info.tokens.toLocaleString('en-US')} tokens of the model's ${limit.toLocaleString('en-US')}-token context window` : '';
  }

  setFileResults(query: string, files: { path: string; label: string }[]): void {
    this.mentions.setResults(query, files);
  }

  private showWarning(text: string | undefined): void {
    this.warning.replaceChildren(...(text ? [codicon('warning'), h('span', {}, text)] : []));
    this.warning.hidden = !text;
  }

  private async addImages(files: File[]): Promise<void> {
    const room = MAX_IMAGES - this.chips.localImages.length;
    const { images, rejected } = await readImages(files, room);
    this.chips.addImages(images);
    for (const reason of rejected) this.deps.warn(reason);
    const model = this.deps.currentModel();
    if (images.length > 0 && model && !model.vision) this.deps.warn(`${model.id} does not accept images: choose one that accepts images (the model picker's tooltip says which).`);
  }

  private autoGrow(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, window.innerHeight * 0.4)}px`;
  }
}
