/**
 * Types shared by the edit parsers, the matcher and the planner. Pure data: no behaviour here,
 * so that the VS Code adapter, the chat view and the tests can all import them cheaply.
 */

/** One search/replace edit as the model proposes it. */
export interface SearchReplaceEdit {
  /** Text to find in the current file (the model's copy of it; may have drifted). */
  search: string;
  /** Text that takes its place, inserted literally (no `$` patterns). */
  replace: string;
  /** Optional 1-based line where `search` starts; only a hint (it may be stale). */
  line?: number;
}

/** A change to one file: either search/replace edits, or the whole new content. */
export type FileChange =
  | { kind: 'edits'; path: string; edits: SearchReplaceEdit[] }
  | { kind: 'whole'; path: string; content: string };

/**
 * How an edit was located, from strictest to loosest. Reported so the UI can flag loose matches
 * (e.g. show "matched ignoring indentation" next to a hunk).
 */
export type MatchStage =
  | 'exact'
  | 'lineEndings'
  | 'trailingWhitespace'
  | 'indentation'
  | 'blankLines'
  | 'whitespace'
  | 'typography'
  | 'wording'
  | 'lineNumbers'
  | 'fuzzy'
  | 'emptyFile'
  | 'wholeFile';

/** A planned change of `currentText[start, end)` into `text`. Offsets are UTF-16 code units. */
export interface Replacement {
  /** Index of the edit in `FileChange.edits` (0 for every hunk of a whole-file change). */
  editIndex: number;
  /** Start offset in the text given to the planner (BOM included if it was given). */
  start: number;
  /** End offset (exclusive). `start === end` means a pure insertion. */
  end: number;
  /** Text to insert, already in the file's line-ending style. */
  text: string;
  /** The text being replaced, `currentText.slice(start, end)`, for previews. */
  oldText: string;
  /** 1-based line of `start` in the current text. */
  startLine: number;
  /** 1-based last line touched by `[start, end)`; equals `startLine` for an insertion. */
  endLine: number;
  /** 1-based inclusive line range the edit's `search` was found at (before trimming unchanged lines). */
  matched: { startLine: number; endLine: number };
  /** How the edit was located. */
  stage: MatchStage;
  /** 1 except for fuzzy matches, where it is the similarity of `search` to the matched region. */
  similarity: number;
  /**
   * Later edits of the same proposal folded into this one: their search was found only in the
   * text this edit produces, so they are applied with it, as one hunk.
   */
  includes?: number[];
}

/** Why an edit (or a whole file change) was refused. */
export type RefusalReason =
  | 'not-found'
  | 'ambiguous'
  | 'overlap'
  | 'empty-search'
  | 'placeholder'
  | 'file-missing';

/** A refused edit, with what the model or the user needs to retry. */
export interface EditRefusal {
  /** Index of the edit in `FileChange.edits` (0 for a whole-file change). */
  editIndex: number;
  reason: RefusalReason;
  /** One line, human- and model-readable, e.g. "ambiguous: 3 places at lines 12, 40, 88". */
  message: string;
  /** For `ambiguous`: 1-based start lines of the equally good places. */
  candidateLines?: number[];
  /** For `overlap`: the other edit's index. */
  overlapsWith?: number;
  /** For `not-found`: the most similar region, if any region is similar at all. */
  closest?: { startLine: number; endLine: number; similarity: number };
}

/** Result of planning one file change against the current text. Nothing has been written. */
export interface EditPlan {
  path: string;
  /** The kind of change planned: search/replace edits or a whole-file content. */
  kind: FileChange['kind'];
  /** True when every edit was located without conflict: `newText` is then the full result. */
  ok: boolean;
  /** Replacements of the matched edits, sorted by `start`, non-overlapping. */
  replacements: Replacement[];
  /** Refused edits with reasons. A non-empty list means `ok === false`. */
  refused: EditRefusal[];
  /** The complete new text when `ok`; undefined otherwise (use `applyReplacements` for a subset). */
  newText: string | undefined;
  /** True when the file did not exist (the planner was given `undefined`) and will be created. */
  creates: boolean;
}
