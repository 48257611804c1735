/**
 * Structured edits: parse what the model proposes, match it against the current text, plan
 * offset replacements, and describe the outcome for the model. Pure core: strings and offsets,
 * no `vscode`.
 *
 * How to use (the VS Code preview/apply adapter):
 * 1. Offer the tool: `proposeEditsTool()` gives `{ name, description, parameters }` (JSON
 *    Schema without `additionalProperties`) to wrap for Chat Completions or Responses.
 * 2. Get proposals: for a tool call, `parseProposeEditsArgs(call.arguments)` → `{ ok, files }`
 *    or `{ ok: false, error }` (send the error back as the tool result). For a plain answer,
 *    `extractProposals(text)` → `{ proposals: [{ files, origin }], problems }`; origin gives
 *    offsets and line for the edit card, problems explain malformed blocks.
 *    `combineProposals(proposals)` merges them into one multi-file change list.
 * 3. Check each path: `classifyPath(workspaceFolderPaths, change.path, nodePathFs)` (core/safety;
 *    `checkEditPath` is its string-only form); when `ok` is false,
 *    refuse, or write only after the user confirms (`confirmable`).
 * 4. Plan each file against its *current* text (the open document's `getText()`, or the file on
 *    disk, or `undefined` when it does not exist): `planEdits(text, change)` →
 *    `{ ok, replacements, refused, newText, creates }`. Nothing is written by the plan.
 *    - Preview: show `newText` (or `applyReplacements(text, plan.replacements)` for the matched
 *      subset when `ok` is false) in a virtual document against the file with `vscode.diff`,
 *      and list `refused` with their `message`s. Never apply a subset silently.
 *    - Per-hunk accept/reject: each replacement is one hunk (`editIndex`, `startLine`/`endLine`,
 *      `oldText` → `text`, `stage` to flag loose matches); recompute the preview with
 *      `applyReplacements(text, accepted)`. Replacements with `text === oldText` change nothing.
 *    - Apply: convert each accepted replacement's `[start, end)` with `document.positionAt` into
 *      one `WorkspaceEdit` (one undo step; `createFile` first when `creates`). Before applying,
 *      compare the document text with the text that was planned: if it changed, plan again
 *      and re-preview or refuse; never apply old offsets to new text.
 * 5. Report back: `describeOutcomes([outcomeOfPlan(plan, applied)])` or build `FileOutcome`s
 *    for subsets/rejections → a short text for the model's next turn.
 */
export type { EditPlan, EditRefusal, FileChange, MatchStage, RefusalReason, Replacement, SearchReplaceEdit } from './types';
export { planEdits } from './plan';
export { applyReplacements } from './apply';
export { checkEditPath, type PathCheck, type PathProblem } from './paths';
export { describeFileOutcome, describeOutcomes, editsOf, outcomeOfPlan, type FileOutcome } from './feedback';
export {
  PROPOSE_EDITS_TOOL_NAME,
  proposeEditsArgsSchema,
  fileEditSchema,
  searchReplaceEditSchema,
  proposeEditsTool,
  type ProposeEditsArgs,
  type ToolDefinition,
  type JsonSchema,
} from './schema';
export { parseProposeEditsArgs, type ParsedProposal } from './toolArgs';
export {
  extractProposals,
  combineProposals,
  type Extraction,
  type ExtractionProblem,
  type FoundProposal,
  type ProposalFormat,
  type AnswerSpan,
} from './parse/extract';
export { placeCodeBlock, type CodePlacement, type CodeSelection } from './codeBlock';
