// The catalogue of bds error codes: a title and a default hint per code. Codes never change
// once released; messages say what went wrong, hints say what to do.

export const codes = {
  BDS_USAGE: { title: 'Invalid command line', hint: 'Run `bds --help` for the usage.' },
  BDS_SITE_NOT_FOUND: {
    title: 'Site folder not found',
    hint: 'Pass the site folder as an argument or with -C DIR, or create one with `bds init`.',
  },
  BDS_CONFIG_PARSE: {
    title: 'Config file is not valid JSON',
    hint: 'Fix the JSON syntax at the position shown.',
  },
  BDS_CONFIG_INVALID: {
    title: 'Config value is invalid',
    hint: 'See the configuration table in README.md for the allowed keys and values.',
  },
  BDS_CONFIG_NO_URL: {
    title: 'Site URL is not set',
    hint: 'Set "url" in bds.config.json (e.g. "https://example.com") so feeds and the sitemap get absolute links.',
  },
  BDS_OUTPUT_UNSAFE: {
    title: 'Output folder is not safe to write',
    hint: 'Choose an output folder inside or beside the site that holds no sources, e.g. `--out dist`.',
  },
  BDS_FRONTMATTER_YAML: {
    title: 'Front matter is not valid YAML',
    hint: 'Fix the YAML between the `---` lines at the position shown.',
  },
  BDS_FRONTMATTER_UNCLOSED: {
    title: 'Front matter is not closed',
    hint: 'End the front matter with a line holding only `---`.',
  },
  BDS_FRONTMATTER_INVALID: {
    title: 'Front matter value is invalid',
    hint: 'See the front matter table in README.md for the accepted keys and values.',
  },
  BDS_CONTENT_READ: {
    title: 'Content file cannot be read',
    hint: 'Make sure the file is readable UTF-8 text.',
  },
  BDS_ROUTE_CONFLICT: {
    title: 'Two sources claim the same output path',
    hint: 'Give one of them another slug (front matter `slug:`) or date.',
  },
  BDS_TEMPLATE_PARSE: {
    title: 'Template has a syntax error',
    hint: 'Fix the Liquid syntax at the position shown.',
  },
  BDS_TEMPLATE_RENDER: {
    title: 'Template failed to render',
    hint: 'Check the variables and filters used at the position shown.',
  },
  BDS_TEMPLATE_MISSING: {
    title: 'Template not found',
    hint: 'Create the template in the site’s templates/ folder or fix the name in front matter.',
  },
  BDS_OUTPUT_WRITE: {
    title: 'Output file cannot be written',
    hint: 'Check permissions and free space in the output folder.',
  },
  BDS_INIT_NOT_EMPTY: {
    title: 'Folder is not empty',
    hint: 'Run `bds init` in an empty or new folder, or pass --force to add missing files only.',
  },
  BDS_NEW_EXISTS: {
    title: 'File already exists',
    hint: 'Pick another title or pass --slug to choose the file name.',
  },
  BDS_MACRO_SYNTAX: {
    title: 'Macro token is malformed',
    hint: 'Close the token with ]] and every quote with the same quote; write \\[[ for a literal [[.',
  },
  BDS_MACRO_UNKNOWN: {
    title: 'Unknown macro',
    hint: 'Check the name (`bds macros list` shows every macro), or create scripts/NAME.py with `kind: macro` (Python macros).',
  },
  BDS_MACRO_PARAMS: {
    title: 'Macro parameter is missing or invalid',
    hint: '`bds macros show NAME` lists the parameters a macro takes, with their types and defaults.',
  },
  BDS_MACRO_FAILED: {
    title: 'Macro failed',
    hint: 'The macro rendered as an empty string; fix the cause shown and build again.',
  },
  BDS_MACRO_TIMEOUT: {
    title: 'Python macro timed out',
    hint: 'The call was stopped after python.timeoutMs (bds.config.json) and rendered as an empty string; look for an endless loop, or raise the limit.',
  },
  BDS_MACRO_RESULT: {
    title: 'Python macro returned an invalid result',
    hint: 'Return a str, or a dict {"html": str, "data"?: dict, "warnings"?: [str]} (README: Python macros).',
  },
  BDS_MACRO_WARNING: {
    title: 'Python macro reported a warning',
    hint: 'The macro returned this in "warnings"; see the macro script for what it means.',
  },
  BDS_SCRIPT_SYNTAX: {
    title: 'Script has a syntax error',
    hint: 'Fix the line shown; `bds scripts check SLUG` checks a script without running it.',
  },
  BDS_SCRIPT_ENTRYPOINT: {
    title: 'Script has no entrypoint function',
    hint: 'Define the function named by `entrypoint:` in the header (default: render for macros, main for utilities, transform for transforms).',
  },
  BDS_SCRIPT_FAILED: {
    title: 'Script failed',
    hint: 'Fix the error shown in the traceback and run the script again.',
  },
  BDS_PYTHON_START: {
    title: 'The Python runtime did not start',
    hint: 'Reinstall bds (`npm ci`) so the pyodide package is complete; Python macros rendered as empty strings.',
  },
  BDS_SCRIPT_HEADER: {
    title: 'Script header value is missing or invalid',
    hint: 'Fix the header between the --- lines at the top of the script, or run `bds scripts show SLUG` to see what is used.',
  },
  BDS_SCRIPT_READ: {
    title: 'Script cannot be read',
    hint: 'Scripts must be UTF-8 text of at most 1 MB.',
  },
  BDS_SCRIPT_CONFLICT: {
    title: 'Two scripts claim the same slug or id',
    hint: 'Give one of them another slug (or id) in its header; the second was given a new one.',
  },
  BDS_SCRIPT_NOT_FOUND: {
    title: 'No such script',
    hint: 'Run `bds scripts list` to see the scripts of this site.',
  },
  BDS_INGEST_INPUT: {
    title: 'Bookmark is not valid',
    hint: 'A bookmark is one JSON object: {"url": "https://…", "title": "…", "text": "…", "tags": ["…"]}.',
  },
  BDS_INGEST_URL: {
    title: 'Bookmark URL is not allowed',
    hint: 'Give the full http:// or https:// address of the page, as the browser shows it.',
  },
  BDS_INGEST_TRANSFORM: {
    title: 'Transform skipped',
    hint: 'Fix the script shown; the post was made with the other transforms. `bds ingest --dry-run` tries again without writing.',
  },
  BDS_INGEST_RUNTIME: {
    title: 'Python runtime could not start',
    hint: 'Run with --no-transforms to write the bookmark without its transforms, or disable them with `bds scripts disable SLUG`.',
  },
  BDS_INGEST_WRITE: {
    title: 'Post file cannot be written',
    hint: 'Check permissions and free space in the posts/ folder.',
  },
  BDS_CACHE_RESET: {
    title: 'Build cache was reset',
    hint: 'Nothing to do: the cache under .bds/ is rebuilt from your files.',
  },
  BDS_OUTPUT_FOREIGN: {
    title: 'Output folder is not bds’s',
    hint: 'Choose an empty folder (or one inside the site) with --out, or pass --force-output if bds may replace what is there.',
  },
  BDS_OUTPUT_NOT_OURS: {
    title: 'Output file was not written by bds',
    hint: 'Move the file away (bds then writes its own), or pass --force-output to let bds replace it.',
  },
  BDS_OUTPUT_KEPT: {
    title: 'Changed output file left in place',
    hint: 'bds wrote this file earlier but it was edited since; delete it by hand if it is no longer wanted.',
  },
  BDS_WATCH_LISTEN: {
    title: 'Cannot serve the site',
    hint: 'Pass another --port, or stop the program that uses it; --host must be an address of this machine.',
  },
  BDS_WATCH_FAILED: {
    title: 'The file watcher failed',
    hint: 'Changes may be missed: restart `bds watch`. On Linux, raise fs.inotify.max_user_watches if the site is large.',
  },
  BDS_MEDIA_SIDECAR: {
    title: 'Media sidecar is incomplete',
    hint: 'bDS writes id, originalName and mimeType into every media .meta file; add the missing line, or re-import the file in bDS.',
  },
  BDS_TRANSLATION_INVALID: {
    title: 'Translation file is not valid',
    hint: 'A translation file (slug.LANG.md) needs translationFor (the id of its post), language and title, and a language other than its post’s.',
  },
  BDS_LINK_UNRESOLVED: {
    title: 'Link to a post or media file that does not exist',
    hint: 'The old-style link (/post/slug, /posts/slug, /YYYY/M/D/slug, /media/YYYY/MM/name) names no published post or media file; fix the link or publish its target.',
  },
  BDS_BUILD_FAILED: {
    title: 'Build failed',
    hint: 'Fix the errors listed above and build again.',
  },
  BDS_SERVE_NOT_BUILT: {
    title: 'Nothing to serve',
    hint: 'Build the site first (`bds build DIR`), or run `bds watch DIR` to build, serve and rebuild on every save.',
  },
  BDS_INTERNAL: {
    title: 'Internal error',
    hint: 'This is a bug in bds; please report it with the stack trace.',
  },
  BDS_PYTHON_WIRE_VERSION: {
    title: 'The Python runtime comes from another build of bds',
    hint: 'Rebuild bds (`npm run build` in a checkout) or reinstall it, so that bds, its sandbox child and its Python workers come from one build.',
  },
  BDS_PYTHON_WIRE_REPLY: {
    title: 'The Python sandbox sent an invalid reply',
    hint: 'bds refused the reply and went on without it. A script cannot cause this while the sandbox holds; if it repeats, report it as a bds bug with this message.',
  },
  BDS_SOURCE_OUTSIDE: {
    title: 'Source is a link out of the site',
    hint: 'Move the file into the site folder, or list the folder it lives in under "allowOutside" in bds.config.json if it is meant to be published (README: Threat model).',
  },
  BDS_SOURCE_LINK: {
    title: 'Source link cannot be followed',
    hint: 'Point the link at an existing file or folder that is not already read (a link back into its own folder is a loop).',
  },
  BDS_MACRO_TOO_LARGE: {
    title: 'Macro output is over the page limit',
    hint: 'Make the macros of this page return less HTML, or raise "limits.pageMiB" in bds.config.json.',
  },
  BDS_PAGE_TOO_LARGE: {
    title: 'Page is over the size limit',
    hint: 'Split the page or shorten what its template repeats, or raise "limits.pageMiB" in bds.config.json.',
  },
  BDS_TEMPLATE_LIMIT: {
    title: 'Template exceeded a render limit',
    hint: 'Look for a loop that runs far longer than meant at the position shown, or raise the limit named in the message ("limits" in bds.config.json).',
  },
  BDS_IMAGE_UNREADABLE: {
    title: 'Image size cannot be read',
    hint: 'Check that the file is a complete image of the format its name says; re-export it if needed.',
  },
  BDS_IMAGE_RESIZE: {
    title: 'Image cannot be resized',
    hint: 'Check that the file is a complete image; pages show it at its own size until it can be resized.',
  },
  BDS_SEARCH_INDEX: {
    title: 'Search index cannot be written',
    hint: 'The site is built without search; set "search": false in bds.config.json to skip the index.',
  },
  BDS_DATA_PARSE: {
    title: 'Data file is not valid JSON or YAML',
    hint: 'Fix the syntax at the position shown; until then templates and scripts see no data under this name.',
  },
  BDS_DATA_DUPLICATE: {
    title: 'Two data files have the same name',
    hint: 'Keep one of data/NAME.json, data/NAME.yaml and data/NAME.yml; rename or remove the others.',
  },
  BDS_NAV_PAGE: {
    title: 'Navigation names a page that does not exist',
    hint: 'Use the slug of a page in pages/ (its URL without slashes), or give the entry a "title" and "url" instead.',
  },
} as const satisfies Record<string, { title: string; hint: string }>

export type ErrorCode = keyof typeof codes
