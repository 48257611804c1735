import { strict as assert } from 'node:assert';
import type { StoredTurn } from '../../../src/core/chat/conversation';
import { buildPrompt, EDITS_PENDING, renderContext } from '../../../src/core/chat/prompt';
import { estimateTokens } from '../../../src/core/chat/tokens';

let n = 0;
function turn(role: 'user' | 'assistant', text: string, extra: Partial<StoredTurn> = {}): StoredTurn {
  return { id: `t${n++}`, role, text, status: 'done', createdAt: 0, ...extra };
}

const base = { system: 'sys', history: [] as StoredTurn[], userText: 'question', context: '', images: [], contextWindow: 100_000, maxOutputTokens: 1000 };

describe('prompt building', () => {
  it('sends system, history and the new message in order, with the stored context of old user turns', () => {
    const history = [turn('user', 'hi', { context: { text: '<context>A</context>', images: 0 } }), turn('assistant', 'hello')];
    const p = buildPrompt({ ...base, history });
    assert.deepEqual(
      p.messages.map((m) => [m.role, m.content]),
      [
        ['system', 'sys'],
        ['user', '<context>A</context>\n\nhi'],
        ['assistant', 'hello'],
        ['user', 'question'],
      ],
    );
    assert.equal(p.droppedTurns, 0);
    assert.equal(p.overLimit, false);
  });

  it('skips failed assistant turns that produced no text', () => {
    const p = buildPrompt({ ...base, history: [turn('user', 'a'), turn('assistant', '', { status: 'error' })] });
    assert.deepEqual(p.messages.map((m) => m.role), ['system', 'user', 'user']);
  });

  it('drops the oldest exchanges first, whole, until the prompt fits', () => {
    const long = 'x'.repeat(3600); // ~1000 tokens
    const history = [turn('user', `old ${long}`), turn('assistant', long), turn('user', `mid ${long}`), turn('assistant', long), turn('user', 'recent'), turn('assistant', 'ok')];
    const p = buildPrompt({ ...base, history, contextWindow: 5_000, maxOutputTokens: 1_000 });
    assert.equal(p.droppedTurns, 2, 'the oldest user+assistant exchange');
    assert.ok(p.estimatedTokens <= p.limit);
    const texts = p.messages.map((m) => (typeof m.content === 'string' ? m.content : ''));
    assert.ok(!texts.some((t) => t.startsWith('old ')));
    assert.ok(texts.some((t) => t.startsWith('mid ')));
  });

  it('reports overLimit when the new message alone is too long', () => {
    const p = buildPrompt({ ...base, userText: 'y'.repeat(50_000), contextWindow: 8_000, maxOutputTokens: 1_000 });
    assert.equal(p.overLimit, true);
  });

  it('sends images as content parts of the new message', () => {
    const p = buildPrompt({ ...base, images: ['data:image/png;base64,AAAA'] });
    const last = p.messages.at(-1);
    assert.ok(last && last.role === 'user' && Array.isArray(last.content));
    assert.deepEqual(last.content[1], { type: 'image', url: 'data:image/png;base64,AAAA' });
  });

  it('fences context with more backticks than the content uses', () => {
    const ctx = renderContext([{ kind: 'file', path: 'README.md', language: 'md', text: 'a\n```js\nx\n```' }]);
    assert.match(ctx, /^<context>\nFile README\.md:\n````md\n/);
    assert.match(ctx, /\n````\n<\/context>$/);
  });

  it('estimates roughly four characters per token', () => {
    assert.equal(estimateTokens(''), 0);
    const t = estimateTokens('function add(a, b) { return a + b; }'.repeat(10));
    assert.ok(t > 80 && t < 120, String(t));
  });
});

describe('prompt building with edit results', () => {
  it('sends tool calls back with their results, and a pending note before the user decided', () => {
    const call = { id: 'call_1', name: 'propose_edits', arguments: '{"files":[]}' };
    const card = { id: 'c1', status: 'applied' as const, files: [], changes: [], toolCallId: 'call_1', feedback: 'applied 1 edit to a.ts' };
    const history = [turn('user', 'fix it'), turn('assistant', '', { toolCalls: [call], edits: [card] })];
    const p = buildPrompt({ ...base, history });
    assert.deepEqual(p.messages.slice(1, 4), [
      { role: 'user', content: 'fix it' },
      { role: 'assistant', content: '', toolCalls: [call] },
      { role: 'tool', toolCallId: 'call_1', content: 'applied 1 edit to a.ts' },
    ]);
    const pending = buildPrompt({ ...base, history: [turn('user', 'x'), turn('assistant', '', { toolCalls: [call], edits: [{ ...card, feedback: undefined }] })] });
    assert.deepEqual(pending.messages[3], { role: 'tool', toolCallId: 'call_1', content: EDITS_PENDING });
  });

  it('reports results of edits proposed as diff blocks in a user note', () => {
    const card = { id: 'c2', status: 'refused' as const, files: [], changes: [], feedback: 'edit 1 refused: not found' };
    const p = buildPrompt({ ...base, history: [turn('user', 'x'), turn('assistant', '```diff\n...\n```', { edits: [card] })] });
    assert.deepEqual(p.messages[3], { role: 'user', content: 'Result of the edits you proposed:\nedit 1 refused: not found' });
  });
});
