import * as vscode from 'vscode';
import { settingKeys } from '../core/config';
import { SettingsConfig, type Config } from '../core/configStore';

function rawSettings(): Record<string, unknown> {
  const section = vscode.workspace.getConfiguration('grok');
  const raw: Record<string, unknown> = {};
  for (const key of settingKeys) {
    const value = section.get(key);
    if (value !== undefined) raw[key] = value;
  }
  return raw;
}

/**
 * The one {@link Config} of this window, built in the composition root from `grok.*` through the
 * core schema (invalid values fall back to defaults) and refreshed on every change of a `grok.*` setting.
 */
export function createConfig(): { config: Config; subscription: vscode.Disposable } {
  const config = new SettingsConfig(rawSettings());
  const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('grok')) config.update(rawSettings());
  });
  return { config, subscription };
}

/** Stores a user-level `grok.*` setting (the model picker). */
export async function updateUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('grok').update(key, value, vscode.ConfigurationTarget.Global);
}
