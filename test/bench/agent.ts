/**
 * Agent benchmark: `npm run bench:agent -- [--json] [--files N] [--queries N]`.
 * 1. Generates a workspace of N files (default 20,000, about 200 MB) in a temp dir, half of it
 *    hidden by a .gitignore.
 * 2. Times `search_text` and `list_files` through the same code the extension runs (core's rg
 *    driver with the node spawner and the rg VS Code ships), median and p95 over the queries, and a
 *    bare `rg` over the same tree and query in the same run (their ratio).
 * 3. Times the agent loop's own overhead per step: a multi-step task against the fake xAI server
 *    (answering at once) with an in-memory workspace, minus the time spent inside model calls.
 * 4. Times Undo Task's checkpoint around a command on the same tree (list, stat and read the
 *    listed files before, list and stat after): a task's first command, and a later one that
 *    reuses what the first read.
 * With --json the last line is {"files","searchP50Ms","searchP95Ms","rgP50Ms","searchVsRg","listP50Ms","stepOverheadMs","commandCheckpointFirstMs","commandCheckpointNextMs"}.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rgListFiles, rgSearchText, type RipgrepSearch } from '../../src/core/agent/search/ripgrep';
import { nodeSpawn } from '../../src/core/agent/search/spawn';
import type { ModelClient } from '../../src/core/chat/engine';
import { CheckpointStore, TaskCheckpoints, nodeCheckpointFs, type WorkspaceFiles } from '../../src/core/checkpoints';
import { stat } from 'node:fs/promises';
import { FakeXaiServer } from '../fakeXai/server';
import { shippedRipgrep } from '../tools/ripgrepPath';
import { agentFor } from '../unit/agent/fakeHost';
import { clientFor } from '../unit/api/helpers';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FILES = option('--files', 20_000);
const QUERIES = Math.max(20, option('--queries', 24));
/** About 10 KB a file: 20,000 files make 200 MB. */
const FILE_BYTES = 10_240;

function log(line: string): void {
  if (!json) console.log(line);
}

/** Deterministic pseudo-random numbers (the same tree every run). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}

const WORDS = ['parse', 'config', 'render', 'client', 'buffer', 'stream', 'token', 'index', 'cache', 'layout', 'schema', 'worker', 'signal', 'router', 'format', 'record'];

/** Writes the tree; returns the marker words each hidden by nothing / hidden by .gitignore. */
function generate(dir: string): { bytes: number } {
  const random = seeded(7);
  writeFileSync(join(dir, '.gitignore'), 'build/\n*.generated.ts\n');
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    // Half the files are ignored: under build/ (a quarter) or *.generated.ts (a quarter).
    const ignored = i % 2 === 1;
    const folder = ignored && i % 4 === 1 ? join('build', `pkg${i % 50}`) : join('src', `mod${i % 200}`);
    const name = ignored && i % 4 === 3 ? `file${i}.generated.ts` : `file${i}.ts`;
    const lines: string[] = [];
    let size = 0;
    while (size < FILE_BYTES) {
      const a = WORDS[Math.floor(random() * WORDS.length)]!;
      const b = WORDS[Math.floor(random() * WORDS.length)]!;
      const line = `export function ${a}${Math.floor(random() * 1000)}(${b}: string): number { return ${b}.length * ${Math.floor(random() * 100)}; }`;
      lines.push(line);
      size += line.length + 1;
    }
    // A rare marker every 500 files, so selective queries find a handful of hits.
    if (i % 500 === 0) lines.push(`// marker${i / 500} TODO(agent) needle${i % 7}`);
    const text = `${lines.join('\n')}\n`;
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, name), text);
    bytes += text.length;
  }
  return { bytes };
}

