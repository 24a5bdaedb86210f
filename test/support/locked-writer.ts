// A child process for the crash test: opens the store, sets the passphrase given in argv, then saves changes in a
// loop, printing each count after it is on disk, until it is killed.
import { openUserData } from '../../electron/core/store/user-data';

const [dir, passphrase] = process.argv.slice(2) as [string, string];
const store = await openUserData(dir, () => new Date(), { mode: 'browser', kdf: { N: 2 ** 14, r: 8, p: 1 } });
await store.sealing.setPassphrase(passphrase);
for (let n = 1; ; n++) {
  await store.update((data) => {
    data.settings.myJurisdiction = 'US-CA';
    data.checklists[`sample-checklist/en@${n}`] = [0, 1];
    data.notes[`sample-checklist#n${n % 50}`] = `private note number ${n} `.repeat(40);
  });
  process.stdout.write(`${n}\n`);
}
