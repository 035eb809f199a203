// translate(language, key): bDS's render strings (rfc1437/bDS src/main/shared/i18n/locales/
// *.json `render.*`, newer keys from bDS2 lib/bds/rendering/i18n.ex) and the bundled theme's
// `theme.*` strings, in en, de, fr, it and es; unknown languages and keys fall back to English.

import de from './de.json' with { type: 'json' }
import en from './en.json' with { type: 'json' }
import es from './es.json' with { type: 'json' }
import fr from './fr.json' with { type: 'json' }
import it from './it.json' with { type: 'json' }

export type LocaleKey = keyof typeof en
export const LOCALES = ['en', 'de', 'fr', 'it', 'es'] as const
export type Locale = (typeof LOCALES)[number]

const catalogs: Record<Locale, Partial<Record<LocaleKey, string>>> = { en, de, fr, it, es }

/** bDS's language normalisation: lower-cased, region dropped (`de-AT` → `de`), else `en`. */
export function localeOf(language: string): Locale {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en'
}

/** The string for `key` in `language`; `{name}` placeholders are filled from `vars`. */
export function translate(
  language: string,
  key: LocaleKey | string,
  vars: Record<string, string | number> = {},
): string {
  const k = key as LocaleKey
  const text = catalogs[localeOf(language)][k] ?? en[k] ?? key
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  )
}

/** The flat map of every `render.*` string for a language: a Python macro's env.translations. */
export function renderTranslations(language: string): Record<string, string> {
  const keys = (Object.keys(en) as LocaleKey[]).filter((k) => k.startsWith('render.'))
  return Object.fromEntries(keys.map((k) => [k, translate(language, k)]))
}
