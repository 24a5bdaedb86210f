import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { PROJECT_ROOT } from '../../electron/host/launch';
import { tempDir } from '../support/temp';
import { startTranslation } from './write-support';

/** Starts the browser-mode host as its own process on a data folder and returns the address it prints. */
async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'out', 'main', 'host.js'), '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the host stopped by itself (${code}): ${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open: (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
  });
  child.removeAllListeners('exit');
  return { child, url };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function openApp(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

test('a draft survives kill -9 mid-typing: every character the editor said was saved is there after a restart', async ({ page }) => {
  const { dir, remove } = await tempDir('fieldbook-kill-');
  let host = await startHost(dir);
  try {
    await openApp(page, host.url);
    await startTranslation(page, 'gb-eaw-rights-at-a-demonstration/en', 'es');
    const editor = page.getByTestId('draft-editor');
    const body = page.getByTestId('draft-body');
    await body.fill('');
    await body.pressSequentially('## Antes de ir\n\nLleve agua, ');
    await expect(editor).toHaveAttribute('data-save-state', 'saved');
    await body.pressSequentially('el teléfono de un abogado y una batería.');
    await expect(editor).toHaveAttribute('data-save-state', 'saved');
    const saved = await body.inputValue();
    const revision = Number(await editor.getAttribute('data-saved-revision'));
    expect(revision).toBeGreaterThan(0);
    // Typing goes on; the host is killed in the middle of it, with no chance to finish or clean up.
    await body.pressSequentially(' Y más texto');
    await kill(host.child);

    host = await startHost(dir);
    await openApp(page, host.url);
    await page.evaluate(() => (location.hash = '#/write'));
    await page.getByTestId('draft-row').getByRole('link').click();
    await expect(page.getByTestId('draft-editor')).toBeVisible();
    const after = await page.getByTestId('draft-body').inputValue();
    // Everything saved is there; of the unsaved rest, a save that finished before the kill may have kept some.
    expect(after.startsWith(saved)).toBe(true);
    expect(Number(await page.getByTestId('draft-editor').getAttribute('data-saved-revision'))).toBeGreaterThanOrEqual(revision);
  } finally {
    await kill(host.child);
    await remove();
  }
});
