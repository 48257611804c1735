/**
 * The sanitizer between markdown-it's HTML and the DOM. markdown-it already escapes raw HTML
 * (html: false) and refuses `javascript:` links; this is the second wall, with a strict
 * allowlist: no styles, no event handlers, no images, no SVG/MathML, no iframes or forms, and
 * only the classes our own rendering emits.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p',
  'pre', 's', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'start'];
/** http(s), mailto, and scheme-less (relative paths, #fragments): the host decides what opens. */
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
/** Classes markdown-it and highlight.js emit: `language-ts`, `hljs-keyword`, `function_`, `md-align-left`. */
const ALLOWED_CLASS = /^(?:language-[\w+#.-]+|hljs(?:-[\w-]+)?|[a-z]+_+|md-align-(?:left|center|right))$/;

const purifier = DOMPurify(window);
purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName !== 'class') return;
  const kept = data.attrValue.split(/\s+/).filter((name) => ALLOWED_CLASS.test(name));
  data.attrValue = kept.join(' ');
  if (kept.length === 0) data.keepAttr = false;
});

/** Sanitizes rendered markdown HTML into an inert fragment of this document. */
export function sanitizeToFragment(html: string): DocumentFragment {
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
