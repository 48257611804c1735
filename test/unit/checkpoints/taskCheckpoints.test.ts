/**
 * Checkpoints around a task's writes (TaskCheckpoints) over a real temp folder: an edit's files are
 * snapshotted before it; a command's changes are found by a scan before and after it, so what a
 * command created, changed or deleted is undone byte for byte too.
 */
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CheckpointStore, TaskCheckpoints, nodeCheckpointFs, type WorkspaceFiles } from '../../../src/core/checkpoints';

/** Every file under `root` but `ignored/` (the scan's listing honours the ignores). */
function filesOf(root: string): WorkspaceFiles & { lists: number } {
  const files = {
    lists: 0,
    async list(max: number) {
      files.lists++;
      const out: string[] = [];
      const walk = async (dir: string): Promise<void> => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) {
            if (relative(root, path) !== 'ignored') await walk(path);
          } else out.push(path);
        }
      };
      await walk(root);
      return out.slice(0, max);
    },
    async stat(path: string) {
      const s = await stat(path).catch(() => undefined);
      return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined;
    },
  };
  return files;
}

describe('TaskCheckpoints (edits and commands of a task, undone together)', () => {
  let dir: string;
  let ws: string;
  let store: CheckpointStore;
  const at = (rel: string) => join(ws, rel);
  const BINARY = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80]);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grok-task-cp-'));
    ws = join(dir, 'ws');
    await mkdir(join(ws, 'src'), { recursive: true });
    await mkdir(join(ws, 'ignored'), { recursive: true });
    await writeFile(at('src/one.ts'), 'export const one = 1;\r\n');
    await writeFile(at('src/two.ts'), 'export const two = 2;\n');
    await writeFile(at('old.txt'), 'to be deleted\n');
    await writeFile(at('logo.bin'), BINARY);
    store = await CheckpointStore.open(nodeCheckpointFs, { storageDir: join(dir, 'storage'), keep: 5 });
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('an edit, then a command that deletes, changes and creates: one undo puts every byte back', async () => {
    const files = filesOf(ws);
    const cp = new TaskCheckpoints(async () => store, files, nodeCheckpointFs, () => ({ conversationId: 'c1', label: 'fix' }));
    const afterEdit = await cp.before('t1', { kind: 'edit', paths: [at('src/one.ts'), at('src/new.ts')] });
    await writeFile(at('src/one.ts'), 'export const one = 11;\n');
    await writeFile(at('src/new.ts'), 'export const created = true;\n');
    assert.deepEqual(await afterEdit(), { files: 2 });

    const afterCommand = await cp.before('t1', { kind: 'command' });
    await unlink(at('old.txt'));
    await writeFile(at('logo.bin'), Buffer.from('not binary any more'));
    await writeFile(at('src/one.ts'), 'export const one = 111;\n'); // the command changes an edited file again
    await writeFile(at('made-by-command.txt'), 'x');
    assert.deepEqual(await afterCommand(), { files: 5 });

    const listed = store.list()[0]!;
    assert.equal(listed.label, 'fix');
    assert.deepEqual(
      listed.files.map((f) => [relative(ws, f.path), f.change]).sort(),
      [
        ['logo.bin', 'modified'],
        ['made-by-command.txt', 'created'],
        ['old.txt', 'deleted'],
        ['src/new.ts', 'created'],
        ['src/one.ts', 'modified'],
      ],
    );
    const undone = await store.undo('t1');
    assert.ok(undone.ok);
    assert.equal(await readFile(at('src/one.ts'), 'utf8'), 'export const one = 1;\r\n', 'the state before the edit, not before the command');
    assert.equal(await readFile(at('old.txt'), 'utf8'), 'to be deleted\n');
    assert.deepEqual(await readFile(at('logo.bin')), BINARY);
    await assert.rejects(stat(at('src/new.ts')));
    await assert.rejects(stat(at('made-by-command.txt')));
    assert.equal(await readFile(at('src/two.ts'), 'utf8'), 'export const two = 2;\n', 'untouched files stay as they are');
  });

  it('a command that changes nothing adds nothing; a file the user changes after the task makes undo ask', async () => {
    const cp = new TaskCheckpoints(async () => store, filesOf(ws), nodeCheckpointFs, () => ({}));
    const idle = await cp.before('t2', { kind: 'command' });
    assert.equal(await idle(), undefined, 'no files: no Undo Task');
    const after = await cp.before('t2', { kind: 'command' });
    await writeFile(at('src/two.ts'), 'export const two = 22;\n');
    assert.deepEqual(await after(), { files: 1 });
    await writeFile(at('src/two.ts'), 'export const two = 222; // the user\n');
    const refused = await store.undo('t2');
    assert.ok(!refused.ok && refused.reason === 'conflicts');
    assert.equal(await readFile(at('src/two.ts'), 'utf8'), 'export const two = 222; // the user\n', 'nothing written without consent');
    assert.ok((await store.undo('t2', { overwrite: true })).ok);
    assert.equal(await readFile(at('src/two.ts'), 'utf8'), 'export const two = 2;\n');
  });

  it('files beyond the scan limits are left out of the checkpoint and reported', async () => {
    await writeFile(at('big.dat'), Buffer.alloc(4096, 1));
    const cp = new TaskCheckpoints(async () => store, filesOf(ws), nodeCheckpointFs, () => ({}), { maxFiles: 100, maxFileBytes: 1024, maxTotalBytes: 1 << 20 });
    const after = await cp.before('t3', { kind: 'command' });
    await writeFile(at('big.dat'), Buffer.alloc(4096, 2));
    await writeFile(at('src/two.ts'), 'changed\n');
    assert.deepEqual(await after(), { files: 1 });
    assert.deepEqual(store.list()[0]!.files.map((f) => relative(ws, f.path)), ['src/two.ts']);
    assert.deepEqual(cp.notCovered('t3'), [at('big.dat')]);
  });

  it('later commands of a task reuse the first scan for files whose size and time did not change', async () => {
    const files = filesOf(ws);
    let reads = 0;
    const counting = { read: (p: string) => ((reads += 1), nodeCheckpointFs.read(p)) };
    const cp = new TaskCheckpoints(async () => store, files, counting, () => ({}));
    await (await cp.before('t4', { kind: 'command' }))();
    const first = reads;
    assert.equal(first, 4, 'the first scan reads every listed file (ignored/ left out)');
    await (await cp.before('t4', { kind: 'command' }))();
    assert.equal(reads, first, 'nothing changed: nothing read again');
  });
});
