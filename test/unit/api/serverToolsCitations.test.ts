import { strict as assert } from 'node:assert';
import { citationSpan } from '../../../src/core/api';
import { codePointToUtf16, utf8ToUtf16 } from '../../../src/core/api/citations';
import { applyServerToolEvent, finishServerTools, MAX_CARD_CODE, type ServerToolTurnState } from '../../../src/core/chat/serverToolState';
import { markerNumbers, mergeSources } from '../../../src/core/chat/sources';

/** `[start, end)` of `needle` in `text` in each unit. */
function indices(text: string, needle: string): Record<'utf16' | 'codePoint' | 'byte', [number, number]> {
  const at = text.indexOf(needle);
  const cp = (s: string) => [...s].length;
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const before = text.slice(0, at);
  const through = text.slice(0, at + needle.length);
  return { utf16: [at, at + needle.length], codePoint: [cp(before), cp(through)], byte: [bytes(before), bytes(through)] };
}

describe('server-side tools: citation mapping', () => {
  const marker = '[[1]](https://a.dev/x)';
  const texts = [
    `ASCII only ${marker}.`,
    `Grüße — „quoted“ ${marker}`,
    `Emoji 🚀🧪 and 𝔘𝔫𝔦 ${marker} tail`,
    `中文文本，然后 ${marker}，结束`,
  ];
  for (const text of texts) {
    for (const unit of ['utf16', 'codePoint', 'byte'] as const) {
      it(`finds the marker from ${unit} indices in ${JSON.stringify(text.slice(0, 14))}…`, () => {
        const [start, end] = indices(text, marker)[unit];
        const span = citationSpan(text, start, end, 'https://a.dev/x');
        assert.ok(span, 'a span');
        assert.equal(text.slice(span.start, span.end), marker);
      });
    }
  }

  it('widens a span that ends after `]]` to the whole marker', () => {
    const text = `x 🚀 ${marker}`;
    const [start] = indices(text, marker).codePoint;
    const span = citationSpan(text, start, start + 5);
    assert.equal(text.slice(span!.start, span!.end), marker);
  });

  it('with no marker to confirm, reads code points; out-of-range or negative spans are refused', () => {
    const text = '🚀 plain words';
    assert.deepEqual(citationSpan(text, 2, 7), { start: 3, end: 8 });
    assert.equal(citationSpan(text, 0, 999), undefined);
    assert.equal(citationSpan(text, -1, 2), undefined);
    assert.equal(citationSpan(text, 5, 2), undefined);
  });

  it('converts code points and UTF-8 bytes to UTF-16, refusing a byte inside a character', () => {
    assert.equal(codePointToUtf16('a🚀b', 2), 3);
    assert.equal(utf8ToUtf16('a🚀b', 5), 3);
    assert.equal(utf8ToUtf16('a🚀b', 3), undefined);
    assert.equal(utf8ToUtf16('ab', 9), undefined);
  });
});

describe('server-side tools: sources and cards in the turn', () => {
  const a = 'https://www.a.dev/page';
  const b = 'https://b.dev/';

  it('numbers sources as the text does, uncited ones after; chips get domain and title', () => {
    const text = `First [[2]](${b}) then [[1]](${a}).`;
    const sources = mergeSources([], [{ url: 'https://c.dev/read' }, { url: a, title: '  A   page ' }, { url: b }], text);
    assert.deepEqual(sources, [
      { n: 1, url: a, domain: 'a.dev', title: 'A page', cited: true },
      { n: 2, url: b, domain: 'b.dev', cited: true },
      { n: 3, url: 'https://c.dev/read', domain: 'c.dev', cited: false },
    ]);
    assert.deepEqual([...markerNumbers(text)], [[b, 2], [a, 1]]);
  });

  it('keeps only http(s) sources and caps titles', () => {
    const sources = mergeSources([], [{ url: 'javascript:alert(1)' }, { url: 'file:///etc/passwd' }, { url: 'not a url' }, { url: a, title: 'x'.repeat(500) }], '');
    assert.equal(sources.length, 1);
    assert.ok(sources[0]!.title!.length <= 200);
  });

  it('applies events: cards upsert by id, citations become sources, a refused tool becomes a note', () => {
    const turn: ServerToolTurnState = { text: '' };
    assert.equal(applyServerToolEvent(turn, { type: 'serverToolCall', call: { id: 'w', kind: 'webSearch', status: 'running', query: ' node   esm ' } }), true);
    applyServerToolEvent(turn, { type: 'serverToolCall', call: { id: 'w', kind: 'webSearch', status: 'completed', query: 'node esm' } });
    applyServerToolEvent(turn, { type: 'serverToolCall', call: { id: 'c', kind: 'codeExecution', status: 'running', code: 'x'.repeat(MAX_CARD_CODE + 10) } });
    assert.deepEqual(turn.serverTools!.map((c) => [c.id, c.status, c.query]), [['w', 'completed', 'node esm'], ['c', 'running', undefined]]);
    assert.match(turn.serverTools![1]!.code!, /10 more characters not shown/);
    turn.text = `Yes [[1]](${a}).`;
    assert.equal(applyServerToolEvent(turn, { type: 'citations', citations: [{ url: a, start: 4, end: 4 + `[[1]](${a})`.length }] }), true);
    assert.deepEqual(turn.sources!.map((s) => [s.n, s.cited]), [[1, true]]);
    assert.equal(applyServerToolEvent(turn, { type: 'serverToolUnavailable', kind: 'xSearch', message: 'X search is not available.' }), false);
    assert.equal(turn.note, 'X search is not available.');
    assert.equal(applyServerToolEvent(turn, { type: 'text', text: 'more' }), false, 'other events change nothing');
  });

  it('at the end, running cards finish with the turn and markers without annotations still become sources', () => {
    const turn: ServerToolTurnState = { text: `See [[1]](${a}).`, serverTools: [{ id: 'c', kind: 'codeExecution', status: 'running' }] };
    assert.equal(finishServerTools(turn, 'stopped'), true);
    assert.equal(turn.serverTools![0]!.status, 'failed');
    assert.deepEqual(turn.sources!.map((s) => s.url), [a]);
    assert.equal(finishServerTools(turn, 'done'), false, 'nothing left to change');
  });
});
