import { strict as assert } from 'node:assert';
import { GrokApiError } from '../../../src/core/api';
import type { TurnEvent, UsageRecord } from '../../../src/core/api';
import { checkBudget, currentLedger } from '../../../src/core/chat/budget';
import { budgetDecision, estimateLmTokens, lmFailureFor, noKeyFailure, parseToolInput, responsePartFor, ToolInputError } from '../../../src/core/lm';

describe('language-model provider: streamed events to response parts', () => {
  it('streams text, drops reasoning, and gives a finished tool call with parsed input', () => {
    const events: TurnEvent[] = [
      { type: 'start', requestId: 'r1', endpoint: 'chat', attempt: 1 },
      { type: 'reasoning', text: 'Let me think' },
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
      { type: 'toolCallStart', index: 0, id: 'call_1', name: 'readFile' },
      { type: 'toolCallDelta', index: 0, argumentsDelta: '{"path":' },
      { type: 'toolCallEnd', index: 0, id: 'call_1', name: 'readFile', arguments: '{"path":"a.ts"}' },
      { type: 'usage', usage: {} as UsageRecord },
      { type: 'finish', reason: 'tool_calls' },
    ];
    assert.deepEqual(events.map(responsePartFor).filter(Boolean), [
      { kind: 'text', value: 'Hel' },
      { kind: 'text', value: 'lo' },
      { kind: 'toolCall', callId: 'call_1', name: 'readFile', input: { path: 'a.ts' } },
    ]);
  });

  it('takes no arguments as {} and refuses arguments that are not a JSON object', () => {
    assert.deepEqual(parseToolInput('now', ''), {});
    assert.throws(() => parseToolInput('readFile', '{"path":'), ToolInputError);
    assert.throws(() => parseToolInput('readFile', '[1]'), /not a JSON object/);
  });
});

describe('language-model provider: failures', () => {
  it('codes our errors as LanguageModelError kinds, with what to do in the message', () => {
    const auth = lmFailureFor(new GrokApiError({ kind: 'auth', action: 'setApiKey', message: 'The API key was rejected.' }));
    assert.deepEqual(auth, { cancelled: false, code: 'NoPermissions', message: 'The API key was rejected. Run “Grok: Set API Key” (or Manage Models → xAI Grok).' });
    assert.deepEqual(lmFailureFor(new GrokApiError({ kind: 'quotaExhausted', message: 'Out of credits.' })), { cancelled: false, code: 'Blocked', message: 'Out of credits.' });
    const notFound = lmFailureFor(new GrokApiError({ kind: 'modelNotFound', action: 'chooseModel', message: 'No such model.' }));
    assert.ok(!notFound.cancelled && notFound.code === 'NotFound' && /another Grok model/.test(notFound.message));
    const server = lmFailureFor(new GrokApiError({ kind: 'server', action: 'retry', message: 'xAI had a server error (HTTP 500).' }));
    assert.deepEqual(server, { cancelled: false, code: 'Unknown', message: 'xAI had a server error (HTTP 500).' });
  });

  it('treats a stop as cancellation, and does not show foreign error text', () => {
    assert.deepEqual(lmFailureFor(new GrokApiError({ kind: 'cancelled', message: 'Stopped.' })), { cancelled: true });
    assert.deepEqual(lmFailureFor(new Error('socket hang up'), true), { cancelled: true });
    const foreign = lmFailureFor(new Error('<script>secret</script>'));
    assert.ok(!foreign.cancelled && !foreign.message.includes('secret'));
    assert.ok(!noKeyFailure().cancelled && /Set API Key/.test((noKeyFailure() as { message: string }).message));
  });

  it('refuses a request once the monthly budget is used up, saying how to change it; warns at 80%', () => {
    const ledger = { ...currentLedger(undefined, new Date()), spentUsd: 10.5 };
    const over = budgetDecision(checkBudget(ledger, 10));
    assert.ok(over && 'refuse' in over && !over.refuse.cancelled);
    if (over && 'refuse' in over && !over.refuse.cancelled) {
      assert.equal(over.refuse.code, 'Blocked');
      assert.match(over.refuse.message, /\$10\.50.*\$10\.00.*grok\.monthlyBudgetUsd.*0 to turn the budget off/);
      assert.doesNotMatch(over.refuse.message, /Send anyway/);
    }
    const near = budgetDecision(checkBudget({ ...ledger, spentUsd: 8.5 }, 10));
    assert.ok(near && 'warn' in near && /85%/.test(near.warn));
    assert.equal(budgetDecision(checkBudget(ledger, 0)), undefined);
  });
});

describe('language-model provider: token count', () => {
  it('counts text as the Chat view does, and a message with its overhead, images and tool parts', () => {
    assert.equal(estimateLmTokens('x'.repeat(36)), 10);
    const n = estimateLmTokens({
      role: 'user',
      parts: [
        { kind: 'text', value: 'x'.repeat(36) },
        { kind: 'data', mimeType: 'image/png', data: new Uint8Array(10) },
        { kind: 'toolResult', callId: 'c', content: [{ kind: 'text', value: 'y'.repeat(72) }] },
      ],
    });
    assert.equal(n, 4 + 10 + 1_500 + 20);
  });
});
