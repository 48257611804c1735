/**
 * Per-file lookup tables shared by all edits of one plan. Built lazily: most edits match exactly
 * and never need them, and a huge file should pay only for the tables a loose stage really uses.
 */
import { detectIndentStyle, type IndentStyle } from './indent';
import { squash } from './similarity';
import { toTextModel, type TextModel } from './textModel';
import { normalizeTypography, TYPOGRAPHIC } from './typography';
import { splitCodeAndWords, type LineParts } from './codeWords';

/** Lines normalized one way, with a map from normalized line to the line indexes holding it. */
export interface LineIndex {
  readonly normalized: readonly string[];
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

/** The file's non-blank lines, which the blank-line and fuzzy stages compare. */
export interface NonBlankLines {
  /** File line index of each non-blank line. */
  readonly lineOf: readonly number[];
  /** Trimmed content of each non-blank line. */
  readonly trimmed: readonly string[];
  /** Content with all whitespace removed. */
  readonly squashed: readonly string[];
  /** Trimmed content → positions in `lineOf`. */
  readonly byTrimmed: ReadonlyMap<string, readonly number[]>;
  /** Whitespace-free content → positions in `lineOf`. */
  readonly bySquashed: ReadonlyMap<string, readonly number[]>;
}

/** Keys of the file's non-blank lines (in `NonBlankLines` order) and where each key occurs. */
export interface KeyedLines {
  readonly keys: readonly string[];
  readonly byKey: ReadonlyMap<string, readonly number[]>;
}

/** The file's non-blank lines as code and words (see wording.ts), indexed by their code. */
export interface CodeParts {
  readonly parts: readonly LineParts[];
  readonly byCode: ReadonlyMap<string, readonly number[]>;
}

/** Everything the stages need to know about one file. */
export interface MatchContext {
  readonly model: TextModel;
  /** Lines with trailing whitespace removed. */
  trimEnd(): LineIndex;
  /** Lines with leading and trailing whitespace removed. */
  trim(): LineIndex;
  nonBlank(): NonBlankLines;
  /** Non-blank lines without whitespace, entities decoded and typography made plain. */
  plain(): KeyedLines;
  /** The non-blank lines split into code and comment/string words, for the wording stage. */
  codeParts(): CodeParts;
  /** Whether the file holds any entity or typographic character (else `plain` equals `squashed`). */
  hasTypography(): boolean;
  /** The file's own indentation style, for re-indenting added lines. */
  indentStyle(): IndentStyle;
  /** Words and numbers of the file lines `[first, end)`, for the fuzzy stage's name check. */
  wordsIn(first: number, end: number): Set<string>;
}

function indexBy(items: readonly string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = map.get(item);
    if (list) list.push(i);
    else map.set(item, [i]);
  });
  return map;
}

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const WORD = /[\p{L}_$][\p{L}\p{N}_$]*|\d+(?:\.\d+)?/gu;

/**
 * The words of a text that say *which* code it is: identifier-like words (names, keywords, words
 * of comments and strings) and numbers. Generated twins often differ in a number only.
 */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Creates the context for `text` (the file's current content). */
export function createMatchContext(text: string): MatchContext {
  const model = toTextModel(text);
  const lineIndex = (normalize: (line: string) => string) =>
    lazy((): LineIndex => {
      const normalized = model.lines.map(normalize);
      return { normalized, positions: indexBy(normalized) };
    });
  const nonBlank = lazy((): NonBlankLines => {
    const lineOf: number[] = [];
    const trimmed: string[] = [];
    model.lines.forEach((line, i) => {
      const t = line.trim();
      if (t === '') return;
      lineOf.push(i);
      trimmed.push(t);
    });
    const squashed = trimmed.map(squash);
    return { lineOf, trimmed, squashed, byTrimmed: indexBy(trimmed), bySquashed: indexBy(squashed) };
  });
  const plain = lazy((): KeyedLines => {
    const keys = nonBlank().trimmed.map((line) => squash(normalizeTypography(line)));
    return { keys, byKey: indexBy(keys) };
  });
  const codeParts = lazy((): CodeParts => {
    const parts = splitCodeAndWords(nonBlank().trimmed);
    return { parts, byCode: indexBy(parts.map((p) => p.code)) };
  });
  const lineWords = lazy(() => model.lines.map((line) => wordsOf(line)));
  return {
    model,
    trimEnd: lineIndex((line) => line.trimEnd()),
    trim: lineIndex((line) => line.trim()),
    nonBlank,
    plain,
    codeParts,
    hasTypography: lazy(() => TYPOGRAPHIC.test(model.text)),
    indentStyle: lazy(() => detectIndentStyle(model.lines)),
    wordsIn(first, end) {
      const words = new Set<string>();
      const all = lineWords();
      for (let i = Math.max(0, first); i < Math.min(end, all.length); i++) for (const w of all[i]) words.add(w);
      return words;
    },
  };
}
