"""The SQLite provenance store. It imports nothing from `resolver`: it keeps facts, it does not find them."""

from cache.store import CacheError, Store, utc_now

Cache = Store

__all__ = ["Cache", "CacheError", "Store", "utc_now"]
