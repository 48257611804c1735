import { strict as assert } from 'node:assert';
import { useFakeServer } from '../api/helpers';
import { agentFor, sentToolResults } from './fakeHost';

describe('agent approvals', () => {
  const server = useFakeServer();

  it('reads inside the workspace run without asking by default', async () => {
    const fake = server.get();
    const h = agentFor(fake);
    await h.engine.send('[scenario:agent-task] fix');
    assert.ok(h.posted('toolCard').every((m) => m.card.status !== 'waiting'));
  });

  it('a read outside the workspace waits for Allow, then runs', async () => {
    const fake = server.get();
    const h = agentFor(fake, {}, { files: { 'src/a.ts': 'a', '/work/outside.txt': 'outside text' }, onCard: (card, tb) => card.status === 'waiting' && tb.decide(card.id, 'allow') });
    await h.engine.send('[scenario:agent-outside] read');
    const waiting = h.posted('toolCard').find((m) => m.card.status === 'waiting')!.card;
    assert.match(waiting.question ?? '', /resolves outside the workspace \(\/work\/outside\.txt\)/);
    assert.equal(h.cards()[0]?.status, 'done');
    assert.match(h.engine.lastTurn()!.text, /Outside read: \.\.\/outside\.txt \(1 lines\)\n1: outside text/);
  });

  it('Deny sends "denied by the user" to the model and the loop goes on', async () => {
    const fake = server.get();
    const h = agentFor(fake, {}, { files: { '/work/outside.txt': 'outside text' }, onCard: (card, tb) => card.status === 'waiting' && tb.decide(card.id, 'deny') });
    await h.engine.send('[scenario:agent-outside] read');
    assert.equal(h.engine.lastTurn()!.status, 'done');
    assert.match(sentToolResults(fake, 1)[0]!, /^Denied by the user\./);
    assert.equal(h.cards()[0]?.status, 'denied');
    assert.deepEqual(h.host.reads, []);
  });

  it('approveReads=ask asks for every read; "Allow for this task" stops the questions for the rest of the task', async () => {
    const fake = server.get();
    let asked = 0;
    const h = agentFor(fake, {}, { approvals: { read: 'ask' }, onCard: (card, tb) => card.status === 'waiting' && (asked++, tb.decide(card.id, 'allowTask')) });
    await h.engine.send('[scenario:agent-task] fix');
    assert.equal(asked, 1, 'one question for list, search and read');
    assert.equal(h.engine.lastTurn()!.status, 'done');
    // A new task asks again.
    await h.engine.send('[scenario:agent-invalid] again');
    await h.engine.send('[scenario:agent-loop] again');
    assert.equal(asked, 2);
  });

  it('a file that may hold secrets asks even when reads are automatic', async () => {
    const fake = server.get();
    const h = agentFor(fake, {}, { onCard: (card, tb) => card.status === 'waiting' && tb.decide(card.id, 'deny') });
    await h.engine.send('[scenario:agent-outside path=.env] read');
    assert.match(h.posted('toolCard').find((m) => m.card.status === 'waiting')!.card.question ?? '', /\.env may hold secrets/);
  });

  it('edits ask by default (previewed by the user) and go through directly with approveEdits=auto', async () => {
    const fake = server.get();
    const ask = agentFor(fake);
    await ask.engine.send('[scenario:agent-edit] edit');
    assert.deepEqual(ask.host.proposals.map((p) => p.auto), [false]);
    const auto = agentFor(fake, {}, { approvals: { edit: 'auto' } });
    await auto.engine.send('[scenario:agent-edit] edit');
    assert.deepEqual(auto.host.proposals.map((p) => p.auto), [true]);
    assert.match(auto.engine.lastTurn()!.text, /After the edit: Applied 1 edit/);
  });

  it('a rejected edit goes back to the model and the task continues', async () => {
    const fake = server.get();
    const h = agentFor(fake);
    h.host.editAnswer = 'The user rejected these edits; nothing was written.';
    await h.engine.send('[scenario:agent-edit] edit');
    assert.equal(h.engine.lastTurn()!.text, 'After the edit: The user rejected these edits; nothing was written.');
  });

  it('Stop while a card waits for approval ends the task at once', async () => {
    const fake = server.get();
    const h = agentFor(fake, {}, { approvals: { read: 'ask' } });
    const sent = h.engine.send('[scenario:agent-task] fix');
    while (!h.cards().some((c) => c.status === 'waiting')) await new Promise((r) => setTimeout(r, 5));
    await h.engine.stop();
    await sent;
    assert.equal(h.engine.lastTurn()!.status, 'stopped');
    assert.equal(h.cards()[0]?.status, 'failed');
  });
});
