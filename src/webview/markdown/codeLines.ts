/**
 * Splits a code block's `<code>` into one element per line, so a line that soft-wraps in a narrow
 * view continues under its own indentation (a hanging indent) instead of at the left edge.
 * Highlight spans that cross a line break are split and reopened on the next line. Each line
 * keeps its "\n", so the block's textContent (what Copy and Insert take) is unchanged.
 */

/** Columns of leading whitespace (a tab counts as `tabSize`), capped so deep nesting stays readable. */
export function indentColumns(line: string, tabSize = 4, cap = 40): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += tabSize - (columns % tabSize);
    else break;
  }
  return Math.min(columns, cap);
}

export function splitCodeLines(code: HTMLElement): void {
  const doc = code.ownerDocument;
  const lines: HTMLElement[] = [];
  let line = doc.createElement('span');
  // This line's copies of the highlight spans that are open at this point, outermost first.
  let copies: Element[] = [];
  const path: Element[] = [];

  const target = (): Node => {
    for (let i = copies.length; i < path.length; i++) {
      const copy = path[i]!.cloneNode(false) as Element;
      (copies[i - 1] ?? line).appendChild(copy);
      copies.push(copy);
    }
    return copies[path.length - 1] ?? line;
  };
  const endLine = (): void => {
    lines.push(line);
    line = doc.createElement('span');
    copies = [];
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const parts = (node as Text).data.split('\n');
      parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        const text = last ? part : `${part}\n`;
        if (text) target().appendChild(doc.createTextNode(text));
        if (!last) endLine();
      });
      return;
    }
    if (node.nodeType !== 1) return;
    path.push(node as Element);
    for (const child of Array.from(node.childNodes)) walk(child);
    path.pop();
    copies.length = Math.min(copies.length, path.length);
  };
  for (const child of Array.from(code.childNodes)) walk(child);
  if (line.childNodes.length) lines.push(line);

  for (const l of lines) {
    l.className = 'code-line';
    const indent = indentColumns(l.textContent ?? '');
    // CSSOM, not a style attribute: the webview's CSP allows no inline styles.
    if (indent) l.style.setProperty('--indent', String(indent));
  }
  code.replaceChildren(...lines);
}
