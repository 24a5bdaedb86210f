import { useTranslation } from 'react-i18next';
import type { ReadingList } from '../../../electron/api/safety';
import { hrefFor } from '../../lib/route';

/** The person's bookmarks, notes and recently read guides, each a link back to its place. */
export function MyReading({ list }: { list: ReadingList }) {
  const { t } = useTranslation();
  const link = (id: string, lang: string | undefined, title: string, section?: string) => (
    <a href={hrefFor({ name: 'guide', id, lang, section })} dir="auto">
      {title}
      {section ? ` § ${section}` : ''}
    </a>
  );
  return (
    <section aria-labelledby="my-reading-title" className="my-reading" data-testid="my-reading">
      <h2 id="my-reading-title">{t('safety.reading.mine')}</h2>
      <h3>{t('safety.keeps.items.bookmarks')}</h3>
      {list.bookmarks.length === 0 ? (
        <p>{t('safety.reading.none')}</p>
      ) : (
        <ul>
          {list.bookmarks.map((b) => (
            <li key={`${b.id}#${b.section ?? ''}`}>{link(b.id, b.lang, b.title, b.section)}</li>
          ))}
        </ul>
      )}
      <h3>{t('safety.keeps.items.recent')}</h3>
      {list.recent.length === 0 ? (
        <p>{t('safety.reading.none')}</p>
      ) : (
        <ul>
          {list.recent.map((r) => (
            <li key={`${r.id}/${r.lang}`}>{link(r.id, r.lang, r.title)}</li>
          ))}
        </ul>
      )}
      <h3>{t('safety.keeps.items.notes')}</h3>
      {list.notes.length === 0 ? (
        <p>{t('safety.reading.none')}</p>
      ) : (
        <ul>
          {list.notes.map((n) => (
            <li key={`${n.id}#${n.section ?? ''}`}>
              {link(n.id, undefined, n.title, n.section)}: <span dir="auto">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
