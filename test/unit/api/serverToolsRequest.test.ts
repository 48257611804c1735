import { strict as assert } from 'node:assert';
import { serverToolLesson, serverToolsWire, ServerToolCompat } from '../../../src/core/api';
import { parseSettings } from '../../../src/core/config';
import { CHAT_COMPLETIONS_REASON, serverToolsFor, serverToolsState } from '../../../src/core/chat/serverToolSettings';
import { ask, clientFor, collect, useFakeServer } from './helpers';

describe('server-side tools: request shaping', () => {
  it('offers nothing by default, and nothing at all on Chat Completions', () => {
    assert.equal(serverToolsFor(parseSettings({}), 'responses'), undefined);
    const on = parseSettings({ 'tools.webSearch': 'auto', 'tools.xSearch': 'auto', 'tools.codeExecution': 'auto' });
    assert.equal(serverToolsFor(on, 'chat'), undefined);
    assert.deepEqual(serverToolsState(on, 'chat'), { webSearch: true, xSearch: true, codeExecution: true, unavailable: CHAT_COMPLETIONS_REASON });
    assert.equal(serverToolsState(on, 'responses').unavailable, undefined);
  });

  it('invalid setting values fall back to off / empty instead of failing', () => {
    const s = parseSettings({ 'tools.webSearch': 'on', 'tools.webSearchAllowedDomains': 'docs.rs', 'tools.xSearchFromDate': 'yesterday' });
    assert.equal(s['tools.webSearch'], 'off');
    assert.deepEqual(s['tools.webSearchAllowedDomains'], []);
    assert.equal(s['tools.xSearchFromDate'], '');
  });

  it('each setting becomes its tool: web search with domains, X search with handles and dates, code execution', () => {
    const settings = parseSettings({
      'tools.webSearch': 'auto',
      'tools.webSearchExcludedDomains': ['https://www.pinterest.com/x', 'quora.com', 'quora.com'],
      'tools.xSearch': 'auto',
      'tools.xSearchAllowedHandles': ['@nodejs', ' typescript '],
      'tools.xSearchFromDate': '2026-01-01',
      'tools.xSearchToDate': '2026-06-30',
      'tools.codeExecution': 'auto',
    });
    const spec = serverToolsFor(settings, 'responses')!;
    assert.deepEqual(serverToolsWire(spec, 'flat'), [
      { type: 'web_search', excluded_domains: ['www.pinterest.com', 'quora.com'] },
      { type: 'x_search', allowed_x_handles: ['nodejs', 'typescript'], from_date: '2026-01-01', to_date: '2026-06-30' },
      { type: 'code_interpreter' },
    ]);
  });

  it('domain filters go on the tool or under `filters`; allowed wins over excluded; at most 5 domains, 10 handles', () => {
    const domains = ['a.dev', 'b.dev', 'c.dev', 'd.dev', 'e.dev', 'f.dev'];
    const spec = { webSearch: { allowedDomains: domains, excludedDomains: ['x.dev'] }, xSearch: { excludedHandles: Array.from({ length: 12 }, (_, i) => `h${i}`) } };
    const [flat, x] = serverToolsWire(spec, 'flat');
    assert.deepEqual(flat, { type: 'web_search', allowed_domains: domains.slice(0, 5) });
    assert.equal((x!.excluded_x_handles as string[]).length, 10);
    assert.deepEqual(serverToolsWire(spec, 'filters')[0], { type: 'web_search', filters: { allowed_domains: domains.slice(0, 5) } });
    assert.deepEqual(serverToolsWire({ webSearch: {} }, 'filters'), [{ type: 'web_search' }], 'no filters: no filters key either');
    assert.deepEqual(serverToolsWire({ webSearch: {}, codeExecution: {} }, 'flat', new Set(['webSearch'])), [{ type: 'code_interpreter' }]);
  });

  it('reads which nesting the server wants, and which tool it refuses, from its error', () => {
    assert.deepEqual(serverToolLesson('tools[0]: unknown field `allowed_domains`, expected one of `type`, `filters`', 'flat'), { kind: 'nesting', nesting: 'filters' });
    assert.deepEqual(serverToolLesson('tools[0]: unknown field `filters`, expected one of `type`, `allowed_domains`', 'filters'), { kind: 'nesting', nesting: 'flat' });
    assert.equal(serverToolLesson('tools[0]: unknown field `filters`', 'flat'), undefined, 'already flat: nothing new to learn');
    assert.deepEqual(serverToolLesson('Model grok-3 does not support the x_search tool.', 'flat'), { kind: 'drop', tool: 'xSearch' });
    assert.deepEqual(serverToolLesson('tools[2]: unknown variant `code_interpreter`, expected `function`', 'flat'), { kind: 'drop', tool: 'codeExecution' });
    assert.equal(serverToolLesson('Incorrect API key provided', 'flat'), undefined);
  });

  it('a compat record learns once per lesson and remembers refused tools per model', () => {
    const compat = new ServerToolCompat();
    const spec = { webSearch: { allowedDomains: ['a.dev'] }, xSearch: {} };
    assert.deepEqual(compat.learn('m', spec, 'unknown field `allowed_domains`'), { kind: 'nesting', nesting: 'filters' });
    assert.equal(compat.nesting, 'filters');
    assert.equal(compat.learn('m', spec, 'unknown field `allowed_domains`'), undefined);
    assert.deepEqual(compat.learn('m', spec, 'x_search is not supported'), { kind: 'drop', tool: 'xSearch' });
    assert.equal(compat.learn('m', spec, 'x_search is not supported'), undefined, 'already dropped');
    assert.deepEqual([...compat.dropped('m')], ['xSearch']);
    assert.deepEqual([...compat.dropped('other-model')], []);
    assert.equal(compat.learn('m', undefined, 'x_search is not supported'), undefined, 'no tools offered: not our problem');
  });

  describe('against the fake server', () => {
    const server = useFakeServer();
    const tools = { webSearch: { allowedDomains: ['nodejs.org'] }, codeExecution: {} };

    it('sends the tools after the function tools, and only on Responses', async () => {
      const { client } = clientFor(server.get(), { api: 'responses' });
      const run = await collect(client.stream(ask('[scenario:server-tools] q', { tools: [{ name: 'propose_edits', parameters: { type: 'object' } }], serverTools: tools })));
      assert.equal(run.error, undefined);
      const sent = server.get().requests[0]!.body!.tools as { type: string }[];
      assert.deepEqual(sent.map((t) => t.type), ['function', 'web_search', 'code_interpreter']);
      const chat = clientFor(server.get(), { api: 'chat' }).client;
      await collect(chat.stream(ask('plain', { serverTools: tools })));
      assert.equal(server.get().requests[1]!.body!.tools, undefined, 'Chat Completions never gets server-side tools');
    });

    it('switches to the `filters` nesting when the server rejects flat fields, and remembers it', async () => {
      const { client } = clientFor(server.get(), { api: 'responses' });
      const first = await collect(client.stream(ask('[scenario:server-tools accepts=filters] q', { serverTools: tools })));
      assert.equal(first.error, undefined);
      assert.match(first.text, /Node\.js 22\.12/);
      const bodies = server.get().requests.map((r) => (r.body!.tools as Record<string, unknown>[])[0]);
      assert.deepEqual(bodies, [
        { type: 'web_search', allowed_domains: ['nodejs.org'] },
        { type: 'web_search', filters: { allowed_domains: ['nodejs.org'] } },
      ]);
      server.get().reset();
      await collect(client.stream(ask('[scenario:server-tools accepts=filters] again', { serverTools: tools })));
      assert.equal(server.get().requests.length, 1, 'the next request goes nested straight away');
    });

    it('and back to flat when the server rejects `filters`', async () => {
      const { client } = clientFor(server.get(), { api: 'responses' });
      await collect(client.stream(ask('[scenario:server-tools accepts=filters] q', { serverTools: tools })));
      server.get().reset();
      const run = await collect(client.stream(ask('[scenario:server-tools accepts=flat] q', { serverTools: tools })));
      assert.equal(run.error, undefined);
      assert.equal(server.get().requests.length, 2);
      assert.ok('allowed_domains' in (server.get().requests[1]!.body!.tools as Record<string, unknown>[])[0]!);
    });

    it('a refused tool is dropped, said once, and the answer comes without it', async () => {
      const { client } = clientFor(server.get(), { api: 'responses' });
      const spec = { webSearch: {}, xSearch: {} };
      const run = await collect(client.stream(ask('[scenario:server-tools unsupported=x_search] q', { serverTools: spec })));
      assert.equal(run.error, undefined);
      const notes = run.events.filter((e) => e.type === 'serverToolUnavailable');
      assert.equal(notes.length, 1);
      assert.match(notes[0]!.type === 'serverToolUnavailable' ? notes[0]!.message : '', /X search is not available for grok-4\.3/);
      const retried = server.get().requests[1]!.body!.tools as { type: string }[];
      assert.deepEqual(retried.map((t) => t.type), ['web_search']);
      server.get().reset();
      await collect(client.stream(ask('[scenario:server-tools unsupported=x_search] again', { serverTools: spec })));
      assert.equal(server.get().requests.length, 1, 'remembered for the model');
    });

    it('a refusal that names no tool is an error as before (no silent resend)', async () => {
      const { client } = clientFor(server.get(), { api: 'responses' });
      const run = await collect(client.stream(ask('[scenario:invalid-key] q', { serverTools: tools })));
      assert.equal(run.error?.kind, 'auth');
      assert.equal(server.get().requests.length, 1);
    });
  });
});
