import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { GrokExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'grok-code-assistant.grok-code-assistant';

/** Activates the extension under test and returns its API (fails if activation failed). */
export async function activateExtension(): Promise<GrokExtensionApi> {
  const ext = vscode.extensions.getExtension<GrokExtensionApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  assert.ok(api, 'activate() returned the API (activation did not fail)');
  return api;
}
