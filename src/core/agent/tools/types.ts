/**
 * The shape of an agent tool and of the host that runs it. A tool is one zod schema (the single
 * source of its JSON Schema and of argument validation), a kind that decides its approval, and an
 * `execute` that talks only to {@link WorkspaceTools}: the VS Code adapter implements that
 * interface, unit tests pass a fake.
 */
import type * as z from 'zod';
import type { FileChange } from '../../edits/types';

/** What a tool does, for approvals: reads the workspace, changes files, or runs a command. */
export type ToolKind = 'read' | 'edit' | 'command';

/** A file as the host read it: an open editor's text (unsaved changes win), or the bytes on disk. */
export type FileRead =
  | { kind: 'editor'; text: string }
  | { kind: 'disk'; bytes: Uint8Array; size: number }
  | { kind: 'missing' }
  | { kind: 'directory' }
  /** Bigger than the host is willing to load at all. */
  | { kind: 'tooLarge'; size: number };

/** One search hit: a workspace-relative path, a 1-based line, and that line's text. */
export interface TextMatch {
  path: string;
  line: number;
  text: string;
}

/** A bounded list and whether it was cut. */
export interface Bounded<T> {
  items: T[];
  truncated: boolean;
}

/** A workspace symbol from the language providers. */
export interface SymbolHit {
  name: string;
  kind: string;
  path: string;
  line: number;
  container?: string;
}

/** A problem from the Problems view. */
export interface DiagnosticHit {
  path: string;
  line: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  source?: string;
}

/** What the agent's tools need from the editor. Every call may be cancelled through `signal`. */
export interface WorkspaceTools {
  /** Absolute paths of the workspace folders. */
  roots(): readonly string[];
  readFile(absolutePath: string, signal: AbortSignal): Promise<FileRead>;
  /** Workspace-relative paths under `base` (absolute; default all folders), honouring the ignores. */
  listFiles(query: { base?: string; glob?: string; max: number }, signal: AbortSignal): Promise<Bounded<string>>;
  searchText(query: { query: string; isRegex: boolean; glob?: string; max: number }, signal: AbortSignal): Promise<Bounded<TextMatch>>;
  findSymbols(query: string, max: number, signal: AbortSignal): Promise<Bounded<SymbolHit>>;
  /** Problems of one file (absolute path) or of the whole workspace. */
  diagnostics(absolutePath: string | undefined, max: number): Promise<Bounded<DiagnosticHit>>;
  /**
   * Shows proposed edits and resolves with what became of them, in words for the model: previewed
   * and decided by the user (`auto` false), or applied at once (`auto` true; the safety code still
   * asks for sensitive files).
   */
  proposeEdits(files: FileChange[], options: { auto: boolean; toolCallId: string; turnId: string }, signal: AbortSignal): Promise<string>;
}

/** What a tool hands back: text for the model (redacted by the toolbox before it is sent). */
export interface ToolOutput {
  content: string;
  /** The call failed (bad path, missing file…): the card shows it as failed. */
  isError?: boolean;
}

/** What `execute` gets besides its arguments. */
export interface ToolContext {
  host: WorkspaceTools;
  signal: AbortSignal;
  /** The absolute path an argument path resolved to (checked by the toolbox before the call). */
  resolve(path: string): string;
  /** Whether edits go through without a preview (the user allowed automatic edits). */
  autoEdits: boolean;
  toolCallId: string;
  turnId: string;
  /** Shows output so far on the tool's card while it runs (redacted and throttled by the toolbox). */
  progress(text: string): void;
}

/** One fact an approval card shows next to its question (the command, its folder, the part that asks). */
export interface CardDetail {
  label: string;
  value: string;
}

/** A tool's own say on one call's approval (see {@link AgentTool.judge}). */
export interface JudgeVerdict {
  decision: 'auto' | 'ask' | 'deny';
  /** Why it asks or refuses: the approval card's question, or the refusal sent to the model. */
  reason?: string;
  /** What "Allow for this task" grants (command prefixes such as `npm test`); none: the button is not offered. */
  grants?: string[];
  details?: CardDetail[];
}

/**
 * One agent tool. `keyArg` is what its card shows (a path, a query); `paths` lists the paths the
 * call touches, each checked with the safety path classifier before it runs.
 */
export interface AgentTool<A = unknown> {
  name: string;
  description: string;
  kind: ToolKind;
  schema: z.ZodType<A>;
  /** The JSON Schema sent to the model when the schema cannot say it itself (a preprocessing step); default: from `schema`. */
  parameters?: Record<string, unknown>;
  keyArg(args: A): string;
  paths?(args: A): string[];
  /**
   * The call's approval, in place of its kind's setting: `auto` lets it run, `ask` asks, `deny`
   * refuses with the reason (sent to the model). `task.grants` are what the user allowed for this
   * task so far. `run_command`'s command judge.
   */
  judge?(args: A, task: { grants: readonly string[] }): Promise<JudgeVerdict>;
  /** The card keeps the whole result (the tool bounds it itself), so card and model show the same text. */
  cardKeepsAll?: boolean;
  execute(args: A, ctx: ToolContext): Promise<ToolOutput>;
}

/** Erases a tool's argument type so tools of different arguments share one list. */
export function defineTool<A>(tool: AgentTool<A>): AgentTool<unknown> {
  return tool as unknown as AgentTool<unknown>;
}
