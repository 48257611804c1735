import type { HostMessage } from '../shared/protocol';

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

/** Subscribes to host messages. Only messages from the host frame reach here (VS Code filters origins). */
export function onHostMessage(listener: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    const data = event.data;
    if (data && typeof data === 'object' && typeof data.type === 'string') listener(data);
  });
}
