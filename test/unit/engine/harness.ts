/** An engine wired to the fake xAI server with in-memory stores, for unit tests of the engine. */
import { ChatEngine, type EngineDeps, type EngineQuestions } from '../../../src/core/chat/engine';
import { HistoryStore, type HistoryFs } from '../../../src/core/chat/historyStore';
import { SpendTracker, type KeyValueStore } from '../../../src/core/chat/spendTracker';
import { SettingsConfig } from '../../../src/core/configStore';
import type { HostMessage } from '../../../src/shared/protocol';
import type { FakeXaiServer } from '../../fakeXai/server';
import { clientFor, memoryLogger } from '../api/helpers';

/** A HistoryFs over a Map. */
export function memoryHistoryFs(): HistoryFs & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    read: async (name) => files.get(name),
    write: async (name, data) => void files.set(name, data),
    rename: async (from, to) => {
      const data = files.get(from);
      if (data === undefined) throw new Error('ENOENT');
      files.delete(from);
      files.set(to, data);
    },
    delete: async (name) => void files.delete(name),
    list: async () => [...files.keys()],
  };
}

/** VS Code's Memento as a Map. */
export function memoryState(): KeyValueStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => void values.set(key, value) };
}

export interface EngineHarness {
  engine: ChatEngine;
  config: SettingsConfig;
  posts: HostMessage[];
  spend: SpendTracker;
  store: HistoryStore;
  fs: ReturnType<typeof memoryHistoryFs>;
  logger: ReturnType<typeof memoryLogger>;
  asked: string[];
  /** Posted messages of one type. */
  posted<T extends HostMessage['type']>(type: T): Extract<HostMessage, { type: T }>[];
}

/** Builds an engine against `fake`; `raw` are `grok.*` settings on top of `baseUrl: fake.url`. */
export function engineFor(fake: FakeXaiServer, raw: Record<string, unknown> = {}, overrides: Partial<Omit<EngineDeps, 'questions'>> & { questions?: Partial<EngineQuestions> } = {}): EngineHarness {
  const config = new SettingsConfig({ baseUrl: fake.url, ...raw });
  const { client } = clientFor(fake);
  const spend = new SpendTracker(memoryState());
  const fs = memoryHistoryFs();
  const store = new HistoryStore(fs);
  const logger = memoryLogger();
  const posts: HostMessage[] = [];
  const asked: string[] = [];
  let next = 1;
  const { questions, ...rest } = overrides;
  const engine = new ChatEngine({
    config,
    client: () => client,
    logger,
    spend,
    store,
    state: memoryState(),
    hasKey: async () => true,
    setModel: async (model) => config.update({ baseUrl: fake.url, ...raw, model }),
    chips: { items: () => ({ items: [], views: [] }), clearPinned: () => undefined },
    questions: {
      confirmBudget: async (m) => {
        asked.push(m);
        return false;
      },
      warn: (m) => void asked.push(m),
      ...questions,
    },
    workspaceName: () => 'demo',
    post: (m) => void posts.push(m),
    scrub: (t) => t.split(fake.key).join('[REDACTED]'),
    newId: () => `id-${next++}`,
    ...rest,
  });
  return { engine, config, posts, spend, store, fs, logger, asked, posted: (type) => posts.filter((p): p is Extract<HostMessage, { type: typeof type }> => p.type === type) };
}

/** The text of every message the fake server received in its `index`-th inference request. */
export function sentTexts(fake: FakeXaiServer, index: number): string[] {
  const inference = fake.requests.filter((r) => r.method === 'POST');
  const body = inference[index]?.body;
  return (body?.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
}
