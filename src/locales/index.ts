export {
  LOCALES,
  type Locale,
  type LocaleKey,
  localeOf,
  renderTranslations,
  translate,
} from './translate.js'
