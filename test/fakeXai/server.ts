import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { apiKeyPayload, invalidKeyBody, languageModelsPayload, modelsPayload, servedModel } from './catalog';
import { ScenarioContext, type InferenceBody } from './context';
import { checkParams, lastUserText } from './validate';
import { SCENARIOS } from './scenarios';

/** The key the fake server accepts unless told otherwise. */
export const FAKE_XAI_KEY = 'xai-fake-key-for-tests';

/** One request as the fake server saw it, for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined for GETs or unparseable bodies). */
  body: InferenceBody | undefined;
  scenario: string | undefined;
  /** True once the connection closed before the response was complete (client abort or reset). */
  closedEarly: boolean;
  /** Resolves when the response is over, either way. */
  done: Promise<void>;
}

/** A queued scenario, with options the scenario reads (like the `x-fake-options` header). */
export type QueuedScenario = string | { name: string; options?: Record<string, unknown> };

/**
 * A fake xAI API on 127.0.0.1 speaking Chat Completions and Responses in the real wire format, plus
 * GET /models, /language-models and /api-key. Scenarios come from the queue, then the `x-fake-scenario`
 * header (options as JSON in `x-fake-options`), then `[scenario:NAME key=value…]` in the last user message, then a `fake-NAME` model name; else `default`.
 */
export class FakeXaiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: { name: string; options: Record<string, unknown> }[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly key: string,
  ) {}

  /** Starts a server on `port` (0 = any free port). */
  static async start(options: { port?: number; host?: string; key?: string } = {}): Promise<FakeXaiServer> {
    const server = createServer();
    const fake = new FakeXaiServer(server, options.key ?? FAKE_XAI_KEY);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
    return fake;
  }

  /** The base URL to put in `grok.baseUrl`, e.g. `http://127.0.0.1:41234/v1`. */
  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}/v1`;
  }

  /** Makes the next inference requests use these scenarios, in order (tests use this). */
  enqueue(...scenarios: QueuedScenario[]): void {
    for (const s of scenarios) this.queue.push(typeof s === 'string' ? { name: s, options: {} } : { name: s.name, options: s.options ?? {} });
  }

  /** Forgets recorded requests and queued scenarios. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  /** Stops the server, cutting any connection still open. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: InferenceBody | undefined;
    try {
      body = raw ? (JSON.parse(raw) as InferenceBody) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let finished!: () => void;
    const record: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, scenario: undefined, closedEarly: false, done: new Promise((r) => (finished = r)) };
    this.requests.push(record);
    res.on('close', () => {
      record.closedEarly = !res.writableFinished;
      finished();
    });
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };

    const auth = req.headers.authorization;
    if (!auth || !/^Bearer\s+\S+/i.test(auth)) return send(401, { code: 'Unauthenticated', error: 'No API key provided. Send it as "Authorization: Bearer <key>".' });
    const key = auth.replace(/^Bearer\s+/i, '').trim();
    if (key !== this.key) return send(400, invalidKeyBody(key));

    if (req.method === 'GET' && path === '/v1/models') return send(200, modelsPayload());
    if (req.method === 'GET' && path === '/v1/language-models') return send(200, languageModelsPayload());
    if (req.method === 'GET' && path === '/v1/api-key') return send(200, apiKeyPayload(this.key));
    const endpoint = path === '/v1/chat/completions' ? 'chat' : path === '/v1/responses' ? 'responses' : undefined;
    if (req.method !== 'POST' || !endpoint) return send(404, { code: 'Some requested entity was not found', error: `No route for ${req.method} ${path}.` });
    if (!body) return send(422, { error: 'Failed to deserialize the JSON body into the target type: expected value at line 1 column 1' });

    const chosen = this.choose(req, body);
    record.scenario = chosen.name;
    const scenario = SCENARIOS[chosen.name];
    if (!scenario) return send(400, { code: 'Client specified an invalid argument', error: `Unknown fake scenario "${chosen.name}". Known: ${Object.keys(SCENARIOS).join(', ')}` });
    const model = String(body.model ?? '');
    const served = servedModel(model);
    if (!served) return send(404, { code: 'Some requested entity was not found', error: `The model ${model} does not exist or your team 00000000-0000-4000-8000-000000000002 does not have access to it.` });
    const problem = checkParams(endpoint, body, model);
    if (problem) return send(400, { code: 'Client specified an invalid argument', error: problem });
    await scenario(new ScenarioContext(req, res, endpoint, body, served, chosen.options));
  }

  private choose(req: IncomingMessage, body: InferenceBody): { name: string; options: Record<string, unknown>; source: string } {
    const headerOptions = parseOptions(req.headers['x-fake-options']);
    const queued = this.queue.shift();
    if (queued) return { ...queued, source: 'queue' };
    const header = req.headers['x-fake-scenario'];
    if (typeof header === 'string' && header) return { name: header, options: headerOptions, source: 'header' };
    const marker = /\[scenario:([\w-]+)((?:\s+\w+=[^\s\]]+)*)\]/.exec(lastUserText(body));
    if (marker) return { name: marker[1]!, options: { ...headerOptions, ...markerOptions(marker[2] ?? '') }, source: 'message' };
    const model = String(body.model ?? '');
    if (model.startsWith('fake-')) return { name: model.slice(5), options: headerOptions, source: 'model' };
    return { name: 'default', options: headerOptions, source: 'default' };
  }
}

/** `[scenario:big bytes=1000 deltaChars=8]` → `{ bytes: '1000', deltaChars: '8' }`. */
function markerOptions(text: string): Record<string, unknown> {
  return Object.fromEntries(text.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
}

function parseOptions(header: string | string[] | undefined): Record<string, unknown> {
  if (typeof header !== 'string') return {};
  try {
    const value: unknown = JSON.parse(header);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
