/**
 * Text similarity for the fuzzy stage and for "closest region" hints. Similarity is
 * 1 - (insertions + deletions) / (|a| + |b|), i.e. the share of characters in a longest common
 * subsequence: 1 for equal texts, 0 for texts with nothing in common. Computed with Myers'
 * O((N+M)·D) algorithm, bounded so that clearly different texts cost little.
 */

/**
 * Number of inserted plus deleted characters turning `a` into `b`, or undefined when it exceeds
 * `maxDistance` (the search stops early then, which keeps scanning many candidates cheap).
 */
export function editDistance(a: string, b: string, maxDistance: number = a.length + b.length): number | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return n + m <= maxDistance ? n + m : undefined;
  const max = Math.min(maxDistance, n + m);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(start + x) === b.charCodeAt(start + y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return undefined;
}

/**
 * Similarity of two texts in [0, 1]. With `atLeast`, the computation gives up as soon as the
 * result is known to be below it and returns an upper bound that is itself below `atLeast`.
 */
export function similarity(a: string, b: string, atLeast = 0): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  const maxDistance = Math.floor((1 - atLeast) * total);
  const distance = editDistance(a, b, maxDistance);
  if (distance === undefined) return 1 - (maxDistance + 1) / total;
  return 1 - distance / total;
}

/** Above this many characters, blocks are compared line by line (see {@link blockSimilarity}). */
const CHAR_LEVEL_LIMIT = 2000;
/** Lines longer than this (minified code) are compared for equality only. */
const LONG_LINE = 1000;
/** How many lines ahead the line walk looks to resynchronise after inserted or missing lines. */
const LOOKAHEAD = 3;

function lineDistance(a: string, b: string, budget: number): number {
  if (a === b) return 0;
  if (a.length + b.length > 2 * LONG_LINE) return a.length + b.length;
  return editDistance(a, b, budget) ?? budget + 1;
}

/**
 * Similarity of two blocks of lines. Small blocks are compared character by character. Large
 * ones line by line: a walk that pairs equal lines, skips up to {@link LOOKAHEAD} inserted or
 * missing lines, and compares other lines pairwise by characters. Its cost grows with the
 * number of lines, not with the square of the text, and it can only find a larger distance
 * than the character-level comparison (it never makes a match look better than it is).
 */
export function blockSimilarity(a: readonly string[], b: readonly string[], atLeast = 0): number {
  const total = a.reduce((n, l) => n + l.length + 1, 0) + b.reduce((n, l) => n + l.length + 1, 0) - 2;
  if (total <= CHAR_LEVEL_LIMIT) return similarity(a.join('\n'), b.join('\n'), atLeast);
  const budget = Math.floor((1 - atLeast) * total);
  const below = 1 - (budget + 1) / total;
  let distance = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const skipB = b.slice(j + 1, j + 1 + LOOKAHEAD).indexOf(a[i]);
    const skipA = a.slice(i + 1, i + 1 + LOOKAHEAD).indexOf(b[j]);
    if (i < a.length && j < b.length && skipA < 0 && skipB < 0) {
      distance += lineDistance(a[i++], b[j++], budget - distance);
    } else if (j < b.length && (i >= a.length || (skipB >= 0 && (skipA < 0 || skipB <= skipA)))) {
      distance += b[j++].length + 1;
    } else {
      distance += a[i++].length + 1;
    }
    if (distance > budget) return below;
  }
  return 1 - distance / total;
}

/** A line with all whitespace removed: the key used to find anchor lines despite spacing drift. */
export function squash(line: string): string {
  return line.replace(/\s+/g, '');
}
