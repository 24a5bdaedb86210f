import { PackError } from '../../core/packs/errors';
import { type CommandIO, processIO, UsageError } from './common';
import { DELEGATE_HELP, delegate } from './delegate';
import { KEYGEN_HELP, keygen } from './keygen';
import { PACK_HELP, pack } from './pack';
import { SIGN_BUNDLED_HELP, signBundled } from './sign-bundled';
import { DIFF_HELP, diff, VERIFY_HELP, verify } from './verify';

export const PACK_COMMANDS = {
  keygen: { run: keygen, help: KEYGEN_HELP },
  delegate: { run: delegate, help: DELEGATE_HELP },
  pack: { run: pack, help: PACK_HELP },
  verify: { run: verify, help: VERIFY_HELP },
  diff: { run: diff, help: DIFF_HELP },
  'sign-bundled': { run: signBundled, help: SIGN_BUNDLED_HELP },
};
export type PackCommand = keyof typeof PACK_COMMANDS;

/**
 * Runs one command and turns its failures into what a person reads: a refusal (exit 1) says what is wrong with the
 * pack or key and what to do; a wrong call (exit 2) says what to change, followed by the command's help.
 */
export async function runPackCommand(command: PackCommand, args: string[], io: CommandIO = processIO): Promise<number> {
  try {
    return await PACK_COMMANDS[command].run(args, io);
  } catch (error) {
    if (error instanceof PackError) {
      io.err(`fieldbook content ${command}: refused (${error.reason}): ${error.message.replace(/^packs: /, '')}`);
      return 1;
    }
    if (error instanceof UsageError) {
      io.err(`fieldbook content ${command}: ${error.message}\n\n${PACK_COMMANDS[command].help}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'EACCES' || code === 'ENOENT') {
      io.err(`fieldbook content ${command}: ${(error as Error).message}; check the path and try again`);
      return 2;
    }
    throw error;
  }
}
