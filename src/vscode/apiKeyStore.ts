import * as vscode from 'vscode';

const SECRET_ID = 'grok.apiKey';

/** The xAI key, kept only in VS Code's SecretStorage (the OS keychain on desktop). */
export class ApiKeyStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after the key was set, replaced or removed (in this or another window). */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_ID) this.emitter.fire();
    });
  }

  get(): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(SECRET_ID));
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_ID, key);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_ID);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
