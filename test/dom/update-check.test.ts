// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateCheck } from '../../electron/api/types';

// The transport is replaced at its edge: the component asks `updates.check` and shows what comes back.
const answer = vi.hoisted(() => ({ next: null as unknown }));
vi.mock('../../renderer/lib/client', () => ({
  client: {
    invoke: async (method: string) => {
      expect(method).toBe('updates.check');
      if (answer.next instanceof Error) throw answer.next;
      return answer.next;
    },
  },
}));

const { initI18n } = await import('../../renderer/lib/i18n');
const { UpdateCheckNow } = await import('../../renderer/features/settings/UpdateCheck');
const i18n = await initI18n('en');
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const outcomes: [UpdateCheck | Error, string, string][] = [
  [{ status: 'up-to-date', latest: '0.1.0', message: '' }, 'up-to-date', 'Fieldbook is up to date (the newest version is 0.1.0).'],
  [{ status: 'available', latest: '0.2.0', message: '' }, 'available', 'Fieldbook 0.2.0 is available.'],
  [{ status: 'not-run', reason: 'not-updatable', message: '' }, 'not-updatable', 'No check was made'],
  [{ status: 'not-run', reason: 'turned-off', message: '' }, 'turned-off', 'Update checks are off.'],
  [{ status: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' }, 'error', 'The check did not complete (net::ERR_INTERNET_DISCONNECTED).'],
  [new Error('Fieldbook is not answering'), 'error', 'The check did not complete (Fieldbook is not answering).'],
];

let container: HTMLElement | null = null;
afterEach(() => container?.remove());

async function pressCheckNow(lang: string): Promise<HTMLElement> {
  await i18n.changeLanguage(lang);
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(UpdateCheckNow)));
  await act(async () => container!.querySelector('button')!.click());
  return container.querySelector('[data-update-status]')!;
}

describe('update check in the settings', () => {
  it.each(outcomes)('shows %j as what it is', async (outcome, attribute, text) => {
    answer.next = outcome;
    const status = await pressCheckNow('en');
    expect(status.dataset.updateStatus).toBe(attribute);
    expect(status.textContent).toContain(text);
    if (attribute !== 'up-to-date') expect(status.textContent).not.toMatch(/up to date/);
  });

  it('says every outcome in every interface language, never as a bare key', async () => {
    for (const lang of ['es', 'fr', 'ar']) {
      for (const [outcome] of outcomes) {
        answer.next = outcome;
        const status = await pressCheckNow(lang);
        expect(status.textContent, `${lang} ${JSON.stringify(outcome)}`).not.toMatch(/settings\.|updateStatus|^$/);
        const values = outcome instanceof Error ? { message: outcome.message } : outcome;
        const english = i18n.getFixedT('en')(`settings.updateStatus.${status.dataset.updateStatus}`, values);
        expect(status.textContent, lang).not.toBe(english);
        container?.remove();
      }
    }
  });
});
