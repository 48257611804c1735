import { strict as assert } from 'node:assert';
import { parseProposeEditsArgs, proposeEditsTool, PROPOSE_EDITS_TOOL_NAME } from '../../../src/core/edits';

function keysDeep(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => keysDeep(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      out.push(k);
      keysDeep(v, out);
    }
  }
  return out;
}

describe('propose_edits tool schema', () => {
  const tool = proposeEditsTool();

  it('is derived from the zod schema: files[] of { path, edits[] | content }', () => {
    assert.equal(tool.name, PROPOSE_EDITS_TOOL_NAME);
    assert.ok(tool.description.length > 50);
    const params = tool.parameters as { type: string; required: string[]; properties: { files: { items: { properties: Record<string, unknown>; required: string[] } } } };
    assert.equal(params.type, 'object');
    assert.deepEqual(params.required, ['files']);
    const file = params.properties.files.items;
    assert.deepEqual(Object.keys(file.properties).sort(), ['content', 'edits', 'path']);
    assert.deepEqual(file.required, ['path']);
  });

  it('carries no additionalProperties (xAI rejects it in tool schemas) and no $schema', () => {
    const keys = keysDeep(tool.parameters);
    assert.ok(!keys.includes('additionalProperties'));
    assert.ok(!keys.includes('$schema'));
    assert.ok(keys.includes('description'));
  });
});

describe('parseProposeEditsArgs', () => {
  it('accepts { files } as a JSON string and keeps line hints', () => {
    const r = parseProposeEditsArgs(JSON.stringify({ files: [{ path: 'a.ts', edits: [{ search: 'x', replace: 'y', line: 3 }] }, { path: 'b.ts', content: 'new\n' }] }));
    assert.deepEqual(r, { ok: true, files: [{ kind: 'edits', path: 'a.ts', edits: [{ search: 'x', replace: 'y', line: 3 }] }, { kind: 'whole', path: 'b.ts', content: 'new\n' }] });
  });

  it('accepts a single file object (one call per file) and double-encoded arguments', () => {
    const single = { path: 'a.ts', edits: [{ search: 'x', replace: 'y' }] };
    const expected = { ok: true, files: [{ kind: 'edits', path: 'a.ts', edits: [{ search: 'x', replace: 'y' }] }] };
    assert.deepEqual(parseProposeEditsArgs(single), expected);
    assert.deepEqual(parseProposeEditsArgs(JSON.stringify(JSON.stringify(single))), expected);
  });

  it("keeps the model's reason for the card (as `reason` or `explanation`), trimmed and capped; a long one is no error", () => {
    const files = [{ path: 'a.ts', content: 'x\n' }];
    const r = parseProposeEditsArgs({ files, reason: '  Fixes the sign.  ' });
    assert.equal(r.ok && r.reason, 'Fixes the sign.');
    const single = parseProposeEditsArgs({ path: 'a.ts', edits: [{ search: 'x', replace: 'y' }], explanation: 'add() subtracted.' });
    assert.equal(single.ok && single.reason, 'add() subtracted.');
    const long = parseProposeEditsArgs({ files, reason: 'why '.repeat(400) });
    assert.equal(long.ok && long.reason?.length, 500);
    const plain = parseProposeEditsArgs({ files });
    assert.ok(plain.ok && !('reason' in plain), 'no reason, no field');
    const wrong = parseProposeEditsArgs({ files, reason: 42 });
    assert.ok(!wrong.ok && /reason/.test(wrong.error), 'a reason that is not text goes back to the model as an error');
  });

  it('gives clear errors: invalid JSON, missing fields, both or neither of edits/content, bad line', () => {
    const error = (args: unknown) => {
      const r = parseProposeEditsArgs(args);
      assert.equal(r.ok, false);
      return r.ok ? '' : r.error;
    };
    assert.match(error('{"files": ['), /not valid JSON/);
    assert.match(error({ files: [{ path: 'a.ts', edits: [{ search: 'x' }] }] }), /^files\[0\]\.edits\[0\]\.replace: .*expected string/);
    assert.match(error({ files: [{ path: 'a.ts' }] }), /exactly one of "edits" or "content"/);
    assert.match(error({ files: [{ path: 'a.ts', content: '', edits: [{ search: 'a', replace: 'b' }] }] }), /exactly one/);
    assert.match(error({ files: [{ path: 'a.ts', edits: [{ search: 'a', replace: 'b', line: 0 }] }] }), /line/);
    assert.match(error({ files: [] }), /files/);
    assert.match(error({ files: [{ path: '  ', content: 'x' }] }), /path/);
    assert.match(error([1, 2]), /arguments|files/);
  });
});
