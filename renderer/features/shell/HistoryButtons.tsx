import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping } from '../../lib/typing';
import { ROUTE_EVENT } from '../../lib/route';

/** The Navigation API (Chromium, so Electron and the browser mode's usual browser); absent elsewhere. */
interface NavigationLike extends EventTarget {
  canGoBack: boolean;
  canGoForward: boolean;
}
const navigation = (): NavigationLike | undefined => (window as { navigation?: NavigationLike }).navigation;

/** On Windows the desktop app gets the mouse's side buttons as app commands in the main process (electron/main/view.ts). */
const sideButtonsFromMain = (mode: 'desktop' | 'browser') => mode === 'desktop' && /Windows/.test(navigator.userAgent);

/**
 * Back and forward through the app's own history (routes live in the address's fragment, so every move is a
 * history entry): buttons in the header, Alt+Left/Alt+Right, and the mouse's side buttons. The desktop window has
 * no browser chrome, so without these a person has no way back from a guide but the library link.
 */
export function HistoryButtons({ mode }: { mode: 'desktop' | 'browser' }) {
  const { t } = useTranslation();
  const [can, setCan] = useState({ back: true, forward: true });

  useEffect(() => {
    const update = () => {
      const nav = navigation();
      // Without the Navigation API the buttons stay enabled; history.back() at the start simply does nothing.
      setCan({ back: nav?.canGoBack ?? true, forward: nav?.canGoForward ?? true });
    };
    update();
    navigation()?.addEventListener('currententrychange', update);
    window.addEventListener(ROUTE_EVENT, update);
    return () => {
      navigation()?.removeEventListener('currententrychange', update);
      window.removeEventListener(ROUTE_EVENT, update);
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Alt+Left is back and Alt+Right forward in every direction of writing, as in Chrome and Firefox, also in an
      // Arabic interface. In a text field the keys stay the field's (on macOS, Option+arrows move by word).
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      if (event.key === 'ArrowLeft') history.back();
      else history.forward();
    };
    // Buttons 3 and 4 are the side buttons; the browser itself also moves on them unless the page takes them.
    const onMouse = (event: MouseEvent) => {
      if ((event.button !== 3 && event.button !== 4) || sideButtonsFromMain(mode)) return;
      event.preventDefault();
      if (event.type !== 'mouseup') return;
      if (event.button === 3) history.back();
      else history.forward();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onMouse);
    window.addEventListener('mouseup', onMouse);
    window.addEventListener('auxclick', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onMouse);
      window.removeEventListener('mouseup', onMouse);
      window.removeEventListener('auxclick', onMouse);
    };
  }, [mode]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a form group; these two buttons are a toolbar-like pair.
    <div className="history-buttons" role="group" aria-label={t('history.label')}>
      {/* aria-disabled rather than disabled, so a keyboard user's focus stays on the button at either end. */}
      <button
        type="button"
        data-testid="history-back"
        aria-label={t('history.back')}
        title={t('history.backKeys')}
        aria-disabled={!can.back}
        onClick={() => can.back && history.back()}
      >
        <span aria-hidden="true" className="history-arrow">
          ←
        </span>
      </button>
      <button
        type="button"
        data-testid="history-forward"
        aria-label={t('history.forward')}
        title={t('history.forwardKeys')}
        aria-disabled={!can.forward}
        onClick={() => can.forward && history.forward()}
      >
        <span aria-hidden="true" className="history-arrow">
          →
        </span>
      </button>
    </div>
  );
}
