import { strict as assert } from 'node:assert';
import { buildChatHtml, chatCsp } from '../../src/core/webviewHtml';

describe('chat webview HTML', () => {
  const html = buildChatHtml({
    cspSource: 'vscode-resource:',
    nonce: 'abc123',
    scriptUri: 'vscode-resource:/dist/webview.js',
    styleUri: 'vscode-resource:/media/chat.css',
  });

  it('carries a CSP that forbids everything but our nonce script, own styles and no network', () => {
    const csp = chatCsp('vscode-resource:', 'abc123');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /connect-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.ok(html.includes(`content="${csp.replace(/'/g, "'")}"`));
  });

  it('loads only the nonce-tagged script', () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0] ?? '', /nonce="abc123"/);
  });

  it('escapes attribute values', () => {
    const evil = buildChatHtml({ cspSource: 'x', nonce: 'n', scriptUri: '"><script>alert(1)</script>', styleUri: 's' });
    assert.doesNotMatch(evil, /"><script>alert/);
  });
});
