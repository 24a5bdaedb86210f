import { useEffect, useMemo, useRef } from 'react';
import { renderMarkdown } from '../guide/render';

/**
 * A guide's Markdown as readers see it, through the reader's own pipeline (bounded, marked, then DOMPurify). Its
 * checklist boxes stay disabled here, each named by its item's text, as the reader names them.
 */
export function RenderedMarkdown({ markdown, lang, dir, testId }: { markdown: string; lang: string; dir: 'ltr' | 'rtl'; testId?: string }) {
  const html = useMemo(() => renderMarkdown(markdown, lang), [markdown, lang]);
  const root = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the boxes are new elements each time the HTML changes
  useEffect(() => {
    for (const box of root.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])
      box.setAttribute('aria-label', box.parentElement?.textContent?.trim() ?? '');
  }, [html]);
  return (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify in renderGuide, as the reader does
    <div ref={root} className="guide-body" lang={lang} dir={dir} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
