import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { boundMarkdown, type Limit } from './bounds';

/**
 * Guide Markdown to safe HTML. Every guide is untrusted input: marked turns it into HTML, then DOMPurify keeps only
 * plain document elements. No SVG or MathML, no forms or frames, no styles, no ids (the reader sets heading anchors
 * itself), and links only to http(s) or in-app `#/` routes. `guide:` links become in-app routes before sanitising.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const FORBID_TAGS = [
  'style',
  'form',
  'button',
  'select',
  'textarea',
  'option',
  'iframe',
  'frame',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'svg',
  'math',
  'template',
  'dialog',
  'marquee',
];
// DOMPurify's default test with every scheme but http(s) removed; it also judges plain values such as
// type="checkbox". Links are narrowed further below to http(s) and in-app routes.
const ALLOWED_URI = /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('uponSanitizeElement', (node, data) => {
    // Task-list boxes are the only inputs a guide may contain.
    if (data.tagName === 'input' && (node as Element).getAttribute('type') !== 'checkbox') node.parentNode?.removeChild(node);
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    // Every element that can navigate (an image map's area as much as a link) keeps only an in-app route or an
    // http(s) address, which the reader sends through the shared link policy (electron/api/links.ts).
    if (node.tagName === 'A' || node.tagName === 'AREA') {
      const href = node.getAttribute('href') ?? '';
      if (/^https?:/i.test(href)) {
        node.setAttribute('data-external', 'true');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (!href.startsWith('#/')) node.removeAttribute('href');
      node.removeAttribute('target');
    }
    // Code reads left to right even inside a right-to-left guide.
    if (node.tagName === 'PRE') node.setAttribute('dir', 'ltr');
    if (node.tagName === 'INPUT') {
      node.setAttribute('disabled', '');
      node.removeAttribute('name');
    }
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `guide:id#anchor` → the reader's route, in the given language. */
export function rewriteGuideLinks(markdown: string, lang: string): string {
  return markdown.replace(/\]\(\s*guide:([a-z0-9-]+)(?:#([^)\s]*))?\s*\)/g, (_match, id: string, anchor?: string) => {
    const section = anchor ? `?section=${encodeURIComponent(safeDecode(anchor))}` : '';
    return `](#/guide/${id}/${lang}${section})`;
  });
}

export interface Rendered {
  html: string;
  /** The limits that shortened this guide (see bounds.ts); empty for every ordinary guide. */
  shortened: Limit[];
}

function sanitize(html: string): string {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'id', 'name', 'class', 'srcset', 'action', 'formaction', 'background', 'ping', 'download'],
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
  });
}

/** Renders a guide within the limits of bounds.ts, and says what had to be cut. Never throws. */
export function renderGuide(markdown: string, lang: string): Rendered {
  installHooks();
  const { markdown: bounded, hit } = boundMarkdown(markdown);
  try {
    return { html: sanitize(marked.parse(rewriteGuideLinks(bounded, lang)) as string), shortened: hit };
  } catch {
    // Should the parser still fail (its stack, say), the guide is shown as plain text rather than not at all.
    const escaped = bounded.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
    return { html: sanitize(`<pre>${escaped}</pre>`), shortened: [...hit, 'depth'] };
  }
}

export function renderMarkdown(markdown: string, lang: string): string {
  return renderGuide(markdown, lang).html;
}
