import { parseSettings, type GrokSettings } from './config';

/** A listener registration that the caller disposes. */
export interface Subscription {
  dispose(): void;
}

/**
 * The `grok.*` settings as one injected object: read `current` whenever a value is needed (never
 * cache a copy), subscribe to `onDidChange` to react. The composition root builds one from VS Code's
 * configuration; tests build one from plain values.
 */
export interface Config {
  readonly current: GrokSettings;
  onDidChange(listener: (settings: GrokSettings) => void): Subscription;
}

/** A {@link Config} whose values are pushed in by its owner (the VS Code adapter, or a test). */
export class SettingsConfig implements Config {
  private settings: GrokSettings;
  private readonly listeners = new Set<(settings: GrokSettings) => void>();

  /** `raw` is parsed through the settings schema: invalid values fall back to their defaults. */
  constructor(raw: Record<string, unknown> = {}) {
    this.settings = parseSettings(raw);
  }

  get current(): GrokSettings {
    return this.settings;
  }

  /** Replaces the settings (parsed again) and tells every listener once. */
  update(raw: Record<string, unknown>): void {
    this.settings = parseSettings(raw);
    for (const listener of [...this.listeners]) listener(this.settings);
  }

  onDidChange(listener: (settings: GrokSettings) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
