import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { decryptPrivateKey, type KeyPair, parseKeyFile, privateKeyFileSchema } from '../../core/packs/keys';

/** A mistake in how a command was called: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** What a command needs from outside, so tests can run it as a function. */
export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
  now(): Date;
  /** Asks for a passphrase without echoing it; null when there is no terminal to ask on. */
  askPassphrase(prompt: string): Promise<string | null>;
}

export const processIO: CommandIO = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => (process.env.FIELDBOOK_NOW ? new Date(process.env.FIELDBOOK_NOW) : new Date()),
  askPassphrase: (prompt) => askHidden(prompt),
};

async function askHidden(prompt: string): Promise<string | null> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo nothing while the passphrase is typed: readline writes through this hook.
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
    if (text.startsWith(prompt)) process.stderr.write(prompt);
  };
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    process.stderr.write('\n');
    rl.close();
  }
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

export function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required: ${what}`);
  return value;
}

/** A date given as YYYY-MM-DD means the end of that day, UTC; a full ISO timestamp is taken as it is. */
export function untilDate(text: string, flag: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.000Z` : text;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || (iso.length === 24 && iso.endsWith('T23:59:59.000Z') && date.toISOString() !== iso))
    throw new UsageError(`${flag} takes a date written YYYY-MM-DD, such as 2027-06-30, not "${text}"`);
  return date;
}

export function positiveInteger(text: string, flag: string): number {
  if (!/^[1-9]\d{0,9}$/.test(text)) throw new UsageError(`${flag} takes a whole number from 1, not "${text}"`);
  return Number(text);
}

export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${what} "${path}"; check the path`);
  }
}

/** The passphrase from `--passphrase-file` (its first line), else asked on the terminal. */
export async function passphrase(io: CommandIO, file: string | undefined, prompt: string, confirm = false): Promise<string> {
  if (file !== undefined) {
    const text = (await readText(file, 'the passphrase file')).split(/\r?\n/)[0] ?? '';
    if (text.length === 0) throw new UsageError(`the passphrase file "${file}" is empty; put the passphrase on its first line`);
    return text;
  }
  const first = await io.askPassphrase(prompt);
  if (first === null) throw new UsageError('no terminal to ask for the passphrase on; give --passphrase-file FILE');
  if (confirm && (await io.askPassphrase('Repeat the passphrase: ')) !== first)
    throw new UsageError('the two passphrases differ; run the command again');
  return first;
}

export async function openPrivateKey(io: CommandIO, keyFile: string, passphraseFile: string | undefined): Promise<KeyPair & { name: string }> {
  const file = parseKeyFile(privateKeyFileSchema, await readText(keyFile, 'the private key file'), keyFile);
  const pair = decryptPrivateKey(file, await passphrase(io, passphraseFile, `Passphrase for key ${file.id} (${file.name}): `));
  return { ...pair, name: file.name };
}
