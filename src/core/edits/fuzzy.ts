/**
 * The last, fuzzy stage, and the "closest region" reported when nothing matches.
 *
 * A fuzzy match is accepted only when all of these hold, because a fuzzy edit in the wrong place
 * is the one failure users never forgive:
 * - the search has at least {@link FUZZY_MIN_LINES} non-blank lines (enough evidence);
 * - its similarity to the region is at least {@link FUZZY_MIN_SIMILARITY};
 * - every name of the search occurs in the region, and every number when some region has them
 *   all (see evidence.ts): fuzzy tolerates formatting, punctuation, missing lines and a
 *   misremembered value, never names the region does not contain (that is how an edit meant
 *   for `getUserById` would land in its twin `getOrderById`);
 * - the best region is well ahead of the runner-up: at least twice as far from the search, and
 *   by a few characters at least. Equally good regions are resolved by the line hint only.
 */
import { diffArrays } from 'diff';
import { pickByHint, lineLocation, type Location } from './location';
import { missingTokens } from './evidence';
import { wordsOf, type MatchContext, type NonBlankLines } from './matchContext';
import { blockSimilarity, similarity, squash } from './similarity';
import type { StageInput } from './stages';
import { toLines } from './textModel';

export const FUZZY_MIN_LINES = 3;
export const FUZZY_MIN_SIMILARITY = 0.9;
/** Regions less similar than this are not worth pointing at in a not-found message. */
const CLOSEST_MIN_SIMILARITY = 0.5;
const MAX_CANDIDATES = 24;
/** Inserted plus deleted characters of one changed short word: the least evidence that counts. */
const MIN_EVIDENCE_CHARS = 6;
/** Lines occurring more often than this (`}`, `end`) say nothing about where a block is. */
const MAX_ANCHOR_OCCURRENCES = 64;

/** A scored region: non-blank lines `[start, start + count)` of the file. */
interface Candidate {
  start: number;
  count: number;
  similarity: number;
  firstLine: number;
  endLine: number;
}

/** The fuzzy stage's verdict. */
export interface FuzzyOutcome {
  location?: Location;
  /** 0-based first lines of equally good regions the hint could not choose between. */
  ambiguousLines?: number[];
  /** Best region found, accepted or not (only when at least somewhat similar). */
  closest?: { firstLine: number; endLine: number; similarity: number; missingWords: string[] };
}

/** Start positions (in non-blank line space) suggested by search lines found verbatim (whitespace aside). */
function anchorVotes(nb: NonBlankLines, wanted: readonly string[]): Map<number, number> {
  const votes = new Map<number, number>();
  wanted.forEach((line, j) => {
    const key = squash(line);
    const found = key.length >= 3 ? nb.bySquashed.get(key) : undefined;
    if (!found || found.length > MAX_ANCHOR_OCCURRENCES) return;
    for (const q of found) if (q - j >= 0) votes.set(q - j, (votes.get(q - j) ?? 0) + 1);
  });
  return votes;
}

/** When no line survives verbatim: windows holding the most of the search's words. */
function wordVotes(nb: NonBlankLines, wanted: readonly string[]): Map<number, number> {
  const words = new Set(wordsOf(wanted.join('\n')));
  const perLine = nb.trimmed.map((line) => new Set(wordsOf(line).filter((w) => words.has(w))).size);
  const votes = new Map<number, number>();
  let sum = 0;
  for (let i = 0; i < perLine.length; i++) {
    sum += perLine[i] - (i >= wanted.length ? perLine[i - wanted.length] : 0);
    if (i >= wanted.length - 1 && sum > 0) votes.set(i - wanted.length + 1, sum);
  }
  return votes;
}

function candidateStarts(nb: NonBlankLines, wanted: readonly string[], hint: number | undefined): number[] {
  let votes = anchorVotes(nb, wanted);
  if (votes.size === 0) votes = wordVotes(nb, wanted);
  const starts = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([s]) => s);
  if (hint !== undefined) {
    const near = nb.lineOf.findIndex((line) => line >= hint - 1);
    if (near >= 0 && !starts.includes(near)) starts.push(near);
  }
  return starts;
}

function score(nb: NonBlankLines, wanted: readonly string[], start: number): Candidate | undefined {
  const n = wanted.length;
  const at = (count: number): Candidate => ({
    start,
    count,
    similarity: blockSimilarity(wanted, nb.squashed.slice(start, start + count), CLOSEST_MIN_SIMILARITY),
    firstLine: nb.lineOf[start],
    endLine: nb.lineOf[start + count - 1] + 1,
  });
  const available = nb.squashed.length - start;
  if (available <= 0) return undefined;
  // Windows a little shorter or longer than the search: lines it skipped or added.
  let best = at(Math.min(n, available));
  for (let count = Math.max(1, n - 2); count <= Math.min(n + 2, available); count++) {
    if (count === best.count) continue;
    const c = at(count);
    if (c.similarity > best.similarity) best = c;
  }
  return best;
}

