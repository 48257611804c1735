import { strict as assert } from 'node:assert';
import { describeOutcomes, extractProposals, outcomeOfPlan } from '../../../src/core/edits';
import { applied, plan } from './planning';
import { normalizeTypography } from '../../../src/core/edits/typography';
import { splitCodeAndWords } from '../../../src/core/edits/codeWords';


describe('typography: HTML entities', () => {
  const code = 'function f(a, b) {\n  if (a < b && b > 0) return "x";\n  return \'y\';\n}\n';

  it('decodes only entities models write; an unknown name stays literal', () => {
    assert.equal(normalizeTypography('a &lt; b &amp;&amp; c &#39;d&#x27; &quot;e&quot;'), "a < b && c 'd' \"e\"");
    assert.equal(normalizeTypography('p = &x; q = &lt'), 'p = &x; q = &lt');
  });

  it('matches an escaped search and writes the replacement with the file\'s plain characters', () => {
    const r = applied(code, { search: 'function f(a, b) {\n  if (a &lt; b &amp;&amp; b &gt; 0) return &quot;x&quot;;\n', replace: 'function f(a, b) {\n  if (a &lt; b &amp;&amp; b &gt; 1) return &quot;x&quot;;\n  if (a &lt; 0) log(&#39;neg&#39;);\n' });
    assert.equal(r.text, code.replace('b > 0) return "x";', 'b > 1) return "x";\n  if (a < 0) log(\'neg\');'));
    assert.deepEqual(r.stages, ['typography']);
  });

  it('keeps the file\'s entities where the model wrote plain characters, and escapes its added text the same way', () => {
    const page = '<p>Tom &amp; Jerry &lt;3</p>\n<p>More</p>\n';
    const r = applied(page, { search: '<p>Tom & Jerry <3</p>\n<p>More</p>\n', replace: '<p>Tom & Jerry <3 forever</p>\n<p>More</p>\n<p>Cats & dogs</p>\n' });
    assert.equal(r.text, '<p>Tom &amp; Jerry &lt;3 forever</p>\n<p>More</p>\n<p>Cats &amp; dogs</p>\n');
  });

  it('leaves the model\'s < alone when the file region also writes it plainly (HTML tags)', () => {
    const page = '<ul>\n  <li>Use &lt;b&gt; for bold</li>\n</ul>\n';
    const r = applied(page, { search: '<ul>\n  <li>Use <b> for bold</li>\n', replace: '<ul>\n  <li>Use <b> for bold</li>\n  <li><em>new</em></li>\n' });
    assert.equal(r.text, '<ul>\n  <li>Use &lt;b&gt; for bold</li>\n  <li><em>new</em></li>\n</ul>\n');
  });
});

describe('typography: punctuation and spaces', () => {
  it('matches straight quotes and -- against curly quotes and an em dash, keeping the file\'s on unchanged text', () => {
    const md = 'The \u201cquick start\u201d \u2014 the fastest way.\nMore text.\n';
    const r = applied(md, { search: 'The "quick start" -- the fastest way.\n', replace: 'The "quick start" -- the fastest way to try it.\n' });
    assert.equal(r.text, 'The \u201cquick start\u201d \u2014 the fastest way to try it.\nMore text.\n');
  });

  it('matches curly quotes against straight ones, in either direction', () => {
    const ts = "log('listing users');\nreturn rows;\n";
    const r = applied(ts, { search: 'log(\u2018listing users\u2019);\nreturn rows;\n', replace: 'log(\u2018listing users\u2019);\nreturn rows.slice(0, 10);\n' });
    assert.equal(r.text, "log('listing users');\nreturn rows.slice(0, 10);\n");
  });

  it('keeps the model\'s characters in text it adds', () => {
    const md = "It doesn't stop.\n";
    assert.equal(applied(md, { search: 'It doesn\u2019t stop.\n', replace: 'It doesn\u2019t stop \u2014 ever\u2026\n' }).text, "It doesn't stop \u2014 ever\u2026\n");
  });

  it('keeps the file\'s line when the replacement differs from the search only by typography', () => {
    const md = 'A \u201cnote\u201d \u2014 here.\n## Title\n';
    assert.equal(applied(md, { search: 'A "note" -- here.\n## Title\n', replace: 'A \u201cnote\u201d -- here.\n## New title\n' }).text, 'A \u201cnote\u201d \u2014 here.\n## New title\n');
  });

  it('keeps non-breaking spaces and ellipses of the file', () => {
    const md = 'Press Ctrl\u00a0+\u00a0K to open\u2026\n';
    assert.equal(applied(md, { search: 'Press Ctrl + K to open...\n', replace: 'Press Ctrl + P to open...\n' }).text, 'Press Ctrl\u00a0+\u00a0P to open\u2026\n');
  });

  it('refuses a search that is ambiguous once typography is ignored', () => {
    const md = 'Say \u201chi\u201d.\nBye.\nSay "hi".\nBye.\n';
    const p = plan(md, { search: 'Say \u201chi".\nBye.\n', replace: 'Hi.\n' });
    assert.equal(p.ok, false);
    assert.equal(p.refused[0].reason, 'ambiguous');
  });
});

