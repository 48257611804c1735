import { strict as assert } from 'node:assert';
import { contextInfo } from '../../../src/core/chat/engine';
import { estimateTokens } from '../../../src/core/chat/tokens';
import { useFakeServer } from '../api/helpers';
import { engineFor, sentTexts } from './harness';

describe('conversation engine: a chat turn against the fake xAI server', () => {
  const server = useFakeServer();

  it('send: posts the user turn, streams the answer into an assistant turn, saves it and titles the chat', async () => {
    const fake = server.get();
    fake.enqueue('echo');
    const h = engineFor(fake);
    await h.engine.send('Explain closures in one line');
    const [user, assistant] = h.posted('turnAdded').map((m) => m.turn);
    assert.equal(user?.role, 'user');
    assert.equal(assistant?.role, 'assistant');
    const streamed = h.posted('turnDelta').map((d) => d.text ?? '').join('');
    assert.equal(streamed, 'Explain closures in one line');
    const end = h.posted('turnEnd').at(-1);
    assert.equal(end?.status, 'done');
    assert.ok(end?.usage && end.usage.totalTokens > 0, 'usage reaches the view');
    assert.equal(h.engine.lastTurn()?.text, 'Explain closures in one line');
    const saved = await h.store.load(h.engine.current.id);
    assert.ok(saved.ok);
    assert.equal(saved.conversation.title, 'Explain closures in one line');
    assert.deepEqual(saved.conversation.turns.map((t) => [t.role, t.status]), [['user', 'done'], ['assistant', 'done']]);
    assert.ok(h.spend.session.tokens === 0, 'the engine does not count usage itself: the client callback does');
  });

  it('retry: the failed answer is removed and the same question is asked again, once', async () => {
    const fake = server.get();
    fake.enqueue('model-not-found', 'echo');
    const h = engineFor(fake, { maxRetries: 0 });
    await h.engine.send('What is a monad?');
    const failed = h.engine.lastTurn();
    assert.equal(failed?.status, 'error');
    await h.engine.retry(failed!.id);
    assert.deepEqual(h.posted('turnRemoved').map((m) => m.turnId), [failed!.id]);
    assert.equal(h.engine.current.turns.length, 2, 'one question, one answer');
    assert.equal(h.engine.lastTurn()?.text, 'What is a monad?');
    assert.equal(sentTexts(fake, 1).filter((t) => t.includes('What is a monad?')).length, 1, 'the question is not duplicated in the resent prompt');
  });

  it('rewind (the conversation part of Undo Task): the task, its request and everything after go; the request returns to the composer', async () => {
    const fake = server.get();
    fake.enqueue('echo', 'echo', 'echo');
    const h = engineFor(fake);
    await h.engine.send('first question');
    await h.engine.send('the task');
    const task = h.engine.lastTurn()!;
    await h.engine.send('a follow-up');
    assert.ok(await h.engine.rewindTo(task.id));
    assert.deepEqual(h.engine.current.turns.map((t) => t.text), ['first question', 'first question']);
    assert.equal(h.posted('turnRemoved').length, 4);
    assert.deepEqual(h.posted('setInput').at(-1), { type: 'setInput', text: 'the task' });
    const saved = await h.store.load(h.engine.current.id);
    assert.ok(saved.ok && saved.conversation.turns.length === 2, 'saved without the task');
    assert.equal(await h.engine.rewindTo('not-a-turn'), false);
    // Taking back the first exchange leaves nothing: the stored conversation goes too.
    assert.ok(await h.engine.rewindTo(h.engine.current.turns[1]!.id));
    assert.equal((await h.store.load(h.engine.current.id)).ok, false);
  });

  it('retry: only the last answer can be retried', async () => {
    const fake = server.get();
    fake.enqueue('echo', 'echo');
    const h = engineFor(fake);
    await h.engine.send('first');
    const firstAnswer = h.engine.lastTurn()!.id;
    await h.engine.send('second');
    await h.engine.retry(firstAnswer);
    assert.equal(h.posted('notice').at(-1)?.text, 'Only the last answer can be retried.');
    assert.equal(h.engine.current.turns.length, 4);
  });

  it('edit and resend: the last question and its answer are replaced; earlier turns and the context are kept', async () => {
    const fake = server.get();
    fake.enqueue('echo', 'echo', 'echo');
    const h = engineFor(fake, {}, { chips: { items: () => ({ items: [{ kind: 'file', path: 'src/a.ts', text: 'export const a = 1;' }], views: [{ id: 'c1', kind: 'file', label: 'a.ts' }] }), clearPinned: () => undefined } });
    await h.engine.send('one');
    await h.engine.send('two');
    const removed = h.engine.current.turns.slice(2).map((t) => t.id);
    await h.engine.editLast('two, better');
    assert.deepEqual(h.posted('turnRemoved').map((m) => m.turnId), removed);
    assert.deepEqual(h.engine.current.turns.map((t) => t.text), ['one', 'one', 'two, better', 'two, better']);
    const last = sentTexts(fake, 2);
    assert.ok(last.at(-1)?.includes('two, better') && last.at(-1)?.includes('export const a = 1;'), 'the edited question carries its context again');
    assert.ok(!last.some((t) => t === 'two' || t.endsWith('\n\ntwo')), 'the old wording is not sent');
  });

  it('model selection stores the model, posts the state and the next turn uses it', async () => {
    const fake = server.get();
    fake.enqueue('echo');
    const h = engineFor(fake);
    await h.engine.selectModel('grok-4.20-0309-non-reasoning');
    assert.equal(h.posted('state').at(-1)?.state.model, 'grok-4.20-0309-non-reasoning');
    await h.engine.send('hi');
    const body = fake.requests.find((r) => r.method === 'POST')?.body;
    assert.equal(body?.model, 'grok-4.20-0309-non-reasoning');
  });

  it('delete: deleting the open conversation starts a new chat and drops it from the history', async () => {
    const fake = server.get();
    fake.enqueue('echo');
    const h = engineFor(fake);
    await h.engine.send('keep me?');
    const id = h.engine.current.id;
    await h.engine.deleteConversation(id);
    assert.notEqual(h.engine.current.id, id);
    assert.equal(h.engine.current.turns.length, 0);
    assert.deepEqual(h.posted('history').at(-1)?.conversations, []);
    const loaded = await h.store.load(id);
    assert.equal(loaded.ok, false);
    assert.equal(h.posted('conversation').at(-1)?.conversation.turns.length, 0, 'the view shows the empty chat');
  });

  it('open: a conversation from the history replaces the open one', async () => {
    const fake = server.get();
    fake.enqueue('echo', 'echo');
    const h = engineFor(fake);
    await h.engine.send('first chat');
    const first = h.engine.current.id;
    await h.engine.newChat();
    await h.engine.send('second chat');
    await h.engine.open(first);
    assert.equal(h.engine.current.id, first);
    assert.equal(h.posted('conversation').at(-1)?.conversation.turns[0]?.text, 'first chat');
    await h.engine.open('missing');
    assert.equal(h.posted('notice').at(-1)?.text, 'That conversation no longer exists.');
  });

  it('stop keeps what arrived, marked stopped', async () => {
    const fake = server.get();
    fake.enqueue({ name: 'slow-drip', options: { intervalMs: 30 } });
    const h = engineFor(fake);
    const sending = h.engine.send('long one');
    while (!h.posted('turnDelta').some((d) => d.text)) await new Promise((r) => setTimeout(r, 5));
    h.engine.stop();
    await sending;
    const last = h.engine.lastTurn();
    assert.equal(last?.status, 'stopped');
    assert.ok(last && last.text.length > 0, 'the partial answer is kept');
  });

  it('a pending retry is shown with its reason, and cleared when the next attempt starts', async () => {
    const fake = server.get();
    fake.enqueue({ name: 'rate-limited-retry-after', options: { seconds: 2 } }, 'echo');
    const h = engineFor(fake);
    await h.engine.send('after the limit');
    const statuses = h.posted('turnStatus');
    assert.ok(statuses[0]?.text && statuses[0].text.length > 0, 'the reason is shown');
    assert.equal(statuses[0]?.retryInMs, 2000);
    assert.equal(statuses.at(-1)?.text, undefined, 'waiting is over once the retry started');
    assert.equal(h.engine.lastTurn()?.text, 'after the limit');
  });

  it('an error message never carries the key, even when the server echoes it', async () => {
    const fake = server.get();
    fake.enqueue('invalid-key');
    const h = engineFor(fake, { maxRetries: 0 }, { scrub: (t) => t.replace(/xai-[A-Za-z0-9_-]+/g, '[REDACTED]') });
    await h.engine.send('hello');
    const end = h.posted('turnEnd').at(-1);
    assert.equal(end?.status, 'error');
    assert.ok(end?.error?.message && !/xai-wrongkey/.test(end.error.message), end?.error?.message);
    assert.ok(!JSON.stringify([...h.fs.files.values()]).includes('xai-wrongkey'), 'nor does the stored conversation');
  });
});

