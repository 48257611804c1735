/**
 * Safety checks on paths Grok wants to write, open or attach. `classifyPath(roots, path, fs)` with
 * `nodePathFs` is the one classification (see sensitivePaths.ts); `SENSITIVE_KINDS` is its data.
 */
export { classifyPath, checkPathLexically, type PathCheck, type PathProblem } from './sensitivePaths';
export { nodePathFs, type PathFs } from './pathFs';
export { sensitiveMatch, isInsideGit, type SensitiveMatch } from './sensitiveMatch';
export { GIT_PATTERNS, GIT_REASON, SENSITIVE_KINDS, type SensitiveKind } from './sensitiveKinds';
