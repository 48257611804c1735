/**
 * Finds every edit proposal in a plain-text (markdown) answer: unified diffs (fenced or bare), SEARCH/REPLACE
 * blocks (fenced or bare), whole-file code blocks that name their path, and `propose_edits` JSON
 * written as text (fenced or bare). Ordinary code blocks without a path are not proposals.
 */
import type { FileChange, SearchReplaceEdit } from '../types';
import { findFences, lineEndOffset, proseRanges, toAnswerLines, type AnswerLines, type FencedBlock } from './fences';
import { findBareJson, mentionsEdits, parseJsonProposal } from './jsonProposals';
import { pathAbove, pathFromFirstLine, pathFromInfo } from './pathHints';
import { hasSearchReplaceMarkers, parseSearchReplace } from './searchReplace';
import { findBareDiffs, looksLikeUnifiedDiff, parseUnifiedDiff } from './unifiedDiff';

/** The syntax a proposal was written in. */
export type ProposalFormat = 'tool-json' | 'unified-diff' | 'search-replace' | 'whole-file';

/** Where in the answer a proposal (or a problem) was found. */
export interface AnswerSpan {
  format: ProposalFormat;
  /** Offsets in the answer text. */
  start: number;
  end: number;
  /** 1-based line of the answer where it starts. */
  line: number;
}

/** Files changed by one block of the answer. */
export interface FoundProposal {
  files: FileChange[];
  origin: AnswerSpan;
}

/** A block that looked like a proposal but could not be used, and why. */
export interface ExtractionProblem {
  origin: AnswerSpan;
  message: string;
}

/** Everything found in one answer. */
export interface Extraction {
  proposals: FoundProposal[];
  problems: ExtractionProblem[];
}

/** Groups edits of consecutive blocks by path, keeping first-seen order of paths. */
function groupByPath(items: readonly { path: string; edit: SearchReplaceEdit }[]): FileChange[] {
  const byPath = new Map<string, FileChange & { kind: 'edits' }>();
  for (const { path, edit } of items) {
    const change = byPath.get(path) ?? { kind: 'edits' as const, path, edits: [] };
    change.edits.push(edit);
    byPath.set(path, change);
  }
  return [...byPath.values()];
}

function spanOf(answer: AnswerLines, format: ProposalFormat, start: number, end: number): AnswerSpan {
  const line = answer.starts.findIndex((s, i) => s <= start && start < lineEndOffset(answer, i));
  return { format, start, end, line: (line < 0 ? answer.lines.length - 1 : line) + 1 };
}

function fromFence(answer: AnswerLines, block: FencedBlock, out: Extraction): void {
  const bodyLines = block.body === '' ? [] : block.body.slice(0, -1).split('\n');
  const infoPath = pathFromInfo(block.info);
  const abovePath = pathAbove(answer.lines, block.openLine);
  const add = (format: ProposalFormat, result: { files: FileChange[] } | { error: string }) => {
    const origin = spanOf(answer, format, block.start, block.end);
    if ('error' in result) out.problems.push({ origin, message: result.error });
    else out.proposals.push({ files: result.files, origin });
  };
  if (hasSearchReplaceMarkers(bodyLines)) {
    const { blocks, problems } = parseSearchReplace(bodyLines, infoPath ?? abovePath);
    for (const p of problems) out.problems.push({ origin: spanOf(answer, 'search-replace', answer.starts[block.openLine + 1 + p.lineIndex], block.end), message: p.message });
    if (blocks.length > 0) add('search-replace', { files: groupByPath(blocks) });
    return;
  }
  if (['diff', 'patch', 'udiff'].includes(block.lang) || looksLikeUnifiedDiff(block.body)) {
    const parsed = parseUnifiedDiff(block.body, infoPath ?? abovePath);
    add('unified-diff', 'error' in parsed ? parsed : { files: parsed.changes });
    return;
  }
  const trimmed = block.body.trim();
  if ((block.lang === 'json' || block.lang === 'jsonc' || trimmed.startsWith('{')) && mentionsEdits(trimmed)) {
    const parsed = parseJsonProposal(trimmed);
    if (parsed) {
      add('tool-json', parsed.ok ? { files: parsed.files } : { error: parsed.error });
      return;
    }
  }
  const declared = pathFromFirstLine(block.body);
  const path = infoPath ?? declared?.path ?? abovePath;
  if (!path || !block.closed) return;
  add('whole-file', { files: [{ kind: 'whole', path, content: declared && !infoPath ? declared.rest : block.body }] });
}

