/**
 * Locates one edit's search text in the current file: the strict stages in order, then the same
 * stages on a search stripped of copied line numbers, then the wording stage (same code, a word
 * of a comment or string misremembered), then the fuzzy stage. The first stage that
 * finds anything decides; several places found by it are resolved by the line hint or refused.
 */
import { fuzzyLocate, type FuzzyOutcome } from './fuzzy';
import { stripLineNumbers } from './lineNumbers';
import { pickByHint, type Location } from './location';
import type { MatchContext } from './matchContext';
import { strictStages, type StageInput } from './stages';
import type { EditRefusal, SearchReplaceEdit } from './types';
import { wordingLocate } from './wording';

/** A refusal before the planner knows the edit's index. */
export type LocateRefusal = Omit<EditRefusal, 'editIndex'>;

/** Either where the edit goes, or why it cannot be placed. */
export type LocateResult = { location: Location; refusal?: undefined } | { location?: undefined; refusal: LocateRefusal };

const MAX_LISTED_LINES = 8;

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LISTED_LINES).map((l) => String(l + 1));
  return shown.join(', ') + (lines.length > MAX_LISTED_LINES ? ', …' : '');
}

/** The refusal for several equally good places (0-based first lines). */
export function ambiguous(firstLines: readonly number[]): LocateRefusal {
  const candidateLines = firstLines.map((l) => l + 1);
  return {
    reason: 'ambiguous',
    message: `ambiguous: the search text matches ${firstLines.length} places (lines ${listLines(firstLines)}); add surrounding lines or a line hint`,
    candidateLines,
  };
}

function notFound(fuzzy: FuzzyOutcome): LocateRefusal {
  const c = fuzzy.closest;
  if (!c) return { reason: 'not-found', message: 'not found: no similar region in the file' };
  const closest = { startLine: c.firstLine + 1, endLine: c.endLine, similarity: Math.floor(c.similarity * 100) / 100 };
  const range = closest.startLine === closest.endLine ? `line ${closest.startLine}` : `lines ${closest.startLine}–${closest.endLine}`;
  let message = `the text to change is not in the file; the nearest is at ${range} (${Math.round(closest.similarity * 100)}% alike)`;
  if (c.missingWords.length > 0) message += `, which lacks ${c.missingWords.slice(0, 3).map((w) => `'${w}'`).join(', ')}`;
  return { reason: 'not-found', message, closest };
}

type StrictResult = { location: Location } | { ambiguousLines: number[] } | undefined;

function runStrict(ctx: MatchContext, input: StageInput, hint: number | undefined): StrictResult {
  for (const stage of strictStages) {
    const found = stage(ctx, input);
    if (found.length === 0) continue;
    if (found.length === 1) return { location: found[0] };
    const picked = pickByHint(found.map((l) => l.firstLine), hint);
    return picked === undefined ? { ambiguousLines: found.map((l) => l.firstLine) } : { location: found[picked] };
  }
  return undefined;
}

function settle(result: Exclude<StrictResult, undefined>): LocateResult {
  return 'location' in result ? { location: result.location } : { refusal: ambiguous(result.ambiguousLines) };
}

/**
 * Finds where `edit` applies in the file of `ctx`. The edit's search must not be blank.
 * With `strictOnly`, the fuzzy stage is skipped (for searches in text other edits produced).
 */
export function locate(ctx: MatchContext, edit: SearchReplaceEdit, strictOnly = false): LocateResult {
  const input = { search: edit.search, replace: edit.replace };
  const strict = runStrict(ctx, input, edit.line);
  if (strict) return settle(strict);
  const stripped = stripLineNumbers(edit.search, edit.replace);
  const fuzzyInput = stripped ? { search: stripped.search, replace: stripped.replace } : input;
  const hint = edit.line ?? stripped?.firstLine;
  if (stripped) {
    const found = runStrict(ctx, fuzzyInput, hint);
    if (found && 'location' in found) return { location: { ...found.location, stage: 'lineNumbers' } };
    if (found) return settle(found);
  }
  if (strictOnly) return { refusal: { reason: 'not-found', message: 'not found' } };
  const worded = wordingLocate(ctx, fuzzyInput);
  if (worded) return { location: worded };
  const fuzzy = fuzzyLocate(ctx, fuzzyInput, hint);
  if (fuzzy.location) return { location: fuzzy.location };
  if (fuzzy.ambiguousLines) return { refusal: ambiguous(fuzzy.ambiguousLines) };
  return { refusal: notFound(fuzzy) };
}
