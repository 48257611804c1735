import { strict as assert } from 'node:assert';
import { indentationBlock, innermostSymbol, type SymbolRange } from '../../src/core/enclosingBlock';
import { routeModel, type RoutingSettings } from '../../src/core/router';

describe('enclosing block', () => {
  const ts = ['import x from "y";', '', 'export function add(a, b) {', '  const s = a + b;', '  return s;', '}', '', 'const z = 1;'];

  it('finds the function around the cursor by indentation, closing brace included', () => {
    assert.deepEqual(indentationBlock(ts, 3), { start: 2, end: 5 });
    assert.deepEqual(indentationBlock(ts, 2), { start: 2, end: 5 }, 'cursor on the header line');
  });

  it('finds a Python def without braces', () => {
    const py = ['def area(r):', '    pi = 3.14', '', '    return pi * r * r', 'print(area(2))'];
    assert.deepEqual(indentationBlock(py, 3), { start: 0, end: 3 });
  });

  it('says there is no block at top level or in an empty file', () => {
    assert.equal(indentationBlock(ts, 7), undefined);
    assert.equal(indentationBlock(ts, 0), undefined);
    assert.equal(indentationBlock([''], 0), undefined);
  });

  it('prefers the innermost block symbol, skipping variables', () => {
    const symbols: SymbolRange[] = [
      {
        kind: 'class', name: 'A', start: 0, end: 20,
        children: [
          { kind: 'method', name: 'm', start: 2, end: 8, children: [{ kind: 'variable', name: 'v', start: 3, end: 3 }] },
          { kind: 'property', name: 'p', start: 10, end: 10 },
        ],
      },
    ];
    assert.equal(innermostSymbol(symbols, 3)?.name, 'm');
    assert.equal(innermostSymbol(symbols, 10)?.name, 'A');
    assert.equal(innermostSymbol(symbols, 30), undefined);
  });
});

describe('model routing', () => {
  const s: RoutingSettings = { model: 'main', modelRouting: 'auto', fastModel: 'fast', codeModel: 'code', visionModel: 'vision' };

  it('is off by default: everything goes to grok.model', () => {
    for (const task of ['chat', 'explain', 'refactor', 'fix'] as const) {
      assert.deepEqual(routeModel({ task, hasImages: true, size: 10 }, { ...s, modelRouting: 'off' }), { model: 'main', reason: 'setting' });
    }
  });

  it('routes images to vision, edits to code, explanations and short chat to fast', () => {
    assert.equal(routeModel({ task: 'chat', hasImages: true, size: 10 }, s).model, 'vision');
    assert.equal(routeModel({ task: 'refactor', hasImages: false, size: 10 }, s).model, 'code');
    assert.equal(routeModel({ task: 'fix', hasImages: false, size: 99_999 }, s).model, 'code');
    assert.equal(routeModel({ task: 'explain', hasImages: false, size: 99_999 }, s).model, 'fast');
    assert.equal(routeModel({ task: 'chat', hasImages: false, size: 100 }, s).model, 'fast');
    assert.equal(routeModel({ task: 'chat', hasImages: false, size: 50_000 }, s).model, 'main');
  });
});
