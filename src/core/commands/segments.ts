/**
 * Splits a command line into the simple commands it runs, with the bash grammar: `&&`, `||`, `;`,
 * `|`, `&` and newlines separate them; `$(…)`, backquotes, `<(…)`, `( … )`, `{ …; }`, `if`/`for`/
 * `while` bodies, here-doc bodies and the scripts of `bash -c`, `eval` and `sh <<EOF` are descended
 * into, so each command is judged on its own. Anything the grammar cannot read becomes one
 * `unparsed` segment, which always asks.
 */
import { makeSegment, type CommandSegment, type Redirect } from './segment';
import type { ShellNode, ShellParser } from './shellParser';
import { followInner, type Context, type InnerHost } from './innerCommands';
import { wordValue } from './words';

/** Scripts inside scripts deeper than this are not followed (and ask). */
const MAX_DEPTH = 6;


const NESTED_VIA: Record<string, string> = { command_substitution: '$(…)', process_substitution: '<(…)', subshell: '( … )' };
const WRITE_OPS = new Set(['>', '>>', '&>', '&>>', '>|', '<>']);

class Walker implements InnerHost {
  readonly out: CommandSegment[] = [];
  private pipelines = 0;

  constructor(private readonly parser: ShellParser) {}

  /** Splits a script found inside the line (`bash -c`, `eval`, a here-doc fed to a shell). */
  script(text: string, ctx: Context, via: string): void {
    const inner = { ...ctx, via: [...ctx.via, via], depth: ctx.depth + 1, stdin: undefined, pipeline: undefined };
    if (inner.depth > MAX_DEPTH) return void this.out.push(makeSegment({ text, via: inner.via, unparsed: 'scripts nested too deeply to follow' }));
    this.parser.read(text, (root) => {
      if (!root || root.hasError) return void this.out.push(makeSegment({ text, via: inner.via, unparsed: 'the shell grammar cannot read it' }));
      this.node(root, inner);
    });
  }

  node(node: ShellNode, ctx: Context): void {
    switch (node.type) {
      case 'command':
        return this.command(node, ctx);
      case 'pipeline':
        return this.pipeline(node, ctx);
      case 'redirected_statement':
        return this.redirected(node, ctx);
      case 'function_definition': {
        const name = node.childForFieldName('name')?.text;
        return this.children(node, { ...ctx, inFunction: name });
      }
      case 'declaration_command':
      case 'unset_command':
        this.out.push(makeSegment({ text: node.text, argv: node.children.filter((c) => c !== null).map((c) => wordValue(c).text), via: ctx.via, redirects: ctx.redirects, inFunction: ctx.inFunction }));
        return this.children(node, ctx);
      case 'comment':
      case 'heredoc_start':
      case 'heredoc_end':
        return;
      default: {
        const via = NESTED_VIA[node.type];
        const label = via && node.type === 'command_substitution' && node.text.trimStart().startsWith('`') ? '`…`' : via;
        // A substitution runs on its own: the surrounding pipe and redirections are not its own.
        return this.children(node, label ? { ...ctx, via: [...ctx.via, label], redirects: [], stdin: undefined, pipeline: undefined } : ctx);
      }
    }
  }

  /** Named children in order; a `&` after one puts every command it produced in the background. */
  children(node: ShellNode, ctx: Context): void {
    let start = this.out.length;
    for (const child of node.children) {
      if (!child) continue;
      if (child.type === '&' && !child.isNamed) {
        for (const seg of this.out.slice(start)) seg.background = true;
      } else if (child.isNamed) {
        start = this.out.length;
        this.node(child, ctx);
      }
    }
  }

  pipeline(node: ShellNode, ctx: Context): void {
    const id = ++this.pipelines;
    node.namedChildren.forEach((child, index) => {
      if (child) this.node(child, { ...ctx, pipeline: { id, index }, stdin: index > 0 ? { kind: 'pipe' } : ctx.stdin });
    });
  }

  redirected(node: ShellNode, ctx: Context): void {
    const redirects = [...ctx.redirects];
    let stdin = ctx.stdin;
    for (const r of node.childrenForFieldName('redirect')) {
      if (!r) continue;
      const read = this.redirect(r, ctx);
      redirects.push(...read.redirects);
      stdin = read.stdin ?? stdin;
    }
    const body = node.childForFieldName('body');
    if (body) this.node(body, { ...ctx, redirects, stdin });
    // `> file` alone truncates or creates the file: a segment with no words, still judged.
    else this.out.push(makeSegment({ text: node.text, redirects, via: ctx.via, pipeline: ctx.pipeline }));
  }

