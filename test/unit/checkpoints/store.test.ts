import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointStore, nodeCheckpointFs, type CheckpointFs } from '../../../src/core/checkpoints';

/** A file system in a Map, with a switch to make one write fail. */
class MemoryFs implements CheckpointFs {
  readonly files = new Map<string, Uint8Array>();
  failWriteTo?: string;
  async read(path: string) {
    const bytes = this.files.get(path);
    return bytes && new Uint8Array(bytes);
  }
  async write(path: string, bytes: Uint8Array) {
    if (path === this.failWriteTo) throw new Error(`disk full writing ${path}`);
    this.files.set(path, new Uint8Array(bytes));
  }
  async remove(path: string) {
    this.files.delete(path);
  }
  async list(dir: string) {
    return [...this.files.keys()].filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/')).map((p) => p.slice(dir.length + 1));
  }
}

interface Setup {
  fs: CheckpointFs;
  ws: string;
  storage: string;
  put(rel: string, bytes: Uint8Array | string): Promise<void>;
  get(rel: string): Promise<Buffer | undefined>;
  cleanup(): Promise<void>;
}

const bytes = (s: string | Uint8Array) => (typeof s === 'string' ? Buffer.from(s) : s);
/** Not valid UTF-8, a CRLF and a NUL: restored byte for byte, not as text. */
const BINARY = new Uint8Array([0xff, 0xfe, 0x00, 0x0d, 0x0a, 0xc3, 0x28]);

async function memorySetup(): Promise<Setup> {
  const fs = new MemoryFs();
  return {
    fs,
    ws: '/ws',
    storage: '/storage',
    put: (rel, b) => fs.write(`/ws/${rel}`, bytes(b)),
    get: async (rel) => {
      const b = await fs.read(`/ws/${rel}`);
      return b && Buffer.from(b);
    },
    cleanup: async () => undefined,
  };
}

