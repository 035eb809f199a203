// Starter bodies for `bds scripts new`, one per kind: each runs as it is and shows the
// calling convention of its kind.

import type { ScriptKind } from './meta.js'

export const EXAMPLES: Record<ScriptKind, (slug: string) => string> = {
  macro: (slug) => `Renders [[${slug} name="…"]] in a post.
`,
  utility: (
    slug,
  ) => `A utility: shared code other scripts can use — \`import ${slug}\` in a macro, a
transform or another utility (the file name is the module name) — and a command of its own:
\`bds scripts run ${slug}\`.
`,
  transform: () => `A transform: shapes a bookmark into a post during \`bds ingest\`.
`,
}

export const BODIES: Record<ScriptKind, string> = {
  macro: `
import html


def render(context, post):
    """Called for every [[token]] with this script's slug. Returns HTML."""
    name = context["params"].get("name", "world")
    return {"html": f"<p>Hello, {html.escape(str(name))}!</p>"}
`,
  utility: `

import bds


def main(args):
    """Run with: bds scripts run SLUG [args…]. Returns the exit code."""
    print(f"{len(bds.posts())} posts; args: {args}")
    return 0
`,
  transform: `

def transform(post, context):
    """Gets the post as a dict; returns the changed post, or None to keep it."""
    post["tags"] = sorted(set(post.get("tags", []) + ["bookmark"]))
    return post
`,
}
