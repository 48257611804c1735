import { strict as assert } from 'node:assert';
import { applyReplacements, planEdits, type SearchReplaceEdit } from '../../../src/core/edits';

function apply(text: string, ...edits: SearchReplaceEdit[]): string {
  const p = planEdits(text, { kind: 'edits', path: 'f', edits });
  assert.ok(p.ok, p.refused.map((r) => r.message).join('; '));
  return p.newText ?? '';
}

describe('preservation of the file around edits', () => {
  it('keeps CRLF, including in inserted lines', () => {
    assert.equal(apply('a\r\nb\r\nc\r\n', { search: 'b\n', replace: 'b\nb2\n' }), 'a\r\nb\r\nb2\r\nc\r\n');
  });

  it('uses the dominant ending of a mixed file for inserted lines and leaves the others alone', () => {
    assert.equal(apply('a\r\nb\nc\r\nd\r\n', { search: 'c\n', replace: 'c\nc2\n' }), 'a\r\nb\nc\r\nc2\r\nd\r\n');
  });

  it('keeps a missing final newline, when editing, appending and deleting at the end', () => {
    assert.equal(apply('a\nb', { search: 'b\n', replace: 'B\n' }), 'a\nB');
    assert.equal(apply('a\nb', { search: 'b', replace: 'b\nc' }), 'a\nb\nc');
    assert.equal(apply('a\nb', { search: 'b\n', replace: '' }), 'a');
  });

  it('keeps a final newline when deleting the last line', () => {
    assert.equal(apply('a\nb\n', { search: 'b\n', replace: '' }), 'a\n');
  });

  it('keeps a BOM', () => {
    assert.equal(apply('\uFEFFa\nb\n', { search: 'a\n', replace: 'A\n' }), '\uFEFFA\nb\n');
    assert.equal(apply('\uFEFFa\r\nb\r\n', { search: 'a\nb\n', replace: 'a\nB\n' }), '\uFEFFa\r\nB\r\n');
  });

  it('inserts $ patterns literally', () => {
    const replace = "q('$1 $& $$ $` $\\' $<name>')\n";
    assert.equal(apply('x\nq()\ny\n', { search: 'q()\n', replace }), `x\n${replace}y\n`);
    assert.equal(apply('a $1 b\n', { search: '$1', replace: '$$' }), 'a $$ b\n');
  });

  it('deletes whole lines when the replacement is empty', () => {
    assert.equal(apply('a\nb\nc\n', { search: 'b', replace: '' }), 'a\nc\n');
  });

  it('does not join lines when the replacement lost its final line break', () => {
    assert.equal(apply('a\nb\nc\n', { search: 'b\n', replace: 'B' }), 'a\nB\nc\n');
    assert.equal(apply('x = a\nb\n', { search: 'a\n', replace: 'A' }), 'x = A\nb\n');
  });

  it('keeps unchanged lines of a loosely matched region exactly as the file has them', () => {
    assert.equal(apply('  a();  \n  b();\n', { search: 'a();\nb();\n', replace: 'a();\nc();\n' }), '  a();  \n  c();\n');
  });

  it('applyReplacements refuses overlapping input', () => {
    assert.throws(() => applyReplacements('abc', [{ start: 0, end: 2, text: 'x' }, { start: 1, end: 3, text: 'y' }]), /overlapping/);
  });
});

describe('whole-file changes', () => {
  it('creates a new file with the content as given', () => {
    const p = planEdits(undefined, { kind: 'whole', path: 'n.ts', content: 'x\n' });
    assert.deepEqual([p.ok, p.creates, p.newText], [true, true, 'x\n']);
  });

  it('splits a rewrite into one replacement per changed run of lines', () => {
    const before = 'a\nb\nc\nd\ne\n';
    const p = planEdits(before, { kind: 'whole', path: 'f', content: 'a\nB\nc\nd\nE\nf\n' });
    assert.equal(p.newText, 'a\nB\nc\nd\nE\nf\n');
    assert.equal(p.replacements.length, 2);
    assert.equal(applyReplacements(before, [p.replacements[0]]), 'a\nB\nc\nd\ne\n', 'hunks can be accepted one by one');
  });

  it('keeps the file\'s line endings, BOM and final-newline state', () => {
    assert.equal(planEdits('\uFEFFa\r\nb\r\n', { kind: 'whole', path: 'f', content: 'a\nc\n' }).newText, '\uFEFFa\r\nc\r\n');
    assert.equal(planEdits('a\nb', { kind: 'whole', path: 'f', content: 'a\nc\n' }).newText, 'a\nc');
  });

  it('refuses content that elides code', () => {
    const p = planEdits('a\nb\n', { kind: 'whole', path: 'f', content: 'a\n// rest of the file unchanged\n' });
    assert.deepEqual([p.ok, p.refused[0].reason], [false, 'placeholder']);
  });
});
