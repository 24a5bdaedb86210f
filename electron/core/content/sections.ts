import { createSlugger } from '../../api/slug';
import type { Section } from './model';

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** Markdown to the words a person reads: link targets, emphasis marks and task boxes dropped. */
export function plainText(markdown: string): string {
  return (
    markdown
      // Each pattern stops at the next opening bracket, so unclosed brackets in a hostile guide cost linear time, not
      // quadratic (50,000 "[" took seconds with [^\]]*).
      .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+/gm, '')
      .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
      .replace(/^[ \t]*>[ \t]?/gm, '')
      .replace(/[*_`~|]+/g, ' ')
      .replace(/<[^<>]*>/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * Splits a guide body at its headings. The text before the first heading becomes a section with an empty anchor,
 * headed by the guide's title. Anchors come from the same slugger the reader uses, so they match its table of contents.
 */
export function splitSections(body: string, title: string): Section[] {
  const slugger = createSlugger();
  const sections: Section[] = [];
  let current: { anchor: string; heading: string; level: number; lines: string[] } = { anchor: '', heading: title, level: 1, lines: [] };
  let fence: string | null = null;
  const flush = () => {
    const text = plainText(current.lines.join('\n'));
    if (current.anchor !== '' || text !== '') sections.push({ anchor: current.anchor, heading: current.heading, level: current.level, text });
  };
  for (const line of body.split('\n')) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
    }
    const heading = fence === null ? HEADING.exec(line) : null;
    if (heading) {
      flush();
      const text = plainText(heading[2]!);
      current = { anchor: slugger(text), heading: text, level: heading[1]!.length, lines: [] };
    } else current.lines.push(line);
  }
  flush();
  return sections;
}
