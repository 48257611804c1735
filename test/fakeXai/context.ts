import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { chatFrames, type Frames } from './chatFrames';
import { limitHeaders } from './catalog';
import { responsesFrames } from './responsesFrames';
import type { AnswerScript } from './script';

/** Waits until the socket takes more data or the client went away, without leaving listeners behind. */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The parsed body of an inference request (only what scenarios look at). */
export interface InferenceBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  input?: unknown;
  tools?: unknown[];
  [key: string]: unknown;
}

/** How {@link ScenarioContext.stream} writes frames. */
export interface StreamOptions {
  /** Pause between frames (a slow drip); 0 writes as fast as the socket takes them. */
  intervalMs?: number;
  /** After the frames: end the response (default), leave it open (a stall) or destroy the socket (a reset). */
  after?: 'end' | 'hang' | 'destroy';
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** What a scenario gets: the request, and helpers that speak the wire format of the endpoint called. */
export class ScenarioContext {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly endpoint: 'chat' | 'responses',
    readonly body: InferenceBody,
    /** The model that serves the request (retired names → grok-4.3). */
    readonly served: string,
    readonly options: Record<string, unknown>,
  ) {}

  /** The frames of `script` for this endpoint. */
  frames(script: AnswerScript): Frames {
    const id = `fake-${Math.random().toString(16).slice(2, 10)}`;
    return this.endpoint === 'chat' ? chatFrames(script, id) : responsesFrames(script, id, this.body.tools ?? []);
  }

  /** A numeric option from the request (header x-fake-options or the queue), with a default. */
  num(name: string, fallback: number): number {
    const value = Number(this.options[name]);
    return Number.isFinite(value) ? value : fallback;
  }

  /** Streams SSE frames, honouring backpressure, and stops as soon as the client goes away. */
  async stream(frames: readonly string[], options: StreamOptions = {}): Promise<void> {
    const { res } = this;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...limitHeaders(this.served), ...options.headers });
    res.flushHeaders();
    for (const frame of frames) {
      if (res.destroyed) return;
      if (options.intervalMs) await delay(options.intervalMs);
      if (!res.write(frame)) await drainOrClose(res);
    }
    if (res.destroyed) return;
    if (options.after === 'destroy') await this.destroyAfterFlush();
    else if (options.after !== 'hang') res.end();
  }

  /** Sends a JSON body with a status. */
  json(status: number, payload: unknown, headers: Record<string, string> = {}): void {
    this.res.writeHead(status, { 'content-type': 'application/json', ...headers });
    this.res.end(JSON.stringify(payload));
  }

  /** Sends any text body. */
  text(status: number, body: string, contentType: string, headers: Record<string, string> = {}): void {
    this.res.writeHead(status, { 'content-type': contentType, ...headers });
    this.res.end(body);
  }

  /** Drops the connection without a response (a reset before headers). */
  destroy(): void {
    this.req.socket.destroy();
  }

  /** Lets written frames reach the client, then cuts the connection (a reset mid-stream). */
  private async destroyAfterFlush(): Promise<void> {
    await new Promise<void>((resolve) => this.res.write('', () => resolve()));
    await delay(20);
    this.req.socket.destroy();
  }
}
