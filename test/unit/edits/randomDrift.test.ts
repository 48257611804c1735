import { strict as assert } from 'node:assert';
import { planEdits } from '../../../src/core/edits';
import { seeded } from '../../fixtures/edits/cases/helpers';
import { hugePy, hugeTs } from '../../fixtures/edits/cases/huge';
import { csLf, css, go, guide, html, i18n, py, rs, ts, tsx, yml } from '../../fixtures/edits/cases/samples';
import { normalizeTypography } from '../../../src/core/edits/typography';

/**
 * Property test: a block copied from a file and drifted the way models drift (indentation, tabs,
 * quotes, a renamed word, a dropped or swapped line, a changed number, line numbers, HTML
 * entities, typographic punctuation either way, non-breaking spaces) is either
 * refused or applied where it came from (or where identical text stands). Never elsewhere.
 */
const files = [ts, py, go, rs, css, yml, i18n, csLf, tsx, guide, html, hugeTs().slice(0, 60000), hugePy().slice(0, 40000)];
const squashed = (x: string) => normalizeTypography(x.replace(/^\s*\d+: /gm, '')).replace(/\s+/g, '');

type Drift = (block: string[], start: number, words: string[], random: () => number) => string[] | undefined;
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const drifts: Record<string, Drift> = {
  dedent: (b) => b.map((l) => l.replace(/^ {1,4}|^\t/, '')),
  tabs: (b) => b.map((l) => l.replace(/^\t+/, (m) => '    '.repeat(m.length)).replace(/^( {4})+/, (m) => '\t'.repeat(m.length / 4))),
  quotes: (b) => b.map((l) => l.replace(/'/g, '"')),
  numbers: (b, start) => b.map((l, i) => `${start + 1 + i}: ${l}`),
  changeNumber: (b) => b.map((l) => l.replace(/\d+/, (m) => String(Number(m) + 1))),
  renameWord: (b, _s, words, random) => {
    const i = Math.floor(random() * b.length);
    const found = b[i].match(/[A-Za-z_]\w{2,}/g);
    if (!found) return undefined;
    const copy = [...b];
    copy[i] = copy[i].replace(pick(random, found), pick(random, words));
    return copy;
  },
  dropLine: (b, _s, _w, random) => (b.length < 4 ? undefined : b.filter((_, i) => i !== 1 + Math.floor(random() * (b.length - 2)))),
  entities: (b) => b.map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')),
  decodeEntities: (b) => b.map((l) => l.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&mdash;/g, '\u2014')),
  curlyQuotes: (b) => b.map((l) => l.replace(/'([^']*)'/g, '\u2018$1\u2019').replace(/"([^"]*)"/g, '\u201c$1\u201d')),
  dashesAndEllipses: (b) => b.map((l) => l.replace(/ - /g, ' \u2013 ').replace(/--/g, '\u2014').replace(/\.\.\./g, '\u2026')),
  plainPunctuation: (b) => b.map((l) => l.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u2014/g, '--').replace(/\u2013/g, '-').replace(/\u2026/g, '...').replace(/\u00a0/g, ' ')),
  nbsp: (b, _s, _w, random) => b.map((l) => l.replace(/(\S) (\S)/g, (m, x: string, y: string) => (random() < 0.3 ? `${x}\u00a0${y}` : m))),
  swap: (b, _s, _w, random) => {
    if (b.length < 3) return undefined;
    const i = Math.floor(random() * (b.length - 1));
    const copy = [...b];
    [copy[i], copy[i + 1]] = [copy[i + 1], copy[i]];
    return copy;
  },
};

describe('random drift never lands elsewhere', () => {
  it('applies drifted blocks only where they came from (2,000 seeded cases)', function () {
    // Thousands of plans: a property test, not a timing one (a loaded machine must not fail it).
    this.timeout(120000);
    const random = seeded(2024);
    const wrong: string[] = [];
    let applied = 0;
    const typographyApplied = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const text = pick(random, files);
      const lines = text.split('\n');
      const words = text.match(/[A-Za-z_]\w{2,}/g) ?? [];
      const length = 2 + Math.floor(random() * 7);
      const start = Math.floor(random() * (lines.length - length - 1));
      const block = lines.slice(start, start + length);
      const kind = pick(random, Object.keys(drifts));
      const drifted = drifts[kind](block, start, words, random);
      if (!drifted || drifted.every((l) => l.trim() === '')) continue;
      const search = drifted.join('\n') + '\n';
      const plan = planEdits(text, { kind: 'edits', path: 'x', edits: [{ search, replace: search + 'MARK\n' }] });
      if (!plan.ok) continue;
      applied++;
      const r = plan.replacements[0];
      if (r.stage === 'typography') typographyApplied.add(kind);
      const overlaps = r.matched.startLine <= start + length + 1 && r.matched.endLine >= start;
      const landed = lines.slice(r.matched.startLine - 1, r.matched.endLine).join('\n');
      const same = squashed(landed) === squashed(block.join('\n')) || squashed(landed) === squashed(search);
      if (!overlaps && !same && r.stage !== 'exact' && r.stage !== 'lineEndings') wrong.push(`${kind} at line ${start + 1} landed at ${r.matched.startLine} (${r.stage})`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(applied > 1000, `only ${applied} applied`);
    // Entity and punctuation drift really reached the typography stage (not only exact matches).
    for (const kind of ['entities', 'curlyQuotes', 'plainPunctuation']) assert.ok(typographyApplied.has(kind), `${kind} never matched through typography`);
  });
});
