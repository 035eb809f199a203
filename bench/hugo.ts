// Hugo as a benchmark peer: installs Debian's `hugo` when missing, writes a Hugo site with the
// corpus posts, and builds it cold (fresh output and cache folder every run). Two sites:
// `hugo` renders the post pages alone; `hugo+lists` also renders what bds renders besides
// them — the home page, tag and category lists paginated by 10 as bds's, the lists of
// terms, RSS feeds and the sitemap (Hugo has no date archives; bds also writes those).
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BDS_CONFIG, type Post, writePosts } from './corpus.js'
import { run } from './proc.js'
import type { Availability } from './types.js'

const CONFIG = `baseURL = "${BDS_CONFIG.url}/"
title = "${BDS_CONFIG.title}"
timeZone = "UTC"
buildFuture = true
enableRobotsTXT = false
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
`

const LISTS_CONFIG = `baseURL = "${BDS_CONFIG.url}/"
title = "${BDS_CONFIG.title}"
timeZone = "UTC"
buildFuture = true
enableRobotsTXT = false
paginate = ${BDS_CONFIG.postsPerPage}
disableKinds = ["robotsTXT", "404"]
[taxonomies]
tag = "tags"
category = "categories"
`

const LIST = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2006-01-02" }}</time>
{{ .Summary }}
</article>
{{ end }}
{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">Newer</a>{{ end }}
{{ if .HasNext }}<a href="{{ .Next.URL }}">Older</a>{{ end }}{{ end }}
</body>
</html>
`

const TERMS = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
</body>
</html>
`

const SINGLE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
{{- .Date.Format "2006-01-02" -}}
</time>
{{ .Content }}
</body>
</html>
`

const tail = (text: string): string => text.split('\n').slice(-3).join(' ').slice(0, 300)

async function install(): Promise<string | null> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const apt = (args: string[]) => run('apt-get', args, { env })
  console.error('hugo is not on PATH: trying apt-get install -y hugo')
  let result = await apt(['install', '-y', '-q', 'hugo'])
  if (result.code !== 0) {
    console.error('apt-get install failed: running apt-get update, then trying again')
    await apt(['update', '-q'])
    result = await apt(['install', '-y', '-q', 'hugo'])
  }
  return result.code === 0 ? null : `apt-get install hugo failed: ${tail(result.output)}`
}

/** Hugo (both sites) if it is installed or installable, otherwise the reason it is skipped. */
export async function hugoPeers(): Promise<Availability[]> {
  let version = await run('hugo', ['version'])
  if (version.code !== 0) {
    const failure = await install()
    if (failure) return [{ skipped: failure }]
    version = await run('hugo', ['version'])
    if (version.code !== 0) return [{ skipped: `hugo does not run: ${tail(version.output)}` }]
  }
  const help = (await run('hugo', ['help'])).output
  const extra = help.includes('--ignoreCache') ? ['--ignoreCache'] : []
  const withCacheDir = help.includes('--cacheDir')
  const semver = /v(\d+\.\d+\.\d+)/.exec(version.output)?.[1] ?? version.output.slice(0, 40)
  const peer = (name: string, lists: boolean) => ({
    peer: {
      name,
      version: semver,
      async prepare(dir: string, posts: readonly Post[]): Promise<void> {
        const layouts = join(dir, 'layouts', '_default')
        await mkdir(layouts, { recursive: true })
        await writeFile(join(dir, 'hugo.toml'), lists ? LISTS_CONFIG : CONFIG)
        await writeFile(join(layouts, 'single.html'), SINGLE)
        if (lists) {
          await writeFile(join(layouts, 'list.html'), LIST)
          await writeFile(join(layouts, 'terms.html'), TERMS)
        }
        await writePosts(join(dir, 'content', 'posts'), posts)
      },
      command: (dir: string, out: string, scratch: string) => ({
        cmd: 'hugo',
        args: [
          '--quiet',
          '-s',
          dir,
          '-d',
          out,
          ...extra,
          ...(withCacheDir ? ['--cacheDir', scratch] : []),
        ],
      }),
    },
  })
  return [peer('hugo', false), peer('hugo+lists', true)]
}
