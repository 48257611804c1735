import { strict as assert } from 'node:assert';
import { addSpend, checkBudget, currentLedger } from '../../../src/core/chat/budget';
import { DeltaBatcher } from '../../../src/core/chat/deltaBatcher';

describe('monthly budget', () => {
  const now = new Date(2026, 10, 25);

  it('is off when the budget is 0', () => {
    const ledger = addSpend(currentLedger(undefined, now), 1000);
    assert.deepEqual(checkBudget(ledger, 0), { kind: 'ok' });
  });

  it('warns once at 80% and asks before going over', () => {
    let ledger = addSpend(currentLedger(undefined, now), 7.9);
    assert.equal(checkBudget(ledger, 10).kind, 'ok');
    ledger = addSpend(ledger, 0.2);
    const warn = checkBudget(ledger, 10);
    assert.equal(warn.kind, 'warn');
    assert.equal(checkBudget({ ...ledger, warned: true }, 10).kind, 'ok');
    ledger = addSpend(ledger, 2);
    const confirm = checkBudget(ledger, 10);
    assert.equal(confirm.kind, 'confirm');
    if (confirm.kind === 'confirm') assert.match(confirm.message, /\$10\.10.*\$10\.00/);
  });

  it('starts a new month from zero', () => {
    const old = { month: '2026-10', spentUsd: 50, warned: true };
    assert.deepEqual(currentLedger(old, now), { month: '2026-11', spentUsd: 0, warned: false });
  });

  it('ignores unknown or negative costs', () => {
    const ledger = currentLedger(undefined, now);
    assert.equal(addSpend(ledger, undefined).spentUsd, 0);
    assert.equal(addSpend(ledger, -1).spentUsd, 0);
  });
});

describe('delta batcher', () => {
  it('coalesces deltas into one flush per interval and flushes on demand', async () => {
    const batches: { text: string; reasoning: string }[] = [];
    const b = new DeltaBatcher((x) => batches.push(x), 10);
    b.push('reasoning', 'think ');
    b.push('text', 'Hel');
    b.push('text', 'lo');
    assert.equal(batches.length, 0);
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual(batches, [{ text: 'Hello', reasoning: 'think ' }]);
    b.push('text', '!');
    b.flush();
    assert.deepEqual(batches[1], { text: '!', reasoning: '' });
    b.flush();
    assert.equal(batches.length, 2, 'nothing pending, nothing sent');
  });
});
