/**
 * Reads off a regex's source the literal strings each of its matches must start with, so a scan can
 * try the regex only where one of them occurs (found by the keyword automaton that already runs)
 * instead of letting the engine try every position of a long text. Understands the subset of syntax
 * gitleaks' rules use; anything else makes it give up (the caller then scans as before), so an answer,
 * when there is one, holds for every match.
 */

/** A literal start read so far; `open` while the pattern is still literal and may extend it. */
interface Start {
  text: string;
  open: boolean;
}

/** What one term of a pattern contributes. */
type Term = { zeroWidth: true } | { zeroWidth: false; starts: Start[] | undefined; min: number; max: number };

/** Thrown when the syntax is outside the subset understood here. */
class Unsupported extends Error {}

/** More alternatives than this stop extending the starts (they stay correct, just shorter). */
const MAX_STARTS = 256;
/** Shorter starts would be found at almost every position and save nothing. */
const MIN_START = 2;

/**
 * The lower-case ASCII strings every match of `new RegExp(source, flags)` starts with (matched
 * case-insensitively, a superset of what the regex accepts), or undefined when they cannot be told
 * or one of them would be shorter than two characters.
 */
export function matchStarts(source: string, flags: string): string[] | undefined {
  if (/[uv]/.test(flags)) return undefined; // escapes and classes mean other things there
  const parser = new Parser(source);
  try {
    const starts = parser.disjunction();
    if (parser.at < source.length) return undefined; // an unbalanced `)`
    const texts = [...new Set(starts.map((s) => s.text))];
    return texts.every((t) => t.length >= MIN_START) ? texts : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function close(starts: Start[]): Start[] {
  return starts.map((s) => (s.open ? { text: s.text, open: false } : s));
}

/** Each open start followed by each of `next` (too many: the starts end where they are). */
function extend(starts: Start[], next: Start[]): Start[] {
  const out: Start[] = [];
  for (const s of starts) {
    if (!s.open) out.push(s);
    else for (const n of next) out.push({ text: s.text + n.text, open: n.open });
  }
  return out.length > MAX_STARTS ? close(starts) : out;
}

/** A literal one-character start, or undefined for a character the keyword automaton does not see. */
function literal(ch: string): Start[] | undefined {
  return ch.charCodeAt(0) < 128 ? [{ text: ch.toLowerCase(), open: true }] : undefined;
}

class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  private peek(offset = 0): string {
    return this.source[this.at + offset] ?? '';
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) throw new Unsupported();
    this.at++;
  }

  /** `a|b|…` up to a `)` or the end. */
  disjunction(): Start[] {
    const out: Start[] = [];
    for (;;) {
      out.push(...this.alternative());
      if (this.peek() !== '|') return out;
      this.at++;
    }
  }

  private alternative(): Start[] {
    let starts: Start[] = [{ text: '', open: true }];
    let open = true; // whether any start may still grow (once none may, terms are only read past)
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const term = this.term();
      if (term.zeroWidth || !open) continue;
      if (term.min === 0 || !term.starts) starts = close(starts);
      else starts = term.max === 1 ? extend(starts, term.starts) : close(extend(starts, term.starts));
      open = starts.some((s) => s.open);
    }
    return starts;
  }

  private term(): Term {
    const ch = this.peek();
    if (ch === '^' || ch === '$') {
      this.at++;
      return { zeroWidth: true };
    }
    if (ch === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.at += 2;
      return { zeroWidth: true };
    }
    if (ch === '(' && this.peek(1) === '?' && (/[=!]/.test(this.peek(2)) || (this.peek(2) === '<' && /[=!]/.test(this.peek(3))))) {
      this.at += this.peek(2) === '<' ? 4 : 3;
      this.disjunction();
      this.expect(')');
      this.quantifier(); // a quantified lookaround is still zero-width
      return { zeroWidth: true };
    }
    const starts = this.atom();
    const [min, max] = this.quantifier();
    return { zeroWidth: false, starts, min, max };
  }

  /** Consumes one atom; returns its literal starts, or undefined when it is not literal. */
  private atom(): Start[] | undefined {
    const ch = this.peek();
    if (ch === '(') return this.group();
    if (ch === '[') return this.characterClass();
    if (ch === '\\') return this.escape(false);
    if (ch === '.') {
      this.at++;
      return undefined;
    }
    if ('*+?{}]|)'.includes(ch)) throw new Unsupported();
    this.at++;
    return literal(ch);
  }

  private group(): Start[] {
    this.at++;
    if (this.peek() === '?') {
      if (this.peek(1) === ':') this.at += 2;
      else if (this.peek(1) === '<') {
        const close = this.source.indexOf('>', this.at);
        if (close < 0 || !/^<[A-Za-z_$][\w$]*>$/.test(this.source.slice(this.at + 1, close + 1))) throw new Unsupported();
        this.at = close + 1;
      } else throw new Unsupported(); // modifiers and the like
    }
    const starts = this.disjunction();
    this.expect(')');
    return starts;
  }

  /** `[aA]` or `[.]` is one literal; any other class is not. */
  private characterClass(): Start[] | undefined {
    this.at++;
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const members = new Set<string>();
    let simple = !negated;
    while (this.peek() !== ']') {
      if (this.at >= this.source.length) throw new Unsupported();
      let member: string | undefined;
      if (this.peek() === '\\') {
        const escaped = this.escape(true);
        member = escaped?.[0]?.text;
      } else {
        member = this.peek();
        this.at++;
      }
      if (member === undefined || (this.peek() === '-' && this.peek(1) !== ']')) simple = false; // a class escape or a range
      else members.add(member);
    }
    this.at++;
    const folded = new Set([...members].map((m) => m.toLowerCase()));
    if (!simple || folded.size !== 1) return undefined;
    const [only] = folded as Set<string>;
    // `[aA]` is the letter either way; `[a]` alone only one case, still within the case-folded start.
    return [...members].every((m) => m.toLowerCase() === only) ? literal(only as string) : undefined;
  }

  /** An escape, as a literal start, or undefined for a class escape or backreference. */
  private escape(inClass: boolean): Start[] | undefined {
    const ch = this.peek(1);
    this.at += 2;
    if ('dDwWsS'.includes(ch) && ch !== '') return undefined;
    if (/[1-9]/.test(ch)) {
      while (/\d/.test(this.peek())) this.at++;
      return undefined;
    }
    if (ch === 'k' && !inClass) {
      const close = this.source.indexOf('>', this.at);
      if (this.peek() !== '<' || close < 0) throw new Unsupported();
      this.at = close + 1;
      return undefined;
    }
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
    if (controls[ch]) return literal(controls[ch] as string);
    if (ch === 'x' || ch === 'u') {
      const digits = ch === 'x' ? 2 : 4;
      const hex = this.source.slice(this.at, this.at + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) throw new Unsupported();
      this.at += digits;
      return literal(String.fromCharCode(parseInt(hex, 16)));
    }
    if (ch === '' || /[A-Za-z0-9]/.test(ch)) throw new Unsupported(); // \0, \c, \p and identity escapes of letters
    return literal(ch);
  }

  /** `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` (each maybe lazy) as [min, max]; none is [1, 1]. */
  private quantifier(): [number, number] {
    const ch = this.peek();
    let range: [number, number] = [1, 1];
    if (ch === '?') range = [0, 1];
    else if (ch === '*') range = [0, Infinity];
    else if (ch === '+') range = [1, Infinity];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Unsupported(); // a literal `{` (allowed without the u flag) is not worth reading
      const min = Number(m[1]);
      range = [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
      this.at += m[0].length - 1;
    } else return range;
    this.at++;
    if (this.peek() === '?') this.at++;
    return range;
  }
}
