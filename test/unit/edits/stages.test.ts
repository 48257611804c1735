import { strict as assert } from 'node:assert';
import { applied, plan } from './planning';
import { stripLineNumbers } from '../../../src/core/edits/lineNumbers';


const ts = ['class A {', '  run(): number {', '    const x = 1;', '    return x;', '  }', '}', ''].join('\n');

describe('matcher stages', () => {
  it('exact: replaces the verbatim occurrence', () => {
    const r = applied(ts, { search: '    const x = 1;\n', replace: '    const x = 2;\n' });
    assert.equal(r.text, ts.replace('x = 1', 'x = 2'));
    assert.deepEqual(r.stages, ['exact']);
  });

  it('exact: a fragment inside a line is replaced literally', () => {
    const r = applied(ts, { search: 'x = 1', replace: 'x = 41 + 1' });
    assert.equal(r.text, ts.replace('x = 1', 'x = 41 + 1'));
  });

  it('exact: a match cutting through a word does not count', () => {
    const p = plan('const maxCount = 0;\n', { search: 'Count = 0', replace: 'Count = 1' });
    assert.equal(p.ok, false);
    assert.equal(p.refused[0].reason, 'not-found');
  });

  it('lineEndings: an LF search matches a CRLF file and inserts CRLF', () => {
    const crlf = ts.replace(/\n/g, '\r\n');
    const r = applied(crlf, { search: '    const x = 1;\n    return x;\n', replace: '    const x = 1;\n    log(x);\n    return x;\n' });
    assert.equal(r.text, crlf.replace('    return x;', '    log(x);\r\n    return x;'));
    assert.deepEqual(r.stages, ['lineEndings']);
  });

  it('trailingWhitespace: ignores trailing spaces on either side and keeps the file\'s', () => {
    const file = ts.replace('const x = 1;', 'const x = 1;   ');
    const r = applied(file, { search: '    const x = 1;\n    return x; \n', replace: '    const x = 1;\n    return x + 1; \n' });
    assert.equal(r.text, file.replace('return x;', 'return x + 1;'));
    assert.deepEqual(r.stages, ['trailingWhitespace']);
  });

  it('indentation: matches a block at another depth and re-indents added lines', () => {
    const r = applied(ts, { search: 'const x = 1;\nreturn x;\n', replace: 'const x = 1;\nif (x) {\n  log(x);\n}\nreturn x;\n' });
    assert.equal(r.text, ts.replace('    return x;', '    if (x) {\n      log(x);\n    }\n    return x;'));
    assert.deepEqual(r.stages, ['indentation']);
  });

  it('indentation: spaces in the search, tabs in the file: added lines use tabs', () => {
    const tabs = 'func f() {\n\tif ok {\n\t\treturn\n\t}\n}\n';
    const r = applied(tabs, { search: '    if ok {\n        return\n    }\n', replace: '    if ok {\n        log()\n        return\n    }\n' });
    assert.equal(r.text, 'func f() {\n\tif ok {\n\t\tlog()\n\t\treturn\n\t}\n}\n');
  });

  it('indentation: 2-space model text into a 4-space file scales the depth', () => {
    const py = 'class A:\n    def f(self):\n        if x:\n            y()\n        return 1\n';
    const r = applied(py, { search: 'def f(self):\n  if x:\n    y()\n  return 1\n', replace: 'def f(self):\n  if x:\n    y()\n    z()\n  return 1\n' });
    assert.equal(r.text, py.replace('            y()\n', '            y()\n            z()\n'));
  });

  it('indentation: a first line that lost its indentation does not shift added lines', () => {
    const r = applied(ts, { search: 'run(): number {\n    const x = 1;\n', replace: 'run(): number {\n    const x = 1;\n    const y = 2;\n' });
    assert.equal(r.text, ts.replace('    const x = 1;\n', '    const x = 1;\n    const y = 2;\n'));
  });

  it('blankLines: tolerates blank lines missing from or added to the search', () => {
    const file = 'a();\n\nb();\nc();\n';
    assert.equal(applied(file, { search: 'a();\nb();\n', replace: 'a();\nb2();\n' }).text, 'a();\n\nb2();\nc();\n');
    assert.equal(applied(file, { search: 'b();\n\nc();\n', replace: 'b();\n\nc2();\n' }).text, 'a();\n\nb();\nc2();\n');
    assert.deepEqual(applied(file, { search: 'a();\nb();\n', replace: 'a();\nb2();\n' }).stages, ['blankLines']);
  });

  it('whitespace: spacing inside lines does not prevent a match', () => {
    const go = 'type T struct {\n\tID   int\n\tName string\n}\n';
    const r = applied(go, { search: 'type T struct {\n\tID int\n\tName string\n}\n', replace: 'type T struct {\n\tID int\n\tName string\n\tAge int\n}\n' });
    assert.equal(r.text, 'type T struct {\n\tID   int\n\tName string\n\tAge int\n}\n');
    assert.deepEqual(r.stages, ['whitespace']);
  });

  it('lineNumbers: strips consistent prefixes in several styles and uses them as a hint', () => {
    assert.deepEqual(stripLineNumbers('3: a\n4:   b\n', '3: a\n4:   c\n'), { search: 'a\n  b\n', replace: 'a\n  c\n', firstLine: 3 });
    assert.equal(stripLineNumbers('  12 | x\n  13 | y', 'x')?.search, 'x\ny');
    assert.equal(stripLineNumbers('    12\tx\n    13\ty', 'x')?.search, 'x\ny');
    assert.equal(stripLineNumbers('12→x\n13→y', 'x')?.search, 'x\ny');
    assert.equal(stripLineNumbers('3: a\n5: b\n', ''), undefined, 'numbers must be consecutive');
    assert.equal(stripLineNumbers('a\nb\n', ''), undefined);
    const r = applied(ts, { search: '3:     const x = 1;\n4:     return x;\n', replace: '3:     const x = 2;\n4:     return x;\n' });
    assert.equal(r.text, ts.replace('x = 1', 'x = 2'));
    assert.deepEqual(r.stages, ['lineNumbers']);
  });

  it('lineNumbers: the numbers pick between duplicates', () => {
    const file = 'a\nx = 1\nb\nx = 1\nc\n';
    const r = applied(file, { search: '4: x = 1\n5: c\n', replace: 'x = 2\nc\n' });
    assert.equal(r.text, 'a\nx = 1\nb\nx = 2\nc\n');
  });
});