describe('conversation engine: what is checked before anything is sent', () => {
  const server = useFakeServer();

  it('with no key for xAI, nothing leaves the machine and the turn asks for the key', async () => {
    let streamed = 0;
    const fake = server.get();
    const h = engineFor(fake, { baseUrl: 'https://api.x.ai/v1' }, {
      hasKey: async () => false,
      client: () => ({
        stream: () => {
          streamed++;
          throw new Error('must not be called');
        },
        listModels: async () => {
          streamed++;
          return [];
        },
      }),
    });
    await h.engine.send('hello');
    await h.engine.refreshModels();
    assert.equal(streamed, 0);
    const end = h.posted('turnEnd').at(-1);
    assert.deepEqual(end?.error, { message: 'Grok needs an xAI API key first.', action: 'setApiKey' });
    assert.equal((await h.engine.state()).needsApiKey, true);
  });

  it('a server that is not xAI needs no key: no banner, and the request goes out', async () => {
    const fake = server.get();
    fake.enqueue('echo');
    const h = engineFor(fake, {}, { hasKey: async () => false });
    assert.equal((await h.engine.state()).needsApiKey, false);
    await h.engine.send('local model');
    assert.equal(h.engine.lastTurn()?.status, 'done');
  });

  it('a declined endpoint sends nothing and says why', async () => {
    const fake = server.get();
    const h = engineFor(fake, {}, { questions: { confirmEndpoint: async () => ({ message: 'Not sent: you did not allow your key to go to 127.0.0.1.' }) } });
    await h.engine.send('hello');
    assert.equal(fake.requests.length, 0);
    assert.match(h.posted('turnEnd').at(-1)?.error?.message ?? '', /did not allow/);
  });

  it('a used-up budget asks first; declining sends nothing and offers the setting', async () => {
    const fake = server.get();
    const h = engineFor(fake, { monthlyBudgetUsd: 1 });
    h.spend.record({ requestId: 'r', model: 'grok-4.3', endpoint: 'chat', costUsd: 2, costSource: 'builtin', timeToFirstTokenMs: 1, latencyMs: 1, status: 'ok', promptTokens: 1, completionTokens: 1, reasoningTokens: 0, cachedTokens: 0, imageTokens: 0, totalTokens: 2 });
    await h.engine.send('hello');
    assert.equal(h.asked.length, 1);
    assert.equal(fake.requests.length, 0);
    assert.deepEqual(h.posted('turnEnd').at(-1)?.error, { message: 'Not sent: the monthly budget is used up (grok.monthlyBudgetUsd).', action: 'openSettings' });
  });
});

