/**
 * A line's code apart from its prose: comment text and string contents are taken out of the code
 * and kept as words, so the wording stage can compare code exactly and prose by word.
 */
import { squash } from './similarity';
import { normalizeTypography } from './typography';

/** A line split into its code and the words of its comments and strings. */
export interface LineParts {
  /** The code with comment text and string contents taken out, squashed and made plain. */
  code: string;
  /** Words of comments and strings. */
  words: string[];
}

type LexState = 'code' | 'block' | 'html' | '"""' | "'''" | '`';

const WORDS = /[\p{L}\p{N}_$]+/gu;
/** Characters that may start a comment or a string; runs of other characters are plain code. */
const SPECIAL = new Set(['/', '<', '#', '-', '"', "'", '`']);

/**
 * Splits lines into code and comment/string words, carrying block comments and multi-line
 * strings from one line to the next. Knows the comment and string syntax of the C family,
 * Python, shell, SQL and HTML well enough to tell code from prose; nothing more is needed.
 */
export function splitCodeAndWords(lines: readonly string[]): LineParts[] {
  let state: LexState = 'code';
  return lines.map((line) => {
    let code = '';
    let prose = '';
    let i = 0;
    const closeAt = (marker: string, next: LexState) => {
      const end = line.indexOf(marker, i);
      if (end < 0) {
        prose += ' ' + line.slice(i);
        i = line.length;
        return;
      }
      prose += ' ' + line.slice(i, end);
      i = end + marker.length;
      code += marker;
      state = next;
    };
    while (i < line.length) {
      if (state === 'block') closeAt('*/', 'code');
      else if (state === 'html') closeAt('-->', 'code');
      else if (state !== 'code') closeAt(state, 'code');
      if (i >= line.length) break;
      const ch = line[i];
      const spaced = i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t';
      if (!SPECIAL.has(ch)) {
        let j = i + 1;
        while (j < line.length && !SPECIAL.has(line[j])) j++;
        code += line.slice(i, j);
        i = j;
      } else if (line.startsWith('/*', i)) {
        code += '/*';
        i += 2;
        state = 'block';
      } else if (line.startsWith('<!--', i)) {
        code += '<!--';
        i += 4;
        state = 'html';
      } else if (line.startsWith('//', i) || (ch === '#' && spaced && /^(?:[ \t#!]|$)/.test(line.slice(i + 1, i + 2))) || (spaced && line.startsWith('-- ', i))) {
        code += line.startsWith('//', i) ? '//' : ch;
        prose += ' ' + line.slice(i);
        i = line.length;
      } else if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
        state = line.slice(i, i + 3) as LexState;
        code += state;
        i += 3;
      } else if (ch === '`') {
        code += '`';
        i += 1;
        state = '`';
      } else if (ch === '"' || (ch === "'" && !/[\p{L}\p{N}]/u.test(line[i - 1] ?? ''))) {
        let j = i + 1;
        while (j < line.length && line[j] !== ch) j += line[j] === '\\' ? 2 : 1;
        code += ch + ch;
        prose += ' ' + line.slice(i + 1, j);
        i = j + 1;
      } else {
        code += ch;
        i += 1;
      }
    }
    return { code: squash(normalizeTypography(code)), words: prose.match(WORDS) ?? [] };
  });
}
