/** Parsed markdown to safe, decorated DOM: render (markdown-it) → sanitize (DOMPurify) → decorate. */
import { decorate } from './decorate';
import { renderTokens, type Token } from './md';
import { sanitizeToFragment } from './sanitize';

/** Renders parsed tokens to a fragment ready to insert. */
export function renderTokensToFragment(tokens: Token[]): DocumentFragment {
  return decorate(sanitizeToFragment(renderTokens(tokens)));
}
