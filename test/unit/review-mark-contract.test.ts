import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appWorld, removeWorld } from '../support/packs';
import { fixedClock, inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

/** review.mark and the dashboard's owner column through the contract, as the app calls them. */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'review');
const LAW = 'guides/US/law-unreviewed/en.md';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await tempDir());
  await cp(FIXTURE, join(dir, 'content'), { recursive: true });
});
afterEach(() => remove());

const contentDir = () => join(dir, 'content');
const open = (maintainer: boolean) =>
  inProcessClient(join(dir, 'data'), {
    contentDir: contentDir(),
    clock: fixedClock('2027-06-10'),
    maintainerContentDir: maintainer ? contentDir() : undefined,
  });

describe('review.mark', () => {
  it('shows the next review date first, then records the review and the dashboard shows the new status', async () => {
    const { client } = await open(true);
    expect((await client.invoke('app.info')).maintainer).toBe(true);
    const row = async () => (await client.invoke('review.dashboard', {})).items.find((c) => c.id === 'law-unreviewed')!;
    expect((await row()).status.states).toEqual(['overdue', 'not-reviewed']);
    const before = await readFile(join(contentDir(), LAW), 'utf8');

    const plan = await client.invoke('review.mark', { id: 'law-unreviewed', lang: 'en', by: 'Test Legal Clinic', confirm: false });
    expect(plan).toMatchObject({ reviewedOn: '2027-06-10', reviewBy: '2027-12-10', version: 1, months: 6 });
    expect(await readFile(join(contentDir(), LAW), 'utf8')).toBe(before);
    expect((await row()).status.primary).toBe('overdue');

    const mark = await client.invoke('review.mark', { id: 'law-unreviewed', lang: 'en', by: '  Test Legal Clinic ', confirm: true });
    expect(mark.reviewedBy).toBe('Test Legal Clinic');
    const after = await row();
    expect(after.status).toMatchObject({ primary: 'current', states: ['current'], reviewBy: '2027-12-10' });
    expect(after.review).toMatchObject({ reviewedBy: 'Test Legal Clinic', reviewedOn: '2027-06-10' });
    expect(after.version).toBe(1);

    // It is in the file, not only in memory: a restart reads the same.
    const again = await open(true);
    const card = (await again.client.invoke('library.list')).guides.find((c) => c.id === 'law-unreviewed')!;
    expect(card.review.reviewedBy).toBe('Test Legal Clinic');
  });

  it('is refused, changing nothing, where no maintainer content folder is open', async () => {
    const { client } = await open(false);
    // The app shows the action only to a maintainer, and says whether this is one.
    expect((await client.invoke('app.info')).maintainer).toBe(false);
    const before = await readFile(join(contentDir(), LAW), 'utf8');
    await expect(client.invoke('review.mark', { id: 'law-unreviewed', lang: 'en', by: 'Clinic', confirm: true })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('read-only'),
    });
    expect(await readFile(join(contentDir(), LAW), 'utf8')).toBe(before);
  });

  it('names the field when the input is wrong, and an unknown guide', async () => {
    const { client } = await open(true);
    await expect(client.invoke('review.mark', { id: 'law-unreviewed', lang: 'en', by: '', confirm: true })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('by'),
    });
    await expect(client.invoke('review.mark', { id: 'law-unreviewed', lang: 'en', by: 'A\nB', confirm: true })).rejects.toMatchObject({
      code: 'bad-input',
    });
    await expect(client.invoke('review.mark', { id: 'missing-guide', lang: 'en', by: 'Clinic', confirm: true })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('the review dashboard owner column', () => {
  it("names the partner whose delegation covers a guide's jurisdiction, else the maintainers, on screen and in the export", async () => {
    const { world, open: openApp } = await appWorld();
    try {
      const { client } = await openApp(world.dataDir);
      const dashboard = await client.invoke('review.dashboard', {});
      expect(dashboard.owners.ES).toEqual(['Clínica de prueba']);
      expect(dashboard.owners.FR).toEqual([]);
      const csv = (await client.invoke('review.export', { format: 'csv' })).text.split('\r\n');
      const header = csv[0]!.replace('\uFEFF', '').split(',');
      const owner = header.indexOf('owner');
      expect(owner).toBeGreaterThan(0);
      const line = (id: string) => csv.find((l) => l.split(',').includes(id))!.split(',')[owner];
      expect(line('es-recording-police')).toBe('Clínica de prueba');
      expect(line('fr-recording-police')).toBe('Maintainers');
      const markdown = (await client.invoke('review.export', { format: 'markdown', jurisdiction: 'ES' })).text;
      expect(markdown).toContain('| Owner |');
      expect(markdown).toMatch(/es-recording-police .*\| Clínica de prueba \|/);
    } finally {
      await removeWorld(world.dir);
    }
  });
});
