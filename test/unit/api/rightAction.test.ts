import { strict as assert } from 'node:assert';
import { suggestedActionOf, type TurnEvent } from '../../../src/core/api';
import { ask, clientFor, collect, loopbackDispatcher, memoryLogger, useFakeServer, xaiLookingUrl, type Collected } from './helpers';

/** Nothing a user reads may carry markup or raw JSON from the server. */
function assertPlain(message: string): void {
  assert.doesNotMatch(message, /[<>{}]|"\w+"\s*:/, `plain text: ${message}`);
  assert.doesNotMatch(message, /\n/);
}

/** One fault-server test per error kind of issue 11 part 5: the message, the action, the partial text kept, no duplicate. */
for (const api of ['chat', 'responses'] as const) {
  describe(`errors offer the action that helps (${api})`, () => {
    const server = useFakeServer();
    let fullText = '';
    let fullReasoning = '';

    before(async () => {
      const clean = await collect(clientFor(server.get(), { api }).client.stream(ask()));
      assert.equal(clean.error, undefined);
      fullText = clean.text;
      fullReasoning = clean.reasoning;
      assert.ok(fullText.length > 200);
      server.get().reset();
    });

    it('a 400 about the model offers the model picker, not Retry, and is sent once', async () => {
      const fake = server.get();
      fake.enqueue('bad-model-400');
      const run = await collect(clientFor(fake, { api }).client.stream(ask()));
      assert.deepEqual([run.error?.kind, run.error?.status, run.error?.action, run.error?.retryable], ['badRequest', 400, 'chooseModel', false]);
      assert.equal(run.error!.message, 'The request was rejected (HTTP 400): The model grok-4.3 is not supported on this endpoint.');
      assertPlain(run.error!.message);
      assert.equal(fake.requests.length, 1);
      assert.equal(run.text, '');
    });

    it('any other 400 offers the settings, not Retry', async () => {
      const fake = server.get();
      fake.enqueue('bad-request-400');
      const run = await collect(clientFor(fake, { api }).client.stream(ask()));
      assert.deepEqual([run.error?.kind, run.error?.action, run.error?.retryable], ['badRequest', 'openSettings', false]);
      assert.match(run.error!.message, /Each message must have at least one content element\.$/);
      assert.equal(fake.requests.length, 1);
    });

    for (const status of [429, 403, 402]) {
      it(`out of credits (${status}) links to the billing console and is not retried`, async () => {
        const fake = server.get();
        fake.enqueue({ name: 'out-of-credits', options: { status } });
        const run = await collect(clientFor(fake, { api }).client.stream(ask()));
        assert.deepEqual([run.error?.kind, run.error?.action, run.error?.retryable], ['quotaExhausted', 'openBilling', false]);
        assert.equal(run.error!.message, 'Your xAI team is out of credits or reached its monthly spending limit. Add credits or raise the limit in the xAI console.');
        assert.match(run.error!.detail ?? '', /used all available credits/, 'the server text stays in the log detail');
        assert.equal(fake.requests.length, 1);
        assert.equal(run.events.some((e) => e.type === 'retry'), false);
      });
    }

    for (const scenario of ['no-retry', 'no-retry-429']) {
      it(`x-should-retry: false (${scenario}) says the server asked not to retry and offers no Retry`, async () => {
        const fake = server.get();
        fake.enqueue(scenario, 'default');
        const run = await collect(clientFor(fake, { api }).client.stream(ask()));
        assert.equal(run.error?.retryable, false);
        assert.equal(run.error?.action, undefined);
        assert.equal(suggestedActionOf(run.error), undefined, 'callers must not fall back to Retry');
        assert.match(run.error!.message, /\. The server asked not to retry this request\.$/);
        assertPlain(run.error!.message);
        assert.equal(fake.requests.length, 1);
      });
    }

    it('an HTML 502 from an xAI host blames xAI, is retried, and then succeeds without duplicate text', async () => {
      const fake = server.get();
      fake.enqueue('html-502', 'default');
      const dispatcher = loopbackDispatcher();
      try {
        const { client } = clientFor(fake, { api, baseUrl: xaiLookingUrl(fake), dispatcher });
        const run = await collect(client.stream(ask()));
        assert.equal(run.error, undefined);
        assert.equal(fake.requests[0]!.headers.host?.startsWith('api.x.ai:'), true, 'the request went to the xAI-looking host');
        const retry = run.events.find((e): e is Extract<TurnEvent, { type: 'retry' }> => e.type === 'retry');
        assert.equal(retry?.detail, "xAI's service returned an error page (HTTP 502). Try again in a moment.");
        assert.equal(retry?.message.startsWith('Server error (HTTP 502) — retrying'), true);
        assert.equal(run.text, fullText);

        fake.enqueue('html-502');
        const failed = await collect(clientFor(fake, { api, baseUrl: xaiLookingUrl(fake), dispatcher, maxRetries: 0 }).client.stream(ask()));
        assert.equal(failed.error?.message, "xAI's service returned an error page (HTTP 502). Try again in a moment.");
        assert.equal(failed.error?.action, 'retry');
      } finally {
        await dispatcher.close();
      }
    });

    it('the same HTML 502 from another host points at grok.baseUrl or the proxy', async () => {
      const fake = server.get();
      fake.enqueue('html-502');
      const run = await collect(clientFor(fake, { api, maxRetries: 0 }).client.stream(ask()));
      assert.equal(run.error?.message, 'The server answered with a web page instead of an API response (HTTP 502: api.x.ai | 502: Bad gateway); check grok.baseUrl or your proxy.');
      assert.equal(run.error?.action, 'retry');
    });

    for (const kind of ['json', 'types']) {
      it(`one malformed event (${kind}) in a good stream is skipped, counted and logged; the answer is whole`, async () => {
        const fake = server.get();
        fake.enqueue({ name: 'malformed-in-stream', options: { kind } });
        const logger = memoryLogger();
        const run = await collect(clientFor(fake, { api, logger }).client.stream(ask()));
        assert.equal(run.error, undefined);
        assert.equal(run.text, fullText, 'nothing lost, nothing repeated');
        assert.equal(run.reasoning, fullReasoning);
        assert.equal(logger.lines.filter((l) => l.includes('skipped malformed chunk')).length, 1);
        assert.ok(logger.lines.some((l) => /skipped malformed chunk #1: /.test(l)));
        assert.equal(fake.requests.length, 1);
      });
    }

    it('malformed events that repeat fail the stream: plain message, partial answer kept, Retry', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'malformed-in-stream', options: { count: 3 } });
      const run = await collect(clientFor(fake, { api }).client.stream(ask()));
      assert.deepEqual([run.error?.kind, run.error?.action, run.error?.outputStarted], ['malformed', 'retry', true]);
      assert.equal(run.error!.message, 'The server sent a garbled answer (3 unreadable events in a row).');
      assertPlain(run.error!.message);
      assert.ok(run.text.length > 0 && fullText.startsWith(run.text), 'the partial text is a prefix of the answer');
      assert.equal(fake.requests.length, 1, 'not retried after output');
    });

    for (const pieceChars of [5, 12]) {
      it(`visible "Thinking... " filler is dropped before the answer (deltas of ${pieceChars} chars)`, async () => {
        const fake = server.get();
        fake.enqueue({ name: 'visible-filler', options: { pieceChars, count: 6 } });
        const run = await collect(clientFor(fake, { api }).client.stream(ask()));
        assert.equal(run.error, undefined);
        assert.equal(run.text, fullText);
        assert.doesNotMatch(run.text, /Thinking\.\.\./);
      });
    }

    it('a stall after output started ends after stallMs, keeps the partial answer and offers Retry', async () => {
      const fake = server.get();
      fake.enqueue({ name: 'stall', options: { frames: 30 } });
      const started = Date.now();
      const run = await collect(clientFor(fake, { api, timeouts: { stallMs: 400 } }).client.stream(ask()));
      const took = Date.now() - started;
      assert.deepEqual([run.error?.kind, run.error?.action, run.error?.outputStarted], ['stalled', 'retry', true]);
      assert.equal(run.error!.message, 'The answer stalled: nothing arrived for 0.4 s (grok.stallTimeoutSeconds).');
      assert.ok(took >= 380 && took < 2000, `stalled after ${took} ms`);
      assert.ok(run.text.length > 0 && fullText.startsWith(run.text), 'the partial text is kept, once');
      assert.equal(fake.requests.length, 1);
    });

    it('silence before the first token is not cut by the stall timeout, only by the request timeout', async () => {
      const fake = server.get();
      fake.enqueue('stall-before-output');
      const started = Date.now();
      const run = await collect(clientFor(fake, { api, timeouts: { stallMs: 100, totalMs: 700 } }).client.stream(ask()));
      const took = Date.now() - started;
      assert.equal(run.error?.kind, 'timeout');
      assert.match(run.error!.message, /grok\.requestTimeoutSeconds/);
      assert.ok(took >= 650, `ended after ${took} ms, not at the 100 ms stall limit`);
    });
  });
}

