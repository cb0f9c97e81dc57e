/** The languages in which every data name of the models exists (the product's languages). */
export const MODEL_LOCALES = ['fr', 'en', 'de'] as const;
export type ModelLocale = (typeof MODEL_LOCALES)[number];
