// The script index against real files and a real SQLite database in a temp folder.

import {
  mkdirSync,
  mkdtempSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openScriptStore, syncScripts, writeHeader } from '../../../src/scripts/index.js'

function site() {
  const root = mkdtempSync(join(tmpdir(), 'bds-scripts-'))
  mkdirSync(join(root, 'scripts'))
  const write = (name: string, text: string) => writeFileSync(join(root, 'scripts', name), text)
  const store = () => openScriptStore(join(root, '.bds'))
  return { root, write, store }
}

const script = (
  id: string,
  slug: string,
  body = 'def render(context, post):\n    return ""\n',
  kind = 'macro',
  updatedAt = '2025-01-01T00:00:00.000Z',
) =>
  writeHeader({
    id,
    slug,
    title: slug,
    kind,
    entrypoint: kind === 'transform' ? 'transform' : 'render',
    enabled: true,
    version: 1,
    createdAt: updatedAt,
    updatedAt,
  }) + body

describe('syncScripts', () => {
  it('adds, keeps unchanged files without reading them, and answers the build queries', () => {
    const s = site()
    s.write('a.py', script('id-a', 'alpha'))
    s.write('b.py', script('id-b', 'beta', 'x = 1\n', 'transform', '2025-03-01T00:00:00.000Z'))
    s.write('c.py', script('id-c', 'gamma', 'x = 2\n', 'transform', '2025-02-01T00:00:00.000Z'))
    s.write('notes.txt', 'not a script')
    const file = join(s.root, 'scripts/a.py')
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    const store = s.store()
    expect(syncScripts(s.root, store)).toMatchObject({
      added: ['scripts/a.py', 'scripts/b.py', 'scripts/c.py'],
      unchanged: 0,
    })
    expect(store.enabledMacro('ALPHA')?.path).toBe('scripts/a.py')
    expect(store.enabledMacro('beta')).toBeUndefined()
    expect(store.transforms().map((r) => r.slug)).toEqual(['gamma', 'beta'])
    expect(store.byId('id-b')?.slug).toBe('beta')
    // An unreadable file with unchanged size and mtime is not read again.
    writeFileSync(file, 'X'.repeat(statSync(file).size))
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    expect(syncScripts(s.root, store)).toMatchObject({ added: [], modified: [], unchanged: 3 })
    store.close()
  })

  it('detects edits, deletions and renames made while bds was not running', () => {
    const s = site()
    s.write('a.py', script('id-a', 'alpha'))
    s.write('b.py', 'def main():\n    pass\n')
    s.write('c.py', script('id-c', 'gamma'))
    let store = s.store()
    syncScripts(s.root, store)
    const headerless = store.bySlug('b')?.id
    store.close()
    s.write('a.py', script('id-a', 'alpha', 'def render(context):\n    return "new"\n'))
    renameSync(join(s.root, 'scripts/b.py'), join(s.root, 'scripts/bee.py'))
    renameSync(join(s.root, 'scripts/c.py'), join(s.root, 'scripts/see.py'))
    s.write('see.py', script('id-c', 'gamma', 'y = 3\n'))
    s.write('d.py', 'x = 4\n')
    store = s.store()
    const result = syncScripts(s.root, store)
    expect(result).toMatchObject({
      added: ['scripts/d.py'],
      modified: ['scripts/a.py'],
      deleted: [],
      renamed: [
        { from: 'scripts/b.py', to: 'scripts/bee.py' },
        { from: 'scripts/c.py', to: 'scripts/see.py' },
      ],
    })
    expect(store.bySlug('bee')?.id).toBe(headerless)
    expect(store.bySlug('gamma')?.id).toBe('id-c')
    unlinkSync(join(s.root, 'scripts/d.py'))
    expect(syncScripts(s.root, store).deleted).toEqual(['scripts/d.py'])
    expect(store.all()).toHaveLength(3)
    store.close()
  })

  it('follows a header id changed in place, and keeps reporting a bad header', () => {
    const s = site()
    s.write('a.py', script('id-a', 'alpha'))
    s.write('bad.py', '"""\n---\nkind: "gadget"\n---\n"""\n')
    const store = s.store()
    expect(syncScripts(s.root, store).warnings.map((w) => w.pos?.file)).toContain('scripts/bad.py')
    s.write('a.py', script('id-new', 'alpha', 'x = 9\n'))
    const again = syncScripts(s.root, store)
    expect(store.bySlug('alpha')?.id).toBe('id-new')
    expect(again.diagnostics.filter((d) => d.pos?.file === 'scripts/bad.py')).toEqual([])
    expect(again.warnings.filter((d) => d.pos?.file === 'scripts/bad.py').length).toBeGreaterThan(0)
    store.close()
  })

  it('gives a second claimant of a slug or id a new one, with a warning', () => {
    const s = site()
    s.write('a.py', script('same-id', 'same'))
    const store = s.store()
    syncScripts(s.root, store)
    s.write('b.py', script('same-id', 'same', 'z = 1\n'))
    const result = syncScripts(s.root, store)
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'BDS_SCRIPT_CONFLICT',
      'BDS_SCRIPT_CONFLICT',
    ])
    expect(store.bySlug('same')?.path).toBe('scripts/a.py')
    expect(store.bySlug('same_2')?.path).toBe('scripts/b.py')
    expect(store.byId('same-id')?.path).toBe('scripts/a.py')
    store.close()
  })

  it('skips files that are not UTF-8 or over 1 MB, and rebuild re-imports everything', () => {
    const s = site()
    s.write('ok.py', 'x = 1\n')
    writeFileSync(join(s.root, 'scripts/latin1.py'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]))
    s.write('huge.py', `# ${'x'.repeat(1024 * 1024)}\n`)
    const store = s.store()
    const result = syncScripts(s.root, store)
    expect(result.added).toEqual(['scripts/ok.py'])
    expect(result.diagnostics.map((d) => [d.code, d.pos?.file])).toEqual([
      ['BDS_SCRIPT_READ', 'scripts/huge.py'],
      ['BDS_SCRIPT_READ', 'scripts/latin1.py'],
    ])
    expect(syncScripts(s.root, store, { rebuild: true }).added).toEqual(['scripts/ok.py'])
    store.close()
  })

  it('learns `cache: false` from the header, also for rows an older index kept', () => {
    const { root, write, store } = site()
    write('clock.py', script('c1', 'clock').replace('enabled: true', 'enabled: true\ncache: false'))
    const first = store()
    syncScripts(root, first)
    expect(first.bySlug('clock')?.cache).toBe(false)
    // An index made before the column existed: its rows claim the default until read again.
    first.close()
    const db = new Database(join(root, '.bds', 'scripts.db'))
    db.exec('ALTER TABLE scripts DROP COLUMN cache; UPDATE scripts SET size = size')
    db.pragma('user_version = 3')
    db.close()
    const again = store()
    syncScripts(root, again)
    expect(again.bySlug('clock')?.cache).toBe(false)
    again.close()
  })

  it('recreates a corrupt, truncated or foreign database and reports it', () => {
    const s = site()
    s.write('a.py', script('id-a', 'alpha'))
    syncScripts(
      s.root,
      (() => {
        const st = s.store()
        return st
      })(),
    )
    for (const garbage of [Buffer.alloc(4096, 0x5a), Buffer.from('SQLite format 3\0')]) {
      for (const f of ['scripts.db-wal', 'scripts.db-shm']) {
        try {
          unlinkSync(join(s.root, '.bds', f))
        } catch {}
      }
      writeFileSync(join(s.root, '.bds/scripts.db'), garbage)
      const store = s.store()
      expect(store.reset?.code).toBe('BDS_CACHE_RESET')
      syncScripts(s.root, store, { rebuild: true })
      expect(store.bySlug('alpha')?.id).toBe('id-a')
      store.close()
    }
  })
})