function fromProse(answer: AnswerLines, from: number, to: number, out: Extraction): void {
  const lines = answer.lines.slice(from, to);
  if (hasSearchReplaceMarkers(lines)) {
    const { blocks, problems } = parseSearchReplace(lines, undefined);
    const at = (i: number) => answer.starts[from + i];
    for (const p of problems) out.problems.push({ origin: spanOf(answer, 'search-replace', at(p.lineIndex), lineEndOffset(answer, from + p.lineIndex)), message: p.message });
    if (blocks.length > 0) {
      const start = at(blocks[0].lineIndex);
      out.proposals.push({ files: groupByPath(blocks), origin: spanOf(answer, 'search-replace', start, lineEndOffset(answer, to - 1)) });
    }
  }
  for (const diff of findBareDiffs(lines)) {
    const parsed = parseUnifiedDiff(lines.slice(diff.from, diff.to).join('\n') + '\n', undefined);
    const origin = spanOf(answer, 'unified-diff', answer.starts[from + diff.from], lineEndOffset(answer, from + diff.to - 1));
    if ('error' in parsed) out.problems.push({ origin, message: parsed.error });
    else out.proposals.push({ files: parsed.changes, origin });
  }
  const startOffset = answer.starts[from];
  const endOffset = lineEndOffset(answer, to - 1);
  const prose = answer.text.slice(startOffset, endOffset);
  const proseStarts = answer.starts.slice(from, to).map((s) => s - startOffset);
  for (const bare of findBareJson(prose, proseStarts)) {
    const parsed = parseJsonProposal(bare.json);
    if (!parsed) continue;
    const origin = spanOf(answer, 'tool-json', startOffset + bare.start, startOffset + bare.end);
    if (parsed.ok) out.proposals.push({ files: parsed.files, origin });
    else out.problems.push({ origin, message: parsed.error });
  }
}

/**
 * Extracts edit proposals from an answer's text, in the order they appear, with where each was
 * found; blocks that look like proposals but are malformed are reported as problems instead.
 */
export function extractProposals(answerText: string): Extraction {
  const answer = toAnswerLines(answerText);
  const fences = findFences(answer);
  const out: Extraction = { proposals: [], problems: [] };
  for (const block of fences) fromFence(answer, block, out);
  for (const range of proseRanges(answer, fences)) fromProse(answer, range.from, range.to, out);
  const byStart = (a: { origin: AnswerSpan }, b: { origin: AnswerSpan }) => a.origin.start - b.origin.start;
  out.proposals.sort(byStart);
  out.problems.sort(byStart);
  return out;
}

/**
 * Merges proposals into one multi-file proposal (e.g. for an "apply all" card): edits to the same
 * path are concatenated in answer order; otherwise (a whole-file change involved) the later
 * change of a path replaces the earlier one.
 */
export function combineProposals(proposals: readonly FoundProposal[]): FileChange[] {
  const byPath = new Map<string, FileChange>();
  for (const change of proposals.flatMap((p) => p.files)) {
    const existing = byPath.get(change.path);
    if (existing && existing.kind === 'edits' && change.kind === 'edits') {
      byPath.set(change.path, { ...existing, edits: [...existing.edits, ...change.edits] });
    } else {
      byPath.delete(change.path);
      byPath.set(change.path, change);
    }
  }
  return [...byPath.values()];
}
