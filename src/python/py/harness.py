# The bds harness inside each Pyodide worker: loads scripts into their own module
# namespaces, calls entrypoints with JSON in and out, captures output, and serves the
# read-only `bds` module. Loaded into the memory snapshot; never runs user code at import.
import ast
import importlib.util
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
_utilities = {"key": (), "sources": {}}  # the site's utility scripts: name -> (file, source)
_batch = {"scripts": {}, "values": [], "calls": []}
_logs = []
# What the running call read of the site data (config, posts, post:SLUG, tags, categories,
# api:KEY, data:NAME), and per compiled script everything it read so far, its top level
# included: module state may carry what an earlier call read, so a call depends on that too.
# The build cache keys each result by exactly these; watch mode expands a post again when a
# data file its calls read changes.
_reads = set()
_script_reads = {}
# What the utility modules' top levels read: any script may hold one of them, so every call
# counts these too.
_utility_reads = set()
_site = {"config": {}, "posts": (), "tags": (), "categories": (), "by_slug": {}, "data": {}}
_aio = [None]


class _Frozen(dict):
    """A dict the `bds` module hands out: reading works, changing it raises."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("bds site data is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse


# What parsed JSON holds besides dicts and lists: never copied, never frozen (immutable).
_ATOMS = frozenset((str, int, float, bool, type(None)))


def _freeze(value):
    if value.__class__ is dict:
        return _Frozen({k: v if v.__class__ in _ATOMS else _freeze(v) for k, v in value.items()})
    if value.__class__ is list:
        return tuple([v if v.__class__ in _ATOMS else _freeze(v) for v in value])
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


class _UtilityLoader:
    """Runs a utility script's source (sent as data) as the module's body."""

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        file, source = _utilities["sources"][module.__name__]
        module.__file__ = file
        linecache.cache[file] = (len(source), None, source.splitlines(True), file)
        outer = set(_reads)
        _reads.clear()
        try:
            exec(compile(source, file, "exec", dont_inherit=True), module.__dict__)
        finally:
            _utility_reads.update(_reads)
            _reads.update(outer)


class _UtilityFinder:
    """Last finder on sys.meta_path: `import reading_time` finds scripts/reading_time.py
    (kind: utility) among the sources the site data carries. It opens no path."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if path is not None or name not in _utilities["sources"]:
            return None
        file = _utilities["sources"][name][0]
        return importlib.util.spec_from_loader(name, _UtilityLoader, origin=file)


sys.meta_path.append(_UtilityFinder)


def _forget_utilities():
    """The utility modules are forgotten, and so are the compiled scripts that may have
    imported them (each is compiled again at its next call)."""
    for name in _utilities["sources"]:
        sys.modules.pop(name, None)
    _scripts.clear()
    _script_reads.clear()
    _utility_reads.clear()


def _set_utilities(modules):
    """New utility sources: the old modules and their importers are forgotten."""
    key = tuple((m["name"], m["hash"]) for m in modules)
    if key == _utilities["key"]:
        return
    _forget_utilities()
    _utilities["key"] = key
    _utilities["sources"] = {m["name"]: (m["file"], m["source"]) for m in modules}


def set_site(data_json):
    data = json.loads(data_json)
    _set_utilities(data.get("modules", []))
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
    # A module that read a changed file (at its top level, or in a call that may have kept it
    # in a global) may hold the old value: compile it again.
    changed = {"data:" + n for n in changed}
    if changed.intersection(_utility_reads):
        _forget_utilities()
    for key in [k for k, names in _script_reads.items() if changed.intersection(names)]:
        _scripts.pop(key, None)
        _script_reads.pop(key, None)


def _log(*parts):
    """bds.log("…", value): a message for the person running bds (bounded count and length)."""
    if len(_logs) < MAX_LOGS:
        _logs.append(" ".join(str(p) for p in parts)[:MAX_LOG_CHARS])


def _note(name):
    _reads.add(name)


def _note_post(slug):
    if isinstance(slug, str):  # any other key finds nothing, whatever the site holds
        _reads.add("post:" + slug)


def _data(name):
    """bds.data("NAME"): data/NAME.json or data/NAME.yaml, read-only; None when there is none."""
    name = str(name)
    _reads.add("data:" + name)
    return _site["data"].get(name)


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
    """A copy of parsed JSON that shares only its strings and numbers (which cannot change).
    Leaves are not passed to a call of their own: 3x faster on a macro's arguments."""
    if value.__class__ is dict:
        return {k: v if v.__class__ in _ATOMS else _fresh(v) for k, v in value.items()}
    if value.__class__ is list:
        return [v if v.__class__ in _ATOMS else _fresh(v) for v in value]
    return value


def _argument(index):
    """Each distinct value is parsed once per batch; every call gets its own copy. An
    argument sent field by field ([[name, index], …]) becomes the dict of those fields."""
    if isinstance(index, list):
        return {name: _argument(i) for name, i in index}
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
    _reads.update(_script_reads.get(key, ()))  # what its module read once counts for every call
    _reads.update(_utility_reads)
    result = {"ok": False}
    mod, fn, count, problem = _load(key)
    file = _batch["scripts"][key]["file"]
    if problem is not None:
        result["error"] = problem
    else:
        refs = spec["args"] if count is None else spec["args"][:count]
        args = [_argument(i) for i in refs]
        kwargs = _argument(spec["kw"]) if spec.get("kw") is not None else {}
        saved = sys.stdout, sys.stderr
        if capture:  # a plain swap: cheaper than contextlib's redirect_* per call
            sys.stdout, sys.stderr = out, err
        try:
            value = fn(*args, **kwargs)
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


