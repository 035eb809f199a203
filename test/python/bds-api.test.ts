// bds_api in real Pyodide (loaded directly, not through the harness): every method bDS's
// generatePythonApiModuleV1.ts generates from pythonApiContractV1.ts 1.15.0, with the same
// name, arguments and `async`; reads answer from site data; writes, sync and publish refuse.

import { readFileSync } from 'node:fs'
import { loadPyodide, type PyodideInterface } from 'pyodide'
import { beforeAll, describe, expect, it } from 'vitest'

const source = readFileSync(new URL('../../src/python/py/bds_api.py', import.meta.url), 'utf8')

/** bDS's contract 1.15.0 as the generator turns it into Python: snake_case, optional = None. */
const contract = `
projects.create(data) projects.update(id, data) projects.delete(id) projects.delete_with_data(id)
projects.get(id) projects.get_all() projects.get_active() projects.set_active(id)
posts.create(data) posts.update(id, data) posts.delete(id) posts.get(post_id) posts.get_by_slug(slug)
posts.get_preview_url(id, options=None) posts.get_all(options=None) posts.get_by_status(status)
posts.publish(id) posts.publish_translation(post_id, language) posts.discard(id)
posts.has_published_version(id) posts.rebuild_from_files() posts.reindex_text() posts.search(query)
posts.filter(filter) posts.get_tags() posts.get_categories() posts.get_by_year_month()
posts.get_dashboard_stats() posts.get_tags_with_counts() posts.get_categories_with_counts()
posts.get_links_to(id) posts.get_linked_by(id) posts.rebuild_links()
posts.is_slug_available(slug, exclude_post_id=None) posts.generate_unique_slug(title, exclude_post_id=None)
media.import_(source_path, metadata=None) media.update(id, data) media.replace_file(id, new_source_path)
media.delete(id) media.get(id) media.get_url(id) media.get_file_path(id) media.get_all()
media.rebuild_from_files() media.reindex_text() media.get_thumbnail(id, size=None)
media.regenerate_thumbnails(id) media.regenerate_missing_thumbnails() media.filter(filter)
media.search(query) media.get_by_year_month() media.get_tags() media.get_tags_with_counts()
scripts.create(data) scripts.update(id, data) scripts.delete(id) scripts.get(id) scripts.get_all()
scripts.rebuild_from_files()
templates.create(data) templates.update(id, data) templates.delete(id, options=None) templates.get(id)
templates.get_all() templates.get_enabled_by_kind(kind) templates.validate(content)
templates.rebuild_from_files()
tasks.get_all() tasks.get_running() tasks.cancel(task_id) tasks.clear_completed()
app.get_data_paths() app.get_system_language() app.get_title_bar_metrics() app.open_folder(folder_path)
app.show_item_in_folder(item_path) app.select_folder(title=None) app.get_default_project_path(project_id)
app.read_project_metadata(folder_path) app.get_blogmark_bookmarklet() app.copy_to_clipboard(text)
app.notify_renderer_ready() app.set_preview_post_target(post_id) app.trigger_menu_action(action)
meta.get_tags() meta.get_categories() meta.add_tag(tag) meta.remove_tag(tag) meta.add_category(category)
meta.remove_category(category) meta.sync_on_startup() meta.get_project_metadata()
meta.set_project_metadata(metadata) meta.update_project_metadata(updates)
meta.get_publishing_preferences() meta.set_publishing_preferences(prefs) meta.clear_publishing_preferences()
tags.get_all() tags.get_with_counts() tags.get(id) tags.get_by_name(name) tags.create(data)
tags.update(id, data) tags.delete(id) tags.merge(source_tag_ids, target_tag_id) tags.rename(id, new_name)
tags.get_posts_with_tag(tag_id) tags.sync_from_posts()
chat.analyze_media_image(media_id, language=None) chat.detect_post_language(title, content)
chat.analyze_post(post_id, language=None) chat.translate_post(post_id, target_language)
sync.check_availability() sync.get_repo_state() sync.get_status() sync.get_history(limit=None)
sync.get_remote_state() sync.fetch() sync.pull() sync.push() sync.commit_all(message)
publish.upload_site(credentials)
embeddings.find_similar(post_id, k=None) embeddings.compute_similarities(source_post_id, target_post_ids)
embeddings.get_progress() embeddings.suggest_tags(post_id, exclude_tags) embeddings.find_duplicates(threshold=None)
embeddings.dismiss_pair(post_id_a, post_id_b) embeddings.index_unindexed_posts()
`
  .split(/(?<=\))\s+/)
  .map((s) => s.trim())
  .filter(Boolean)

