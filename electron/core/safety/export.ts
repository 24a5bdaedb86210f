import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { UserDataStore } from '../store/user-data';
import { joinPersonal, splitPersonal } from './personal-section';
import { DEFAULT_KDF, deriveKey, deriveKeyFor, type KdfParams, open, seal, sealedSchema } from './vault';
import { z } from 'zod';

export const EXPORT_FORMAT = 'fieldbook-personal-export';
const exportSchema = z.strictObject({ format: z.literal(EXPORT_FORMAT), sealed: sealedSchema });

/**
 * Export and import of everything personal (what the lock seals: ticks, bookmarks, notes, recently read, my
 * jurisdiction, and what other domains keep) as one file sealed under a passphrase given for it, with the same
 * scrypt and AES-256-GCM as the data file. Import adds to what is there: bookmarks and ticks merge, a note from
 * the file replaces the note on the same guide or section, a setting from the file replaces the one here.
 */
export function exportHandlers(store: UserDataStore, kdf: KdfParams = DEFAULT_KDF): Pick<Handlers, 'personal.export' | 'personal.import'> {
  return {
    'personal.export': async ({ passphrase }) => {
      if (store.sealing.state() === 'locked') throw store.sealing.lockedError();
      const { personal } = splitPersonal(store.read());
      const key = await deriveKey(passphrase, kdf);
      const text = `${JSON.stringify({ format: EXPORT_FORMAT, sealed: seal(key, Buffer.from(JSON.stringify(personal), 'utf8')) })}\n`;
      return { fileName: 'fieldbook-personal.fieldbook', mediaType: 'application/octet-stream', text };
    },
    'personal.import': async ({ passphrase, text }) => {
      if (store.sealing.state() === 'locked') throw store.sealing.lockedError();
      let file: z.infer<typeof exportSchema>;
      try {
        file = exportSchema.parse(JSON.parse(text));
      } catch {
        throw new FieldbookError(
          'bad-input',
          'personal.import: this is not a Fieldbook export file (or it is damaged); choose the file Fieldbook exported.',
        );
      }
      const bytes = open(await deriveKeyFor(passphrase, file.sealed), file.sealed);
      if (!bytes)
        throw new FieldbookError('wrong-passphrase', 'That is not the passphrase this file was exported with: nothing was imported. Try again.');
      const incoming = JSON.parse(bytes.toString('utf8')) as Record<string, unknown> & { settings?: Record<string, unknown> };
      const before = store.read();
      const data = await store.update((draft) => {
        const merged = joinPersonal(splitPersonal(draft).plain, {
          ...splitPersonal(draft).personal,
          ...incoming,
          settings: { ...splitPersonal(draft).personal.settings, ...incoming.settings },
        });
        const theirs = merged as typeof draft;
        theirs.bookmarks = [
          ...before.bookmarks,
          ...(theirs.bookmarks ?? []).filter((b) => !before.bookmarks.some((o) => o.id === b.id && o.section === b.section)),
        ];
        theirs.notes = { ...before.notes, ...(theirs.notes ?? {}) };
        theirs.checklists = { ...before.checklists, ...(theirs.checklists ?? {}) };
        theirs.reports = [...before.reports, ...(theirs.reports ?? []).filter((r) => !before.reports.some((o) => o.id === r.id))];
        Object.assign(draft, theirs);
      });
      return { bookmarks: data.bookmarks.length, notes: Object.keys(data.notes).length, checklists: Object.keys(data.checklists).length };
    },
  };
}
