/**
 * Edit-matcher benchmark: `npm run bench:edits -- [--corpus FILE] [--json]`.
 * Runs the planner on every case of a corpus file and counts, per category and in total:
 * correct; refusedWrongly (refused although a result was expected); wrong (applied, but not the
 * expected or an accepted text, or applied although it had to be refused). Prints the time per
 * case. With --json the last line is {"total","correct","refusedWrongly","wrong","msPerCase"}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { planEdits } from '../../src/core/edits';

const corpusSchema = z.object({
  version: z.literal(1),
  cases: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      file: z.string(),
      before: z.string(),
      edits: z.array(z.object({ search: z.string(), replace: z.string(), line: z.number().int().optional() })),
      expect: z.string().nullable(),
      accept: z.array(z.string()).optional(),
    }),
  ),
});

/** A corpus as validated. */
export type Corpus = z.infer<typeof corpusSchema>;
/** How one case came out. */
export type Verdict = 'correct' | 'refusedWrongly' | 'wrong';

/** Per-case result. */
export interface CaseResult {
  id: string;
  category: string;
  verdict: Verdict;
  ms: number;
  /** For anything but correct: what happened, for the report. */
  detail?: string;
}

/** Totals as printed on the --json line. */
export interface BenchTotals {
  total: number;
  correct: number;
  refusedWrongly: number;
  wrong: number;
  msPerCase: number;
}

/** The default corpus: the combined file under test/fixtures/edits. */
export const DEFAULT_CORPUS = join(__dirname, '..', 'fixtures', 'edits', 'corpus.json');

/** Reads and validates a corpus file. */
export function loadCorpus(path: string): Corpus {
  return corpusSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Runs every case of the corpus through the planner. */
export function runCorpus(corpus: Corpus): CaseResult[] {
  return corpus.cases.map((c) => {
    const started = performance.now();
    const plan = planEdits(c.before, { kind: 'edits', path: c.file, edits: c.edits });
    const ms = performance.now() - started;
    const base = { id: c.id, category: c.category, ms };
    if (!plan.ok) {
      if (c.expect === null) return { ...base, verdict: 'correct' };
      return { ...base, verdict: 'refusedWrongly', detail: plan.refused.map((r) => `edit ${r.editIndex + 1}: ${r.message}`).join('; ') };
    }
    if (c.expect === null) return { ...base, verdict: 'wrong', detail: `applied (${plan.replacements.map((r) => r.stage).join(', ')}) but must be refused` };
    if (plan.newText === c.expect || (plan.newText !== undefined && c.accept?.includes(plan.newText))) return { ...base, verdict: 'correct' };
    return { ...base, verdict: 'wrong', detail: `applied (${plan.replacements.map((r) => r.stage).join(', ')}) with an unexpected result` };
  });
}

/** Sums results. */
export function totals(results: readonly CaseResult[]): BenchTotals {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const ms = results.reduce((sum, r) => sum + r.ms, 0);
  return {
    total: results.length,
    correct: count('correct'),
    refusedWrongly: count('refusedWrongly'),
    wrong: count('wrong'),
    msPerCase: results.length > 0 ? Math.round((ms / results.length) * 1000) / 1000 : 0,
  };
}

function table(results: readonly CaseResult[]): string {
  const categories = [...new Set(results.map((r) => r.category))];
  const row = (name: string, t: BenchTotals) =>
    [name.padEnd(16), String(t.total).padStart(6), String(t.correct).padStart(8), String(t.refusedWrongly).padStart(15), String(t.wrong).padStart(6), t.msPerCase.toFixed(3).padStart(9)].join(' ');
  const header = ['category'.padEnd(16), 'cases'.padStart(6), 'correct'.padStart(8), 'refusedWrongly'.padStart(15), 'wrong'.padStart(6), 'ms/case'.padStart(9)].join(' ');
  const rows = categories.map((c) => row(c, totals(results.filter((r) => r.category === c))));
  return [header, ...rows, row('total', totals(results))].join('\n');
}

function main(argv: readonly string[]): void {
  const at = argv.indexOf('--corpus');
  const path = at >= 0 && argv[at + 1] ? argv[at + 1] : DEFAULT_CORPUS;
  const results = runCorpus(loadCorpus(path));
  const sum = totals(results);
  console.log(`corpus: ${path}`);
  console.log(table(results));
  for (const r of results.filter((x) => x.verdict !== 'correct')) console.log(`${r.verdict.padEnd(14)} ${r.id}: ${r.detail ?? ''}`);
  const share = sum.total > 0 ? ((sum.correct / sum.total) * 100).toFixed(1) : '0';
  console.log(`${share}% correct, ${sum.wrong} wrong, ${sum.msPerCase} ms per case`);
  if (argv.includes('--json')) console.log(JSON.stringify(sum));
}

if (require.main === module) main(process.argv.slice(2));
