/**
 * The agent's toolbox: what the conversation engine calls between model calls in agent mode. Each
 * call is validated (zod; a bad call becomes an error result for the model), checked against the
 * limits (the same call three times in a row stops the task), approved (per kind: `ask` or `auto`;
 * paths through the safety classifier; "Allow for this task" grants the rest of the task), run
 * through the host, redacted, and shown as a card in the answer that streams its status.
 */
import type { AssistantToolCall, ToolSpec } from '../api';
import type { ToolResult, ToolRunOutcome, Toolbox } from '../chat/engine/deps';
import type { StoredToolCard, StoredTurn } from '../chat/storedFormat';
import type { Logger } from '../log';
import type { PathCheck } from '../safety';
import type { HostMessage } from '../../shared/protocol';
import { PendingApprovals, type Decision } from './approvals';
import { readVerdict } from './pathPolicy';
import { AGENT_SYSTEM_NOTE } from './systemNote';
import { toolCallsInText } from './textCalls';
import { cleanPath, resolveInWorkspace } from '../safety/workspacePath';
import { BUILTIN_TOOLS, parseToolArgs, toolSpec, type AgentTool, type CardDetail, type ToolKind, type WorkspaceTools } from './tools';

/** The same call (tool and arguments) this many times in a row stops the task. */
export const REPEAT_LIMIT = 3;
/** Most characters of one tool result sent to the model (read_file stops well before). */
const MAX_RESULT_CHARS = 210_000;
/** Most characters of a result kept on its card (the model got all of it). */
const CARD_RESULT_CHARS = 8_000;
/** Live output on a running card is posted at most this often. */
const PROGRESS_INTERVAL_MS = 250;

/** What a tool that may write is about to change: the files an edit names, or anything (a command). */
export type WriteScope = { kind: 'edit'; paths: string[] } | { kind: 'command' };

/**
 * Checkpoints for Undo Task. `before` runs before a tool that may write; the function it returns
 * runs after it and says how many files the task has changed so far (for the task's Undo button).
 */
export interface TaskWrites {
  before(turnId: string, scope: WriteScope): Promise<() => Promise<{ files: number } | undefined>>;
}

/** Whether a kind runs without asking (`command` is read by run_command's judge, which decides itself). */
export interface ApprovalSettings {
  read: 'auto' | 'ask';
  edit: 'auto' | 'ask';
  command?: 'auto' | 'ask';
}

export interface AgentToolboxDeps {
  host: WorkspaceTools;
  /** The tools offered; default the built-in ones (run_command is added here by its owner). */
  tools?: readonly AgentTool[];
  approvals: () => ApprovalSettings;
  /** The safety path classifier (classifyPath with the node file system, in the extension). */
  classify: (roots: readonly string[], path: string) => Promise<PathCheck>;
  /** Removes secrets from a tool's output; `path` turns on whole-value redaction for .env files. */
  redact: (text: string, path?: string) => string;
  post: (message: HostMessage) => void;
  logger: Logger;
  /** Checkpoints before writes (Undo Task); none: tasks cannot be undone. */
  writes?: TaskWrites;
  now?: () => number;
}

/** What one task (one answer) remembers between its steps. */
interface TaskState {
  /** Approval categories the user allowed for the rest of the task. */
  allowed: Set<string>;
  /** What tools' judges were granted for the rest of the task (command prefixes). */
  grants: string[];
  lastSignature?: string;
  repeats: number;
}

/** A call that passed validation and approval, ready to run. */
interface Ready {
  call: AssistantToolCall;
  tool: AgentTool;
  args: unknown;
  card: StoredToolCard;
  resolved: Map<string, string>;
  decision: 'auto' | 'allowed';
  redactPath?: string;
}

export class AgentToolbox implements Toolbox {
  private readonly tools: readonly AgentTool[];
  private readonly pending = new PendingApprovals();
  private readonly tasks = new WeakMap<StoredTurn, TaskState>();
  private readonly now: () => number;

  constructor(private readonly deps: AgentToolboxDeps) {
    this.tools = deps.tools ?? BUILTIN_TOOLS;
    this.now = deps.now ?? Date.now;
  }

  specs(): ToolSpec[] {
    return this.tools.map(toolSpec);
  }

  systemNote(): string {
    return AGENT_SYSTEM_NOTE;
  }

