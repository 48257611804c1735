import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newConversation, turnView, type Conversation } from '../../../src/core/chat/conversation';
import { HistoryStore } from '../../../src/core/chat/historyStore';
import { readStored, STORED_VERSION } from '../../../src/core/chat/storedFormat';
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
    assert.match(r.message, /could not be read and was set aside as conversation-x\.unreadable-7\.json/);
    assert.ok(fs.files.has('conversation-x.unreadable-7.json'));
  });

  it('sets a foreign JSON file aside (no version, or not an object)', async () => {
    const fs = memoryFs();
    fs.files.set('conversation-pkg.json', JSON.stringify({ name: 'grok', dependencies: {} }));
    fs.files.set('conversation-arr.json', '[1,2,3]');
    const { summaries, problems } = await new HistoryStore(fs, () => 9).list();
    assert.deepEqual(summaries, []);
    assert.equal(problems.length, 2);
    assert.deepEqual([...fs.files.keys()].sort(), ['conversation-arr.unreadable-9.json', 'conversation-pkg.unreadable-9.json']);
  });
});

/** The conversations the release of format version N wrote (test/fixtures/history/vN), by file name. */
function fixtureFiles(version: number): Map<string, string> {
  const dir = join(__dirname, `../../fixtures/history/v${version}`);
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('stored conversation format', () => {
  const [[v1Name, v1Text] = ['', '']] = [...fixtureFiles(1)];
  const v1 = () => JSON.parse(v1Text) as { id: string; turns: Record<string, unknown>[] } & Record<string, unknown>;

  it('loads a conversation written by the version 1 release, every field kept', async () => {
    const fs = memoryFs();
    fs.files.set(v1Name, v1Text);
    const store = new HistoryStore(fs);
    const { summaries, problems } = await store.list();
    assert.deepEqual(problems, []);
    assert.deepEqual(summaries, [{ id: v1().id, title: 'Why does parseArgs drop the last flag?', updatedAt: 1764650006500, turnCount: 6 }]);
    const loaded = await store.load(v1().id);
    assert.ok(loaded.ok);
    // Exactly the file's content, in this version's format; the turn cut off mid-stream shows as incomplete.
    const expected = v1();
    expected.version = STORED_VERSION;
    (expected.turns[5] as { status: string }).status = 'incomplete';
    assert.deepEqual(loaded.conversation, expected);
    assert.deepEqual(turnView(loaded.conversation.turns[1]!).edits?.map((c) => [c.id, c.status, c.files.length]), [
      ['edit-1', 'applied', 1],
      ['edit-2', 'refused', 1],
    ]);
  });

  it('writes a migrated conversation back in the current version, which reads without migrating', async () => {
    const fs = memoryFs();
    fs.files.set(v1Name, v1Text);
    const store = new HistoryStore(fs);
    const loaded = await store.load(v1().id);
    assert.ok(loaded.ok);
    const read = readStored(JSON.parse(v1Text));
    assert.equal(read.ok && read.migratedFrom, 1);
    await store.save(loaded.conversation);
    const written: unknown = JSON.parse(fs.files.get(v1Name) ?? '');
    const again = readStored(written);
    assert.ok(again.ok);
    assert.equal(again.migratedFrom, undefined);
    assert.deepEqual(again.conversation, loaded.conversation);
  });

  it('drops a chip thumbnail a version 1 file may hold (image data is never kept)', () => {
    const file = v1();
    (file.turns[0] as { attachments: Record<string, unknown>[] }).attachments[2]!.thumbnail = 'data:image/png;base64,AAAA';
    const read = readStored(file);
    assert.ok(read.ok);
    assert.deepEqual(read.conversation.turns[0]?.attachments?.[2], { id: 'img-0', kind: 'image', label: 'image 1' });
  });

  it('checks every field, nested ones too, and names the first bad one', () => {
    /** Why the fixture, as `version`, with `value` at `path` (undefined: removed), does not read. */
    const why = (version: number, path: (string | number)[], value: unknown) => {
      const file: unknown = { ...v1(), version };
      const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], file) as Record<string | number, unknown>;
      const key = path[path.length - 1] ?? '';
      if (value === undefined) delete parent[key];
      else parent[key] = value;
      const read = readStored(file);
      return read.ok ? 'read' : read.newer ? 'newer' : read.why;
    };
    assert.equal(why(2, ['turns', 1, 'usage', 'promptTokens'], 'many'), 'turns.1.usage.promptTokens: Invalid input: expected number, received string');
    assert.match(why(1, ['turns', 1, 'edits', 0, 'changes', 0], { kind: 'rename', path: 'a' }), /^version 1: turns\.1\.edits\.0\.changes\.0\.kind: /);
    assert.match(why(2, ['turns', 3, 'error', 'action'], 'format disk'), /^turns\.3\.error\.action: /);
    assert.match(why(1, ['turns', 0, 'status'], 'thinking'), /^version 1: turns\.0\.status: /);
    assert.match(why(2, ['turns', 2, 'createdAt'], undefined), /^turns\.2\.createdAt: /);
    assert.match(why(2, ['id'], '../../settings'), /^id: /);
    assert.match(why(2, ['version'], '2'), /^version: /);
    assert.equal(why(2, ['title'], 'still fine'), 'read');
  });

  it('reads a field it does not know (a newer release of the same version added it) by leaving it out', () => {
    const file = v1();
    file.version = STORED_VERSION;
    // (`sources` is a real field now: a server-side tool helper added it; use a name no release knows.)
    (file.turns[1] as Record<string, unknown>).laterField = [{ url: 'https://x.ai' }];
    const read = readStored(file);
    assert.ok(read.ok);
    assert.equal('laterField' in (read.conversation.turns[1] ?? {}), false);
  });

  it('leaves a file from a newer release untouched, and says so once per window', async () => {
    const fs = memoryFs();
    const newer = JSON.stringify({ ...v1(), version: STORED_VERSION + 1 });
    fs.files.set(v1Name, newer);
    const store = new HistoryStore(fs, () => 5);
    const first = await store.list();
    assert.deepEqual(first.summaries, []);
    assert.deepEqual(first.problems, ['A saved conversation was written by a newer version of Grok Code Assistant; it is left as it is.']);
    assert.deepEqual((await store.list()).problems, []);
    const load = await store.load(v1().id);
    assert.ok(!load.ok && !load.missing);
    assert.match(load.message, /newer version/);
    assert.deepEqual([...fs.files], [[v1Name, newer]]);
  });
});
