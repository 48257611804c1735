import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEditTaskMessages, fixPrompt, refactorPrompt } from '../../src/core/prompts/editTask';
import { renderTemplate, templateId, type PromptTemplate } from '../../src/core/prompts/template';

describe('prompt templates', () => {
  it('fills placeholders literally and refuses a missing value', () => {
    const t: PromptTemplate = { name: 't', version: 3, text: 'a {{x}} b' };
    assert.equal(renderTemplate(t, { x: '$& $1' }), 'a $& $1 b');
    assert.throws(() => renderTemplate(t, {}), /t@3 needs a value for \{\{x\}\}/);
    assert.equal(templateId(t), 't@3');
  });

  it('every template file declares a name and a version', () => {
    const dir = join(__dirname, '../../src/core/prompts');
    for (const file of readdirSync(dir).filter((f) => f !== 'template.ts')) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/: PromptTemplate = \{\s*name: '([^']+)',\s*version: (\d+)/g)) {
        assert.ok(m[1] && Number(m[2]) >= 1, `${file}: ${m[0]}`);
      }
      assert.match(source, /version: \d+/, `${file} has a versioned template`);
    }
  });

  it('builds a refactor request limited to the file, with the file as context', () => {
    const messages = buildEditTaskMessages({
      template: refactorPrompt,
      values: { what: 'selected code', lines: '3-4', instruction: 'use a loop' },
      path: 'src/a.ts',
      language: 'typescript',
      fileText: 'const a = 1;',
    });
    assert.equal(messages.length, 2);
    assert.match(messages[0]?.content as string, /edits to src\/a\.ts and no other file/);
    const user = messages[1]?.content as string;
    assert.match(user, /^<context>\nFile src\/a\.ts:\n```typescript\nconst a = 1;\n```\n<\/context>/);
    assert.match(user, /lines 3-4 of src\/a\.ts \(typescript\): use a loop/);
  });

  it('puts the diagnostic message, position and line into a fix request', () => {
    const messages = buildEditTaskMessages({
      template: fixPrompt,
      values: { line: '2', column: '5', source: ' by ts(2322)', message: "Type 'string' is not assignable to type 'number'.", lineText: '  return "x";' },
      path: 'a.ts',
      language: 'typescript',
      fileText: 'x',
    });
    assert.match(messages[1]?.content as string, /line 2, column 5 by ts\(2322\):\nType 'string' is not assignable/);
  });
});
