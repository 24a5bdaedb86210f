import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubmissionRecord } from '../../api/submissions';
import { FieldbookError } from '../../api/errors';
import { readContentFile } from '../content/files';
import { recordSchema } from './format';

/** The decisions kept in the content folder, one file per submission, beside the guides in Git. */
export const RECORDS_DIR = 'submissions';

export function recordPath(id: string): string {
  return `${RECORDS_DIR}/${id}.json`;
}

function parseRecord(text: string, file: string): SubmissionRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FieldbookError('bad-input', `${file} is not valid JSON; restore it from Git`);
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FieldbookError('bad-input', `${file}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; restore it from Git`);
  }
  return parsed.data;
}

export async function readRecord(contentDir: string, id: string): Promise<SubmissionRecord | null> {
  const read = await readContentFile(join(contentDir, recordPath(id)));
  if (!read.ok) {
    if (read.missing) return null;
    throw new FieldbookError('bad-input', `${recordPath(id)}: ${read.message}`);
  }
  return parseRecord(read.text, recordPath(id));
}

/** Every record, newest decision first. */
export async function listRecords(contentDir: string): Promise<SubmissionRecord[]> {
  const names = (await readdir(join(contentDir, RECORDS_DIR)).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{16}\.json$/.test(name));
  const records = await Promise.all(names.map((name) => readRecord(contentDir, name.slice(0, -'.json'.length))));
  return records
    .filter((r): r is SubmissionRecord => r !== null)
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1));
}
