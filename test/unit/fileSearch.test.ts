import { strict as assert } from 'node:assert';
import { excludeGlob, fileSearchPattern } from '../../src/core/fileSearch';

describe('@ file search globs', () => {
  it('matches what was typed anywhere in the path, dropping glob characters', () => {
    assert.equal(fileSearchPattern('  chat '), '**/*chat*');
    assert.equal(fileSearchPattern('{a,b}*?[x]'), '**/*a,bx*');
    assert.equal(fileSearchPattern(''), '**/*');
  });

  it('excludes what files.exclude and search.exclude turn on, folders with their contents', () => {
    const files = { '**/.git': true, '**/.DS_Store': true, '**/*.log': false };
    const search = { '**/node_modules': true, 'build/': true, '**/*.code-search': true };
    assert.equal(
      excludeGlob(files, search),
      '{**/.git,**/.git/**,**/.DS_Store,**/.DS_Store/**,**/node_modules,**/node_modules/**,build,build/**,**/*.code-search,**/*.code-search/**}',
    );
  });

  it('skips sibling clauses and non-true values, and says nothing when nothing is excluded', () => {
    assert.equal(excludeGlob({ '**/*.js': { when: '$(basename).ts' }, 'x': 'yes' }, undefined), undefined);
    assert.equal(excludeGlob({}, {}), undefined);
  });

  it('expands braces so the joined glob never nests them', () => {
    assert.equal(excludeGlob({ '**/{dist,out}/**': true }, { '{a,b}/{c,d}': true }), '{**/dist/**,**/out/**,a/c,a/c/**,a/d,a/d/**,b/c,b/c/**,b/d,b/d/**}');
  });
});
