import { strict as assert } from 'node:assert';
import { fitToolResults, shortenResult, SHORTENED_HEAD_CHARS } from '../../../src/core/agent/contextFit';
import type { ChatMessage } from '../../../src/core/api';
import { useFakeServer } from '../api/helpers';
import { agentFor, sentToolResults } from './fakeHost';

describe('agent: long tasks stay inside the window', () => {
  const server = useFakeServer();

  it('shortens old tool results first, oldest first, keeping the head, a note and the latest results whole', () => {
    const big = 'x'.repeat(40_000);
    const messages: ChatMessage[] = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'go' },
      ...[1, 2, 3, 4].flatMap((n): ChatMessage[] => [
        { role: 'assistant', content: '', toolCalls: [{ id: `c${n}`, name: 'read_file', arguments: '{}' }] },
        { role: 'tool', toolCallId: `c${n}`, content: `${n}${big}` },
      ]),
    ];
    assert.equal(fitToolResults(messages, 1_000_000), 0, 'far from the window nothing changes');
    const shortened = fitToolResults(messages, 40_000);
    assert.ok(shortened >= 1 && shortened <= 2);
    const tools = messages.filter((m): m is Extract<ChatMessage, { role: 'tool' }> => m.role === 'tool');
    assert.match(tools[0]!.content, /^1x+\n\[Shortened to fit the context window: \d+ characters left out\. Call the tool again if you need them\.\]$/);
    assert.equal(tools[0]!.content.indexOf('\n'), SHORTENED_HEAD_CHARS);
    assert.equal(tools[3]!.content.length, 40_001, 'the latest results stay whole');
    assert.equal(shortenResult('short'), 'short');
  });

  it('a task nearing the window the server reports gets its old results shortened, with a visible note', async () => {
    const fake = server.get();
    const files = Object.fromEntries([0, 1, 2, 3, 4].map((n) => [`big${n}.txt`, `${`file ${n} `.repeat(4_000)}\n`]));
    const h = agentFor(fake, {}, { files });
    await h.engine.send('[scenario:agent-read-many contextWindow=60000] read them');
    const answer = h.engine.lastTurn()!;
    assert.equal(answer.status, 'done');
    assert.match(answer.note ?? '', /Older tool results were shortened to fit the model's context/);
    const last = sentToolResults(fake, 5);
    assert.equal(last.length, 5);
    assert.match(last[0]!, /\[Shortened to fit the context window/);
    assert.ok(!last[4]!.includes('[Shortened'), 'the newest result is whole');
    assert.equal(h.posted('turnEnd').at(-1)?.note, answer.note);
  });
});
