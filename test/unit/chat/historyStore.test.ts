import { strict as assert } from 'node:assert';
import { newConversation, type Conversation } from '../../../src/core/chat/conversation';
import { HistoryStore } from '../../../src/core/chat/historyStore';
import { memoryHistoryFs } from '../engine/harness';

const memoryFs = memoryHistoryFs;

function conversation(id: string, updatedAt: number): Conversation {
  const c = newConversation(id, updatedAt);
  c.title = `chat ${id}`;
  c.turns.push({ id: 'u1', role: 'user', text: 'hi', status: 'done', createdAt: updatedAt });
  return c;
}

describe('conversation history store', () => {
  it('saves, lists newest first, loads and deletes', async () => {
    const fs = memoryFs();
    const store = new HistoryStore(fs);
    await store.save(conversation('a', 1));
    await store.save(conversation('b', 2));
    const { summaries, problems } = await store.list();
    assert.deepEqual(summaries.map((s) => s.id), ['b', 'a']);
    assert.deepEqual(problems, []);
    const loaded = await store.load('a');
    assert.ok(loaded.ok);
    assert.equal(loaded.conversation.turns[0]?.text, 'hi');
    await store.delete('a');
    assert.deepEqual((await store.load('a')).ok, false);
  });

  it('shows an answer cut off mid-stream as incomplete, keeping its text', async () => {
    const store = new HistoryStore(memoryFs());
    const c = conversation('c', 1);
    c.turns.push({ id: 'a1', role: 'assistant', text: 'partial ans', status: 'streaming', createdAt: 1 });
    await store.save(c);
    const loaded = await store.load('c');
    assert.ok(loaded.ok);
    assert.deepEqual([loaded.conversation.turns[1]?.status, loaded.conversation.turns[1]?.text], ['incomplete', 'partial ans']);
  });

  it('sets an unreadable file aside with a message instead of dropping it', async () => {
    const fs = memoryFs();
    const store = new HistoryStore(fs, () => 42);
    fs.files.set('conversation-bad.json', '{"version":1,"id":"bad",'); // truncated JSON
    await store.save(conversation('good', 1));
    const { summaries, problems } = await store.list();
    assert.deepEqual(summaries.map((s) => s.id), ['good']);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /set aside as conversation-bad\.unreadable-42\.json/);
    assert.equal(fs.files.get('conversation-bad.unreadable-42.json'), '{"version":1,"id":"bad",');
    assert.ok(!fs.files.has('conversation-bad.json'));
  });

  it('treats a file of the wrong shape as unreadable too', async () => {
    const fs = memoryFs();
    fs.files.set('conversation-x.json', JSON.stringify({ version: 1, id: 'x', turns: 'nope' }));
    const r = await new HistoryStore(fs, () => 7).load('x');
    assert.ok(!r.ok && !r.missing);
    assert.ok(fs.files.has('conversation-x.unreadable-7.json'));
  });
});
