import { strict as assert } from 'node:assert';
import { combineProposals, extractProposals, type FileChange } from '../../../src/core/edits';

const fence = (info: string, ...body: string[]) => ['```' + info, ...body, '```'].join('\n');

function only(answer: string): { files: FileChange[]; format: string; line: number } {
  const { proposals, problems } = extractProposals(answer);
  assert.deepEqual(problems, []);
  assert.equal(proposals.length, 1);
  return { files: proposals[0].files, format: proposals[0].origin.format, line: proposals[0].origin.line };
}

function problemsOf(answer: string): string[] {
  return extractProposals(answer).problems.map((p) => p.message);
}

describe('extractProposals: unified diffs', () => {
  it('turns hunks into search/replace edits with line hints', () => {
    const answer = ['Fix:', fence('diff', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -10,3 +10,3 @@', ' const a = 1;', '-const b = 2;', '+const b = 3;', ' const c = 4;', '@@ -20,2 +20,3 @@', ' x();', '+y();', ' z();')].join('\n');
    const p = only(answer);
    assert.deepEqual(p.files, [{ kind: 'edits', path: 'src/a.ts', edits: [
      { search: 'const a = 1;\nconst b = 2;\nconst c = 4;\n', replace: 'const a = 1;\nconst b = 3;\nconst c = 4;\n', line: 10 },
      { search: 'x();\nz();\n', replace: 'x();\ny();\nz();\n', line: 20 },
    ] }]);
    assert.deepEqual([p.format, p.line], ['unified-diff', 2]);
  });

  it('repairs wrong counts, headers without numbers and blank context lines that lost their space', () => {
    const p = only(fence('diff', '--- a/x.py', '+++ b/x.py', '@@ -1,99 +1,1 @@', ' a', '', '-b', '+c'));
    assert.deepEqual(p.files[0], { kind: 'edits', path: 'x.py', edits: [{ search: 'a\n\nb\n', replace: 'a\n\nc\n', line: 1 }] });
    const q = only(['`x.py`', fence('diff', '@@ ... @@', ' a', '-b', '+c')].join('\n'));
    assert.deepEqual(q.files[0], { kind: 'edits', path: 'x.py', edits: [{ search: 'a\nb\n', replace: 'a\nc\n' }] });
  });

  it('reads several files and new files from one diff', () => {
    const p = only(fence('diff', 'diff --git a/a.ts b/a.ts', '--- a/a.ts', '+++ b/a.ts', '@@ -1 +1 @@', '-x', '+y', 'diff --git a/n.ts b/n.ts', 'new file mode 100644', '--- /dev/null', '+++ b/n.ts', '@@ -0,0 +1,2 @@', '+one', '+two'));
    assert.deepEqual(p.files, [{ kind: 'edits', path: 'a.ts', edits: [{ search: 'x\n', replace: 'y\n', line: 1 }] }, { kind: 'whole', path: 'n.ts', content: 'one\ntwo\n' }]);
  });

  it('reports diffs that cannot be used', () => {
    assert.match(problemsOf(fence('diff', '@@ -1 +1 @@', '-x', '+y'))[0], /names no file/);
    assert.match(problemsOf(fence('diff', '--- a/a.ts', '+++ /dev/null', '@@ -1 +0,0 @@', '-x'))[0], /deleting a.ts is not supported/);
    assert.match(problemsOf(fence('diff', '--- a/a.ts', '+++ b/a.ts', '@@ -1 +1 @@', ' x'))[0], /no changes/);
  });
});

describe('extractProposals: SEARCH/REPLACE blocks', () => {
  const block = (...lines: string[]) => ['<<<<<<< SEARCH', ...lines.slice(0, 1), '=======', ...lines.slice(1), '>>>>>>> REPLACE'];

  it('takes the path from the line above the fence and groups blocks by file', () => {
    const answer = ['src/a.py', fence('python', ...block('x = 1', 'x = 2'), ...block('y = 1', 'y = 2'))].join('\n');
    assert.deepEqual(only(answer).files, [{ kind: 'edits', path: 'src/a.py', edits: [{ search: 'x = 1\n', replace: 'x = 2\n' }, { search: 'y = 1\n', replace: 'y = 2\n' }] }]);
  });

  it('takes the path from the fence info or from the line above the marker', () => {
    assert.equal(only(fence('ts path=src/b.ts', ...block('a', 'b'))).files[0].path, 'src/b.ts');
    const inside = fence('', 'src/c.go', ...block('a', 'b'), 'src/d.go', ...block('c', ''));
    assert.deepEqual(only(inside).files.map((f) => f.path), ['src/c.go', 'src/d.go']);
  });

  it('finds bare blocks outside fences; an empty replace deletes', () => {
    const p = only(['Change **app.ts**:', 'app.ts', ...block('old()')].join('\n'));
    assert.deepEqual(p.files, [{ kind: 'edits', path: 'app.ts', edits: [{ search: 'old()\n', replace: '' }] }]);
  });

  it('reports unclosed blocks and blocks without a file', () => {
    assert.match(problemsOf(['a.ts', '<<<<<<< SEARCH', 'x', '=======', 'y'].join('\n'))[0], /not closed: missing '>>>>>>> REPLACE'/);
    assert.match(problemsOf(fence('', ...block('x', 'y')))[0], /names no file/);
  });
});

describe('extractProposals: whole files and JSON', () => {
  it('reads a path from the fence info, a first-line comment or a path-only line above', () => {
    assert.deepEqual(only(fence('ts path=src/a.ts', 'export const a = 1;')).files, [{ kind: 'whole', path: 'src/a.ts', content: 'export const a = 1;\n' }]);
    assert.deepEqual(only(fence('ts', '// file: src/b.ts', 'export {};')).files, [{ kind: 'whole', path: 'src/b.ts', content: 'export {};\n' }]);
    assert.deepEqual(only(['### `src/c.css`', '', fence('css', 'a {}')].join('\n')).files, [{ kind: 'whole', path: 'src/c.css', content: 'a {}\n' }]);
  });

  it('ignores ordinary code blocks and sentences that merely mention a file', () => {
    const answer = ['For example, in src/a.ts you could write:', fence('ts', 'foo();'), fence('json', '{"name": "x", "files": ["dist"]}')].join('\n');
    assert.deepEqual(extractProposals(answer), { proposals: [], problems: [] });
  });

  it('validates propose_edits JSON written as text, fenced or bare, with or without an envelope', () => {
    const args = { files: [{ path: 'a.ts', edits: [{ search: 'x', replace: 'y', line: 2 }] }] };
    const expected = [{ kind: 'edits', path: 'a.ts', edits: [{ search: 'x', replace: 'y', line: 2 }] }];
    assert.deepEqual(only(fence('json', JSON.stringify(args))).files, expected);
    assert.deepEqual(only(`I will call the tool:\n${JSON.stringify({ name: 'propose_edits', arguments: JSON.stringify(args) })}\nDone.`).files, expected);
    assert.equal(only(JSON.stringify(args, null, 2)).format, 'tool-json');
  });

  it('reports invalid edit JSON with the field at fault', () => {
    assert.match(problemsOf(fence('json', '{"files":[{"path":"a.ts","edits":[{"search":"x"}]}]}'))[0], /files\[0\]\.edits\[0\]\.replace: .*expected string/);
    assert.match(problemsOf('{"name":"propose_edits","arguments":{"files":[{"path":"a.ts","edits":[{"search":"x",}]}]}}')[0], /not valid/);
  });

  it('combines proposals per path, in answer order', () => {
    const { proposals } = extractProposals(['a.ts', fence('', '<<<<<<< SEARCH', '1', '=======', '2', '>>>>>>> REPLACE'), fence('diff', '--- a/a.ts', '+++ b/a.ts', '@@ -5 +5 @@', '-3', '+4')].join('\n'));
    assert.deepEqual(combineProposals(proposals), [{ kind: 'edits', path: 'a.ts', edits: [{ search: '1\n', replace: '2\n' }, { search: '3\n', replace: '4\n', line: 5 }] }]);
  });
});
