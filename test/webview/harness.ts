/**
 * Loads the real webview bundle (dist/webview.js) into headless Chromium as VS Code would: the
 * same HTML and CSP as src/core/webviewHtml.ts, served from a fake webview origin, with a stub
 * `acquireVsCodeApi` that records what the webview posts. Host messages are posted into the
 * page as VS Code delivers them (window `message` events).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildChatHtml } from '../../src/core/webviewHtml';
import type { HostMessage, ViewState, WebviewMessage } from '../../src/shared/protocol';
import { launchChromium, ROOT } from '../realVscode/codeServer';
import { DARK_MODERN, LIGHT_MODERN } from './themes';

const ORIGIN = 'https://webview.test';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

/** Builds the bundles once per process (the tests and the bench use the real bundle). */
let built = false;
export function buildBundle(): void {
  if (built && existsSync(join(ROOT, 'dist/webview.js'))) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export interface WebviewOptions {
  theme?: 'dark' | 'light';
  /** State returned by `getState()` (a view being shown again). */
  state?: unknown;
  /** Serve the page without its CSP meta, to prove the sanitizer alone stops a payload. */
  withoutCsp?: boolean;
  viewport?: { width: number; height: number };
}

export interface Webview {
  page: Page;
  /** Uncaught exceptions and console errors of the page (CSP violations show up here). */
  errors: string[];
  /** Posts host messages into the webview, each as its own `message` event. */
  post(...messages: HostMessage[]): Promise<void>;
  /** Everything the webview posted to the host so far. */
  posted(): Promise<WebviewMessage[]>;
  /** The last state the webview saved with `setState`. */
  savedState(): Promise<unknown>;
  /** Resolves after the next two animation frames (rendering has run). */
  frames(count?: number): Promise<void>;
  close(): Promise<void>;
}

function pageHtml(withoutCsp: boolean): string {
  const html = buildChatHtml({
    cspSource: ORIGIN,
    nonce: randomBytes(18).toString('base64'),
    scriptUri: `${ORIGIN}/dist/webview.js`,
    styleUri: `${ORIGIN}/media/chat.css`,
    codiconUri: `${ORIGIN}/dist/codicons/codicon.css`,
  });
  return withoutCsp ? html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '') : html;
}

/** Opens a fresh page with the chat webview and waits for its `ready`. */
export async function openWebview(browser: Browser, options: WebviewOptions = {}): Promise<Webview> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 420, height: 760 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: pageHtml(options.withoutCsp ?? false) });
    const file = join(ROOT, path);
    if (!/^\/(dist|media)\//.test(path) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  const vars = options.theme === 'light' ? LIGHT_MODERN : DARK_MODERN;
  // tsx compiles the functions below with esbuild's keepNames, which calls a `__name` helper
  // that only exists in Node; give the page a no-op one.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(
    ({ state, vars, themeClass }) => {
      const w = window as unknown as Record<string, unknown>;
      const posted: unknown[] = [];
      w.__posted = posted;
      w.__state = state;
      w.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => w.__state,
        setState: (s: unknown) => (w.__state = s),
      });
      // VS Code puts the theme variables on <html> and a theme class on <body>; the init script
      // runs before <html> exists, so apply them as soon as it does.
      const apply = () => {
        const root = document.documentElement;
        if (!root) return false;
        for (const [name, value] of Object.entries(vars)) root.style.setProperty(`--vscode-${name}`, value);
        return true;
      };
      if (!apply()) {
        const observer = new MutationObserver(() => apply() && observer.disconnect());
        observer.observe(document, { childList: true });
      }
      document.addEventListener('DOMContentLoaded', () => document.body.classList.add(themeClass));
    },
    { state: options.state, vars, themeClass: options.theme === 'light' ? 'vscode-light' : 'vscode-dark' },
  );
  await page.goto(`${ORIGIN}/index.html`);
  await page
    .waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'), undefined, { timeout: 10_000 })
    .catch((error: Error) => {
      throw new Error(`The webview did not post "ready": ${errors.join('\n') || error.message}`);
    });
  return {
    page,
    errors,
    async post(...messages) {
      await page.evaluate((list) => {
        for (const m of list) window.postMessage(m, '*');
      }, messages);
      // postMessage is asynchronous: wait until the page has handled them.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    },
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted),
    savedState: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
    frames: (count = 2) =>
      page.evaluate(
        (n) =>
          new Promise<void>((resolve) => {
            const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
            step(n);
          }),
        count,
      ),
    close: () => context.close(),
  };
}

/**
 * The whole rendered answer of a turn, parked groups included (far-away groups of a long answer
 * are out of the DOM, see src/webview/markdown/parking.ts): each group is scrolled into view,
 * which brings a parked one back, and read there. Leaves the list scrolled to the answer's end.
 */
export async function readAnswer(view: Webview, turnId: string): Promise<{ html: string; text: string; parked: number; elements: number }> {
  const answer = view.page.locator(`.turn[data-turn-id="${turnId}"] .answer`);
  const parked = await answer.locator(':scope > .md-parked').count();
  const groups = await answer.locator(':scope > *').count();
  let html = '';
  let text = '';
  let elements = 0;
  for (let i = 0; i < groups; i++) {
    const group = answer.locator(':scope > *').nth(i);
    await group.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await view.frames(3); // the intersection observer runs after a frame is laid out
    const read = await group.evaluate((el) => ({ html: el.outerHTML, text: el.textContent ?? '', parked: el.classList.contains('md-parked'), elements: el.getElementsByTagName('*').length + 1 }));
    if (read.parked) throw new Error(`group ${i} of ${turnId} is still parked in view`);
    html += read.html;
    text += read.text;
    elements += read.elements;
  }
  await answer.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  return { html, text, parked, elements };
}

/** Mocha hooks: build the bundle and start one headless Chromium for the suite. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async function () {
    this.timeout(120_000);
    buildBundle();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running');
    return browser;
  };
}

/** A state message with two models (one takes images) and some session totals. */
export function viewState(overrides: Partial<ViewState> = {}): HostMessage {
  return {
    type: 'state',
    state: {
      needsApiKey: false,
      model: 'grok-4',
      models: [
        { id: 'grok-4', vision: true, contextWindow: 256_000 },
        { id: 'grok-3-mini', vision: false, contextWindow: 131_072 },
      ],
      session: { tokens: 18_250, costUsd: 0.0417 },
      ...overrides,
    },
  };
}
