import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideReading } from '../../../electron/api/safety';
import type { GuideView } from '../../../electron/api/types';
import { client } from '../../lib/client';

/**
 * Beside a guide: bookmark it or a section, and keep a private note on it or on a section. Opening a guide records
 * it as recently read. All of it is the person's own, sealed under the lock; none of it is ever printed.
 */
export function ReadingTools({ guide }: { guide: Pick<GuideView, 'id' | 'lang' | 'sections'> }) {
  const { t } = useTranslation();
  const id = useId();
  const [reading, setReading] = useState<GuideReading | null>(null);
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void client.invoke('reading.opened', { id: guide.id, lang: guide.lang }).catch(() => undefined);
    void client.invoke('reading.get', { id: guide.id }).then(setReading, () => undefined);
  }, [guide.id, guide.lang]);
  useEffect(() => setText(reading ? (target ? (reading.sectionNotes[target] ?? '') : reading.note) : ''), [reading, target]);

  const run = async (task: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await task();
      setReading(await client.invoke('reading.get', { id: guide.id }));
      setMessage({ ok: true, text: done });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };
  if (!reading) return null;
  const section = target || undefined;
  const marked = section ? reading.bookmarkedSections.includes(section) : reading.bookmarked;
  return (
    <section className="reading-tools" aria-labelledby={`${id}-title`} data-testid="reading-tools">
      <h2 id={`${id}-title`}>{t('safety.reading.title')}</h2>
      <label>
        {t('safety.reading.target')}
        <select value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">{t('safety.reading.wholeGuide')}</option>
          {guide.sections.map((s) => (
            <option key={s.anchor} value={s.anchor}>
              {s.heading}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={marked}
        onClick={() =>
          void run(
            () => client.invoke('reading.bookmark', { id: guide.id, lang: guide.lang, section, on: !marked }),
            marked ? t('safety.reading.unbookmarked') : t('safety.reading.bookmarked'),
          )
        }
      >
        {marked ? t('safety.reading.removeBookmark') : t('safety.reading.bookmark')}
      </button>
      <label htmlFor={`${id}-note`}>{t('safety.reading.note')}</label>
      <textarea id={`${id}-note`} rows={3} value={text} spellCheck={false} onChange={(event) => setText(event.target.value)} />
      <button
        type="button"
        onClick={() => void run(() => client.invoke('reading.note', { id: guide.id, section, text }), t('safety.reading.noteSaved'))}
      >
        {t('safety.reading.saveNote')}
      </button>
      <p role={message?.ok === false ? 'alert' : 'status'} className={message?.ok === false ? 'error' : 'saved'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
