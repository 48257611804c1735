/**
 * run_command in the agent loop, against the fake xAI server on both endpoints: what the model and
 * the card get, the command judge's approvals (per segment, task grants, the dangerous list on
 * auto), the folder check, live output, and Stop. The host that runs commands is a fake here (the
 * real one is tested in the extension host and the real workbench).
 */
import { strict as assert } from 'node:assert';
import type { CommandHost, CommandRun } from '../../../src/core/agent/tools/commandTool';
import { runCommandTool, STARTING } from '../../../src/core/agent/tools/commandTool';
import { BUILTIN_TOOLS } from '../../../src/core/agent/tools';
import { judgeAgentCommand, type CommandPolicy } from '../../../src/core/commands/agentJudge';
import { nodePathFs } from '../../../src/core/safety';
import { SCENARIO_COMMANDS } from '../../fakeXai/agentScenarios';
import { useFakeServer } from '../api/helpers';
import { testParser } from '../commands/loadParser';
import { ROOT, agentFor, sentToolResults } from './fakeHost';

interface Ran {
  command: string;
  cwd?: string;
  timeoutSeconds?: number;
}

/** A command host whose judge is the real one (bash grammar, settings) and whose runs are scripted. */
function commandHost(policy: Partial<CommandPolicy>, script: (r: Ran, signal: AbortSignal, out: (chunk: string) => void) => Promise<Partial<CommandRun>>) {
  const ran: Ran[] = [];
  const host: CommandHost = {
    judge: (command, cwd, grants) =>
      judgeAgentCommand(command, cwd, grants, { parser: testParser, policy: () => ({ mode: 'ask', allowPrefixes: [], shell: 'posix', ...policy }), roots: () => [ROOT], fs: nodePathFs }),
    async run(request, signal, onOutput) {
      ran.push({ command: request.command, cwd: request.cwd, timeoutSeconds: request.timeoutSeconds });
      const result = await script(request, signal, onOutput);
      return { exitCode: 0, output: '', timedOut: false, stopped: false, folder: '.', timeoutSeconds: request.timeoutSeconds ?? 120, via: 'childProcess', ...result };
    },
  };
  return { host, ran, tools: [...BUILTIN_TOOLS, runCommandTool(host)] };
}