describe('fuzzy stage', () => {
  const file = [
    'function total(items) {',
    '  let sum = 0;',
    '  for (const item of items) {',
    '    sum += item.price * item.quantity;',
    '  }',
    '  return sum;',
    '}',
    '',
  ].join('\n');

  it('accepts small drift when every name is present and keeps the file\'s unchanged lines', () => {
    const search = 'function total(items) {\n  let sum = 0\n  for (const item of items) {\n    sum += item.price * item.quantity\n  }\n  return sum\n';
    const replace = 'function total(items) {\n  let sum = 0\n  for (const item of items) {\n    sum += item.price * item.quantity\n  }\n  return Math.round(sum)\n';
    const p = plan(file, { search, replace });
    assert.ok(p.ok);
    assert.equal(p.replacements[0].stage, 'fuzzy');
    assert.ok(p.replacements[0].similarity >= 0.9 && p.replacements[0].similarity < 1);
    assert.equal(p.newText, file.replace('  return sum;', '  return Math.round(sum)'));
  });

  it('refuses when the search names something the region does not contain', () => {
    const search = 'function total(items) {\n  let sum = 0;\n  for (const entry of items) {\n    sum += item.price * item.quantity;\n';
    const p = plan(file, { search, replace: search.replace('sum = 0', 'sum = 1') });
    assert.equal(p.ok, false);
    assert.equal(p.refused[0].reason, 'not-found');
    assert.match(p.refused[0].message, /lacks 'entry'/);
    assert.deepEqual(p.refused[0].closest?.startLine, 1);
  });

  it('refuses searches of fewer than three lines', () => {
    const p = plan(file, { search: '  let sum = 0\n  return sum\n', replace: '' });
    assert.equal(p.ok, false);
  });

  it('refuses when a twin region is about as similar', () => {
    const twin = file + file.replace('total', 'subtotal').replace('item.quantity', 'item.count');
    const search = 'function total(items) {\n  let sum = 0;\n  for (const item of items) {\n    sum += item.price * item.quantity;;\n  }\n  return sum;;\n';
    const single = plan(file, { search, replace: search });
    assert.ok(single.ok, 'accepted without a twin');
    const p = plan(twin.replace('function total', 'function totalx'), { search, replace: search });
    assert.equal(p.ok, false);
  });

  it('refuses when two regions are equally good even if only shorter windows show it', () => {
    const twins = ['fn a() {', '    loop {', '        if x {', '            break;', '        }', '    }', '    one()', '}', 'fn b() {', '    loop {', '        if y {', '            break;', '        }', '    }', '    two()', '}', ''].join('\n');
    const p = plan(twins, { search: '            break;\n        }\n    }\n}\n', replace: 'x\n' });
    assert.equal(p.ok, false);
  });

  it('numbers decide between twins when one has them all, and are forgiven when none has', () => {
    const section = (n: number, extra: string) => `if (items.length > ${n}) warn('large');\n${extra}record.tags = tags;\nsave(record);\nreturn ok;\n`;
    const file = section(64, 'record.by = user;\n') + '\n' + section(55, 'record.by = user;\nrecord.by = user;\n');
    // Copied from the 55 section with its duplicated line dropped: the 64 section is closer by characters.
    const search = section(55, 'record.by = user;\n');
    const p = plan(file, { search, replace: search.replace('save', 'store') });
    assert.ok(!p.ok || p.replacements[0].matched.startLine > 5, 'never the 64 section');
    const values = 'function f() {\n  retry(3);\n  wait(100);\n  done();\n}\n';
    const misremembered = plan(values, { search: 'function f() {\n  retry(5);\n  wait(100);\n  done();\n', replace: 'function f() {\n  retry(5);\n  wait(200);\n  done();\n' });
    assert.equal(misremembered.newText, values.replace('wait(100)', 'wait(200)'), 'the file keeps its own retry(3)');
  });

  it('refuses clearly different text and says there is nothing similar', () => {
    const p = plan(file, { search: 'class Foo {\n  bar = 1;\n  baz = 2;\n}\n', replace: '' });
    assert.equal(p.refused[0].reason, 'not-found');
  });
});
