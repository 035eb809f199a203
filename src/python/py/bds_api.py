# bds_api: the Python API bDS macro scripts import (`from bds_api import bds`), read-only.
# Names, arguments and `async` follow rfc1437/bDS src/main/shared/generatePythonApiModuleV1.ts
# over pythonApiContractV1.ts (contract 1.15.0); answers come from the site data bds passes in.
#
# Site data (install(data) takes a dict or its JSON text; every key optional):
#   project:    ProjectMetadata + id — {id, name, description, publicUrl, mainLanguage,
#               defaultAuthor, maxPostsPerPage, blogLanguages, ...} (meta/project.json)
#   posts:      [PostData] — {id, projectId, title, slug, excerpt, content, status, author,
#               language, createdAt, updatedAt, publishedAt, tags, categories,
#               availableLanguages, url?}  (ISO date strings; url = canonical URL path)
#   media:      [MediaData] — {id, projectId, filename, originalName, mimeType, size, width,
#               height, title, alt, caption, createdAt, updatedAt, tags, path}
#               (path = "media/YYYY/MM/filename", what bDS's media.getUrl returns)
#   scripts:    [ScriptData]   templates: [TemplateData]
#   tags:       [TagData] — {id, name, color?, postTemplateSlug?} (meta/tags.json)
#   categories: [str] (meta/categories.json)
# Every answer is a fresh copy: a script can change what it got, never the site data.
# Methods that would change the project, reach the network or drive the desktop UI raise
# BdsApiError; so do the few bDS reads that need bDS's database (links, embeddings).
import copy
import json
import re

_site = {}
# The harness sets this: every key of the site data an answer comes from is noted as read
# ("api:posts" …), so the build cache keys a call's result by exactly what it read.
_note = None


class BdsApiError(Exception):
    pass


def install(data):
    """Sets the site data the API answers from (a dict, or its JSON text)."""
    _site.clear()
    _site.update(json.loads(data) if isinstance(data, str) else copy.deepcopy(dict(data)))


def _get(key):
    if _note is not None:
        _note("api:" + key)
    return _site.get(key)


def _list(key):
    return _get(key) or []


def _out(value):
    return copy.deepcopy(value)


def _refuse(method):
    raise BdsApiError(
        f"bds_api: {method} is not available: bds scripts cannot change the project or "
        "reach the network; only the read methods work in bds."
    )


def _missing(method, why):
    raise BdsApiError(f"bds_api: {method} is not available in bds ({why}).")


def _by(key, field, value):
    return _out(next((x for x in _list(key) if x.get(field) == value), None))


def _ym(item):
    text = item.get("createdAt") or ""
    return (int(text[0:4]), int(text[5:7]) - 1) if re.match(r"^\d{4}-\d{2}", text) else None


def _by_year_month(key):
    counts = {}
    for item in _list(key):
        ym = _ym(item)
        if ym:
            counts[ym] = counts.get(ym, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1]), reverse=True)
    return [{"year": y, "month": m, "count": n} for (y, m), n in ordered]


def _counts(items, field, name):
    counts = {}
    for item in items:
        for term in dict.fromkeys(t.strip() for t in item.get(field) or [] if t.strip()):
            counts[term] = counts.get(term, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{name: term, "count": n} for term, n in ordered]


def _matches(item, flt, month_base=0):
    flt = flt or {}
    if flt.get("status") and item.get("status") != flt["status"]:
        return False
    if flt.get("language") and (item.get("language") or "") != flt["language"]:
        return False
    for field in ("tags", "categories"):
        if any(t not in (item.get(field) or []) for t in flt.get(field) or []):
            return False
    created = item.get("createdAt") or ""
    if flt.get("startDate") and created < flt["startDate"]:
        return False
    if flt.get("endDate") and created > flt["endDate"]:
        return False
    ym = _ym(item)
    if flt.get("year") is not None and (not ym or ym[0] != flt["year"]):
        return False
    if flt.get("year") is not None and flt.get("month") is not None:
        if not ym or ym[1] + month_base != flt["month"]:
            return False
    return True


def _search(key, query, fields):
    words = [w for w in str(query).lower().split() if w]
    hits = []
    for item in _list(key):
        text = " ".join(str(item.get(f) or "") for f in fields).lower()
        if words and all(w in text for w in words):
            hits.append(item)
    return hits


