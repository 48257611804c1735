import type { ChatMessage } from '../api';
import { PROPOSE_EDITS_TOOL_NAME } from '../edits';
import { renderContext } from '../chat/prompt';
import { renderTemplate, type PromptTemplate } from './template';

/** System prompt of the editor commands that change code (Refactor Selection, Fix with Grok). */
export const editSystemPrompt: PromptTemplate = {
  name: 'edit-system',
  version: 1,
  text: `You are Grok, editing code inside Visual Studio Code.
Answer only by calling the ${PROPOSE_EDITS_TOOL_NAME} tool, with edits to {{path}} and no other file.
Copy each search text exactly from the file as shown (same indentation), include enough lines to make it unique, and keep each edit small.
Change only what the request needs; keep the file's style, naming and line endings.`,
};

export const refactorPrompt: PromptTemplate = {
  name: 'refactor-selection',
  version: 1,
  text: `Refactor the {{what}} at lines {{lines}} of {{path}} ({{language}}): {{instruction}}
The whole file is in the context; change the selected lines, and elsewhere only what the change requires (imports, call sites in this file).`,
};

export const fixPrompt: PromptTemplate = {
  name: 'fix-diagnostic',
  version: 1,
  text: `Fix this problem in {{path}} ({{language}}), reported at line {{line}}, column {{column}}{{source}}:
{{message}}
The file is in the context; the reported line is:
{{lineText}}
Make the smallest correct change.`,
};

export interface EditTaskInput {
  template: PromptTemplate;
  values: Record<string, string>;
  path: string;
  language: string;
  /** The file's current text (secrets already redacted). */
  fileText: string;
}

/** The messages of a one-shot edit request: system prompt limited to one file, the file, the task. */
export function buildEditTaskMessages(input: EditTaskInput): ChatMessage[] {
  const context = renderContext([{ kind: 'file', path: input.path, language: input.language, text: input.fileText }]);
  return [
    { role: 'system', content: renderTemplate(editSystemPrompt, { path: input.path }) },
    { role: 'user', content: `${context}\n\n${renderTemplate(input.template, { ...input.values, path: input.path, language: input.language })}` },
  ];
}
