/** The choices a setting can take; kept free of zod so the UI can import them without the schema library. */
export const INTERFACE_LANGUAGES = ['en', 'es', 'fr', 'ar'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;
export const TEXT_SIZES = ['small', 'normal', 'large', 'larger', 'largest'] as const;
