/**
 * What to do with a link clicked in an answer. Answers are model output, so links are untrusted:
 * only web and mail links leave VS Code (through openExternal, which asks before untrusted domains),
 * a relative path may open a workspace file (after a path check), and everything else is refused.
 */
export type LinkAction =
  | { kind: 'external'; url: string }
  | { kind: 'workspaceFile'; path: string }
  | { kind: 'ignore' }
  | { kind: 'refuse'; message: string };

const EXTERNAL = new Set(['http:', 'https:', 'mailto:']);

export function classifyLink(href: string): LinkAction {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'ignore' };
  // Control characters and whitespace inside a scheme are how `java\tscript:` tricks work.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return { kind: 'refuse', message: 'That link is not a valid address.' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  if (!scheme) {
    if (trimmed.startsWith('//')) return { kind: 'refuse', message: 'That link is not a valid address.' };
    let path: string;
    try {
      path = decodeURIComponent(trimmed.split(/[?#]/)[0] ?? '');
    } catch {
      return { kind: 'refuse', message: 'That link is not a valid address.' };
    }
    return path ? { kind: 'workspaceFile', path } : { kind: 'ignore' };
  }
  if (!EXTERNAL.has(`${scheme.toLowerCase()}:`)) {
    return { kind: 'refuse', message: `Links of type "${scheme.toLowerCase()}:" are not opened from answers.` };
  }
  try {
    return { kind: 'external', url: new URL(trimmed).toString() };
  } catch {
    return { kind: 'refuse', message: 'That link is not a valid address.' };
  }
}
