# Guard rails applied in every worker after boot: no way back to JavaScript or the host
# through imports or through modules that stay loaded (asyncio's own references to socket
# and subprocess included), bds's event loop for asyncio, and a recursion limit low enough
# that Python raises RecursionError before the JavaScript stack overflows. A guard rail,
# not a boundary (see README).
import sys
import types

_BLOCKED = ("js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "ctypes", "_ctypes",
            "subprocess", "_posixsubprocess", "socket", "_socket", "select", "mmap",
            "multiprocessing", "_multiprocessing", "micropip", "ssl", "_ssl")


def _refusal(name):
    return (f"bds: module '{name.split('.')[0]}' is not available to scripts "
            "(no JavaScript, processes or network)")


def _blocked(name):
    return any(name == b or name.startswith(b + ".") for b in _BLOCKED)


class _Blocker:
    """First finder on sys.meta_path: refuses modules that reach the host or JavaScript."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if _blocked(name):
            raise ImportError(_refusal(name), name=name)
        return None


class _Refused(types.ModuleType):
    """What a loaded module's reference to a blocked module becomes: every attribute refuses."""

    def __getattr__(self, attr):
        raise ImportError(_refusal(self.__name__), name=self.__name__)


def _seal():
    """Replaces every reference a loaded module holds to a blocked module (asyncio's socket)."""
    for module in list(sys.modules.values()):
        names = getattr(module, "__dict__", None)
        if not isinstance(names, dict):
            continue
        for key, value in list(names.items()):
            if isinstance(value, types.ModuleType) and _blocked(getattr(value, "__name__", "")):
                names[key] = _Refused(value.__name__)


def install():
    for finder in list(sys.meta_path):
        if type(finder).__name__ == "JsFinder":
            sys.meta_path.remove(finder)
    sys.meta_path.insert(0, _Blocker())
    for name in [n for n in sys.modules if _blocked(n)]:
        del sys.modules[name]
    aio = sys.modules.get("_bds_aio")
    if aio is not None:
        aio.install()
    _seal()
    limit = 1000  # CPython's default; deeper Python recursion can overflow the JavaScript stack
    original = sys.setrecursionlimit
    original(limit)

    def setrecursionlimit(n):
        original(min(int(n), limit))

    sys.setrecursionlimit = setrecursionlimit
