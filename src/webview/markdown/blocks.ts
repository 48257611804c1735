/**
 * Where a growing markdown text can be cut: which top-level blocks are closed (no later text
 * can change how they render) and which form the open tail. Pure, so it is tested in Node.
 *
 * A top-level block is closed once another top-level block has started after it AND that
 * next block's first line is complete. The second condition matters: `1. a\n\n2` is a list
 * and a paragraph, but one more `.` turns the paragraph into the list's second item (and
 * ` ```x` after a closing fence reopens the fence). markdown-it itself decides what a block is,
 * so fences with blank lines, loose lists and tables follow its rules exactly.
 */
import type { Token } from './md';

/** One top-level block: its tokens and where its source starts in the parsed text. */
export interface Block {
  tokens: Token[];
  start: number;
}

export interface BlockSplit {
  /** Blocks that are closed (render once, never again). */
  closed: Block[];
  /** Blocks of the open tail (re-render on every change). */
  open: Block[];
  /** Offset in the parsed text where the open tail starts (a line start). */
  openOffset: number;
}

/** Offsets where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Groups parsed tokens into top-level blocks with their source offsets. */
export function topLevelBlocks(text: string, tokens: Token[]): Block[] {
  const lines = lineStarts(text);
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const token of tokens) {
    if (token.level === 0 && token.nesting !== -1 && token.map) {
      current = { tokens: [], start: lines[token.map[0]] ?? text.length };
      blocks.push(current);
    }
    current?.tokens.push(token);
  }
  return blocks;
}

/** Splits parsed `text` (its `tokens`) into closed blocks and the open tail. */
export function splitBlocks(text: string, tokens: Token[]): BlockSplit {
  const blocks = topLevelBlocks(text, tokens);
  const last = blocks[blocks.length - 1];
  if (!last || blocks.length < 2) return { closed: [], open: blocks, openOffset: 0 };
  const lastLineComplete = text.indexOf('\n', last.start) !== -1;
  const openIndex = blocks.length - (lastLineComplete ? 1 : 2);
  if (openIndex <= 0) return { closed: [], open: blocks, openOffset: 0 };
  return { closed: blocks.slice(0, openIndex), open: blocks.slice(openIndex), openOffset: (blocks[openIndex] as Block).start };
}

/** All tokens of `blocks`, in order. */
export function tokensOf(blocks: Block[]): Token[] {
  return blocks.flatMap((block) => block.tokens);
}

/** Normalizes line ends as markdown-it does, so offsets here match its line numbers. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
