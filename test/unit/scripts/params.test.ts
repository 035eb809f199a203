// A header's `params:` list (issue 17): one parameter per line with a type, a default and a
// description, read without Python; lines it cannot read are warnings at their line; the
// index stores the list, and an index made before it existed is migrated and re-read.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  memoryScriptFiles,
  openScriptStore,
  readMeta,
  syncScripts,
} from '../../../src/scripts/index.js'
import { createMemoryFs } from '../../../src/util/memory-fs.js'
import { tempDir } from '../../helpers/site.js'

const header = (...params: string[]) =>
  `"""\n---\nslug: "grid"\nkind: "macro"\nparams:\n${params.join('\n')}\ntitle: "Grid"\n---\nA grid of things.\n\nMore text.\n"""\n\ndef render(context, post):\n    return ""\n`

describe('the params: list of a header', () => {
  it('reads name, type, default and description, line by line', () => {
    const { meta, diagnostics } = readMeta(
      header(
        '  - columns: int = 3   # how many columns',
        '  - caption: str = "a # b"  # text under it',
        '  - ratio: float = 1.5',
        '  - wide: bool = false',
        '  - note',
        '  - when: any = None',
      ),
      'scripts/grid.py',
    )
    expect(diagnostics).toEqual([])
    expect(meta.title).toBe('Grid')
    expect(meta.doc).toBe('A grid of things.\n\nMore text.')
    expect(meta.params).toEqual([
      { name: 'columns', type: 'int', default: 3, description: 'how many columns' },
      { name: 'caption', type: 'str', default: 'a # b', description: 'text under it' },
      { name: 'ratio', type: 'float', default: 1.5 },
      { name: 'wide', type: 'bool', default: false },
      { name: 'note', type: 'any' },
      { name: 'when', type: 'any' },
    ])
  })

  it('warns at the line of a param it cannot read, and keeps the others', () => {
    const { meta, diagnostics } = readMeta(
      header('  - columns: integer = 3', '  - ok: str', '  - 9lives', '  - n: int = "x"'),
      'scripts/grid.py',
    )
    expect(meta.params).toEqual([{ name: 'ok', type: 'str' }])
    expect(diagnostics.map((d) => [d.code, d.pos?.line, d.message])).toEqual([
      [
        'BDS_SCRIPT_HEADER',
        6,
        'The header of scripts/grid.py gives "columns" the unknown type "integer" (str, int, float, bool or any).',
      ],
      [
        'BDS_SCRIPT_HEADER',
        8,
        'The header of scripts/grid.py has a params line it cannot read: "- 9lives".',
      ],
      [
        'BDS_SCRIPT_HEADER',
        9,
        'The header of scripts/grid.py gives "n" a default that is not int: "x".',
      ],
    ])
  })

  it('is absent from a header without params:, and the other keys still read', () => {
    const { meta } = readMeta('"""\n---\nslug: "x"\nkind: "macro"\n---\n"""\n', 'scripts/x.py')
    expect(meta.params).toBeUndefined()
    expect(meta.kind).toBe('macro')
  })
})

describe('the index', () => {
  it('stores the params, the doc and a check signature', () => {
    const root = '/site'
    const files = memoryScriptFiles(
      createMemoryFs({ [join(root, 'scripts/grid.py')]: header('  - columns: int = 3') }),
    )
    const store = openScriptStore('', ':memory:')
    syncScripts(root, store, { files })
    const [row] = store.all()
    expect(row?.params).toEqual([{ name: 'columns', type: 'int', default: 3 }])
    expect(row?.doc).toBe('A grid of things.\n\nMore text.')
    expect(row?.signature).toBeNull()
    const signature = { params: [{ name: 'x', type: 'str' as const }], open: false, line: 12 }
    store.recordCheck(row?.id ?? '', row?.hash ?? '', 'ok', ['render'], signature)
    expect(store.all()[0]?.signature).toEqual(signature)
    // A check of an older version of the file is not stored.
    store.recordCheck(row?.id ?? '', 'other', 'ok', ['render'], { ...signature, line: 1 })
    expect(store.all()[0]?.signature?.line).toBe(12)
  })

  it('migrates an index made before params existed, and reads every file again', () => {
    const root = tempDir()
    mkdirSync(join(root, 'scripts'))
    writeFileSync(join(root, 'scripts/grid.py'), header('  - columns: int = 3'))
    const cache = join(root, '.bds')
    syncScripts(root, openScriptStore(cache), {})
    // Back to schema version 2: the columns of versions 3 and 4 gone, as an older bds left it.
    const db = new Database(join(cache, 'scripts.db'))
    for (const column of ['params', 'doc', 'signature', 'cache'])
      db.exec(`ALTER TABLE scripts DROP COLUMN ${column}`)
    db.pragma('user_version = 2')
    db.close()
    const store = openScriptStore(cache)
    expect(store.reset).toBeUndefined()
    const result = syncScripts(root, store, {})
    expect(result.unchanged).toBe(1)
    expect(store.all()[0]?.params).toEqual([{ name: 'columns', type: 'int', default: 3 }])
    store.close()
  })
})
