import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A stand-in for the built renderer (out/renderer) in `dir`/renderer, for hosts whose pages a test does not open. */
export async function standInRenderer(dir: string): Promise<string> {
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  return rendererDir;
}