for (const api of ['chat', 'responses'] as const) {
  describe(`agent run_command (${api})`, () => {
    const server = useFakeServer();

    it('output and a non-zero exit code reach the model, and the card shows the same text', async () => {
      const fake = server.get();
      const c = commandHost({ mode: 'auto' }, async () => ({ exitCode: 3, output: 'build output line\nerror: 2 tests failed\n' }));
      const h = agentFor(fake, { api }, { tools: c.tools });
      await h.engine.send('[scenario:agent-command cmd=fail] run the tests');
      assert.deepEqual(c.ran.map((r) => r.command), [SCENARIO_COMMANDS.fail]);
      const sent = sentToolResults(fake, 1)[0]!;
      assert.equal(sent, 'Exit code 3 (ran in .).\nbuild output line\nerror: 2 tests failed');
      const card = h.cards()[0]!;
      assert.equal(card.status, 'failed');
      assert.equal(card.result, sent, 'the card shows what the model got');
      assert.equal(card.arg, SCENARIO_COMMANDS.fail);
      assert.match(h.engine.lastTurn()!.text, /^Command result: Exit code 3/);
    });

    it('commands ask by default: the card shows the command and its folder; Allow runs it', async () => {
      const fake = server.get();
      const c = commandHost({}, async () => ({ output: 'all 12 tests passed\n' }));
      const h = agentFor(fake, { api }, { tools: c.tools, onCard: (card, tb) => card.status === 'waiting' && tb.decide(card.id, 'allow') });
      await h.engine.send('[scenario:agent-command cmd=npmtest cwd=src] run');
      const waiting = h.posted('toolCard').find((m) => m.card.status === 'waiting')!.card;
      assert.deepEqual(waiting.details, [
        { label: 'Command', value: SCENARIO_COMMANDS.npmtest },
        { label: 'Folder', value: 'src' },
      ]);
      assert.match(waiting.question ?? '', /is not in your allowed commands/);
      assert.equal(waiting.noTaskGrant, undefined, '"Allow for this task" is offered');
      assert.equal(c.ran.length, 1);
      assert.equal(h.cards()[0]!.status, 'done');
    });

    it('Deny: nothing runs and the model is told', async () => {
      const fake = server.get();
      const c = commandHost({}, async () => ({}));
      const h = agentFor(fake, { api }, { tools: c.tools, onCard: (card, tb) => card.status === 'waiting' && tb.decide(card.id, 'deny') });
      await h.engine.send('[scenario:agent-command cmd=pass] run');
      assert.equal(c.ran.length, 0);
      assert.match(sentToolResults(fake, 1)[0]!, /^Denied by the user\./);
    });

    it('a chained command whose second part is dangerous asks even on auto, names that part, and cannot be granted for the task', async () => {
      const fake = server.get();
      const c = commandHost({ mode: 'auto' }, async () => ({}));
      const h = agentFor(fake, { api }, { tools: c.tools, onCard: (card, tb) => card.status === 'waiting' && tb.decide(card.id, 'deny') });
      await h.engine.send('[scenario:agent-command cmd=chained] clean');
      const waiting = h.posted('toolCard').find((m) => m.card.status === 'waiting')!.card;
      assert.deepEqual(waiting.details?.at(-1), { label: 'Asks because of', value: 'rm -rf build' });
      assert.match(waiting.question ?? '', /rm -rf build.*This always asks\./);
      assert.equal(waiting.noTaskGrant, true);
      assert.equal(c.ran.length, 0);
    });

    it('an allowed prefix runs without asking', async () => {
      const fake = server.get();
      let asked = 0;
      const c = commandHost({ allowPrefixes: ['npm test'] }, async () => ({ output: 'ok' }));
      const h = agentFor(fake, { api }, { tools: c.tools, onCard: (card, tb) => card.status === 'waiting' && (asked++, tb.decide(card.id, 'deny')) });
      await h.engine.send('[scenario:agent-command cmd=npmtest] test');
      assert.equal(asked, 0, 'npm test -- --grep math matches the allowed prefix "npm test"');
      assert.equal(c.ran.length, 1);
    });

    it('"Allow for this task" grants the command and subcommand only, for this task only', async () => {
      const fake = server.get();
      const questions: string[] = [];
      const c = commandHost({}, async () => ({ output: 'ok' }));
      const h = agentFor(fake, { api }, { tools: c.tools, onCard: (card, tb) => card.status === 'waiting' && (questions.push(card.arg), tb.decide(card.id, 'allowTask')) });
      await h.engine.send('[scenario:agent-npm] test and build');
      assert.deepEqual(questions, ['npm test', 'npm run build'], '"npm test" covered "npm test -- --grep math", not "npm run build"');
      assert.equal(c.ran.length, 3);
      await h.engine.send('[scenario:agent-command cmd=npmtest] again');
      assert.deepEqual(questions.at(-1), SCENARIO_COMMANDS.npmtest, 'a new task asks again');
    });

    it('an interpreter running inline code is never granted for the task: each run asks', async () => {
      const fake = server.get();
      const waiting: boolean[] = [];
      const c = commandHost({}, async () => ({ output: 'ok' }));
      const h = agentFor(fake, { api }, { tools: c.tools, onCard: (card, tb) => card.status === 'waiting' && (waiting.push(card.noTaskGrant === true), tb.decide(card.id, 'allowTask')) });
      await h.engine.send('[scenario:agent-commands] run both');
      assert.deepEqual(waiting, [true, true], 'two node -e runs, two questions, no task grant offered');
      assert.equal(c.ran.length, 2);
    });

    it('a folder outside the workspace is refused before anything runs', async () => {
      const fake = server.get();
      const c = commandHost({ mode: 'auto' }, async () => ({}));
      const h = agentFor(fake, { api }, { tools: c.tools });
      await h.engine.send('[scenario:agent-command cmd=outside cwd=../..] list');
      assert.equal(c.ran.length, 0);
      assert.match(sentToolResults(fake, 1)[0]!, /^Not run: The command's folder must be inside the workspace/);
      assert.equal(h.cards()[0]!.status, 'denied');
    });

    it('output shows on the running card before the command ends, redacted', async () => {
      const fake = server.get();
      const c = commandHost({ mode: 'auto' }, async (_r, _s, out) => {
        out('compiling…\nAPI_TOKEN=sk-live-0123456789abcdef0123456789abcdef\n');
        await new Promise((r) => setTimeout(r, 400));
        out('done\n');
        return { output: 'compiling…\ndone\n' };
      });
      const h = agentFor(fake, { api }, { tools: c.tools });
      await h.engine.send('[scenario:agent-command cmd=pass] build');
      const live = h.posted('toolCard').filter((m) => m.card.status === 'running' && m.card.result !== undefined && m.card.result !== STARTING);
      assert.ok(live.length >= 1, 'a running card carried output');
      assert.match(live[0]!.card.result!, /^compiling…\n/);
      assert.doesNotMatch(live[0]!.card.result!, /sk-live-0123/);
      assert.equal(h.cards()[0]!.status, 'done');
    });

    it('a command that has printed nothing yet says it is starting on its card', async () => {
      const fake = server.get();
      const c = commandHost({ mode: 'auto' }, async () => {
        await new Promise((r) => setTimeout(r, 400));
        return { output: 'late\n' };
      });
      const h = agentFor(fake, { api }, { tools: c.tools });
      await h.engine.send('[scenario:agent-command cmd=pass] build');
      assert.ok(h.posted('toolCard').some((m) => m.card.status === 'running' && m.card.result === STARTING));
      assert.equal(h.cards()[0]!.result, 'Exit code 0 (ran in .).\nlate');
    });

    it('Stop during a command ends it and the task at once; no model call follows', async () => {
      const fake = server.get();
      let aborted = false;
      const c = commandHost({ mode: 'auto' }, (_r, signal) => new Promise((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve({ stopped: true })))));
      const h = agentFor(fake, { api }, { tools: c.tools, onCard: (card) => card.status === 'running' && setTimeout(() => h.engine.stop(), 20) });
      await h.engine.send('[scenario:agent-command cmd=slow] serve');
      assert.ok(aborted, 'the host saw Stop');
      assert.equal(h.engine.lastTurn()!.status, 'stopped');
      assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
    });

    it('timeout_seconds reaches the host, and a timeout is reported to the model', async () => {
      const fake = server.get();
      const c = commandHost({ mode: 'auto' }, async () => ({ timedOut: true, exitCode: undefined, output: 'pid=42\n', timeoutSeconds: 2 }));
      const h = agentFor(fake, { api }, { tools: c.tools });
      await h.engine.send('[scenario:agent-command cmd=slow timeout=2] serve');
      assert.equal(c.ran[0]!.timeoutSeconds, 2);
      assert.equal(sentToolResults(fake, 1)[0], 'Timed out after 2 s and was ended (ran in .).\npid=42');
      assert.equal(h.cards()[0]!.status, 'failed');
    });
  });
}
