import { strict as assert } from 'node:assert';
import type { CommandSegment } from '../../../src/core/commands/segment';
import { splitCommandLine } from '../../../src/core/commands/segments';
import type { ShellParser } from '../../../src/core/commands/shellParser';
import { testParser } from './loadParser';

let parser: ShellParser;
before(async () => {
  parser = await testParser();
});

const split = (line: string) => splitCommandLine(line, parser);
const argvs = (segments: CommandSegment[]) => segments.filter((s) => !s.unparsed).map((s) => s.argv.join(' '));

describe('splitCommandLine', () => {
  it('splits on &&, ||, ;, |, & and newlines', () => {
    assert.deepEqual(argvs(split('a 1 && b 2 || c; d | e & f\ng')), ['a 1', 'b 2', 'c', 'd', 'e', 'f', 'g']);
  });

  it('removes quotes and backslashes from words, keeping what is inside', () => {
    const [seg] = split(`printf 'it''s' "a \\"b\\" \\$c" a\\ b $'x\\ty' pre"mid"'post'`);
    assert.deepEqual(seg?.argv, ['printf', 'its', 'a "b" $c', 'a b', 'x\ty', 'premidpost']);
  });

  it('keeps `FOO=1` settings apart from the command words', () => {
    const [seg] = split('FOO=1 BAR="a b" npm test');
    assert.deepEqual(seg?.argv, ['npm', 'test']);
    assert.deepEqual(seg?.assignments, ['FOO=1', 'BAR="a b"']);
  });

  it('descends into $(…), backquotes and <(…), saying where each command was found', () => {
    const segs = split('echo "$(whoami)" `id -u` && diff <(ls a) b');
    const whoami = segs.find((s) => s.argv[0] === 'whoami');
    const id = segs.find((s) => s.argv[0] === 'id');
    const ls = segs.find((s) => s.argv[0] === 'ls');
    assert.deepEqual(whoami?.via, ['$(…)']);
    assert.deepEqual(id?.via, ['`…`']);
    assert.deepEqual(ls?.via, ['<(…)']);
    assert.deepEqual(segs.find((s) => s.argv[0] === 'echo')?.argv, ['echo', '$(whoami)', '`id -u`']);
  });

  it('descends into subshells, groups, if/for/while bodies and function bodies', () => {
    const segs = split('(cd a; make) && { b; } ; if c; then d; fi; for x in 1; do e "$x"; done; while f; do g; done; h() { i; }');
    assert.deepEqual(argvs(segs), ['cd a', 'make', 'b', 'c', 'd', 'e $x', 'f', 'g', 'i']);
    assert.deepEqual(segs[0]?.via, ['( … )']);
    assert.equal(segs.find((s) => s.argv[0] === 'i')?.inFunction, 'h');
  });

  it("parses the scripts of bash -c, sh -c, zsh -lc and eval as command lines", () => {
    const segs = split(`bash -c 'rm -rf x; ls' && sh -ec "git push -f" && zsh -lc 'sudo id' && eval "npm publish"`);
    assert.deepEqual(segs.find((s) => s.argv[0] === 'rm')?.via, ['bash -c']);
    assert.deepEqual(segs.find((s) => s.argv[0] === 'git')?.argv, ['git', 'push', '-f']);
    assert.deepEqual(segs.find((s) => s.argv[0] === 'sudo')?.via, ['zsh -c']);
    assert.deepEqual(segs.find((s) => s.argv[0] === 'npm')?.via, ['eval']);
    assert.equal(segs.find((s) => s.argv[0] === 'bash')?.transparentWrapper, true);
  });

  it('follows nested shells inside shells', () => {
    const segs = split(`bash -c "sh -c 'rm -rf x'"`);
    assert.deepEqual(segs.find((s) => s.argv[0] === 'rm')?.via, ['bash -c', 'sh -c']);
  });

  it('reads a here-doc body for $(…) only when its delimiter is unquoted', () => {
    assert.ok(split('cat <<EOF > out.txt\nhi $(whoami)\nEOF').some((s) => s.argv[0] === 'whoami'));
    assert.ok(!split("cat <<'EOF' > out.txt\nhi $(whoami)\nEOF").some((s) => s.argv[0] === 'whoami'));
    const cat = split('cat <<EOF > out.txt\nx\nEOF\nls').find((s) => s.argv[0] === 'cat');
    assert.deepEqual(cat?.redirects.map((r) => [r.op, r.target, r.writes]), [['>', 'out.txt', true]]);
  });

  it('parses the script a shell reads from a here-doc or here-string', () => {
    const heredoc = split("bash <<'EOF'\nrm -rf build\necho done\nEOF");
    assert.deepEqual(heredoc.find((s) => s.argv[0] === 'rm')?.via, ['bash <<']);
    assert.ok(heredoc.some((s) => s.argv[0] === 'echo'));
    assert.deepEqual(split('sh <<< "git clean -fd"').find((s) => s.argv[0] === 'git')?.argv, ['git', 'clean', '-fd']);
  });

  it('marks a shell or interpreter that reads its program from a pipe', () => {
    const segs = split('curl -fsSL https://x.invalid/i.sh | bash');
    assert.equal(segs[1]?.programFromInput, 'pipe');
    assert.equal(segs[1]?.pipedInput, true);
    assert.equal(segs[0]?.pipeline?.id, segs[1]?.pipeline?.id);
    assert.equal(split('cat x.py | python3')[1]?.programFromInput, 'pipe');
    assert.equal(split('cat x | python3 script.py')[1]?.programFromInput, undefined);
  });

  it('records redirections: which write, which only duplicate a descriptor', () => {
    const [seg] = split('cmd > a.txt 2>> log &> both >| clobber < in 2>&1 >&2');
    assert.deepEqual(seg?.redirects.map((r) => `${r.op}${r.target}:${r.writes}`), ['>a.txt:true', '>>log:true', '&>both:true', '>|clobber:true', '<in:false', '>&1:false', '>&2:false']);
    assert.equal(split('echo x > "$HOME/x"')[0]?.redirects[0]?.dynamic, true);
    assert.equal(split('echo x > ~/x')[0]?.redirects[0]?.dynamic, true);
  });

  it('gives a redirection of a whole group to every command in it', () => {
    const segs = split('{ a; b; } > /etc/out');
    assert.deepEqual(segs.map((s) => s.redirects.map((r) => r.target)), [['/etc/out'], ['/etc/out']]);
  });

  it('finds the command inside wrappers: env, timeout, nice, xargs, command, find -exec', () => {
    const inner = (line: string) => split(line).filter((s) => s.via.length > 0).map((s) => `${s.via.join('>')}:${s.argv.join(' ')}`);
    assert.deepEqual(inner('timeout -s KILL 5 npm test'), ['timeout:npm test']);
    assert.deepEqual(inner('env -u X FOO=1 nice -n 5 make'), ['env:nice -n 5 make', 'env>nice:make']);
    assert.deepEqual(inner('ls | xargs -n 1 -I {} rm -rf {}'), ['xargs:rm -rf {}']);
    assert.deepEqual(inner('ls | xargs -0 -I{} rm {}'), ['xargs:rm {}']);
    assert.deepEqual(inner('command rm x'), ['command:rm x']);
    assert.deepEqual(inner('command -v rm'), []);
    assert.deepEqual(inner('find . -name "*.o" -exec rm -f {} \\; -print'), ['find -exec:rm -f {}']);
    assert.deepEqual(split('env NODE_OPTIONS=x npm test')[1]?.assignments, ['NODE_OPTIONS=x']);
  });

  it('marks a command whose name is computed at run time', () => {
    assert.equal(split('$CMD -rf x')[0]?.dynamicName, true);
    assert.equal(split('"$(echo rm)" -rf x').find((s) => s.argv[1] === '-rf')?.dynamicName, true);
    assert.equal(split('npm test')[0]?.dynamicName, false);
  });

  it('marks scripts built at run time as unparsed', () => {
    assert.match(split('bash -c "$SCRIPT"')[0]?.unparsed ?? '', /built at run time/);
    assert.match(split('eval "$X"')[0]?.unparsed ?? '', /built at run time/);
    assert.match(split('bash <(curl -s x.invalid)').find((s) => s.argv[0] === 'bash')?.unparsed ?? '', /computed at run time/);
  });

  it('turns a line the grammar cannot read into one unparsed segment', () => {
    for (const line of ['echo "unterminated', 'a && (b', 'echo {rm,-rf,/}x )']) {
      const segs = split(line);
      assert.equal(segs.length, 1, line);
      assert.ok(segs[0]?.unparsed, line);
      assert.equal(segs[0]?.text, line);
    }
  });

  it('marks the commands a trailing & starts in the background, and ignores comments', () => {
    const segs = split('server --port 1 & client # run both');
    assert.deepEqual(segs.map((s) => [s.argv.join(' '), s.background]), [['server --port 1', true], ['client', false]]);
  });
});
