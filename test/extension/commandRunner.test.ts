import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { judgeCommand } from '../../src/core/commands/judge';
import { disposeCommandTerminals, resetShellIntegrationMemory, runCommand, type RunCommandRequest, type RunCommandResult } from '../../src/vscode/agent/commandRunner';
import { bundledShellParser } from '../../src/vscode/agent/shellParser';
import { EXTENSION_ID } from './helpers';

/** The extension host's own Node, so the commands need nothing on PATH. */
const NODE = JSON.stringify(process.execPath);
const node = (script: string) => `${NODE} -e ${JSON.stringify(script)}`;

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri.fsPath;
}

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (check()) return true;
  return check();
}

/** Runs with Stop pressed once the command printed its process ids; returns the result and those ids. */
async function runAndStop(request: Partial<RunCommandRequest>): Promise<{ result: RunCommandResult; pids: number[] }> {
  const stop = new AbortController();
  let seen = '';
  // A parent that starts a child: both must be gone after Stop.
  const script = "const c=require('child_process').spawn(process.execPath,['-e','setInterval(()=>{},1000)'],{stdio:'ignore'});console.log('PIDS',process.pid,c.pid);setInterval(()=>{},1000)";
  const result = await runCommand({ command: node(script), timeoutMs: 60_000, ...request }, stop.signal, (chunk) => {
    seen += chunk;
    if (/PIDS \d+ \d+/.test(seen)) stop.abort();
  });
  const m = /PIDS (\d+) (\d+)/.exec(result.output);
  assert.ok(m, `the command printed its pids: ${JSON.stringify(result.output)}`);
  return { result, pids: [Number(m[1]), Number(m[2])] };
}

