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
A utility: estimates reading time. Other scripts can reuse `minutes(text)`; run on its own,
`main()` returns an example.
"""

import re

WORDS_PER_MINUTE = 220


def minutes(text):
    """Whole minutes to read `text`, at least 1."""
    words = len(re.findall(r"\w+", text or ""))
    return max(1, round(words / WORDS_PER_MINUTE))


def main():
    return f"{minutes('word ' * 500)} min read"
