// The site language as a locale Intl accepts (English when the tag is malformed), a
// deterministic name order in it, and bDS's render strings for the macros (src/locales).

import { type LocaleKey, translate } from '../../locales/index.js'

const collators = new Map<string, Intl.Collator>()

export function safeLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en'
  } catch {
    return 'en'
  }
}

/** Compares names in the site language; names the collator finds equal fall back to code points. */
export function compareNames(a: string, b: string, language: string): number {
  const locale = safeLocale(language)
  let collator = collators.get(locale)
  if (!collator) {
    collator = new Intl.Collator(locale)
    collators.set(locale, collator)
  }
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** bDS's wording for a macro string (empty states, default titles, labels) in `language`. */
export const macroText = (language: string, key: LocaleKey): string => translate(language, key)
