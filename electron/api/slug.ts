/**
 * Section anchors, shared by the content checks, the search index and the reader so that a `guide:id#anchor` link,
 * a search hit and a table-of-contents entry all name the same place. Letters and digits of every script are kept,
 * so Arabic or Chinese headings get readable anchors too.
 */
export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
}

/** Gives repeated headings distinct anchors (`steps`, `steps-1`, `steps-2`), as GitHub does. */
export function createSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = slugify(heading) || 'section';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}
