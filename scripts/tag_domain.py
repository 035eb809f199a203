"""
---
id: "8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d"
slug: "tag_domain"
title: "Tag bookmarks by domain"
kind: "transform"
entrypoint: "transform"
enabled: true
version: 1
createdAt: "2025-01-01T00:00:00.000Z"
updatedAt: "2025-01-01T00:00:00.000Z"
---
A transform for `bds ingest`: adds the bookmarked site's domain (without "www.") as a tag.
Returns the changed post; returning None keeps the post as it was.
"""

from urllib.parse import urlparse


def transform(post, context):
    host = urlparse(context.get("url", "")).hostname or ""
    if host.startswith("www."):
        host = host[4:]
    if not host:
        return None
    tags = list(post.get("tags", []))
    if host not in tags:
        tags.append(host)
    post["tags"] = tags
    return post
