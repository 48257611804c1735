/**
 * Line-number prefixes copied from context. Models see files rendered as "12: foo", "12 | foo",
 * "    12\tfoo" (cat -n) or "12→foo" and sometimes copy the numbers into `search`. The prefixes are
 * stripped only when every non-blank line carries one in the same style with consecutive numbers,
 * which real code practically never does.
 */
import { splitLines } from './textModel';

/** `L12:`, `12:`, ` 12 | `, `12→`, `  12<TAB>`: optional indent, number, one separator style. */
const PREFIX = /^(\s*)L?(\d+)(\s*[:|│→]\s?|\t)(.*)$/;

/** The result of stripping: the texts without prefixes and the first line's number. */
export interface StrippedLineNumbers {
  search: string;
  replace: string;
  /** 1-based number found on the first line: a line hint when the edit gave none. */
  firstLine: number;
}

function separatorKind(separator: string): string {
  return separator.trim() || '\t';
}

/**
 * Strips line-number prefixes from `search` and, where present in the same style, from
 * `replace` (models usually number the lines they keep and not the ones they add).
 * Returns undefined when `search` does not consistently carry such prefixes.
 */
export function stripLineNumbers(search: string, replace: string): StrippedLineNumbers | undefined {
  const lines = splitLines(search);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let kind: string | undefined;
  let expected: number | undefined;
  let firstLine = 0;
  const stripped: string[] = [];
  for (const line of lines) {
    const m = PREFIX.exec(line);
    if (!m) {
      // A blank line inside a numbered block may have lost its number; anything else may not.
      if (line.trim() !== '' || expected === undefined) return undefined;
      stripped.push('');
      expected++;
      continue;
    }
    const number = Number(m[2]);
    const sep = separatorKind(m[3]);
    if (kind === undefined) {
      kind = sep;
      firstLine = number;
    } else if (sep !== kind || number !== expected) {
      return undefined;
    }
    expected = number + 1;
    stripped.push(m[4]);
  }
  if (kind === undefined || firstLine < 1) return undefined;
  const replaceLines = splitLines(replace).map((line) => {
    const m = PREFIX.exec(line);
    return m && separatorKind(m[3]) === kind ? m[4] : line;
  });
  const trailing = /\r?\n$/.test(search) ? '\n' : '';
  return { search: stripped.join('\n') + trailing, replace: replaceLines.join('\n'), firstLine };
}
