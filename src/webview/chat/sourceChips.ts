/**
 * Numbered source chips under an answer, and the answer's inline `[[n]](url)` markers linked to
 * them. A chip is a link like any in an answer (`md-link` + `data-href`): a click posts `openLink`
 * and the host applies its link rules; nothing opens by itself. A marker moves focus to its chip
 * (the chip shows the domain and title before anything is opened). Titles are untrusted text.
 */
import type { SourceView } from '../../shared/protocol';
import { h } from '../dom';

/** The chips of a turn, or undefined when it has no sources. */
export function sourceChipsElement(sources: readonly SourceView[] | undefined): HTMLElement | undefined {
  if (!sources?.length) return undefined;
  const list = h('div', { class: 'source-chips', role: 'list', 'aria-label': 'Sources' });
  for (const source of sources) {
    const label = source.title ? `${source.domain}: ${source.title}` : source.domain;
    list.append(
      h(
        'span',
        {
          class: `md-link source-chip${source.cited ? '' : ' source-uncited'}`,
          role: 'link',
          tabindex: '0',
          'data-href': source.url,
          'data-source-n': String(source.n),
          title: `${source.url}${source.cited ? '' : ' (read, not cited)'}`,
          'aria-label': `Source ${source.n}: ${label}`,
        },
        h('span', { class: 'source-n' }, String(source.n)),
        h('span', { class: 'source-domain' }, source.domain),
        source.title ? h('span', { class: 'source-title' }, source.title) : undefined,
      ),
    );
  }
  return list;
}

const MARKER_TEXT = /^\[(\d{1,3})\]$/;

/**
 * Marks the links in `answer` that are citation markers of `sources` (text `[n]`, pointing at the
 * source's URL): they show as small numbers and lead to their chip.
 */
export function linkCitationMarkers(answer: HTMLElement, sources: readonly SourceView[] | undefined): void {
  if (!sources?.length) return;
  const byUrl = new Map(sources.map((s) => [s.url, s]));
  for (const link of answer.querySelectorAll<HTMLElement>('.md-link:not(.citation-marker)')) {
    const n = MARKER_TEXT.exec(link.textContent ?? '')?.[1];
    const source = n ? byUrl.get(link.getAttribute('data-href') ?? '') : undefined;
    if (!source) continue;
    link.classList.add('citation-marker');
    link.setAttribute('data-source-n', String(source.n));
    link.setAttribute('aria-label', `Source ${source.n}: ${source.domain}`);
    link.setAttribute('title', source.title ? `${source.n}. ${source.title} (${source.domain})` : `${source.n}. ${source.domain}`);
    link.textContent = String(source.n);
  }
}

function focusChip(marker: HTMLElement): void {
  const n = marker.getAttribute('data-source-n');
  const chip = marker.closest('.turn')?.querySelector<HTMLElement>(`.source-chip[data-source-n="${n}"]`);
  if (!chip) return;
  chip.scrollIntoView({ block: 'nearest' });
  chip.focus();
  chip.classList.remove('source-flash');
  void chip.offsetWidth; // restart the highlight animation
  chip.classList.add('source-flash');
}

/**
 * A marker click (or Enter/Space) focuses its chip instead of opening the link. Capture phase, so it
 * runs before the link delegate and stops it.
 */
export function installCitationDelegate(root: HTMLElement): void {
  const handle = (event: Event): void => {
    const marker = (event.target as Element).closest<HTMLElement>('.citation-marker');
    if (!marker) return;
    if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    focusChip(marker);
  };
  root.addEventListener('click', handle, true);
  root.addEventListener('keydown', handle, true);
}