  /** One redirection: a file target, or a here-doc / here-string that becomes standard input. */
  redirect(node: ShellNode, ctx: Context): { redirects: Redirect[]; stdin?: Context['stdin'] } {
    const subs = { ...ctx, redirects: [], stdin: undefined, pipeline: undefined };
    if (node.type === 'heredoc_redirect') {
      const body = node.namedChildren.find((c) => c?.type === 'heredoc_body');
      const quoted = /['"\\]/.test(node.namedChildren.find((c) => c?.type === 'heredoc_start')?.text ?? '');
      // An unquoted delimiter lets `$(…)` in the body run; a quoted one keeps the body literal.
      if (body && !quoted) this.children(body, { ...subs, via: [...ctx.via, 'heredoc'] });
      // `cat <<EOF > out` keeps the `> out` inside the here-doc node.
      const files = node.namedChildren.filter((c) => c?.type === 'file_redirect').flatMap((c) => this.redirect(c as ShellNode, ctx).redirects);
      return { redirects: files, stdin: { kind: 'heredoc', script: body?.text ?? '' } };
    }
    if (node.type === 'herestring_redirect') {
      const value = node.namedChildren.find((c) => c !== null);
      if (value) this.node(value, subs);
      const word = value ? wordValue(value) : undefined;
      return { redirects: [], stdin: { kind: 'herestring', script: word && !word.dynamic ? word.text : undefined } };
    }
    const op = node.children.find((c) => c && !c.isNamed)?.type ?? '>';
    const dest = node.childForFieldName('destination') ?? node.namedChildren.filter((c) => c?.type !== 'file_descriptor').pop();
    if (!dest) return { redirects: [] };
    this.node(dest, subs);
    const value = wordValue(dest);
    // `>&2` duplicates a descriptor; `>&file` (bash) writes a file.
    const writes = WRITE_OPS.has(op) || (op === '>&' && !/^(\d+|-)$/.test(value.text));
    return { redirects: [{ op, target: value.text, dynamic: value.dynamic || value.text.startsWith('~'), writes }] };
  }

  command(node: ShellNode, ctx: Context): void {
    const assignments: string[] = [];
    const words: { text: string; dynamic: boolean }[] = [];
    const redirects = [...ctx.redirects];
    let stdin = ctx.stdin;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'variable_assignment') {
        assignments.push(child.text);
        this.children(child, { ...ctx, redirects: [], stdin: undefined, pipeline: undefined });
      } else if (child.type.endsWith('_redirect')) {
        const read = this.redirect(child, ctx);
        redirects.push(...read.redirects);
        stdin = read.stdin ?? stdin;
      } else {
        const word = child.type === 'command_name' ? child.namedChildren[0] ?? child : child;
        words.push(wordValue(word));
        this.node(word, ctx);
      }
    }
    const argv = words.map((w) => w.text);
    const segment = makeSegment({
      argv,
      text: node.text,
      assignments,
      redirects,
      dynamicName: words[0]?.dynamic ?? false,
      via: ctx.via,
      pipedInput: stdin?.kind === 'pipe',
      pipeline: ctx.pipeline,
      inFunction: ctx.inFunction,
    });
    this.out.push(segment);
    if (!segment.dynamicName) followInner(this, segment, words, ctx, stdin);
  }
}

/**
 * The simple commands `line` runs, roughly in the order the shell starts them: a `$(…)` before the
 * command whose word it is, the script of `bash -c '…'` (or of a wrapper such as `timeout`) right
 * after the command that runs it. A line the grammar cannot read is one `unparsed` segment.
 */
export function splitCommandLine(line: string, parser: ShellParser): CommandSegment[] {
  const walker = new Walker(parser);
  parser.read(line, (root) => {
    if (!root || root.hasError) {
      walker.out.push(makeSegment({ text: line, unparsed: root ? 'the shell grammar cannot read it (unbalanced quotes or brackets?)' : 'the shell grammar gave up on it' }));
      return;
    }
    walker.node(root, { via: [], depth: 0, redirects: [] });
  });
  return walker.out;
}
