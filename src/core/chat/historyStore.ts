import * as z from 'zod';
import type { ConversationSummary } from '../../shared/protocol';
import { markInterrupted, summaryOf, type Conversation } from './conversation';

/** The few file operations the store needs; the VS Code adapter implements them over workspace.fs. */
export interface HistoryFs {
  /** File content, or undefined when the file does not exist. */
  read(name: string): Promise<string | undefined>;
  /** Writes atomically (temp file + rename) so a crash never leaves half a file. */
  write(name: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  delete(name: string): Promise<void>;
  list(): Promise<string[]>;
}

const turnSchema = z.looseObject({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  status: z.enum(['streaming', 'done', 'stopped', 'error', 'incomplete']),
  createdAt: z.number(),
});
const conversationSchema = z.looseObject({
  version: z.literal(1),
  id: z.string().min(1),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  turns: z.array(turnSchema),
});

const FILE = /^conversation-([A-Za-z0-9_-]+)\.json$/;
const fileOf = (id: string) => `conversation-${id}.json`;

export type LoadResult = { ok: true; conversation: Conversation } | { ok: false; missing: true } | { ok: false; missing: false; message: string };

/**
 * Conversations as one JSON file each. A file that cannot be read is set aside (renamed to
 * `*.unreadable-<time>.json`) with a message, never silently dropped or overwritten.
 */
export class HistoryStore {
  constructor(
    private readonly fs: HistoryFs,
    private readonly now: () => number = Date.now,
  ) {}

  async load(id: string): Promise<LoadResult> {
    const raw = await this.fs.read(fileOf(id));
    if (raw === undefined) return { ok: false, missing: true };
    const parsed = this.parse(raw);
    if (parsed) return { ok: true, conversation: markInterrupted(parsed) };
    const aside = await this.setAside(fileOf(id));
    return { ok: false, missing: false, message: `A saved conversation could not be read and was set aside as ${aside}.` };
  }

  async save(c: Conversation): Promise<void> {
    await this.fs.write(fileOf(c.id), JSON.stringify(c));
  }

  async delete(id: string): Promise<void> {
    await this.fs.delete(fileOf(id));
  }

  /** Summaries, newest first, and a message for each file that had to be set aside. */
  async list(): Promise<{ summaries: ConversationSummary[]; problems: string[] }> {
    const summaries: ConversationSummary[] = [];
    const problems: string[] = [];
    for (const name of await this.fs.list()) {
      if (!FILE.test(name)) continue;
      const raw = await this.fs.read(name);
      const parsed = raw === undefined ? undefined : this.parse(raw);
      if (parsed) summaries.push(summaryOf(parsed));
      else if (raw !== undefined) problems.push(`A saved conversation could not be read and was set aside as ${await this.setAside(name)}.`);
    }
    summaries.sort((a, b) => b.updatedAt - a.updatedAt);
    return { summaries, problems };
  }

  private parse(raw: string): Conversation | undefined {
    try {
      const result = conversationSchema.safeParse(JSON.parse(raw));
      return result.success ? (result.data as unknown as Conversation) : undefined;
    } catch {
      return undefined;
    }
  }

  private async setAside(name: string): Promise<string> {
    const aside = name.replace(/\.json$/, `.unreadable-${this.now()}.json`);
    await this.fs.rename(name, aside);
    return aside;
  }
}
