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

type WithoutDefaults<Shape extends Record<string, z.ZodDefault<z.ZodType>>> = {
  [K in keyof Shape]: z.ZodOptional<ReturnType<Shape[K]['unwrap']>>;
};

/**
 * What `settings.update` accepts: any of the settings, each optional and with no default. Derived from the one schema
 * above, without its defaults: `.partial()` would keep them, so a change of one setting would reset every other.
 */
export const settingsChangeSchema = z.strictObject(
  Object.fromEntries(Object.entries(settingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as WithoutDefaults<
    typeof settingsSchema.shape
  >,
);
export type SettingsChange = z.infer<typeof settingsChangeSchema>;
