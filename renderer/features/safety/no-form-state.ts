/**
 * Chromium saves the state of a page's form controls (a select's choice, a text field's or textarea's text, a
 * checkbox's tick) into the history entry and the session files on disk, to restore them on Back or after a
 * crash; a test found "my jurisdiction" in Default/Sessions that way. It skips controls marked
 * autocomplete="off", so every control the app draws, now or later, gets that mark here, in one place rather
 * than on each control.
 */
const CONTROLS = 'input, select, textarea';

function mark(root: ParentNode): void {
  for (const control of root.querySelectorAll(CONTROLS))
    if (control.getAttribute('autocomplete') !== 'off') control.setAttribute('autocomplete', 'off');
}

export function keepFormStateOutOfHistory(root: HTMLElement = document.documentElement): () => void {
  mark(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(CONTROLS)) node.setAttribute('autocomplete', 'off');
        mark(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
