import { z } from 'zod';
import { INTERFACE_LANGUAGES, TEXT_SIZES, THEMES } from './options';

export { INTERFACE_LANGUAGES, TEXT_SIZES, THEMES, type InterfaceLanguage } from './options';

/** The person's settings, as stored and as the contract carries them. Every field has a default. */
export const settingsSchema = z.object({
  /** null follows the system language, with English as the fallback. */
  interfaceLanguage: z.enum(INTERFACE_LANGUAGES).nullable().default(null),
  theme: z.enum(THEMES).default('system'),
  textSize: z.enum(TEXT_SIZES).default('normal'),
  /** The person's jurisdiction code; the library then also brings in its parents and `global`. */
  myJurisdiction: z.string().nullable().default(null),
  /** Update checks reach the network, so they happen only when the person turns them on. */
  updateChecks: z.boolean().default(false),
  /** How many days before a review-by date a guide counts as "due soon". */
  dueSoonDays: z.number().int().min(1).max(365).default(30),
});
export type Settings = z.infer<typeof settingsSchema>;
