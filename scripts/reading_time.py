"""
---
id: "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
slug: "reading_time"
title: "Reading time"
kind: "utility"
entrypoint: "main"
enabled: true
version: 1
createdAt: "2025-01-01T00:00:00.000Z"
updatedAt: "2025-01-01T00:00:00.000Z"
---
A utility: estimates reading time. Run it with `bds scripts run reading_time [text…]`:
with text it prints that text's reading time, without it a summary of the site (read
through the read-only `bds` module).
"""

import re

import bds

WORDS_PER_MINUTE = 220


def minutes(text):
    """Whole minutes to read `text`, at least 1."""
    words = len(re.findall(r"\w+", text or ""))
    return max(1, round(words / WORDS_PER_MINUTE))


def main(args):
    """`args` are the command-line words after the slug. Returns the exit code."""
    if args:
        print(f"{minutes(' '.join(args))} min read")
        return 0
    posts = bds.posts()
    print(f"{bds.config()['title']}: {len(posts)} posts and pages, {len(bds.tags())} tags")
    for tag in bds.tags()[:10]:
        print(f"  {tag['name']:<20} {tag['count']:>4}  {tag['url']}")
    return 0
