"""
---
id: "9d3c1b2a-7e6f-4a5b-8c9d-0e1f2a3b4c5d"
slug: "related"
title: "Related posts"
kind: "macro"
entrypoint: "render"
enabled: true
version: 1
createdAt: "2025-01-01T00:00:00.000Z"
updatedAt: "2025-01-01T00:00:00.000Z"
---
Lists other posts that share a tag with this one: [[related limit=3]]. Shows the `bds`
module (read-only site data), the `post` argument and returning warnings.
"""

import html

import bds


def render(context, post):
    limit = context["params"].get("limit", 5)
    if not isinstance(limit, int) or limit < 1:
        return {"html": "", "warnings": [f"limit must be a positive whole number, not {limit!r}"]}
    if post is None or not post["tags"]:
        return {"html": "", "warnings": ["this post has no tags, so nothing is related to it"]}
    mine = {t.lower() for t in post["tags"]}
    related = [
        p for p in bds.posts()
        if p["slug"] != post["slug"] and mine & {t.lower() for t in p["tags"]}
    ][:limit]
    if not related:
        return '<p class="related">No related posts yet.</p>'
    items = "".join(
        f'<li><a href="{html.escape(p["url"])}">{html.escape(p["title"])}</a></li>'
        for p in related
    )
    return f'<ul class="related">{items}</ul>'