describe('blank-line runs the search miscounted', () => {
  const py = 'import os\n\n\ndef run():\n    pass\n';

  it('writes the replacement\'s run when it changes the search\'s (one in the search, two in the file, two in the replace)', () => {
    assert.equal(applied(py, { search: 'import os\n\ndef run():\n', replace: 'import os\n\n\ndef run() -> None:\n' }).text, 'import os\n\n\ndef run() -> None:\n    pass\n');
  });

  it('keeps the file\'s run when the replacement keeps the search\'s', () => {
    assert.equal(applied(py, { search: 'import os\n\ndef run():\n', replace: 'import os\n\ndef run() -> None:\n' }).text, 'import os\n\n\ndef run() -> None:\n    pass\n');
  });

  it('removes the run when the replacement removes it', () => {
    assert.equal(applied(py, { search: 'import os\n\ndef run():\n', replace: 'import os\ndef run():\n' }).text, 'import os\ndef run():\n    pass\n');
  });

  it('adds no blank line to a run the search left out and the replace restored', () => {
    const md = 'One.\n\nTwo.\n';
    assert.equal(applied(md, { search: 'One.\nTwo.\n', replace: 'One!\n\nTwo.\n' }).text, 'One!\n\nTwo.\n');
  });
});

describe('wording: a word of a comment or string misremembered', () => {
  const ts = 'function total(items) {\n  // Sum the prices of all items in the cart\n  let sum = 0;\n  for (const item of items) sum += item.price;\n  return sum;\n}\n';

  it('splits code from comment and string words', () => {
    const [a, b] = splitCodeAndWords(["log('hello world'); // say it", 'x = "a#b" # note']);
    assert.deepEqual([a.code, a.words], ["log('');//", ['hello', 'world', 'say', 'it']]);
    assert.deepEqual([b.code, b.words], ['x=""#', ['a', 'b', 'note']]);
  });

  it('accepts identical code with a word or two of the comment changed, keeping the file\'s comment', () => {
    const r = applied(ts, { search: '  // Sum the prices of every item in the cart\n  let sum = 0;\n', replace: '  // Sum the prices of every item in the cart\n  let sum = 0.0;\n' });
    assert.equal(r.text, ts.replace('let sum = 0;', 'let sum = 0.0;'));
    assert.deepEqual(r.stages, ['wording']);
  });

  it('refuses when a code token differs as well', () => {
    assert.equal(plan(ts, { search: '  // Sum the prices of every item in the cart\n  var sum = 0;\n', replace: 'x\n' }).ok, false);
  });

  it('refuses when two regions have the same code and the comment is as close to both', () => {
    const twins = 'function a() {\n  log("loading users from db");\n  return fetchAll(db);\n}\nfunction b() {\n  log("loading orders from db");\n  return fetchAll(db);\n}\n';
    assert.equal(plan(twins, { search: '  log("loading customers from db");\n  return fetchAll(db);\n', replace: 'x\n' }).ok, false);
  });

  it('refuses more than two changed words', () => {
    assert.equal(plan(ts, { search: '  // Add the costs of every item in the cart\n  let sum = 0;\n', replace: 'x\n' }).ok, false);
  });
});

