import { strict as assert } from 'node:assert';
import { requestFileEdit, type EditRequestDeps } from '../../../src/core/chat/engine';
import { SpendTracker } from '../../../src/core/chat/spendTracker';
import { SettingsConfig } from '../../../src/core/configStore';
import { refactorPrompt } from '../../../src/core/prompts/editTask';
import { clientFor, memoryLogger, useFakeServer } from '../api/helpers';
import { memoryState } from './harness';

describe('conversation engine: edit requests of the editor commands', () => {
  const server = useFakeServer();

  function deps(overrides: Partial<EditRequestDeps> = {}): EditRequestDeps {
    const fake = server.get();
    return {
      config: new SettingsConfig({ baseUrl: fake.url }),
      client: () => clientFor(fake).client,
      logger: memoryLogger(),
      spend: new SpendTracker(memoryState()),
      hasKey: async () => true,
      questions: { confirmBudget: async () => false, warn: () => undefined },
      scrub: (t) => t,
      ...overrides,
    };
  }

  const request = (path: string) => ({
    task: 'refactor' as const,
    template: refactorPrompt,
    values: { what: 'function add', lines: '1-3', instruction: 'rename' },
    path,
    language: 'typescript',
    fileText: 'export function add(a: number, b: number) {\n  return a + b;\n}\n',
  });

  it('forces propose_edits and returns the proposal for the file asked about', async () => {
    const fake = server.get();
    fake.enqueue('tool-call');
    const outcome = await requestFileEdit(deps(), request('src/math.ts'), new AbortController().signal);
    assert.equal(outcome.kind, 'changes');
    assert.ok(outcome.kind === 'changes' && outcome.changes.every((c) => c.path === 'src/math.ts'));
    const body = fake.requests.find((r) => r.method === 'POST')?.body;
    assert.deepEqual(body?.tool_choice, { type: 'function', function: { name: 'propose_edits' } });
  });

  it('an edit of another file is not previewed: it says so and keeps the answer', async () => {
    server.get().enqueue('tool-call');
    const outcome = await requestFileEdit(deps(), request('src/other.ts'), new AbortController().signal);
    assert.equal(outcome.kind, 'noEdit');
    assert.match(outcome.kind === 'noEdit' ? outcome.message : '', /proposed edits to other files \(src\/math\.ts\) instead of src\/other\.ts/);
  });

  it('an answer without an edit keeps its text for the chat', async () => {
    server.get().enqueue('echo');
    const outcome = await requestFileEdit(deps(), { ...request('src/math.ts'), values: { what: 'x', lines: '1', instruction: 'just talk' } }, new AbortController().signal);
    assert.equal(outcome.kind, 'noEdit');
    assert.ok(outcome.kind === 'noEdit' && outcome.answer.length > 0, 'the answer is kept');
    assert.equal(outcome.kind === 'noEdit' ? outcome.message : '', 'Grok answered without proposing an edit.');
  });

  it('with no key for xAI, nothing is sent', async () => {
    let called = false;
    const outcome = await requestFileEdit(
      deps({
        config: new SettingsConfig({ baseUrl: 'https://api.x.ai/v1' }),
        hasKey: async () => false,
        client: () => ({ stream: () => { called = true; throw new Error('no'); }, listModels: async () => [] }),
      }),
      request('src/math.ts'),
      new AbortController().signal,
    );
    assert.deepEqual(outcome, { kind: 'error', message: 'Grok needs an xAI API key first.', action: 'setApiKey' });
    assert.equal(called, false);
  });

  it('cancelling ends the request as cancelled', async () => {
    server.get().enqueue({ name: 'slow-drip', options: { intervalMs: 50 } });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 30);
    const outcome = await requestFileEdit(deps(), request('src/math.ts'), abort.signal);
    assert.deepEqual(outcome, { kind: 'cancelled' });
  });
});
