/** The languages the bot speaks. Anything else falls back to English. */
export type Locale = 'en' | 'fr';

/** Values interpolated into `{name}` placeholders. */
export type TextParams = Readonly<Record<string, string | number>>;

/** Maps a Teams locale ("fr-FR", "fr-ca", "en-US", undefined) to a supported locale. */
export function toLocale(teamsLocale: string | undefined | null): Locale {
  return teamsLocale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so a missing value is noticed. */
export function interpolate(template: string, params?: TextParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Declares a module's texts. French must define exactly the English keys, which the type checker enforces.
 * @returns a lookup function `(locale, key, params?) => string`.
 */
export function defineTexts<K extends string>(catalog: { en: Record<K, string>; fr: Record<K, string> }) {
  return (locale: Locale, key: K, params?: TextParams): string => interpolate(catalog[locale][key], params);
}
