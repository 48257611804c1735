/**
 * A prompt template: a named, versioned text with `{{placeholders}}`. Templates live in files in this
 * folder (not as strings scattered through code), and each request logs `name@version` with its id.
 */
export interface PromptTemplate {
  name: string;
  version: number;
  text: string;
}

/** `name@version`, for logs and usage records. */
export function templateId(t: PromptTemplate): string {
  return `${t.name}@${t.version}`;
}

/**
 * Fills `{{key}}` placeholders. Values are inserted literally; a placeholder without a value is an
 * error (a silent empty string would send the model a broken prompt).
 */
export function renderTemplate(t: PromptTemplate, values: Record<string, string> = {}): string {
  return t.text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`Prompt ${templateId(t)} needs a value for {{${key}}}.`);
    return value;
  });
}
