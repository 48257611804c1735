/**
 * Blank-line runs the model miscounted. When a search has one blank line where the file has two
 * (or none where it has one) the match ignores the difference, and the file's run is kept, unless
 * the replacement changes that run: then the replacement says what the model wants there, and
 * the file must end with exactly the model's run, not the file's count plus the model's change.
 */
import { diffArrays } from 'diff';
import type { LineMatch } from './location';

const isBlank = (line: string) => line.trim() === '';

/**
 * For each search line, the replace line that keeps it, or that rewrites it (the non-blank
 * lines of a removed run and of the added run after it, line for line, when they are as many);
 * -1 for lines the replace drops.
 */
function keptAt(searchLines: readonly string[], replaceLines: readonly string[]): number[] {
  const at = searchLines.map(() => -1);
  const changes = diffArrays([...searchLines], [...replaceLines]);
  let s = 0;
  let r = 0;
  changes.forEach((change, k) => {
    if (change.added) {
      r += change.count;
      return;
    }
    const next = changes[k + 1];
    if (change.removed && next?.added) {
      // Rewritten lines: the non-blank ones, line for line, when both runs have as many.
      const removed = change.value.flatMap((line, j) => (isBlank(line) ? [] : [s + j]));
      const added = next.value.flatMap((line, j) => (isBlank(line) ? [] : [r + j]));
      if (removed.length === added.length) removed.forEach((sj, j) => (at[sj] = added[j]));
    }
    if (!change.removed) for (let j = 0; j < change.count; j++) at[s + j] = r + j;
    s += change.count;
    if (!change.removed) r += change.count;
  });
  return at;
}

/** Whether the replace lines strictly between `from` and `to` are all blank. */
function onlyBlanksBetween(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (!isBlank(lines[i])) return false;
  return true;
}

/**
 * Rewrites the match so that each blank run the replacement changes is the file's run in the
 * search (paired line by line with the file's blank lines); the line merge then turns the file's
 * run into the replacement's. Runs the replacement leaves alone keep the file's count.
 */
export function adoptBlankRuns(fileLines: readonly string[], match: LineMatch): LineMatch {
  const { searchLines, replaceLines, pairing } = match;
  let kept: number[] | undefined;
  const outSearch: string[] = [];
  const outPairing: number[] = [];
  let changed = false;
  let previous = -1;
  searchLines.forEach((line, s) => {
    if (isBlank(line)) return;
    if (previous >= 0) {
      const p1 = pairing[previous];
      const p2 = pairing[s];
      const searchRun = s - previous - 1;
      const fileRun = p2 - p1 - 1;
      let adopt = p1 >= 0 && p2 > p1 && fileRun !== searchRun && fileLines.slice(p1 + 1, p2).every(isBlank);
      if (adopt) {
        kept ??= keptAt(searchLines, replaceLines);
        const r1 = kept[previous];
        const r2 = kept[s];
        adopt = r1 >= 0 && r2 > r1 && onlyBlanksBetween(replaceLines, r1, r2) && r2 - r1 - 1 !== searchRun;
      }
      if (adopt) {
        changed = true;
        for (let p = p1 + 1; p < p2; p++) {
          outSearch.push(fileLines[p]);
          outPairing.push(p);
        }
      } else {
        for (let k = previous + 1; k < s; k++) {
          outSearch.push(searchLines[k]);
          outPairing.push(pairing[k]);
        }
      }
    } else {
      for (let k = 0; k < s; k++) {
        outSearch.push(searchLines[k]);
        outPairing.push(pairing[k]);
      }
    }
    outSearch.push(line);
    outPairing.push(pairing[s]);
    previous = s;
  });
  if (!changed) return match;
  for (let k = previous + 1; k < searchLines.length; k++) {
    outSearch.push(searchLines[k]);
    outPairing.push(pairing[k]);
  }
  return { ...match, searchLines: outSearch, pairing: outPairing };
}
