import type { SettingsChange } from '../api/settings';
import { FieldbookError } from '../api/errors';
import type { Catalog, Guide } from './content/model';
import { checklistKey } from './library';

/**
 * Bounds on what the API may store in the person's data file, checked against the catalog: only guide versions and
 * languages that exist, checklist items the guide has, and jurisdictions the library knows. So the file holds only
 * what the UI can show again, and cannot be grown without limit by calls that name things that do not exist.
 */

/** Refuses a "my jurisdiction" the library does not know, naming the field. */
export function checkSettingsChange(catalog: Catalog, change: SettingsChange): void {
  const code = change.myJurisdiction;
  if (code === undefined || code === null || catalog.jurisdictions.some((j) => j.code === code)) return;
  const examples = catalog.jurisdictions.slice(0, 3).map((j) => j.code);
  throw new FieldbookError(
    'bad-input',
    `settings.update: myJurisdiction "${code.slice(0, 40)}" is not a jurisdiction in this library; choose one it lists (such as ${examples.join(', ')}), or none.`,
  );
}

/**
 * How many checklist boxes the guide can show at most: every task-list marker (`[ ]`, `[x]`) and every raw
 * `<input` in its Markdown. The reader counts the boxes it renders, which can only be fewer (markers inside code
 * are not boxes), so this never refuses a box the person sees.
 */
function checklistCapacity(guide: Guide): number {
  return (guide.body.match(/\[[ xX]\]/g)?.length ?? 0) + (guide.body.match(/<input\b/gi)?.length ?? 0);
}

/** The data file key for ticks on one guide version, once the version, language and items are known to exist. */
export function checkedKey(catalog: Catalog, input: { id: string; lang: string; version: number; checked: number[] }): string {
  const copies = catalog.guides.filter((guide) => guide.meta.id === input.id);
  if (copies.length === 0)
    throw new FieldbookError('not-found', `There is no guide "${input.id}". It may have been removed or renamed; go back to the library.`);
  const inLang = copies.filter((guide) => guide.meta.lang === input.lang);
  if (inLang.length === 0) {
    const langs = [...new Set(copies.map((guide) => guide.meta.lang))].sort();
    throw new FieldbookError('bad-input', `guide.setChecked: lang "${input.lang}": the guide "${input.id}" exists only in ${langs.join(', ')}.`);
  }
  const guide = inLang.find((copy) => copy.meta.version === input.version);
  if (!guide) {
    const versions = inLang.map((copy) => copy.meta.version).sort((a, b) => a - b);
    throw new FieldbookError(
      'bad-input',
      `guide.setChecked: version ${input.version}: the guide "${input.id}" in ${input.lang} exists as version ${versions.join(', ')} only; reopen the guide and tick again.`,
    );
  }
  const capacity = checklistCapacity(guide);
  const outside = input.checked.find((index) => index >= capacity);
  if (outside !== undefined) {
    throw new FieldbookError(
      'bad-input',
      `guide.setChecked: checked: item ${outside} does not exist; the guide "${input.id}" in ${input.lang} has ${capacity} checklist item(s), numbered from 0.`,
    );
  }
  return checklistKey(input.id, input.lang, input.version);
}
