import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_LIMITS } from '../../../electron/api/collection-limits';
import type { CollectionSummary } from '../../../electron/api/types';
import { client } from '../../lib/client';
// The workshop styles come with the library's cards, the first of them the page shows (not with a lazy screen).
import './workshops.css';

const NEW = '';

/**
 * "Add to collection" for a guide or one of its sections: a button that opens a small form to pick a collection or
 * name a new one. `label` names what is added, for screen readers ("Add “Backups” to a collection").
 */
export function AddToCollection({ guide, lang, section, label }: { guide: string; lang: string; section?: string; label: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [collections, setCollections] = useState<CollectionSummary[] | null>(null);
  const [chosen, setChosen] = useState(NEW);
  const [name, setName] = useState('');
  // What the form adds is fixed when it opens: in the search panel the highlighted result may change under the pointer.
  const [target, setTarget] = useState({ guide, lang, section, label });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLSelectElement>(null);

  const show = async () => {
    setMessage(null);
    setTarget({ guide, lang, section, label });
    setOpen(true);
    // Until the list is in, the choice shown is not the person's: nothing can be submitted (or re-chosen) yet.
    setCollections(null);
    try {
      const list = await client.invoke('collections.list');
      setCollections(list);
      setChosen(list[0]?.id ?? NEW);
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };
  // Focus moves into the form once its list is in and the choice enabled: a disabled field cannot take it, and
  // the render that enables it may come after the next frame.
  useEffect(() => {
    if (open && collections !== null) first.current?.focus();
  }, [open, collections]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const add = async () => {
    try {
      const into = chosen === NEW ? await client.invoke('collections.create', { name }) : { id: chosen };
      const view = await client.invoke('collections.addItem', {
        id: into.id,
        guide: target.guide,
        lang: target.lang,
        ...(target.section && { section: target.section }),
      });
      setOpen(false);
      setName('');
      setMessage({ ok: true, text: t('workshops.add.added', { name: view.name }) });
      button.current?.focus();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };

  return (
    // The search panel keeps the focus in its box on mouse down; this form needs its own fields to take it.
    // biome-ignore lint/a11y/noStaticElementInteractions: it only stops a mouse-down from reaching the search panel
    <div className="add-to-collection" onMouseDown={(event) => event.stopPropagation()} data-testid="add-to-collection">
      <button
        ref={button}
        type="button"
        className="small"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        onClick={() => (open ? close() : void show())}
      >
        {t('workshops.add.button')}
      </button>
      {open && (
        <form
          id={`${id}-form`}
          className="add-to-collection-form"
          aria-label={target.label}
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        >
          <label>
            <span>{t('workshops.add.collection')}</span>
            <select
              ref={first}
              value={chosen}
              disabled={collections === null}
              onChange={(event) => setChosen(event.target.value)}
              data-testid="add-collection-choice"
            >
              {(collections ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value={NEW}>{t('workshops.add.new')}</option>
            </select>
          </label>
          {chosen === NEW && (
            <label>
              <span>{t('workshops.add.name')}</span>
              <input
                value={name}
                required
                maxLength={COLLECTION_LIMITS.nameLength}
                onChange={(event) => setName(event.target.value)}
                data-testid="add-collection-name"
              />
            </label>
          )}
          <button type="submit" disabled={collections === null} data-testid="add-collection-submit">
            {t('workshops.add.submit')}
          </button>
          <button type="button" onClick={close}>
            {t('guide.cancel')}
          </button>
        </form>
      )}
      {/* Mounted with the form, so it is in place (and empty) before the result is announced in it. */}
      {(open || message) && (
        <span aria-live="polite" className={message && !message.ok ? 'add-error' : 'add-done'} data-testid="add-collection-status">
          {message?.text}
        </span>
      )}
    </div>
  );
}