def _slugify(title):
    return re.sub(r"^-|-$", "", re.sub(r"[^a-z0-9]+", "-", (title or "untitled").lower()))


class PostsApi:
    async def create(self, data): _refuse("posts.create")
    async def update(self, id, data): _refuse("posts.update")
    async def delete(self, id): _refuse("posts.delete")

    async def get(self, post_id):
        """Fetch one post by id."""
        return _by("posts", "id", post_id)

    async def get_by_slug(self, slug):
        """Fetch one post by slug."""
        return _by("posts", "slug", slug)

    async def get_preview_url(self, id, options=None):
        """The post's canonical URL path in the built site."""
        post = _by("posts", "id", id)
        return post.get("url") if post else None

    async def get_all(self, options=None):
        """Posts newest first, paginated: {items, hasMore, total} (limit 500, offset 0)."""
        options = options or {}
        limit, offset = options.get("limit") or 500, options.get("offset") or 0
        posts = sorted(_list("posts"), key=lambda p: p.get("createdAt") or "", reverse=True)
        items = posts[offset:offset + limit]
        return _out({"items": items, "hasMore": offset + len(items) < len(posts), "total": len(posts)})

    async def get_by_status(self, status):
        return _out([p for p in _list("posts") if p.get("status") == status])

    async def publish(self, id): _refuse("posts.publish")
    async def publish_translation(self, post_id, language): _refuse("posts.publishTranslation")
    async def discard(self, id): _refuse("posts.discard")

    async def has_published_version(self, id):
        return any(p.get("id") == id and p.get("status") == "published" for p in _list("posts"))

    async def rebuild_from_files(self): _refuse("posts.rebuildFromFiles")
    async def reindex_text(self): _refuse("posts.reindexText")

    async def search(self, query):
        """Posts whose title, excerpt, content or tags hold every word (bDS: stemmed FTS)."""
        hits = _search("posts", query, ("title", "excerpt", "content", "tags"))
        return _out([{k: p.get(k) for k in ("id", "title", "slug", "excerpt")} for p in hits])

    async def filter(self, filter):
        """Posts by status, language, tags, categories, year, month (0-11), start/endDate."""
        return _out([p for p in _list("posts") if _matches(p, filter)])

    async def get_tags(self):
        return sorted({t for p in _list("posts") for t in p.get("tags") or []})

    async def get_categories(self):
        return sorted({c for p in _list("posts") for c in p.get("categories") or []})

    async def get_by_year_month(self):
        """[{year, month (0-11, as bDS), count}], newest first."""
        return _by_year_month("posts")

    async def get_dashboard_stats(self): _missing("posts.getDashboardStats", "a desktop view")

    async def get_tags_with_counts(self):
        """[{tag, count}] over all posts, most used first."""
        return _counts(_list("posts"), "tags", "tag")

    async def get_categories_with_counts(self):
        return _counts(_list("posts"), "categories", "category")

    async def get_links_to(self, id): _missing("posts.getLinksTo", "bDS's link database")
    async def get_linked_by(self, id): _missing("posts.getLinkedBy", "bDS's link database")
    async def rebuild_links(self): _refuse("posts.rebuildLinks")

    async def is_slug_available(self, slug, exclude_post_id=None):
        return not any(p.get("slug") == slug and p.get("id") != exclude_post_id for p in _list("posts"))

    async def generate_unique_slug(self, title, exclude_post_id=None):
        base, n = _slugify(title), 2
        slug = base
        while not await self.is_slug_available(slug, exclude_post_id):
            slug, n = f"{base}-{n}", n + 1
        return slug


