import { useTranslation } from 'react-i18next';
import { interfaceGuideLanguage } from '../../../electron/api/browse';
import type { GuideCard, LibraryPage } from '../../../electron/api/types';
import { displayLanguageName } from '../../lib/names';
import { hrefFor } from '../../lib/route';

/**
 * Interface language and guide language are independent: a person reading the interface in Spanish may need a guide
 * that exists only in English. The library says how many guides exist in the interface language, lets the person narrow
 * to them or see every language, and each card in another language says whether the interface language has it too.
 */

interface Props {
  counts: LibraryPage['availability'];
  /** The library's language filter: a guide language, or null for all languages. */
  language: string | null;
  onChange(language: string | null): void;
}

export function LanguageAvailability({ counts, language, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const ui = interfaceGuideLanguage(i18n.language);
  const name = displayLanguageName(ui, i18n.language);
  if (counts.inLanguage === 0) {
    return (
      <p className="language-availability" data-testid="language-availability">
        {t('app.availability.none', { language: name })}
      </p>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: two toggle buttons labelled as one group; a fieldset's legend would repeat the label
    <div className="language-availability" role="group" aria-label={t('app.availability.label')} data-testid="language-availability">
      <button type="button" aria-pressed={language === ui} onClick={() => onChange(ui)} data-testid="only-interface-language">
        {t('app.availability.only', { language: name, count: counts.inLanguage })}
      </button>
      <button type="button" aria-pressed={language === null} onClick={() => onChange(null)} data-testid="all-languages">
        {t('app.availability.all', { count: counts.all })}
      </button>
    </div>
  );
}

/** On a card in another language than the interface: where to read it in the interface language, or that it is not there. */
export function CardLanguageNote({ card }: { card: Pick<GuideCard, 'id' | 'lang' | 'languages'> }) {
  const { t, i18n } = useTranslation();
  const ui = interfaceGuideLanguage(i18n.language);
  if (card.lang === ui) return null;
  const name = displayLanguageName(ui, i18n.language);
  return (
    <p className="card-language-note" data-testid="card-language-note">
      {card.languages.includes(ui) ? (
        <a href={hrefFor({ name: 'guide', id: card.id, lang: ui })} hrefLang={ui}>
          {t('app.availability.alsoIn', { language: name })}
        </a>
      ) : (
        t('app.availability.notIn', { language: name })
      )}
    </p>
  );
}
