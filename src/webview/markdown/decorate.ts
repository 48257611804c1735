/**
 * Turns sanitized markdown into the chat's interactive markup, on the fragment before it is
 * inserted: code blocks get a toolbar, links lose their `href` (nothing in the webview can
 * navigate; a click posts `openLink` and the host checks the target).
 */
import { codicon, h } from '../dom';
import { splitCodeLines } from './codeLines';

/** Data attribute naming what a code-block button does (read by the click delegate). */
export type CodeAction = 'copy' | 'insert' | 'apply';

function actionButton(action: CodeAction, icon: string, label: string): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: `icon-button code-action code-${action}`, 'data-code-action': action, 'aria-label': label, title: label },
    codicon(icon),
  );
}

function decorateCodeBlock(pre: HTMLPreElement): void {
  const code = pre.firstElementChild;
  const language = /(?:^|\s)language-([\w+#.-]+)/.exec(code?.className ?? '')?.[1] ?? '';
  if (code instanceof HTMLElement) splitCodeLines(code);
  const toolbar = h(
    'div',
    { class: 'code-toolbar' },
    h('span', { class: 'code-language' }, language),
    actionButton('copy', 'copy', 'Copy code'),
    actionButton('insert', 'insert', 'Insert code at cursor'),
    actionButton('apply', 'git-pull-request-go-to-changes', 'Apply code to file'),
  );
  const block = h('div', { class: 'code-block', 'data-language': language || undefined }, toolbar);
  pre.replaceWith(block);
  block.append(pre);
}

function decorateLink(link: HTMLAnchorElement): void {
  const href = link.getAttribute('href') ?? '';
  link.removeAttribute('href');
  link.setAttribute('data-href', href);
  link.setAttribute('role', 'link');
  link.setAttribute('tabindex', '0');
  link.classList.add('md-link');
  if (!link.hasAttribute('title')) link.setAttribute('title', href);
}

/** Decorates a sanitized fragment in place and returns it. */
export function decorate(fragment: DocumentFragment): DocumentFragment {
  for (const pre of fragment.querySelectorAll('pre')) decorateCodeBlock(pre);
  for (const link of fragment.querySelectorAll('a')) decorateLink(link);
  return fragment;
}
