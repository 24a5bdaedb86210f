import { useTranslation } from 'react-i18next';
import type { DiffPart } from '../../../electron/api/types';

/**
 * A word-level diff as React elements: the text of each part is a text node, never HTML, so a guide's words cannot
 * become markup. The container takes the guide's language and direction, so insertions and deletions sit where
 * they belong in Arabic as in English; the legend and labels follow the interface.
 */
export function WordDiff({ parts, lang, dir, label }: { parts: DiffPart[]; lang: string; dir: 'ltr' | 'rtl'; label: string }) {
  const { t } = useTranslation();
  const added = parts.filter((p) => p.kind === 'added').length;
  const removed = parts.filter((p) => p.kind === 'removed').length;
  return (
    <div className="word-diff" data-testid="word-diff">
      <p className="diff-legend" data-testid="diff-legend">
        <ins>{t('versions.legendAdded')}</ins> <del>{t('versions.legendRemoved')}</del> <span>{t('versions.diffCounts', { added, removed })}</span>
      </p>
      {added + removed === 0 && <p role="status">{t('versions.noTextChanges')}</p>}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls, so the keyboard must reach it (axe: scrollable-region-focusable) */}
      <section className="diff-text" tabIndex={0} aria-label={label} lang={lang} dir={dir} data-testid="diff-text">
        {parts.map((part, index) =>
          part.kind === 'added' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence; their order is their identity
            <ins key={index}>
              <span className="visually-hidden">{t('versions.addedStart')}</span>
              {part.text}
            </ins>
          ) : part.kind === 'removed' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <del key={index}>
              <span className="visually-hidden">{t('versions.removedStart')}</span>
              {part.text}
            </del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <span key={index}>{part.text}</span>
          ),
        )}
      </section>
    </div>
  );
}