  textCalls(text: string): AssistantToolCall[] {
    return toolCallsInText(text, this.tools.map((t) => t.name));
  }

  /** An approval card's answer; false when that card waits for nothing. */
  decide(cardId: string, decision: Decision): boolean {
    return this.pending.decide(cardId, decision);
  }

  async run(calls: AssistantToolCall[], turn: StoredTurn, signal: AbortSignal, info: { requestId?: string } = {}): Promise<ToolRunOutcome> {
    const task = this.tasks.get(turn) ?? { allowed: new Set<string>(), grants: [], repeats: 0 };
    this.tasks.set(turn, task);
    const results = new Map<string, ToolResult>();
    const ready: Ready[] = [];
    const finish = (card: StoredToolCard, status: StoredToolCard['status'], content: string, started: number): void => {
      card.status = status;
      card.durationMs = this.now() - started;
      card.result = forCard(content);
      delete card.question;
      this.postCard(turn, card);
    };

    for (const call of calls) {
      if (signal.aborted) return undefined;
      const started = this.now();
      const tool = this.tools.find((t) => t.name === call.name);
      const parsed = tool ? parseToolArgs(tool, call.arguments) : undefined;
      const card: StoredToolCard = { id: `${turn.id}/${call.id}`, tool: call.name, arg: this.deps.redact(keyArgOf(tool, parsed, call.arguments)), status: 'running' };
      (turn.toolCards ??= []).push(card);

      const signature = `${call.name}\u0000${parsed?.ok ? stableJson(parsed.value) : call.arguments}`;
      task.repeats = signature === task.lastSignature ? task.repeats + 1 : 1;
      task.lastSignature = signature;
      if (task.repeats >= REPEAT_LIMIT) {
        const stop = `Stopped: Grok called ${call.name} with the same arguments ${REPEAT_LIMIT} times in a row. Send a message to go on.`;
        finish(card, 'failed', 'Not run: the same call was made again.', started);
        this.audit(info, call, 'repeat', started, 0);
        return { stop, results: await this.execute(ready, results, turn, signal, info).then(() => inOrder(calls, results)) };
      }

      if (!tool || !parsed || !parsed.ok) {
        const content = tool
          ? `Error: invalid arguments for ${call.name}: ${parsed && !parsed.ok ? parsed.error : 'unreadable'}. Fix them and call again.`
          : `Error: there is no tool named ${JSON.stringify(call.name)}. Available: ${this.tools.map((t) => t.name).join(', ')}.`;
        results.set(call.id, { toolCallId: call.id, content });
        finish(card, 'failed', content, started);
        this.audit(info, call, 'invalid', started, content.length);
        continue;
      }

      const gate = await this.gate(tool, parsed.value, task);
      if (gate.kind === 'error' || gate.kind === 'deny') {
        const content = gate.kind === 'error' ? `Error: ${gate.message}` : `Not run: ${gate.message}`;
        results.set(call.id, { toolCallId: call.id, content });
        finish(card, gate.kind === 'error' ? 'failed' : 'denied', content, started);
        this.audit(info, call, gate.kind === 'error' ? 'invalid' : 'denied', started, content.length);
        continue;
      }
      let decision: Ready['decision'] = 'auto';
      if (gate.kind === 'ask') {
        card.status = 'waiting';
        card.question = gate.question;
        if (gate.details?.length) card.details = gate.details;
        if (gate.grants?.length === 0) card.noTaskGrant = true;
        this.postCard(turn, card);
        const answer = await this.pending.wait(card.id, signal);
        if (signal.aborted) {
          finish(card, 'failed', 'Stopped.', started);
          return undefined;
        }
        if (answer === 'deny') {
          const content = 'Denied by the user. Do not retry this call; go on without it, or ask the user.';
          results.set(call.id, { toolCallId: call.id, content });
          finish(card, 'denied', 'Denied by the user.', started);
          this.audit(info, call, 'denied', started, content.length);
          continue;
        }
        if (answer === 'allowTask' && gate.grants) task.grants.push(...gate.grants);
        else if (answer === 'allowTask') task.allowed.add(gate.category);
        decision = 'allowed';
        delete card.question;
        delete card.noTaskGrant;
      }
      card.status = 'running';
      ready.push({ call, tool, args: parsed.value, card, resolved: gate.resolved, decision, redactPath: gate.resolved.values().next().value });
    }
    await this.execute(ready, results, turn, signal, info);
    return signal.aborted ? undefined : inOrder(calls, results);
  }

