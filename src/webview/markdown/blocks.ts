/**
 * Where a growing markdown text can be cut: which top-level blocks are closed (no later text
 * can change how they render) and where the open tail starts. Pure, so it is tested in Node.
 *
 * A top-level block is closed once another top-level block has started after it AND that
 * next block's first line is complete. The second condition matters: `1. a\n\n2` is a list
 * and a paragraph, but one more `.` turns the paragraph into the list's second item (and
 * ` ```x` after a closing fence reopens the fence). markdown-it itself decides what a block is,
 * so fences with blank lines, loose lists and tables follow its rules exactly.
 */
import type { Token } from './md';

export interface BlockSplit {
  /** Tokens of the closed blocks (render once, never again). */
  closed: Token[];
  /** Tokens of the open tail (re-render on every change). */
  open: Token[];
  /** Offset in the parsed text where the open tail starts (a line start). */
  openOffset: number;
}

/** Indices of tokens that start a top-level block. */
function topLevelStarts(tokens: Token[]): number[] {
  const starts: number[] = [];
  tokens.forEach((token, i) => {
    if (token.level === 0 && token.nesting !== -1 && token.map) starts.push(i);
  });
  return starts;
}

/** Offset where line `line` (0-based) starts, or -1 when the text has fewer lines. */
export function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return -1;
    offset = nl + 1;
  }
  return offset;
}

/** Splits parsed `text` (its `tokens`) into closed blocks and the open tail. */
export function splitBlocks(text: string, tokens: Token[]): BlockSplit {
  const starts = topLevelStarts(tokens);
  if (starts.length < 2) return { closed: [], open: tokens, openOffset: 0 };
  const lastStart = tokens[starts[starts.length - 1] as number] as Token;
  const lastLineOffset = lineOffset(text, (lastStart.map as [number, number])[0]);
  const lastLineComplete = lastLineOffset !== -1 && text.indexOf('\n', lastLineOffset) !== -1;
  const openBlock = starts.length - (lastLineComplete ? 1 : 2);
  if (openBlock <= 0) return { closed: [], open: tokens, openOffset: 0 };
  const openIndex = starts[openBlock] as number;
  const openLine = ((tokens[openIndex] as Token).map as [number, number])[0];
  return { closed: tokens.slice(0, openIndex), open: tokens.slice(openIndex), openOffset: lineOffset(text, openLine) };
}

/** Normalizes line ends as markdown-it does, so offsets here match its line numbers. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
