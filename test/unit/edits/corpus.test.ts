import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { DEFAULT_CORPUS, loadCorpus, runCorpus, totals } from '../../bench/edits';
import { buildCorpus, CORPUS_PATH, serializeCorpus } from '../../fixtures/edits/build';

describe('edit corpus', () => {
  it('corpus.json is what the case modules produce (rebuild with npx tsx test/fixtures/edits/build.ts)', () => {
    assert.equal(CORPUS_PATH, DEFAULT_CORPUS);
    assert.ok(readFileSync(CORPUS_PATH, 'utf8') === serializeCorpus(buildCorpus()), 'corpus.json is out of date');
  });

  it('has at least 80 cases across the drift categories', () => {
    const corpus = loadCorpus(DEFAULT_CORPUS);
    assert.ok(corpus.cases.length >= 80);
    const categories = new Set(corpus.cases.map((c) => c.category));
    for (const c of ['exact', 'indentation', 'tabs-spaces', 'crlf', 'trailing-space', 'blank-lines', 'stale-hint', 'duplicate', 'near-miss', 'hallucinated', 'line-numbers', 'unicode', 'huge', 'multi-edit', 'overlap', 'dollar', 'entities', 'typography', 'blank-doubled', 'wording', 'dependent']) {
      assert.ok(categories.has(c), `category ${c}`);
    }
  });

  it('applies nothing wrongly and at least 97% correctly', () => {
    const results = runCorpus(loadCorpus(DEFAULT_CORPUS));
    const wrong = results.filter((r) => r.verdict === 'wrong').map((r) => `${r.id}: ${r.detail}`);
    assert.deepEqual(wrong, []);
    const t = totals(results);
    assert.ok(t.correct / t.total >= 0.97, `${t.correct}/${t.total} correct`);
  });
});
