/**
 * Secret-redaction benchmark: `npm run bench:secrets -- [--corpus FILE] [--json]`.
 * Redacts every snippet of a corpus and counts, per kind: secrets caught (the `secret` substring no
 * longer in the output) and missed, and look-alikes changed (false positives). Then times redaction of
 * a 1 MB file (this repository's own source with the corpus mixed in) and prints ms per MB.
 * With --json the last line is {"secrets","caught","lookalikes","falsePositives","msPerMB"}.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { redactSecrets } from '../../src/core/chat/secrets';

const corpusSchema = z.object({
  version: z.literal(1),
  secrets: z.array(z.object({ kind: z.string(), text: z.string(), secret: z.string().min(1) })),
  lookalikes: z.array(z.object({ kind: z.string(), text: z.string() })),
});

/** A corpus as validated. */
export type SecretCorpus = z.infer<typeof corpusSchema>;

/** How one snippet came out. */
export interface SnippetResult {
  kind: string;
  /** A secret that must go, or a look-alike that must stay. */
  role: 'secret' | 'lookalike';
  ok: boolean;
  /** What the redactor returned, for the report. */
  output: string;
}

/** Totals as printed on the --json line. */
export interface SecretTotals {
  secrets: number;
  caught: number;
  lookalikes: number;
  falsePositives: number;
  msPerMB: number;
}

/** The default corpus. */
export const DEFAULT_CORPUS = join(__dirname, '..', 'fixtures', 'secrets', 'corpus.json');

/** Reads and validates a corpus file. */
export function loadSecretCorpus(path: string): SecretCorpus {
  return corpusSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Redacts every snippet (as a TypeScript file, so no .env rule applies) and judges it. */
export function runSecretCorpus(corpus: SecretCorpus): SnippetResult[] {
  return [
    ...corpus.secrets.map((s) => {
      const output = redactSecrets(s.text, 'snippet.ts').text;
      return { kind: s.kind, role: 'secret' as const, ok: !output.includes(s.secret), output };
    }),
    ...corpus.lookalikes.map((l) => {
      const output = redactSecrets(l.text, 'snippet.ts').text;
      return { kind: l.kind, role: 'lookalike' as const, ok: output === l.text, output };
    }),
  ];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

/** About `bytes` of realistic text: this repo's sources, with a corpus snippet after every file. */
export function benchText(corpus: SecretCorpus, bytes = 1024 * 1024): string {
  const files = sourceFiles(join(__dirname, '..', '..', 'src')).map((f) => readFileSync(f, 'utf8'));
  const snippets = [...corpus.secrets.map((s) => s.text), ...corpus.lookalikes.map((l) => l.text)];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `${files[i % files.length]}\n${snippets[i % snippets.length]}\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, bytes);
}

/** Median ms to redact `text`, scaled to one MB. */
export function msPerMB(text: string, runs = 9): number {
  for (let i = 0; i < 3; i++) redactSecrets(text, 'bench.ts'); // warm up: compiles the rules, lets the JIT settle
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    redactSecrets(text, 'bench.ts');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  return Math.round((median * (1024 * 1024)) / text.length * 100) / 100;
}

/** Sums results. */
export function secretTotals(results: readonly SnippetResult[], ms: number): SecretTotals {
  const secrets = results.filter((r) => r.role === 'secret');
  const lookalikes = results.filter((r) => r.role === 'lookalike');
  return { secrets: secrets.length, caught: secrets.filter((r) => r.ok).length, lookalikes: lookalikes.length, falsePositives: lookalikes.filter((r) => !r.ok).length, msPerMB: ms };
}

function table(results: readonly SnippetResult[]): string {
  const kinds = [...new Set(results.map((r) => `${r.role}\u0000${r.kind}`))];
  const header = ['kind'.padEnd(28), 'role'.padEnd(10), 'cases'.padStart(6), 'caught'.padStart(7), 'missed'.padStart(7), 'falsePos'.padStart(9)].join(' ');
  const rows = kinds.map((key) => {
    const [role, kind] = key.split('\u0000') as [string, string];
    const of = results.filter((r) => r.role === role && r.kind === kind);
    const good = of.filter((r) => r.ok).length;
    const isSecret = role === 'secret';
    return [kind.padEnd(28), role.padEnd(10), String(of.length).padStart(6), (isSecret ? String(good) : '-').padStart(7), (isSecret ? String(of.length - good) : '-').padStart(7), (isSecret ? '-' : String(of.length - good)).padStart(9)].join(' ');
  });
  return [header, ...rows].join('\n');
}

function main(argv: readonly string[]): void {
  const at = argv.indexOf('--corpus');
  const path = at >= 0 && argv[at + 1] ? (argv[at + 1] as string) : DEFAULT_CORPUS;
  const corpus = loadSecretCorpus(path);
  const results = runSecretCorpus(corpus);
  const text = benchText(corpus);
  const sum = secretTotals(results, msPerMB(text));
  console.log(`corpus: ${path}`);
  console.log(table(results));
  const kinds = new Set(corpus.secrets.map((s) => s.kind)).size;
  for (const r of results.filter((x) => !x.ok)) console.log(`${r.role === 'secret' ? 'MISSED' : 'FALSE POSITIVE'} ${r.kind}: ${JSON.stringify(r.output).slice(0, 200)}`);
  console.log(`${sum.caught}/${sum.secrets} secrets caught (${kinds} kinds), ${sum.falsePositives}/${sum.lookalikes} look-alikes changed, ${sum.msPerMB} ms per MB (${(text.length / 1024 / 1024).toFixed(2)} MB file)`);
  if (argv.includes('--json')) console.log(JSON.stringify(sum));
}

if (require.main === module) main(process.argv.slice(2));