describe('a pending retry says why and when, and Stop ends the wait', () => {
  const server = useFakeServer();

  it('the retry event arrives before the wait, with a countdown-ready message', async () => {
    const fake = server.get();
    fake.enqueue({ name: 'rate-limited-retry-after', options: { seconds: 1 } }, 'default');
    const { client } = clientFor(fake, { sleep: undefined }); // the real, abortable sleep
    const started = Date.now();
    let retryAt = 0;
    let retry: Extract<TurnEvent, { type: 'retry' }> | undefined;
    const run: Collected = await collect(
      (async function* () {
        for await (const event of client.stream(ask())) {
          if (event.type === 'retry') {
            retry = event;
            retryAt = Date.now();
          }
          yield event;
        }
      })(),
    );
    assert.equal(run.error, undefined);
    assert.ok(retry, 'a retry event was emitted');
    assert.equal(retry.message, 'Rate limited — retrying in 1 s');
    assert.equal(retry.label, 'Rate limited');
    assert.equal(retry.delayMs, 1000);
    assert.ok(retry.retryAt !== undefined && Math.abs(retry.retryAt - (started + 1000)) < 500);
    assert.ok(retryAt - started < 500, `the event came ${retryAt - started} ms after the start, before the 1 s wait`);
    const second = fake.requests[1];
    assert.ok(second, 'the second attempt was sent');
    assert.ok(Date.now() - retryAt >= 950, 'the wait followed the event');
  });

  for (const when of ['at the event', 'during the wait'] as const) {
    it(`Stop ${when} ends a 60 s Retry-After wait at once`, async () => {
      const fake = server.get();
      fake.enqueue({ name: 'rate-limited-retry-after', options: { seconds: 60 } }, 'default');
      const { client } = clientFor(fake, { sleep: undefined });
      const abort = new AbortController();
      let stoppedAt = 0;
      let error: unknown;
      try {
        for await (const event of client.stream(ask(), abort.signal)) {
          if (event.type !== 'retry') continue;
          assert.equal(event.message, 'Rate limited — retrying in 60 s');
          const stop = (): void => {
            stoppedAt = Date.now();
            abort.abort();
          };
          if (when === 'at the event') stop();
          else setTimeout(stop, 150);
        }
      } catch (err) {
        error = err;
      }
      const lag = Date.now() - stoppedAt;
      assert.equal((error as { kind?: string }).kind, 'cancelled');
      assert.ok(lag < 200, `ended ${lag} ms after Stop`);
      assert.equal(fake.requests.length, 1, 'no second attempt');
    });
  }
});
