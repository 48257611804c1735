/**
 * Rendered blocks are grouped into `.md-chunk` elements of about {@link CHUNK_CHARS} characters
 * of source. Every chunk but the last is "sealed" (`content-visibility: auto` in chat.css): while
 * an answer streams, style, layout and paint touch the chunk being written and skip the rest,
 * so a frame costs about the same at the end of a 200 KB answer as at its start.
 *
 * Whether a block starts a new chunk depends only on where it starts in the source, so streamed
 * and one-shot renders group blocks identically.
 */
import { h } from '../dom';
import { normalizeNewlines, topLevelBlocks, type Block } from './blocks';
import { parseMarkdown } from './md';
import { renderTokensToFragment } from './render';

export const CHUNK_CHARS = 4000;
const CHUNK_CLASS = 'md-chunk';
const SEALED_CLASS = 'md-sealed';

export interface ChunkState {
  element: HTMLElement | undefined;
  start: number;
}

/**
 * Renders `blocks` (offsets shifted by `base`) into `container`, continuing from `state`;
 * returns the state after them and the chunks it created.
 */
export function placeBlocks(container: ParentNode, blocks: Block[], base: number, state: ChunkState): { state: ChunkState; created: HTMLElement[]; nodes: ChildNode[] } {
  let { element, start } = state;
  const created: HTMLElement[] = [];
  const nodes: ChildNode[] = [];
  let run: Block[] = [];
  const flush = () => {
    if (!element || run.length === 0) return;
    const fragment = renderTokensToFragment(run.flatMap((b) => b.tokens));
    nodes.push(...fragment.childNodes);
    element.append(fragment);
    run = [];
  };
  for (const block of blocks) {
    const offset = base + block.start;
    if (!element || offset - start >= CHUNK_CHARS) {
      flush();
      element = h('div', { class: CHUNK_CLASS });
      start = offset;
      container.append(element);
      created.push(element);
    }
    run.push(block);
  }
  flush();
  return { state: { element, start }, created, nodes };
}

/** Renders a whole markdown text in one go (finished answers; the reference for streaming). */
export function renderMarkdown(text: string): DocumentFragment {
  const source = normalizeNewlines(text);
  const fragment = document.createDocumentFragment();
  placeBlocks(fragment, topLevelBlocks(source, parseMarkdown(source)), 0, { element: undefined, start: 0 });
  return fragment;
}

/**
 * Seals the chunks now in `container`, all but its last chunk, two frames from now: by then each
 * has been laid out once, so `contain-intrinsic-size: auto` remembers its real height (sealing
 * a chunk that was never laid out would show it at the 1000px placeholder for a frame).
 */
export function sealChunks(container: HTMLElement): void {
  const chunks = [...container.children].filter((child) => child.classList.contains(CHUNK_CLASS));
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const last = [...container.children].reverse().find((child) => child.classList.contains(CHUNK_CLASS));
      for (const chunk of chunks) if (chunk.parentNode === container) chunk.classList.toggle(SEALED_CLASS, chunk !== last);
    }),
  );
}
