import { strict as assert } from 'node:assert';
import { LeadingFillerFilter } from '../../../src/core/api';

/** Runs `text` through the filter cut into `size`-character deltas; returns what came out. */
function filtered(text: string, size: number): string {
  const filter = new LeadingFillerFilter();
  let out = '';
  for (let i = 0; i < text.length; i += size) out += filter.push(text.slice(i, i + size));
  return out + filter.end();
}

describe('leading filler filter', () => {
  const cases: [name: string, input: string, expected: string][] = [
    ['exact repeats before the answer', 'Thinking... Thinking... Thinking... Here is the fix.', 'Here is the fix.'],
    ['repeats with the Unicode ellipsis and line breaks', 'Thinking…\nThinking…\n\nHere is the fix.', 'Here is the fix.'],
    ['one placeholder on its own line', 'Processing...\n\n## Plan\n1. Read', '## Plan\n1. Read'],
    ['keeps the indentation of the first real line', 'Thinking...\n    indented code', '    indented code'],
    ['an answer that is only filler', 'Thinking... Thinking... ', ''],
    ['one placeholder followed by text on the same line is real text', 'Thinking... about it, the bug is in add().', 'Thinking... about it, the bug is in add().'],
    ['different placeholders on one line are kept', 'Thinking... Processing... done', 'Thinking... Processing... done'],
    ['a word that only starts like filler', 'Thinkpad keyboards are fine.', 'Thinkpad keyboards are fine.'],
    ['four dots is not the placeholder', 'Thinking.... hmm', 'Thinking.... hmm'],
    ['filler later in the answer is real text', 'Sure. Thinking... Thinking... ok', 'Sure. Thinking... Thinking... ok'],
    ['plain answers pass untouched', 'Working code:\n```ts\nx()\n```', 'Working code:\n```ts\nx()\n```'],
    ['leading whitespace of a plain answer is kept', '  \nHello', '  \nHello'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      for (const size of [1, 3, 7, input.length || 1]) assert.equal(filtered(input, size), expected, `deltas of ${size}`);
    });
  }

  it('holds back nothing once real text started, and counts what it dropped', () => {
    const filter = new LeadingFillerFilter();
    assert.equal(filter.push('Thinking... '), '');
    assert.equal(filter.push('Thinking... '), '');
    assert.equal(filter.push('Answer'), 'Answer');
    assert.equal(filter.push(' Thinking... '), ' Thinking... ');
    assert.equal(filter.end(), '');
    assert.equal(filter.dropped, 2);
  });

  it('keeps memory flat over a long run of placeholders', () => {
    const filter = new LeadingFillerFilter();
    for (let i = 0; i < 10_000; i++) assert.equal(filter.push('Thinking... '), '');
    assert.equal(filter.push('Done.'), 'Done.');
    assert.equal(filter.dropped, 10_000);
  });
});
