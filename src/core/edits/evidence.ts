/**
 * What a fuzzy region must contain to be trusted: every name of the search (identifier-like
 * words, including words of comments and strings), and every number too when some region does
 * contain them all. Numbers are what generated twins differ by (`handler0041` vs `handler0042`,
 * `retries = 3` vs `retries = 5`), so they decide between regions; but when no region has the
 * search's numbers, the model misremembered a value rather than pointed at another twin.
 */
import { wordsOf, type MatchContext } from './matchContext';

/** A region of file lines `[firstLine, endLine)` (0-based). */
export interface Region {
  firstLine: number;
  endLine: number;
}

/** Returns, for any region, the search's names (and numbers, when they count) it lacks. */
export function missingTokens(ctx: MatchContext, searchText: string, regions: readonly Region[]): (region: Region) => string[] {
  const tokens = [...new Set(wordsOf(searchText))];
  const names = tokens.filter((t) => !/^\d/.test(t));
  const numbers = tokens.filter((t) => /^\d/.test(t));
  const lacking = (region: Region, list: readonly string[]) => {
    const present = ctx.wordsIn(region.firstLine, region.endLine);
    return list.filter((t) => !present.has(t));
  };
  const numbersCount = numbers.length > 0 && regions.some((r) => lacking(r, names).length === 0 && lacking(r, numbers).length === 0);
  return (region) => [...lacking(region, names), ...(numbersCount ? lacking(region, numbers) : [])];
}
