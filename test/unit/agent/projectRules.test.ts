import { strict as assert } from 'node:assert';
import { renderRules } from '../../../src/core/agent/projectRules';
import { useFakeServer } from '../api/helpers';
import { agentFor } from './fakeHost';

describe('agent: project rules', () => {
  const server = useFakeServer();

  it('renders AGENTS.md and .grok/rules as one block, capped with a note, and a chip label', () => {
    assert.equal(renderRules([{ path: 'AGENTS.md', text: '  ' }]), undefined);
    const rules = renderRules([{ path: 'AGENTS.md', text: 'Use tabs.' }, { path: '.grok/rules/tests.md', text: 'Test everything.' }])!;
    assert.match(rules.text, /<project_rules>\n## AGENTS\.md\nUse tabs\.\n\n## \.grok\/rules\/tests\.md\nTest everything\.\n<\/project_rules>$/);
    assert.equal(rules.label, 'AGENTS.md +1');
    const capped = renderRules([{ path: 'AGENTS.md', text: 'a'.repeat(500) }, { path: '.grok/rules/big.md', text: 'b'.repeat(5_000) }], 1_000)!;
    assert.ok(capped.text.length < 1_500);
    assert.match(capped.text, /\[Rules cut at 1000 characters: \.grok\/rules\/big\.md is not complete\.\]/);
    assert.match(capped.detail, /cut to fit/);
  });

  it('goes into the system prompt of the conversation, and not once removed', async () => {
    const fake = server.get();
    let removed = false;
    const rules = renderRules([{ path: 'AGENTS.md', text: 'Always answer in haiku.' }])!.text;
    const engine = agentFor(fake, {}, { rules: async () => (removed ? undefined : rules) }).engine;
    fake.enqueue('echo', 'echo');
    await engine.send('first');
    removed = true;
    await engine.send('second');
    const systems = fake.requests.filter((r) => r.method === 'POST').map((r) => String(r.body?.messages?.[0]?.content));
    assert.match(systems[0]!, /<project_rules>\n## AGENTS\.md\nAlways answer in haiku\./);
    assert.ok(!systems[1]!.includes('project_rules'));
  });
});
