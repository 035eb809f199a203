# The bds harness inside each Pyodide worker: loads scripts into their own module
# namespaces, calls entrypoints with JSON in and out, captures output, and serves the
# read-only `bds` module. Loaded into the memory snapshot; never runs user code at import.
import ast
import io
import json
import linecache
import signal
import sys
import traceback
import types

# Stdlib modules scripts often use, imported into the memory snapshot so that a script's
# first call does not pay for them (html alone costs ~30 ms, urllib.parse ~50 ms).
import base64, calendar, dataclasses, datetime, decimal, difflib, hashlib, html  # noqa: E401
import math, random, re, statistics, string, textwrap, unicodedata, urllib.parse  # noqa: E401

MAX_CAPTURE = 64 * 1024
MAX_POST_READS = 500
MAX_RESULT = 4 * 1024 * 1024
MAX_LOGS = 100
MAX_LOG_CHARS = 1000

_scripts = {}  # key -> (module, callable | None, positional count | None, error dict | None)
_batch = {"scripts": {}, "values": [], "calls": []}
_logs = []
# What the running call read of the site data (config, posts, post:SLUG, tags, categories,
# api:KEY, data:NAME), and per compiled script everything its calls read so far: module
# state may carry what an earlier call read, so a call depends on that too. The build cache
# keys each result by exactly these parts of the site data.
_reads = set()
_script_reads = {}
_site = {"config": {}, "posts": (), "tags": (), "categories": (), "by_slug": {}}
_aio = [None]


class _Frozen(dict):
    """A dict the `bds` module hands out: reading works, changing it raises."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("bds site data is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse


def _freeze(value):
    if isinstance(value, dict):
        return _Frozen((k, _freeze(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _install_module(name, source):
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    exec(compile(source, f"<{name}>", "exec", dont_inherit=True), module.__dict__)
    sys.modules[name] = module
    return module


def _install_bds_api(source):
    """bDS's Python API (bds_api.py) as the module `bds_api`: `from bds_api import bds`."""
    _install_module("bds_api", source)._note = _note


def _install_aio(source):
    """bds's event loop for `async def` entrypoints (aio.py); harden.py makes it asyncio's."""
    _aio[0] = _install_module("_bds_aio", source)


def set_site(data_json):
    data = json.loads(data_json)
    if "api" in data and "bds_api" in sys.modules:
        sys.modules["bds_api"].install(data["api"])
    posts = _freeze(data.get("posts", []))
    _site["config"] = _freeze(data.get("config", {}))
    _site["posts"] = posts
    _site["tags"] = _freeze(data.get("tags", []))
    _site["categories"] = _freeze(data.get("categories", []))
    _site["by_slug"] = {p.get("slug"): p for p in posts}


def _log(*parts):
    """bds.log("…", value): a message for the person running bds (bounded count and length)."""
    if len(_logs) < MAX_LOGS:
        _logs.append(" ".join(str(p) for p in parts)[:MAX_LOG_CHARS])


def _note(name):
    _reads.add(name)


def _note_post(slug):
    if isinstance(slug, str):  # any other key finds nothing, whatever the site holds
        _reads.add("post:" + slug)


def _url_for(post):
    slug = post if isinstance(post, str) else (post or {}).get("slug")
    _note_post(slug)
    found = _site["by_slug"].get(slug)
    return found.get("url") if found else None


def _reader(name, fn):
    def read(*args):
        _note(name)
        return fn(*args)
    return read


def _post(slug):
    _note_post(slug)
    return _site["by_slug"].get(slug)


def _bds_module():
    mod = types.ModuleType("bds", "Read-only site data for bds scripts.")
    mod.config = _reader("config", lambda: _site["config"])
    mod.posts = _reader("posts", lambda: _site["posts"])
    mod.post = _post
    mod.tags = _reader("tags", lambda: _site["tags"])
    mod.categories = _reader("categories", lambda: _site["categories"])
    mod.url_for = _url_for
    mod.log = _log
    return mod


sys.modules["bds"] = _bds_module()


def _positional_count(fn):
    code = getattr(fn, "__code__", None)
    if code is None:
        return None
    if code.co_flags & 0x04:  # *args: pass everything
        return None
    count = code.co_argcount
    return count - 1 if isinstance(fn, types.MethodType) else count


def _error(kind, exc, file=None):
    tb = exc.__traceback__
    if file is not None:  # drop the harness's own frames, keep the script's
        while tb is not None and tb.tb_frame.f_code.co_filename != file:
            tb = tb.tb_next
    line = None
    walk = tb
    while walk is not None:
        if walk.tb_frame.f_code.co_filename == file:
            line = walk.tb_lineno
        walk = walk.tb_next
    if isinstance(exc, SyntaxError) and exc.filename == file:
        line = exc.lineno
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    return {"kind": kind, "type": type(exc).__name__, "message": str(exc)[:2000],
            "traceback": text[-8000:], "line": line}


def _kind(exc):
    if isinstance(exc, KeyboardInterrupt):
        return "timeout"
    if isinstance(exc, MemoryError):
        return "memory"
    return "exception"


