/**
 * VS Code-neutral shapes of the language-model provider API (`vscode.lm`): what VS Code's chat sends
 * (messages of parts, tools) and what the provider streams back. The adapter in
 * src/vscode/lmProvider.ts converts VS Code's classes to and from these, so the mapping is plain data.
 */

/** One part of a request message, as VS Code's chat sends it. */
export type LmInputPart =
  | { kind: 'text'; value: string }
  /** A binary part (`LanguageModelDataPart`): images, or text-like data such as JSON. */
  | { kind: 'data'; mimeType: string; data: Uint8Array }
  /** A tool call the assistant made earlier (`LanguageModelToolCallPart`). */
  | { kind: 'toolCall'; callId: string; name: string; input: unknown }
  /** The result of a tool call (`LanguageModelToolResultPart`), in a user message. */
  | { kind: 'toolResult'; callId: string; content: LmInputPart[] }
  /** Anything else (prompt-tsx parts, thinking parts, future kinds): its JSON, if it has any. */
  | { kind: 'other'; json: string | undefined };

/** A request message. VS Code's `System` role (3, not yet final) arrives as `system`. */
export interface LmInputMessage {
  role: 'user' | 'assistant' | 'system';
  parts: LmInputPart[];
}

/** A tool offered to the model (`LanguageModelChatTool`). */
export interface LmTool {
  name: string;
  description: string;
  inputSchema?: object;
}

/** What the provider streams back: answer text, or a tool call with its parsed input. */
export type LmResponsePart =
  | { kind: 'text'; value: string }
  | { kind: 'toolCall'; callId: string; name: string; input: Record<string, unknown> };

/** One model for VS Code's model picker (`LanguageModelChatInformation` plus `isUserSelectable`). */
export interface LmModelInformation {
  id: string;
  name: string;
  family: string;
  version: string;
  tooltip: string;
  detail: string;
  maxInputTokens: number;
  maxOutputTokens: number;
  capabilities: { toolCalling: boolean; imageInput: boolean };
  isUserSelectable: boolean;
}

/**
 * A failure as VS Code's `LanguageModelError` codes it: `NoPermissions` (no or bad key), `Blocked`
 * (out of credits, over the monthly budget), `NotFound` (no such model), `Unknown` (anything else,
 * with our one-line message). `cancelled` means the caller stopped the request.
 */
export type LmErrorCode = 'NoPermissions' | 'Blocked' | 'NotFound' | 'Unknown';

export type LmFailure = { cancelled: true } | { cancelled: false; code: LmErrorCode; message: string };
