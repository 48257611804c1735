import { strict as assert } from 'node:assert';
import { classifyLink } from '../../../src/core/chat/links';

describe('links clicked in answers', () => {
  it('opens web and mail links externally', () => {
    assert.deepEqual(classifyLink('https://docs.x.ai/api'), { kind: 'external', url: 'https://docs.x.ai/api' });
    assert.equal(classifyLink('HTTP://example.com').kind, 'external');
    assert.equal(classifyLink('mailto:a@b.c').kind, 'external');
  });

  it('refuses every other scheme, including disguised javascript:', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>', 'vscode://x', 'command:workbench.action.terminal.new', 'file:///etc/passwd', '//evil.example']) {
      assert.equal(classifyLink(href).kind, 'refuse', href);
    }
  });

  it('treats a relative path as a workspace file, without its query or fragment', () => {
    assert.deepEqual(classifyLink('src/a%20b.ts#L10'), { kind: 'workspaceFile', path: 'src/a b.ts' });
    assert.deepEqual(classifyLink('../outside.txt'), { kind: 'workspaceFile', path: '../outside.txt' }, 'the path check comes after');
  });

  it('ignores fragments and empty links, and refuses malformed escapes', () => {
    assert.deepEqual(classifyLink('#section'), { kind: 'ignore' });
    assert.deepEqual(classifyLink('  '), { kind: 'ignore' });
    assert.equal(classifyLink('src/%E0%A4%A.ts').kind, 'refuse');
  });
});
