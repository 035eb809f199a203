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
MAX_RESULT = 4 * 1024 * 1024
MAX_LOGS = 100
MAX_LOG_CHARS = 1000

_scripts = {}  # key -> (module, callable | None, positional count | None, error dict | None)
_load_reads = {}  # key -> data names its top-level code read when it was compiled
_batch = {"scripts": {}, "values": [], "calls": []}
_logs = []
_reads = []  # names of the data files the current call read (bds.data), in order
_site = {"config": {}, "posts": (), "tags": (), "categories": (), "by_slug": {}, "data": {}}


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


def _install_bds_api(source):
    """bDS's Python API (bds_api.py) as the module `bds_api`: `from bds_api import bds`."""
    module = types.ModuleType("bds_api")
    module.__file__ = "<bds_api>"
    exec(compile(source, "<bds_api>", "exec", dont_inherit=True), module.__dict__)
    sys.modules["bds_api"] = module


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
    files = {k: _freeze(v) for k, v in data.get("data", {}).items()}
    changed = {n for n in set(_site["data"]) | set(files) if _site["data"].get(n) != files.get(n)}
    _site["data"] = files
    # A module that read a changed file at its top level holds the old value: compile it again.
    for key in [k for k, names in _load_reads.items() if changed.intersection(names)]:
        _scripts.pop(key, None)
        _load_reads.pop(key, None)


def _log(*parts):
    """bds.log("…", value): a message for the person running bds (bounded count and length)."""
    if len(_logs) < MAX_LOGS:
        _logs.append(" ".join(str(p) for p in parts)[:MAX_LOG_CHARS])


def _data(name):
    """bds.data("NAME"): data/NAME.json or data/NAME.yaml, read-only; None when there is none."""
    name = str(name)
    if name not in _reads:
        _reads.append(name)
    return _site["data"].get(name)


def _url_for(post):
    slug = post if isinstance(post, str) else (post or {}).get("slug")
    found = _site["by_slug"].get(slug)
    return found.get("url") if found else None


def _bds_module():
    mod = types.ModuleType("bds", "Read-only site data for bds scripts.")
    mod.config = lambda: _site["config"]
    mod.posts = lambda: _site["posts"]
    mod.post = lambda slug: _site["by_slug"].get(slug)
    mod.tags = lambda: _site["tags"]
    mod.categories = lambda: _site["categories"]
    mod.url_for = _url_for
    mod.data = _data
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
    before = len(_reads)
    try:
        exec(compile(source, file, "exec", dont_inherit=True), mod.__dict__)
    except BaseException as exc:  # a top-level error is the call's error; do not cache
        return (None, None, None, _error(_kind(exc), exc, file))
    _load_reads[key] = list(_reads[before:])
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


def _drive(coro):
    """Runs an `async def` entrypoint: awaiting other coroutines works; real I/O does not."""
    while True:
        try:
            yielded = coro.send(None)
        except StopIteration as done:
            return done.value
        if yielded is not None:
            coro.throw(RuntimeError("bds runs async entrypoints without an event loop; "
                                    "awaiting I/O (sleep, network) is not supported"))


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
    result = {"ok": False}
    mod, fn, count, problem = _load(key)
    for name in _load_reads.get(key, ()):  # what its module read once counts for every call
        if name not in _reads:
            _reads.append(name)
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
                value = _drive(value)
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
    result["stdout"] = _cap(out.getvalue())
    result["stderr"] = _cap(err.getvalue())
    result["logs"] = list(_logs)
    result["reads"] = list(_reads)
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
    names = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return json.dumps({"ok": True, "functions": names})


def forget(keys_json):
    """Drops compiled scripts whose keys are not listed (edited or removed scripts)."""
    keep = set(json.loads(keys_json))
    for key in [k for k in _scripts if k not in keep]:
        del _scripts[key]
        _load_reads.pop(key, None)
