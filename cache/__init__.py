"""The SQLite provenance store. It imports nothing from `resolver`: it keeps facts, it does not find them."""

from cache.store import CacheError, CacheFull, NewerCacheError, Store, UnknownName, trusted_time, utc_now

Cache = Store

__all__ = ["Cache", "CacheError", "CacheFull", "NewerCacheError", "Store", "UnknownName", "trusted_time", "utc_now"]
