import type { GuideView } from '../../../electron/api/types';
import { renderGuide } from '../guide/render';

/** One part of a guide: the text before its first heading (anchor null), or one heading and what follows it. */
export interface GuidePart {
  anchor: string | null;
  heading: string | null;
  level: number;
  /** Sanitised nodes (renderGuide's output, never re-serialised): clone them into the page. */
  nodes: DocumentFragment;
}

const HEADING = /^H([1-6])$/;

/**
 * Splits a rendered guide at its headings, giving the n-th heading the n-th section anchor as the reader does. The
 * HTML is parsed in an inert template, so nothing in it loads or runs, and the nodes are moved, not re-parsed.
 */
export function guideParts(guide: GuideView): GuidePart[] {
  const template = document.createElement('template');
  template.innerHTML = renderGuide(guide.body, guide.lang).html;
  const headings = [...template.content.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const parts: GuidePart[] = [{ anchor: null, heading: null, level: 0, nodes: document.createDocumentFragment() }];
  for (const node of [...template.content.childNodes]) {
    const level = node instanceof Element ? HEADING.exec(node.tagName)?.[1] : undefined;
    if (level) {
      const section = guide.sections[headings.indexOf(node as Element)];
      parts.push({
        anchor: section?.anchor ?? null,
        heading: node.textContent ?? '',
        level: Number(level),
        nodes: document.createDocumentFragment(),
      });
    }
    parts.at(-1)!.nodes.append(node);
  }
  if (!parts[0]!.nodes.textContent?.trim()) parts.shift();
  return parts;
}

/** The parts an item shows: the whole guide, or one section with its subsections (empty when the section is gone). */
export function partsFor(guide: GuideView, anchor: string | null): GuidePart[] {
  const parts = guideParts(guide);
  if (anchor === null) return parts;
  const start = parts.findIndex((part) => part.anchor === anchor);
  if (start < 0) return [];
  const end = parts.findIndex((part, index) => index > start && part.level <= parts[start]!.level);
  return parts.slice(start, end < 0 ? undefined : end);
}

/** Neutral copies for a handout or the projector: no tick a person made shows, and no box can be ticked. */
export function neutralCopy(nodes: DocumentFragment): DocumentFragment {
  const copy = nodes.cloneNode(true) as DocumentFragment;
  for (const box of copy.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = false;
    box.removeAttribute('checked');
    box.disabled = true;
    box.setAttribute('aria-hidden', 'true');
  }
  return copy;
}
