/** Shorthands the edit tests share: plan edits against a text, or apply them and say how they matched. */
import { strict as assert } from 'node:assert';
import { planEdits, type EditPlan, type SearchReplaceEdit } from '../../../src/core/edits';

/** Plans `edits` against `text` (path "f"). */
export function plan(text: string, ...edits: SearchReplaceEdit[]): EditPlan {
  return planEdits(text, { kind: 'edits', path: 'f', edits });
}

/** Plans and asserts nothing was refused; returns the new text and each replacement's stage. */
export function applied(text: string, ...edits: SearchReplaceEdit[]): { text: string; stages: string[] } {
  const p = plan(text, ...edits);
  assert.ok(p.ok, `refused: ${p.refused.map((r) => r.message).join('; ')}`);
  return { text: p.newText ?? '', stages: p.replacements.map((r) => r.stage) };
}
