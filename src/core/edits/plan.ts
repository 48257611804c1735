/**
 * Plans a file change against the current text: locates every edit on its own, refuses the ones
 * that cannot be placed safely, checks the rest for overlaps, and returns offset replacements.
 * Nothing is written here; the adapter previews and applies the plan.
 */
import { applyReplacements } from './apply';
import { placeDependentEdits } from './dependent';
import { locate } from './locate';
import type { Location } from './location';
import { createMatchContext, type MatchContext } from './matchContext';
import { findPlaceholder } from './placeholders';
import { replacementFor } from './replacement';
import { withEol } from './textModel';
import type { EditPlan, EditRefusal, FileChange, SearchReplaceEdit } from './types';
import { planWholeFile } from './wholeFile';

interface Located {
  editIndex: number;
  location: Location;
}

/** Human numbering in messages: edit 1 is `edits[0]`. */
export function editLabel(editIndex: number): string {
  return `edit ${editIndex + 1}`;
}

function placeholderRefusal(editIndex: number, line: string): EditRefusal {
  return {
    editIndex,
    reason: 'placeholder',
    message: `the replacement elides code with "${line}"; send the complete text instead of a placeholder`,
  };
}

/** An edit with a blank search is only meaningful when the file is empty (or about to be created). */
function emptyFileLocation(ctx: MatchContext, edit: SearchReplaceEdit): Location {
  const { model } = ctx;
  return {
    stage: 'emptyFile',
    similarity: 1,
    start: model.bomLength,
    end: model.text.length,
    firstLine: 0,
    endLine: Math.max(1, model.lines.length),
    literal: withEol(edit.replace, model.lines.length > 0 ? model.eol : '\n'),
  };
}

function locateOne(ctx: MatchContext, edit: SearchReplaceEdit, editIndex: number, creates: boolean): Located | EditRefusal {
  const placeholder = findPlaceholder(edit.replace, edit.search);
  if (placeholder !== undefined) return placeholderRefusal(editIndex, placeholder);
  const blankFile = ctx.model.text.slice(ctx.model.bomLength).trim() === '';
  if (edit.search.trim() === '') {
    if (blankFile) return { editIndex, location: emptyFileLocation(ctx, edit) };
    return { editIndex, reason: 'empty-search', message: 'empty search text: only allowed for a new or empty file; quote the lines to change' };
  }
  if (creates) return { editIndex, reason: 'file-missing', message: 'the file does not exist, so there is nothing to search in' };
  const result = locate(ctx, edit);
  return result.location ? { editIndex, location: result.location } : { editIndex, ...result.refusal };
}

/** Refuses every located edit whose span overlaps another's (both of them: neither is safe). */
function refuseOverlaps(located: Located[]): { kept: Located[]; refused: EditRefusal[] } {
  const sorted = [...located].sort((a, b) => a.location.start - b.location.start || a.editIndex - b.editIndex);
  const clash = new Map<number, number>();
  let reach: Located | undefined;
  for (const item of sorted) {
    if (reach && item.location.start < reach.location.end) {
      if (!clash.has(item.editIndex)) clash.set(item.editIndex, reach.editIndex);
      if (!clash.has(reach.editIndex)) clash.set(reach.editIndex, item.editIndex);
    }
    if (!reach || item.location.end > reach.location.end) reach = item;
  }
  const byIndex = new Map(located.map((l) => [l.editIndex, l.location]));
  const refused = [...clash].map(([editIndex, other]): EditRefusal => {
    const at = byIndex.get(editIndex);
    const lines = at ? ` at lines ${at.firstLine + 1}–${at.endLine}` : '';
    return { editIndex, reason: 'overlap', message: `overlaps ${editLabel(other)}${lines}; merge them into one edit`, overlapsWith: other };
  });
  return { kept: sorted.filter((l) => !clash.has(l.editIndex)), refused };
}

/**
 * Plans `change` against `currentText` (undefined when the file does not exist yet).
 * Every edit is located in the current text independently, so their order does not matter;
 * only an edit whose search is not there is looked for in the text the earlier edits produce.
 * @returns the plan: replacements of matched edits (offsets into `currentText`), refusals with
 *   reasons, and `newText` when everything matched.
 */
export function planEdits(currentText: string | undefined, change: FileChange): EditPlan {
  if (change.kind === 'whole') return planWholeFile(currentText, change);
  const creates = currentText === undefined;
  const ctx = createMatchContext(currentText ?? '');
  const found: Located[] = [];
  const refused: EditRefusal[] = [];
  change.edits.forEach((edit, editIndex) => {
    const result = locateOne(ctx, edit, editIndex, creates);
    if ('location' in result) found.push(result);
    else refused.push(result);
  });
  const { kept, refused: overlapping } = refuseOverlaps(found);
  refused.push(...overlapping);
  refused.sort((a, b) => a.editIndex - b.editIndex);
  const located = kept.map(({ editIndex, location }) => replacementFor(ctx, editIndex, location));
  const { replacements, refused: stillRefused } = placeDependentEdits(ctx, change.edits, located, refused);
  replacements.sort((a, b) => a.start - b.start || a.end - b.end || a.matched.startLine - b.matched.startLine);
  const ok = stillRefused.length === 0;
  return {
    path: change.path,
    kind: 'edits',
    ok,
    replacements,
    refused: stillRefused,
    newText: ok ? applyReplacements(ctx.model.text, replacements) : undefined,
    creates,
  };
}
