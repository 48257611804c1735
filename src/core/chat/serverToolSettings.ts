/**
 * From the `grok.tools.*` settings to what a request offers and what the composer's toggles show.
 * xAI runs these tools only behind the Responses API; on Chat Completions nothing is offered and the
 * toggles say why.
 */
import type { Endpoint, ServerToolKind, ServerToolsSpec } from '../api';
import type { GrokSettings } from '../config';
import type { ServerToolsState } from '../../shared/protocol';

/** The setting key (under `grok.`) of each tool's on/off switch. */
export const SERVER_TOOL_SETTING: Record<ServerToolKind, 'tools.webSearch' | 'tools.xSearch' | 'tools.codeExecution'> = {
  webSearch: 'tools.webSearch',
  xSearch: 'tools.xSearch',
  codeExecution: 'tools.codeExecution',
};

/** The one line the disabled toggles show on Chat Completions. */
export const CHAT_COMPLETIONS_REASON = 'Web search, X search and code execution need the Responses API (grok.api is Chat Completions here).';

/** The server-side tools to offer on `endpoint`, or undefined when none (all off, or Chat Completions). */
export function serverToolsFor(settings: GrokSettings, endpoint: Endpoint): ServerToolsSpec | undefined {
  if (endpoint !== 'responses') return undefined;
  const spec: ServerToolsSpec = {};
  if (settings['tools.webSearch'] === 'auto') {
    spec.webSearch = { allowedDomains: settings['tools.webSearchAllowedDomains'], excludedDomains: settings['tools.webSearchExcludedDomains'] };
  }
  if (settings['tools.xSearch'] === 'auto') {
    spec.xSearch = {
      allowedHandles: settings['tools.xSearchAllowedHandles'],
      excludedHandles: settings['tools.xSearchExcludedHandles'],
      fromDate: settings['tools.xSearchFromDate'] || undefined,
      toDate: settings['tools.xSearchToDate'] || undefined,
    };
  }
  if (settings['tools.codeExecution'] === 'auto') spec.codeExecution = {};
  return Object.keys(spec).length ? spec : undefined;
}

/** The toggles' state for the view. */
export function serverToolsState(settings: GrokSettings, endpoint: Endpoint): ServerToolsState {
  const state: ServerToolsState = {
    webSearch: settings['tools.webSearch'] === 'auto',
    xSearch: settings['tools.xSearch'] === 'auto',
    codeExecution: settings['tools.codeExecution'] === 'auto',
  };
  if (endpoint !== 'responses') state.unavailable = CHAT_COMPLETIONS_REASON;
  return state;
}
