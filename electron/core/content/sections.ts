import { createSlugger } from '../../api/slug';
import type { Section } from './model';

/**
 * Bounds on a guide body, checked in one linear pass. No bundled guide comes near them (the largest has 9 headings,
 * of under 60 characters). Long body lines are left to the reader, which cuts them for display
 * (renderer/features/guide/bounds.ts); a heading is one line by definition, so a long one is a broken or hostile file.
 */
export const BODY_LIMITS = {
  /** Characters in one heading line; a longer heading makes the guide invalid. */
  headingLength: 300,
  /** Sections a guide is split into for search and the table of contents; later headings stay in the last one's text. */
  sections: 500,
} as const;

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * Follows fenced code blocks line by line: the returned function, given each line in turn, says whether that line is
 * a fence or inside fenced code (where no heading, link or address is read as one).
 */
export function codeFences(): (line: string) => boolean {
  let fence: string | null = null;
  return (line) => {
    const marker = FENCE.exec(line)?.[1]?.[0];
    if (marker === undefined) return fence !== null;
    if (fence === null) fence = marker;
    else if (marker === fence) fence = null;
    return true;
  };
}

/**
 * An ATX heading as CommonMark reads it: up to three spaces, one to six `#`, then a space, a tab or the end of the
 * line; an optional closing run of `#` is dropped. Written as a scan rather than a regular expression because the
 * pattern it replaces backtracked in cubic time on a line of `#` and spaces (50,000 spaces never finished).
 */
export function parseHeading(line: string): { level: number; text: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return null;
  const rest = line.slice(i + level);
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return null;
  let text = rest.trim();
  // A closing sequence is a run of `#` at the end, preceded by a space (or making up the whole text).
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trimEnd();
  return { level, text };
}

/** Markdown to the words a person reads: link targets, emphasis marks and task boxes dropped. */
/** Text plainText would give back trimmed and otherwise unchanged: no markup character, list marker or run of spaces. */
const ALREADY_PLAIN = /^(?![ \t]*(?:[-+]|\d+[.)])[ \t])[^[*_`~|<>\t\n]*$/;

export function plainText(markdown: string): string {
  // Most headings and many short texts: seven passes over them would each give the same text back.
  if (ALREADY_PLAIN.test(markdown) && !markdown.includes('  ')) return markdown.trim();
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
 * Whether plainText(markdown) is not empty, without working it out for the common section: a line that starts with a
 * letter keeps it, unless a tag or a link target (which plainText removes, and which may span lines) could hold it.
 */
function hasPlainText(markdown: string): boolean {
  if (/^[ \t]*\p{L}/mu.test(markdown) && !markdown.includes('<') && !markdown.includes('](')) return true;
  return plainText(markdown) !== '';
}

/** A line of the body that breaks a bound: `index` counts from 0 at the body's first line. */
export interface BodyProblem {
  index: number;
  message: string;
}

export interface SplitBody {
  sections: Section[];
  /** Headings past BODY_LIMITS.sections, left in the last section's text and out of the table of contents. */
  omitted: number;
  problems: BodyProblem[];
}

/**
 * A section as the content holds it: its Markdown is a slice of the guide's body (which shares the file's text), and
 * its plain text is worked out each time it is asked for. Keeping the plain text of every section beside the body
 * held a second copy of all the content (at ten thousand guides, most of the heap); it is read in full only while
 * an index is built, and otherwise for the few sections a search shows.
 */
class BodySection implements Section {
  constructor(
    readonly anchor: string,
    readonly heading: string,
    readonly level: number,
    readonly markdown: string,
  ) {}

  get text(): string {
    return plainText(this.markdown);
  }
}

/** A section of a guide whose body was split before (content/snapshot.ts), with its Markdown cut from the body. */
export function bodySection(anchor: string, heading: string, level: number, markdown: string): Section {
  return new BodySection(anchor, heading, level, markdown);
}

/**
 * Splits a guide body at its headings, in time linear in its length. The text before the first heading becomes a
 * section with an empty anchor, headed by the guide's title. Anchors come from the same slugger the reader uses, so
 * they match its table of contents. Lines past the bounds above are reported, not split.
 */
export function splitBody(body: string, title: string): SplitBody {
  const slugger = createSlugger();
  const sections: Section[] = [];
  const problems: BodyProblem[] = [];
  let omitted = 0;
  let current = { anchor: '', heading: title, level: 1, from: 0 };
  const inCode = codeFences();
  // The section's Markdown runs from the line after its heading to the end of the line before the next one.
  const flush = (to: number) => {
    const markdown = body.slice(current.from, Math.max(current.from, to));
    if (current.anchor !== '' || hasPlainText(markdown)) sections.push(new BodySection(current.anchor, current.heading, current.level, markdown));
  };
  // Line by line without splitting the body: only a line that may be a fence or a heading (its first character
  // after up to three spaces or tabs is a backquote, tilde or "#") is cut out and looked at; the others leave the
  // fence state as it is and are no heading.
  for (let offset = 0, index = 0; offset <= body.length; index++) {
    const newline = body.indexOf('\n', offset);
    const end = newline === -1 ? body.length : newline;
    const next = end + 1;
    let first = offset;
    while (first < end && first - offset < 3 && (body[first] === ' ' || body[first] === '\t')) first++;
    const marker = body[first];
    if (first === end || (marker !== '#' && marker !== '`' && marker !== '~')) {
      offset = next;
      continue;
    }
    const line = body.slice(offset, end);
    const heading = inCode(line) ? null : parseHeading(line);
    if (heading && line.length > BODY_LIMITS.headingLength) {
      // The guide is refused for it, so its sections are never read; the line stays in the section's text.
      problems.push({
        index,
        message: `this heading has ${line.length} characters; the limit is ${BODY_LIMITS.headingLength}: shorten it, and start body text on its own line`,
      });
    } else if (heading && sections.length + 1 >= BODY_LIMITS.sections) omitted++;
    else if (heading) {
      flush(offset - 1);
      const text = plainText(heading.text);
      current = { anchor: slugger(text), heading: text, level: heading.level, from: next };
    }
    offset = next;
  }
  flush(body.length);
  return { sections, omitted, problems };
}

/** The sections of a body known to be within bounds (see splitBody). */
export function splitSections(body: string, title: string): Section[] {
  return splitBody(body, title).sections;
}