function stats(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Bare rg with the same flags, its output read and dropped: the floor for our search. */
function bareRg(rg: string, cwd: string, rgArgs: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(rg, rgArgs, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

async function timeSearch(rg: string, dir: string): Promise<{ searchP50: number; searchP95: number; rgP50: number; listP50: number; listP95: number; hits: number; listed: number }> {
  const config: RipgrepSearch = { rgPath: rg, roots: [dir], excludes: ['**/.git', '**/node_modules'], spawn: nodeSpawn };
  const signal = new AbortController().signal;
  const queries = Array.from({ length: QUERIES }, (_, i) => (i % 3 === 0 ? `marker${i}` : i % 3 === 1 ? `needle${i % 7}` : `TODO(agent) needle${i % 7}`));
  const ours: number[] = [];
  const bare: number[] = [];
  let hits = 0;
  // One warm-up of each, so the page cache is as warm for both.
  await rgSearchText(config, { query: 'warmup', isRegex: false, max: 100 }, signal);
  await bareRg(rg, dir, ['--hidden', '--no-require-git', '--no-config', '-n', '--smart-case', '-F', '-e', 'warmup', '-g', '!**/.git', '-g', '!**/node_modules']);
  for (const query of queries) {
    const started = performance.now();
    const found = await rgSearchText(config, { query, isRegex: false, max: 100 }, signal);
    ours.push(performance.now() - started);
    hits += found.items.length;
    // The same flags and query, printing everything (nothing to parse, nothing to stop).
    bare.push(await bareRg(rg, dir, ['--hidden', '--no-require-git', '--no-config', '--line-number', '--with-filename', '--no-heading', '--null', '--color', 'never', '--smart-case', '--max-columns=400', '--max-columns-preview', '--fixed-strings', '-g', '!**/.git', '-g', '!**/node_modules', '-e', query]));
  }
  const lists: number[] = [];
  let listed = 0;
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    const found = await rgListFiles(config, { glob: i % 2 ? `**/mod${i}/*.ts` : undefined, max: 500 }, signal);
    lists.push(performance.now() - started);
    listed = Math.max(listed, found.items.length);
  }
  // Sanity: the ignored half is left out (plus the .gitignore itself).
  const all = await rgListFiles(config, { max: FILES * 2 }, signal);
  if (all.items.length !== FILES / 2 + 1) throw new Error(`list_files saw ${all.items.length} files, expected ${FILES / 2 + 1}: the ignores are not honoured`);
  const s = stats(ours);
  const r = stats(bare);
  const l = stats(lists);
  return { searchP50: s.p50, searchP95: s.p95, rgP50: r.p50, listP50: l.p50, listP95: l.p95, hits, listed };
}

/** Loop overhead per step: task time minus time inside model calls, over the steps. */
async function stepOverhead(): Promise<{ perStep: number; steps: number }> {
  const fake = await FakeXaiServer.start();
  try {
    const runs: number[] = [];
    let steps = 0;
    for (let run = 0; run < 6; run++) {
      fake.reset();
      let modelMs = 0;
      const { client } = clientFor(fake, { api: 'chat' });
      const timed: ModelClient = {
        listModels: (o) => client.listModels(o),
        async *stream(request, signal) {
          let started = performance.now();
          for await (const event of client.stream(request, signal)) {
            modelMs += performance.now() - started;
            yield event;
            started = performance.now();
          }
          modelMs += performance.now() - started;
        },
      };
      const bench = agentFor(fake, { 'agent.maxSteps': 25 }, { client: timed });
      const started = performance.now();
      await bench.engine.send('[scenario:agent-steps] go');
      const total = performance.now() - started;
      steps = fake.requests.filter((r) => r.method === 'POST').length;
      if (run > 0) runs.push((total - modelMs) / steps); // the first run warms the JIT
    }
    return { perStep: stats(runs).p50, steps };
  } finally {
    await fake.close();
  }
}

/** A command's checkpoint (before and after, nothing changed) with the extension's listing; first and later commands of a task. */
async function commandCheckpoint(rg: string, dir: string): Promise<{ first: number; next: number; listed: number }> {
  const config: RipgrepSearch = { rgPath: rg, roots: [dir], excludes: ['**/.git', '**/node_modules'], spawn: nodeSpawn };
  let listed = 0;
  const files: WorkspaceFiles = {
    async list(max) {
      const found = await rgListFiles(config, { max }, new AbortController().signal);
      listed = found.items.length;
      return found.items.map((p) => join(dir, p));
    },
    async stat(path) {
      const s = await stat(path).catch(() => undefined);
      return s ? { size: s.size, mtimeMs: s.mtimeMs } : undefined;
    },
  };
  const storage = mkdtempSync(join(tmpdir(), 'grok-agent-bench-cp-'));
  try {
    const store = await CheckpointStore.open(nodeCheckpointFs, { storageDir: storage, keep: 5 });
    const firsts: number[] = [];
    const nexts: number[] = [];
    for (let task = 0; task < 4; task++) {
      const cp = new TaskCheckpoints(async () => store, files, nodeCheckpointFs, () => ({}));
      for (let command = 0; command < 3; command++) {
        const started = performance.now();
        await (await cp.before(`task${task}`, { kind: 'command' }))();
        (command === 0 ? firsts : nexts).push(performance.now() - started);
      }
    }
    // The first task warms the page cache; its first command is left out.
    return { first: stats(firsts.slice(1)).p50, next: stats(nexts).p50, listed };
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rg = shippedRipgrep();
  if (!rg) throw new Error('No ripgrep found: provision the real-VS-Code tier (bash test/realVscode/provision.sh) and set GROK_TEST_CACHE.');
  const dir = mkdtempSync(join(tmpdir(), 'grok-agent-bench-'));
  try {
    let started = performance.now();
    const { bytes } = generate(dir);
    log(`workspace: ${FILES.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(0)} MB, half hidden by .gitignore (${((performance.now() - started) / 1000).toFixed(1)} s to write)`);
    log(`ripgrep: ${rg}`);
    started = performance.now();
    const t = await timeSearch(rg, dir);
    log(`search_text: p50 ${t.searchP50.toFixed(1)} ms, p95 ${t.searchP95.toFixed(1)} ms over ${QUERIES} queries (${t.hits} hits); bare rg p50 ${t.rgP50.toFixed(1)} ms; ratio ${(t.searchP50 / t.rgP50).toFixed(2)}`);
    log(`list_files: p50 ${t.listP50.toFixed(1)} ms, p95 ${t.listP95.toFixed(1)} ms over ${QUERIES} listings (up to ${t.listed} files each, max 500)`);
    const o = await stepOverhead();
    log(`loop overhead: ${o.perStep.toFixed(2)} ms per step (median of 5 tasks of ${o.steps} steps, model time excluded)`);
    const c = await commandCheckpoint(rg, dir);
    log(`command checkpoint (${c.listed.toLocaleString('en-US')} listed files, up to 64 MB read): a task's first command ${c.first.toFixed(0)} ms, later ones ${c.next.toFixed(0)} ms (medians)`);
    const round = (n: number) => Math.round(n * 100) / 100;
    const result = {
      files: FILES,
      searchP50Ms: round(t.searchP50),
      searchP95Ms: round(t.searchP95),
      rgP50Ms: round(t.rgP50),
      searchVsRg: round(t.searchP50 / t.rgP50),
      listP50Ms: round(t.listP50),
      stepOverheadMs: round(o.perStep),
      commandCheckpointFirstMs: round(c.first),
      commandCheckpointNextMs: round(c.next),
    };
    log(`goal: searchVsRg <= 1.5 ${result.searchVsRg <= 1.5 ? 'met' : 'NOT met'}; step overhead < 5 ms ${result.stepOverheadMs < 5 ? 'met' : 'NOT met'}`);
    if (json) console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