class MediaApi:
    async def import_(self, source_path, metadata=None): _refuse("media.import")
    async def update(self, id, data): _refuse("media.update")
    async def replace_file(self, id, new_source_path): _refuse("media.replaceFile")
    async def delete(self, id): _refuse("media.delete")

    async def get(self, id):
        return _by("media", "id", id)

    async def get_url(self, id):
        """The media file's path relative to the project: media/YYYY/MM/filename."""
        item = _by("media", "id", id)
        return item.get("path") if item else None

    async def get_file_path(self, id): _refuse("media.getFilePath")

    async def get_all(self):
        return _out(sorted(_list("media"), key=lambda m: m.get("createdAt") or "", reverse=True))

    async def rebuild_from_files(self): _refuse("media.rebuildFromFiles")
    async def reindex_text(self): _refuse("media.reindexText")

    async def get_thumbnail(self, id, size=None):
        return None

    async def regenerate_thumbnails(self, id): _refuse("media.regenerateThumbnails")
    async def regenerate_missing_thumbnails(self): _refuse("media.regenerateMissingThumbnails")

    async def filter(self, filter):
        """Media by tags, year, month (0-11, as bDS), startDate, endDate; newest first."""
        items = [m for m in await self.get_all() if _matches(m, filter)]
        return items

    async def search(self, query):
        hits = _search("media", query, ("originalName", "title", "alt", "caption", "tags"))
        keys = ("id", "originalName", "title", "mimeType", "createdAt")
        return _out([{k: m.get(k) for k in keys} for m in hits])

    async def get_by_year_month(self):
        return _by_year_month("media")

    async def get_tags(self):
        return sorted({t for m in _list("media") for t in m.get("tags") or []})

    async def get_tags_with_counts(self):
        return _counts(_list("media"), "tags", "tag")


class ScriptsApi:
    async def create(self, data): _refuse("scripts.create")
    async def update(self, id, data): _refuse("scripts.update")
    async def delete(self, id): _refuse("scripts.delete")

    async def get(self, id):
        return _by("scripts", "id", id)

    async def get_all(self):
        return _out(_list("scripts"))

    async def rebuild_from_files(self): _refuse("scripts.rebuildFromFiles")


class TemplatesApi:
    async def create(self, data): _refuse("templates.create")
    async def update(self, id, data): _refuse("templates.update")
    async def delete(self, id, options=None): _refuse("templates.delete")

    async def get(self, id):
        return _by("templates", "id", id)

    async def get_all(self):
        return _out(_list("templates"))

    async def get_enabled_by_kind(self, kind):
        return _out([t for t in _list("templates") if t.get("kind") == kind and t.get("enabled", True)])

    async def validate(self, content): _missing("templates.validate", "no Liquid in the sandbox")
    async def rebuild_from_files(self): _refuse("templates.rebuildFromFiles")


class TasksApi:
    async def get_all(self):
        return []

    async def get_running(self):
        return []

    async def cancel(self, task_id): _refuse("tasks.cancel")
    async def clear_completed(self): _refuse("tasks.clearCompleted")


class AppApi:
    async def get_data_paths(self): _missing("app.getDataPaths", "scripts see no host paths")

    async def get_system_language(self):
        return (_get("project") or {}).get("mainLanguage") or "en"

    async def get_title_bar_metrics(self): _refuse("app.getTitleBarMetrics")
    async def open_folder(self, folder_path): _refuse("app.openFolder")
    async def show_item_in_folder(self, item_path): _refuse("app.showItemInFolder")
    async def select_folder(self, title=None): _refuse("app.selectFolder")

    async def get_default_project_path(self, project_id):
        _missing("app.getDefaultProjectPath", "scripts see no host paths")

    async def read_project_metadata(self, folder_path):
        """The site's own meta/project.json fields (bds builds one project)."""
        project = _get("project")
        if not project:
            return None
        keys = ("name", "description", "publicUrl", "mainLanguage")
        return _out({k: project[k] for k in keys if project.get(k) is not None})

    async def get_blogmark_bookmarklet(self): _refuse("app.getBlogmarkBookmarklet")
    async def copy_to_clipboard(self, text): _refuse("app.copyToClipboard")
    async def notify_renderer_ready(self): _refuse("app.notifyRendererReady")
    async def set_preview_post_target(self, post_id): _refuse("app.setPreviewPostTarget")
    async def trigger_menu_action(self, action): _refuse("app.triggerMenuAction")


class MetaApi:
    async def get_tags(self):
        return sorted({t.get("name") for t in _list("tags") if t.get("name")})

    async def get_categories(self):
        return _out(_list("categories"))

    async def add_tag(self, tag): _refuse("meta.addTag")
    async def remove_tag(self, tag): _refuse("meta.removeTag")
    async def add_category(self, category): _refuse("meta.addCategory")
    async def remove_category(self, category): _refuse("meta.removeCategory")
    async def sync_on_startup(self): _refuse("meta.syncOnStartup")

    async def get_project_metadata(self):
        return _out(_get("project"))

    async def set_project_metadata(self, metadata): _refuse("meta.setProjectMetadata")
    async def update_project_metadata(self, updates): _refuse("meta.updateProjectMetadata")

    async def get_publishing_preferences(self):
        return None

    async def set_publishing_preferences(self, prefs): _refuse("meta.setPublishingPreferences")
    async def clear_publishing_preferences(self): _refuse("meta.clearPublishingPreferences")


