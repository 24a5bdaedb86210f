import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventMap, PackChangeKind, PackPreview } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { download, fromBase64 } from '../../lib/download';
import { jurisdictionName } from '../../lib/names';
import { useAsync } from '../../lib/use-async';
import { chosenFile } from '../../lib/chosen-file';
import { ErrorMessage } from '../shell/ErrorMessage';
import { PackGuideDiff } from '../guide/HistoryPackDiff';
import { useOpenedPacks } from './opened';

type Step =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'preview'; preview: PackPreview & { token: string } }
  | { name: 'applying' }
  | { name: 'applied'; preview: PackPreview };

/** The file's bytes in base64, in slices so a large file never builds one huge argument list. */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const day = (iso: string) => iso.slice(0, 10);

/** Pass installed content on: the original signed pack files (one, or a bundle), for all or one jurisdiction. */
function ExportPacks({ disabled }: { disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const [jurisdiction, setJurisdiction] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'saving' } | { status: 'saved'; fileName: string } | { status: 'error'; message: string }>({
    status: 'idle',
  });
  const [library] = useAsync(() => client.invoke('library.list'), []);
  const save = async () => {
    setState({ status: 'saving' });
    try {
      const file = await client.invoke('packs.export', jurisdiction ? { jurisdiction } : {});
      download(file.fileName, 'application/octet-stream', fromBase64(file.bytes));
      setState({ status: 'saved', fileName: file.fileName });
    } catch (failure) {
      setState({ status: 'error', message: (failure as Error).message.replace(/^packs: /, '') });
    }
  };
  return (
    <section aria-labelledby="pack-export-title" data-testid="pack-export" data-export-state={state.status}>
      <h2 id="pack-export-title">{t('packs.export.title')}</h2>
      <p>{t('packs.export.intro')}</p>
      <label>
        {t('packs.export.which')}{' '}
        <select value={jurisdiction} onChange={(event) => setJurisdiction(event.target.value)} data-testid="pack-export-jurisdiction">
          <option value="">{t('packs.export.all')}</option>
          {library.status === 'ready' &&
            library.value.jurisdictions.map((j) => (
              <option key={j.code} value={j.code}>
                {jurisdictionName(library.value, j.code, i18n.language)}
              </option>
            ))}
        </select>
      </label>{' '}
      <button type="button" disabled={disabled || state.status === 'saving'} onClick={() => void save()}>
        {t('packs.export.save')}
      </button>
      <p role="status">{state.status === 'saved' ? t('packs.export.saved', { file: state.fileName }) : ''}</p>
      {state.status === 'error' && (
        <p role="alert" className="notice notice-warning">
          {state.message}
        </p>
      )}
    </section>
  );
}

