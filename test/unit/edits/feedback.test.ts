import { strict as assert } from 'node:assert';
import { describeFileOutcome, describeOutcomes, outcomeOfPlan, planEdits } from '../../../src/core/edits';

const file = 'a();\nb();\nc();\n';
const edits = (...pairs: [string, string][]) => ({ kind: 'edits' as const, path: 'src/a.ts', edits: pairs.map(([search, replace]) => ({ search, replace })) });

describe('feedback for the model', () => {
  it('reports applied edits', () => {
    const plan = planEdits(file, edits(['a();\n', 'A();\n'], ['c();\n', 'C();\n']));
    assert.equal(describeOutcomes([outcomeOfPlan(plan, true)]), 'applied 2 edits to src/a.ts');
  });

  it('reports a refusal with its reason and a retry hint, and that nothing changed', () => {
    const plan = planEdits(file, edits(['a();\n', 'A();\n'], ['zzz();\n', '']));
    const text = describeOutcomes([outcomeOfPlan(plan, false)]);
    assert.match(text, /^no change to src\/a\.ts; edit 2 refused: not found/);
    assert.match(text, /Re-read the refused places/);
  });

  it('reports a subset the user applied, by edit number', () => {
    const plan = planEdits(file, edits(['a();\n', 'A();\n'], ['b();\n', 'B();\n'], ['zzz();\n', '']));
    const text = describeFileOutcome({ path: 'src/a.ts', plan, applied: [0] });
    assert.match(text, /^applied edit 1 of 3 to src\/a\.ts; edit 3 refused: not found/);
  });

  it('reports a user rejection, new files, rewrites and path refusals', () => {
    const plan = planEdits(file, edits(['a();\n', 'A();\n']));
    assert.equal(describeFileOutcome(outcomeOfPlan(plan, false, 'the user rejected the change')), 'no change to src/a.ts: the user rejected the change');
    assert.equal(describeFileOutcome(outcomeOfPlan(planEdits(undefined, { kind: 'whole', path: 'n.ts', content: 'x' }), true)), 'created n.ts');
    assert.equal(describeFileOutcome(outcomeOfPlan(planEdits(file, { kind: 'whole', path: 'a.ts', content: 'x\n' }), true)), 'rewrote a.ts');
    assert.equal(describeFileOutcome({ path: '../x', applied: [], note: '../x resolves outside the workspace' }), 'no change to ../x: ../x resolves outside the workspace');
  });

  it('mentions approximate matches so the model can double-check', () => {
    const text = 'function f() {\n  let a = 1;\n  let b = 2;\n  return a + b;\n}\n';
    const plan = planEdits(text, edits(['function f() {\n  let a = 1\n  let b = 2\n  return a + b\n', 'function f() {\n  let a = 1\n  let b = 3\n  return a + b\n']));
    assert.equal(plan.replacements[0].stage, 'fuzzy');
    assert.match(describeFileOutcome(outcomeOfPlan(plan, true)), /edit 1 matched approximately at lines 1–4 \(similarity 0\.\d\d\)/);
  });
});
