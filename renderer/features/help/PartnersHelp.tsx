import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown } from '../guide/render';
import ar from './partners/ar.md?raw';
import en from './partners/en.md?raw';
import es from './partners/es.md?raw';
import fr from './partners/fr.md?raw';

/** Written in each language, not translated word for word; the long version is CONTRIBUTING.md. */
const PAGES: Record<string, { text: string; dir: 'ltr' | 'rtl' }> = {
  en: { text: en, dir: 'ltr' },
  es: { text: es, dir: 'ltr' },
  fr: { text: fr, dir: 'ltr' },
  ar: { text: ar, dir: 'rtl' },
};

/** "Help for partners" (#/help/partners): how to write, check and send a guide, in the interface's language. */
export function PartnersHelp() {
  const { i18n } = useTranslation();
  const lang = i18n.language in PAGES ? i18n.language : 'en';
  const page = PAGES[lang]!;
  // The reader's own pipeline (marked, then DOMPurify): the same Markdown and the same safety as every guide.
  const html = useMemo(() => renderMarkdown(page.text, lang), [page, lang]);
  return (
    <article className="reader help-page" lang={lang} dir={page.dir} data-testid="partners-help" data-lang={lang}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify in renderMarkdown, like a guide */}
      <div className="guide-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
