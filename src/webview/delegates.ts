/**
 * One listener each for the links and code-block buttons inside rendered markdown. Delegation
 * keeps the rendered DOM free of per-element listeners (so a streamed block and a one-shot
 * block are the same markup) and works for elements created after this runs.
 */
import type { CodeAction } from './markdown/decorate';
import { post } from './vscodeApi';

function openLink(link: HTMLElement): void {
  const href = link.getAttribute('data-href');
  if (href) post({ type: 'openLink', href });
}

function codeOf(button: HTMLElement): { code: string; language?: string } {
  const block = button.closest('.code-block');
  const code = block?.querySelector('pre code')?.textContent ?? '';
  return { code, language: block?.getAttribute('data-language') ?? undefined };
}

/** Copies through the async clipboard API, falling back to a selection + execCommand. */
async function copy(button: HTMLElement, code: string, announce: (text: string) => void): Promise<void> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(code);
    ok = true;
  } catch {
    const pre = button.closest('.code-block')?.querySelector('pre');
    const selection = window.getSelection();
    if (pre && selection) {
      selection.selectAllChildren(pre);
      ok = document.execCommand('copy');
      if (ok) selection.removeAllRanges();
    }
  }
  announce(ok ? 'Copied' : 'Could not copy: the code is selected, press Ctrl+C');
  if (!ok) return;
  button.classList.add('done');
  setTimeout(() => button.classList.remove('done'), 1500);
}

function runCodeAction(button: HTMLElement, announce: (text: string) => void): void {
  const action = button.getAttribute('data-code-action') as CodeAction;
  const { code, language } = codeOf(button);
  if (action === 'copy') void copy(button, code, announce);
  else if (action === 'insert') post({ type: 'insertCode', code });
  else if (action === 'apply') post(language ? { type: 'applyCode', code, language } : { type: 'applyCode', code });
}

/** Installs the delegates on `root`; `announce` speaks short results ("Copied"). */
export function installDelegates(root: HTMLElement, announce: (text: string) => void): void {
  root.addEventListener('click', (event) => {
    const target = event.target as Element;
    const link = target.closest<HTMLElement>('.md-link');
    if (link) {
      event.preventDefault();
      openLink(link);
      return;
    }
    const button = target.closest<HTMLElement>('[data-code-action]');
    if (button) runCodeAction(button, announce);
  });
  root.addEventListener('keydown', (event) => {
    const link = (event.target as Element).closest<HTMLElement>('.md-link');
    if (link && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openLink(link);
    }
  });
  // Middle-click: links have no href so nothing navigates; just do not autoscroll either.
  root.addEventListener('auxclick', (event) => {
    if ((event.target as Element).closest('.md-link')) event.preventDefault();
  });
}
