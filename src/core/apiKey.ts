/** Validation of an API key typed or pasted by the user. Pure, so it is unit-tested. */

export type ApiKeyCheck = { ok: true; key: string } | { ok: false; message: string };

/**
 * Trims surrounding whitespace (pasting often adds a newline) and rejects what cannot be a key.
 * Keys are not required to start with `xai-`: a custom `grok.baseUrl` may use another scheme.
 */
export function checkApiKeyInput(input: string | undefined): ApiKeyCheck {
  const key = (input ?? '').trim();
  if (key.length === 0) return { ok: false, message: 'The API key is empty. Paste the key from console.x.ai.' };
  if (/\s/.test(key)) return { ok: false, message: 'An API key has no spaces. Paste the key exactly as shown at console.x.ai.' };
  if (/^bearer$/i.test(key) || /^bearer[:=]/i.test(key)) {
    return { ok: false, message: 'Paste only the key, without "Bearer".' };
  }
  if (key.length < 8) return { ok: false, message: 'That is too short to be an API key.' };
  if (key.length > 512) return { ok: false, message: 'That is too long to be an API key.' };
  if (/[^\x21-\x7e]/.test(key)) return { ok: false, message: 'An API key has only plain ASCII characters.' };
  return { ok: true, key };
}

/** What the user sees when a request needs a key and none is stored (one message, everywhere). */
export const KEY_NEEDED_MESSAGE = 'Grok needs an xAI API key first.';

/** Why nothing can be sent yet, and the one action that fixes it. */
export interface KeyProblem {
  message: string;
  action: 'setApiKey';
}

/**
 * The one rule for "is a key needed before sending": xAI's own hosts always need one; any other
 * server (a local model server, a proxy) may work without, so it is not asked for there.
 * Returns undefined when the request may go ahead.
 */
export function keyProblem(baseUrl: string, hasKey: boolean, isXaiHost: (baseUrl: string) => boolean): KeyProblem | undefined {
  if (hasKey || !isXaiHost(baseUrl)) return undefined;
  return { message: KEY_NEEDED_MESSAGE, action: 'setApiKey' };
}
