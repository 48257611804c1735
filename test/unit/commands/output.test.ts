import { strict as assert } from 'node:assert';
import { AnsiStripper, BoundedOutput, collapseCarriageReturns, outputForModel, stripAnsi } from '../../../src/core/commands/output';

describe('command output for the model', () => {
  it('strips colours, cursor moves and shell-integration marks', () => {
    const raw = '\x1b]633;C\x07\x1b[31mred\x1b[0m \x1b[2K\x1b[1Gdone\x1b]633;D;1\x07\n';
    assert.equal(stripAnsi(raw), 'red done\n');
  });

  it('strips a sequence cut between two chunks', () => {
    const s = new AnsiStripper();
    const out = s.push('a\x1b[3') + s.push('1mb\x1b]633;E;np') + s.push('m test\x07c') + s.flush();
    assert.equal(out, 'abc');
  });

  it('keeps what a line redrawn with carriage returns finally showed', () => {
    assert.equal(collapseCarriageReturns('10%\r50%\r100%\r\nnext\r\n'), '100%\nnext\n');
  });

  it('keeps all of a short output', () => {
    const b = new BoundedOutput({ head: 100, tail: 100 });
    b.push('one\n');
    b.push('two\n');
    assert.equal(b.text(), 'one\ntwo\n');
  });

  it('keeps head and tail of a long output and counts the elided lines and bytes exactly', () => {
    const b = new BoundedOutput({ head: 50, tail: 50 });
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}\n`);
    for (const line of lines) b.push(line);
    const text = b.text();
    const m = /… \[([\d,]+) lines, ([\d,]+) bytes elided\] …\n/.exec(text);
    assert.ok(m, text);
    const [head, tail] = text.split(m[0]) as [string, string];
    assert.ok(lines.join('').startsWith(head) && head.endsWith('\n'));
    assert.ok(lines.join('').endsWith(tail));
    const shownLines = head.split('\n').length - 1 + tail.split('\n').length - 1;
    assert.equal(Number(m[1]?.replace(/,/g, '')), 1000 - shownLines);
    assert.equal(Number(m[2]?.replace(/,/g, '')), Buffer.byteLength(lines.join('')) - Buffer.byteLength(head + tail));
    assert.ok(text.length < 200);
  });

  it('redacts secrets in what the model sees', () => {
    const key = 'xai-' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6A7b8C9d0E1f2';
    const { text, redacted } = outputForModel(`token=${key}\nok\n`);
    assert.ok(!text.includes(key));
    assert.equal(redacted, 1);
    assert.match(text, /ok\n$/);
  });
});
