import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

describe('package.json manifest', () => {
  const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;

  it('activates lazily: on the view and on each command, never on *', () => {
    const events: string[] = manifest.activationEvents;
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
    assert.ok(events.includes('onView:grok.chat'));
    for (const { command } of commands) assert.ok(events.includes(`onCommand:${command}`), command);
  });

  it('puts every command in the Grok category', () => {
    for (const c of commands) assert.equal(c.category, 'Grok', c.command);
  });

  it('has the command table the host registers (source of src/vscode/commands.ts)', () => {
    const source = readFileSync(join(__dirname, '../../src/vscode/commands.ts'), 'utf8');
    const registered = [...source.matchAll(/^\s*'(grok\.[A-Za-z]+)':/gm)].map((m) => m[1]).sort();
    assert.deepEqual(registered, commands.map((c) => c.command).sort());
  });

  it('declares engines.vscode no newer than the @types/vscode it is compiled against', () => {
    const typesVersion: string = manifest.devDependencies['@types/vscode'];
    const engine: string = manifest.engines.vscode;
    assert.equal(engine.replace(/^\^/, ''), typesVersion.replace(/^[\^~]/, ''));
  });
});
