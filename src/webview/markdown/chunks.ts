/**
 * Rendered blocks are grouped into `.md-chunk` elements of about {@link CHUNK_CHARS} characters
 * of source, and chunks into `.md-group`s of about {@link GROUP_CHARS}. Finished groups, and
 * finished chunks of the last group, are "sealed" (`content-visibility: auto` in chat.css):
 * while an answer streams, style, layout and paint touch the chunk being written and skip the
 * rest, and the browser tracks a handful of sealed elements, not one per chunk, so a frame costs
 * about the same at the end of a 200 KB answer as at its start.
 *
 * Whether a block starts a new chunk or group depends only on where it starts in the source, so
 * streamed and one-shot renders group blocks identically.
 */
import { h } from '../dom';
import { normalizeNewlines, topLevelBlocks, type Block } from './blocks';
import { parseMarkdown } from './md';
import type { GroupParking } from './parking';
import { renderTokensToFragment } from './render';

export const CHUNK_CHARS = 4000;
export const GROUP_CHARS = 32000;
const CHUNK = 'md-chunk';
const GROUP = 'md-group';
const SEALED = 'md-sealed';

/** Where the next closed block goes: the open group and chunk, and where their source starts. */
export interface ChunkState {
  group?: HTMLElement;
  groupStart: number;
  chunk?: HTMLElement;
  chunkStart: number;
}

export const EMPTY_CHUNKS: ChunkState = { groupStart: 0, chunkStart: 0 };

/**
 * Renders `blocks` (offsets shifted by `base`) into `container`, continuing from `state`;
 * returns the state after them, the groups and chunks it created, and the nodes it inserted.
 */
export function placeBlocks(container: ParentNode, blocks: Block[], base: number, state: ChunkState): { state: ChunkState; created: HTMLElement[]; nodes: ChildNode[] } {
  const next = { ...state };
  const created: HTMLElement[] = [];
  const nodes: ChildNode[] = [];
  let run: Block[] = [];
  const flush = () => {
    if (!next.chunk || run.length === 0) return;
    const fragment = renderTokensToFragment(run.flatMap((b) => b.tokens));
    nodes.push(...fragment.childNodes);
    next.chunk.append(fragment);
    run = [];
  };
  for (const block of blocks) {
    const offset = base + block.start;
    const newGroup = !next.group || offset - next.groupStart >= GROUP_CHARS;
    if (newGroup || !next.chunk || offset - next.chunkStart >= CHUNK_CHARS) {
      flush();
      if (newGroup) {
        next.group = h('div', { class: GROUP });
        next.groupStart = offset;
        container.append(next.group);
        created.push(next.group);
      }
      next.chunk = h('div', { class: CHUNK });
      next.chunkStart = offset;
      next.group?.append(next.chunk);
      created.push(next.chunk);
    }
    run.push(block);
  }
  flush();
  return { state: next, created, nodes };
}

/** Renders a whole markdown text in one go (finished answers; the reference for streaming). */
export function renderMarkdown(text: string): DocumentFragment {
  const source = normalizeNewlines(text);
  const fragment = document.createDocumentFragment();
  placeBlocks(fragment, topLevelBlocks(source, parseMarkdown(source)), 0, EMPTY_CHUNKS);
  return fragment;
}

/** The chunk-list elements of `parent` with class `name` (direct children only: no subtree walk). */
const childrenOf = (parent: Element | undefined, name: string) => [...(parent?.children ?? [])].filter((el) => el.classList.contains(name));

/** Groups of `container` and, for each, its chunks: a walk of two levels, never the blocks. */
function chunkElements(container: HTMLElement): { groups: Element[]; chunks: Element[] } {
  const groups = childrenOf(container, GROUP);
  return { groups, chunks: groups.flatMap((group) => childrenOf(group, CHUNK)) };
}

/**
 * Seals, two frames from now, every group but the last and every chunk of the last group but
 * its last; chunks inside sealed groups need no seal of their own. Two frames: by then each
 * element has been laid out once, so `contain-intrinsic-size: auto` remembers its real height
 * (sealing one that never was would show it at the placeholder height for a frame). Only the
 * two chunk levels are walked (a querySelectorAll would visit every rendered element of the
 * answer, a cost that grows with the answer each time a chunk is added). Sealed groups are handed
 * to `parking`, which takes them out of the DOM while they are far from the viewport.
 */
export function sealChunks(container: HTMLElement, parking?: GroupParking): void {
  const before = chunkElements(container);
  const known = new Set([...before.groups, ...before.chunks]);
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const { groups, chunks } = chunkElements(container);
      const lastGroup = groups[groups.length - 1];
      const lastChunks = childrenOf(lastGroup, CHUNK);
      const lastChunk = lastChunks[lastChunks.length - 1];
      for (const el of [...groups, ...chunks]) {
        if (parking?.isParked(el)) continue;
        const isGroup = el.classList.contains(GROUP);
        const seal = isGroup ? el !== lastGroup : el.parentElement === lastGroup && el !== lastChunk;
        if (!seal) el.classList.remove(SEALED);
        else if (known.has(el) && !el.classList.contains(SEALED)) {
          el.classList.add(SEALED);
          if (isGroup) parking?.watch(el as HTMLElement);
        }
      }
    }),
  );
}
