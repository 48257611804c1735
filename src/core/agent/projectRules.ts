/**
 * Project rules: `AGENTS.md` at a workspace root and `.grok/rules/*.md` go into the system prompt,
 * capped in size (a note says what was cut), secrets redacted, and shown as one chip the user can
 * remove for the conversation.
 */

/** Most characters of rules sent (about 4,000 tokens). */
export const RULES_MAX_CHARS = 16_000;
/** The chip's id in the composer (it is not a context attachment of the message). */
export const RULES_CHIP_ID = 'project-rules';

/** One rules file as read. */
export interface RulesFile {
  /** Workspace-relative path, e.g. `AGENTS.md` or `.grok/rules/style.md`. */
  path: string;
  text: string;
}

/** The rules block for the system prompt, and what the chip says. */
export interface ProjectRules {
  text: string;
  label: string;
  detail: string;
}

/** The rules of `files` (in order) as one capped block, or undefined when there are none. */
export function renderRules(files: readonly RulesFile[], maxChars = RULES_MAX_CHARS): ProjectRules | undefined {
  const present = files.filter((f) => f.text.trim() !== '');
  if (present.length === 0) return undefined;
  let body = '';
  const cut: string[] = [];
  for (const file of present) {
    const section = `## ${file.path}\n${file.text.trim()}\n\n`;
    const room = maxChars - body.length;
    if (section.length <= room) body += section;
    else {
      if (room > 200) body += `${section.slice(0, room)}\n`;
      cut.push(file.path);
    }
  }
  const note = cut.length ? `[Rules cut at ${maxChars} characters: ${cut.join(', ')} ${cut.length === 1 ? 'is' : 'are'} not complete.]\n` : '';
  const text = `The project's own rules for assistants follow (from the workspace; the user may remove them). Follow them where they do not conflict with the user's messages or safety.\n<project_rules>\n${body.trimEnd()}\n${note}</project_rules>`;
  const names = present.map((f) => f.path);
  return { text, label: names.length === 1 ? (names[0] as string) : `${names[0]} +${names.length - 1}`, detail: `Project rules in the system prompt: ${names.join(', ')}${cut.length ? ' (cut to fit)' : ''}. Remove for this conversation.` };
}