  /** Runs the approved calls side by side (parallel calls stay parallel); Stop ends them at once. */
  private async execute(ready: Ready[], results: Map<string, ToolResult>, turn: StoredTurn, signal: AbortSignal, info: { requestId?: string }): Promise<void> {
    await Promise.all(
      ready.map(async (r) => {
        const started = this.now();
        this.postCard(turn, r.card);
        let content: string;
        let failed = false;
        const live = this.liveOutput(turn, r.card, r.tool.cardKeepsAll);
        const afterWrite = await this.beforeWrite(turn, r);
        try {
          const out = await untilAborted(
            r.tool.execute(r.args, {
              host: this.deps.host,
              signal,
              resolve: (p) => r.resolved.get(p) ?? p,
              autoEdits: r.tool.kind === 'edit' && this.deps.approvals().edit === 'auto',
              toolCallId: r.call.id,
              turnId: turn.id,
              progress: live.update,
            }),
            signal,
          );
          content = out.content;
          failed = out.isError === true;
        } catch (error) {
          content = signal.aborted ? 'Stopped.' : `Error: ${error instanceof Error ? error.message : String(error)}`;
          failed = true;
        } finally {
          live.end();
        }
        await this.afterWrite(turn, afterWrite);
        content = this.deps.redact(content.length > MAX_RESULT_CHARS ? `${content.slice(0, MAX_RESULT_CHARS)}\n[Output cut at ${MAX_RESULT_CHARS} characters.]` : content, r.redactPath);
        results.set(r.call.id, { toolCallId: r.call.id, content });
        r.card.status = failed ? 'failed' : 'done';
        r.card.durationMs = this.now() - started;
        r.card.result = forCard(content, r.tool.cardKeepsAll);
        this.postCard(turn, r.card);
        this.audit(info, r.call, r.decision, started, content.length, failed);
      }),
    );
  }

  /** Posts a running card's output as it comes, redacted, at most every {@link PROGRESS_INTERVAL_MS}. */
  private liveOutput(turn: StoredTurn, card: StoredToolCard, keepAll = false): { update: (text: string) => void; end: () => void } {
    let latest: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    const flush = (): void => {
      timer = undefined;
      if (ended || latest === undefined) return;
      card.result = forCard(this.deps.redact(latest), keepAll);
      this.postCard(turn, card);
    };
    return {
      update: (text) => {
        latest = text;
        timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
      },
      end: () => {
        ended = true;
        if (timer) clearTimeout(timer);
      },
    };
  }

