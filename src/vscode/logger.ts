import * as vscode from 'vscode';
import { formatLogArgs, redact, type Logger } from '../core/log';

/**
 * A {@link Logger} over a `LogOutputChannel` named "Grok". Every line is redacted: the exact
 * stored key (as far as the logger has been told it) and anything shaped like a credential.
 */
export class OutputLogger implements Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private secrets: string[] = [];

  constructor(name = 'Grok') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Removes the known secrets and anything key-shaped from text shown to the user or stored. */
  scrub(text: string): string {
    return redact(text, this.secrets);
  }

  /** Tells the logger which exact values to remove (the stored key); called when the key changes. */
  setSecrets(secrets: readonly (string | undefined)[]): void {
    this.secrets = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
  }

  private line(message: string | Error, args: readonly unknown[]): string {
    const head = message instanceof Error ? `${message.name}: ${message.message}` : message;
    const tail = args.length ? ` ${formatLogArgs(args, this.secrets)}` : '';
    return redact(head, this.secrets) + tail;
  }

  trace(message: string, ...args: unknown[]): void {
    this.channel.trace(this.line(message, args));
  }
  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(this.line(message, args));
  }
  info(message: string, ...args: unknown[]): void {
    this.channel.info(this.line(message, args));
  }
  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(this.line(message, args));
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.channel.error(this.line(message, args));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