/** Best candidates first, dropping any that overlaps a better one. */
function distinctRegions(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of candidates.sort((a, b) => b.similarity - a.similarity || a.start - b.start)) {
    if (!kept.some((k) => c.firstLine < k.endLine && k.firstLine < c.endLine)) kept.push(c);
  }
  return kept;
}

/**
 * The runner-up must be at least twice as far from the search as the best region, and further by
 * at least {@link MIN_EVIDENCE_CHARS} characters: a relative margin alone would let two regions
 * that differ by a single character count as distinguishable.
 */
function wellAhead(best: Candidate, runnerUp: Candidate | undefined, searchLength: number): boolean {
  if (!runnerUp) return true;
  const d1 = 1 - best.similarity;
  const d2 = 1 - runnerUp.similarity;
  // Distances are shares of both texts' length; both texts are about as long as the search.
  const extraChars = (d2 - d1) * 2 * searchLength;
  return d2 >= 2 * d1 && extraChars >= MIN_EVIDENCE_CHARS;
}

/**
 * Pairs each search line with a line of the chosen region: equal lines (whitespace aside) by a
 * line diff, and the remaining ones positionally inside each gap when they are similar enough.
 */
function pairLines(searchLines: readonly string[], nb: NonBlankLines, region: Candidate): number[] {
  const pairing = searchLines.map(() => -1);
  const wantedAt = searchLines.flatMap((line, at) => (line.trim() === '' ? [] : [at]));
  const fileAt = Array.from({ length: region.count }, (_, i) => region.start + i);
  const a = wantedAt.map((at) => squash(searchLines[at]));
  const b = fileAt.map((q) => squash(nb.trimmed[q]));
  let i = 0;
  let j = 0;
  let gapA: number[] = [];
  let gapB: number[] = [];
  const flushGap = () => {
    gapA.forEach((at, k) => {
      const q = gapB[k];
      if (q !== undefined && similarity(searchLines[at].trim(), nb.trimmed[q], 0.5) >= 0.5) pairing[at] = nb.lineOf[q];
    });
    gapA = [];
    gapB = [];
  };
  for (const change of diffArrays(a, b)) {
    const n = change.count;
    if (change.removed) gapA.push(...wantedAt.slice(i, (i += n)));
    else if (change.added) gapB.push(...fileAt.slice(j, (j += n)));
    else {
      flushGap();
      for (let k = 0; k < n; k++) pairing[wantedAt[i + k]] = nb.lineOf[fileAt[j + k]];
      i += n;
      j += n;
    }
  }
  flushGap();
  return pairing;
}

/** Runs the fuzzy stage for one edit (whose search is already stripped of line numbers if needed). */
export function fuzzyLocate(ctx: MatchContext, input: StageInput, hint: number | undefined): FuzzyOutcome {
  const searchLines = toLines(input.search);
  const wanted = searchLines.map((line) => line.trim()).filter((line) => line !== '');
  const nb = ctx.nonBlank();
  if (wanted.length === 0 || nb.trimmed.length === 0) return {};
  // Compared without whitespace: spacing was the business of the earlier stages, and counting
  // it here would let indentation-heavy code look less similar than it is.
  const squashed = wanted.map(squash);
  const searchLength = squashed.join('\n').length;
  const scored = candidateStarts(nb, wanted, hint)
    .map((start) => score(nb, squashed, start))
    .filter((c): c is Candidate => c !== undefined);
  const regions = distinctRegions(scored);
  const best = regions[0];
  if (!best || best.similarity < CLOSEST_MIN_SIMILARITY) return {};
  const missingIn = missingTokens(ctx, wanted.join('\n'), regions);
  const closest = { firstLine: best.firstLine, endLine: best.endLine, similarity: best.similarity, missingWords: missingIn(best) };
  if (wanted.length < FUZZY_MIN_LINES || best.similarity < FUZZY_MIN_SIMILARITY) return { closest };
  const ties = regions.filter((c) => Math.abs(c.similarity - best.similarity) < 1e-9);
  let chosen = best;
  if (ties.length > 1) {
    const picked = pickByHint(ties.map((c) => c.firstLine), hint);
    if (picked === undefined) return { ambiguousLines: ties.map((c) => c.firstLine), closest };
    chosen = ties[picked];
  }
  if (!wellAhead(chosen, regions[ties.length], searchLength) || missingIn(chosen).length > 0) return { closest };
  const pairing = pairLines(searchLines, nb, chosen);
  const match = { searchLines, replaceLines: toLines(input.replace), pairing, reindent: true };
  return { location: lineLocation(ctx.model, 'fuzzy', chosen.firstLine, chosen.endLine, match, chosen.similarity) };
}
