/**
 * Commands the agent may run: split a command line into its segments with the bash grammar
 * ({@link splitCommandLine}), judge it against the allow rules and the built-in dangerous list
 * ({@link judgeCommand}), and turn what it printed into what the model sees ({@link BoundedOutput},
 * {@link outputForModel}). Load the grammar once with {@link loadShellParser}.
 */
export { loadShellParser, type ShellParser, type ShellParserWasm } from './shellParser';
export { splitCommandLine } from './segments';
export type { CommandSegment, Redirect } from './segment';
export { judgeCommand, matchesPrefix, suggestGrant, type JudgeOptions, type Judgement } from './judge';
export { DANGER_RULES, type DangerRule } from './dangerRules';
export { shellKind } from './wrappers';
export { resolveCommandCwd, type CwdCheck } from './cwd';
export { AnsiStripper, BoundedOutput, DEFAULT_OUTPUT_LIMITS, collapseCarriageReturns, outputForModel, stripAnsi, type OutputLimits } from './output';
