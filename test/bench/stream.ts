/**
 * `npm run bench:stream [-- --json] [--mb N] [--delta N]`
 *
 * Streams one long answer from the fake xAI server (in its own process, so the server's work does not
 * compete with the reader) through the client and through a bare undici read of the same bytes, a few
 * rounds each, alternating. Prints both throughputs (wire MB/s) and their ratio, then the client's added
 * latency per chunk: a paced stream whose deltas carry their send time, read both ways; added latency is
 * the client's percentile minus the bare read's. `--json` makes the last line machine-readable.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { request } from 'undici';
import { GrokClient } from '../../src/core/api';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MB = flag('mb', 5);
const DELTA_CHARS = flag('delta', 24); // about what a token stream carries per chunk
const ROUNDS = flag('rounds', 7);
const LATENCY_CHUNKS = flag('chunks', 400);

async function startServer(): Promise<{ url: string; key: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../fakeXai/cli.ts'), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { url, key } = JSON.parse(line) as { url: string; key: string };
  return { url, key, stop: () => child.kill() };
}

function body(marker: string): string {
  return JSON.stringify({ model: 'grok-4.3', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: marker }] });
}

async function bareRead(url: string, key: string, marker: string, onChunk?: (text: string, at: number) => void): Promise<{ bytes: number; ms: number }> {
  const res = await request(`${url}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body(marker) });
  const started = performance.now(); // from the headers on: the server's set-up time is not reading
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onChunk?.(chunk.toString('utf8'), performance.timeOrigin + performance.now());
  }
  return { bytes, ms: performance.now() - started };
}

async function clientRead(client: GrokClient, marker: string, onText?: (text: string, at: number) => void): Promise<{ chars: number; ms: number }> {
  let started = performance.now();
  let chars = 0;
  for await (const event of client.stream({ model: 'grok-4.3', messages: [{ role: 'user', content: marker }] })) {
    if (event.type === 'start') started = performance.now(); // headers received, as for the bare read
    else if (event.type === 'text') {
      chars += event.text.length;
      onText?.(event.text, performance.timeOrigin + performance.now());
    }
  }
  return { chars, ms: performance.now() - started };
}

function stampLatencies(into: number[]): (text: string, at: number) => void {
  return (text, at) => {
    for (const m of text.matchAll(/⟦([\d.]+)⟧/g)) into.push(at - Number(m[1]));
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const median = (values: number[]): number => percentile(values, 50);
const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const server = await startServer();
  const client = new GrokClient({ baseUrl: server.url, apiKey: server.key, api: 'chat' });
  try {
    const big = `[scenario:big bytes=${Math.round(MB * 1024 * 1024)} deltaChars=${DELTA_CHARS}]`;
    await bareRead(server.url, server.key, big); // warm up both paths (JIT, connection)
    await clientRead(client, big);
    const bare: number[] = [];
    const viaClient: number[] = [];
    const ratios: number[] = [];
    let wireBytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const b = await bareRead(server.url, server.key, big);
      wireBytes = b.bytes;
      bare.push(b.bytes / 1e6 / (b.ms / 1000));
      const c = await clientRead(client, big);
      if (c.chars !== Math.round(MB * 1024 * 1024)) throw new Error(`client lost text: ${c.chars}`);
      viaClient.push(b.bytes / 1e6 / (c.ms / 1000));
      ratios.push(b.ms / c.ms);
    }
    const bareMBps = median(bare);
    const clientMBps = median(viaClient);

    const stamped = `[scenario:stamped count=${LATENCY_CHUNKS} intervalMs=2 deltaChars=${DELTA_CHARS}]`;
    const bareLat: number[] = [];
    const clientLat: number[] = [];
    await bareRead(server.url, server.key, stamped, stampLatencies(bareLat));
    await clientRead(client, stamped, stampLatencies(clientLat));
    const addedP50 = Math.max(0, percentile(clientLat, 50) - percentile(bareLat, 50));
    const addedP99 = Math.max(0, percentile(clientLat, 99) - percentile(bareLat, 99));

    const ratio = median(ratios); // each round's pair shares the machine's momentary load
    console.log(`answer: ${MB} MB of text in ${DELTA_CHARS}-character deltas = ${(wireBytes / 1e6).toFixed(1)} MB on the wire; median of ${ROUNDS} rounds`);
    console.log(`bare undici read : ${bareMBps.toFixed(1)} MB/s`);
    console.log(`through client   : ${clientMBps.toFixed(1)} MB/s  (ratio ${ratio.toFixed(2)}; goal >= 0.80)`);
    console.log(`latency per chunk (${LATENCY_CHUNKS} chunks, 2 ms apart): bare p50 ${percentile(bareLat, 50).toFixed(3)} ms p99 ${percentile(bareLat, 99).toFixed(3)} ms; client p50 ${percentile(clientLat, 50).toFixed(3)} ms p99 ${percentile(clientLat, 99).toFixed(3)} ms`);
    console.log(`client added latency: p50 ${addedP50.toFixed(3)} ms, p99 ${addedP99.toFixed(3)} ms`);
    if (args.includes('--json')) {
      console.log(JSON.stringify({ clientMBps: round(clientMBps, 2), bareMBps: round(bareMBps, 2), ratio: round(ratio), addedLatencyP50Ms: round(addedP50), addedLatencyP99Ms: round(addedP99) }));
    }
  } finally {
    server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
