import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir` (recursively) as latin1 text, so any byte sequence, text or binary, can be searched. */
export async function filesAsText(dir: string): Promise<{ file: string; text: string }[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const files = await Promise.all(
    names.map(async (file) => ({
      file,
      text: await readFile(join(dir, file)).then(
        (bytes) => bytes.toString('latin1'),
        () => '',
      ),
    })),
  );
  return files.filter((entry) => entry.text !== '');
}

/** All of them joined: for "this word is nowhere in the folder". */
export async function folderBytes(dir: string): Promise<string> {
  return (await filesAsText(dir)).map((entry) => entry.text).join('\n');
}
