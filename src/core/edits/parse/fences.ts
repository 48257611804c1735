/**
 * Markdown fenced code blocks, found the way CommonMark does it closely enough for model output:
 * ``` or ~~~ fences of three or more characters, closed by the same character at least as long,
 * indentation of the opening fence removed from the body. An unclosed fence runs to the end
 * (a streamed answer that stopped mid-block); the block says so.
 */

/** One fenced block of the answer text. */
export interface FencedBlock {
  /** The info string after the opening fence, trimmed (e.g. "ts path=src/a.ts"). */
  info: string;
  /** First word of the info string, lower-cased ("" when none). */
  lang: string;
  /** The lines between the fences, joined with "\n", ending with "\n" when not empty. */
  body: string;
  /** Offset of the opening fence line and just after the closing fence line in the answer. */
  start: number;
  end: number;
  /** 0-based line index of the opening fence. */
  openLine: number;
  /** Whether a closing fence was found. */
  closed: boolean;
}

/** The answer as lines with their offsets, shared by the parsers. */
export interface AnswerLines {
  lines: string[];
  starts: number[];
  text: string;
}

/** Splits the answer into lines (CRLF tolerated) keeping each line's offset. */
export function toAnswerLines(text: string): AnswerLines {
  const lines: string[] = [];
  const starts: number[] = [];
  const re = /\r?\n/g;
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(pos, m.index));
    starts.push(pos);
    pos = m.index + m[0].length;
  }
  lines.push(text.slice(pos));
  starts.push(pos);
  return { lines, starts, text };
}

const OPEN = /^( {0,3}|\s*)(`{3,}|~{3,})(.*)$/;

/** Offset just after line `i` (its line break included), or the text length. */
export function lineEndOffset(answer: AnswerLines, i: number): number {
  return i + 1 < answer.starts.length ? answer.starts[i + 1] : answer.text.length;
}

/** All fenced blocks, in order. Backtick fences may not have backticks in their info string. */
export function findFences(answer: AnswerLines): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const { lines } = answer;
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, rest] = open;
    if (fence[0] === '`' && rest.includes('`')) continue;
    const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !closing.test(lines[j])) j++;
    const closed = j < lines.length;
    const bodyLines = lines.slice(i + 1, j).map((line) => stripIndent(line, indent.length));
    const info = rest.trim();
    blocks.push({
      info,
      lang: (info.split(/[\s{:]/)[0] ?? '').toLowerCase(),
      body: bodyLines.length > 0 ? bodyLines.join('\n') + '\n' : '',
      start: answer.starts[i],
      end: closed ? lineEndOffset(answer, j) : answer.text.length,
      openLine: i,
      closed,
    });
    i = j;
  }
  return blocks;
}

function stripIndent(line: string, width: number): string {
  let k = 0;
  while (k < width && k < line.length && line[k] === ' ') k++;
  return line.slice(k);
}

/** Line ranges of the answer outside every fence: where bare blocks and JSON may hide. */
export function proseRanges(answer: AnswerLines, blocks: readonly FencedBlock[]): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  for (const block of blocks) {
    const closeLine = block.closed ? answer.starts.findIndex((s) => s >= block.end) : answer.lines.length;
    ranges.push({ from, to: block.openLine });
    from = closeLine < 0 ? answer.lines.length : closeLine;
  }
  ranges.push({ from, to: answer.lines.length });
  return ranges.filter((r) => r.to > r.from);
}
