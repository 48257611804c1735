/**
 * Keeps the file's typography through an edit that matched despite it. For a search line `S`
 * paired with file line `F` (equal once made plain, see typography.ts) and the line `R` the model
 * wrote instead of `S`:
 * - what `R` copies from `S` is written as `F` has it (the file's quotes, dashes, entities);
 * - what `R` adds is the model's, except characters the model escaped as entities where the file
 *   writes them plainly (and the reverse, for characters the file only ever writes as entities);
 * - an `R` that differs from `S` only by typography changes nothing: the file's line stays.
 */
import { diffArrays } from 'diff';
import { isEntity, normalizeTypography, toUnits, TYPOGRAPHIC, type Unit } from './typography';

/** Lines longer than this are left as the model wrote them (a character diff would be costly). */
const MAX_LINE = 2000;

/** Model spelling → file spelling of single characters, learned from the paired lines. */
export type Spellings = Map<string, string>;

/** For each unit of `S`: the file text it stands for, when `S` and `F` spell it differently. */
interface Correspondence {
  /** Index of the first S unit of each group → the group's length and the file's spelling. */
  groups: Map<number, { length: number; file: string }>;
}

function plainEqual(a: string, b: string): boolean {
  return normalizeTypography(a).replace(/\s+/g, ' ') === normalizeTypography(b).replace(/\s+/g, ' ');
}

/** Whether a search line and its file line may differ by typography (a cheap test). */
export function spelledDifferently(search: string, file: string): boolean {
  return search !== file && search.length + file.length <= 2 * MAX_LINE && (TYPOGRAPHIC.test(search) || TYPOGRAPHIC.test(file) || search.includes('--') || file.includes('--'));
}

/** Groups of S units spelled differently in F but equal once plain. */
function correspond(s: readonly Unit[], f: readonly Unit[]): Correspondence {
  const groups = new Map<number, { length: number; file: string }>();
  let i = 0;
  let removed: Unit[] = [];
  let removedAt = 0;
  let added: Unit[] = [];
  const flush = () => {
    const from = removed.map((u) => u.raw).join('');
    const to = added.map((u) => u.raw).join('');
    if (removed.length > 0 && added.length > 0 && plainEqual(from, to)) groups.set(removedAt, { length: removed.length, file: to });
    removed = [];
    added = [];
  };
  for (const change of diffArrays(s.map((u) => u.raw), f.map((u) => u.raw))) {
    if (change.removed) {
      if (removed.length === 0) removedAt = i;
      removed.push(...s.slice(i, i + change.count));
      i += change.count;
    } else if (change.added) {
      added.push(...change.value.map((raw) => ({ raw, plain: raw })));
    } else {
      flush();
      i += change.count;
    }
  }
  flush();
  return { groups };
}

/**
 * Learns single-character spellings from a paired search line and file line: entities the model
 * wrote for plain characters of the file, and plain characters the model wrote for entities of
 * the file. Adds them to `into`.
 */
export function learnSpellings(search: string, file: string, into: Spellings): void {
  if (!spelledDifferently(search, file)) return;
  const s = toUnits(search);
  const { groups } = correspond(s, toUnits(file));
  for (const [at, group] of groups) {
    if (group.length !== 1) continue;
    const model = s[at];
    const fileUnits = toUnits(group.file);
    if (fileUnits.length !== 1) continue;
    if (isEntity(model) !== isEntity(fileUnits[0]) && !into.has(model.raw)) into.set(model.raw, group.file);
  }
}

/**
 * Drops learned spellings the file region itself does not follow: when it also writes the
 * model's spelling (`<` of an HTML tag next to `&lt;` in its text), the model's added `<` may
 * mean either, so it is left as written.
 */
export function keepConsistent(spellings: Spellings, region: readonly string[]): Spellings {
  if (spellings.size === 0) return spellings;
  const used = new Set(toUnits(region.join('\n')).map((u) => u.raw));
  for (const model of [...spellings.keys()]) if (used.has(model)) spellings.delete(model);
  return spellings;
}

/** The entities an HTML-escaped answer uses, with the characters they stand for. */
const ESCAPES: readonly [string, string][] = [['&lt;', '<'], ['&gt;', '>'], ['&amp;', '&'], ['&quot;', '"'], ['&#39;', "'"], ['&#x27;', "'"], ['&apos;', "'"]];

/**
 * A model that escaped characters the file writes plainly usually escaped its whole answer:
 * its added text then holds `&quot;` and `&#39;` too, even where its search showed none. Each
 * such entity the file never uses is written as its character.
 */
export function extendEscapes(spellings: Spellings, fileText: string): Spellings {
  const escaped = [...spellings].some(([model, file]) => model.startsWith('&') && !file.startsWith('&'));
  if (!escaped) return spellings;
  for (const [entity, ch] of ESCAPES) if (!spellings.has(entity) && !fileText.includes(entity)) spellings.set(entity, ch);
  return spellings;
}

/** Rewrites the units of text the model added into the file's spellings. */
export function respell(text: string, spellings: Spellings): string {
  if (spellings.size === 0) return text;
  return toUnits(text)
    .map((u) => spellings.get(u.raw) ?? u.raw)
    .join('');
}

/**
 * The line to write for `replace`, the model's new version of search line `search`, which was
 * matched to file line `file`. Indentation is the caller's business: pass lines without it.
 */
export function rebaseLine(file: string, search: string, replace: string, spellings: Spellings): string {
  if (!spelledDifferently(search, file) || replace.length > MAX_LINE) return respell(replace, spellings);
  if (plainEqual(search, replace)) return file;
  const s = toUnits(search);
  const { groups } = correspond(s, toUnits(file));
  if (groups.size === 0) return respell(replace, spellings);
  const keptFromSearch = new Set<number>();
  const out: (string | number)[] = [];
  let i = 0;
  for (const change of diffArrays(s.map((u) => u.raw), toUnits(replace).map((u) => u.raw))) {
    if (change.added) out.push(respell(change.value.join(''), spellings));
    else if (change.removed) i += change.count;
    else
      for (let k = 0; k < change.count; k++) {
        keptFromSearch.add(i);
        out.push(i++);
      }
  }
  // A group is written as the file spells it only when the model kept all of it.
  let skip = -1;
  return out
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part <= skip) return '';
      const group = groups.get(part);
      if (group && Array.from({ length: group.length }, (_, k) => part + k).every((k) => keptFromSearch.has(k))) {
        skip = part + group.length - 1;
        return group.file;
      }
      return s[part].raw;
    })
    .join('');
}
