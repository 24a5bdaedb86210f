import { describe, expect, it } from 'vitest';
import { clockFromEnv } from '../../electron/core/clock';

describe('clock from FIELDBOOK_NOW', () => {
  it('uses the system clock when unset', () => {
    const clock = clockFromEnv(undefined);
    expect(clock.fixed).toBe(false);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
  it('takes a calendar date as midnight UTC and says it is fixed', () => {
    const clock = clockFromEnv('2027-06-01');
    expect(clock.fixed).toBe(true);
    expect(clock.now().toISOString()).toBe('2027-06-01T00:00:00.000Z');
  });
  it('refuses a date that does not exist, saying what to write', () => {
    expect(() => clockFromEnv('2027-02-30')).toThrow(/FIELDBOOK_NOW: "2027-02-30" is not a date/);
    expect(() => clockFromEnv('tomorrow')).toThrow(/Use a calendar date/);
  });
});
