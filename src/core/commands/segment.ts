/**
 * One simple command of a command line, as the judge sees it. Built by segments.ts.
 */

/** A redirection of the command's output or input. */
export interface Redirect {
  /** The operator as written: `>`, `>>`, `&>`, `>|`, `<`, `<>`, `>&`, … */
  op: string;
  /** The target as the command sees it (quotes removed). */
  target: string;
  /** The target is computed at run time (`> $OUT`, `> ~/x`), so where it lands is unknown. */
  dynamic: boolean;
  /** Whether it writes a file (`>`, `>>`, `&>`, `>|`, `<>`), as opposed to reading or duplicating a descriptor. */
  writes: boolean;
}

/** One command of a command line, with where it was found. */
export interface CommandSegment {
  /** The words, quotes and backslashes removed; expansions kept as written. Empty for `unparsed`. */
  argv: string[];
  /** The command as written in the line (or in the script it came from). */
  text: string;
  /** `NAME=value` settings written before the command. */
  assignments: string[];
  redirects: Redirect[];
  /** The command's name is computed at run time (`$CMD x`, `$(echo rm) -rf`): nothing can be said about it. */
  dynamicName: boolean;
  /**
   * Where it was found, outermost first: `$(…)`, `` `…` ``, `<(…)`, `( … )`, `bash -c`, `eval`,
   * `heredoc`, `xargs`, `find -exec`, … Empty for a command written at the top level.
   */
  via: string[];
  /** Its standard input comes from the command before it in a pipeline. */
  pipedInput: boolean;
  /** The pipeline it is part of (an id shared by its commands) and its place in it, from 0. */
  pipeline?: { id: number; index: number };
  /** Started in the background with `&`. */
  background: boolean;
  /** Inside the body of the function of this name (only runs when the function is called). */
  inFunction?: string;
  /** A shell or interpreter that reads its program from its input (`… | sh`, `python <<EOF`). */
  programFromInput?: 'pipe' | 'heredoc' | 'herestring';
  /**
   * It only runs the commands found inside it (`env`, `timeout`, `xargs`, `bash -c '…'`, `eval`),
   * which follow it as segments of their own: allow rules are matched against those, while the
   * dangerous list still looks at this one too.
   */
  transparentWrapper?: boolean;
  /** Why this part could not be read with certainty; such a segment always asks. */
  unparsed?: string;
}

/** A segment with the defaults filled in. */
export function makeSegment(fields: Partial<CommandSegment> & Pick<CommandSegment, 'text'>): CommandSegment {
  return { argv: [], assignments: [], redirects: [], dynamicName: false, via: [], pipedInput: false, background: false, ...fields };
}
