import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftKind, DraftMeta, DraftProblem } from '../../../electron/api/drafts';
import type { LibraryData } from '../../../electron/api/types';
import { jurisdictionName, topicName } from '../../lib/names';

type Field = DraftProblem['field'];

/** The problems of one field, shown beside it; the field points at them with aria-describedby. */
export function FieldProblems({ field, problems }: { field: Field; problems: DraftProblem[] }) {
  const mine = problems.filter((p) => p.field === field);
  if (mine.length === 0) return null;
  return (
    <ul id={problemsId(field)} className="field-problems" data-testid={`problems-${field}`}>
      {mine.map((p) => (
        // The content rules speak English, here as on the command line and the problems screen.
        <li key={`${p.path}:${p.message}`} className={p.severity === 'warning' ? 'field-warning' : 'field-error'} lang="en" dir="ltr">
          {p.path !== field ? `${p.path}: ` : ''}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

export const problemsId = (field: Field) => `draft-problems-${field}`;

/** aria-describedby and aria-invalid for a field with problems. */
export function described(field: Field, problems: DraftProblem[]) {
  const mine = problems.filter((p) => p.field === field);
  return mine.length === 0
    ? {}
    : { 'aria-describedby': problemsId(field), 'aria-invalid': mine.some((p) => p.severity === 'error') ? ('true' as const) : undefined };
}

interface Props {
  kind: DraftKind;
  meta: DraftMeta;
  problems: DraftProblem[];
  library: LibraryData;
  readOnly: boolean;
  onChange: (meta: DraftMeta) => void;
}

/** The guide's front matter as a form: each field labelled, each with the content rules' problems beside it. */
export function FrontMatterForm({ kind, meta, problems, library, readOnly, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const set = <K extends keyof DraftMeta>(key: K, value: DraftMeta[K]) => onChange({ ...meta, [key]: value });
  const text = (key: 'id' | 'title' | 'licence', extra: { dir?: string; lang?: string } = {}) => (
    <div className="form-row">
      <label htmlFor={`draft-${key}`}>{t(`write.field.${key}`)}</label>
      <input
        id={`draft-${key}`}
        value={meta[key]}
        readOnly={readOnly}
        onChange={(event) => set(key, event.target.value)}
        data-testid={`draft-${key}`}
        {...extra}
        {...described(key, problems)}
      />
      <FieldProblems field={key} problems={problems} />
    </div>
  );
  const content = { lang: meta.lang, dir: 'auto' };
  return (
    <fieldset className="front-matter" disabled={readOnly} data-testid="front-matter">
      <legend>{t('write.frontMatter')}</legend>
      {kind === 'new' ? (
        <>
          {text('id', { dir: 'ltr', lang: 'en' })}
          <div className="form-row">
            <label htmlFor="draft-jurisdiction">{t('write.field.jurisdiction')}</label>
            <select
              id="draft-jurisdiction"
              value={meta.jurisdiction}
              onChange={(e) => set('jurisdiction', e.target.value)}
              {...described('jurisdiction', problems)}
            >
              {library.jurisdictions.map((j) => (
                <option key={j.code} value={j.code}>
                  {jurisdictionName(library, j.code, ui)} ({j.code})
                </option>
              ))}
            </select>
            <FieldProblems field="jurisdiction" problems={problems} />
          </div>
          <div className="form-row">
            <label htmlFor="draft-lang">{t('write.field.lang')}</label>
            <select id="draft-lang" value={meta.lang} onChange={(e) => set('lang', e.target.value)} {...described('lang', problems)}>
              {library.languages.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
            <FieldProblems field="lang" problems={problems} />
          </div>
        </>
      ) : (
        <p className="draft-fixed">
          {t('write.fixed', { id: meta.id, jurisdiction: jurisdictionName(library, meta.jurisdiction, ui), lang: meta.lang })}
        </p>
      )}
      {text('title', content)}
      <div className="form-row">
        <label htmlFor="draft-summary">{t('write.field.summary')}</label>
        <textarea
          id="draft-summary"
          rows={3}
          value={meta.summary}
          onChange={(e) => set('summary', e.target.value)}
          data-testid="draft-summary"
          {...content}
          {...described('summary', problems)}
        />
        <FieldProblems field="summary" problems={problems} />
      </div>
      <div className="form-row">
        <label htmlFor="draft-changes">{t('write.field.changes')}</label>
        <textarea
          id="draft-changes"
          rows={2}
          value={meta.changes}
          onChange={(e) => set('changes', e.target.value)}
          data-testid="draft-changes"
          {...content}
          {...described('changes', problems)}
        />
        <FieldProblems field="changes" problems={problems} />
      </div>
      <fieldset className="topics" {...described('topics', problems)}>
        <legend>{t('write.field.topics')}</legend>
        {library.topics.map((topic) => (
          <label key={topic.id} className="check">
            <input
              type="checkbox"
              checked={meta.topics.includes(topic.id)}
              onChange={(e) => set('topics', e.target.checked ? [...meta.topics, topic.id] : meta.topics.filter((id) => id !== topic.id))}
            />{' '}
            {topicName(library, topic.id, ui)}
          </label>
        ))}
        <FieldProblems field="topics" problems={problems} />
      </fieldset>
      <div className="form-row">
        <label htmlFor="draft-review_by">{t('write.field.reviewBy')}</label>
        <input
          id="draft-review_by"
          type="date"
          value={meta.review_by}
          onChange={(e) => set('review_by', e.target.value)}
          {...described('review_by', problems)}
        />
        <FieldProblems field="review_by" problems={problems} />
      </div>
      <Rows
        field="sources"
        legend={t('write.field.sources')}
        problems={problems}
        rows={meta.sources}
        blank={{ title: '', publisher: '', url: '', date: '' }}
        onChange={(rows) => set('sources', rows)}
        render={(row, index, update) => (
          <>
            <SmallInput
              label={t('write.source.title')}
              value={row.title}
              onChange={(v) => update({ ...row, title: v })}
              id={`source-${index}-title`}
              {...content}
            />
            <SmallInput
              label={t('write.source.publisher')}
              value={row.publisher}
              onChange={(v) => update({ ...row, publisher: v })}
              id={`source-${index}-publisher`}
              {...content}
            />
            <SmallInput
              label={t('write.source.url')}
              value={row.url}
              onChange={(v) => update({ ...row, url: v })}
              id={`source-${index}-url`}
              dir="ltr"
              type="url"
            />
            <SmallInput
              label={t('write.source.date')}
              value={row.date}
              onChange={(v) => update({ ...row, date: v })}
              id={`source-${index}-date`}
              dir="ltr"
            />
          </>
        )}
      />
      <Rows
        field="not_covered"
        legend={t('write.field.notCovered')}
        problems={problems}
        rows={meta.not_covered}
        blank=""
        onChange={(rows) => set('not_covered', rows)}
        render={(row, index, update) => (
          <SmallInput label={t('write.notCovered.item', { n: index + 1 })} value={row} onChange={update} id={`not-covered-${index}`} {...content} />
        )}
      />
      <Rows
        field="authors"
        legend={t('write.field.authors')}
        problems={problems}
        rows={meta.authors}
        blank={{ name: '', role: '' }}
        onChange={(rows) => set('authors', rows)}
        render={(row, index, update) => (
          <>
            <SmallInput
              label={t('write.author.name')}
              value={row.name}
              onChange={(v) => update({ ...row, name: v })}
              id={`author-${index}-name`}
              dir="auto"
            />
            <SmallInput
              label={t('write.author.role')}
              value={row.role}
              onChange={(v) => update({ ...row, role: v })}
              id={`author-${index}-role`}
              dir="auto"
            />
          </>
        )}
      />
      {text('licence', { dir: 'ltr', lang: 'en' })}
    </fieldset>
  );
}

function SmallInput({
  label,
  value,
  onChange,
  id,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  id: string;
  dir?: string;
  lang?: string;
  type?: string;
}) {
  return (
    <span className="row-input">
      <label htmlFor={`draft-${id}`}>{label}</label>
      <input id={`draft-${id}`} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`draft-${id}`} {...rest} />
    </span>
  );
}

/** A list of rows (sources, things not covered, authors) with buttons to add and remove one. */
function Rows<T>({
  field,
  legend,
  problems,
  rows,
  blank,
  onChange,
  render,
}: {
  field: Field;
  legend: string;
  problems: DraftProblem[];
  rows: T[];
  blank: T;
  onChange: (rows: T[]) => void;
  render: (row: T, index: number, update: (row: T) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="rows" data-testid={`rows-${field}`} {...described(field, problems)}>
      <legend>{legend}</legend>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; their place is what a person edits
        <div className="row" key={index}>
          {render(row, index, (next) => onChange(rows.map((r, i) => (i === index ? next : r))))}
          <button type="button" className="small" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('write.removeRow', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onChange([...rows, structuredClone(blank)])} data-testid={`add-${field}`}>
        {t('write.addRow')}
      </button>
      <FieldProblems field={field} problems={problems} />
    </fieldset>
  );
}
