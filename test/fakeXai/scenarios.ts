import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidKeyBody } from './catalog';
import type { ScenarioContext } from './context';
import { lastUserText } from './validate';
import { SERVER_TOOL_SCENARIOS } from './serverToolScenarios';
import { AGENT_SCENARIOS } from './agentScenarios';
import { bigAnswer, chunkText, defaultAnswer, toolCallAnswer, usageFor, type AnswerScript } from './script';

/** A scripted behaviour of the fake server for one inference request. */
export type Scenario = (ctx: ScenarioContext) => void | Promise<void>;

const UNAVAILABLE = { code: 'The service is currently unavailable', error: 'Timed out waiting for first token' };
const OUT_OF_CREDITS = {
  code: 'Some resource has been exhausted',
  error: 'Your team 00000000-0000-4000-8000-000000000002 has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit.',
};
const CLOUDFLARE_524 = `<!DOCTYPE html>
<html lang="en-US"><head><title>api.x.ai | 524: A timeout occurred</title></head>
<body><div id="cf-wrapper"><h1>A timeout occurred</h1><span>Error code 524</span>
<p>The origin web server timed out responding to this request.</p><p>Cloudflare Ray ID: 8f0c0ffee0000000</p></div></body></html>`;

/** Cloudflare's 502 page as xAI's edge serves it when the service behind it fails. */
const CLOUDFLARE_502 = `<!DOCTYPE html>
<html lang="en-US"><head><title>api.x.ai | 502: Bad gateway</title></head>
<body><div id="cf-wrapper"><h1>Bad gateway</h1><span>Error code 502</span>
<p>The web server reported a bad gateway error.</p><p>Cloudflare Ray ID: 8f0c0ffee0000001</p></div></body></html>`;

/** A malformed event for this endpoint: bad JSON, or (`kind=types`) a known field of the wrong type. */
function badFrame(ctx: ScenarioContext, kind: unknown): string {
  if (kind === 'types') {
    const bad = ctx.endpoint === 'chat'
      ? { id: 'x', model: ctx.served, choices: [{ index: 0, delta: { content: 42 } }] }
      : { type: 'response.output_text.delta', sequence_number: 0, delta: 42 };
    return `data: ${JSON.stringify(bad)}\n\n`;
  }
  return 'data: {"id":"x","choices":[{"delta":{"content":"oops"\n\n';
}

/** Streams `script` in full, at the pace given by the `intervalMs` option. */
function answer(ctx: ScenarioContext, script: AnswerScript): Promise<void> {
  const { body, tail } = ctx.frames(script);
  return ctx.stream([...body, ...tail], { intervalMs: ctx.num('intervalMs', 0) });
}

/**
 * Replays a recorded transcript from test/fixtures/sse/NAME.sse, cut into `pieceBytes`-byte writes so
 * events, lines and even UTF-8 characters arrive split across reads.
 */
async function replay(ctx: ScenarioContext): Promise<void> {
  const name = String(ctx.options.file ?? '').replace(/[^\w.-]/g, '');
  const bytes = readFileSync(join(__dirname, '../fixtures/sse', `${name}.sse`));
  const size = ctx.num('pieceBytes', 7);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  ctx.res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const piece of pieces) {
    if (ctx.res.destroyed) return;
    ctx.res.write(piece);
    await new Promise((resolve) => setImmediate(resolve)); // separate reads on the client side
  }
  ctx.res.end();
}

/** Text of `count` deltas, each starting with the send time so a reader can measure latency (bench). */
async function stampedDrip(ctx: ScenarioContext): Promise<void> {
  const count = ctx.num('count', 40);
  const intervalMs = ctx.num('intervalMs', 50);
  const pad = 'x'.repeat(Math.max(0, ctx.num('deltaChars', 32) - 24));
  const head = ctx.frames({ model: ctx.served, text: [], usage: usageFor(20, '', '') });
  ctx.res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (let i = 0; i < count && !ctx.res.destroyed; i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const stamp = (performance.timeOrigin + performance.now()).toFixed(3);
    const frames = ctx.frames({ model: ctx.served, text: [`⟦${stamp}⟧${pad}\n`], usage: usageFor(20, '', '') }).body;
    ctx.res.write(frames.find((f) => f.includes(stamp)) ?? '');
  }
  if (!ctx.res.destroyed) ctx.res.end(head.tail.join(''));
}

/**
 * Every scenario by name. Select one with the `x-fake-scenario` header, `[scenario:NAME]` in the last
 * user message, the model name `fake-NAME`, or {@link FakeXaiServer.enqueue} from tests.
 */