/** Import a content pack: open the file, read what it would change and who vouches for it, apply, undo. */
export function PacksView() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [list, reload] = useAsync(() => client.invoke('packs.list'), []);

  const [progress, setProgress] = useState<EventMap['pack-progress'] | null>(null);
  useEffect(() => client.on('pack-progress', setProgress), []);
  const preview = useCallback(async (bytes: () => Promise<string>) => {
    setError(null);
    setStep({ name: 'checking' });
    try {
      setStep({ name: 'preview', preview: await client.invoke('packs.preview', { bytes: await bytes() }) });
    } catch (failure) {
      setError((failure as Error).message);
      setStep({ name: 'idle' });
    }
  }, []);
  const open = async (file: File | undefined) => {
    if (file) await preview(() => base64Of(file));
  };
  // A file chosen with the desktop File menu arrives as bytes and is previewed the same way.
  useOpenedPacks(useCallback((file: EventMap['pack-file']) => void preview(async () => file.bytes), [preview]));
  const apply = async (token: string) => {
    setError(null);
    setProgress(null);
    setStep({ name: 'applying' });
    try {
      setStep({ name: 'applied', preview: await client.invoke('packs.apply', { token }) });
    } catch (failure) {
      setError((failure as Error).message);
      setStep({ name: 'idle' });
    }
    reload();
  };
  const undo = async () => {
    setError(null);
    try {
      await client.invoke('packs.undo');
      setStep({ name: 'idle' });
    } catch (failure) {
      setError((failure as Error).message);
    }
    reload();
  };

  const busy = step.name === 'checking' || step.name === 'applying';
  return (
    <section
      aria-labelledby="packs-title"
      className="packs"
      aria-busy={busy}
      data-pack-step={step.name}
      // A pack file dropped anywhere on the screen is opened like one chosen with the button.
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        event.preventDefault();
        if (!busy) void open(event.dataTransfer.files[0]);
      }}
    >
      <h1 id="packs-title">{t('packs.title')}</h1>
      <p>{t('packs.intro')}</p>
      <label className="button">
        {t('packs.open')}
        <input type="file" accept=".fbpack" data-testid="pack-file" disabled={busy} onChange={(event) => void open(chosenFile(event))} />
      </label>
      <p>{t('packs.drop')}</p>
      <p role="status">
        {busy ? t(step.name === 'checking' ? 'packs.checking' : 'packs.applying') : step.name === 'applied' ? t('packs.applied') : ''}
      </p>
      {step.name === 'applying' && (
        <progress
          data-testid="pack-progress"
          aria-label={t('packs.applying')}
          max={progress?.total ?? 1}
          value={progress?.done ?? 0}
          aria-valuemin={0}
          aria-valuemax={progress?.total ?? 1}
          aria-valuenow={progress?.done ?? 0}
          aria-valuetext={progress ? t('packs.progress', { done: progress.done, total: progress.total }) : undefined}
        />
      )}
      {error && (
        <div role="alert" className="notice notice-warning" data-testid="pack-refusal">
          <p>{t('packs.refused')}</p>
          <pre>{error.replace(/^packs: /, '')}</pre>
        </div>
      )}
      {step.name === 'preview' && (
        <Preview preview={step.preview} onApply={() => void apply(step.preview.token)} onCancel={() => setStep({ name: 'idle' })} />
      )}
      <h2>{t('packs.installed')}</h2>
      {list.status === 'error' && <ErrorMessage message={list.message} retry={reload} />}
      {list.status === 'ready' && (
        <>
          {list.value.installed.length === 0 ? (
            <p>{t('packs.none')}</p>
          ) : (
            <ul data-testid="installed-packs">
              {list.value.installed.map((pack) => (
                <li key={pack.pack}>
                  {t('packs.installedItem', { pack: pack.pack, sequence: pack.sequence, signer: pack.signerName, expires: day(pack.expires) })}
                  {pack.expired && <strong> {t('packs.expired')}</strong>}
                </li>
              ))}
            </ul>
          )}
          <button type="button" disabled={!list.value.canUndo || busy} onClick={() => void undo()}>
            {t('packs.undo')}
          </button>
          {list.value.installed.length > 0 && <ExportPacks disabled={busy} />}
        </>
      )}
    </section>
  );
}

function Preview({ preview, onApply, onCancel }: { preview: PackPreview & { token: string }; onApply: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const kind = (k: PackChangeKind) => t(`packs.kind.${k}`);
  return (
    <section aria-labelledby="pack-preview-title" data-testid="pack-preview">
      <h2 id="pack-preview-title">{t('packs.previewTitle', { pack: preview.pack, sequence: preview.sequence })}</h2>
      <dl>
        <dt>{t('packs.signer')}</dt>
        <dd>
          {preview.signer.name} ({preview.signer.id}) —{' '}
          {preview.signer.role === 'maintainer'
            ? t('packs.mayPublishAll')
            : t('packs.mayPublish', { codes: preview.signer.jurisdictions?.join(', ') })}
        </dd>
        <dt>{t('packs.dates')}</dt>
        <dd>{t('packs.datesValue', { created: day(preview.created), expires: day(preview.expires) })}</dd>
        <dt>{t('packs.size')}</dt>
        <dd>{t('packs.sizeValue', { kib: Math.max(1, Math.round(preview.size / 1024)) })}</dd>
        <dt>{t('packs.type')}</dt>
        <dd>{preview.base === null ? t('packs.full') : t('packs.delta', { base: preview.base })}</dd>
      </dl>
      <table>
        <caption>{t('packs.changes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('packs.change')}</th>
            <th scope="col">{t('packs.guide')}</th>
            <th scope="col">{t('packs.version')}</th>
            <th scope="col">{t('versions.title')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.changes.map((change) => (
            <tr key={change.path} data-change={change.kind}>
              <td>{kind(change.kind)}</td>
              <td>
                <bdi>{change.path}</bdi>
              </td>
              <td>
                <bdi>
                  {change.from ?? '—'} → {change.to ?? '—'}
                </bdi>
              </td>
              <td>{change.kind === 'changed' && <PackGuideDiff token={preview.token} change={change} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onApply}>
        {t('packs.apply')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('packs.cancel')}
      </button>
    </section>
  );
}
