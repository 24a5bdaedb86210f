/** A clock the core reads instead of `Date.now()`, so review status can be tested and demonstrated. */
export interface Clock {
  now(): Date;
  /** True when the time was set on purpose (FIELDBOOK_NOW); the UI says so visibly. */
  readonly fixed: boolean;
}

export const systemClock: Clock = { now: () => new Date(), fixed: false };

/**
 * Builds the clock from the FIELDBOOK_NOW environment value: empty means the system clock; otherwise a calendar date
 * (YYYY-MM-DD, taken as midnight UTC) or a full ISO timestamp.
 */
export function clockFromEnv(value: string | undefined): Clock {
  if (value === undefined || value.trim() === '') return systemClock;
  const text = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || (iso.length === 20 && at.toISOString().slice(0, 10) !== text)) {
    throw new Error(`FIELDBOOK_NOW: "${value}" is not a date. Use a calendar date such as 2027-06-01, or unset it.`);
  }
  return { now: () => new Date(at), fixed: true };
}
