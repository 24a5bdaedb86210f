import { randomBytes } from 'node:crypto';
import type { DraftKind, DraftMeta } from '../../api/drafts';
import { FieldbookError } from '../../api/errors';
import { addMonths, REVIEW_MONTHS } from '../content/warnings';
import type { Catalog, Guide } from '../content/model';
import { isLegalGuide } from '../review/status';
import type { Draft } from './schema';

export interface StartRequest {
  kind: DraftKind;
  /** version and translation: the guide to start from. */
  guide?: string;
  /** version: the language of the file to change; translation: the language to translate from (default: the original). */
  lang?: string;
  /** translation: the language to translate into; new: the language to write in. */
  target?: string;
  /** new: the jurisdiction it is for. */
  jurisdiction?: string;
}

const DEFAULT_LICENCE = 'CC-BY-SA-4.0';

function metaOf(guide: Guide, lang: string): DraftMeta {
  const { meta } = guide;
  return {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    jurisdiction: meta.jurisdiction,
    lang,
    topics: [...meta.topics],
    changes: '',
    review_by: meta.review.review_by,
    sources: meta.sources.map((s) => ({ title: s.title, publisher: s.publisher ?? '', url: s.url ?? '', date: s.date ?? '' })),
    not_covered: [...meta.not_covered],
    authors: meta.authors.map((a) => ({ name: a.name, role: a.role ?? '' })),
    licence: meta.licence,
  };
}

function reviewBy(meta: { jurisdiction: string; topics: readonly string[] }, today: string): string {
  return addMonths(today, isLegalGuide(meta) ? REVIEW_MONTHS.legal : REVIEW_MONTHS.security);
}

function findGuide(catalog: Catalog, id: string | undefined, lang: string | undefined): Guide {
  const guide =
    id === undefined
      ? undefined
      : catalog.guides.find((g) => g.meta.id === id && (lang === undefined ? !g.meta.translation_of : g.meta.lang === lang));
  if (!guide)
    throw new FieldbookError('not-found', `There is no guide "${id ?? ''}"${lang ? ` in "${lang}"` : ''} here. Choose one from the library.`);
  return guide;
}

/**
 * A new draft, filled in from what it starts from: nothing (a new guide), the current version of a guide file (a
 * new version), or a guide in another language (a translation, with `translation_of` set and the text to translate).
 */
export function startDraft(catalog: Catalog, request: StartRequest, now: Date): Draft {
  const today = now.toISOString().slice(0, 10);
  const common = {
    id: randomBytes(8).toString('hex'),
    updated: now.toISOString(),
    revision: 0,
    state: 'draft' as const,
    sent: null,
    reply: null,
    replaces: null,
  };
  if (request.kind === 'new') {
    const lang = request.target ?? 'en';
    const jurisdiction = request.jurisdiction ?? 'global';
    return {
      ...common,
      kind: 'new',
      meta: {
        id: '',
        title: '',
        summary: '',
        jurisdiction,
        lang,
        topics: [],
        changes: '',
        review_by: reviewBy({ jurisdiction, topics: [] }, today),
        sources: [{ title: '', publisher: '', url: '', date: '' }],
        not_covered: [''],
        authors: [{ name: '', role: '' }],
        licence: DEFAULT_LICENCE,
      },
      body: '',
      version: 1,
      base: null,
      history: [],
      reviewed: { by: null, on: null },
      translationOf: null,
    };
  }
  if (request.kind === 'version') {
    const guide = findGuide(catalog, request.guide, request.lang);
    return {
      ...common,
      kind: 'version',
      meta: { ...metaOf(guide, guide.meta.lang), review_by: reviewBy(guide.meta, today) },
      body: guide.body,
      version: guide.meta.version + 1,
      base: guide.meta.version,
      history: guide.meta.changelog.map((entry) => ({ ...entry })),
      reviewed: { by: guide.meta.review.reviewed_by, on: guide.meta.review.reviewed_on },
      translationOf: guide.meta.translation_of ?? null,
    };
  }
  const source = findGuide(catalog, request.guide, request.lang);
  if (source.meta.translation_of) {
    throw new FieldbookError(
      'bad-input',
      `"${source.file}" is itself a translation; translate from the original (${source.meta.translation_of.lang}).`,
    );
  }
  const target = request.target;
  if (!target || target === source.meta.lang) throw new FieldbookError('bad-input', 'Choose a language to translate into, other than the source’s.');
  const existing = catalog.guides.find((g) => g.meta.id === source.meta.id && g.meta.lang === target);
  return {
    ...common,
    kind: 'translation',
    meta: { ...metaOf(source, target), review_by: reviewBy(source.meta, today) },
    body: source.body,
    version: existing ? existing.meta.version + 1 : 1,
    base: existing ? existing.meta.version : null,
    history: existing ? existing.meta.changelog.map((entry) => ({ ...entry })) : [],
    reviewed: { by: null, on: null },
    translationOf: { lang: source.meta.lang, version: source.meta.version },
  };
}
