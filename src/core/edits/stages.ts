/**
 * The strict stages of the matcher, strictest first. Each returns every place the search text is
 * found under its own tolerance; the caller stops at the first stage that finds any, so a looser
 * stage never overrides a stricter one. Each stage also tolerates what the previous ones did.
 */
import { lineLocation, spanLocation, splitsWord, type Location } from './location';
import type { LineIndex, MatchContext, NonBlankLines } from './matchContext';
import { squash } from './similarity';
import { toLines } from './textModel';
import { normalizeTypography, TYPOGRAPHIC } from './typography';
import type { MatchStage } from './types';

/** Occurrences beyond this are not listed: the search is hopelessly ambiguous anyway. */
const MAX_OCCURRENCES = 200;

/** What every stage receives: the edit's search and replace as the model wrote them. */
export interface StageInput {
  search: string;
  replace: string;
}

/** A stage: all places `input.search` is found in the file under the stage's tolerance. */
export type Stage = (ctx: MatchContext, input: StageInput) => Location[];

function findAll(haystack: string, needle: string, from: number): number[] {
  const found: number[] = [];
  for (let p = haystack.indexOf(needle, from); p >= 0 && found.length < MAX_OCCURRENCES; p = haystack.indexOf(needle, p + 1)) found.push(p);
  return found;
}

/** Stage 1: the search text occurs verbatim. */
export function exactStage(ctx: MatchContext, { search, replace }: StageInput): Location[] {
  const { model } = ctx;
  return findAll(model.text, search, model.bomLength)
    .filter((p) => !splitsWord(model.text, p, p + search.length))
    .map((p) => spanLocation(model, 'exact', p, p + search.length, search, replace));
}

/** Stage 2: verbatim once CRLF and LF are treated alike (models write LF into CRLF files). */
export function lineEndingStage(ctx: MatchContext, { search, replace }: StageInput): Location[] {
  const { model } = ctx;
  if (!search.includes('\n') || (!search.includes('\r') && !model.text.includes('\r'))) return [];
  const normStarts: number[] = [];
  let length = 0;
  for (const line of model.lines) {
    normStarts.push(length);
    length += line.length + 1;
  }
  const normText = model.lines.join('\n') + (model.finalNewline ? '\n' : '');
  const normSearch = search.replace(/\r\n/g, '\n');
  // Maps an offset of the LF-only text back to the original: same line, same column.
  const toOriginal = (offset: number): number => {
    let lo = 0;
    let hi = normStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (normStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (offset >= normText.length) return model.text.length;
    return model.lineStarts[lo] + (offset - normStarts[lo]);
  };
  return findAll(normText, normSearch, 0)
    .filter((p) => !splitsWord(normText, p, p + normSearch.length))
    .map((p) => spanLocation(model, 'lineEndings', toOriginal(p), toOriginal(p + normSearch.length), normSearch, replace));
}

/** Finds runs of whole lines equal to `searchLines` once both are normalized the same way. */
function lineRuns(ctx: MatchContext, index: LineIndex, normalize: (line: string) => string, input: StageInput, stage: MatchStage, reindent: boolean): Location[] {
  const searchLines = toLines(input.search);
  const wanted = searchLines.map(normalize);
  const keyAt = wanted.findIndex((line) => line !== '');
  if (keyAt < 0) return [];
  const total = index.normalized.length;
  const found: Location[] = [];
  for (const p of index.positions.get(wanted[keyAt]) ?? []) {
    const first = p - keyAt;
    if (first < 0 || first + wanted.length > total) continue;
    if (!wanted.every((line, j) => index.normalized[first + j] === line)) continue;
    const pairing = wanted.map((_, j) => first + j);
    const match = { searchLines, replaceLines: toLines(input.replace), pairing, reindent };
    found.push(lineLocation(ctx.model, stage, first, first + wanted.length, match));
    if (found.length >= MAX_OCCURRENCES) break;
  }
  return found;
}

/** Stage 3: whole lines equal but for trailing whitespace. */
export function trailingWhitespaceStage(ctx: MatchContext, input: StageInput): Location[] {
  return lineRuns(ctx, ctx.trimEnd(), (line) => line.trimEnd(), input, 'trailingWhitespace', false);
}

/** Stage 4: whole lines equal but for indentation; added lines are then re-indented. */
export function indentationStage(ctx: MatchContext, input: StageInput): Location[] {
  return lineRuns(ctx, ctx.trim(), (line) => line.trim(), input, 'indentation', true);
}

/**
 * Runs of non-blank lines equal under `key`, whatever blank lines lie between them; search line
 * `j` pairs with the file line where its counterpart is. Used by stages 5 and 6.
 */
function nonBlankRuns(ctx: MatchContext, input: StageInput, key: (line: string) => string, byKey: (nb: NonBlankLines) => ReadonlyMap<string, readonly number[]>, keys: (nb: NonBlankLines) => readonly string[], stage: MatchStage): Location[] {
  const searchLines = toLines(input.search);
  const wanted: { key: string; at: number }[] = [];
  searchLines.forEach((line, at) => {
    if (line.trim() !== '') wanted.push({ key: key(line), at });
  });
  if (wanted.length === 0) return [];
  const nb = ctx.nonBlank();
  const fileKeys = keys(nb);
  const found: Location[] = [];
  for (const q of byKey(nb).get(wanted[0].key) ?? []) {
    if (q + wanted.length > fileKeys.length) continue;
    if (!wanted.every((w, j) => fileKeys[q + j] === w.key)) continue;
    const pairing = searchLines.map(() => -1);
    wanted.forEach((w, j) => {
      pairing[w.at] = nb.lineOf[q + j];
    });
    const match = { searchLines, replaceLines: toLines(input.replace), pairing, reindent: true };
    found.push(lineLocation(ctx.model, stage, nb.lineOf[q], nb.lineOf[q + wanted.length - 1] + 1, match));
    if (found.length >= MAX_OCCURRENCES) break;
  }
  return found;
}

/** Stage 5: the non-blank lines equal (trimmed), whatever blank lines lie between them. */
export function blankLineStage(ctx: MatchContext, input: StageInput): Location[] {
  return nonBlankRuns(ctx, input, (line) => line.trim(), (nb) => nb.byTrimmed, (nb) => nb.trimmed, 'blankLines');
}

/**
 * Stage 6: the non-blank lines equal once all whitespace is removed: spacing inside lines
 * (`f( a )`, aligned struct fields, a formatter's choices) carries no meaning for locating code.
 */
export function whitespaceStage(ctx: MatchContext, input: StageInput): Location[] {
  return nonBlankRuns(ctx, input, squash, (nb) => nb.bySquashed, (nb) => nb.squashed, 'whitespace');
}

/**
 * Stage 7: the non-blank lines equal once entities are decoded and typographic quotes, dashes,
 * spaces and ellipses are made plain (whitespace aside, as in stage 6). The merge keeps the
 * file's characters wherever the edit does not change the text.
 */
export function typographyStage(ctx: MatchContext, input: StageInput): Location[] {
  if (!ctx.hasTypography() && !TYPOGRAPHIC.test(input.search)) return [];
  const plain = (line: string) => squash(normalizeTypography(line));
  return nonBlankRuns(ctx, input, plain, () => ctx.plain().byKey, () => ctx.plain().keys, 'typography');
}

/** The strict stages in order; the fuzzy stage and line-number stripping are handled by `locate`. */
export const strictStages: readonly Stage[] = [exactStage, lineEndingStage, trailingWhitespaceStage, indentationStage, blankLineStage, whitespaceStage, typographyStage];
