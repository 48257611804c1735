import type { PromptTemplate } from './template';

/** The user message of "Grok: Explain Selection". The code itself goes in as a context item. */
export const explainPrompt: PromptTemplate = {
  name: 'explain-selection',
  version: 1,
  text: `Explain the {{what}} from {{path}} ({{language}}, lines {{lines}}) shown in the context: what it does, how, and anything surprising or risky. Keep it short; use the code's own names.`,
};
