import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { useFakeXai } from './helpers';

/** The fake server's last inference request body. */
function lastInference(server: ReturnType<typeof useFakeXai>) {
  const r = [...server.get().requests].reverse().find((q) => q.method === 'POST');
  assert.ok(r, 'an inference request reached the fake server');
  return r;
}

async function grokModel(id = 'grok-4.3'): Promise<vscode.LanguageModelChat> {
  const [model] = await vscode.lm.selectChatModels({ vendor: 'xai', id });
  assert.ok(model, `model ${id} is offered by vendor xai`);
  return model;
}

async function collect(response: vscode.LanguageModelChatResponse): Promise<unknown[]> {
  const parts: unknown[] = [];
  for await (const part of response.stream) parts.push(part);
  return parts;
}

describe('Grok in VS Code’s chat (language-model provider, vendor xai)', () => {
  const server = useFakeXai();
  const grok = () => vscode.workspace.getConfiguration('grok');

  it('selectChatModels returns the fake server’s models with their capabilities and limits', async () => {
    const models = await vscode.lm.selectChatModels({ vendor: 'xai' });
    assert.deepEqual(models.map((m) => m.id).sort(), ['grok-4.20-0309-non-reasoning', 'grok-4.20-0309-reasoning', 'grok-4.3', 'grok-build-0.1']);
    // VS Code exposes the provider's capabilities on the chat model (not in @types/vscode 1.105).
    const caps = (m: vscode.LanguageModelChat) => (m as unknown as { capabilities?: { supportsImageToText?: boolean; supportsToolCalling?: boolean } }).capabilities;
    const byId = new Map(models.map((m) => [m.id, m]));
    assert.equal(caps(byId.get('grok-4.3')!)?.supportsImageToText, true);
    assert.equal(caps(byId.get('grok-4.3')!)?.supportsToolCalling, true);
    assert.equal(caps(byId.get('grok-build-0.1')!)?.supportsImageToText, false, 'text-only model');
    assert.equal(byId.get('grok-4.3')?.vendor, 'xai');
    assert.ok((byId.get('grok-4.20-0309-reasoning')?.maxInputTokens ?? 0) > 1_000_000, 'the 2M window of grok-4.20');
  });

  it('sendRequest streams the answer text (not the reasoning)', async () => {
    const model = await grokModel();
    // Paced frames: VS Code merges parts that arrive together, so a burst would read as one part.
    server.get().enqueue({ name: 'slow-drip', options: { intervalMs: 15 } });
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Show me a debounce helper.')]);
    const parts = await collect(response);
    const texts = parts.filter((p): p is vscode.LanguageModelTextPart => p instanceof vscode.LanguageModelTextPart);
    assert.ok(texts.length > 1, `streamed in several parts (${texts.length})`);
    const answer = texts.map((p) => p.value).join('');
    assert.match(answer, /debounces/);
    assert.doesNotMatch(answer, /The user wants a readable example/, 'reasoning is not answer text');
    assert.equal(lastInference(server).body?.model, 'grok-4.3');
  });

  it('a tool definition yields a LanguageModelToolCallPart with parsed arguments; its result round-trips', async () => {
    const model = await grokModel();
    const tools: vscode.LanguageModelChatTool[] = [
      { name: 'read_file', description: 'Reads a workspace file', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
    ];
    server.get().enqueue({ name: 'call-offered-tool', options: { args: '{"path":"src/a.ts","lines":[1,2]}' } });
    const question = vscode.LanguageModelChatMessage.User('What does src/a.ts export?');
    const parts = await collect(await model.sendRequest([question], { tools }));
    const call = parts.find((p): p is vscode.LanguageModelToolCallPart => p instanceof vscode.LanguageModelToolCallPart);
    assert.ok(call, `a tool call part (got ${JSON.stringify(parts)})`);
    assert.equal(call.name, 'read_file');
    assert.deepEqual(call.input, { path: 'src/a.ts', lines: [1, 2] });
    const sentTools = JSON.stringify(lastInference(server).body?.tools);
    assert.match(sentTools, /read_file/);

    const followUp = [
      question,
      vscode.LanguageModelChatMessage.Assistant([call]),
      vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart('export const answer = 42;')])]),
    ];
    await collect(await model.sendRequest(followUp, { tools }));
    const body = lastInference(server).body;
    const wire = JSON.stringify(body?.messages ?? body?.input);
    assert.ok(wire.includes(call.callId), 'the tool call id was sent back');
    assert.ok(wire.includes('export const answer = 42;'), 'the tool result was sent');
    assert.ok(wire.includes('src/a.ts'), 'the earlier call’s arguments were sent');
  });

  it('cancelling the token closes the connection at once', async () => {
    const model = await grokModel();
    server.get().enqueue({ name: 'slow-drip', options: { intervalMs: 200 } });
    const cts = new vscode.CancellationTokenSource();
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Take your time.')], {}, cts.token);
    const iterator = response.stream[Symbol.asyncIterator]();
    await iterator.next(); // the first part arrived: the stream is open
    const request = lastInference(server);
    cts.cancel();
    await Promise.race([request.done, new Promise((_r, reject) => setTimeout(() => reject(new Error('the connection stayed open')), 3_000))]);
    assert.equal(request.closedEarly, true, 'the fake server saw the connection close before the answer ended');
    await iterator.return?.(undefined);
  });

  it('usage reaches the spend ledger: once a request uses up the monthly budget, the next is refused with how to change it', async () => {
    const model = await grokModel();
    // A fresh profile has spent cents at most; one $1000 answer crosses a $500 budget only if it is recorded.
    await grok().update('monthlyBudgetUsd', 500, vscode.ConfigurationTarget.Global);
    try {
      server.get().enqueue({ name: 'pricey', options: { usd: 1000 } });
      await collect(await model.sendRequest([vscode.LanguageModelChatMessage.User('An expensive question.')]));
      const sent = server.get().requests.length;
      await assert.rejects(
        async () => collect(await model.sendRequest([vscode.LanguageModelChatMessage.User('One more.')])),
        (err: Error) => {
          assert.match(err.message, /budget.*grok\.monthlyBudgetUsd/);
          return true;
        },
      );
      assert.equal(server.get().requests.length, sent, 'the refused request was not sent');
    } finally {
      await grok().update('monthlyBudgetUsd', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