  /** Takes the checkpoint before a tool that may write; never stops the tool (a failure is logged). */
  private async beforeWrite(turn: StoredTurn, r: Ready): Promise<(() => Promise<{ files: number } | undefined>) | undefined> {
    const writes = this.deps.writes;
    if (!writes || (r.tool.kind !== 'edit' && r.tool.kind !== 'command')) return undefined;
    const roots = this.deps.host.roots();
    const scope: WriteScope =
      r.tool.kind === 'command' ? { kind: 'command' } : { kind: 'edit', paths: (r.tool.paths?.(r.args) ?? []).map((p) => r.resolved.get(p) ?? resolveInWorkspace(roots, cleanPath(p))) };
    try {
      return await writes.before(turn.id, scope);
    } catch (error) {
      this.deps.logger.warn(`Checkpoint before ${r.call.name} failed (Undo Task will not cover it): ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private async afterWrite(turn: StoredTurn, after: (() => Promise<{ files: number } | undefined>) | undefined): Promise<void> {
    if (!after) return;
    try {
      const undo = await after();
      if (!undo || undo.files === 0) return;
      turn.taskUndo = { files: undo.files };
      this.deps.post({ type: 'taskUndo', turnId: turn.id, undo: { ...turn.taskUndo } });
    } catch (error) {
      this.deps.logger.warn(`Checkpoint after a write failed (Undo Task will not cover it): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Whether a validated call may run: at once, after a question, never (a judge said no), or not at all (a bad path). */
  private async gate(
    tool: AgentTool,
    args: unknown,
    task: TaskState,
  ): Promise<
    | { kind: 'ok'; resolved: Map<string, string> }
    | { kind: 'ask'; resolved: Map<string, string>; question: string; category: string; details?: CardDetail[]; grants?: string[] }
    | { kind: 'deny'; message: string }
    | { kind: 'error'; message: string }
  > {
    const resolved = new Map<string, string>();
    const questions: { category: string; question: string }[] = [];
    const roots = this.deps.host.roots();
    // Edits are checked by the edit flow itself (it asks by modal for sensitive or outside paths).
    if (tool.kind !== 'edit') {
      for (const path of tool.paths?.(args) ?? []) {
        const verdict = readVerdict(path, await this.deps.classify(roots, path));
        if (verdict.kind === 'error') return { kind: 'error', message: verdict.message };
        resolved.set(path, verdict.absolutePath);
        if (verdict.kind === 'ask' && !task.allowed.has(`path:${verdict.category}`)) questions.push({ category: `path:${verdict.category}`, question: verdict.question });
      }
    }
    // A tool with a judge (run_command) decides itself; the others follow their kind's setting.
    const judged = await tool.judge?.(args, { grants: task.grants });
    if (judged?.decision === 'deny') return { kind: 'deny', message: judged.reason ?? 'refused by the safety rules.' };
    if (judged?.decision === 'ask') questions.push({ category: `kind:${tool.kind}`, question: judged.reason ?? `Allow Grok to ${verbOf(tool.kind)}?` });
    else if (!judged && this.policyOf(tool.kind) === 'ask' && tool.kind !== 'edit' && !task.allowed.has(`kind:${tool.kind}`)) {
      questions.push({ category: `kind:${tool.kind}`, question: `Allow Grok to ${verbOf(tool.kind)}?` });
    }
    const first = questions[0];
    if (!first) return { kind: 'ok', resolved };
    const grants = judged?.decision === 'ask' ? (judged.grants ?? []) : undefined;
    return { kind: 'ask', resolved, question: questions.map((q) => q.question).join(' '), category: first.category, details: judged?.details, grants };
  }

  private policyOf(kind: ToolKind): 'auto' | 'ask' {
    const settings = this.deps.approvals();
    return kind === 'read' ? settings.read : kind === 'edit' ? settings.edit : (settings.command ?? 'ask');
  }

  private postCard(turn: StoredTurn, card: StoredToolCard): void {
    this.deps.post({ type: 'toolCard', turnId: turn.id, card: { ...card } });
  }

  /** One log line per call: request id, redacted arguments, decision, duration, result size. */
  private audit(info: { requestId?: string }, call: AssistantToolCall, decision: string, started: number, size: number, failed = false): void {
    const args = this.deps.redact(call.arguments.length > 300 ? `${call.arguments.slice(0, 300)}…` : call.arguments);
    this.deps.logger.info(
      `agent tool ${call.name} call=${call.id} request-id=${info.requestId ?? 'none'} args=${args} decision=${decision} duration=${this.now() - started}ms result=${size} chars${failed ? ' (failed)' : ''}`,
    );
  }
}

/** A result as its card keeps it: capped (the model got all of it). */
function forCard(content: string, keepAll = false): string {
  if (keepAll || content.length <= CARD_RESULT_CHARS) return content;
  return `${content.slice(0, CARD_RESULT_CHARS)}\n[… ${content.length - CARD_RESULT_CHARS} more characters went to the model]`;
}

function verbOf(kind: ToolKind): string {
  return kind === 'read' ? 'read the workspace' : kind === 'edit' ? 'change files' : 'run this command';
}

/** The card's key argument: from the validated arguments, else the raw text (cut). */
function keyArgOf(tool: AgentTool | undefined, parsed: ReturnType<typeof parseToolArgs> | undefined, raw: string): string {
  if (tool && parsed?.ok) return tool.keyArg(parsed.value);
  return raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` are the same call. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function inOrder(calls: AssistantToolCall[], results: Map<string, ToolResult>): ToolResult[] {
  return calls.flatMap((c) => {
    const r = results.get(c.id);
    return r ? [r] : [];
  });
}

/** `promise`, or a rejection as soon as `signal` aborts (the tool's own work is cancelled through the same signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('stopped'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('stopped'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
