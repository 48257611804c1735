/**
 * Reads the project rules (`AGENTS.md` at each workspace folder's root, `.grok/rules/*.md`) for the
 * system prompt, redacted, and remembers the conversations whose chip the user removed.
 */
import * as vscode from 'vscode';
import { renderRules, RULES_CHIP_ID, type ProjectRules, type RulesFile } from '../../core/agent/projectRules';
import type { AttachmentView } from '../../shared/protocol';

/** Largest rules file read (anything bigger is not a rules file). */
const MAX_FILE_BYTES = 256 * 1024;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (!stat || stat.type & vscode.FileType.Directory || stat.size > MAX_FILE_BYTES) return undefined;
  const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
  return bytes && new TextDecoder().decode(bytes);
}

export class ProjectRulesSource {
  private readonly removed = new Set<string>();

  /** @param redact removes secrets before the rules are sent */
  constructor(private readonly redact: (text: string) => string) {}

  /** The rules of the open folders now, or undefined when there are none. */
  async load(): Promise<ProjectRules | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const files: RulesFile[] = [];
    for (const folder of folders) {
      const prefix = folders.length > 1 ? `${folder.name}/` : '';
      const agents = await readText(vscode.Uri.joinPath(folder.uri, 'AGENTS.md'));
      if (agents !== undefined) files.push({ path: `${prefix}AGENTS.md`, text: this.redact(agents) });
      const dir = vscode.Uri.joinPath(folder.uri, '.grok', 'rules');
      const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(dir)).catch(() => [] as [string, vscode.FileType][]);
      for (const [name, type] of entries.filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.md')).sort(([a], [b]) => a.localeCompare(b))) {
        const text = type === vscode.FileType.File ? await readText(vscode.Uri.joinPath(dir, name)) : undefined;
        if (text !== undefined) files.push({ path: `${prefix}.grok/rules/${name}`, text: this.redact(text) });
      }
    }
    return renderRules(files);
  }

  /** The rules for the system prompt of `conversationId`, unless the user removed them there. */
  async forConversation(conversationId: string): Promise<string | undefined> {
    return this.removed.has(conversationId) ? undefined : (await this.load())?.text;
  }

  /** The composer chip for `conversationId`, or undefined (no rules, or removed). */
  async chip(conversationId: string): Promise<AttachmentView | undefined> {
    if (this.removed.has(conversationId)) return undefined;
    const rules = await this.load();
    return rules && { id: RULES_CHIP_ID, kind: 'file', label: `Rules: ${rules.label}`, detail: rules.detail };
  }

  /** The user removed the chip: no rules for the rest of `conversationId`. */
  remove(conversationId: string): void {
    this.removed.add(conversationId);
  }
}
