/**
 * Placeholder words some hidden-reasoning models stream as visible text before the answer
 * ("Thinking... Thinking... "). Only these, followed by an ellipsis, count as filler.
 */
const UNIT = /\s*(thinking|processing|analy[sz]ing|reasoning|working)(?:\.{3}|…)/iy;
const UNIT_SPELLINGS = ['thinking', 'processing', 'analyzing', 'analysing', 'reasoning', 'working'].flatMap((w) => [`${w}...`, `${w}…`]);

/**
 * Drops placeholder filler from the very start of the visible text, and nothing else. Conservative:
 * a leading run of filler units (see {@link UNIT}) is dropped only when it is an exact repeat (two or
 * more of the same word) or stands on its own line (followed by a line break, or by the end of the
 * answer). "Thinking... about your question, …" and any text after the first real character pass
 * through untouched.
 *
 * Streaming: text that could still turn out to be filler (a prefix such as "Think") is held back until
 * it is decided, so the caller never receives text it would have to take back. The held text is at
 * most a few filler units plus whitespace: identical units are dropped as soon as two are seen.
 */
export class LeadingFillerFilter {
  /** Filler units dropped so far (for the log). */
  dropped = 0;
  private buffer = '';
  private decided = false;
  /** The word of the run already dropped from `buffer` (it repeated, so it is filler whatever follows). */
  private runWord: string | undefined;

  /** Feeds a delta; returns the text to pass on now (possibly empty). */
  push(text: string): string {
    if (this.decided) return text;
    this.buffer += text;
    return this.decide(false);
  }

  /** The visible text ended: returns what is still held and is not filler. */
  end(): string {
    if (this.decided) return '';
    return this.decide(true);
  }

  private decide(final: boolean): string {
    const words: string[] = [];
    let pos = 0;
    for (;;) {
      UNIT.lastIndex = pos;
      const match = UNIT.exec(this.buffer);
      if (!match) break;
      words.push(match[1]!.toLowerCase().replace('analysing', 'analyzing'));
      pos = UNIT.lastIndex;
    }
    const rest = this.buffer.slice(pos);
    const all = this.runWord ? [this.runWord, ...words] : words;
    // A run already dropped (runWord) repeated by definition; otherwise two identical units make one.
    const repeated = all.length > 0 && all.every((w) => w === all[0]) && (this.runWord !== undefined || all.length >= 2);
    if (!final && couldStillBeFiller(rest)) {
      // Identical units are filler whatever comes next: forget them now, keep only what follows.
      if (repeated) {
        this.runWord = all[0];
        this.dropped += words.length;
        this.buffer = rest;
      }
      return '';
    }
    this.decided = true;
    const gap = /^\s*/.exec(rest)![0];
    const ownLine = all.length > 0 && (gap.includes('\n') || (final && gap.length === rest.length));
    if (!repeated && !ownLine) {
      // Not filler after all (or no units at all): everything held is real text.
      return this.buffer;
    }
    this.dropped += words.length;
    this.buffer = '';
    // Drop the line break(s) after the filler but keep the indentation of the first real line.
    const cut = gap.lastIndexOf('\n');
    return rest.slice(cut >= 0 ? cut + 1 : gap.length);
  }
}

/** True while `rest` (what follows the complete units) is blank or the beginning of another unit. */
function couldStillBeFiller(rest: string): boolean {
  const start = rest.trimStart().toLowerCase();
  return start === '' || UNIT_SPELLINGS.some((unit) => unit.startsWith(start));
}
