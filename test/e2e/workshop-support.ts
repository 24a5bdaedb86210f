import type { Page } from '@playwright/test';
import type { Input, Method, Result } from '../../electron/api/contract';

/** Calls the app's own API from the page, with the run's token, as the UI does (for setting up a step quickly). */
export async function api<M extends Method>(page: Page, token: string, method: M, input: Input<M>): Promise<Result<M>> {
  const envelope = await page.evaluate(
    async ({ token, method, input }) =>
      (
        await fetch(`/api/invoke/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': token },
          body: JSON.stringify(input),
        })
      ).json(),
    { token, method, input },
  );
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as Result<M>;
}
