/**
 * The one message protocol between the extension host and the chat webview.
 *
 * - Webview → host messages are untrusted input: the host validates each with
 *   {@link parseWebviewMessage} (zod) and drops what does not fit.
 * - Host → webview messages are typed by {@link HostMessage}; the webview only
 *   imports types from this file (the zod runtime stays in the host bundle).
 * - Handshake: the webview posts `ready` once its listener is installed; the host
 *   posts nothing before that, and answers `ready` with the full `state`.
 * - The API key never crosses this boundary: the webview only learns `hasApiKey`.
 */
import * as z from 'zod';

/** Commands the webview may ask the host to run (an allowlist, not free command ids). */
export const webviewCommandSchema = z.enum(['grok.setApiKey', 'grok.showLogs', 'grok.newChat']);
export type WebviewCommand = z.infer<typeof webviewCommandSchema>;

/** Longest message a user can send from the input box (characters). */
export const MAX_INPUT_CHARS = 200_000;

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('send'), text: z.string().trim().min(1).max(MAX_INPUT_CHARS) }),
  z.object({ type: z.literal('runCommand'), command: webviewCommandSchema }),
]);

/** A message from the webview, after validation. */
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** Validates a raw message from the webview; returns undefined (and why) when it does not fit. */
export function parseWebviewMessage(raw: unknown): { ok: true; message: WebviewMessage } | { ok: false; error: string } {
  const result = webviewMessageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message' };
}

/** What the view needs to render its chrome. */
export interface ViewState {
  hasApiKey: boolean;
  model: string;
}

export type HostMessage =
  | { type: 'state'; state: ViewState }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; text: string }
  | { type: 'clear' };
