import { strict as assert } from 'node:assert';
import { toolCallsInText } from '../../../src/core/agent/textCalls';
import { BUILTIN_TOOLS, parseToolArgs, toolSpec } from '../../../src/core/agent/tools';
import { decodeRead, numberedSlice, READ_MAX_LINES } from '../../../src/core/agent/tools/readFormat';
import { holdsSecrets, readVerdict } from '../../../src/core/agent/pathPolicy';
import { checkPathLexically } from '../../../src/core/safety';

const tool = (name: string) => BUILTIN_TOOLS.find((t) => t.name === name)!;

describe('agent tools: schemas and validation', () => {
  it('offers exactly the tools of the issue, with names and arguments from their zod schemas', () => {
    const specs = BUILTIN_TOOLS.map(toolSpec);
    assert.deepEqual(specs.map((s) => s.name), ['list_files', 'search_text', 'read_file', 'find_symbols', 'get_diagnostics', 'propose_edits']);
    const props = (name: string) => Object.keys((specs.find((s) => s.name === name)!.parameters as { properties: object }).properties);
    assert.deepEqual(props('read_file'), ['path', 'start_line', 'end_line']);
    assert.deepEqual(props('list_files'), ['path', 'glob', 'max_results']);
    assert.deepEqual(props('search_text'), ['query', 'is_regex', 'glob', 'max_results']);
    assert.deepEqual(props('find_symbols'), ['query']);
    assert.deepEqual(props('get_diagnostics'), ['path']);
    assert.deepEqual(props('propose_edits'), ['files', 'reason']);
    assert.deepEqual((specs.find((s) => s.name === 'read_file')!.parameters as { required: string[] }).required, ['path']);
    assert.ok(!JSON.stringify(specs).includes('additionalProperties'), 'xAI rejects additionalProperties in some schemas');
    assert.deepEqual(BUILTIN_TOOLS.map((t) => t.kind), ['read', 'read', 'read', 'read', 'read', 'edit']);
  });

  it('validates arguments and says what is wrong in one line', () => {
    assert.deepEqual(parseToolArgs(tool('read_file'), '{"path":"a.ts","start_line":3}'), { ok: true, value: { path: 'a.ts', start_line: 3 } });
    assert.deepEqual(parseToolArgs(tool('list_files'), ''), { ok: true, value: {} });
    const bad = parseToolArgs(tool('read_file'), '{"start_line":2,"end_line":1}');
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.error : '', /^path: /);
    assert.match((parseToolArgs(tool('read_file'), '{"path":') as { error: string }).error, /not valid JSON/);
    assert.match((parseToolArgs(tool('search_text'), '{"query":"x","max_results":5000}') as { error: string }).error, /max_results/);
    // Envelopes models put around arguments are undone.
    assert.deepEqual(parseToolArgs(tool('read_file'), '{"name":"read_file","arguments":{"path":"b.ts"}}'), { ok: true, value: { path: 'b.ts' } });
    // propose_edits keeps its single-file shorthand.
    const edit = parseToolArgs(tool('propose_edits'), '{"path":"a.ts","edits":[{"search":"x","replace":"y"}]}');
    assert.ok(edit.ok);
  });

  it('gives each card its key argument', () => {
    const key = (name: string, args: unknown) => tool(name).keyArg((parseToolArgs(tool(name), JSON.stringify(args)) as { value: unknown }).value);
    assert.equal(key('read_file', { path: 'a.ts', start_line: 5, end_line: 9 }), 'a.ts:5-9');
    assert.equal(key('search_text', { query: 'TODO', glob: '*.ts' }), 'TODO in *.ts');
    assert.equal(key('list_files', {}), '.');
  });
});

