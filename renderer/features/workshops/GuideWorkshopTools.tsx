import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '../../../electron/api/types';
import { hrefFor } from '../../lib/route';
import { AddToCollection } from './AddToCollection';
import { present } from './presentation';

/** The reader's workshop buttons: add the guide to a collection, present it, print a handout. */
export function GuideWorkshopTools({ guide }: { guide: GuideView }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="workshop-tools" lang={i18n.language} dir={i18n.dir(i18n.language)}>
      <AddToCollection guide={guide.id} lang={guide.lang} label={t('workshops.add.guide', { title: guide.title })} />
      <button
        type="button"
        className="small"
        data-testid="present-guide"
        onClick={() => present({ title: guide.title, items: [{ guide: guide.id, lang: guide.lang, section: null }] })}
      >
        {t('workshops.present.start')}
      </button>
      <a className="button small" href={hrefFor({ name: 'handout', of: 'guide', id: guide.id, lang: guide.lang })} data-testid="print-guide">
        {t('workshops.print.open')}
      </a>
    </div>
  );
}

/**
 * A small "Add to collection" after each section heading of the rendered guide. The guide's HTML is React's to
 * replace, so the slots are made afresh for each render of it (`html`), and React portals fill them.
 */
export function SectionAddControls({
  container,
  guide,
  html,
}: {
  container: React.RefObject<HTMLDivElement | null>;
  guide: GuideView;
  html: string;
}) {
  const { t, i18n } = useTranslation();
  const [slots, setSlots] = useState<{ element: HTMLElement; anchor: string; heading: string }[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `html` is what React replaced the body with; the slots go with the old one
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const made = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].flatMap((heading, index) => {
      const section = guide.sections[index];
      if (!section) return [];
      const element = document.createElement('div');
      element.className = 'section-tools';
      element.lang = i18n.language;
      element.dir = i18n.dir(i18n.language);
      heading.after(element);
      return [{ element, anchor: section.anchor, heading: section.heading }];
    });
    setSlots(made);
    return () => {
      for (const slot of made) slot.element.remove();
    };
  }, [container, guide, html, i18n]);
  return (
    <>
      {slots.map((slot) =>
        createPortal(
          <AddToCollection guide={guide.id} lang={guide.lang} section={slot.anchor} label={t('workshops.add.section', { heading: slot.heading })} />,
          slot.element,
          slot.anchor,
        ),
      )}
    </>
  );
}
