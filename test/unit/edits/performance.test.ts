import { strict as assert } from 'node:assert';
import { planEdits } from '../../../src/core/edits';
import { hugeTs } from '../../fixtures/edits/cases/huge';

/** Generous bounds: they catch quadratic blow-ups (minutes), not machine speed. */
const BUDGET_MS = 3000;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('matcher cost on large inputs', () => {
  const big = hugeTs().repeat(4);
  const lines = big.split('\n');

  it('refuses a long search that matches nothing in a large file quickly', () => {
    const foreign = Array.from({ length: 300 }, (_, i) => `  const value${i} = compute(${i}, 'x${i}');`).join('\n') + '\n';
    const ms = timed(() => assert.equal(planEdits(big, { kind: 'edits', path: 'x', edits: [{ search: foreign, replace: '' }] }).ok, false));
    assert.ok(ms < BUDGET_MS, `${ms} ms`);
  });

  it('scores a long, partly altered search quickly', () => {
    const altered = lines.slice(5000, 5300).map((l, i) => (i % 3 === 0 ? `${l} // changed` : l)).join('\n') + '\n';
    const ms = timed(() => planEdits(big, { kind: 'edits', path: 'x', edits: [{ search: altered, replace: '' }] }));
    assert.ok(ms < BUDGET_MS, `${ms} ms`);
  });

  it('plans a complete rewrite of a large file quickly', () => {
    const other = lines.map((l) => `${l};`).join('\n');
    const ms = timed(() => assert.equal(planEdits(big, { kind: 'whole', path: 'x', content: other }).newText, other + '\n'));
    assert.ok(ms < BUDGET_MS, `${ms} ms`);
  });
});
