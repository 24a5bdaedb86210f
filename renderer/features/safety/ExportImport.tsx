import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../lib/client';

/** Export everything personal as a file sealed under a passphrase chosen for it, and import such a file. */
export function ExportImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [exportPass, setExportPass] = useState('');
  const [importPass, setImportPass] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = (error: unknown) => setMessage({ ok: false, text: (error as Error).message });

  const exportNow = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const result = await client.invoke('personal.export', { passphrase: exportPass });
      const url = URL.createObjectURL(new Blob([result.text], { type: result.mediaType }));
      const link = Object.assign(document.createElement('a'), { href: url, download: result.fileName });
      link.click();
      URL.revokeObjectURL(url);
      setExportPass('');
      setMessage({ ok: true, text: t('safety.export.done', { file: result.fileName }) });
    } catch (error) {
      fail(error);
    }
  };
  const importNow = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setMessage(null);
    try {
      const counts = await client.invoke('personal.import', { passphrase: importPass, text: await file.text() });
      setImportPass('');
      setMessage({ ok: true, text: t('safety.import.done', counts) });
      onImported();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <section aria-labelledby={`${id}-title`} className="export-import">
      <h2 id={`${id}-title`}>{t('safety.export.title')}</h2>
      <form onSubmit={(event) => void exportNow(event)}>
        <label htmlFor={`${id}-export`}>{t('safety.export.passphrase')}</label>
        <input id={`${id}-export`} type="password" minLength={8} value={exportPass} onChange={(e) => setExportPass(e.target.value)} />
        <button type="submit" disabled={exportPass.length < 8}>
          {t('safety.export.button')}
        </button>
      </form>
      <form onSubmit={(event) => void importNow(event)}>
        <label htmlFor={`${id}-file`}>{t('safety.import.file')}</label>
        <input id={`${id}-file`} type="file" accept=".fieldbook,application/octet-stream" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label htmlFor={`${id}-import`}>{t('safety.import.passphrase')}</label>
        <input id={`${id}-import`} type="password" value={importPass} onChange={(e) => setImportPass(e.target.value)} />
        <button type="submit" disabled={!file || importPass === ''}>
          {t('safety.import.button')}
        </button>
      </form>
      <p role={message?.ok === false ? 'alert' : 'status'} className={message?.ok === false ? 'error' : 'saved'} data-testid="export-import-message">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
