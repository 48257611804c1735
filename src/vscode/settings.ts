import * as vscode from 'vscode';
import { parseSettings, settingKeys, type GrokSettings } from '../core/config';

/** Reads `grok.*` through the core schema (invalid values fall back to defaults). */
export function readSettings(): GrokSettings {
  const config = vscode.workspace.getConfiguration('grok');
  const raw: Record<string, unknown> = {};
  for (const key of settingKeys) {
    const value = config.get(key);
    if (value !== undefined) raw[key] = value;
  }
  return parseSettings(raw);
}

/** Calls `listener` with fresh settings whenever any `grok.*` setting changes. */
export function onDidChangeSettings(listener: (settings: GrokSettings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('grok')) listener(readSettings());
  });
}
