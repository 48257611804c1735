/** The conversation engine: chat turns, edit requests and what they need from their host. */
export { ChatEngine, type SendOptions } from './chatEngine';
export { contextInfo } from './contextInfo';
export type { ChipSource, EngineDeps, EngineQuestions, ToolResult, ToolRunOutcome, Toolbox } from './deps';
export { requestFileEdit, type EditRequestDeps, type EditRequestOutcome, type FileEditRequest } from './editRequest';
export { callError, runModelCall, usageView, type CallError, type ModelCallHandlers, type ModelCallResult, type ModelClient } from './modelCall';
export { preflight, type Refusal } from './preflight';
export { addUsage, TurnRunner, type TurnMeta } from './turnRunner';
