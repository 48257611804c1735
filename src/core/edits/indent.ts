/**
 * Indentation styles and re-indentation. When a search block matched only after ignoring
 * indentation, the lines the model adds must follow the file's indentation, not the model's:
 * each added line keeps its indentation *relative to a nearby matched line*, expressed in the
 * file's style (tabs or N spaces).
 */

/** Columns a tab advances when tabs and spaces have to be compared. */
export const TAB_SIZE = 4;

/** How a text indents: with tabs, or with `unit` spaces per level. */
export interface IndentStyle {
  useTabs: boolean;
  /** Columns per indentation level (TAB_SIZE for tabs). */
  unit: number;
}

/** The leading whitespace of a line. */
export function leadingWhitespace(line: string): string {
  const m = /^[ \t]*/.exec(line);
  return m ? m[0] : '';
}

/** Width of an indentation string in columns, tabs advancing to the next tab stop. */
export function indentWidth(indent: string): number {
  let width = 0;
  for (const ch of indent) width = ch === '\t' ? width + TAB_SIZE - (width % TAB_SIZE) : width + 1;
  return width;
}

/**
 * Guesses the indentation style of some lines: tabs when more lines start with a tab than with
 * spaces; otherwise the most common indentation step between consecutive lines (2, 4 or 8).
 * Steps of 1 or 3 are ignored because they come from alignment (JSDoc ` * `), not nesting.
 */
export function detectIndentStyle(lines: readonly string[], fallback: IndentStyle = { useTabs: false, unit: 4 }): IndentStyle {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = -1;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (line.startsWith('\t')) tabs++;
    else if (line.startsWith(' ')) spaces++;
    const width = indentWidth(leadingWhitespace(line));
    const step = previous >= 0 ? Math.abs(width - previous) : 0;
    if (step === 2 || step === 4 || step === 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return { useTabs: true, unit: TAB_SIZE };
  if (spaces === 0) return fallback;
  let unit = 0;
  let best = 0;
  for (const [step, count] of steps) {
    if (count > best || (count === best && step < unit)) {
      unit = step;
      best = count;
    }
  }
  return { useTabs: false, unit: unit || (fallback.useTabs ? 4 : fallback.unit) };
}

/** Renders `width` columns of indentation in `style`. */
export function renderIndent(width: number, style: IndentStyle): string {
  const w = Math.max(0, Math.round(width));
  if (!style.useTabs) return ' '.repeat(w);
  return '\t'.repeat(Math.floor(w / TAB_SIZE)) + ' '.repeat(w % TAB_SIZE);
}

/** What the indentation of one added line is measured against. */
export interface IndentAnchor {
  /** Indentation of the anchor line as the model wrote it (in search). */
  modelIndent: string;
  /** Indentation of the same line in the file. */
  fileIndent: string;
}

/**
 * Re-indents one line the model added, relative to an anchor line that exists in both the
 * model's search and the file: the line keeps its depth relative to the anchor, measured in the
 * model's columns, multiplied by `scale` (file columns per model column, e.g. 2 when the model
 * wrote 2-space indentation into a 4-space or tab file) and rendered in the file's style.
 */
export function reindentLine(line: string, anchor: IndentAnchor, scale: number, file: IndentStyle): string {
  if (line.trim() === '') return '';
  const indent = leadingWhitespace(line);
  const body = line.slice(indent.length);
  const relative = (indentWidth(indent) - indentWidth(anchor.modelIndent)) * scale;
  if (relative === 0) return anchor.fileIndent + body;
  if (relative > 0) return anchor.fileIndent + renderIndent(relative, file) + body;
  return renderIndent(indentWidth(anchor.fileIndent) + relative, file) + body;
}

/**
 * File columns per model column, inferred from lines present in both (model indent, file indent).
 * Depth changes between consecutive pairs are the evidence; it is trusted only when at least two
 * agree and none disagrees, because one odd line (a first line that lost its indentation) must
 * not rescale a whole block. Without such evidence: 1 between two space styles (a snippet's
 * guessed unit is unreliable), the ratio of units when tabs are involved on one side only.
 */
export function inferScale(pairs: readonly IndentAnchor[], model: IndentStyle, file: IndentStyle): number {
  const ratios: number[] = [];
  for (let i = 1; i < pairs.length; i++) {
    const dm = indentWidth(pairs[i].modelIndent) - indentWidth(pairs[i - 1].modelIndent);
    const df = indentWidth(pairs[i].fileIndent) - indentWidth(pairs[i - 1].fileIndent);
    if (dm !== 0) ratios.push(df / dm);
  }
  if (ratios.length >= 2 && ratios.every((r) => r === ratios[0]) && ratios[0] > 0) return ratios[0];
  return model.useTabs !== file.useTabs ? file.unit / model.unit : 1;
}
