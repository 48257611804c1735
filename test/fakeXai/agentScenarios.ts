/**
 * Agent-mode scenarios: a "model" that works through a task over several requests. Each request
 * answers the next step of a script, chosen by how many tool-call rounds the conversation already
 * holds after the last user message, on both endpoints. `{{last}}` in a step's text becomes the
 * last tool result the request carried, so tests see what the model got.
 */
import type { ScenarioContext } from './context';
import { chunkText, usageFor, type AnswerScript } from './script';

/** One step: tool calls (arguments as objects, or raw text for invalid JSON), or a text answer. */
export type AgentStep = { calls: { name: string; args: unknown }[]; text?: string } | { text: string };

interface Item {
  role?: string;
  type?: string;
  content?: unknown;
  output?: unknown;
  tool_calls?: unknown[];
}

/** Tool-call rounds after the last user message, and the tool results the request carries. */
export function agentProgress(ctx: ScenarioContext): { rounds: number; outputs: string[] } {
  const items = ((ctx.endpoint === 'chat' ? ctx.body.messages : ctx.body.input) ?? []) as Item[];
  const lastUser = items.map((i) => i.role).lastIndexOf('user');
  let rounds = 0;
  let inRound = false;
  const outputs: string[] = [];
  for (const item of items.slice(lastUser + 1)) {
    const isCall = ctx.endpoint === 'chat' ? item.role === 'assistant' && Array.isArray(item.tool_calls) : item.type === 'function_call';
    if (isCall && !inRound) rounds++;
    inRound = isCall;
    if (item.role === 'tool') outputs.push(String(item.content));
    if (item.type === 'function_call_output') outputs.push(String(item.output));
  }
  return { rounds, outputs };
}

/** Streams step `rounds` of `steps` (the last step repeats once the script runs out). */
export function playAgentStep(ctx: ScenarioContext, steps: readonly AgentStep[]): Promise<void> {
  const { rounds, outputs } = agentProgress(ctx);
  const step = steps[Math.min(rounds, steps.length - 1)] as AgentStep;
  const last = outputs[outputs.length - 1] ?? '';
  const text = (step.text ?? '').replace('{{last}}', last).replace('{{all}}', outputs.join('\n---\n'));
  const script: AnswerScript = { model: ctx.served, text: text ? chunkText(text, 16) : [], usage: usageFor(200 + rounds * 50, text, '') };
  if ('calls' in step) {
    script.toolCalls = step.calls.map((c, i) => ({ id: `call_r${rounds}_${i}`, name: c.name, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) }));
    script.finish = 'tool_calls';
  }
  const { body, tail } = ctx.frames(script);
  // `contextWindow`: the window the server says the model has (to test long tasks near it).
  const headers = ctx.options.contextWindow ? { 'x-grok-context-window': String(ctx.options.contextWindow) } : undefined;
  return ctx.stream([...body, ...tail], { intervalMs: ctx.num('intervalMs', 0), headers });
}

const call = (name: string, args: unknown) => ({ calls: [{ name, args }] });

/**
 * Command lines the command scenarios run, by the `cmd` option (scenario options cannot hold spaces).
 * `fail` prints on both streams and exits 3; `slow` prints its pid and runs for a minute.
 */
export const SCENARIO_COMMANDS: Record<string, string> = {
  fail: `node -e "console.log('build output line'); console.error('error: 2 tests failed'); process.exit(3)"`,
  pass: `node -e "console.log('all 12 tests passed')"`,
  chained: 'echo cleaning && rm -rf build',
  slow: `node -e "console.log('pid=' + process.pid); setInterval(() => {}, 1000)"`,
  npmtest: 'npm test -- --grep math',
  outside: 'ls',
};