describe('edits that build on an earlier edit of the same proposal', () => {
  const go = 'func Get(id int) Item {\n\treturn items[id]\n}\n\nfunc Put(it Item) {\n\titems[it.ID] = it\n}\n';

  it('finds a search in the text the earlier edit wrote, as a replacement of its own when their changes are apart', () => {
    const p = plan(go, { search: 'func Get(id int) Item {\n', replace: 'func Find(id int) Item {\n' }, { search: 'func Find(id int) Item {\n\treturn items[id]\n', replace: 'func Find(id int) Item {\n\treturn items[id-1]\n' });
    assert.ok(p.ok);
    assert.equal(p.newText, go.replace('Get(id int) Item {\n\treturn items[id]', 'Find(id int) Item {\n\treturn items[id-1]'));
    assert.deepEqual(p.replacements.map((r) => r.editIndex), [0, 1]);
  });

  it('folds an edit of the earlier edit\'s own text into one replacement, and reports both as applied', () => {
    const p = plan(go, { search: '}\n\nfunc Put', replace: '}\n\nfunc Len() int {\n\treturn 0\n}\n\nfunc Put' }, { search: 'func Len() int {\n\treturn 0\n', replace: 'func Len() int {\n\treturn len(items)\n' });
    assert.ok(p.ok);
    assert.equal(p.newText, go.replace('}\n\nfunc Put', '}\n\nfunc Len() int {\n\treturn len(items)\n}\n\nfunc Put'));
    assert.deepEqual(p.replacements.map((r) => [r.editIndex, r.includes]), [[0, [1]]]);
    assert.equal(describeOutcomes([outcomeOfPlan(p, true)]), 'applied 2 edits to f');
  });

  it('still refuses a search found neither in the file nor in what earlier edits wrote, or only loosely', () => {
    assert.equal(plan(go, { search: 'func Get(id int) Item {\n', replace: 'func Find(id int) Item {\n' }, { search: 'func Search(id int) Item {\n', replace: 'x\n' }).refused[0]?.reason, 'not-found');
    const loose = plan(go, { search: 'func Get(id int) Item {\n', replace: 'func Find(id int) Item {\n\tlog("find")\n\tlog("done")\n' }, { search: 'func Find(id int) Item {\n\tlog("found")\n\tlog("done")\n', replace: 'x\n' });
    assert.equal(loose.ok, false);
  });
});

describe('unified diffs written bare in an answer', () => {
  it('parses a diff in prose, stopping at the hunk\'s end and not taking a bullet of prose for a removed line', () => {
    const answer = ['Here is the fix:', '', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1,4 +1,4 @@', ' const a = 1;', '', '-const b = 2;', '+const b = 3;', ' const c = 4;', '', '- This changes b.', 'Thanks'].join('\n');
    const { proposals, problems } = extractProposals(answer);
    assert.deepEqual(problems, []);
    assert.deepEqual(proposals.map((p) => [p.origin.format, p.origin.line, p.files]), [['unified-diff', 3, [{ kind: 'edits', path: 'src/a.ts', edits: [{ search: 'const a = 1;\n\nconst b = 2;\nconst c = 4;\n', replace: 'const a = 1;\n\nconst b = 3;\nconst c = 4;\n', line: 1 }] }]]]);
  });

  it('parses a git diff whose hunks have no numbers, ending at prose', () => {
    const answer = ['diff --git a/x.py b/x.py', 'index 1..2 100644', '--- a/x.py', '+++ b/x.py', '@@ ... @@', ' def f():', '-    return 1', '+    return 2', '', 'Done.'].join('\n');
    const [p] = extractProposals(answer).proposals;
    assert.deepEqual(p.files, [{ kind: 'edits', path: 'x.py', edits: [{ search: 'def f():\n    return 1\n', replace: 'def f():\n    return 2\n' }] }]);
  });

  it('ignores prose lines that merely start with --- or +++', () => {
    assert.deepEqual(extractProposals('--- notes ---\n+++ more +++\nplain text\n').proposals, []);
  });
});
