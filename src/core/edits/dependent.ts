/**
 * Edits that build on an earlier edit of the same proposal: edit 2 searches for the text edit 1
 * writes (the model renamed a function, then changed its body quoting the new name). Such a
 * search is not in the file, only in the file after the earlier edits. It is looked for there
 * with the strict stages only (a loose match on text the model itself just wrote is too weak to
 * trust), and the two edits become one replacement of the original text.
 */
import { applyReplacements } from './apply';
import { locate } from './locate';
import { createMatchContext, type MatchContext } from './matchContext';
import { replacementFor, toReplacement } from './replacement';
import { lineIndexAt } from './textModel';
import type { EditRefusal, Replacement, SearchReplaceEdit } from './types';

/** Where a replacement of the original text sits in the text after it is applied. */
interface Placed {
  replacement: Replacement;
  /** Offsets of its new text in the intermediate text. */
  start: number;
  end: number;
}

function place(replacements: readonly Replacement[]): Placed[] {
  let delta = 0;
  return [...replacements]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((replacement) => {
      const start = replacement.start + delta;
      delta += replacement.text.length - (replacement.end - replacement.start);
      return { replacement, start, end: start + replacement.text.length };
    });
}

/** An intermediate offset outside every placed text, mapped back to the original text. */
function original(placed: readonly Placed[], offset: number): number {
  let delta = 0;
  for (const p of placed) if (p.end <= offset) delta += p.replacement.text.length - (p.replacement.end - p.replacement.start);
  return offset - delta;
}

/**
 * Tries to place refused edit `editIndex` in the text the earlier located edits produce.
 * @returns the replacement of the original text that does both (replacing the earlier ones it
 *   builds on), or undefined when the search is not found there either.
 */
function onTopOfEarlier(ctx: MatchContext, edit: SearchReplaceEdit, editIndex: number, replacements: readonly Replacement[]): { combined: Replacement; replaces: Replacement[] } | undefined {
  const earlier = replacements.filter((r) => r.editIndex < editIndex && r.text !== r.oldText);
  if (earlier.length === 0) return undefined;
  const placed = place(earlier);
  const between = applyReplacements(ctx.model.text, earlier);
  const betweenCtx = createMatchContext(between);
  const found = locate(betweenCtx, edit, true);
  if (!found.location) return undefined;
  const next = replacementFor(betweenCtx, editIndex, found.location);
  const touched = placed.filter((p) => p.start <= next.end && p.end >= next.start);
  if (touched.length === 0) {
    // Its change lies outside what the earlier edits wrote (only its search reached into it):
    // it is a replacement of the original text of its own.
    const change = { start: original(placed, next.start), end: original(placed, next.end), text: next.text };
    const location = { stage: next.stage, similarity: next.similarity, firstLine: lineIndexAt(ctx.model, change.start), endLine: lineIndexAt(ctx.model, Math.max(change.start, change.end - 1)) + 1 };
    return { combined: toReplacement(ctx.model, editIndex, change, location), replaces: [] };
  }
  const from = Math.min(next.start, ...touched.map((p) => p.start));
  const to = Math.max(next.end, ...touched.map((p) => p.end));
  const start = Math.min(...touched.map((p) => p.replacement.start), from === next.start ? original(placed, next.start) : Infinity);
  const end = Math.max(...touched.map((p) => p.replacement.end), to === next.end ? original(placed, next.end) : -Infinity);
  const after = applyReplacements(between, [next]);
  const text = after.slice(from, to + next.text.length - (next.end - next.start));
  const first = touched[0].replacement;
  const includes = [...new Set([...touched.flatMap((p) => [p.replacement.editIndex, ...(p.replacement.includes ?? [])]), editIndex])].filter((i) => i !== first.editIndex);
  const firstLine = lineIndexAt(ctx.model, start);
  const lastLine = lineIndexAt(ctx.model, Math.max(start, end - 1));
  const location = { stage: next.stage === 'exact' ? first.stage : next.stage, similarity: Math.min(next.similarity, first.similarity), firstLine, endLine: lastLine + 1 };
  const combined = { ...toReplacement(ctx.model, first.editIndex, { start, end, text }, location), includes: includes.sort((a, b) => a - b) };
  return { combined, replaces: touched.map((p) => p.replacement) };
}

/**
 * Places refused-as-not-found edits on top of the earlier edits of the same proposal, in order,
 * so that a chain (edit 3 on edit 2 on edit 1) works. Returns the new replacement list and the
 * refusals that remain.
 */
export function placeDependentEdits(ctx: MatchContext, edits: readonly SearchReplaceEdit[], replacements: Replacement[], refused: EditRefusal[]): { replacements: Replacement[]; refused: EditRefusal[] } {
  let current = replacements;
  const remaining: EditRefusal[] = [];
  for (const refusal of [...refused].sort((a, b) => a.editIndex - b.editIndex)) {
    const result = refusal.reason === 'not-found' ? onTopOfEarlier(ctx, edits[refusal.editIndex], refusal.editIndex, current) : undefined;
    if (!result) {
      remaining.push(refusal);
      continue;
    }
    const others = current.filter((r) => !result.replaces.includes(r));
    if (others.some((r) => r.start < result.combined.end && result.combined.start < r.end)) {
      remaining.push(refusal);
      continue;
    }
    current = [...others, result.combined].sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { replacements: current, refused: remaining };
}
