import { strict as assert } from 'node:assert';
import { parseWebviewMessage, type HostMessage } from '../../src/shared/protocol';

describe('webview → host protocol', () => {
  it('accepts the messages the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
    const sent = parseWebviewMessage({ type: 'send', text: '  hello  ' });
    assert.ok(sent.ok);
    assert.deepEqual(sent.message, { type: 'send', text: 'hello' });
  });

  it('rejects unknown types, wrong field types and empty text', () => {
    for (const raw of [
      null,
      'ready',
      { type: 'nope' },
      { type: 'send', text: 42 },
      { type: 'send', text: '   ' },
      { type: 'send' },
    ]) {
      const result = parseWebviewMessage(raw);
      assert.equal(result.ok, false, JSON.stringify(raw));
    }
  });

  it('accepts pasted PNG images and rejects other data URLs', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.ok(parseWebviewMessage({ type: 'send', text: 'see', images: [{ dataUrl: png }] }).ok);
    for (const dataUrl of ['data:text/html;base64,PGI+', 'javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=']) {
      assert.equal(parseWebviewMessage({ type: 'send', text: 'x', images: [{ dataUrl }] }).ok, false, dataUrl);
    }
  });

  it('accepts edit card actions with a card id and rejects them without one', () => {
    assert.ok(parseWebviewMessage({ type: 'previewEdits', cardId: 'abc', path: 'src/a.ts' }).ok);
    assert.ok(parseWebviewMessage({ type: 'applyEdits', cardId: 'abc' }).ok);
    assert.equal(parseWebviewMessage({ type: 'applyEdits' }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'rejectEdits', cardId: '' }).ok, false);
  });

  it('only lets the webview run allowlisted commands', () => {
    assert.ok(parseWebviewMessage({ type: 'runCommand', command: 'grok.setApiKey' }).ok);
    const bad = parseWebviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.sendSequence' });
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.match(bad.error, /command/);
  });
});

describe('host → webview protocol (optional additions)', () => {
  // Host messages are typed, not validated (the webview trusts its host); these cases pin the
  // optional fields the webview reads, so tsc fails here if one is renamed or removed.
  it('lets turnEnd carry a final text and reasoning that replace what was streamed', () => {
    const end: HostMessage = { type: 'turnEnd', turnId: 't1', status: 'done', text: 'final', reasoning: 'why' };
    const plain: HostMessage = { type: 'turnEnd', turnId: 't1', status: 'stopped' };
    assert.deepEqual(structuredClone(end), end);
    assert.equal('text' in plain, false, 'without text the webview keeps the streamed deltas');
  });
});
