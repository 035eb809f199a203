// The locale files: every key in all five languages, bDS's wording for its render keys
// (rfc1437/bDS src/main/shared/i18n/locales/*.json), fallback to English (issue 12, item 4).

import { describe, expect, it } from 'vitest'
import de from '../../../src/locales/de.json' with { type: 'json' }
import en from '../../../src/locales/en.json' with { type: 'json' }
import es from '../../../src/locales/es.json' with { type: 'json' }
import fr from '../../../src/locales/fr.json' with { type: 'json' }
import { localeOf, renderTranslations, translate } from '../../../src/locales/index.js'
import it_ from '../../../src/locales/it.json' with { type: 'json' }

const catalogs = { en, de, fr, it: it_, es }

describe('the locale files', () => {
  it.each(Object.entries(catalogs))('%s has every key, none empty', (_, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort())
    for (const value of Object.values(catalog)) expect(value.trim()).not.toBe('')
  })

  it("keeps bDS's wording for the render keys", () => {
    expect(translate('en', 'render.gallery.empty')).toBe('No linked images found.')
    expect(translate('de', 'render.photoArchive.empty')).toBe(
      'Keine Fotos für dieses Archiv gefunden.',
    )
    expect(translate('fr', 'render.tagCloud.empty')).toBe('Aucun tag trouvé.')
    expect(translate('it', 'render.video.youtubeTitle')).toBe('Video YouTube')
    expect(translate('es', 'render.month.9')).toBe('septiembre')
    expect(translate('de', 'render.month.4')).toBe('Apr.')
  })
})

describe('translate', () => {
  it('normalises the language as bDS does and falls back to English', () => {
    expect(localeOf('de-AT')).toBe('de')
    expect(localeOf(' FR ')).toBe('fr')
    expect(localeOf('pt')).toBe('en')
    expect(translate('pt-BR', 'theme.tags')).toBe('Tags')
    expect(translate('de', 'no.such.key')).toBe('no.such.key')
  })

  it('fills placeholders', () => {
    expect(translate('de', 'theme.pageOf', { page: 2, pages: 5 })).toBe('Seite 2 von 5')
    expect(translate('en', 'theme.pageOf', { page: 1 })).toBe('Page 1 of {pages}')
  })

  it('gives a macro the flat map of render strings for its language', () => {
    const map = renderTranslations('fr')
    expect(map['render.archive']).toBe('Archives')
    expect(Object.keys(map).every((k) => k.startsWith('render.'))).toBe(true)
    expect(Object.keys(map)).toHaveLength(35)
  })
})
