/**
 * Matches a workspace-relative path against the sensitive kinds (sensitiveKinds.ts): segment by
 * segment, without case, each segment read as Windows would read it (windowsNames.ts), and a short
 * name (`GIT~1`) matching the long names it could stand for.
 */
import { GIT_PATTERNS, GIT_REASON, SENSITIVE_KINDS, type SensitiveKind } from './sensitiveKinds';
import { couldBeShortNameOf, normaliseSegment } from './windowsNames';

/** What makes a path sensitive: `.git`, or one of {@link SENSITIVE_KINDS}. */
export interface SensitiveMatch {
  /** `git` for `.git`, else the kind's id. */
  kind: string;
  reason: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const segmentRegExps = new Map<string, RegExp>();

function segmentMatches(pattern: string, segment: string): boolean {
  const short = segment.includes('~') && couldBeShortNameOf(segment, pattern);
  if (!pattern.includes('*')) return short || pattern.toLowerCase() === segment.toLowerCase();
  let re = segmentRegExps.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'i');
    segmentRegExps.set(pattern, re);
  }
  return short || re.test(segment);
}

/** Whether `segments` match the glob `pattern` (already split at `/`). */
function globMatches(pattern: readonly string[], segments: readonly string[], p = 0, s = 0): boolean {
  if (p === pattern.length) return s === segments.length;
  if (pattern[p] === '**') {
    for (let k = s; k <= segments.length; k++) if (globMatches(pattern, segments, p + 1, k)) return true;
    return false;
  }
  return s < segments.length && segmentMatches(pattern[p] as string, segments[s] as string) && globMatches(pattern, segments, p + 1, s + 1);
}

/** The path's segments as Windows reads them (empty and `.` segments dropped). */
export function pathSegments(relativePath: string): string[] {
  return relativePath
    .split(/[\\/]+/)
    .map(normaliseSegment)
    .filter((s) => s !== '' && s !== '.');
}

const splitPatterns = new Map<string, string[]>();

function anyMatch(patterns: readonly string[], segments: readonly string[]): boolean {
  return patterns.some((pattern) => {
    let split = splitPatterns.get(pattern);
    if (!split) splitPatterns.set(pattern, (split = pattern.split('/')));
    return globMatches(split, segments);
  });
}

/** Whether a workspace-relative path is `.git` or inside it, at any depth. */
export function isInsideGit(relativePath: string): boolean {
  return anyMatch(GIT_PATTERNS, pathSegments(relativePath));
}

/**
 * Why writing this workspace-relative path matters, or undefined for a plain file: `.git` first,
 * then the first matching kind of {@link SENSITIVE_KINDS} (or of `kinds`, for tests).
 */
export function sensitiveMatch(relativePath: string, kinds: readonly SensitiveKind[] = SENSITIVE_KINDS): SensitiveMatch | undefined {
  const segments = pathSegments(relativePath);
  if (anyMatch(GIT_PATTERNS, segments)) return { kind: 'git', reason: GIT_REASON };
  const kind = kinds.find((k) => anyMatch(k.patterns, segments));
  return kind ? { kind: kind.id, reason: kind.reason } : undefined;
}
