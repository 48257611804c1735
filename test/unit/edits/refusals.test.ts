import { strict as assert } from 'node:assert';
import { applyReplacements, planEdits, type EditPlan, type SearchReplaceEdit } from '../../../src/core/edits';

function plan(text: string | undefined, ...edits: SearchReplaceEdit[]): EditPlan {
  return planEdits(text, { kind: 'edits', path: 'src/a.ts', edits });
}

const file = ['function a() {', '  return 1;', '}', '', 'function b() {', '  return 1;', '}', '', 'function c() {', '  return 3;', '}', ''].join('\n');

describe('refusals', () => {
  it('not found: names the closest region and its similarity, and changes nothing', () => {
    const p = plan(file, { search: 'function c() {\n  const y = 2;\n  return 3;\n}\n', replace: 'x' });
    assert.equal(p.ok, false);
    assert.equal(p.newText, undefined);
    assert.deepEqual(p.replacements, []);
    const [r] = p.refused;
    assert.equal(r.editIndex, 0);
    assert.equal(r.reason, 'not-found');
    assert.deepEqual(r.closest && [r.closest.startLine, r.closest.endLine], [9, 11]);
    assert.ok(r.closest && r.closest.similarity > 0.5 && r.closest.similarity < 1);
    assert.match(r.message, /the text to change is not in the file; the nearest is at lines 9–11 \(\d+% alike\)/);
  });

  it('ambiguous: lists the places; a line hint near one resolves it', () => {
    const p = plan(file, { search: '  return 1;\n', replace: '  return 2;\n' });
    assert.equal(p.refused[0].reason, 'ambiguous');
    assert.deepEqual(p.refused[0].candidateLines, [2, 6]);
    assert.match(p.refused[0].message, /2 places \(lines 2, 6\)/);
    const hinted = plan(file, { search: '  return 1;\n', replace: '  return 2;\n', line: 7 });
    assert.ok(hinted.ok);
    assert.equal(hinted.newText, file.replace('function b() {\n  return 1;', 'function b() {\n  return 2;'));
  });

  it('ambiguous: a hint halfway between two places is refused, a far stale hint too', () => {
    assert.equal(plan(file, { search: '  return 1;\n', replace: '', line: 4 }).refused[0].reason, 'ambiguous');
    assert.equal(plan(file, { search: '  return 1;\n', replace: '', line: 60 }).refused[0].reason, 'ambiguous');
  });

  it('a unique match applies whatever its (stale) hint says', () => {
    assert.ok(plan(file, { search: '  return 3;\n', replace: '  return 4;\n', line: 500 }).ok);
  });

  it('overlap: both edits are refused, each naming the other', () => {
    const p = plan(file, { search: 'function c() {\n  return 3;\n', replace: 'x\n' }, { search: '  return 3;\n}\n', replace: 'y\n' });
    assert.equal(p.ok, false);
    assert.deepEqual(p.refused.map((r) => [r.editIndex, r.reason, r.overlapsWith]), [[0, 'overlap', 1], [1, 'overlap', 0]]);
    assert.match(p.refused[0].message, /overlaps edit 2/);
  });

  it('empty search: refused for a non-empty file, allowed for an empty or new one', () => {
    assert.equal(plan(file, { search: '', replace: 'x' }).refused[0].reason, 'empty-search');
    assert.equal(plan(file, { search: '  \n', replace: 'x' }).refused[0].reason, 'empty-search');
    assert.equal(plan('', { search: '', replace: 'x\n' }).newText, 'x\n');
    const created = plan(undefined, { search: '', replace: 'x\n' });
    assert.equal(created.creates, true);
    assert.equal(created.newText, 'x\n');
  });

  it('file missing: a search in a file that does not exist is refused', () => {
    assert.equal(plan(undefined, { search: 'a', replace: 'b' }).refused[0].reason, 'file-missing');
  });

  it('placeholder: a replacement that elides code is refused unless the line is really there', () => {
    const p = plan(file, { search: 'function c() {\n', replace: 'function c() {\n  // ... existing code ...\n' });
    assert.equal(p.refused[0].reason, 'placeholder');
    assert.ok(plan(file + '// ...\n', { search: '// ...\n', replace: '// ...\n// more\n' }).ok);
  });

  it('all or nothing: one refused edit leaves newText undefined but reports the matched ones', () => {
    const p = plan(file, { search: '  return 3;\n', replace: '  return 4;\n' }, { search: 'nope()\n', replace: 'x' });
    assert.equal(p.ok, false);
    assert.equal(p.newText, undefined);
    assert.deepEqual(p.replacements.map((r) => r.editIndex), [0]);
    assert.deepEqual(p.refused.map((r) => r.editIndex), [1]);
    // The adapter may apply the matched subset, explicitly.
    assert.equal(applyReplacements(file, p.replacements), file.replace('return 3', 'return 4'));
  });

  it('edits given out of file order are located independently and sorted', () => {
    const p = plan(file, { search: '  return 3;\n', replace: '  return 30;\n' }, { search: 'function a() {\n  return 1;\n', replace: 'function a() {\n  return 10;\n' });
    assert.ok(p.ok);
    assert.deepEqual(p.replacements.map((r) => r.editIndex), [1, 0]);
    assert.equal(p.newText, file.replace('return 3', 'return 30').replace('return 1;', 'return 10;'));
  });

  it('adjacent edits are not overlapping', () => {
    const p = plan(file, { search: 'function c() {\n', replace: 'function c(x) {\n' }, { search: '  return 3;\n', replace: '  return x;\n' });
    assert.ok(p.ok);
    assert.equal(p.newText, file.replace('function c() {\n  return 3;', 'function c(x) {\n  return x;'));
  });

  it('replacements carry offsets, lines and the text they replace', () => {
    const p = plan(file, { search: 'function b() {\n  return 1;\n', replace: 'function b() {\n  return 2;\n' });
    const [r] = p.replacements;
    assert.equal(file.slice(r.start, r.end), r.oldText);
    assert.equal(r.oldText, '  return 1;');
    assert.equal(r.text, '  return 2;');
    assert.deepEqual([r.startLine, r.endLine, r.matched.startLine, r.matched.endLine], [6, 6, 5, 6]);
  });
});
