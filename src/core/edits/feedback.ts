/**
 * Short texts that tell the model, on its next turn, what happened to its proposal: what was
 * applied, what was refused and why (with the closest region, so it can retry precisely).
 * Used as the tool result of a `propose_edits` call, or appended to the next user message.
 */
import { editLabel } from './plan';
import type { EditPlan, Replacement } from './types';

/** What finally happened to one file of a proposal. */
export interface FileOutcome {
  path: string;
  /** The plan that was previewed; absent when the file was refused before planning (e.g. its path). */
  plan?: EditPlan;
  /** Indexes of the edits actually written (all matched ones, a subset the user chose, or none). */
  applied: readonly number[];
  /** Why nothing was written although edits matched, e.g. "the user rejected the change" or a path problem. */
  note?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The edits a replacement writes: its own and those folded into it. */
export function editsOf(replacement: Replacement): number[] {
  return [replacement.editIndex, ...(replacement.includes ?? [])];
}

function editCount(plan: EditPlan): number {
  const indexes = new Set([...plan.replacements.flatMap(editsOf), ...plan.refused.map((r) => r.editIndex)]);
  return indexes.size;
}

/** One line (or a few) describing the outcome of one file. */
export function describeFileOutcome(outcome: FileOutcome): string {
  const { path, plan, applied, note } = outcome;
  if (!plan) return `no change to ${path}: ${note ?? 'not applied'}`;
  const whole = plan.kind === 'whole';
  const parts: string[] = [];
  if (applied.length > 0) {
    if (plan.creates) parts.push(`created ${path}`);
    else if (whole) parts.push(`rewrote ${path}`);
    else if (applied.length === editCount(plan)) parts.push(`applied ${plural(applied.length, 'edit')} to ${path}`);
    else parts.push(`applied ${applied.map((i) => editLabel(i)).join(', ')} of ${editCount(plan)} to ${path}`);
    const loose = plan.replacements.filter((r) => applied.includes(r.editIndex) && r.stage === 'fuzzy');
    for (const r of loose) parts.push(`${editLabel(r.editIndex)} matched approximately at lines ${r.matched.startLine}–${r.matched.endLine} (similarity ${r.similarity.toFixed(2)})`);
  } else {
    parts.push(`no change to ${path}${note ? `: ${note}` : ''}`);
  }
  for (const refusal of plan.refused) {
    parts.push(whole ? `refused: ${refusal.message}` : `${editLabel(refusal.editIndex)} refused: ${refusal.message}`);
  }
  if (applied.length > 0 && note) parts.push(note);
  return parts.join('; ');
}

/**
 * The feedback for a whole proposal, one line per file, plus a retry hint when anything was
 * refused. Example: "applied 2 edits to src/a.ts\nno change to src/b.ts; edit 3 refused: the text to change is not
 * in the file; the nearest is at lines 40–52 (81% alike)\nRe-read the refused places and resend only those
 * edits, with search text copied exactly from the current file."
 */
export function describeOutcomes(outcomes: readonly FileOutcome[]): string {
  const lines = outcomes.map(describeFileOutcome);
  if (outcomes.some((o) => o.plan && o.plan.refused.length > 0)) {
    lines.push('Re-read the refused places and resend only those edits, with search text copied exactly from the current file.');
  }
  return lines.join('\n');
}

/** The outcome of applying every matched edit of a plan (what "Apply" does when the plan is ok). */
export function outcomeOfPlan(plan: EditPlan, applied: boolean, note?: string): FileOutcome {
  const indexes = applied ? [...new Set(plan.replacements.flatMap(editsOf))].sort((a, b) => a - b) : [];
  return { path: plan.path, plan, applied: indexes, note };
}
