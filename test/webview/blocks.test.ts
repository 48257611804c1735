/**
 * The block splitter in Node: for every sample answer and many random chunkings (and one
 * character at a time), what streaming renders as closed is always a prefix of the one-shot
 * HTML, and closed + final tail equals it exactly.
 */
import { strict as assert } from 'node:assert';
import { normalizeNewlines, splitBlocks, tokensOf } from '../../src/webview/markdown/blocks';
import { markdown, parseMarkdown, renderTokens } from '../../src/webview/markdown/md';
import { chunk, SAMPLE_ANSWERS, seeded } from './fixtures/answers';
import { longAnswer } from './fixtures/generate';

/** Streams `chunks` the way MarkdownStream does (parse only the open tail) and returns the HTML. */
function streamHtml(chunks: string[], expected: string): { html: string; closures: number } {
  let text = '';
  let closedOffset = 0;
  let closedHtml = '';
  let closures = 0;
  for (const piece of chunks) {
    text += piece;
    const tail = text.slice(closedOffset);
    const split = splitBlocks(tail, parseMarkdown(tail));
    if (split.closed.length > 0) {
      closedHtml += renderTokens(tokensOf(split.closed));
      closedOffset += split.openOffset;
      closures++;
      assert.ok(expected.startsWith(closedHtml), `closed blocks changed after ${JSON.stringify(text.slice(-60))}`);
    }
  }
  return { html: closedHtml + renderTokens(parseMarkdown(text.slice(closedOffset))), closures };
}

describe('incremental markdown blocks', () => {
  for (const [name, raw] of Object.entries(SAMPLE_ANSWERS)) {
    it(`"${name}": every chunking renders like the whole text`, () => {
      const text = normalizeNewlines(raw);
      const expected = markdown.render(text);
      let closures = 0;
      for (let seed = 0; seed < 120; seed++) {
        const chunks = seed === 0 ? [...text] : chunk(text, seeded(seed), 1, seed % 3 === 0 ? 3 : 60);
        const result = streamHtml(chunks, expected);
        assert.equal(result.html, expected, `seed ${seed}`);
        closures += result.closures;
      }
      assert.ok(closures > 0, 'blocks were closed along the way (the test streams for real)');
    });
  }

  it('a long generated answer closes blocks as it goes, so the open tail stays small', () => {
    const text = longAnswer(30_000, 7);
    const expected = markdown.render(text);
    const result = streamHtml(chunk(text, seeded(1), 20, 60), expected);
    assert.equal(result.html, expected);
    assert.ok(result.closures > 50, `closed ${result.closures} times`);
  });

  it('keeps a fence open until its closing fence, blank lines included', () => {
    const text = 'intro\n\n```py\na = 1\n\n\nb = 2\n';
    const split = splitBlocks(text, parseMarkdown(text));
    assert.equal(renderTokens(tokensOf(split.closed)), '<p>intro</p>\n');
    assert.equal(text.slice(split.openOffset), '```py\na = 1\n\n\nb = 2\n');
  });

  it('does not close a list while the next line may still continue it', () => {
    const text = '1. a\n\n2';
    assert.equal(splitBlocks(text, parseMarkdown(text)).closed.length, 0);
  });
});
