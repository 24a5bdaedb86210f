import { faultyDisk } from '../support/failing-fs';
import { test, expect } from './fixtures';
import { startTranslation } from './write-support';

const disk = faultyDisk();
test.use({ storeFs: disk.fs });
test.afterEach(() => disk.fail(null));

test('a full disk while writing: the editor keeps the text, says what happened and what to do, and saves once there is space', async ({
  page,
  app,
}) => {
  await app.open(page);
  await startTranslation(page, 'gb-eaw-rights-at-a-demonstration/en', 'es');
  const editor = page.getByTestId('draft-editor');
  const body = page.getByTestId('draft-body');
  await body.fill('## Antes de ir\n\nPrimera parte.\n');
  await expect(editor).toHaveAttribute('data-save-state', 'saved');
  const savedRevision = await editor.getAttribute('data-saved-revision');

  disk.fail('ENOSPC', 'write');
  await body.fill('## Antes de ir\n\nPrimera parte. Segunda parte.\n');
  await expect(editor).toHaveAttribute('data-save-state', 'failed');
  await expect(page.getByTestId('save-status')).toHaveText(
    'Not saved: The disk is full: your change was not saved. Free some space and try again. Your text is still here; keep this screen open and try again.',
  );
  await expect(body).toHaveValue('## Antes de ir\n\nPrimera parte. Segunda parte.\n');
  await expect(editor).toHaveAttribute('data-saved-revision', savedRevision!);

  disk.fail(null);
  await page.getByTestId('save-retry').click();
  await expect(editor).toHaveAttribute('data-save-state', 'saved');
  // Opening the app again (a new launch address: a reload has no session to keep) finds the draft as saved.
  await app.open(page, '#/write');
  await page.getByTestId('draft-row').getByRole('link').click();
  await expect(page.getByTestId('draft-body')).toHaveValue('## Antes de ir\n\nPrimera parte. Segunda parte.\n');
});
