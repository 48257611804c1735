/**
 * Long answers keep a bounded DOM: a finished group of chunks (see chunks.ts) that is far from
 * the viewport is "parked": its chunks move into a detached fragment and the group keeps its
 * height as an inline style, so nothing on screen moves. When it comes near the viewport again
 * (well before it is visible) the same nodes go back in.
 *
 * Why more than `content-visibility: auto`: sealed groups skip rendering, but every one of them
 * still costs the browser work on each frame (measured: streaming 50 KB into an answer that
 * already holds 150 KB took ~30% more style time than into an empty one), so per-frame cost
 * grew with the answer. Parked groups are plain empty boxes; what stays in the DOM is the part
 * near the viewport, however long the answer gets.
 *
 * A group is never parked while it holds the selection or the focus (parking would drop them).
 */
const SEALED = 'md-sealed';
const PARKED = 'md-parked';

export class GroupParking {
  private readonly observer: IntersectionObserver;
  private readonly parked = new Map<Element, DocumentFragment>();

  /**
   * @param root the scroll container the answers are in
   * @param margin how far from the visible part of `root` groups stay in the DOM (CSS margin)
   */
  constructor(root: HTMLElement, margin = '300% 0px') {
    this.observer = new IntersectionObserver((entries) => this.update(entries), { root, rootMargin: margin });
  }

  /** Starts watching a group that was just sealed (finished). */
  watch(group: HTMLElement): void {
    this.observer.observe(group);
  }

  /** Stops watching the groups of `container` (its answer was re-rendered or left the DOM). */
  release(container: HTMLElement): void {
    for (const group of container.children) {
      this.observer.unobserve(group);
      this.parked.delete(group);
    }
  }

  /** Whether `group` is parked now. */
  isParked(group: Element): boolean {
    return this.parked.has(group);
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const group = entry.target as HTMLElement;
      if (!group.isConnected) {
        this.observer.unobserve(group);
        this.parked.delete(group);
      } else if (entry.isIntersecting) {
        this.unpark(group);
      } else {
        this.park(group, entry.boundingClientRect.height);
      }
    }
  }

  private park(group: HTMLElement, height: number): void {
    if (this.parked.has(group) || height <= 0 || holdsSelectionOrFocus(group)) return;
    const fragment = document.createDocumentFragment();
    fragment.append(...group.childNodes);
    this.parked.set(group, fragment);
    group.style.height = `${height}px`;
    group.classList.remove(SEALED);
    group.classList.add(PARKED);
  }

  private unpark(group: HTMLElement): void {
    const fragment = this.parked.get(group);
    if (!fragment) return;
    this.parked.delete(group);
    group.classList.remove(PARKED);
    group.classList.add(SEALED);
    group.append(fragment);
    // Chromium writes CSSOM changes to the style attribute lazily: removing the attribute while a
    // write is pending brings it back as `style=""` later. Reading it first settles the write.
    group.style.removeProperty('height');
    if (!group.getAttribute('style')) group.removeAttribute('style');
  }
}

function holdsSelectionOrFocus(group: HTMLElement): boolean {
  if (document.activeElement && group.contains(document.activeElement)) return true;
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  return selection.getRangeAt(0).intersectsNode(group);
}
