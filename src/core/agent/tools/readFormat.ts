/**
 * How `read_file` shows a file to the model: numbered lines, a bounded slice with a note of what
 * was left out, and a one-line report instead of the content for binary or non-UTF-8 files.
 */
import type { FileRead } from './types';

/** Most lines one read returns. */
export const READ_MAX_LINES = 2_000;
/** Most characters one read returns (about 200 KB). */
export const READ_MAX_CHARS = 200_000;
/** Bytes looked at for a NUL, the sign of a binary file (as git does). */
const BINARY_PROBE_BYTES = 8_000;

/** The text of a read, or why there is none. */
export function decodeRead(read: FileRead, path: string): { ok: true; text: string } | { ok: false; message: string } {
  switch (read.kind) {
    case 'editor':
      return { ok: true, text: read.text };
    case 'missing':
      return { ok: false, message: `${path} does not exist. Use list_files to see what does.` };
    case 'directory':
      return { ok: false, message: `${path} is a folder. Use list_files with path "${path}".` };
    case 'tooLarge':
      return { ok: false, message: `${path} is too large to read (${formatSize(read.size)}). Use search_text to find the part you need.` };
    case 'disk': {
      const probe = read.bytes.subarray(0, BINARY_PROBE_BYTES);
      if (probe.includes(0)) return { ok: false, message: `${path} is a binary file (${formatSize(read.size)}); its content is not shown.` };
      try {
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
      } catch {
        return { ok: false, message: `${path} is not UTF-8 text (${formatSize(read.size)}); its content is not shown.` };
      }
    }
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Lines `start`..`end` (1-based, inclusive; defaults: the whole file) as `N: text`, cut at
 * {@link READ_MAX_LINES} lines or {@link READ_MAX_CHARS} characters with a note saying how to read on.
 */
export function numberedSlice(text: string, path: string, start = 1, end?: number): string {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const total = lines.length;
  if (total === 0 || (total === 1 && lines[0] === '')) return `${path} is empty.`;
  const first = Math.max(1, start);
  if (first > total) return `${path} has only ${total} lines; start_line ${first} is past the end.`;
  const last = Math.min(total, end ?? total);
  const out: string[] = [];
  let chars = 0;
  let n = first;
  for (; n <= last && out.length < READ_MAX_LINES; n++) {
    const line = `${n}: ${lines[n - 1] as string}`;
    if (chars + line.length > READ_MAX_CHARS && out.length > 0) break;
    out.push(line);
    chars += line.length + 1;
  }
  const shownLast = n - 1;
  const header = first === 1 && shownLast === total ? `${path} (${total} lines)` : `${path} lines ${first}-${shownLast} of ${total}`;
  const note = shownLast < last ? `\n[Cut at line ${shownLast}: ${last - shownLast} more lines. Read on with start_line ${shownLast + 1}.]` : '';
  return `${header}\n${out.join('\n')}${note}`;
}
