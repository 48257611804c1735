/**
 * Grok in VS Code's own chat (`vscode.lm` language-model provider), as plain data: request messages
 * and tools to the client's shapes, the model list to model information, streamed events to response
 * parts, failures and the monthly budget to `LanguageModelError` codes. The adapter is
 * src/vscode/lmProvider.ts.
 */
export { budgetDecision, lmFailureFor, noKeyFailure } from './errors';
export { conversationKey, toChatMessages, toolChoiceFor, toToolSpecs } from './messages';
export { LearnedLimits, modelFamily, toModelInformation, type ModelInformationInput } from './models';
export { parseToolInput, responsePartFor, ToolInputError } from './response';
export { estimateLmTokens } from './tokens';
export type { LmErrorCode, LmFailure, LmInputMessage, LmInputPart, LmModelInformation, LmResponsePart, LmTool } from './types';
