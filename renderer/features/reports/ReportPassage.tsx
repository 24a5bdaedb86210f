import { type RefObject, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, REPORT_LIMITS, type ReportKind } from '../../../electron/api/report-limits';
import type { GuideView } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { useAction, useModalDialog } from '../../lib/modal-action';
import { hrefFor } from '../../lib/route';
import { type PickedPassage, usePickedPassage } from './selection';

type Guide = Pick<GuideView, 'id' | 'lang' | 'dir' | 'version' | 'sections' | 'title'>;

/**
 * Beside a guide: report that a passage is wrong, outdated or unclear. Select words in the guide first to quote them
 * (the section they are in is chosen for you), or pick a section, or report on the whole guide. The report stays in
 * the person's store until they save it for the guide's partner from "My reports".
 */
export function ReportPassage({ guide, container }: { guide: Guide; container: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const [picked, clearPicked] = usePickedPassage(container);
  const [open, setOpen] = useState<PickedPassage | null | false>(false);
  const [saved, setSaved] = useState<{ count: number } | null>(null);
  return (
    <section className="report-passage" aria-labelledby={`${id}-title`} data-testid="report-passage">
      <h2 id={`${id}-title`}>{t('reports.reader.title')}</h2>
      <p className="help">{picked ? t('reports.reader.selected') : t('reports.reader.howTo')}</p>
      <button type="button" onClick={() => setOpen(picked)} data-testid="report-open" data-quoted={picked ? 'true' : 'false'}>
        {picked ? t('reports.reader.reportSelection') : t('reports.reader.report')}
      </button>
      <p role="status" data-testid="report-saved">
        {saved && (
          <>
            {t('reports.reader.saved')} <a href={hrefFor({ name: 'reports' })}>{t('reports.reader.mine', { count: saved.count })}</a>
          </>
        )}
      </p>
      {open !== false && (
        <ReportDialog
          guide={guide}
          picked={open}
          onClose={() => setOpen(false)}
          onSaved={(count) => {
            clearPicked();
            setSaved({ count });
          }}
        />
      )}
    </section>
  );
}

function ReportDialog({
  guide,
  picked,
  onClose,
  onSaved,
}: {
  guide: Guide;
  picked: PickedPassage | null;
  onClose: () => void;
  onSaved: (count: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useModalDialog();
  const [quote, setQuote] = useState(picked?.quote ?? '');
  const [section, setSection] = useState(picked?.section ?? '');
  const [kind, setKind] = useState<ReportKind>('wrong');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const close = dialog.close;
  const save = () =>
    run(async () => {
      await client.invoke('reports.add', {
        guide: guide.id,
        lang: guide.lang,
        version: guide.version,
        ...(section ? { section } : {}),
        ...(quote ? { quote } : {}),
        kind,
        note,
      });
      const mine = await client.invoke('reports.list');
      onSaved(mine.length);
      close();
    });
  return (
    <dialog
      ref={dialog.ref}
      className="confirm report-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="report-dialog"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id={`${id}-title`}>{t('reports.reader.dialogTitle')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {quote && (
          <div className="field">
            <p id={`${id}-quote`}>{t('reports.reader.quoteLabel')}</p>
            <blockquote lang={guide.lang} dir="auto" aria-labelledby={`${id}-quote`} data-testid="report-quote">
              {quote}
            </blockquote>
            <button type="button" onClick={() => setQuote('')}>
              {t('reports.reader.dropQuote')}
            </button>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-section`}>{t('reports.reader.where')}</label>
          <select id={`${id}-section`} value={section} onChange={(event) => setSection(event.target.value)} data-testid="report-section">
            <option value="">{t('reports.reader.wholeGuide')}</option>
            {guide.sections.map((s) => (
              <option key={s.anchor} value={s.anchor} lang={guide.lang}>
                {s.heading}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('reports.reader.kind')}</legend>
          {REPORT_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`reports.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('reports.reader.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={4}
            maxLength={REPORT_LIMITS.note}
            required
            spellCheck={false}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            data-testid="report-note"
          />
        </div>
        <p className="help">{t('reports.reader.kept')}</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={busy || note.trim() === ''} data-testid="report-save">
            {t('reports.reader.save')}
          </button>
          <button type="button" onClick={close}>
            {t('guide.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
