import { strict as assert } from 'node:assert';
import { placeCodeBlock } from '../../../src/core/edits/codeBlock';
import { planEdits } from '../../../src/core/edits';

const FILE = [
  "import { log } from './log';",
  '',
  '/** Adds. */',
  'export function add(a: number, b: number): number {',
  '  return a - b;',
  '}',
  '',
  'export function sub(a: number, b: number): number {',
  '  return a - b;',
  '}',
  '',
  'export class Box {',
  '  size = 1;',
  '  grow(by: number): void {',
  '    this.size += by;',
  '  }',
  '}',
  '',
].join('\n');

/** The file after the placement's change went through the edit engine. */
function applied(code: string, selection?: { text: string; startLine: number }): string {
  const placement = placeCodeBlock('src/math.ts', FILE, code, selection);
  assert.ok(placement.ok, placement.ok ? '' : placement.message);
  const plan = planEdits(FILE, placement.change);
  assert.ok(plan.ok, JSON.stringify(plan.refused));
  return plan.newText as string;
}

describe('placeCodeBlock (Apply on a chat code block)', () => {
  it('replaces only the selection when there is one', () => {
    const out = applied('  return a + b;', { text: '  return a - b;', startLine: 4 });
    assert.equal(out, FILE.replace('  return a - b;', '  return a + b;'));
  });

  it('merges a one-function snippet into that function and keeps the others', () => {
    const out = applied('export function add(a: number, b: number): number {\n  return a + b;\n}\n');
    assert.equal(out, FILE.replace('  return a - b;', '  return a + b;'));
    assert.match(out, /export function sub/);
    assert.match(out, /\/\*\* Adds\. \*\//, 'the doc comment above is kept');
  });

  it('finds a function whose parameters changed, and re-indents a method copied without its class', () => {
    const out = applied('grow(by: number, times = 1): void {\n  this.size += by * times;\n}');
    assert.match(out, /\n {2}grow\(by: number, times = 1\): void \{\n {4}this\.size \+= by \* times;\n {2}\}\n\}/);
    assert.match(out, /export function add/);
  });

  it('puts a new function after the matched one it came with', () => {
    const out = applied('export function sub(a: number, b: number): number {\n  return a - b;\n}\n\nexport function mul(a: number, b: number): number {\n  return a * b;\n}');
    assert.match(out, /export function sub[^]*\n}\n\nexport function mul[^]*\n}\n\nexport class Box/);
  });

  it('says plainly when the code block is the whole file', () => {
    const placement = placeCodeBlock('src/math.ts', FILE, FILE.replace('a - b;\n}\n\nexport function sub', 'a + b;\n}\n\nexport function sub'));
    assert.ok(placement.ok);
    assert.equal(placement.replacesFile, true);
    assert.equal(placement.change.kind, 'whole');
    assert.match(placement.summary, /all of src\/math\.ts/);
  });

  it('a short snippet never becomes a whole-file replacement', () => {
    const placement = placeCodeBlock('src/math.ts', FILE, 'export function add(a: number, b: number): number {\n  return a + b;\n}');
    assert.ok(placement.ok);
    assert.equal(placement.replacesFile, false);
    assert.equal(placement.change.kind, 'edits');
    assert.match(placement.summary, /add/);
  });

  it('refuses code that matches nothing in the file, and says what to do', () => {
    const placement = placeCodeBlock('src/math.ts', FILE, 'function unrelated() {\n  return 1;\n}');
    assert.equal(placement.ok, false);
    assert.match(placement.ok ? '' : placement.message, /select the lines it should replace/);
  });

  it('refuses a head that occurs twice in the file (ambiguous)', () => {
    const twice = `${FILE}\nexport function add(a: number, b: number): number {\n  return 0;\n}\n`;
    const placement = placeCodeBlock('src/math.ts', twice, 'export function add(a: number, b: number): number {\n  return a + b;\n}');
    assert.equal(placement.ok, false);
  });

  it('fills an empty file', () => {
    const placement = placeCodeBlock('new.ts', '', 'const x = 1;\n');
    assert.ok(placement.ok);
    assert.equal(placement.change.kind, 'whole');
    assert.equal(placement.replacesFile, false);
  });
});
