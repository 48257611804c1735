import { strict as assert } from 'node:assert';
import { matchStarts } from '../../../src/core/chat/regexStarts';
import { GITLEAKS_RULES } from '../../../src/core/chat/gitleaksRules';
import { redactSecrets } from '../../../src/core/chat/secrets';
import { STARTS_FROM } from '../../../src/core/chat/secretScan';
import { DEFAULT_CORPUS, loadSecretCorpus } from '../../bench/secrets';

describe('literal starts of a regex', () => {
  it('reads literals, case pairs, escapes and alternatives, lower-cased', () => {
    assert.deepEqual(matchStarts('ghp_[0-9a-zA-Z]{36}', ''), ['ghp_']);
    assert.deepEqual(matchStarts('(?:[aA][cC][cC][eE][sS][sS]|[kK][eE][yY])x', ''), ['accessx', 'keyx']);
    assert.deepEqual(matchStarts(String.raw`\b((?:hvs\.[\w-]{90}|s\.(?:[A-Za-z0-9]{24})))`, ''), ['hvs.', 's.']);
    assert.deepEqual(matchStarts(String.raw`\x60Bearer\s`, 'i'), ['`bearer']);
    assert.deepEqual(matchStarts('(?<alg>ZXlK)|(?<kid>eyJr)', ''), ['zxlk', 'eyjr']);
  });

  it('ends a start where the pattern stops being one literal', () => {
    assert.deepEqual(matchStarts('pass(?:word)?d', ''), ['pass']);
    assert.deepEqual(matchStarts('ab+c', ''), ['ab']);
    assert.deepEqual(matchStarts('xo[xX]?b', ''), ['xo']);
    assert.deepEqual(matchStarts(String.raw`AKIA[A-Z2-7]{16}|AS\dIA`, ''), ['akia', 'as']);
  });

  it('skips zero-width assertions and lookarounds at the start', () => {
    assert.deepEqual(matchStarts(String.raw`(?<![\w-])(?:proxy-)?authorization`, 'i'), undefined); // optional group: nothing certain
    assert.deepEqual(matchStarts(String.raw`(?<![\w-])authorization(?=:)`, 'i'), ['authorization']);
    assert.deepEqual(matchStarts(String.raw`^\bcurl\b`, ''), ['curl']);
  });

  it('gives up on what may start anywhere, on one-letter starts and on syntax it does not read', () => {
    for (const source of [String.raw`[\w.-]{0,50}?key`, 'a|bc', '.abc', '(?:x)?abc', String.raw`\d{3}ab`, '(?i:ab)', 'a{b', String.raw`\k<n>ab`, '(ab']) {
      assert.equal(matchStarts(source, ''), undefined, source);
    }
    assert.equal(matchStarts('abc', 'u'), undefined);
  });

  it('every match of a vendored rule starts with one of the starts read off it', () => {
    const corpus = loadSecretCorpus(DEFAULT_CORPUS);
    const text = [...corpus.secrets, ...corpus.lookalikes].map((s) => s.text).join('\n');
    let checked = 0;
    for (const rule of GITLEAKS_RULES) {
      const starts = matchStarts(rule.regex[0], rule.regex[1]);
      if (!starts) continue;
      for (const m of text.matchAll(new RegExp(rule.regex[0], `${rule.regex[1]}g`))) {
        const at = m[0].toLowerCase();
        assert.ok(starts.some((s) => at.startsWith(s)), `${rule.id}: ${m[0]}`);
        checked++;
      }
    }
    assert.ok(checked >= 40, `${checked} matches checked`);
  });
});

describe('secret redaction where keywords are dense', () => {
  // Many keyword lines make a rule scan the whole text; in a large one it is tried only at its literal starts.
  const corpus = loadSecretCorpus(DEFAULT_CORPUS);
  const large = (snippets: { text: string }[]) => {
    const block = snippets.map((s) => `${s.text}\n\n`).join('');
    return block.repeat(Math.ceil(STARTS_FROM / block.length) + 1);
  };

  it('catches every corpus secret when all of them sit in one text', () => {
    const text = large(corpus.secrets);
    const out = redactSecrets(text, 'all.ts').text;
    assert.deepEqual(corpus.secrets.filter((s) => out.includes(s.secret)).map((s) => s.kind), []);
  });

  it('leaves every look-alike unchanged when all of them sit in one text', () => {
    const text = large(corpus.lookalikes);
    assert.equal(redactSecrets(text, 'all.ts').text, text);
  });
});