def check(file, source, entrypoint=None):
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
    result = {"ok": True, "functions": [n.name for n in defs], "params": params}
    signature = _signature(tree, entrypoint) if entrypoint else None
    if signature is not None:
        result["signature"] = signature
    return json.dumps(result)


# Declared parameters, read from the entrypoint's signature with `ast` (nothing runs): its
# parameters after (context, post) and after `*`, their annotations, literal defaults and
# the descriptions of an `Args:` section of its docstring.
_TYPES = {"str": "str", "int": "int", "float": "float", "bool": "bool"}
_SECTIONS = ("args", "arguments", "parameters", "params", "keyword args", "keyword arguments")
MAX_PARAMS = 100
MAX_TEXT = 500


def _literal(node):
    """(True, value) for a literal str, int, float, bool or None; (False, None) otherwise."""
    try:
        value = ast.literal_eval(node)
    except Exception:
        return False, None
    if value is None or isinstance(value, (bool, str)):
        return True, value
    if isinstance(value, int) and abs(value) < 2 ** 53:
        return True, value
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return True, value
    return False, None


def _annotation(node):
    """(type, choices): str, int, float, bool, Optional[...], X | None, Literal[...]; else any."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return "any", None
    if isinstance(node, ast.Name):
        return _TYPES.get(node.id, "any"), None
    not_none = lambda n: not (isinstance(n, ast.Constant) and n.value is None)  # noqa: E731
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = [n for n in (node.left, node.right) if not_none(n)]
        return _annotation(sides[0]) if len(sides) == 1 else ("any", None)
    if isinstance(node, ast.Subscript):
        base = node.value.attr if isinstance(node.value, ast.Attribute) else getattr(node.value, "id", "")
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if base == "Optional" or base == "Union":
            kept = [n for n in items if not_none(n)]
            return _annotation(kept[0]) if len(kept) == 1 else ("any", None)
        if base == "Literal":
            values = []
            for item in items:
                ok, value = _literal(item)
                if not ok or value is None or isinstance(value, bool):
                    return "any", None
                values.append(value)
            kinds = {type(v) for v in values}
            kind = "str" if kinds == {str} else "int" if kinds == {int} else "float" if kinds <= {int, float} else "any"
            return kind, values[:MAX_PARAMS]
    return "any", None


def _described(doc):
    """Parameter descriptions from a Google-style `Args:` section: `name (type): text`."""
    found, section, indent, current = {}, False, None, None
    for line in (doc or "").splitlines():
        text = line.strip()
        if text.endswith(":") and text[:-1].strip().lower() in _SECTIONS:
            section, indent, current = True, None, None
            continue
        if not section:
            continue
        if not text:
            current = None
            continue
        lead = len(line) - len(line.lstrip())
        head = re.match(r"^\*{0,2}(\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$", text)
        if head and (indent is None or lead <= indent):
            indent, current = lead, head.group(1)
            found[current] = head.group(2)
        elif current is not None and indent is not None and lead > indent:
            found[current] = f"{found[current]} {text}".strip()
        else:
            section = False
    return found


def _summary(doc):
    """The docstring up to its first blank line or section."""
    lines = []
    for line in (doc or "").strip().splitlines():
        text = line.strip()
        if not text or (text.endswith(":") and text[:-1].strip().lower() in _SECTIONS):
            break
        lines.append(text)
    return " ".join(lines)[:MAX_TEXT] or None


def _param(arg, default, described):
    kind, choices = _annotation(arg.annotation) if arg.annotation is not None else ("any", None)
    param = {"name": arg.arg, "type": kind}
    if default is None:
        param["required"] = True
    else:
        ok, value = _literal(default)
        if not ok:
            param["defaultText"] = ast.unparse(default)[:MAX_TEXT]
        elif value is not None:
            param["default"] = value
            if arg.annotation is None:
                param["type"] = {bool: "bool", int: "int", float: "float", str: "str"}[type(value)]
    if choices:
        param["choices"] = choices
    if arg.arg in described:
        param["description"] = described[arg.arg][:MAX_TEXT]
    return param


def _signature(tree, entrypoint):
    """The declaration of `entrypoint` (its last definition, the one Python keeps), or None."""
    fn = None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == entrypoint:
            fn = node
    if fn is None:
        return None
    a = fn.args
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    doc = ast.get_docstring(fn)
    described = _described(doc)
    params = []
    # The first two positional parameters are the ABI's (context, post); positional-only ones
    # cannot be named by a call.
    for index, (arg, default) in enumerate(zip(positional, defaults)):
        if index >= 2 and index >= len(a.posonlyargs):
            params.append(_param(arg, default, described))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        params.append(_param(arg, default, described))
    signature = {"params": params[:MAX_PARAMS], "open": a.kwarg is not None, "line": fn.lineno}
    summary = _summary(doc)
    if summary:
        signature["doc"] = summary
    return signature


def forget(keys_json):
    """Drops compiled scripts whose keys are not listed (edited or removed scripts)."""
    keep = set(json.loads(keys_json))
    for key in [k for k in _scripts if k not in keep]:
        del _scripts[key]
    for key in [k for k in _script_reads if k not in keep]:
        del _script_reads[key]
