import type { HostMessage, WebviewMessage } from '../shared/protocol';

/** The webview side of VS Code's messaging API (injected by VS Code as `acquireVsCodeApi`). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState<T>(): T | undefined;
  setState<T>(state: T): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** `acquireVsCodeApi` may be called once per page; this caches it. */
let api: VsCodeApi | undefined;
export function vscodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}

const postListeners: ((message: WebviewMessage) => void)[] = [];

/** Posts a typed message to the host (which validates it again: the webview is not trusted). */
export function post(message: WebviewMessage): void {
  vscodeApi().postMessage(message);
  for (const listener of postListeners) listener(message);
}

/** Runs `listener` after each message the webview posts (what the user just did). */
export function onPost(listener: (message: WebviewMessage) => void): void {
  postListeners.push(listener);
}

/** Subscribes to host messages. Only messages from the host frame reach here (VS Code filters origins). */
export function onHostMessage(listener: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    const data = event.data;
    if (data && typeof data === 'object' && typeof data.type === 'string') listener(data);
  });
}

/**
 * What survives the view being hidden and shown again (VS Code keeps it per view). Small on
 * purpose: pasted images are not kept (they may be megabytes, and must not outlive the chat).
 */
export interface PersistedState {
  draft?: string;
  /** The conversation the scroll position belongs to. */
  conversationId?: string;
  /** True when the list was scrolled to the bottom (follow new output). */
  atBottom?: boolean;
  /** The turn at the top of the viewport and how far into it, when not at the bottom. */
  anchorTurnId?: string;
  anchorOffset?: number;
}

let persisted: PersistedState | undefined;

/** The state saved by the previous instance of this view, if any. */
export function loadPersisted(): PersistedState {
  persisted ??= vscodeApi().getState<PersistedState>() ?? {};
  return persisted;
}

/** Merges `patch` into the saved state. */
export function savePersisted(patch: PersistedState): void {
  persisted = { ...loadPersisted(), ...patch };
  vscodeApi().setState(persisted);
}
