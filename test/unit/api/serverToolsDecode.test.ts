import { strict as assert } from 'node:assert';
import type { Citation, ServerToolCall, TurnEvent } from '../../../src/core/api';
import { ResponsesDecoder } from '../../../src/core/api/responsesDecoder';
import { FAKE_CODE, FAKE_CODE_OUTPUT, FAKE_SOURCES, FAKE_UNCITED } from '../../fakeXai/serverToolFrames';
import { ask, clientFor, collect, useFakeServer } from './helpers';

const ALL = { webSearch: {}, xSearch: {}, codeExecution: {} };

/** The last state of each server-side tool call, by id, in order of first appearance. */
function finalCalls(events: TurnEvent[]): ServerToolCall[] {
  const calls = new Map<string, ServerToolCall>();
  for (const e of events) if (e.type === 'serverToolCall') calls.set(e.call.id, e.call);
  return [...calls.values()];
}

const citationsOf = (events: TurnEvent[]): Citation[] => events.flatMap((e) => (e.type === 'citations' ? e.citations : []));

function decode(lines: object[]): TurnEvent[] {
  const decoder = new ResponsesDecoder('req');
  const out: TurnEvent[] = [];
  for (const line of lines) decoder.push(JSON.stringify(line), out);
  return out;
}

describe('server-side tools: decoding', () => {
  const server = useFakeServer();

  for (const shape of ['xai', 'openai'] as const) {
    it(`${shape} shape: a card per call with query, code and output; citations with UTF-16 positions on the markers; usage by kind`, async () => {
      const { client, usage } = clientFor(server.get(), { api: 'responses' });
      const run = await collect(client.stream(ask(`[scenario:server-tools shape=${shape}] q`, { serverTools: ALL })));
      assert.equal(run.error, undefined);
      const calls = finalCalls(run.events);
      assert.deepEqual(calls.map((c) => [c.kind, c.status]), [['webSearch', 'completed'], ['xSearch', 'completed'], ['codeExecution', 'completed']]);
      assert.equal(calls[0]!.query, 'node 22 require esm');
      assert.equal(calls[1]!.query, 'node 22 require esm from:nodejs');
      assert.equal(calls[2]!.code, FAKE_CODE);
      assert.equal(calls[2]!.output, FAKE_CODE_OUTPUT);
      // Cards come before the text, as the tools ran first.
      assert.ok(run.events.findIndex((e) => e.type === 'serverToolCall') < run.events.findIndex((e) => e.type === 'text'));

      const positioned = citationsOf(run.events).filter((c) => c.start !== undefined);
      assert.deepEqual(positioned.map((c) => run.text.slice(c.start, c.end)), FAKE_SOURCES.map((s, i) => `[[${i + 1}]](${s.url})`));
      assert.equal(positioned[0]!.title, FAKE_SOURCES[0]!.title);
      assert.ok(citationsOf(run.events).some((c) => c.url === FAKE_UNCITED && c.start === undefined), "the response's citations list");

      const record = usage.at(-1)!;
      assert.deepEqual(record.serverToolCalls, { webSearch: 1, xSearch: 1, codeExecution: 1, other: 0 });
      assert.ok(Math.abs(record.serverToolCostUsd! - 0.015) < 1e-12);
      assert.equal(record.costSource, 'ticks');
    });
  }

  for (const units of ['codePoint', 'utf16', 'byte'] as const) {
    it(`citation indices in ${units} land on the same marker in the answer (multi-byte text before it)`, async () => {
      const { client } = clientFor(server.get(), { api: 'responses' });
      const run = await collect(client.stream(ask(`[scenario:server-tools units=${units}] q`, { serverTools: { webSearch: {} } })));
      const positioned = citationsOf(run.events).filter((c) => c.start !== undefined);
      assert.equal(positioned.length, 2);
      for (const [i, c] of positioned.entries()) assert.equal(run.text.slice(c.start, c.end), `[[${i + 1}]](${FAKE_SOURCES[i]!.url})`);
    });
  }

  it('a search-only stream is not an empty answer once text follows; tool events alone mark output started', () => {
    const decoder = new ResponsesDecoder('req');
    const out: TurnEvent[] = [];
    decoder.push(JSON.stringify({ type: 'response.output_item.added', output_index: 0, item: { id: 'ws_1', type: 'web_search_call', status: 'in_progress', action: { type: 'search', query: 'x' } } }), out);
    assert.equal(decoder.sawOutput, true);
    assert.equal(decoder.sawAnswer, false);
  });

  it('status events without an item create the card; running → completed; later states replace earlier ones in one batch', () => {
    const out = decode([
      { type: 'response.web_search_call.in_progress', item_id: 'ws_9', output_index: 0 },
      { type: 'response.web_search_call.searching', item_id: 'ws_9', output_index: 0 },
      { type: 'response.web_search_call.completed', item_id: 'ws_9', output_index: 0 },
    ]);
    assert.equal(out.length, 1, 'merged');
    assert.deepEqual(out[0], { type: 'serverToolCall', call: { id: 'ws_9', kind: 'webSearch', status: 'completed' } });
  });

  it('odd values are skipped, never a stream failure', () => {
    const out = decode([
      { type: 'response.output_item.added', output_index: 0, item: { id: 'ci', type: 'code_interpreter_call', code: 42, outputs: 'nope', action: [1], status: {} } },
      { type: 'response.output_text.annotation.added', item_id: 'msg', annotation: { type: 'url_citation', url: 12 } },
      { type: 'response.output_text.annotation.added', item_id: 'msg', annotation: { type: 'url_citation', url: 'https://a.dev', start_index: 'x' } },
      { type: 'response.completed', response: { model: 'grok-4.3', citations: [null, 3, { url: 'https://b.dev', title: 'B' }] } },
    ]);
    assert.deepEqual(finalCalls(out), [{ id: 'ci', kind: 'codeExecution', status: 'running' }]);
    assert.deepEqual(citationsOf(out), [{ url: 'https://a.dev' }, { url: 'https://b.dev', title: 'B' }]);
  });

  it('custom tool names map to kinds; streamed JSON input gives the query once it parses', () => {
    const out = decode([
      { type: 'response.output_item.added', output_index: 0, item: { id: 'c1', type: 'custom_tool_call', name: 'x_semantic_search', input: '' } },
      { type: 'response.custom_tool_call_input.delta', item_id: 'c1', delta: '{"query":"bun' },
      { type: 'response.custom_tool_call_input.delta', item_id: 'c1', delta: ' 1.2"}' },
      { type: 'response.output_item.added', output_index: 1, item: { id: 'c2', type: 'custom_tool_call', name: 'browse_page', input: '{"url":"https://bun.sh"}', status: 'completed' } },
    ]);
    const calls = finalCalls(out);
    assert.deepEqual(calls.map((c) => [c.kind, c.name, c.query]), [['xSearch', 'x_semantic_search', 'bun 1.2'], ['webSearch', 'browse_page', 'https://bun.sh']]);
  });

  it('annotations in a second message item point past the first one’s text', () => {
    const out = decode([
      { type: 'response.output_text.delta', item_id: 'm1', content_index: 0, delta: 'Ein Überblick. ' },
      { type: 'response.output_text.delta', item_id: 'm2', content_index: 0, delta: 'See [[1]](https://a.dev).' },
      { type: 'response.output_text.annotation.added', item_id: 'm2', content_index: 0, annotation: { type: 'url_citation', url: 'https://a.dev', start_index: 4, end_index: 24 } },
    ]);
    const text = out.filter((e) => e.type === 'text').map((e) => (e.type === 'text' ? e.text : '')).join('');
    const [c] = citationsOf(out);
    assert.equal(text.slice(c!.start, c!.end), '[[1]](https://a.dev)');
  });
});
