import { strict as assert } from 'node:assert';
import { conversationKey, toChatMessages, toolChoiceFor, toToolSpecs, type LmInputMessage } from '../../../src/core/lm';

const text = (value: string) => ({ kind: 'text' as const, value });
const bytes = (s: string) => new TextEncoder().encode(s);

describe('language-model provider: request messages', () => {
  it('maps system, user and assistant text to the client messages', () => {
    const messages: LmInputMessage[] = [
      { role: 'system', parts: [text('Be brief.')] },
      { role: 'user', parts: [text('Hello '), text('there')] },
      { role: 'assistant', parts: [text('Hi.')] },
    ];
    assert.deepEqual(toChatMessages(messages), [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello there' },
      { role: 'assistant', content: 'Hi.' },
    ]);
  });

  it('sends an assistant tool call as JSON text and its result as a tool message before the user text', () => {
    const messages: LmInputMessage[] = [
      { role: 'user', parts: [text('What is in a.ts?')] },
      { role: 'assistant', parts: [text('Reading it.'), { kind: 'toolCall', callId: 'call_1', name: 'readFile', input: { path: 'a.ts' } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_1', content: [text('export const a = 1;')] }, text('Now explain.')] },
    ];
    assert.deepEqual(toChatMessages(messages).slice(1), [
      { role: 'assistant', content: 'Reading it.', toolCalls: [{ id: 'call_1', name: 'readFile', arguments: '{"path":"a.ts"}' }] },
      { role: 'tool', toolCallId: 'call_1', content: 'export const a = 1;' },
      { role: 'user', content: 'Now explain.' },
    ]);
  });

  it('keeps the order of several tool results and gives an empty one a placeholder', () => {
    const out = toChatMessages([
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'b', content: [text('B')] }, { kind: 'toolResult', callId: 'a', content: [] }] },
    ]);
    assert.deepEqual(out, [
      { role: 'tool', toolCallId: 'b', content: 'B' },
      { role: 'tool', toolCallId: 'a', content: '(no output)' },
    ]);
  });

  it('sends images as data URLs, text-like data as text, and drops other data (cache markers)', () => {
    const out = toChatMessages([
      {
        role: 'user',
        parts: [
          text('Look:'),
          { kind: 'data', mimeType: 'image/png', data: new Uint8Array([1, 2, 3]) },
          { kind: 'data', mimeType: 'application/json', data: bytes('{"x":1}') },
          { kind: 'data', mimeType: 'cache_control', data: bytes('ephemeral') },
        ],
      },
    ]);
    assert.deepEqual(out, [{ role: 'user', content: [{ type: 'text', text: 'Look:{"x":1}' }, { type: 'image', url: 'data:image/png;base64,AQID' }] }]);
  });

  it('moves images a tool returned into a user message after the tool messages', () => {
    const out = toChatMessages([
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'shot', content: [text('screenshot taken'), { kind: 'data', mimeType: 'image/jpeg', data: new Uint8Array([255]) }] }] },
    ]);
    assert.equal(out.length, 2);
    assert.deepEqual(out[0], { role: 'tool', toolCallId: 'shot', content: 'screenshot taken' });
    assert.equal(out[1]?.role, 'user');
    assert.ok(Array.isArray(out[1]?.content) && out[1].content.some((p) => p.type === 'image' && p.url === 'data:image/jpeg;base64,/w=='));
  });

  it('leaves out empty messages and unknown assistant parts (thinking is not sent back)', () => {
    const out = toChatMessages([
      { role: 'user', parts: [text('  ')] },
      { role: 'assistant', parts: [{ kind: 'other', json: undefined }] },
      { role: 'user', parts: [text('hi')] },
    ]);
    assert.deepEqual(out, [{ role: 'user', content: 'hi' }]);
  });

  it('maps tools and the tool mode; a tool without a schema takes an empty object', () => {
    const tools = toToolSpecs([
      { name: 'readFile', description: 'Reads a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
      { name: 'now', description: 'The time' },
    ]);
    assert.deepEqual(tools, [
      { name: 'readFile', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
      { name: 'now', description: 'The time', parameters: { type: 'object', properties: {} } },
    ]);
    assert.equal(toolChoiceFor('required', tools), 'required');
    assert.equal(toolChoiceFor('auto', tools), 'auto');
    assert.equal(toToolSpecs([]), undefined);
    assert.equal(toolChoiceFor('required', undefined), undefined);
  });

  it('gives consecutive turns of one conversation the same cache key, and another conversation another', () => {
    const first = toChatMessages([{ role: 'system', parts: [text('S')] }, { role: 'user', parts: [text('Q1')] }]);
    const later = [...first, { role: 'assistant' as const, content: 'A1' }, { role: 'user' as const, content: 'Q2' }];
    const other = toChatMessages([{ role: 'system', parts: [text('S')] }, { role: 'user', parts: [text('Something else')] }]);
    assert.equal(conversationKey(first), conversationKey(later));
    assert.notEqual(conversationKey(first), conversationKey(other));
    assert.equal(conversationKey([]), undefined);
  });
});
