"""sqlite-utils, loaded by what needs it (migrations, merging, exports, a caller's own queries), never at start-up.

numpy and pandas are hidden from it while it loads, unless this process has already imported them: it imports them
when installed only to map their types to columns, about 50 ms for values the store never holds (#14; numpy is
installed for imagehash).
"""

import sys
from typing import Any, cast


def _load() -> None:
    modules = cast(dict[str, Any], sys.modules)
    hidden = [name for name in ("numpy", "pandas") if name not in modules]
    for name in hidden:
        modules[name] = None          # `import numpy` raises ImportError while this is set
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if modules.get(name, False) is None:
                del modules[name]


_load()

from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402

__all__ = ["Database", "Migrations"]
