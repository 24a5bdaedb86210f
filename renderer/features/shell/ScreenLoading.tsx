import { type RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { screenDrawn } from '../../lib/lazy-screen';

/**
 * Shown in place of a screen while its code loads (each screen but the library and a guide is fetched when first
 * opened). The main region is marked busy meanwhile, so a screen reader waits for the screen to arrive.
 */
export function ScreenLoading({ main }: { main: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  useEffect(() => {
    const element = main.current;
    element?.setAttribute('aria-busy', 'true');
    return () => element?.removeAttribute('aria-busy');
  }, [main]);
  return <p role="status">{t('app.loading')}</p>;
}

/**
 * Placed beside the screens inside their Suspense boundary, so its effect runs only once the route's screen is
 * shown: it names that route on the main region, the signal tests wait for after changing the route.
 */
export function ScreenShown({ main, name }: { main: RefObject<HTMLElement | null>; name: string }) {
  useEffect(() => {
    if (main.current) main.current.dataset.screen = name;
    // The library says so itself once its first cards are drawn; any other screen is drawn now.
    if (name !== 'library') screenDrawn();
  }, [main, name]);
  return null;
}