export const SCENARIOS: Record<string, Scenario> = {
  default: (ctx) => answer(ctx, defaultAnswer(ctx.served)),
  ...SERVER_TOOL_SCENARIOS,
  ...AGENT_SCENARIOS,
  /**
   * Answers with the user's own words (after the scenario tag, without any <context> block), so UI tests
   * can make the "model" say anything, e.g. an XSS payload: `[scenario:echo] <img src=x onerror=…>`.
   */
  echo: (ctx) => {
    const said = lastUserText(ctx.body).replace(/<context>[\s\S]*?<\/context>\s*/g, '').replace(/\[scenario:[^\]]*\]\s*/, '');
    return answer(ctx, { model: ctx.served, text: chunkText(said, 7), usage: usageFor(30, said, '') });
  },
  'tool-call': (ctx) => answer(ctx, toolCallAnswer(ctx.served)),
  /** The same propose_edits call after a sentence of text (an answer worth keeping when the edit cannot apply). */
  'tool-call-explained': (ctx) => answer(ctx, { ...toolCallAnswer(ctx.served), text: chunkText('The sign in add() is wrong: it subtracts. Here is the fix.', 8) }),
  /** Calls the first tool the request offers, with the `args` option (JSON text) as its arguments. */
  'call-offered-tool': (ctx) => {
    const tool = (ctx.body.tools ?? [])[0] as { name?: string; function?: { name?: string } } | undefined;
    const name = tool?.function?.name ?? tool?.name ?? 'missing_tool';
    const args = typeof ctx.options.args === 'string' ? ctx.options.args : '{}';
    return answer(ctx, { model: ctx.served, toolCalls: [{ id: 'call_offered_1', name, arguments: args }], finish: 'tool_calls', usage: usageFor(80, args, '') });
  },
  /** The default answer priced at the `usd` option (default $1000) in exact ticks, to cross a budget in one request. */
  pricey: (ctx) => answer(ctx, { ...defaultAnswer(ctx.served), usage: { ...defaultAnswer(ctx.served).usage, ticks: Math.round(ctx.num('usd', 1000) * 1e10) } }),
  'hidden-reasoning': (ctx) => answer(ctx, { ...defaultAnswer(ctx.served), reasoning: [], filler: { emptyDeltas: 30, thinking: 10 } }),
  'slow-drip': (ctx) => {
    const { body, tail } = ctx.frames(defaultAnswer(ctx.served));
    return ctx.stream([...body, ...tail], { intervalMs: ctx.num('intervalMs', 40) });
  },
  big: (ctx) => answer(ctx, bigAnswer(ctx.served, ctx.num('bytes', 5 * 1024 * 1024), ctx.num('deltaChars', 256))),
  stamped: stampedDrip,
  replay,
  length: (ctx) => answer(ctx, { ...defaultAnswer(ctx.served), finish: 'length' }),
  empty: (ctx) => answer(ctx, { model: ctx.served, usage: usageFor(40, '', '') }),
  'empty-with-reasoning': (ctx) => answer(ctx, { model: ctx.served, reasoning: ['Hmm.'], usage: usageFor(40, '', 'Hmm.') }),
  'no-cost': (ctx) => answer(ctx, { ...defaultAnswer(ctx.served), usage: { ...usageFor(120, 'x'.repeat(400), ''), ticks: undefined } }),

  'rate-limited': (ctx) => ctx.json(429, { code: 'Too many requests', error: 'Rate limit exceeded for grok-4.3: 60 requests per minute.' }),
  'rate-limited-retry-after': (ctx) =>
    ctx.json(429, { code: 'Too many requests', error: 'Rate limit exceeded, retry later.' }, { 'retry-after': String(ctx.num('seconds', 1)) }),
  /** xAI's out-of-credits answer; `status` 429 (as seen), 403 or 402 (other gateways). */
  'out-of-credits': (ctx) => ctx.json(ctx.num('status', 429), OUT_OF_CREDITS),
  /** A 400 about the model itself (here: a model this endpoint does not serve). */
  'bad-model-400': (ctx) =>
    ctx.json(400, { code: 'Client specified an invalid argument', error: `The model ${String(ctx.body.model)} is not supported on this endpoint. [WKE=model:unsupported]` }),
  /** A 400 about the request, not the model. */
  'bad-request-400': (ctx) => ctx.json(400, { code: 'Client specified an invalid argument', error: 'Each message must have at least one content element.' }),
  /** Cloudflare's HTML 502 page (as from xAI's edge). */
  'html-502': (ctx) => ctx.text(502, CLOUDFLARE_502, 'text/html; charset=UTF-8'),
  /** A 429 with `x-should-retry: false`: the server vetoes retrying even a retryable status. */
  'no-retry-429': (ctx) => ctx.json(429, { code: 'Too many requests', error: 'Rate limit exceeded.' }, { 'x-should-retry': 'false' }),
  'json-error-200': (ctx) => ctx.json(200, UNAVAILABLE),
  'server-error': (ctx) => ctx.json(500, { code: 'Internal error', error: 'An internal error occurred. [WKE=internal:9f2c]' }),
  unavailable: (ctx) => ctx.json(503, UNAVAILABLE),
  'no-retry': (ctx) => ctx.json(503, UNAVAILABLE, { 'x-should-retry': 'false' }),
  'html-524': (ctx) => ctx.text(524, CLOUDFLARE_524, 'text/html; charset=UTF-8'),
  'invalid-key': (ctx) => ctx.json(400, invalidKeyBody('xai-wrongkey')),
  unauthorized: (ctx) => ctx.json(401, { code: 'Unauthenticated', error: 'Missing or malformed Authorization header.' }),
  forbidden: (ctx) => ctx.json(403, { code: 'The caller does not have permission to execute the specified operation', error: 'Your API key is blocked.' }),
  'model-not-found': (ctx) =>
    ctx.json(404, { code: 'Some requested entity was not found', error: `The model ${String(ctx.body.model)} does not exist or your team does not have access to it.` }),
  'rejects-effort': (ctx) =>
    'reasoning_effort' in ctx.body || 'reasoning' in ctx.body
      ? ctx.json(400, { code: 'Client specified an invalid argument', error: `Model ${String(ctx.body.model)} does not support parameter reasoningEffort.` })
      : answer(ctx, defaultAnswer(ctx.served)),

  'reset-before-headers': (ctx) => ctx.destroy(),
  'no-headers': () => undefined, // never answers: the client's header timeout must fire
  'reset-mid-stream': (ctx) => {
    const { body } = ctx.frames(defaultAnswer(ctx.served));
    return ctx.stream(body.slice(0, ctx.num('frames', 20)), { after: 'destroy' });
  },
  truncated: (ctx) => ctx.stream(ctx.frames(defaultAnswer(ctx.served)).body),
  stall: (ctx) => {
    const { body } = ctx.frames(defaultAnswer(ctx.served));
    return ctx.stream(body.slice(0, ctx.num('frames', 3)), { after: 'hang' });
  },
  'stall-before-output': (ctx) => ctx.stream([], { after: 'hang' }),
  'malformed-json': (ctx) => {
    const { body } = ctx.frames(defaultAnswer(ctx.served));
    return ctx.stream([...body.slice(0, ctx.num('frames', 5)), badFrame(ctx, 'json')]);
  },
  'malformed-types': (ctx) => ctx.stream([badFrame(ctx, 'types')]),
  /**
   * The default answer with `count` malformed events (default 1; `kind=types` for a wrongly typed field)
   * inserted, in a row, after `frames` good ones. One is skipped; a run of them fails the stream.
   */
  'malformed-in-stream': (ctx) => {
    const { body, tail } = ctx.frames(defaultAnswer(ctx.served));
    const at = ctx.num('frames', 30);
    const bad = Array.from({ length: ctx.num('count', 1) }, () => badFrame(ctx, ctx.options.kind));
    return ctx.stream([...body.slice(0, at), ...bad, ...body.slice(at), ...tail]);
  },
  /** Visible "Thinking... " filler (`count` times, cut into `pieceChars`-character deltas) before the default answer. */
  'visible-filler': (ctx) => {
    const script = defaultAnswer(ctx.served);
    const filler = chunkText('Thinking... '.repeat(ctx.num('count', 6)), ctx.num('pieceChars', 5));
    return answer(ctx, { ...script, text: [...filler, ...(script.text ?? [])] });
  },
  'stream-error': (ctx) => {
    const message = 'Service temporarily unavailable. The model did not respond to this request.';
    const event = ctx.endpoint === 'chat' ? { error: { message, type: 'server_error' } } : { type: 'error', sequence_number: 0, code: null, message, param: null };
    return ctx.stream([`data: ${JSON.stringify(event)}\n\n`]);
  },
  'time-limit': (ctx) => {
    // Responses only: the server gave up on a long answer (incomplete_details.reason = max_time_limit).
    const { body } = ctx.frames(defaultAnswer(ctx.served));
    const incomplete = { type: 'response.incomplete', sequence_number: 999, response: { id: 'r', model: ctx.served, status: 'incomplete', incomplete_details: { reason: 'max_time_limit' } } };
    return ctx.stream([...body, `data: ${JSON.stringify(incomplete)}\n\n`]);
  },
  'unknown-fields': (ctx) => {
    const { body, tail } = ctx.frames({ model: ctx.served, text: chunkText('Tolerant parsing works.', 6), usage: usageFor(10, 'Tolerant parsing works.', '') });
    const extra = body.map((f) => f.replace('{', '{"x_future_field":{"nested":[1,2,3]},"citations":[],'));
    return ctx.stream([...extra, ...tail]);
  },
};
