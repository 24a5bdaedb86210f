import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDecision, SubmissionGuideChange, SubmissionPreview } from '../../../electron/api/submissions';
import { client } from '../../lib/client';
import { download } from '../../lib/download';
import { hrefFor } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { chosenFile } from '../../lib/chosen-file';
import { WordDiff } from '../guide/HistoryDiff';
import { base64Of } from '../packs/PacksView';
import { ErrorMessage } from '../shell/ErrorMessage';

type Opened = SubmissionPreview & { token: string };
type Step =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'preview'; preview: Opened }
  | { name: 'deciding'; preview: Opened }
  | { name: 'decided'; preview: Opened; decision: SubmissionDecision };

const message = (failure: unknown) => (failure as Error).message.replace(/^submissions: /, '');

/**
 * The maintainer's review of a partner's submission: open the file, read who signed it and each guide's change
 * (side by side or inline), write notes, then accept, request changes or reject, and save the reply for the partner.
 */
export function SubmissionsView() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [records, reload] = useAsync(() => client.invoke('submissions.list'), []);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setStep({ name: 'checking' });
    try {
      setStep({ name: 'preview', preview: await client.invoke('submissions.open', { bytes: await base64Of(file) }) });
    } catch (failure) {
      setError(message(failure));
      setStep({ name: 'idle' });
    }
  };
  const decide = async (preview: Opened, run: () => Promise<SubmissionDecision>) => {
    setError(null);
    setStep({ name: 'deciding', preview });
    try {
      setStep({ name: 'decided', preview, decision: await run() });
      reload();
    } catch (failure) {
      setError(message(failure));
      setStep({ name: 'preview', preview });
    }
  };

  const busy = step.name === 'checking' || step.name === 'deciding';
  return (
    <section
      aria-labelledby="submissions-title"
      className="submissions"
      aria-busy={busy}
      data-submission-step={step.name}
      data-records-state={records.status}
    >
      <h1 id="submissions-title">{t('submissions.title')}</h1>
      <p>{t('submissions.intro')}</p>
      <label className="button">
        {t('submissions.open')}
        <input type="file" accept=".fbsub" data-testid="submission-file" disabled={busy} onChange={(event) => void open(chosenFile(event))} />
      </label>
      <p role="status">{step.name === 'checking' ? t('submissions.checking') : step.name === 'deciding' ? t('submissions.deciding') : ''}</p>
      {error && (
        <div role="alert" className="notice notice-warning" data-testid="submission-refusal">
          <p>{t('submissions.refused')}</p>
          <pre>{error}</pre>
        </div>
      )}
      {step.name === 'decided' && <Decided decision={step.decision} preview={step.preview} />}
      {(step.name === 'preview' || step.name === 'deciding') && (
        <Review key={step.preview.token} preview={step.preview} busy={busy} onDecide={(run) => void decide(step.preview, run)} />
      )}
      <h2>{t('submissions.records')}</h2>
      {records.status === 'error' && <ErrorMessage message={message(new Error(records.message))} retry={reload} />}
      {records.status === 'ready' &&
        (records.value.length === 0 ? (
          <p>{t('submissions.noRecords')}</p>
        ) : (
          <ul data-testid="submission-records">
            {records.value.map((record) => (
              <li key={record.id}>
                {t('submissions.recordItem', {
                  id: record.id,
                  decision: t(`submissions.decision.${record.decision}`),
                  date: record.date,
                  reviewer: record.reviewer,
                })}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function credit(t: (key: string, values?: Record<string, string>) => string, preview: SubmissionPreview): string {
  const c = preview.credit;
  if (c.as === 'name') return t('submissions.credit.name', { name: c.name });
  if (c.as === 'organisation') return t('submissions.credit.organisation', { name: c.organisation });
  return t('submissions.credit.none');
}

function Review({ preview, busy, onDecide }: { preview: Opened; busy: boolean; onDecide: (run: () => Promise<SubmissionDecision>) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reviewer, setReviewer] = useState('');
  const [words, setWords] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [overwrite, setOverwrite] = useState(false);
  const oldBase = preview.guides.some((guide) => guide.change === 'old-base');
  const token = preview.token;
  const s = preview.signer;
  const noteList = () => Object.entries(notes).map(([path, note]) => ({ path, note }));
  return (
    <section aria-labelledby={`${id}-title`} data-testid="submission-preview">
      <h2 id={`${id}-title`}>{t('submissions.previewTitle', { id: preview.id, date: preview.created })}</h2>
      <p className="notice" data-testid="submission-signature">
        {t('submissions.verified')}
      </p>
      <dl>
        <dt>{t('submissions.signer')}</dt>
        <dd>
          <bdi>{s.name}</bdi> — {t('submissions.signerKey', { id: s.id, name: s.keyName, until: s.expires.slice(0, 10) })}{' '}
          {s.role === 'maintainer' ? t('packs.mayPublishAll') : t('packs.mayPublish', { codes: s.jurisdictions?.join(', ') })}
        </dd>
        <dt>{t('submissions.creditLabel')}</dt>
        <dd data-testid="submission-credit">{credit(t, preview)}</dd>
        <dt>{t('submissions.message')}</dt>
        <dd>
          <bdi className="submission-message">{preview.message || t('submissions.noMessage')}</bdi>
        </dd>
      </dl>
      {preview.decided && (
        <p role="status" className="notice notice-warning">
          {t('submissions.alreadyDecided', {
            decision: t(`submissions.decision.${preview.decided.decision}`),
            date: preview.decided.date,
            reviewer: preview.decided.reviewer,
          })}
        </p>
      )}
      <h3>{t('submissions.changes')}</h3>
      {preview.guides.map((guide) => (
        <GuideChange key={guide.path} guide={guide} note={notes[guide.path] ?? ''} onNote={(note) => setNotes({ ...notes, [guide.path]: note })} />
      ))}
      <fieldset className="submission-decision" disabled={busy || preview.decided !== null}>
        <legend>{t('submissions.decide')}</legend>
        <label>
          {t('submissions.reviewer')}
          <input
            value={reviewer}
            onChange={(event) => setReviewer(event.target.value)}
            autoComplete="name"
            data-testid="submission-reviewer"
            required
          />
        </label>
        <label>
          {t('submissions.words')}
          <textarea value={words} onChange={(event) => setWords(event.target.value)} rows={3} data-testid="submission-words" />
        </label>
        {oldBase && (
          <label>
            <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} /> {t('submissions.overwrite')}
          </label>
        )}
        <div className="submission-actions">
          <button
            type="button"
            data-testid="submission-accept"
            onClick={() =>
              onDecide(() => client.invoke('submissions.accept', { token, reviewer, message: words, overwritePublished: overwrite || undefined }))
            }
          >
            {t('submissions.accept')}
          </button>{' '}
          <button
            type="button"
            data-testid="submission-request-changes"
            onClick={() => onDecide(() => client.invoke('submissions.requestChanges', { token, reviewer, message: words, notes: noteList() }))}
          >
            {t('submissions.requestChanges')}
          </button>{' '}
          <button
            type="button"
            data-testid="submission-reject"
            onClick={() => onDecide(() => client.invoke('submissions.reject', { token, reviewer, reason: words }))}
          >
            {t('submissions.reject')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}

function GuideChange({ guide, note, onNote }: { guide: SubmissionGuideChange; note: string; onNote: (note: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [view, setView] = useState<'inline' | 'side'>('inline');
  // Without a word diff (texts too large or too different), the two texts are shown side by side.
  const shown = guide.inline ? view : 'side';
  const names = { path: guide.path, current: guide.current ?? '—', base: guide.base ?? '—' };
  return (
    <article
      aria-labelledby={`${id}-title`}
      className="submission-guide"
      data-testid="submission-guide"
      data-change={guide.change}
      data-path={guide.path}
    >
      <h4 id={`${id}-title`}>
        <bdi>{guide.path}</bdi> — {t(`submissions.kind.${guide.change}`)}
      </h4>
      <p>{t(`submissions.note.${guide.change}`, { current: names.current, base: names.base, next: (guide.current ?? 0) + 1 })}</p>
      {!guide.delegated && (
        <p className="notice notice-warning" data-testid="submission-outside-delegation">
          {t('submissions.outsideDelegation', { jurisdiction: guide.jurisdiction })}
        </p>
      )}
      <fieldset className="submission-view">
        <legend>{t('submissions.view')}</legend>
        <label>
          <input type="radio" name={`${id}-view`} checked={shown === 'inline'} disabled={!guide.inline} onChange={() => setView('inline')} />{' '}
          {t('submissions.inline')}
        </label>{' '}
        <label>
          <input type="radio" name={`${id}-view`} checked={shown === 'side'} onChange={() => setView('side')} data-testid="submission-side-toggle" />{' '}
          {t('submissions.sideBySide')}
        </label>
      </fieldset>
      {guide.diffProblem && (
        <p className="notice notice-warning" data-testid="submission-diff-problem">
          {guide.diffProblem}
        </p>
      )}
      {shown === 'inline' && guide.inline ? (
        <WordDiff parts={guide.inline} lang={guide.lang} dir={guide.dir} label={t('submissions.inlineLabel', names)} />
      ) : (
        <div className="submission-side" data-testid="submission-side">
          <SideText
            title={guide.before === null ? t('submissions.nothingNow') : t('submissions.now', names)}
            text={guide.before ?? ''}
            guide={guide}
          />
          <SideText title={t('submissions.submitted')} text={guide.after} guide={guide} />
        </div>
      )}
      {guide.change === 'old-base' && (
        <div className="submission-old-base" data-testid="submission-old-base">
          {guide.sinceBase ? (
            <>
              <h5>{t('submissions.sinceBase', names)}</h5>
              <WordDiff parts={guide.sinceBase} lang={guide.lang} dir={guide.dir} label={t('submissions.sinceBase', names)} />
            </>
          ) : (
            <p>{t('submissions.baseNotKept', names)}</p>
          )}
          {guide.partnerChange && (
            <>
              <h5>{t('submissions.partnerChange', names)}</h5>
              <WordDiff parts={guide.partnerChange} lang={guide.lang} dir={guide.dir} label={t('submissions.partnerChange', names)} />
            </>
          )}
        </div>
      )}
      <label className="submission-note">
        {t('submissions.noteLabel')}
        <textarea value={note} onChange={(event) => onNote(event.target.value)} rows={2} data-testid="submission-note" />
      </label>
    </article>
  );
}

function SideText({ title, text, guide }: { title: string; text: string; guide: SubmissionGuideChange }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h5 id={id}>{title}</h5>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls, so the keyboard must reach it */}
      <pre className="diff-text" tabIndex={0} lang={guide.lang} dir={guide.dir}>
        {text}
      </pre>
    </section>
  );
}

function Decided({ decision, preview }: { decision: SubmissionDecision; preview: Opened }) {
  const { t } = useTranslation();
  const published = decision.record.guides.filter((guide) => guide.published !== null);
  return (
    <section className="notice" data-testid="submission-decided" data-decision={decision.record.decision}>
      <p role="status">{t(`submissions.done.${decision.record.decision}`, { id: decision.record.id })}</p>
      {published.length > 0 && (
        <ul>
          {published.map((guide) => {
            const change = preview.guides.find((g) => g.path === guide.path);
            return (
              <li key={guide.path}>
                <a href={change ? hrefFor({ name: 'guide', id: change.id, lang: change.lang }) : '#/'} data-testid="submission-published">
                  {t('submissions.publishedItem', { path: guide.path, version: guide.published })}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        data-testid="submission-save-reply"
        onClick={() => download(decision.reply.fileName, 'application/json', decision.reply.text)}
      >
        {t('submissions.saveReply')}
      </button>
    </section>
  );
}