describe('agent tools: read_file output', () => {
  it('numbers lines and cuts long files with a note saying how to read on', () => {
    assert.equal(numberedSlice('a\nb\n', 'x.ts'), 'x.ts (2 lines)\n1: a\n2: b');
    assert.equal(numberedSlice('a\nb\nc\n', 'x.ts', 2, 2), 'x.ts lines 2-2 of 3\n2: b');
    const long = Array.from({ length: 2_500 }, (_, i) => `line ${i + 1}`).join('\n');
    const cut = numberedSlice(long, 'big.ts');
    assert.equal(cut.split('\n').length, READ_MAX_LINES + 2);
    assert.match(cut, /\[Cut at line 2000: 500 more lines\. Read on with start_line 2001\.\]$/);
    const wide = numberedSlice(Array.from({ length: 100 }, () => 'x'.repeat(5_000)).join('\n'), 'wide.txt');
    assert.ok(wide.length < 210_000);
    assert.match(wide, /Read on with start_line 40\b/);
    assert.match(numberedSlice('a', 'x', 9), /only 1 lines; start_line 9 is past the end/);
  });

  it('reports binary and non-UTF-8 files instead of dumping them; an open editor wins', () => {
    const disk = (bytes: number[]) => ({ kind: 'disk' as const, bytes: Uint8Array.from(bytes), size: bytes.length });
    assert.match((decodeRead(disk([0x89, 0x50, 0x00, 0x47]), 'a.png') as { message: string }).message, /a\.png is a binary file \(4 B\)/);
    assert.match((decodeRead(disk([0x63, 0x61, 0x66, 0xe9]), 'latin1.txt') as { message: string }).message, /not UTF-8/);
    assert.deepEqual(decodeRead({ kind: 'editor', text: 'unsaved' }, 'a.ts'), { ok: true, text: 'unsaved' });
    assert.match((decodeRead({ kind: 'missing' }, 'nope.ts') as { message: string }).message, /does not exist/);
  });
});

describe('agent tools: calls written as text', () => {
  const names = BUILTIN_TOOLS.map((t) => t.name);
  it('finds fenced and bare JSON calls naming an offered tool, in order', () => {
    const text = 'I will look.\n```json\n{"name": "read_file", "arguments": {"path": "a.ts"}}\n```\n{"tool":"search_text","args":{"query":"x"}}\n';
    assert.deepEqual(toolCallsInText(text, names), [
      { id: 'text_call_1', name: 'read_file', arguments: '{"path":"a.ts"}' },
      { id: 'text_call_2', name: 'search_text', arguments: '{"query":"x"}' },
    ]);
    assert.deepEqual(toolCallsInText('{"function":{"name":"list_files","arguments":"{\\"glob\\":\\"*.md\\"}"}}', names)[0], { id: 'text_call_1', name: 'list_files', arguments: '{"glob":"*.md"}' });
    assert.equal(toolCallsInText('{"path":"a.ts","edits":[{"search":"a","replace":"b"}]}', names)[0]?.name, 'propose_edits');
  });

  it('ignores JSON that is not a call of an offered tool', () => {
    assert.deepEqual(toolCallsInText('```json\n{"name": "my-package", "version": "1.0.0"}\n```', names), []);
    assert.deepEqual(toolCallsInText('{"name": "run_command", "arguments": {}}', names), []);
    assert.deepEqual(toolCallsInText('Use read_file to read files.', names), []);
  });
});

describe('agent tools: which reads ask', () => {
  const roots = ['/w'];
  it('inside the workspace: no question, except files that may hold secrets', () => {
    assert.equal(readVerdict('src/a.ts', checkPathLexically(roots, 'src/a.ts')).kind, 'ok');
    assert.equal(readVerdict('package.json', checkPathLexically(roots, 'package.json')).kind, 'ok', 'sensitive to write, not to read');
    for (const p of ['.env', 'config/.env.local', 'certs/server.pem', '.npmrc', 'id_rsa']) assert.ok(holdsSecrets(p), p);
    const env = readVerdict('.env', checkPathLexically(roots, '.env'));
    assert.equal(env.kind === 'ask' && env.category, 'secrets');
  });
  it('outside the workspace and inside .git ask; invalid paths fail', () => {
    const out = readVerdict('../x', checkPathLexically(roots, '../x'));
    assert.equal(out.kind === 'ask' && out.category, 'outside');
    assert.equal(readVerdict('/etc/passwd', checkPathLexically(roots, '/etc/passwd')).kind, 'ask');
    const git = readVerdict('.git/config', checkPathLexically(roots, '.git/config'));
    assert.equal(git.kind === 'ask' && git.category, 'git');
    assert.equal(readVerdict('', checkPathLexically(roots, '')).kind, 'error');
  });
});
