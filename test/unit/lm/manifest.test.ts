import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('package.json: the language-model provider', () => {
  const providers: { vendor: string; displayName: string; managementCommand?: string }[] = manifest.contributes.languageModelChatProviders;

  it('contributes vendor xai as "xAI Grok", managed by a contributed command that sets the key', () => {
    assert.deepEqual(providers.map((p) => [p.vendor, p.displayName]), [['xai', 'xAI Grok']]);
    const commands: { command: string }[] = manifest.contributes.commands;
    assert.equal(providers[0]?.managementCommand, 'grok.setApiKey');
    assert.ok(commands.some((c) => c.command === providers[0]?.managementCommand));
  });

  it('activates when VS Code asks that vendor for models, and registers the same vendor', () => {
    assert.ok((manifest.activationEvents as string[]).includes('onLanguageModelChatProvider:xai'));
    const source = readFileSync(join(root, 'src/vscode/lmProvider.ts'), 'utf8');
    assert.match(source, /export const LM_VENDOR = 'xai';/);
  });
});
