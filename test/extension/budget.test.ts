import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, answerWarnings, useFakeXai } from './helpers';

describe('The monthly budget (grok.monthlyBudgetUsd)', () => {
  const server = useFakeXai();
  const grok = () => vscode.workspace.getConfiguration('grok');

  after(async () => {
    await grok().update('monthlyBudgetUsd', undefined, vscode.ConfigurationTarget.Global);
  });

  it('asks before each request once the budget is used up; cancelling sends nothing, Send Anyway sends', async () => {
    const api = await activateExtension();
    // A budget so small that the first answer's estimated cost uses it up.
    await grok().update('monthlyBudgetUsd', 1e-9, vscode.ConfigurationTarget.Global);
    await api.sendChatMessage('[scenario:default] first question');
    assert.equal(api.lastTurn()?.status, 'done', api.lastTurn()?.error?.message);
    assert.ok((api.lastTurn()?.usage?.costUsd ?? 0) > 0, 'the answer had an estimated cost');
    // Inference requests only: the model list may be fetched in the background at any time.
    const posts = () => server.get().requests.filter((r) => r.method === 'POST').length;
    const sent = posts();

    const cancel = answerWarnings(undefined);
    try {
      await api.sendChatMessage('[scenario:default] second question');
    } finally {
      cancel.restore();
    }
    assert.equal(cancel.shown.length, 1, 'asked once');
    assert.ok(cancel.shown[0]?.modal, 'as a modal question');
    assert.match(cancel.shown[0]?.message ?? '', /reached your budget/);
    const refused = api.lastTurn();
    assert.equal(refused?.status, 'error');
    assert.match(refused?.error?.message ?? '', /monthly budget is used up/);
    assert.equal(refused?.error?.action, 'openSettings');
    assert.equal(posts(), sent, 'nothing was sent');

    const agree = answerWarnings('Send Anyway');
    try {
      await api.sendChatMessage('[scenario:default] third question');
    } finally {
      agree.restore();
    }
    assert.equal(agree.shown.length, 1);
    assert.equal(api.lastTurn()?.status, 'done', api.lastTurn()?.error?.message);
    assert.ok(posts() > sent, 'sent after the user agreed');
  });

  it('asks nothing when the budget is off', async () => {
    const api = await activateExtension();
    await grok().update('monthlyBudgetUsd', 0, vscode.ConfigurationTarget.Global);
    const watch = answerWarnings(undefined);
    try {
      await api.sendChatMessage('[scenario:default] no budget');
    } finally {
      watch.restore();
    }
    assert.deepEqual(watch.shown, []);
    assert.equal(api.lastTurn()?.status, 'done', api.lastTurn()?.error?.message);
  });
});
