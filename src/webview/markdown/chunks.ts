/**
 * Rendered blocks are grouped into `.md-chunk` elements of about {@link CHUNK_CHARS} characters
 * of source. Chunks are containment boundaries (`content-visibility: auto` in chat.css): while
 * an answer streams, style, layout and paint touch the chunk being written and skip the rest,
 * so a frame costs the same at the end of a 200 KB answer as at its start.
 *
 * Whether a block starts a new chunk depends only on where it starts in the source, so streamed
 * and one-shot renders group blocks identically.
 */
import { h } from '../dom';
import { normalizeNewlines, topLevelBlocks, type Block } from './blocks';
import { parseMarkdown } from './md';
import { renderTokensToFragment } from './render';

export const CHUNK_CHARS = 2000;

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
      element = h('div', { class: 'md-chunk' });
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
