/**
 * A virtualized vertical list: only items near the viewport have DOM; the rest are two spacers
 * of the summed heights (measured once an item was shown, estimated before). A 500-turn
 * conversation therefore opens with a handful of rendered turns, and memory stays bounded
 * however long the chat gets. Chrome's scroll anchoring keeps the view still when an item
 * above it turns out taller or shorter than estimated (spacers opt out of being anchors).
 */
import { h } from '../dom';

/** One rendered item, owned by the list until it scrolls far away. */
export interface RenderedItem {
  readonly element: HTMLElement;
  dispose(): void;
}

export interface VirtualListOptions<T> {
  key(item: T): string;
  estimate(item: T, width: number): number;
  create(item: T): RenderedItem;
  /** Pixels rendered beyond each edge of the viewport (at least one viewport is used). */
  overscan?: number;
  /** A rendered item changed size (it streamed, or off-screen markdown chunks got their real size). */
  onResize?: () => void;
}

/** Writes a spacer's height only when it changed: an unchanged write still dirties layout. */
function setHeight(element: HTMLElement, px: number): void {
  const value = `${px}px`;
  if (element.style.height !== value) element.style.height = value;
}

export class VirtualList<T> {
  readonly content = h('div', { class: 'virtual-content' });
  private readonly top = h('div', { class: 'virtual-spacer', 'aria-hidden': 'true' });
  private readonly bottom = h('div', { class: 'virtual-spacer', 'aria-hidden': 'true' });
  private items: T[] = [];
  private heights: number[] = [];
  private readonly rendered = new Map<string, RenderedItem>();
  private readonly indexOf = new Map<string, number>();
  private readonly observer: ResizeObserver;

  constructor(
    readonly scroller: HTMLElement,
    private readonly options: VirtualListOptions<T>,
  ) {
    scroller.append(this.top, this.content, this.bottom);
    // Keep heights current as rendered items grow (streaming) or reflow (resize, details toggle).
    this.observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const index = this.indexOf.get((entry.target as HTMLElement).dataset.key ?? '');
        if (index !== undefined) this.heights[index] = (entry.target as HTMLElement).offsetHeight;
      }
      this.options.onResize?.();
    });
  }

  get length(): number {
    return this.items.length;
  }

  /** Rendered item of `key`, if it is near the viewport now. */
  get(key: string): RenderedItem | undefined {
    return this.rendered.get(key);
  }

  at(index: number): T | undefined {
    return this.items[index];
  }

  find(key: string): T | undefined {
    const index = this.indexOf.get(key);
    return index === undefined ? undefined : this.items[index];
  }

  /** Replaces every item (opening a conversation); call {@link refresh} or a scroll method after. */
  setItems(items: T[]): void {
    for (const key of [...this.rendered.keys()]) this.drop(key);
    this.items = [...items];
    const width = this.content.clientWidth || this.scroller.clientWidth;
    this.heights = this.items.map((item) => this.options.estimate(item, width));
    this.reindex();
  }

  append(item: T): void {
    this.items.push(item);
    this.heights.push(this.options.estimate(item, this.content.clientWidth));
    this.indexOf.set(this.options.key(item), this.items.length - 1);
    this.refresh();
  }

  remove(key: string): void {
    const index = this.indexOf.get(key);
    if (index === undefined) return;
    this.drop(key);
    this.items.splice(index, 1);
    this.heights.splice(index, 1);
    this.reindex();
    this.refresh();
  }

  /** Re-creates the item's DOM if it is rendered (its model changed in a way elements do not track). */
  rerender(key: string): void {
    if (!this.rendered.has(key)) return;
    this.drop(key);
    this.refresh();
  }

  /** Renders the items near the viewport and drops the others. Cheap when nothing changed. */
  refresh(): void {
    const { scrollTop, clientHeight } = this.scroller;
    const overscan = Math.max(this.options.overscan ?? 0, clientHeight);
    const from = scrollTop - overscan;
    const to = scrollTop + clientHeight + overscan;
    let start = 0;
    let y = 0;
    while (start < this.items.length && y + (this.heights[start] as number) <= from) y += this.heights[start++] as number;
    let end = start;
    while (end < this.items.length && y < to) y += this.heights[end++] as number;
    this.renderRange(start, end);
  }

  /** Shows the last items and scrolls to the very bottom. */
  scrollToBottom(): void {
    this.scroller.scrollTop = this.totalHeight();
    this.refresh();
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.refresh(); // measured heights may have pulled a few more items into range
  }

  /** Scrolls so that `offset` pixels into item `key` are at the top of the viewport. */
  scrollToItem(key: string, offset = 0): boolean {
    const index = this.indexOf.get(key);
    if (index === undefined) return false;
    this.scroller.scrollTop = this.offsetOf(index) + offset;
    this.refresh();
    this.scroller.scrollTop = this.offsetOf(index) + offset; // now with measured heights
    return true;
  }

  /** The item at the top of the viewport and how far into it the viewport starts. */
  topItem(): { key: string; offset: number } | undefined {
    const top = this.scroller.scrollTop;
    let y = 0;
    for (let i = 0; i < this.items.length; i++) {
      const height = this.heights[i] as number;
      if (y + height > top) return { key: this.options.key(this.items[i] as T), offset: top - y };
      y += height;
    }
    return undefined;
  }

  private offsetOf(index: number): number {
    let y = 0;
    for (let i = 0; i < index; i++) y += this.heights[i] as number;
    return y;
  }

  private totalHeight(): number {
    return this.offsetOf(this.items.length);
  }

  private renderRange(start: number, end: number): void {
    const wanted = new Set<string>();
    for (let i = start; i < end; i++) wanted.add(this.options.key(this.items[i] as T));
    for (const key of [...this.rendered.keys()]) if (!wanted.has(key)) this.drop(key);
    const created: [number, HTMLElement][] = [];
    let next: ChildNode | null = this.content.firstChild;
    for (let i = start; i < end; i++) {
      const item = this.items[i] as T;
      const key = this.options.key(item);
      let rendered = this.rendered.get(key);
      if (!rendered) {
        rendered = this.options.create(item);
        rendered.element.dataset.key = key;
        this.rendered.set(key, rendered);
        created.push([i, rendered.element]);
      }
      if (rendered.element !== next) this.content.insertBefore(rendered.element, next);
      else next = next.nextSibling;
    }
    // One layout for all new items: their real heights replace the estimates right away.
    for (const [i, element] of created) {
      this.heights[i] = element.offsetHeight;
      this.observer.observe(element);
    }
    setHeight(this.top, this.sum(0, start));
    setHeight(this.bottom, this.sum(end, this.items.length));
  }

  private sum(from: number, to: number): number {
    let total = 0;
    for (let i = from; i < to; i++) total += this.heights[i] as number;
    return total;
  }

  private drop(key: string): void {
    const rendered = this.rendered.get(key);
    if (!rendered) return;
    this.observer.unobserve(rendered.element);
    rendered.element.remove();
    rendered.dispose();
    this.rendered.delete(key);
  }

  private reindex(): void {
    this.indexOf.clear();
    this.items.forEach((item, i) => this.indexOf.set(this.options.key(item), i));
  }
}
