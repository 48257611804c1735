import { strict as assert } from 'node:assert';
import { useFakeServer } from '../api/helpers';
import { agentFor } from './fakeHost';

describe('agent limits', () => {
  const server = useFakeServer();

  it('stops a looping model on the third identical call, with the reason, without running it', async () => {
    const fake = server.get();
    const h = agentFor(fake);
    await h.engine.send('[scenario:agent-loop] loop');
    const answer = h.engine.lastTurn()!;
    assert.equal(answer.status, 'error');
    assert.match(answer.error!.message, /called read_file with the same arguments 3 times in a row/);
    assert.equal(h.host.reads.length, 2, 'the third call is not run');
    assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 3);
    assert.deepEqual(h.cards().map((c) => c.status), ['done', 'done', 'failed']);
  });

  it('stops at grok.agent.maxSteps model calls with a message', async () => {
    const fake = server.get();
    const h = agentFor(fake, { 'agent.maxSteps': 4 });
    await h.engine.send('[scenario:agent-steps] forever');
    const answer = h.engine.lastTurn()!;
    assert.equal(answer.status, 'error');
    assert.match(answer.error!.message, /Stopped after 4 steps in one answer \(grok\.agent\.maxSteps\)/);
    assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 4);
  });

  it('the default step limit is 25', async () => {
    const fake = server.get();
    const h = agentFor(fake);
    await h.engine.send('[scenario:agent-steps] forever');
    assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 25);
    assert.match(h.engine.lastTurn()!.error!.message, /after 25 steps/);
  });

  it('stops before the next model call once the task cost reaches grok.agent.maxTaskCostUsd', async () => {
    const fake = server.get();
    // Each fake step costs about $0.0003 (200+ prompt tokens at $1.25/M plus output).
    const h = agentFor(fake, { 'agent.maxTaskCostUsd': 0.0005 });
    await h.engine.send('[scenario:agent-steps] forever');
    const answer = h.engine.lastTurn()!;
    assert.equal(answer.status, 'error');
    assert.match(answer.error!.message, /this task has cost \$0\.\d{4}, the cap is \$0\.0005 \(grok\.agent\.maxTaskCostUsd\)/);
    const calls = fake.requests.filter((r) => r.method === 'POST').length;
    assert.ok(calls >= 2 && calls <= 3, `stopped after ${calls} calls`);
    assert.ok((answer.usage?.costUsd ?? 0) >= 0.0005);
  });

  it('the cost cap is off by default', async () => {
    const fake = server.get();
    const h = agentFor(fake, { 'agent.maxSteps': 6 });
    await h.engine.send('[scenario:agent-steps] forever');
    assert.match(h.engine.lastTurn()!.error!.message, /after 6 steps/);
  });

  it('Stop during a running tool ends the task at once', async () => {
    const fake = server.get();
    const h = agentFor(fake);
    h.host.readGate = new Promise(() => undefined); // a read that never finishes
    const sent = h.engine.send('[scenario:agent-loop] loop');
    while (!h.cards().some((c) => c.status === 'running')) await new Promise((r) => setTimeout(r, 5));
    const stoppedAt = Date.now();
    await h.engine.stop();
    await sent;
    assert.ok(Date.now() - stoppedAt < 500);
    assert.equal(h.engine.lastTurn()!.status, 'stopped');
    assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1, 'no model call after Stop');
  });

  it('Stop during a streaming model call aborts it', async () => {
    const fake = server.get();
    const h = agentFor(fake);
    fake.enqueue({ name: 'slow-drip', options: { intervalMs: 200 } });
    const sent = h.engine.send('slow');
    while (!fake.requests.some((r) => r.method === 'POST')) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    await h.engine.stop();
    await sent;
    assert.equal(h.engine.lastTurn()!.status, 'stopped');
    await fake.requests.find((r) => r.method === 'POST')!.done;
    assert.ok(fake.requests.find((r) => r.method === 'POST')!.closedEarly);
  });

  it('logs one audit line per call: request id, redacted arguments, decision, duration, result size', async () => {
    const fake = server.get();
    const h = agentFor(fake);
    await h.engine.send('[scenario:agent-invalid] read');
    const line = h.logger.lines.find((l) => l.includes('agent tool read_file'));
    assert.match(line ?? '', /call=call_r0_0 request-id=[0-9a-f-]{36} args=\{"start_line":0\} decision=invalid duration=\d+ms result=\d+ chars/);
  });
});
