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

/** A line with all whitespace removed: the key used to find anchor lines despite spacing drift. */
export function squash(line: string): string {
  return line.replace(/\s+/g, '');
}
