/**
 * Runs a ruleset like gitleaks: one Aho–Corasick pass finds every rule keyword, and a rule runs only
 * on the lines around its keywords; where those are many, it runs on the whole text, and in a large
 * text is tried only at the literal starts of its regex when these could be read off it (the same
 * pass finds those).
 */
import { KeywordIndex } from './keywordIndex';
import { compileAllowlist, compileRule, readStarts, scanStarts, scanWindow, type CompiledAllowlist, type CompiledRule, type ScanRule, type SecretFinding } from './secretMatches';
import type { GitleaksAllowlist } from './secretRuleTypes';

/** Windows of text a rule runs on, as [start, end) pairs, sorted and disjoint. */
type Windows = number[];

const CONTEXT_LINES = 5;
const DENSE_WINDOWS = 64;
const MAX_WINDOW_SIDE = 2000;

/** Below this many characters no text gains enough from literal starts to pay for reading them. */
export const STARTS_FROM = 256 * 1024;

/** The keyword automaton and what its keywords mean. */
interface Index {
  index: KeywordIndex;
  /** For each keyword id, the rules that list it. */
  rulesOf: number[][];
  /** For each keyword id, the rules every match of which starts with it (empty without starts). */
  startOf: number[][];
  withStarts: boolean;
}

/** A compiled ruleset. */
export class SecretScanner {
  private readonly rules: CompiledRule[];
  private readonly global: CompiledAllowlist;
  private readonly keywordsOnly: Index;
  private withStarts: Index | undefined;

  /**
   * @param keep our own filter of secrets (false: not a secret), applied after a rule's entropy
   */
  constructor(
    rules: readonly ScanRule[],
    global: GitleaksAllowlist,
    private readonly keep: (secret: string) => boolean,
  ) {
    this.rules = rules.map(compileRule);
    this.global = compileAllowlist(global);
    this.keywordsOnly = this.buildIndex(false);
  }

  /** The automaton over every rule keyword, and with `starts` every literal start too. */
  private buildIndex(starts: boolean): Index {
    const keywords: string[] = [];
    const idOf = new Map<string, number>();
    const rulesOf: number[][] = [];
    const startOf: number[][] = [];
    const add = (word: string, to: number[][], ruleIndex: number) => {
      let id = idOf.get(word);
      if (id === undefined) {
        id = keywords.length;
        idOf.set(word, id);
        keywords.push(word);
        rulesOf.push([]);
        startOf.push([]);
      }
      if (!to[id]!.includes(ruleIndex)) to[id]!.push(ruleIndex);
    };
    this.rules.forEach((c, ruleIndex) => {
      for (const word of c.rule.keywords) add(word, rulesOf, ruleIndex);
      if (starts) for (const word of readStarts(c).words) add(word, startOf, ruleIndex);
    });
    return { index: new KeywordIndex(keywords), rulesOf, startOf, withStarts: starts };
  }

  /** Ids of every rule, in order. */
  ids(): string[] {
    return this.rules.map((c) => c.rule.id);
  }

  /**
   * Finds the secrets in `text`, sorted by position (findings of different rules may overlap).
   * @param path the file the text comes from, if any (a few rules apply only to some files)
   */
  find(text: string, path?: string): SecretFinding[] {
    const { rules } = this;
    const { index, rulesOf, startOf, withStarts } = text.length < STARTS_FROM ? this.keywordsOnly : (this.withStarts ??= this.buildIndex(true));
    const windows: (Windows | undefined)[] = new Array(rules.length);
    const whole = new Uint8Array(rules.length);
    /** Per rule, where its literal starts occur (in the order found, which is by their end). */
    const starts: (number[] | undefined)[] = new Array(rules.length);
    index.scan(text, (id, end) => {
      for (const r of startOf[id] as number[]) (starts[r] ??= []).push(end - (index.keywords[id] as string).length);
      for (const r of rulesOf[id] as number[]) {
        const c = rules[r] as CompiledRule;
        let w = windows[r];
        if (!w) w = windows[r] = [];
        if (whole[r]) continue;
        if (c.rule.wholeText || w.length > DENSE_WINDOWS * 2) {
          // Keywords on many lines: one pass over the whole text (gitleaks' own semantics) beats many slices.
          whole[r] = 1;
          w.length = 0;
          w.push(0, text.length);
          continue;
        }
        if (w.length > 0 && end <= (w[w.length - 1] as number)) continue;
        const lines = c.multiline ? CONTEXT_LINES : 0;
        const start = lineStart(text, end - 1, lines);
        const stop = lineEnd(text, end - 1, lines);
        if (w.length > 0 && start <= (w[w.length - 1] as number)) w[w.length - 1] = stop;
        else w.push(start, stop);
      }
    });
    const ctx = { global: this.global, keep: this.keep, path, out: [] as SecretFinding[] };
    windows.forEach((w, r) => {
      if (!w) return;
      const c = rules[r] as CompiledRule;
      if (c.path && !(path && c.path.test(path))) return;
      const sticky = withStarts && whole[r] ? c.starts?.sticky : undefined;
      if (sticky) scanStarts(text, starts[r] ?? [], sticky, c, ctx);
      else for (let i = 0; i < w.length; i += 2) scanWindow(text, w[i] as number, w[i + 1] as number, c, ctx);
    });
    return ctx.out.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

function lineStart(text: string, at: number, linesBack: number): number {
  let pos = text.lastIndexOf('\n', at) + 1;
  for (let n = 0; n < linesBack && pos > 0; n++) pos = text.lastIndexOf('\n', pos - 2) + 1;
  return Math.max(pos, at - MAX_WINDOW_SIDE);
}

function lineEnd(text: string, at: number, linesAhead: number): number {
  let pos = at;
  for (let n = 0; n <= linesAhead; n++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return Math.min(text.length, at + MAX_WINDOW_SIDE);
    pos = nl + 1;
  }
  return Math.min(pos - 1, at + MAX_WINDOW_SIDE);
}
