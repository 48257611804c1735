import type { Logger } from '../../../src/core/log';
import { GrokClient, isGrokApiError, type GrokApiError, type GrokClientOptions, type TurnEvent, type TurnRequest, type UsageRecord } from '../../../src/core/api';
import { Agent } from 'undici';
import { FakeXaiServer } from '../../fakeXai/server';

/** Everything a streamed turn produced, for assertions. */
export interface Collected {
  events: TurnEvent[];
  text: string;
  reasoning: string;
  error: GrokApiError | undefined;
}

/** Drains a turn, keeping the events and the error instead of throwing. */
export async function collect(stream: AsyncIterable<TurnEvent>): Promise<Collected> {
  const events: TurnEvent[] = [];
  let error: GrokApiError | undefined;
  try {
    for await (const event of stream) events.push(event);
  } catch (err) {
    if (!isGrokApiError(err)) throw err;
    error = err;
  }
  const text = events.map((e) => (e.type === 'text' ? e.text : '')).join('');
  const reasoning = events.map((e) => (e.type === 'reasoning' ? e.text : '')).join('');
  return { events, text, reasoning, error };
}

/** A logger that keeps every line, so tests can check what was (and was not) logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string | Error, ...args: unknown[]) => {
    lines.push(`${level} ${String(message)} ${args.map(String).join(' ')}`.trim());
  };
  return { lines, trace: keep('trace'), debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** Test clock and waits: sleeps are recorded and skipped, randomness is fixed. */
export function fastTiming(): { sleeps: number[]; options: Pick<GrokClientOptions, 'sleep' | 'random'> } {
  const sleeps: number[] = [];
  return { sleeps, options: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 } };
}

/** A client pointed at the fake server, with fast fake sleeps unless overridden. */
export function clientFor(fake: FakeXaiServer, overrides: Partial<GrokClientOptions> = {}): { client: GrokClient; sleeps: number[]; usage: UsageRecord[] } {
  const timing = fastTiming();
  const usage: UsageRecord[] = [];
  const client = new GrokClient({ baseUrl: fake.url, apiKey: fake.key, ...timing.options, onUsage: (r) => usage.push(r), ...overrides });
  return { client, sleeps: timing.sleeps, usage };
}

/** A one-message turn. */
export function ask(text = 'Show me a debounce helper.', extra: Partial<TurnRequest> = {}): TurnRequest {
  return { model: 'grok-4.3', messages: [{ role: 'system', content: 'You are a coding assistant.' }, { role: 'user', content: text }], ...extra };
}

/** Starts one fake server for a `describe` block and resets it between tests. */
export function useFakeServer(): { get: () => FakeXaiServer } {
  let fake: FakeXaiServer | undefined;
  before(async () => {
    fake = await FakeXaiServer.start();
  });
  afterEach(() => fake?.reset());
  after(async () => {
    await fake?.close();
  });
  return { get: () => fake! };
}

/** Event types in order, with consecutive duplicates collapsed (deltas come in varying numbers). */
export function shape(events: TurnEvent[]): string[] {
  return events.map((e) => e.type).filter((t, i, all) => t !== all[i - 1]);
}

/**
 * A dispatcher that resolves every host name to 127.0.0.1, so a client pointed at
 * `http://api.x.ai:PORT/v1` reaches the fake server while it believes it talks to xAI's host
 * (the way to test host-dependent wording end to end; `isXaiHostname` is tested on its own too).
 */
export function loopbackDispatcher(): Agent {
  const lookup = (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void): void => {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };
  return new Agent({ connect: { lookup } as never });
}

/** The fake server's base URL under xAI's API host name (use with {@link loopbackDispatcher}). */
export function xaiLookingUrl(fake: FakeXaiServer): string {
  return fake.url.replace('127.0.0.1', 'api.x.ai');
}
