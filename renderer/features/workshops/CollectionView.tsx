import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_LIMITS } from '../../../electron/api/collection-limits';
import type { CollectionItemView, CollectionView as View } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { download } from '../../lib/download';
import { hrefFor, navigate } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { ReviewBadge } from '../review/ReviewBadge';
import { ErrorMessage } from '../shell/ErrorMessage';
import { present } from './presentation';

const DRAG_TYPE = 'application/x-fieldbook-item';

function itemTitle(item: CollectionItemView): string {
  const title = item.card?.title ?? item.guide;
  return item.sectionHeading ? `${title} › ${item.sectionHeading}` : title;
}

/** One collection: rename, delete, notes per item, reorder by keys or dragging, export, present, print. */
export function CollectionView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, retry] = useAsync(() => client.invoke('collections.get', { id }), [id]);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState(false);
  const focusAfter = useRef<string | null>(null);
  useEffect(() => setView(state.status === 'ready' ? state.value : null), [state]);
  useEffect(() => {
    if (!focusAfter.current) return;
    document.querySelector<HTMLElement>(`[data-item="${CSS.escape(focusAfter.current)}"]`)?.focus();
    focusAfter.current = null;
  });

  if (state.status === 'loading' || (state.status === 'ready' && !view)) return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const c = view!;

  const run = async (action: () => Promise<View>, after?: (next: View) => void) => {
    try {
      const next = await action();
      setView(next);
      setError(null);
      after?.(next);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const move = (item: CollectionItemView, to: number) => {
    if (to < 0 || to >= c.items.length || c.items[to]?.id === item.id) return;
    focusAfter.current = item.id;
    void run(
      () => client.invoke('collections.moveItem', { id: c.id, item: item.id, to }),
      (next) => setAnnouncement(t('workshops.collection.moved', { title: itemTitle(item), position: to + 1, count: next.items.length })),
    );
  };
  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, item: CollectionItemView, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(item, event.key === 'ArrowUp' ? index - 1 : index + 1);
  };
  const onDrop = (event: DragEvent<HTMLLIElement>, index: number) => {
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    const item = c.items.find((i) => i.id === dragged);
    if (!item) return;
    event.preventDefault();
    move(item, index);
  };

  return (
    <section aria-labelledby="collection-title" className="collection" data-testid="collection" data-collection={c.id}>
      <p className="back">
        <a href={hrefFor({ name: 'collections' })}>{t('workshops.collection.back')}</a>
      </p>
      <h1 id="collection-title" dir="auto">
        {c.name}
      </h1>
      <div className="collection-actions">
        <button
          type="button"
          data-testid="present-collection"
          disabled={c.items.length === 0}
          onClick={() => present({ title: c.name, items: c.items.map(({ guide, lang, section }) => ({ guide, lang, section })) })}
        >
          {t('workshops.present.start')}
        </button>
        <a className="button" href={hrefFor({ name: 'handout', of: 'collection', id: c.id })} data-testid="print-collection">
          {t('workshops.print.open')}
        </a>
        <button
          type="button"
          data-testid="export-collection"
          onClick={() =>
            void client.invoke('collections.export', { id: c.id }).then(
              (file) => {
                download(file.fileName, file.mediaType, file.text);
                setAnnouncement(t('workshops.collection.exported', { file: file.fileName }));
              },
              (failure: unknown) => setError((failure as Error).message),
            )
          }
        >
          {t('workshops.collection.export')}
        </button>
        <button type="button" className="danger" data-testid="delete-collection" onClick={() => setConfirming(true)}>
          {t('workshops.collection.delete')}
        </button>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete" data-testid="confirm-delete">
          <p id="confirm-delete">{t('workshops.collection.confirmDelete', { name: c.name, count: c.items.length })}</p>
          <button
            type="button"
            className="danger"
            // biome-ignore lint/a11y/noAutofocus: the confirmation takes the focus so the keyboard answers it at once
            autoFocus
            onClick={() =>
              void client.invoke('collections.delete', { id: c.id }).then(
                () => navigate({ name: 'collections' }),
                (failure: unknown) => setError((failure as Error).message),
              )
            }
          >
            {t('workshops.collection.deleteYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('guide.cancel')}
          </button>
        </div>
      )}
      <RenameForm
        name={c.name}
        onRename={(name) =>
          run(
            () => client.invoke('collections.rename', { id: c.id, name }),
            () => setAnnouncement(t('workshops.collection.renamed', { name })),
          )
        }
      />
      {error && (
        <p className="notice notice-warning" role="alert" data-testid="collection-error">
          {error}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="collection-announcement">
        {announcement}
      </p>
      {c.items.length === 0 ? (
        <p data-testid="collection-empty">{t('workshops.collection.empty')}</p>
      ) : (
        <>
          <p className="help" id="reorder-help">
            {t('workshops.collection.reorderHelp')}
          </p>
          <ol className="collection-items" data-testid="collection-items">
            {c.items.map((item, index) => (
              <li
                key={item.id}
                data-item={item.id}
                data-testid="collection-item"
                data-guide={item.guide}
                data-lang={item.lang}
                data-section={item.section ?? ''}
                data-missing={item.card === null}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: the item itself takes the focus, so Alt+Up and Alt+Down can move it
                tabIndex={0}
                draggable
                aria-describedby="reorder-help"
                aria-label={t('workshops.collection.itemLabel', { title: itemTitle(item), position: index + 1, count: c.items.length })}
                onKeyDown={(event) => onItemKey(event, item, index)}
                onDragStart={(event) => {
                  event.dataTransfer.setData(DRAG_TYPE, item.id);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(event) => {
                  if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
                }}
                onDrop={(event) => onDrop(event, index)}
              >
                <ItemRow
                  item={item}
                  index={index}
                  count={c.items.length}
                  onMove={(to) => move(item, to)}
                  onRemove={() => run(() => client.invoke('collections.removeItem', { id: c.id, item: item.id }))}
                  onNote={(note) =>
                    run(
                      () => client.invoke('collections.setNote', { id: c.id, item: item.id, note }),
                      () => setAnnouncement(t('workshops.collection.noteSaved', { title: itemTitle(item) })),
                    )
                  }
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function RenameForm({ name, onRename }: { name: string; onRename: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(name);
  useEffect(() => setValue(name), [name]);
  return (
    <form
      className="rename"
      onSubmit={(event) => {
        event.preventDefault();
        void onRename(value);
      }}
    >
      <label>
        <span>{t('workshops.collection.name')}</span>
        <input
          value={value}
          required
          maxLength={COLLECTION_LIMITS.nameLength}
          onChange={(event) => setValue(event.target.value)}
          data-testid="rename-input"
        />
      </label>{' '}
      <button type="submit" disabled={value.trim() === name} data-testid="rename-submit">
        {t('workshops.collection.rename')}
      </button>
    </form>
  );
}

function ItemRow({
  item,
  index,
  count,
  onMove,
  onRemove,
  onNote,
}: {
  item: CollectionItemView;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  onNote: (note: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.note);
  useEffect(() => setNote(item.note), [item.note]);
  const title = itemTitle(item);
  const card = item.card;
  return (
    <div className="collection-item">
      <span className="drag-handle" aria-hidden="true">
        ⠿
      </span>
      <div className="collection-item-main">
        <p className="collection-item-title">
          {card ? (
            <a href={hrefFor({ name: 'guide', id: item.guide, lang: card.lang, section: item.section ?? undefined })} lang={card.lang} dir="auto">
              {title}
            </a>
          ) : (
            <bdi>{title}</bdi>
          )}{' '}
          <span className="tag">{item.lang}</span>
        </p>
        {card ? (
          <p className="collection-item-meta">
            {t('guide.version', { version: card.version })}
            {item.version !== null && item.version !== card.version && <> · {t('workshops.collection.versionChanged', { version: item.version })}</>}{' '}
            <ReviewBadge status={card.status} />
          </p>
        ) : (
          <p className="notice notice-warning" data-testid="item-missing">
            {t('workshops.collection.missing', { guide: item.guide, lang: item.lang })}
          </p>
        )}
        {card && item.section && !item.sectionHeading && <p className="notice notice-warning">{t('workshops.collection.sectionMissing')}</p>}
        <label className="note">
          <span>{t('workshops.collection.note', { title })}</span>
          <textarea
            value={note}
            maxLength={COLLECTION_LIMITS.noteLength}
            rows={2}
            data-testid="item-note"
            onChange={(event) => setNote(event.target.value)}
            onBlur={() => note !== item.note && void onNote(note)}
          />
        </label>
      </div>
      <div className="collection-item-buttons">
        <button
          type="button"
          className="small"
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
          aria-label={t('workshops.collection.moveUpNamed', { title })}
        >
          {t('workshops.collection.moveUp')}
        </button>
        <button
          type="button"
          className="small"
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
          aria-label={t('workshops.collection.moveDownNamed', { title })}
        >
          {t('workshops.collection.moveDown')}
        </button>
        <button type="button" className="small" onClick={onRemove} aria-label={t('workshops.collection.removeNamed', { title })}>
          {t('workshops.collection.remove')}
        </button>
      </div>
    </div>
  );
}
