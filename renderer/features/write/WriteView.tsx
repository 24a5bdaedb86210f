import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../electron/api/drafts';
import type { LibraryData } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { languageName } from '../../lib/names';
import { pseudoMark } from '../../lib/pseudo';
import { hrefFor, navigate } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';
import { PartnerKey } from './PartnerKey';
import { ReplyOpener } from './ReplyOpener';
import { SendPanel } from './SendPanel';
import { StateBadge } from './StateBadge';
import './write.css';

/** `#/write`: the partner's drafts with their states, starting a new one, their partner key, and sending. */
export function WriteView() {
  const { t } = useTranslation();
  // A change made here (sent, deleted, a reply opened) loads the list again without leaving the screen.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const [state, retry] = useAsync(() => Promise.all([client.invoke('drafts.list'), client.invoke('library.list')]), [], changes);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const [drafts, library] = state.value;
  return (
    <section aria-labelledby="write-title" className="write" data-testid="write">
      <h1 id="write-title">{t('write.title')}</h1>
      <p>{t('write.intro')}</p>
      <StartDraft library={library} />
      <DraftList drafts={drafts} library={library} changed={changed} />
      <PartnerKey />
      <SendPanel drafts={drafts} library={library} sent={changed} />
      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{t('write.reply.title')}</h2>
        <ReplyOpener onOpened={changed} />
      </section>
    </section>
  );
}

function DraftList({ drafts, library, changed }: { drafts: DraftSummary[]; library: LibraryData; changed: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // Deleting asks once more, in the row itself: a draft is work that cannot be brought back.
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = async (draft: DraftSummary) => {
    setConfirming(null);
    try {
      await client.invoke('drafts.delete', { id: draft.id });
      changed();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('write.drafts')}</h2>
      {error && <ErrorMessage message={error} />}
      {drafts.length === 0 ? (
        <p>{t('write.noDrafts')}</p>
      ) : (
        <table className="drafts-table" data-testid="drafts">
          <thead>
            <tr>
              <th scope="col">{t('write.column.title')}</th>
              <th scope="col">{t('write.column.language')}</th>
              <th scope="col">{t('write.column.kind')}</th>
              <th scope="col">{t('write.column.state')}</th>
              <th scope="col">{t('write.column.saved')}</th>
              <th scope="col">{t('write.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft) => (
              <tr key={draft.id} data-testid="draft-row" data-draft-id={draft.id}>
                <td>
                  <a href={hrefFor({ name: 'draft', id: draft.id })} lang={draft.lang} dir="auto">
                    {draft.title || t('write.untitled')}
                  </a>
                </td>
                <td>{languageName(library, draft.lang)}</td>
                <td>{t(`write.kind.${draft.kind}`)}</td>
                <td>
                  <StateBadge state={draft.state} />
                </td>
                <td>
                  <time dateTime={draft.updated}>{savedAt(draft.updated, i18n.language)}</time>
                </td>
                <td>
                  {confirming === draft.id ? (
                    <>
                      <button type="button" className="small danger" onClick={() => void remove(draft)}>
                        {t('write.deleteConfirm', { title: draft.title || t('write.untitled') })}
                      </button>{' '}
                      <button type="button" className="small" onClick={() => setConfirming(null)}>
                        {t('write.cancel')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="small" onClick={() => setConfirming(draft.id)}>
                      {t('write.delete', { title: draft.title || t('write.untitled') })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** When a draft was last saved, as a date and a time of day in the interface's language. */
function savedAt(iso: string, lang: string): string {
  return pseudoMark(new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)));
}

/** Starts a new guide, a new version of a guide, or a translation into another language. */
function StartDraft({ library }: { library: LibraryData }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<'new' | 'version' | 'translation'>('translation');
  // A translation is made from an original, never from another translation.
  const originals = library.guides.filter((g) => g.translationOf === null);
  const choices = kind === 'translation' ? originals : library.guides;
  const first = originals[0];
  const [guide, setGuide] = useState(first ? `${first.id}/${first.lang}` : '');
  const [target, setTarget] = useState(library.languages.find((l) => l.code !== first?.lang)?.code ?? 'en');
  const [jurisdiction, setJurisdiction] = useState('global');
  const [error, setError] = useState<string | null>(null);
  // The chosen guide, or the first one offered when the kind of draft changed what is offered.
  const chosen = choices.some((g) => `${g.id}/${g.lang}` === guide) ? guide : choices[0] ? `${choices[0].id}/${choices[0].lang}` : '';
  const start = async () => {
    const [id, lang] = chosen.split('/');
    try {
      const made = await client.invoke(
        'drafts.create',
        kind === 'new' ? { kind, target, jurisdiction } : kind === 'version' ? { kind, guide: id, lang } : { kind, guide: id, lang, target },
      );
      navigate({ name: 'draft', id: made.id });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <form
      className="start-draft"
      aria-labelledby="start-title"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h2 id="start-title">{t('write.start.title')}</h2>
      <fieldset>
        <legend>{t('write.start.kind')}</legend>
        {(['translation', 'version', 'new'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="draft-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`start-${k}`} />{' '}
            {t(`write.start.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind !== 'new' && (
        <div className="form-row">
          <label htmlFor="start-guide">{kind === 'translation' ? t('write.start.source') : t('write.start.guide')}</label>
          <select id="start-guide" value={chosen} onChange={(e) => setGuide(e.target.value)} data-testid="start-guide">
            {choices.map((g) => (
              <option key={`${g.id}/${g.lang}`} value={`${g.id}/${g.lang}`} lang={g.lang}>
                {g.title} ({languageName(library, g.lang)})
              </option>
            ))}
          </select>
        </div>
      )}
      {kind !== 'version' && (
        <div className="form-row">
          <label htmlFor="start-target">{kind === 'translation' ? t('write.start.target') : t('write.field.lang')}</label>
          <select id="start-target" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="start-target">
            {library.languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'new' && (
        <div className="form-row">
          <label htmlFor="start-jurisdiction">{t('write.field.jurisdiction')}</label>
          <select id="start-jurisdiction" value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value)}>
            {library.jurisdictions.map((j) => (
              <option key={j.code} value={j.code}>
                {j.names[i18n.language] ?? j.names.en ?? j.code} ({j.code})
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" data-testid="start-draft">
        {t('write.start.button')}
      </button>
      {error && <ErrorMessage message={error} />}
    </form>
  );
}
