/**
 * Finds every occurrence of a set of keywords in one pass (Aho–Corasick over ASCII, case-insensitive),
 * so hundreds of secret rules cost one scan of the text instead of one `indexOf` each.
 */
export class KeywordIndex {
  private readonly width: number;
  private readonly classOf = new Uint8Array(128);
  private readonly delta: Int32Array;
  /** Keyword ids ending at state s (through failure links too): `outIds[outStart[s]..outStart[s + 1])`. */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;

  /** @param keywords lower-case ASCII keywords; their ids are their indexes */
  constructor(readonly keywords: readonly string[]) {
    let classes = 1; // 0: any character no keyword contains
    for (const word of keywords) {
      for (const ch of word) {
        const code = ch.charCodeAt(0);
        if (code >= 128) throw new Error(`keyword is not ASCII: ${word}`);
        if (this.classOf[code] === 0) {
          const cls = classes++;
          this.classOf[code] = cls;
          const upper = ch.toUpperCase().charCodeAt(0);
          if (upper !== code && upper < 128) this.classOf[upper] = cls;
        }
      }
    }
    this.width = classes;
    // Trie.
    const next: number[][] = [new Array<number>(classes).fill(-1)];
    const ends: number[][] = [[]];
    keywords.forEach((word, id) => {
      let state = 0;
      for (const ch of word) {
        const cls = this.classOf[ch.charCodeAt(0)] as number;
        let to = next[state]![cls]!;
        if (to < 0) {
          to = next.length;
          next.push(new Array<number>(classes).fill(-1));
          ends.push([]);
          next[state]![cls] = to;
        }
        state = to;
      }
      ends[state]!.push(id);
    });
    // Breadth-first failure links, folded into a full transition table.
    const fail = new Array<number>(next.length).fill(0);
    const queue: number[] = [];
    for (let c = 0; c < classes; c++) {
      const to = next[0]![c]!;
      if (to < 0) next[0]![c] = 0;
      else queue.push(to);
    }
    next[0]![0] = 0;
    for (let qi = 0; qi < queue.length; qi++) {
      const state = queue[qi]!;
      ends[state]!.push(...ends[fail[state]!]!);
      for (let c = 0; c < classes; c++) {
        const to = next[state]![c]!;
        if (c === 0) {
          next[state]![c] = 0;
        } else if (to < 0) {
          next[state]![c] = next[fail[state]!]![c]!;
        } else {
          fail[to] = next[fail[state]!]![c]!;
          queue.push(to);
        }
      }
    }
    // Entries hold the next state's row offset times two, plus one when a keyword ends there: the hot
    // loop then does one load per character and no multiplication.
    const hasOutput = ends.map((list) => list.length > 0);
    this.delta = Int32Array.from(next.flat(), (to) => to * classes * 2 + (hasOutput[to] ? 1 : 0));
    this.outStart = new Int32Array(next.length + 1);
    const ids: number[] = [];
    ends.forEach((list, state) => {
      this.outStart[state] = ids.length;
      ids.push(...new Set(list));
    });
    this.outStart[next.length] = ids.length;
    this.outIds = Int32Array.from(ids);
  }

  /** Calls `found(id, end)` for every keyword occurrence, `end` being the index just past it, in text order. */
  scan(text: string, found: (id: number, end: number) => void): void {
    const { classOf, delta, width, outStart, outIds } = this;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      const entry = delta[row + (code < 128 ? (classOf[code] as number) : 0)] as number;
      row = entry >> 1;
      if ((entry & 1) === 0) continue;
      const state = row / width;
      const end = outStart[state + 1] as number;
      for (let k = outStart[state] as number; k < end; k++) found(outIds[k] as number, i + 1);
    }
  }

  /** True when any keyword occurs in `text`. */
  has(text: string): boolean {
    const { classOf, delta } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const entry = delta[row + (code < 128 ? (classOf[code] as number) : 0)] as number;
      if ((entry & 1) === 1) return true;
      row = entry >> 1;
    }
    return false;
  }
}
