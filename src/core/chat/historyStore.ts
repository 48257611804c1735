import type { ConversationSummary } from '../../shared/protocol';
import { markInterrupted, summaryOf, type Conversation } from './conversation';
import { readStored, type ReadResult } from './storedFormat';

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

const FILE = /^conversation-([A-Za-z0-9_-]+)\.json$/;
const fileOf = (id: string) => `conversation-${id}.json`;

export type LoadResult = { ok: true; conversation: Conversation } | { ok: false; missing: true } | { ok: false; missing: false; message: string };

const UNREADABLE = (aside: string) => `A saved conversation could not be read and was set aside as ${aside}.`;
const NEWER = 'A saved conversation was written by a newer version of Grok Code Assistant; it is left as it is.';

/**
 * Conversations as one JSON file each, in the format of ./storedFormat (older versions are migrated
 * on load). A file that cannot be read is set aside (renamed to `*.unreadable-<time>.json`) with a
 * message, never silently dropped or overwritten; a file from a newer release is left untouched.
 */
export class HistoryStore {
  /** Files from a newer release already reported in this window. */
  private readonly reportedNewer = new Set<string>();

  constructor(
    private readonly fs: HistoryFs,
    private readonly now: () => number = Date.now,
  ) {}

  async load(id: string): Promise<LoadResult> {
    const raw = await this.fs.read(fileOf(id));
    if (raw === undefined) return { ok: false, missing: true };
    const parsed = this.parse(raw);
    if (parsed.ok) return { ok: true, conversation: markInterrupted(parsed.conversation) };
    if (parsed.newer) return { ok: false, missing: false, message: NEWER };
    return { ok: false, missing: false, message: UNREADABLE(await this.setAside(fileOf(id))) };
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
      if (raw === undefined) continue;
      const parsed = this.parse(raw);
      if (parsed.ok) summaries.push(summaryOf(parsed.conversation));
      else if (!parsed.newer) problems.push(UNREADABLE(await this.setAside(name)));
      else if (!this.reportedNewer.has(name)) {
        // Once per window: the history is listed again after every answer.
        this.reportedNewer.add(name);
        problems.push(NEWER);
      }
    }
    summaries.sort((a, b) => b.updatedAt - a.updatedAt);
    return { summaries, problems };
  }

  private parse(raw: string): ReadResult {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, newer: false, why: 'not JSON' };
    }
    return readStored(json);
  }

  private async setAside(name: string): Promise<string> {
    const aside = name.replace(/\.json$/, `.unreadable-${this.now()}.json`);
    await this.fs.rename(name, aside);
    return aside;
  }
}
