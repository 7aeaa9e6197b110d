"""The SQLite provenance store. It imports nothing from `resolver`: it keeps facts, it does not find them."""

import sys
from typing import Any, cast


def _load_sqlite_utils() -> None:
    """Import sqlite-utils with numpy and pandas hidden, unless this process already has them. sqlite-utils imports
    them when installed only to map their types to columns: about 50 ms of every process start (numpy is here for
    imagehash) for values the store never holds (#14)."""
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


_load_sqlite_utils()

from cache.store import CacheError, NewerCacheError, Store, utc_now  # noqa: E402

Cache = Store

__all__ = ["Cache", "CacheError", "NewerCacheError", "Store", "utc_now"]
