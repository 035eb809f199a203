# Guard rails applied in every worker after boot: no way back to JavaScript or the host
# through imports, and a recursion limit low enough that Python raises RecursionError
# before the JavaScript stack overflows. A guard rail, not a boundary (see README).
import sys

_BLOCKED = ("js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "ctypes", "_ctypes",
            "subprocess", "_posixsubprocess", "socket", "_socket", "select", "asyncio",
            "mmap", "multiprocessing", "_multiprocessing", "micropip", "ssl", "_ssl")


def _blocked(name):
    return any(name == b or name.startswith(b + ".") for b in _BLOCKED)


class _Blocker:
    """First finder on sys.meta_path: refuses modules that reach the host or JavaScript."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if _blocked(name):
            raise ImportError(f"bds: module '{name}' is not available to scripts "
                              "(no JavaScript, processes or network)", name=name)
        return None


def install():
    for finder in list(sys.meta_path):
        if type(finder).__name__ == "JsFinder":
            sys.meta_path.remove(finder)
    sys.meta_path.insert(0, _Blocker())
    for name in [n for n in sys.modules if _blocked(n)]:
        del sys.modules[name]
    limit = 1000  # CPython's default; deeper Python recursion can overflow the JavaScript stack
    original = sys.setrecursionlimit
    original(limit)

    def setrecursionlimit(n):
        original(min(int(n), limit))

    sys.setrecursionlimit = setrecursionlimit