const site = {
  project: {
    id: 'p1',
    name: 'Demo',
    description: 'D',
    publicUrl: 'https://d.example',
    mainLanguage: 'de',
  },
  posts: [
    {
      id: 'a',
      slug: 'hallo-welt',
      title: 'Hallo Welt',
      content: 'Über Technik und Reisen',
      status: 'published',
      createdAt: '2025-03-02T09:00:00.000Z',
      tags: ['Technik', 'Reisen'],
      categories: ['article'],
      url: '/2025/03/02/hallo-welt/',
    },
    {
      id: 'b',
      slug: 'meer',
      title: 'Meer',
      content: 'Strand',
      status: 'published',
      createdAt: '2025-05-03T08:15:00.000Z',
      tags: ['Reisen'],
      categories: ['picture'],
    },
  ],
  media: [
    {
      id: 'm1',
      originalName: 'IMG.png',
      createdAt: '2025-05-03T09:12:00.000Z',
      path: 'media/2025/05/m1.png',
      tags: [],
    },
  ],
  tags: [{ id: 't1', name: 'Reisen', color: '#0a0' }],
  categories: ['article', 'picture'],
}

let py: PyodideInterface

/** Runs `code` (an async body using `bds`) and returns what it returns, as JSON. */
async function run(code: string): Promise<unknown> {
  const body = code
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')
  const text = await py.runPythonAsync(
    `import json\nfrom bds_api import bds\nasync def _t():\n${body}\njson.dumps(await _t())`,
  )
  return JSON.parse(text as string)
}

beforeAll(async () => {
  py = await loadPyodide()
  py.globals.set('_source', source)
  py.runPython(`
import sys, types, json
_m = types.ModuleType("bds_api")
exec(compile(_source, "bds_api.py", "exec"), _m.__dict__)
sys.modules["bds_api"] = _m
`)
  py.globals.set('_site_json', JSON.stringify(site))
  py.runPython('sys.modules["bds_api"].install(_site_json)')
})

describe('bds_api in Pyodide', () => {
  it('has every method of bDS contract 1.15.0 with its arguments, all async', async () => {
    const actual = (await run(`
import inspect
out = []
for ns in sorted(vars(bds)):
    api = getattr(bds, ns)
    for name, fn in inspect.getmembers(type(api), inspect.isfunction):
        if name.startswith('_'): continue
        assert inspect.iscoroutinefunction(fn), name
        params = list(inspect.signature(fn).parameters.values())[1:]
        text = ', '.join(p.name + ('=None' if p.default is None else '') for p in params)
        out.append(f'{ns}.{name}({text})')
return out`)) as string[]
    expect([...actual].sort()).toEqual([...contract].sort())
  })

  it('answers the reads a bDS macro makes', async () => {
    expect(
      await run(`
return {
  'all': (await bds.posts.get_all())['total'],
  'page': [p['id'] for p in (await bds.posts.get_all({'limit': 1}))['items']],
  'slug': (await bds.posts.get_by_slug('meer'))['title'],
  'get': await bds.posts.get(post_id='nope'),
  'counts': await bds.posts.get_tags_with_counts(),
  'search': [p['slug'] for p in await bds.posts.search('technik')],
  'filter': [p['id'] for p in await bds.posts.filter({'tags': ['Reisen'], 'year': 2025, 'month': 4})],
  'url': await bds.posts.get_preview_url('a'),
  'media': await bds.media.get_url('m1'),
  'months': await bds.media.get_by_year_month(),
  'meta': await bds.app.read_project_metadata('/anywhere'),
  'tags': await bds.tags.get_with_counts(),
  'slug2': await bds.posts.generate_unique_slug('Meer'),
}`),
    ).toEqual({
      all: 2,
      page: ['b'],
      slug: 'Meer',
      get: null,
      counts: [
        { tag: 'Reisen', count: 2 },
        { tag: 'Technik', count: 1 },
      ],
      search: ['hallo-welt'],
      filter: ['b'],
      url: '/2025/03/02/hallo-welt/',
      media: 'media/2025/05/m1.png',
      months: [{ year: 2025, month: 4, count: 1 }],
      meta: { name: 'Demo', description: 'D', publicUrl: 'https://d.example', mainLanguage: 'de' },
      tags: [{ id: 't1', name: 'Reisen', color: '#0a0', count: 2 }],
      slug2: 'meer-2',
    })
  })

  it('hands out copies: a script cannot change the site data', async () => {
    expect(
      await run(`
p = await bds.posts.get('a')
p['title'] = 'changed'
(await bds.posts.get_all())['items'][0]['tags'].append('x')
return [(await bds.posts.get('a'))['title'], (await bds.posts.get('b'))['tags']]`),
    ).toEqual(['Hallo Welt', ['Reisen']])
  })

  it('refuses writes, sync and publish with a clear error', async () => {
    const errors = (await run(`
from bds_api import BdsApiError
out = []
for call in (bds.posts.update('a', {}), bds.sync.push(), bds.publish.upload_site({}),
             bds.media.import_('/x'), bds.posts.get_linked_by('a')):
    try:
        await call
        out.append(None)
    except BdsApiError as e:
        out.append(str(e))
return out`)) as string[]
    expect(errors.slice(0, 4)).toEqual(
      ['posts.update', 'sync.push', 'publish.uploadSite', 'media.import'].map(
        (m) =>
          `bds_api: ${m} is not available: bds scripts cannot change the project or reach the network; only the read methods work in bds.`,
      ),
    )
    expect(errors[4]).toBe(
      "bds_api: posts.getLinkedBy is not available in bds (bDS's link database).",
    )
  })
})