async function diskSetup(): Promise<Setup> {
  const root = await mkdtemp(join(tmpdir(), 'grok-checkpoints-'));
  const ws = join(root, 'ws');
  return {
    fs: nodeCheckpointFs,
    ws,
    storage: join(root, 'storage'),
    put: (rel, b) => nodeCheckpointFs.write(join(ws, rel), bytes(b)),
    get: (rel) => readFile(join(ws, rel)).catch(() => undefined),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

for (const [kind, make] of [['in memory', memorySetup], ['on disk', diskSetup]] as const) {
  describe(`CheckpointStore (${kind})`, () => {
    let s: Setup;
    let clock: number;
    const open = (keep = 20) => CheckpointStore.open(s.fs, { storageDir: s.storage, keep, now: () => ++clock });
    const p = (rel: string) => `${s.ws}/${rel}`;
    /** What the agent does around one write. */
    async function write(store: CheckpointStore, task: string, rel: string, content: string | Uint8Array | undefined) {
      await store.recordBeforeWrite(task, [p(rel)]);
      if (content === undefined) await s.fs.remove(p(rel));
      else await s.put(rel, content);
      await store.recordAfterWrite(task, [p(rel)]);
    }

    beforeEach(async () => {
      s = await make();
      clock = 1000;
      await s.put('a.ts', 'const a = 1;\r\n');
      await s.put('b.bin', BINARY);
      await s.put('gone.txt', 'delete me\n');
    });
    afterEach(() => s.cleanup());

    it('undoes a task that changed two files, created one and deleted one, byte for byte, after a reload', async () => {
      const store = await open();
      await store.beginTask({ taskId: 't1', turnId: 'turn-3', conversationId: 'c1', label: 'refactor' });
      await write(store, 't1', 'a.ts', 'const a = 2;\n');
      await write(store, 't1', 'a.ts', 'const a = 3;\n'); // a second write keeps the first snapshot
      await write(store, 't1', 'b.bin', 'text now');
      await write(store, 't1', 'new/dir/c.ts', 'created');
      await write(store, 't1', 'gone.txt', undefined);
      assert.deepEqual(store.list()[0]?.files.map((f) => [f.path.slice(s.ws.length + 1), f.change]), [
        ['a.ts', 'modified'],
        ['b.bin', 'modified'],
        ['new/dir/c.ts', 'created'],
        ['gone.txt', 'deleted'],
      ]);

      const reloaded = await open();
      assert.equal(reloaded.loadProblem, undefined);
      assert.equal(reloaded.list()[0]?.turnId, 'turn-3');
      assert.deepEqual(await reloaded.conflicts('t1'), []);
      const result = await reloaded.undo('t1');
      assert.ok(result.ok);
      assert.deepEqual((await s.get('a.ts'))?.toString(), 'const a = 1;\r\n');
      assert.deepEqual(new Uint8Array((await s.get('b.bin')) ?? []), BINARY);
      assert.equal(await s.get('new/dir/c.ts'), undefined);
      assert.equal((await s.get('gone.txt'))?.toString(), 'delete me\n');
      assert.deepEqual(result.files.map((f) => f.action), ['restored', 'restored', 'deleted', 'restored']);
      assert.equal((await reloaded.undo('t1')).ok, false);
    });

    it('finds files the user changed after the task and writes nothing until told to overwrite', async () => {
      const store = await open();
      await store.beginTask({ taskId: 't1', turnId: 'x' });
      await write(store, 't1', 'a.ts', 'by task');
      await write(store, 't1', 'b.bin', 'by task');
      await write(store, 't1', 'gone.txt', undefined);
      await s.put('a.ts', 'by user');
      await s.fs.remove(p('b.bin'));
      await s.put('gone.txt', 'user brought it back');
      const expected = [
        { path: p('a.ts'), change: 'changed' },
        { path: p('b.bin'), change: 'deleted' },
        { path: p('gone.txt'), change: 'created' },
      ];
      assert.deepEqual(await store.conflicts('t1'), expected);
      const refused = await store.undo('t1');
      assert.ok(!refused.ok && refused.reason === 'conflicts');
      assert.deepEqual(refused.conflicts, expected);
      assert.equal((await s.get('a.ts'))?.toString(), 'by user');
      const forced = await store.undo('t1', { overwrite: true });
      assert.ok(forced.ok);
      assert.equal((await s.get('a.ts'))?.toString(), 'const a = 1;\r\n');
      assert.deepEqual(new Uint8Array((await s.get('b.bin')) ?? []), BINARY);
    });

    it('keeps the last N tasks and deletes snapshots no kept task needs', async () => {
      const store = await open(2);
      for (const t of ['t1', 't2', 't3']) {
        await store.beginTask({ taskId: t, turnId: t });
        await write(store, t, 'a.ts', `by ${t}`);
      }
      assert.deepEqual(store.list().map((c) => c.taskId), ['t3', 't2']);
      const undone = await store.undo('t1');
      assert.ok(!undone.ok && undone.reason === 'unknown-task');
      // t1's snapshot (the original a.ts) is gone; t2's and t3's remain.
      const blobs = await s.fs.list(`${s.storage}/blobs`);
      assert.equal(blobs.length, 2);
      assert.equal((await open(2)).list().length, 2);
    });

    it('refuses to restore anything when a snapshot is missing', async () => {
      const store = await open();
      await store.beginTask({ taskId: 't1', turnId: 'x' });
      await write(store, 't1', 'a.ts', 'changed');
      await write(store, 't1', 'gone.txt', undefined);
      for (const blob of await s.fs.list(`${s.storage}/blobs`)) if (blob) await s.fs.remove(`${s.storage}/blobs/${blob}`);
      const result = await store.undo('t1');
      assert.ok(!result.ok && result.reason === 'snapshot-missing');
      assert.equal((await s.get('a.ts'))?.toString(), 'changed');
      assert.equal(await s.get('gone.txt'), undefined);
    });

    it('sets an index of another version aside and starts empty', async () => {
      await s.fs.write(`${s.storage}/checkpoints.json`, Buffer.from(JSON.stringify({ version: 99, tasks: [] })));
      const store = await open();
      assert.match(store.loadProblem ?? '', /version 1/);
      assert.deepEqual(store.list(), []);
      assert.ok(await s.fs.read(`${s.storage}/checkpoints.invalid.json`));
    });

    it('keeps the first snapshot when calls for the same file race', async () => {
      const store = await open();
      await store.beginTask({ taskId: 't1', turnId: 'x' });
      await Promise.all([store.recordBeforeWrite('t1', [p('a.ts')]), store.recordBeforeWrite('t1', [p('a.ts'), p('a.ts')])]);
      assert.equal(store.list()[0]?.files.length, 0); // nothing written yet, so nothing changed
      await s.put('a.ts', 'x');
      await store.recordAfterWrite('t1', [p('a.ts')]);
      assert.deepEqual(store.list()[0]?.files.map((f) => f.change), ['modified']);
      await assert.rejects(store.recordAfterWrite('t1', [p('b.bin')]), /without recordBeforeWrite/);
      await assert.rejects(store.recordBeforeWrite('nope', [p('a.ts')]), /beginTask/);
    });
  });
}

describe('CheckpointStore rollback', () => {
  it('puts back the files it already restored when a later write fails', async () => {
    const fs = new MemoryFs();
    await fs.write('/ws/a', Buffer.from('a0'));
    await fs.write('/ws/b', Buffer.from('b0'));
    const store = await CheckpointStore.open(fs, { storageDir: '/st', keep: 5 });
    await store.beginTask({ taskId: 't', turnId: 'x' });
    await store.recordBeforeWrite('t', ['/ws/a', '/ws/b']);
    await fs.write('/ws/a', Buffer.from('a1'));
    await fs.write('/ws/b', Buffer.from('b1'));
    await store.recordAfterWrite('t', ['/ws/a', '/ws/b']);
    fs.failWriteTo = '/ws/b';
    await assert.rejects(store.undo('t'), /disk full/);
    assert.equal(Buffer.from((await fs.read('/ws/a')) ?? []).toString(), 'a1');
    fs.failWriteTo = undefined;
    assert.ok((await store.undo('t')).ok);
    assert.equal(Buffer.from((await fs.read('/ws/b')) ?? []).toString(), 'b0');
  });

  it('writes files on disk through a temp name (no partial file left behind)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'grok-cpfs-'));
    try {
      await nodeCheckpointFs.write(join(root, 'x/y/z.txt'), Buffer.from('ok'));
      assert.equal(await readFile(join(root, 'x/y/z.txt'), 'utf8'), 'ok');
      assert.deepEqual(await nodeCheckpointFs.list(join(root, 'x/y')), ['z.txt']);
      assert.deepEqual(await nodeCheckpointFs.list(join(root, 'missing')), []);
      await nodeCheckpointFs.remove(join(root, 'x/y/z.txt'));
      await nodeCheckpointFs.remove(join(root, 'x/y/z.txt'));
      await assert.rejects(stat(join(root, 'x/y/z.txt')));
      await writeFile(join(root, 'plain'), 'p');
      assert.equal(await nodeCheckpointFs.read(join(root, 'plain/inside')), undefined);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
