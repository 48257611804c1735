/**
 * The editor commands' edit request (Refactor Selection, Fix with Grok) without the editor: the same
 * checks as a chat turn, one model call that must use `propose_edits`, and the proposal read from
 * the tool call (or, failing that, from diff blocks in the text) and limited to the one file asked
 * about. Nothing is written here; the adapter previews what comes back.
 */
import { combineProposals, extractProposals, parseProposeEditsArgs, PROPOSE_EDITS_TOOL_NAME, proposeEditsTool, type FileChange } from '../../edits';
import type { Config } from '../../configStore';
import type { Logger } from '../../log';
import { buildEditTaskMessages, type EditTaskInput } from '../../prompts/editTask';
import { templateId } from '../../prompts/template';
import { routeModel, type Task } from '../../router';
import type { ErrorAction, UsageView } from '../../../shared/protocol';
import type { SpendTracker } from '../spendTracker';
import type { EngineQuestions } from './deps';
import { runModelCall, type ModelClient } from './modelCall';
import { preflight } from './preflight';

export interface EditRequestDeps {
  config: Config;
  client: () => ModelClient;
  logger: Logger;
  spend: SpendTracker;
  hasKey: () => Promise<boolean>;
  questions: EngineQuestions;
  scrub: (text: string) => string;
}

export interface FileEditRequest extends EditTaskInput {
  task: Task;
}

/** How an edit request ended. `answer` is whatever text the model wrote, kept for the chat. */
export type EditRequestOutcome =
  | { kind: 'changes'; changes: FileChange[]; answer: string; usage?: UsageView }
  /** The model answered, but with no usable edit of the file (its text may still help). */
  | { kind: 'noEdit'; message: string; answer: string; usage?: UsageView }
  | { kind: 'error'; message: string; action?: ErrorAction }
  | { kind: 'cancelled' };

const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');

/** Asks for a structured edit of `request.path`; resolves with the proposal or why there is none. */
export async function requestFileEdit(deps: EditRequestDeps, request: FileEditRequest, signal: AbortSignal): Promise<EditRequestOutcome> {
  const refused = await preflight(deps);
  if (refused) return { kind: 'error', ...refused };
  const settings = deps.config.current;
  const route = routeModel({ task: request.task, hasImages: false, size: request.fileText.length }, settings);
  const result = await runModelCall(
    deps.client(),
    {
      model: route.model,
      messages: buildEditTaskMessages(request),
      tools: [proposeEditsTool()],
      toolChoice: { name: PROPOSE_EDITS_TOOL_NAME },
      maxOutputTokens: settings.maxOutputTokens,
    },
    signal,
    { onStart: (e) => deps.logger.info(`${request.task}: prompt ${templateId(request.template)}, model ${route.model} (${route.reason}), request ${e.requestId}`) },
    deps.scrub,
  );
  if (result.status === 'stopped') return { kind: 'cancelled' };
  if (result.status === 'error') return { kind: 'error', message: result.error?.message ?? 'The request failed.', action: result.error?.action };

  const calls = result.toolCalls.filter((c) => c.name === PROPOSE_EDITS_TOOL_NAME);
  const changes: FileChange[] = [];
  const problems: string[] = [];
  for (const call of calls) {
    const parsed = parseProposeEditsArgs(call.arguments);
    if (parsed.ok) changes.push(...parsed.files);
    else problems.push(parsed.error);
  }
  if (calls.length === 0) changes.push(...combineProposals(extractProposals(result.text).proposals));
  const answer = result.text;
  if (changes.length === 0) {
    const message = problems.length ? `Grok's edit could not be read: ${problems[0]}` : 'Grok answered without proposing an edit.';
    return { kind: 'noEdit', message, answer, usage: result.usage };
  }
  const kept = changes.filter((c) => norm(c.path) === norm(request.path));
  const dropped = changes.filter((c) => !kept.includes(c)).map((c) => c.path);
  if (dropped.length) deps.logger.warn(`${request.task}: ignored edits to other files (${dropped.join(', ')}); the request was limited to ${request.path}.`);
  if (kept.length === 0) {
    return { kind: 'noEdit', message: `Grok proposed edits to other files (${dropped.join(', ')}) instead of ${request.path}.`, answer, usage: result.usage };
  }
  return { kind: 'changes', changes: kept, answer, usage: result.usage };
}