/** The scenarios, merged into SCENARIOS. Options come from `[scenario:NAME k=v]` or the queue. */
export const AGENT_SCENARIOS: Record<string, (ctx: ScenarioContext) => Promise<void>> = {
  /** list → search → read → propose an edit → final answer (quoting the edit's result). */
  'agent-task': (ctx) =>
    playAgentStep(ctx, [
      call('list_files', {}),
      call('search_text', { query: 'a - b' }),
      call('read_file', { path: 'src/math.ts' }),
      call('propose_edits', { files: [{ path: 'src/math.ts', edits: [{ search: 'return a - b;', replace: 'return a + b;' }] }] }),
      { text: 'Fixed add() in src/math.ts. Edit result: {{last}}' },
    ]),
  /** The same call forever: the repeat limit must stop it. */
  'agent-loop': (ctx) => playAgentStep(ctx, [call('read_file', { path: String(ctx.options.path ?? 'src/math.ts') })]),
  /** A different read each step, forever: the step limit must stop it. */
  'agent-steps': (ctx) => playAgentStep(ctx, [call('list_files', { max_results: agentProgress(ctx).rounds + 1 })]),
  /** A read without its path, then an answer quoting the error the tool sent back. */
  'agent-invalid': (ctx) => playAgentStep(ctx, [call('read_file', { start_line: 0 }), { text: 'The tool said: {{last}}' }]),
  /** Two reads in one response, then an answer quoting both results. */
  'agent-parallel': (ctx) =>
    playAgentStep(ctx, [{ calls: [{ name: 'read_file', args: { path: 'src/math.ts' } }, { name: 'list_files', args: { glob: '**/*.md' } }] }, { text: 'Both results:\n{{all}}' }]),
  /** A call written as JSON in the text instead of a tool call, then an answer quoting its result. */
  'agent-text-call': (ctx) =>
    playAgentStep(ctx, [
      { text: 'Let me read it.\n```json\n{"name": "read_file", "arguments": {"path": "src/math.ts"}}\n```' },
      { text: 'Read as text call: {{last}}' },
    ]),
  /** A read of a file outside the workspace (the `path` option), then an answer quoting the result. */
  'agent-outside': (ctx) => playAgentStep(ctx, [call('read_file', { path: String(ctx.options.path ?? '../outside.txt') }), { text: 'Outside read: {{last}}' }]),
  /** Reads big0.txt … big4.txt, one a step, then answers (long tasks near the window). */
  'agent-read-many': (ctx) => {
    const round = agentProgress(ctx).rounds;
    return playAgentStep(ctx, round < 5 ? [call('read_file', { path: `big${round}.txt` })] : [{ text: 'Read them all.' }]);
  },
  /** One run_command (`cmd` picks it from SCENARIO_COMMANDS, `cwd` and `timeout` pass through), then an answer quoting the result. */
  'agent-command': (ctx) => {
    const args: Record<string, unknown> = { command: SCENARIO_COMMANDS[String(ctx.options.cmd ?? 'fail')] ?? String(ctx.options.cmd) };
    if (ctx.options.cwd !== undefined) args.cwd = String(ctx.options.cwd);
    if (ctx.options.timeout !== undefined) args.timeout_seconds = Number(ctx.options.timeout);
    return playAgentStep(ctx, [call('run_command', args), { text: 'Command result: {{last}}' }]);
  },
  /** The failing command, then the passing one, then an answer quoting both results. */
  'agent-commands': (ctx) =>
    playAgentStep(ctx, [call('run_command', { command: SCENARIO_COMMANDS.fail }), call('run_command', { command: SCENARIO_COMMANDS.pass }), { text: 'Both runs:\n{{all}}' }]),
  /** npm test, npm test with arguments, npm run build: a grant of "npm test" covers only the first two. */
  'agent-npm': (ctx) =>
    playAgentStep(ctx, [
      call('run_command', { command: 'npm test' }),
      call('run_command', { command: 'npm test -- --grep math' }),
      call('run_command', { command: 'npm run build' }),
      { text: 'Ran npm three times.' },
    ]),
  /**
   * A task to undo: edits two files and creates one in one proposal, deletes a fourth with a
   * command, then answers.
   */
  'agent-undo-task': (ctx) =>
    playAgentStep(ctx, [
      call('propose_edits', {
        files: [
          { path: 'src/one.ts', edits: [{ search: 'one = 1', replace: 'one = 11' }] },
          { path: 'src/two.ts', edits: [{ search: 'two = 2', replace: 'two = 22' }] },
          { path: 'src/three.ts', content: 'export const three = 3;\n' },
        ],
      }),
      call('run_command', { command: `node -e "require('fs').unlinkSync('old.txt')"` }),
      { text: 'Done: edited two files, created one, deleted old.txt.' },
    ]),
  /** An edit proposal, then an answer quoting what the user decided (approval and Deny paths). */
  'agent-edit': (ctx) =>
    playAgentStep(ctx, [
      call('propose_edits', { files: [{ path: 'src/math.ts', edits: [{ search: 'return a - b;', replace: 'return a + b;' }] }] }),
      { text: 'After the edit: {{last}}' },
    ]),
};
