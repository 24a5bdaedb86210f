import type { LibraryData } from '../../electron/api/types';
import { client } from './client';

/**
 * The library, asked for once while several parts of the page ask at the same moment (at start-up the navigation's
 * problems link and the library itself both do): at ten thousand guides each answer is megabytes, and two of them
 * doubled the wait for the first screen. Only a request still on its way for the same content revision is shared;
 * asking after it arrived asks again, so review statuses are always as of now.
 */
let pending: { revision: number; answer: Promise<LibraryData> } | null = null;

export function libraryList(revision: number): Promise<LibraryData> {
  if (pending?.revision === revision) return pending.answer;
  const asked = { revision, answer: client.invoke('library.list') };
  pending = asked;
  const settle = () => {
    if (pending === asked) pending = null;
  };
  asked.answer.then(settle, settle);
  return asked.answer;
}
