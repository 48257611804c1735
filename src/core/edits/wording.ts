/**
 * The wording stage: a search whose code is exactly the file's but whose comments or strings
 * differ by a word or two (the model misremembered a comment). The fuzzy stage refuses these,
 * because a word of the search is missing from the region; here the code itself is the evidence.
 * Accepted only when all of these hold:
 * - the code of every non-blank line (comments and string contents removed, whitespace and
 *   typography aside) equals the file's, line for line, and carries some weight;
 * - at most {@link MAX_CHANGED_WORDS} words of comments and strings differ, and at least twice
 *   as many are the same;
 * - any other region with the same code is far behind: at least two more words differ there,
 *   and twice as many. Otherwise the edit falls through to the fuzzy stage, which refuses it.
 */
import { diffArrays } from 'diff';
import { lineLocation, type Location } from './location';
import type { MatchContext } from './matchContext';
import { similarity, squash } from './similarity';
import { splitCodeAndWords } from './codeWords';
import type { StageInput } from './stages';
import { toLines } from './textModel';
import { normalizeTypography } from './typography';

const MAX_CHANGED_WORDS = 2;
/** Code characters (whitespace aside) a search needs before its code counts as evidence. */
const MIN_CODE_CHARS = 6;
const MAX_CANDIDATES = 200;

/** Words removed plus added between two word lists, and the words they share. */
function wordChanges(a: readonly string[], b: readonly string[]): { changed: number; same: number } {
  let removed = 0;
  let added = 0;
  let same = 0;
  for (const c of diffArrays([...a], [...b])) {
    if (c.removed) removed += c.count;
    else if (c.added) added += c.count;
    else same += c.count;
  }
  return { changed: Math.max(removed, added), same };
}

interface Candidate {
  /** Position of the first line in the file's non-blank lines. */
  start: number;
  changed: number;
  same: number;
}

/** Runs the wording stage for one edit; returns its location, or undefined to fall through. */
export function wordingLocate(ctx: MatchContext, input: StageInput): Location | undefined {
  const searchLines = toLines(input.search);
  const at = searchLines.flatMap((line, j) => (line.trim() === '' ? [] : [j]));
  if (at.length === 0) return undefined;
  const parts = splitCodeAndWords(at.map((j) => searchLines[j]));
  const words = parts.flatMap((p) => p.words);
  const codeChars = parts.reduce((n, p) => n + p.code.replace(/[^\p{L}\p{N}_$]/gu, '').length, 0);
  if (words.length === 0 || codeChars < MIN_CODE_CHARS) return undefined;
  const file = ctx.codeParts();
  const nb = ctx.nonBlank();
  // Anchor on the search line whose code is rarest in the file.
  const counts = parts.map((p) => file.byCode.get(p.code)?.length ?? 0);
  if (counts.some((c) => c === 0)) return undefined;
  const anchor = counts.indexOf(Math.min(...counts));
  const candidates: Candidate[] = [];
  for (const q of file.byCode.get(parts[anchor].code) ?? []) {
    const start = q - anchor;
    if (start < 0 || start + parts.length > file.parts.length) continue;
    if (!parts.every((p, k) => file.parts[start + k].code === p.code)) continue;
    const region = file.parts.slice(start, start + parts.length).flatMap((p) => p.words);
    candidates.push({ start, ...wordChanges(words, region) });
    if (candidates.length >= MAX_CANDIDATES) return undefined;
  }
  candidates.sort((a, b) => a.changed - b.changed || b.same - a.same);
  const [best, runnerUp] = candidates;
  if (!best || best.changed === 0 || best.changed > MAX_CHANGED_WORDS || best.same < 2 * best.changed) return undefined;
  if (runnerUp && !(runnerUp.changed >= best.changed + 2 && runnerUp.changed >= 2 * best.changed)) return undefined;
  const pairing = searchLines.map(() => -1);
  at.forEach((j, k) => {
    pairing[j] = nb.lineOf[best.start + k];
  });
  const first = nb.lineOf[best.start];
  const end = nb.lineOf[best.start + parts.length - 1] + 1;
  const regionText = nb.trimmed.slice(best.start, best.start + parts.length).join('\n');
  const score = similarity(squash(at.map((j) => searchLines[j]).join('\n')), squash(regionText));
  const match = { searchLines, replaceLines: toLines(input.replace), pairing, reindent: true };
  return lineLocation(ctx.model, 'wording', first, end, match, score);
}
