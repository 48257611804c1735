/**
 * Elision placeholders. Models abbreviate with "// ... existing code ..." or "# rest of the file
 * unchanged"; applied literally, such a line deletes the code it stands for. A replacement (or a
 * whole-file content) containing one is refused, unless the same line is really in the file.
 */
import { splitLines } from './textModel';

const COMMENT = String.raw`(?:\{?\/\*+|\/\/|#|--|;|<!--|\*)`;
/** A comment that starts with an ellipsis: `// ...`, `/* … *\/`, `# ... other methods`. */
const ELLIPSIS_COMMENT = new RegExp(String.raw`^${COMMENT}\s*\(?\s*(?:\.{3}|…)`);
/** A short comment that starts by saying code is left out: `// existing code`, `# rest of file`. */
const ELIDED_COMMENT = new RegExp(
  String.raw`^${COMMENT}\s*\(?\s*(?:(?:keep|same|the)\s+)?(?:` +
    String.raw`existing (?:code|content|implementation|methods|functions|imports|logic|fields|tests|styles|rules)\b` +
    String.raw`|rest of (?:the )?(?:file|code|function|class|method|module|component|implementation|body|logic)\b` +
    String.raw`|remaining (?:code|content|methods|functions|fields|cases|tests)\b` +
    String.raw`|(?:other|previous) (?:code|content|methods|functions)\b` +
    String.raw`|unchanged\s*(?:\*\/|-->)?\s*$)`,
  'i',
);
const MAX_PLACEHOLDER_LENGTH = 80;

/** Whether one line (any indentation) reads as an elision placeholder. */
export function isPlaceholderLine(line: string): boolean {
  const t = line.trim();
  if (t.length > MAX_PLACEHOLDER_LENGTH) return false;
  return ELLIPSIS_COMMENT.test(t) || ELIDED_COMMENT.test(t);
}

/**
 * The first placeholder line of `text` that does not also occur (trimmed) in `original`,
 * or undefined when there is none.
 */
export function findPlaceholder(text: string, original: string): string | undefined {
  let known: Set<string> | undefined;
  for (const line of splitLines(text)) {
    if (!isPlaceholderLine(line)) continue;
    known ??= new Set(splitLines(original).map((l) => l.trim()));
    if (!known.has(line.trim())) return line.trim();
  }
  return undefined;
}
