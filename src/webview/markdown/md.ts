/**
 * The one markdown-it configuration used for every answer, streamed or not. It must be the same
 * instance for both paths: the incremental renderer's output equals a one-shot render only
 * because each top-level block renders the same way wherever the text is cut.
 */
import MarkdownIt from 'markdown-it';
import { highlightCode } from './highlight';

type Token = ReturnType<MarkdownIt['parse']>[number];

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({
    html: false, // model output is untrusted: raw HTML stays text
    linkify: true,
    typographer: false,
    highlight: highlightCode,
  });
  // Reference definitions (`[x]: url`) let text at the end change a block at the start, which
  // would break incremental rendering; chat answers practically never use them.
  md.disable('reference');
  md.renderer.rules.image = renderImageAsLink;
  md.core.ruler.push('table_align_class', alignToClass);
  return md;
}

/**
 * Images are never loaded (CSP blocks remote ones anyway, and a tracking pixel is still a
 * request); the image becomes a link the user can open through the host.
 */
function renderImageAsLink(tokens: Token[], idx: number): string {
  const token = tokens[idx] as Token;
  const src = token.attrGet('src') ?? '';
  const alt = token.content || src;
  const escape = markdown.utils.escapeHtml;
  return `<a href="${escape(src)}" title="${escape(src)}">${escape(`Image: ${alt}`)}</a>`;
}

/** Table alignment arrives as `style="text-align:…"`; the sanitizer drops styles, so use a class. */
function alignToClass(state: { tokens: Token[] }): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    const align = style ? /text-align:(left|center|right)/.exec(style)?.[1] : undefined;
    if (!align) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    token.attrSet('class', `md-align-${align}`);
  }
}

/** The shared instance. */
export const markdown = createMarkdown();

/** Parses markdown into block tokens (inline children included). */
export function parseMarkdown(text: string): Token[] {
  return markdown.parse(text, {});
}

/** Renders tokens from {@link parseMarkdown} to (unsanitized) HTML. */
export function renderTokens(tokens: Token[]): string {
  return markdown.renderer.render(tokens, markdown.options, {});
}

export type { Token };
