// Text from scripts and content is inert on a terminal (#19, point 7), through the CLI's
// printer (in this process; Out is the one way out to the terminal):
// escape sequences in a post title, a file name, a code frame, and a Python macro's print,
// sys.stderr, bds.log and exception reach stdout and stderr only as `\x1b`-style text — no
// screen clearing, no OSC 52 clipboard write, no carriage return drawing a fake "Built" line.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite } from '../helpers/site.js'

// Control characters other than line feed and tab (C0, DEL, C1).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

const MACRO = `"""
---
slug: "evil"
kind: "macro"
---
"""
import sys
import bds


def render(context, post):
    print("\\x1b[2J printed " + post["title"])
    sys.stderr.write("\\x1b]52;c;ZXZpbA==\\x07 to stderr\\n")
    bds.log("\\x1b[31m logged \\rBuilt 999 files")
    raise ValueError("\\x1b[2J raised \\x9b31m")
`

const UTILITY = `"""
---
slug: "util"
kind: "utility"
---
"""


def main(args):
    print("\\x1b[2J utility \\x07 output\\r")
    return 0
`

describe('escape sequences from a hostile site', () => {
  it('are shown escaped in every channel of bds build and bds scripts run', async () => {
    const root = inlineSite(`-- bds.config.json --
{"title": "Terminal", "url": "https://example.com"}
-- posts/good.md --
---
title: "Good \\e[31m title"
date: 2024-01-01
---
[[evil]]
-- posts/framed.md --
---
title: "Framed \\e]0;pwned\\a title"
tags: one, two
date: 2024-01-01
---
Body.
`)
    // A raw escape sequence in a file name and in the line a code frame shows.
    writeFileSync(join(root, 'posts', 'osc\u001b]52;c;ZXZpbA==\u0007.md'), '---\ntitle: [\n---\n')
    writeFileSync(
      join(root, 'posts/raw.md'),
      '---\ntitle: Raw \u001b[2J line\ndate: nope\n---\nBody.\n',
    )
    mkdirSync(join(root, 'scripts'))
    writeFileSync(join(root, 'scripts/evil.py'), MACRO)
    writeFileSync(join(root, 'scripts/util.py'), UTILITY)

    const build = await bdsInProcess(['build', root, '--verbose'], root)
    expect(build.status, build.stderr).toBe(0)
    const printed = build.stdout + build.stderr
    expect(printed).not.toMatch(RAW_CONTROL)
    // Every channel is there, escaped: the file name, the code frame, the Python exception,
    // what the macro printed to stdout and stderr, and what it logged.
    expect(printed).toContain('posts/osc\\x1b]52;c;ZXZpbA==\\x07.md')
    expect(printed).toContain('title: Raw \\x1b[2J line')
    expect(printed).toContain('\\x1b[2J raised \\x9b31m')
    expect(printed).toContain('\\x1b[2J printed Good \\x1b[31m title')
    expect(printed).toContain('\\x1b]52;c;ZXZpbA==\\x07 to stderr')
    expect(printed).toContain('\\x1b[31m logged \\x0d')
    expect(printed).toContain('BDS_FRONTMATTER_INVALID')

    const run = await bdsInProcess(['-C', root, 'scripts', 'run', 'util'], root)
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL)
    expect(run.stdout).toContain('\\x1b[2J utility \\x07 output\\x0d')
  })
})
