/**
 * Incremental rendering of a growing markdown text into a container.
 *
 * Deltas only append to a string; once per animation frame the open part of the text (from the
 * first block that is not closed yet) is parsed, blocks that became closed are rendered once and
 * left alone for good, and the open tail block is rendered again in place. The cost per frame is
 * that of the tail, not of the whole answer, so streaming 4x the text costs ~4x the time. The
 * DOM at the end is node for node what {@link renderMarkdown} gives for the whole text.
 */
import { cancelFrame, scheduleFrame } from '../frames';
import { splitBlocks } from './blocks';
import { EMPTY_CHUNKS, placeBlocks, sealChunks, type ChunkState } from './chunks';
import { parseMarkdown } from './md';
import type { GroupParking } from './parking';

export class MarkdownStream {
  /**
   * The text rendered for good, and the open tail after it. Kept apart so a frame only reads the
   * tail: slicing one growing string would copy all of it every frame (V8 flattens the string
   * that `+=` built before it can slice it), a cost that grows with the answer.
   */
  private closedText = '';
  private tail = '';
  /** Length of `closedText`: where the open tail starts in the whole text. */
  private closedOffset = 0;
  /** The chunk closed blocks go into next (see chunks.ts). */
  private chunks: ChunkState = EMPTY_CHUNKS;
  /** The DOM of the open tail (its nodes, and chunks only it is in), replaced on every render. */
  private tailNodes: ChildNode[] = [];
  private tailChunks: HTMLElement[] = [];
  private pendingCr = false;
  private rendered = true;
  private active: boolean;
  private readonly parking: GroupParking | undefined;
  private readonly render = () => this.renderNow();

  /**
   * @param container where the rendered blocks go (owned by this stream)
   * @param options.active when false, text accumulates and renders only once activated (a
   *   collapsed "Thinking" section costs nothing until it is opened)
   * @param options.parking takes finished groups far from the viewport out of the DOM
   */
  constructor(
    readonly container: HTMLElement,
    options: { active?: boolean; parking?: GroupParking } = {},
  ) {
    this.active = options.active ?? true;
    this.parking = options.parking;
  }

  /** The text so far, with line ends normalized as markdown-it sees them. */
  get value(): string {
    return this.closedText + this.tail;
  }

  /** Appends streamed text; it renders at the next animation frame. */
  append(delta: string): void {
    if (!delta) return;
    // CRLF may be split across deltas: a trailing \r already became \n, so drop the next \n.
    const skipLf = this.pendingCr && delta.startsWith('\n');
    this.pendingCr = delta.endsWith('\r');
    this.tail += (skipLf ? delta.slice(1) : delta).replace(/\r\n?/g, '\n');
    this.rendered = false;
    if (this.active) scheduleFrame(this.render);
  }

  /** Starts or pauses rendering; activating renders what is pending at once. */
  setActive(active: boolean): void {
    this.active = active;
    if (active) this.flush();
    else cancelFrame(this.render);
  }

  /** Renders pending text now (the turn ended, or the element was just created). */
  flush(): void {
    cancelFrame(this.render);
    this.renderNow();
  }

  /** Replaces the whole text (the host sent a final text that differs) and renders it now. */
  reset(text: string): void {
    this.parking?.release(this.container);
    this.container.replaceChildren();
    this.closedText = '';
    this.tail = '';
    this.closedOffset = 0;
    this.chunks = EMPTY_CHUNKS;
    this.tailNodes = [];
    this.tailChunks = [];
    this.pendingCr = false;
    this.rendered = true;
    this.append(text);
    if (this.active) this.flush();
  }

  /** Stops pending work; the container keeps what was rendered. */
  dispose(): void {
    cancelFrame(this.render);
    this.parking?.release(this.container);
  }

  private renderNow(): void {
    if (this.rendered) return;
    this.rendered = true;
    const base = this.closedOffset;
    const tail = this.tail;
    const split = splitBlocks(tail, parseMarkdown(tail));
    for (const node of this.tailNodes) node.remove();
    for (const chunk of this.tailChunks) chunk.remove();
    const tentativeBefore = this.tailChunks.length;
    let chunksChanged = false;
    if (split.closed.length > 0) {
      const closed = placeBlocks(this.container, split.closed, base, this.chunks);
      this.chunks = closed.state;
      this.closedOffset = base + split.openOffset;
      this.closedText += tail.slice(0, split.openOffset);
      this.tail = tail.slice(split.openOffset);
      chunksChanged ||= closed.created.length > 0;
    }
    // The tail goes where its blocks would go if closed, without moving the chunk state on.
    const open = placeBlocks(this.container, split.open, base, this.chunks);
    this.tailNodes = open.nodes;
    this.tailChunks = open.created;
    // Re-seal only when the chunk list changed, not on every frame the tail sits in a new chunk.
    if (chunksChanged || open.created.length !== tentativeBefore) sealChunks(this.container, this.parking);
  }
}
