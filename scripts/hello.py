"""
---
id: "0b7f3a52-5d0e-4b7c-9a43-5f1f2d7c8e10"
slug: "hello"
title: "Hello macro"
kind: "macro"
entrypoint: "render"
enabled: true
version: 1
createdAt: "2025-01-01T00:00:00.000Z"
updatedAt: "2025-01-01T00:00:00.000Z"
---
Greets someone by name. Use it in a post as [[hello name="reader"]].
"""

import html


def render(context, post):
    name = context["params"].get("name", "world")
    title = post["title"] if post else "this page"
    return {
        "html": f'<p class="hello">Hello, {html.escape(str(name))}! You are reading '
        f"{html.escape(title)}.</p>"
    }
