/**
 * SEARCH/REPLACE blocks (the format popularised by Aider):
 *
 *     src/a.ts
 *     <<<<<<< SEARCH
 *     old lines
 *     =======
 *     new lines
 *     >>>>>>> REPLACE
 *
 * The path is the line just above the SEARCH marker, or else given by the caller (fence info or
 * the line above the fence), or else the previous block's. Blocks are whole lines, so search and
 * replace end with a line break unless empty.
 */
import type { SearchReplaceEdit } from '../types';
import { pathFromLine } from './pathHints';

const SEARCH = /^\s*<{5,9}\s*(?:SEARCH|ORIGINAL)\b/i;
const DIVIDER = /^\s*={5,9}\s*$/;
const REPLACE = /^\s*>{5,9}\s*(?:REPLACE|UPDATED)\b/i;

/** Whether some line of `lines` opens a SEARCH/REPLACE block. */
export function hasSearchReplaceMarkers(lines: readonly string[]): boolean {
  return lines.some((line) => SEARCH.test(line));
}

/** One parsed block, with the index of its SEARCH line within the given lines. */
export interface SearchReplaceBlock {
  path: string;
  edit: SearchReplaceEdit;
  lineIndex: number;
}

/** A block that could not be parsed, with the index of its SEARCH line. */
export interface SearchReplaceProblem {
  lineIndex: number;
  message: string;
}

function block(lines: readonly string[], from: number, to: number): string {
  return from < to ? lines.slice(from, to).join('\n') + '\n' : '';
}

/**
 * Parses every block in `lines`. `defaultPath` applies to blocks with no path line of their own
 * until one names another path.
 */
export function parseSearchReplace(lines: readonly string[], defaultPath: string | undefined): { blocks: SearchReplaceBlock[]; problems: SearchReplaceProblem[] } {
  const blocks: SearchReplaceBlock[] = [];
  const problems: SearchReplaceProblem[] = [];
  let path = defaultPath;
  for (let i = 0; i < lines.length; i++) {
    if (!SEARCH.test(lines[i])) continue;
    const above = i > 0 ? pathFromLine(lines[i - 1]) : undefined;
    if (above) path = above;
    let divider = -1;
    let end = -1;
    for (let j = i + 1; j < lines.length; j++) {
      if (SEARCH.test(lines[j])) break;
      if (divider < 0 && DIVIDER.test(lines[j])) divider = j;
      else if (divider >= 0 && REPLACE.test(lines[j])) {
        end = j;
        break;
      }
    }
    if (divider < 0 || end < 0) {
      const missing = divider < 0 ? "'======='" : "'>>>>>>> REPLACE'";
      problems.push({ lineIndex: i, message: `SEARCH/REPLACE block is not closed: missing ${missing}` });
      continue;
    }
    if (!path) {
      problems.push({ lineIndex: i, message: 'SEARCH/REPLACE block names no file: put the path on the line above it' });
      i = end;
      continue;
    }
    blocks.push({ path, edit: { search: block(lines, i + 1, divider), replace: block(lines, divider + 1, end) }, lineIndex: i });
    i = end;
  }
  return { blocks, problems };
}
