// The site language as a locale Intl accepts (English when the tag is malformed), and a
// deterministic name order in it.

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
