import { z } from 'zod';
import { REPORT_LIMITS, reportFields } from '../../api/reports';

/**
 * The person's reports in the store (user-data.ts). A store field like any other, so it is personal: sealed under
 * the lock, left out of nothing, removed by wipe (safety/personal-section.ts).
 */
export const storedReportSchema = z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/), ...reportFields });
export type StoredReport = z.infer<typeof storedReportSchema>;

export const reportsStoreShape = {
  /** Personal: readers' reports on passages of guides, newest first (electron/core/reports). */
  reports: z.array(storedReportSchema).max(REPORT_LIMITS.kept).default([]),
};
