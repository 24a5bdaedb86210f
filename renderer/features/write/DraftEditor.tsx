import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftMeta, DraftView } from '../../../electron/api/drafts';
import type { LibraryData } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { hrefFor } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAutosave } from './autosave';
import { described, FieldProblems, FrontMatterForm } from './FrontMatterForm';
import { RenderedMarkdown } from './RenderedMarkdown';
import { ReplyOpener } from './ReplyOpener';
import { SidePanel } from './SidePanel';
import { StateBadge } from './StateBadge';
import './write.css';

/** `#/write/<id>`: one draft, its form, its Markdown with a live preview, and the side panel. */
export function DraftEditorScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [changes, setChanges] = useState(0);
  const [state, retry] = useAsync(() => Promise.all([client.invoke('drafts.get', { id }), client.invoke('library.list')]), [id], changes);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const [draft, library] = state.value;
  // A reply opened here changes the draft's state: the editor starts again from what is stored.
  return <DraftEditor key={`${draft.id}:${draft.state}`} draft={draft} library={library} reload={() => setChanges((n) => n + 1)} />;
}

const EDITABLE = ['draft', 'changes-requested'];

function DraftEditor({ draft, library, reload }: { draft: DraftView; library: LibraryData; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [meta, setMeta] = useState<DraftMeta>(draft.meta);
  const [body, setBody] = useState(draft.body);
  const autosave = useAutosave(draft.id, draft);
  const preview = useDeferredValue(body);
  // Leaving any field saves at once, as leaving the page does.
  const layout = useRef<HTMLDivElement>(null);
  const { flush } = autosave;
  useEffect(() => {
    const element = layout.current;
    element?.addEventListener('focusout', flush);
    return () => element?.removeEventListener('focusout', flush);
  }, [flush]);
  const readOnly = !EDITABLE.includes(draft.state);
  // The text's direction follows the draft's language, whatever the interface's.
  const dir = library.languages.find((l) => l.code === meta.lang)?.dir ?? 'ltr';
  const update = (next: { meta?: DraftMeta; body?: string }) => {
    const text = { meta: next.meta ?? meta, body: next.body ?? body };
    setMeta(text.meta);
    setBody(text.body);
    autosave.change(text);
  };
  const { status } = autosave;
  const errors = autosave.problems.filter((p) => p.severity === 'error').length;
  return (
    <section
      className="draft-editor"
      aria-labelledby="draft-heading"
      data-testid="draft-editor"
      data-draft-id={draft.id}
      data-save-state={status.state}
      data-saved-revision={autosave.savedRevision}
      data-problems={errors}
    >
      <p className="back">
        <a href={hrefFor({ name: 'write' })}>{t('write.backToDrafts')}</a>
      </p>
      <h1 id="draft-heading">
        <bdi lang={meta.lang}>{meta.title || t('write.untitled')}</bdi>
      </h1>
      <p className="draft-meta">
        {t(`write.kind.${draft.kind}`)} · <StateBadge state={draft.state} /> · {t('write.versionOf', { version: draft.version })}
      </p>
      <p role="status" className={`save-status save-${status.state}`} data-testid="save-status">
        {status.state === 'saved' && t('write.saved')}
        {status.state === 'saving' && t('write.saving')}
        {status.state === 'failed' && t('write.notSaved', { reason: status.message })}
      </p>
      {status.state === 'failed' && (
        <button type="button" onClick={autosave.flush} data-testid="save-retry">
          {t('write.retrySave')}
        </button>
      )}
      {readOnly && <p className="notice">{t('write.readOnly')}</p>}
      {draft.state === 'sent' && <ReplyOpener onOpened={reload} />}
      <p className="draft-problems-count">{errors === 0 ? t('write.noProblems') : t('write.problems', { count: errors })}</p>
      <FieldProblems field="file" problems={autosave.problems} />
      <div className="draft-layout" ref={layout}>
        <div className="draft-main">
          <FrontMatterForm
            kind={draft.kind}
            meta={meta}
            problems={autosave.problems}
            library={library}
            readOnly={readOnly}
            onChange={(next) => update({ meta: next })}
          />
          <div className="markdown-editor">
            <label htmlFor="draft-body">{t('write.body')}</label>
            <textarea
              id="draft-body"
              className="draft-body"
              rows={20}
              value={body}
              readOnly={readOnly}
              lang={meta.lang}
              dir={dir}
              spellCheck={false}
              onChange={(e) => update({ body: e.target.value })}
              data-testid="draft-body"
              {...described('body', autosave.problems)}
            />
            <FieldProblems field="body" problems={autosave.problems} />
          </div>
          <section className="draft-preview" aria-labelledby="draft-preview-title">
            <h2 id="draft-preview-title">{t('write.preview')}</h2>
            {/* The reader's own pipeline: bounded, then marked, then DOMPurify with its strict allow-list. */}
            <RenderedMarkdown markdown={preview} lang={meta.lang} dir={dir} testId="draft-preview" />
          </section>
        </div>
        <SidePanel draft={draft} library={library} uiLang={i18n.language} />
      </div>
    </section>
  );
}