class TagsApi:
    async def get_all(self):
        return _out(_list("tags"))

    async def get_with_counts(self):
        counts = {c["tag"]: c["count"] for c in _counts(_list("posts"), "tags", "tag")}
        return _out([{**t, "count": counts.get(t.get("name"), 0)} for t in _list("tags")])

    async def get(self, id):
        return _by("tags", "id", id)

    async def get_by_name(self, name):
        return _by("tags", "name", name)

    async def create(self, data): _refuse("tags.create")
    async def update(self, id, data): _refuse("tags.update")
    async def delete(self, id): _refuse("tags.delete")
    async def merge(self, source_tag_ids, target_tag_id): _refuse("tags.merge")
    async def rename(self, id, new_name): _refuse("tags.rename")

    async def get_posts_with_tag(self, tag_id):
        tag = _by("tags", "id", tag_id)
        name = tag.get("name") if tag else None
        return [p.get("id") for p in _list("posts") if name in (p.get("tags") or [])]

    async def sync_from_posts(self): _refuse("tags.syncFromPosts")


class ProjectsApi:
    async def create(self, data): _refuse("projects.create")
    async def update(self, id, data): _refuse("projects.update")
    async def delete(self, id): _refuse("projects.delete")
    async def delete_with_data(self, id): _refuse("projects.deleteWithData")

    async def get(self, id):
        project = _get("project") or {}
        return _out(project) if project.get("id") == id else None

    async def get_all(self):
        return _out([_get("project")]) if _get("project") else []

    async def get_active(self):
        return _out(_get("project"))

    async def set_active(self, id): _refuse("projects.setActive")


class ChatApi:
    async def analyze_media_image(self, media_id, language=None): _refuse("chat.analyzeMediaImage")
    async def detect_post_language(self, title, content): _refuse("chat.detectPostLanguage")
    async def analyze_post(self, post_id, language=None): _refuse("chat.analyzePost")
    async def translate_post(self, post_id, target_language): _refuse("chat.translatePost")


class EmbeddingsApi:
    async def find_similar(self, post_id, k=None): _missing("embeddings.findSimilar", "no embeddings")
    async def compute_similarities(self, source_post_id, target_post_ids):
        _missing("embeddings.computeSimilarities", "no embeddings")
    async def get_progress(self): _missing("embeddings.getProgress", "no embeddings")
    async def suggest_tags(self, post_id, exclude_tags): _missing("embeddings.suggestTags", "no embeddings")
    async def find_duplicates(self, threshold=None): _missing("embeddings.findDuplicates", "no embeddings")
    async def dismiss_pair(self, post_id_a, post_id_b): _refuse("embeddings.dismissPair")
    async def index_unindexed_posts(self): _refuse("embeddings.indexUnindexedPosts")


class SyncApi:
    async def check_availability(self): _refuse("sync.checkAvailability")
    async def get_repo_state(self): _refuse("sync.getRepoState")
    async def get_status(self): _refuse("sync.getStatus")
    async def get_history(self, limit=None): _refuse("sync.getHistory")
    async def get_remote_state(self): _refuse("sync.getRemoteState")
    async def fetch(self): _refuse("sync.fetch")
    async def pull(self): _refuse("sync.pull")
    async def push(self): _refuse("sync.push")
    async def commit_all(self, message): _refuse("sync.commitAll")


class PublishApi:
    async def upload_site(self, credentials): _refuse("publish.uploadSite")


class BdsApi:
    def __init__(self):
        self.app = AppApi()
        self.chat = ChatApi()
        self.embeddings = EmbeddingsApi()
        self.media = MediaApi()
        self.meta = MetaApi()
        self.posts = PostsApi()
        self.projects = ProjectsApi()
        self.publish = PublishApi()
        self.scripts = ScriptsApi()
        self.sync = SyncApi()
        self.tags = TagsApi()
        self.tasks = TasksApi()
        self.templates = TemplatesApi()


bds = BdsApi()