describe('conversation engine: a turn with several model calls', () => {
  const server = useFakeServer();

  it('sends tool results back and streams the next call into the same answer', async () => {
    const fake = server.get();
    fake.enqueue('tool-call', 'echo');
    const ran: string[] = [];
    const h = engineFor(fake, {}, {
      toolbox: {
        specs: () => [{ name: 'propose_edits', parameters: { type: 'object' } }],
        run: async (calls) => {
          ran.push(...calls.map((c) => c.name));
          return ran.length > 1 ? undefined : calls.map((c) => ({ toolCallId: c.id, content: 'applied' }));
        },
      },
    });
    await h.engine.send('do it');
    assert.deepEqual(ran, ['propose_edits']);
    const second = fake.requests.filter((r) => r.method === 'POST')[1]?.body;
    const roles = (second?.messages ?? []).map((m) => m.role);
    assert.deepEqual(roles.slice(-2), ['assistant', 'tool'], 'the tool call and its result precede the next call');
    const turn = h.engine.current.turns.at(-1);
    assert.equal(turn?.status, 'done');
    assert.equal(turn?.toolResults?.[0]?.content, 'applied');
    assert.equal(h.posted('turnAdded').filter((m) => m.turn.role === 'assistant').length, 1, 'one answer in the view');
  });
});

describe('the context meter', () => {
  it('is quiet well under the limit, warns above 80% and says what happens past it', () => {
    const text = 'x'.repeat(4_000);
    const used = estimateTokens(text);
    const turns = [{ id: 'u', role: 'user' as const, text, status: 'done' as const, createdAt: 0 }];
    assert.equal(contextInfo(turns, '', 'm', 100_000, 1_000).warning, undefined);
    const window = Math.ceil(used / 0.9) + 1_000; // the limit leaves 1,000 tokens for the answer
    const near = contextInfo(turns, '', 'm', window, 1_000);
    assert.equal(near.limit, window - 1_000);
    assert.equal(near.warning, `About ${used.toLocaleString('en-US')} of ${(window - 1_000).toLocaleString('en-US')} tokens used.`);
    const over = contextInfo(turns, text, 'grok-x', window, 1_000);
    assert.match(over.warning ?? '', /more than grok-x can read \([\d,]+\)\. Remove attachments; the oldest messages will be left out\./);
    assert.equal(over.tokens, used * 2);
  });
});

describe('conversation engine: an endpoint that may not be used', () => {
  const server = useFakeServer();

  it('a plain-http base URL to another host is refused before anything is sent, with Open Settings', async () => {
    const fake = server.get();
    const h = engineFor(fake, { baseUrl: 'http://evil.example/v1' });
    await h.engine.send('hello');
    await h.engine.refreshModels();
    assert.equal(fake.requests.length, 0);
    const end = h.posted('turnEnd').at(-1);
    assert.equal(end?.error?.action, 'openSettings');
    assert.match(end?.error?.message ?? '', /plain http:\/\/ for evil\.example/);
  });
});
