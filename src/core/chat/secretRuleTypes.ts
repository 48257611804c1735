/** A JavaScript regex as `[source, flags]` (data, compiled on first use). */
export type RegexData = readonly [source: string, flags: string];

/** A gitleaks allowlist: a finding it matches is not a secret. */
export interface GitleaksAllowlist {
  /** All present checks must hold (gitleaks' `condition = "AND"`); otherwise any one does. */
  and?: boolean;
  /** What `regexes` test: the secret (default), the whole match, or the line. */
  target?: string;
  regexes?: readonly RegexData[];
  /** Lower-case words; a secret containing one is allowed. */
  stopwords?: readonly string[];
  /** File paths the allowlist applies to. */
  paths?: readonly RegexData[];
}

/** One rule in gitleaks' shape, vendored or our own. */
export interface GitleaksRule {
  id: string;
  regex: RegexData;
  /** Lower-case strings of which at least one must occur in the text for the rule to run. */
  keywords: readonly string[];
  /** Capture group holding the secret; default: the first non-empty group, else the whole match. */
  secretGroup?: number;
  /** Minimum Shannon entropy of the secret (findings at or below it are dropped). */
  entropy?: number;
  /** The rule applies only to files whose path matches. */
  path?: RegexData;
  allowlists?: readonly GitleaksAllowlist[];
}
