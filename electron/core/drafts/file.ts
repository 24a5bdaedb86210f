import { stringify } from 'yaml';
import type { DraftMeta } from '../../api/drafts';
import type { Draft } from './schema';

/**
 * A draft as the guide file it will be: the front matter in the schema's order (content/README.md), then the
 * Markdown. Dated the day it is written: `updated` and this version's changelog entry say when the partner wrote it.
 */
export function draftFrontMatter(draft: Draft, today: string): Record<string, unknown> {
  const { meta } = draft;
  const optional = (text: string) => (text.trim() === '' ? undefined : text);
  return {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    jurisdiction: meta.jurisdiction,
    lang: meta.lang,
    topics: meta.topics,
    version: draft.version,
    updated: today,
    changelog: [{ version: draft.version, date: today, changes: meta.changes }, ...draft.history],
    review: { reviewed_by: draft.reviewed.by, reviewed_on: draft.reviewed.on, review_by: meta.review_by },
    sources: meta.sources.map((source) =>
      dropUndefined({ title: source.title, publisher: optional(source.publisher), url: optional(source.url), date: optional(source.date) }),
    ),
    not_covered: meta.not_covered,
    authors: meta.authors.map((author) => dropUndefined({ name: author.name, role: optional(author.role) })),
    licence: meta.licence,
    ...(draft.translationOf ? { translation_of: draft.translationOf } : {}),
  };
}

function dropUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

export function draftFileText(draft: Draft, today: string): string {
  const yaml = stringify(draftFrontMatter(draft, today), { lineWidth: 0, flowCollectionPadding: false });
  const body = draft.body.replace(/\r\n?/g, '\n');
  return `---\n${yaml}---\n${body.startsWith('\n') ? '' : '\n'}${body}${body.endsWith('\n') ? '' : '\n'}`;
}

/** Where the guide file goes in a content folder: guides/<jurisdiction>/<id>/<lang>.md. */
export function draftPath(meta: Pick<DraftMeta, 'jurisdiction' | 'id' | 'lang'>): string {
  return `guides/${meta.jurisdiction}/${meta.id}/${meta.lang}.md`;
}
