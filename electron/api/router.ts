import type { z } from 'zod';
import { contract, type Handlers, type Method } from './contract';
import { FieldbookError, type Envelope } from './errors';

export interface Router {
  /** Validates `input` against the method's schema, runs its handler, and answers an envelope; never throws. */
  dispatch(method: string, input: unknown): Promise<Envelope<unknown>>;
}

function describeIssue(method: string, issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(input)';
  if (issue.code === 'unrecognized_keys') return `${method}: unknown field(s) ${issue.keys.join(', ')}; remove them`;
  return `${method}: ${field} ${issue.message.replace(/^Invalid input: /, '').replace(/^./, (c) => c.toLowerCase())}`;
}

function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

/** Binds the contract to the core's handlers; both transports call this one router. */
export function createRouter(handlers: Handlers, log: (message: string) => void = console.error): Router {
  return {
    async dispatch(method, input) {
      if (typeof method !== 'string' || !isMethod(method)) {
        return {
          ok: false,
          error: { code: 'unknown-method', message: `There is no method "${String(method)}". Methods: ${Object.keys(contract).join(', ')}.` },
        };
      }
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        return { ok: false, error: { code: 'bad-input', message: parsed.error.issues.map((issue) => describeIssue(method, issue)).join('; ') } };
      }
      try {
        const handler = handlers[method] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof FieldbookError) return { ok: false, error: { code: error.code, message: error.message } };
        log(`${method} failed: ${(error as Error)?.stack ?? String(error)}`);
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `${method} failed unexpectedly: ${(error as Error)?.message ?? String(error)}. Try again; if it keeps failing, restart Fieldbook.`,
          },
        };
      }
    },
  };
}
