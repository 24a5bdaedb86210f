import { useTranslation } from 'react-i18next';
import { client } from '../../lib/client';
import { useAsync } from '../../lib/use-async';
import { ExportImport } from './ExportImport';
import { MyReading } from './MyReading';
import { useSafety } from './SafetyGate';
import { WipeButton } from './WipeButton';

/** "What Fieldbook keeps": every kind of thing stored, where, and whether it is encrypted; the wipe beside it. */
export function KeepsView() {
  const { t } = useTranslation();
  const { status } = useSafety();
  const [report, refresh] = useAsync(() => client.invoke('safety.kept'), [status]);
  const [list, refreshList] = useAsync(() => client.invoke('reading.list'), [status]);
  const where = (path: string) => (path === 'memory' ? t('safety.keeps.inMemory') : path);
  return (
    <section aria-labelledby="keeps-title" className="keeps">
      <h1 id="keeps-title">{t('safety.keeps.title')}</h1>
      <p>{t('safety.keeps.intro')}</p>
      {report.status === 'ready' && (
        <>
          <table data-testid="keeps-table">
            <thead>
              <tr>
                <th scope="col">{t('safety.keeps.what')}</th>
                <th scope="col">{t('safety.keeps.where')}</th>
                <th scope="col">{t('safety.keeps.encrypted')}</th>
              </tr>
            </thead>
            <tbody>
              {report.value.items.map((item) => (
                <tr key={item.what}>
                  <th scope="row">
                    {t(`safety.keeps.items.${item.what}`, { defaultValue: item.what })}
                    {item.count !== null && ` (${t('safety.keeps.count', { count: item.count })})`}
                  </th>
                  <td dir="ltr">{where(item.where)}</td>
                  <td>{item.where === 'memory' ? t('safety.keeps.notOnDisk') : item.encrypted ? t('safety.keeps.yes') : t('safety.keeps.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('safety.keeps.filesTitle')}</h2>
          {report.value.files.length === 0 ? (
            <p>{t('safety.keeps.noFiles', { dir: report.value.dataDir })}</p>
          ) : (
            <ul>
              {report.value.files.map((file) => (
                <li key={file.path}>
                  <code dir="ltr">{file.path}</code> — {file.kind === 'data' ? t('safety.keeps.dataFile') : t('safety.keeps.setAsideFile')},{' '}
                  {file.encrypted ? t('safety.keeps.encryptedFile') : t('safety.keeps.plainFile')}
                </li>
              ))}
            </ul>
          )}
          <p>{t('safety.keeps.browser')}</p>
        </>
      )}
      {report.status === 'error' && <p role="alert">{report.message}</p>}
      <WipeButton />
      {list.status === 'ready' && <MyReading list={list.value} />}
      <ExportImport
        onImported={() => {
          refresh();
          refreshList();
        }}
      />
    </section>
  );
}
