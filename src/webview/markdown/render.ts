/** Markdown to safe, decorated DOM: parse (markdown-it) → sanitize (DOMPurify) → decorate. */
import { decorate } from './decorate';
import { parseMarkdown, renderTokens, type Token } from './md';
import { sanitizeToFragment } from './sanitize';

/** Renders already-parsed tokens to a fragment ready to insert. */
export function renderTokensToFragment(tokens: Token[]): DocumentFragment {
  return decorate(sanitizeToFragment(renderTokens(tokens)));
}

/** Renders a whole markdown text in one go (finished answers; the reference for streaming). */
export function renderMarkdown(text: string): DocumentFragment {
  return renderTokensToFragment(parseMarkdown(text));
}