def _load(key):
    found = _scripts.get(key)
    if found is not None:
        return found
    spec = _batch["scripts"][key]
    file, source, entry = spec["file"], spec["source"], spec["entrypoint"]
    linecache.cache[file] = (len(source), None, source.splitlines(True), file)
    mod = types.ModuleType(spec.get("slug") or "script")
    mod.__file__ = file
    try:
        exec(compile(source, file, "exec", dont_inherit=True), mod.__dict__)
    except BaseException as exc:  # a top-level error is the call's error; do not cache
        return (None, None, None, _error(_kind(exc), exc, file))
    fn = getattr(mod, entry, None)
    if not callable(fn):
        names = sorted(k for k, v in vars(mod).items() if callable(v) and not k.startswith("_"))
        hint = f" (top-level functions: {', '.join(names)})" if names else ""
        err = {"kind": "missing", "type": "AttributeError", "traceback": "", "line": None,
               "message": f"{file} has no function {entry}(){hint}"}
        found = (mod, None, None, err)
    else:
        found = (mod, fn, _positional_count(fn), None)
    _scripts[key] = found
    return found


def begin(batch_json):
    batch = json.loads(batch_json)
    _batch["scripts"] = batch["scripts"]
    _batch["values"] = batch["values"]
    _batch["parsed"] = [None] * len(batch["values"])
    _batch["calls"] = batch["calls"]
    return len(_batch["calls"])


def _fresh(value):
    """A copy of parsed JSON that shares only its strings and numbers (which cannot change)."""
    if isinstance(value, dict):
        return {k: _fresh(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    return value


def _argument(index):
    """Each distinct value is parsed once per batch; every call gets its own copy."""
    parsed = _batch["parsed"][index]
    if parsed is None:
        parsed = _batch["parsed"][index] = (json.loads(_batch["values"][index]),)
    return _fresh(parsed[0])


def call(index, capture=True):
    """Runs one call; with capture=False its output goes to the worker's stream handlers."""
    # The watchdog's interrupt (a KeyboardInterrupt) stops the script; once the script has
    # ended, a repeated one must not stop the harness while it reports (traceback, JSON).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    spec = _batch["calls"][index]
    key = spec["key"]
    out, err = io.StringIO(), io.StringIO()
    _logs.clear()
    _reads.clear()
    _reads.update(_script_reads.get(key, ()))
    result = {"ok": False}
    mod, fn, count, problem = _load(key)
    file = _batch["scripts"][key]["file"]
    if problem is not None:
        result["error"] = problem
    else:
        refs = spec["args"] if count is None else spec["args"][:count]
        args = [_argument(i) for i in refs]
        saved = sys.stdout, sys.stderr
        if capture:  # a plain swap: cheaper than contextlib's redirect_* per call
            sys.stdout, sys.stderr = out, err
        try:
            value = fn(*args)
            if isinstance(value, types.CoroutineType):
                value = _aio[0].run(value)
            result = {"ok": True, "value": value}
        except BaseException as exc:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            result["error"] = _error(_kind(exc), exc, file)
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            if capture:
                sys.stdout, sys.stderr = saved
            else:
                sys.stdout.flush()
                sys.stderr.flush()
    _script_reads[key] = set(_reads)
    result["stdout"] = _cap(out.getvalue())
    result["stderr"] = _cap(err.getvalue())
    result["logs"] = list(_logs)
    result["reads"] = _read_list()
    try:
        text = json.dumps(result, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        result = {**result, "ok": False, "value": None,
                  "error": {"kind": "output", "type": type(exc).__name__, "traceback": "",
                            "line": None, "message": f"the entrypoint returned data that is not JSON: {exc}"}}
        text = json.dumps(result, ensure_ascii=False, default=str)
    if len(text) > MAX_RESULT:
        result = {"ok": False, "stdout": "", "stderr": "", "logs": [], "reads": result["reads"], "error": {
            "kind": "output", "type": "OutputTooLarge", "traceback": "", "line": None,
            "message": f"the result is {len(text)} characters; the limit is {MAX_RESULT}"}}
        text = json.dumps(result)
    return text


def _read_list():
    """The call's reads, sorted; many single posts count as all of them (bds.posts())."""
    posts = [r for r in _reads if r.startswith("post:")]
    if len(posts) <= MAX_POST_READS:
        return sorted(_reads)
    return sorted({r for r in _reads if not r.startswith("post:")} | {"posts"})


def _cap(text):
    if len(text) <= MAX_CAPTURE:
        return text
    return text[:MAX_CAPTURE] + f"\n[bds: output cut at {MAX_CAPTURE} characters]"


def check(file, source):
    try:
        tree = ast.parse(source, file)
    except SyntaxError as exc:
        return json.dumps({"ok": False, "functions": [], "error": {
            "message": f"{type(exc).__name__}: {exc.msg}", "line": exc.lineno or 1,
            "column": exc.offset or 1}})
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    # Positional parameters of each function as it is called (the last def of a name wins);
    # None when a decorator or *args leaves the number open.
    params = {n.name: None if n.decorator_list or n.args.vararg else
              len(n.args.posonlyargs) + len(n.args.args) for n in defs}
    return json.dumps({"ok": True, "functions": [n.name for n in defs], "params": params})


def forget(keys_json):
    """Drops compiled scripts whose keys are not listed (edited or removed scripts)."""
    keep = set(json.loads(keys_json))
    for key in [k for k in _scripts if k not in keep]:
        del _scripts[key]
    for key in [k for k in _script_reads if k not in keep]:
        del _script_reads[key]