describe('run_command: commandRunner in a real VS Code', function () {
  this.timeout(60_000);
  after(() => disposeCommandTerminals());

  it('returns output and a non-zero exit code (terminal with shell integration, or the fallback)', async () => {
    const chunks: string[] = [];
    const result = await runCommand({ command: node("console.log('hello from node'); console.error('to stderr'); process.exit(3)"), timeoutMs: 30_000, terminalName: 'Grok: test task' }, new AbortController().signal, (c) => chunks.push(c));
    console.log(`      (ran via ${result.via}; shell integration ${result.via === 'shellIntegration' ? 'was' : 'was not'} active in this VS Code)`);
    assert.equal(result.exitCode, 3);
    // Only what the command printed: no prompt, no echo of the command, no escape sequences.
    assert.deepEqual(result.output.trim().split('\n').map((l) => l.trim()), ['hello from node', 'to stderr'], JSON.stringify(result.output));
    assert.equal(result.timedOut, false);
    assert.equal(result.stopped, false);
    assert.equal(result.cwd, workspaceRoot());
    assert.match(chunks.join(''), /hello from node/, 'the output was streamed as it came');
  });

  it('in a shell VS Code does not integrate (sh) it runs as a child process at once, with output and exit code', async () => {
    resetShellIntegrationMemory();
    const started = Date.now();
    const result = await runCommand({ command: node("console.log('fallback ran'); process.exit(7)"), timeoutMs: 30_000, shellPath: '/bin/sh', terminalName: 'Grok: sh' }, new AbortController().signal, () => undefined);
    assert.equal(result.via, 'childProcess');
    assert.equal(result.exitCode, 7);
    assert.match(result.output, /fallback ran/);
    assert.ok(Date.now() - started < 2500, 'nothing to wait for');
    assert.ok(!vscode.window.terminals.some((t) => t.name === 'Grok: sh'), 'no terminal was opened for it');
  });

  it('a terminal whose shell integration does not report in time: the command runs as a child process', async () => {
    resetShellIntegrationMemory();
    const started = Date.now();
    // sh never reports integration; expectIntegration makes the runner wait for it as it would for bash.
    const result = await runCommand(
      { command: node("console.log('fallback ran'); process.exit(7)"), timeoutMs: 30_000, shellPath: '/bin/sh', expectIntegration: true, shellIntegrationTimeoutMs: 3000, terminalName: 'Grok: no integration' },
      new AbortController().signal,
      () => undefined,
    );
    assert.equal(result.via, 'childProcess');
    assert.equal(result.exitCode, 7);
    assert.match(result.output, /fallback ran/);
    assert.ok(Date.now() - started >= 2900, 'it waited for shell integration first');
    // The terminal that never got integration was closed, not left behind.
    assert.ok(await eventually(() => !vscode.window.terminals.some((t) => t.name === 'Grok: no integration')), 'the terminal is closed');
    // The second run in that shell does not wait again.
    const again = Date.now();
    const second = await runCommand({ command: node('process.exit(0)'), timeoutMs: 30_000, shellPath: '/bin/sh', expectIntegration: true, terminalName: 'Grok: no integration' }, new AbortController().signal, () => undefined);
    assert.equal(second.exitCode, 0);
    assert.ok(Date.now() - again < 2500);
  });

  it('Stop ends a long-running command and the process it started (default path)', async () => {
    const { result, pids } = await runAndStop({ terminalName: 'Grok: stop test' });
    assert.equal(result.stopped, true);
    assert.equal(result.exitCode, undefined);
    for (const pid of pids) assert.ok(await eventually(() => gone(pid)), `process ${pid} is gone (via ${result.via})`);
  });

  it('Stop ends the whole process tree of a child-process run', async () => {
    const { result, pids } = await runAndStop({ useTerminal: false });
    assert.equal(result.via, 'childProcess');
    assert.equal(result.stopped, true);
    for (const pid of pids) assert.ok(await eventually(() => gone(pid)), `process ${pid} is gone`);
  });

  it('a timeout ends a command (and says so)', async () => {
    for (const useTerminal of [true, false]) {
      const started = Date.now();
      const result = await runCommand({ command: node("console.log('PID', process.pid); setInterval(()=>{},1000)"), timeoutMs: 2000, useTerminal, terminalName: 'Grok: timeout test' }, new AbortController().signal, () => undefined);
      assert.equal(result.timedOut, true, `via ${result.via}`);
      assert.equal(result.stopped, false);
      assert.ok(Date.now() - started < 15_000);
      const pid = Number(/PID (\d+)/.exec(result.output)?.[1]);
      assert.ok(pid > 0, result.output);
      assert.ok(await eventually(() => gone(pid)), `process ${pid} is gone after the timeout (via ${result.via})`);
    }
  });

  it('strips escape sequences and redacts secrets in what the model sees', async () => {
    const key = 'xai-' + 'Q7r8S9t0U1v2W3x4Y5z6A7b8C9d0E1f2A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
    const result = await runCommand({ command: node(`console.log('\\x1b[31mred\\x1b[0m'); console.log('XAI_API_KEY=${key}')`), timeoutMs: 30_000, useTerminal: false }, new AbortController().signal, () => undefined);
    assert.match(result.output, /^red$/m);
    assert.ok(!result.output.includes('\x1b'));
    assert.ok(!result.output.includes(key));
    assert.equal(result.redactedSecrets, 1);
  });

  it('refuses a folder outside the workspace', async () => {
    await assert.rejects(runCommand({ command: 'true', cwd: '/tmp', timeoutMs: 5000 }, new AbortController().signal, () => undefined), /inside the workspace/);
    await assert.rejects(runCommand({ command: 'true', cwd: '../..', timeoutMs: 5000 }, new AbortController().signal, () => undefined), /inside the workspace/);
  });

  it('loads the bash grammar shipped in dist/wasm and judges with it', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const parser = await bundledShellParser(ext.extensionUri);
    const j = judgeCommand('npm test && rm -rf /', { mode: 'auto', allowPrefixes: [], taskGrants: [], workspaceRoots: [workspaceRoot()], cwd: workspaceRoot() }, parser);
    assert.equal(j.decision, 'ask');
    assert.equal(j.segment?.text, 'rm -rf /');
  });
});
