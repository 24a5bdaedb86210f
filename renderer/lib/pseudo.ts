/**
 * A pseudo-locale built from English at run time: every string is wrapped in ⟦…⟧ with its letters accented, so a
 * screen shown in it reveals at a glance (and to a test) any text that did not come from the locale files. It is
 * switched on only by a test (see PSEUDO_SWITCH) and is never offered in the language picker.
 */
export const PSEUDO_LANGUAGE = 'en-XA';

/** The localStorage key a test sets before the page loads to run the interface in the pseudo-locale. */
export const PSEUDO_SWITCH = 'fieldbook.pseudoLocale';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Interpolations ({{var}}), nestings ($t(key)) and HTML-like tags (<1>…</1>) stay as they are, or they would break. */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>)/;

export function pseudoString(text: string): string {
  const accented = text
    .split(KEEP)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (ch) => ACCENTED[ch] ?? ch)))
    .join('');
  return `⟦${accented}⟧`;
}

export type Messages = { [key: string]: string | Messages };

export function pseudoMessages(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? pseudoString(value) : pseudoMessages(value)]),
  );
}

/** Whether this page was asked to run in the pseudo-locale; storage that cannot be read means no. */
export function pseudoRequested(): boolean {
  try {
    return globalThis.localStorage?.getItem(PSEUDO_SWITCH) === '1';
  } catch {
    return false;
  }
}

let active: boolean | undefined;
/**
 * Text that is localised by other means than the locale files (names from content files in the interface language,
 * dates and numbers from Intl) is bracketed too in the pseudo-locale, so the check sees it went through localisation.
 */
export function pseudoMark(text: string): string {
  active ??= pseudoRequested();
  return active ? `⟦${text}⟧` : text;
}
