import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pseudoMessages, pseudoString, type Messages } from '../../renderer/lib/pseudo';

const LANGUAGES = ['es', 'fr', 'ar'] as const;
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

function load(lang: string): Messages {
  return JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8')) as Messages;
}

function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/** The variables a string interpolates, without their format ("{{count, number}}" is "count"). */
function variables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^},]+?)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();
}

const en = flatten(load('en'));
/** Keys English uses plural forms for: `x_one` + `x_other` make `x` a plural whose forms each language chooses. */
const pluralBases = new Set(
  [...en.keys()].flatMap((key) => (PLURAL.test(key) && en.has(`${key.replace(PLURAL, '$1')}_other`) ? [key.replace(PLURAL, '$1')] : [])),
);

function expectedKeys(lang: string): Set<string> {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of en.keys()) {
    const match = PLURAL.exec(key);
    if (match && pluralBases.has(match[1]!)) for (const category of categories) keys.add(`${match[1]}_${category}`);
    else keys.add(key);
  }
  return keys;
}

function pluralVars(messages: Map<string, unknown>, base: string): string[] {
  return [
    ...new Set([...messages].filter(([key]) => key.replace(PLURAL, '$1') === base && PLURAL.test(key)).flatMap(([, v]) => variables(String(v)))),
  ].sort();
}

describe('locale files', () => {
  it('English has no empty strings and only strings as leaves', () => {
    const bad = [...en].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    describe(lang, () => {
      const messages = flatten(load(lang));

      it('has every key English has, in its own plural forms, and none English lacks', () => {
        const expected = expectedKeys(lang);
        const missing = [...expected].filter((key) => !messages.has(key));
        const extra = [...messages.keys()].filter((key) => !expected.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('has no empty strings', () => {
        const empty = [...messages].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
        expect(empty).toEqual([]);
      });

      it('interpolates the same variables as English', () => {
        const differences: string[] = [];
        for (const [key, value] of en) {
          const match = PLURAL.exec(key);
          if (match && pluralBases.has(match[1]!)) continue;
          if (!messages.has(key)) continue;
          const want = variables(String(value));
          const got = variables(String(messages.get(key)));
          if (want.join() !== got.join()) differences.push(`${key}: {${want}} in en, {${got}} in ${lang}`);
        }
        // A plural form may spell its number out ("نتيجتان" for two) but uses no variable English lacks, keeps every
        // other variable, and its "other" form shows the count.
        for (const base of pluralBases) {
          const allowed = pluralVars(en, base);
          const needed = allowed.filter((name) => name !== 'count');
          for (const [key, value] of messages) {
            if (!PLURAL.test(key) || key.replace(PLURAL, '$1') !== base) continue;
            const got = variables(String(value));
            const unknown = got.filter((name) => !allowed.includes(name));
            const lacking = needed.filter((name) => !got.includes(name));
            if (unknown.length || lacking.length) differences.push(`${key}: uses {${unknown}} English lacks, lacks {${lacking}}`);
          }
          if (allowed.includes('count') && !variables(String(messages.get(`${base}_other`) ?? '')).includes('count')) {
            differences.push(`${base}_other does not show {{count}}`);
          }
        }
        expect(differences).toEqual([]);
      });
    });
  }
});

describe('pseudo-locale', () => {
  it('wraps and accents every string but keeps interpolations, nestings and tags intact', () => {
    expect(pseudoString('{{count}} results for {{query}}')).toBe('⟦{{count}} ŕéšûļţš ƒöŕ {{query}}⟧');
    expect(pseudoString('See $t(app.name) <1>here</1>')).toBe('⟦Šéé $t(app.name) <1>ĥéŕé</1>⟧');
  });

  it('covers every English key with the same variables', () => {
    const pseudo = flatten(pseudoMessages(load('en')));
    expect([...pseudo.keys()]).toEqual([...en.keys()]);
    for (const [key, value] of pseudo) {
      expect(String(value)).toMatch(/^⟦[\s\S]*⟧$/);
      expect(variables(String(value)), key).toEqual(variables(String(en.get(key))));
    }
  });
});
