"""Regular expressions compiled when first used, and dataclasses built when first made, not when their module is
imported (#14).

Compiling a large pattern costs milliseconds in every process that imports it, and a one-file `scan` is mostly
start-up: the patterns a run may never try (the credit forms a page does not hold, the Instagram caption lines of
plain text) wait until something searches with them. So do the dataclasses only a path it may never take makes (a
failure, a shard, a rate wait): building one writes and compiles its methods' source, about 0.7 ms each.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, AnyStr, Generic, TypeVar

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern(Generic[AnyStr]):
    """A `re.Pattern`'s searching methods (of text or of bytes), the pattern compiled on the first use of one. The
    compiled pattern's methods are then set on the instance, so that later calls cost what the pattern's own do (no
    wrapper call)."""

    search: Callable[..., re.Match[AnyStr] | None]
    match: Callable[..., re.Match[AnyStr] | None]
    fullmatch: Callable[..., re.Match[AnyStr] | None]
    finditer: Callable[..., Iterator[re.Match[AnyStr]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., AnyStr]
    subn: Callable[..., tuple[AnyStr, int]]
    split: Callable[..., list[Any]]

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self.pattern: AnyStr = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        """Only reached for an attribute the instance does not have yet: a method's first use compiles."""
        if name not in _METHODS:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    @property
    def compiled(self) -> bool:
        """Has a use compiled it yet? (The start-up tests ask.)"""
        return "search" in self.__dict__


K = TypeVar("K", bound=type)
_BUILDING = threading.Lock()


def _lazy_dataclass(cls: Any = None, /, **options: Any) -> Any:
    """`dataclasses.dataclass` (with the same options), the class made a dataclass in place when its first instance
    is made (or unpickled or copied: both make it through `__new__` too), not when its module is imported. Until then
    it has no fields for `dataclasses.fields` and no generated methods, which no instance can notice: only for a
    class that nothing asks about as a class (no `fields(Kind)`, no dataclass subclassing it, no
    `object.__new__(Kind)` before one is made). Its `__new__` stays (one call more per instance: a class deleting it
    keeps calling a `__new__`, then object's, which refuses the arguments)."""
    def lazy(kind: K) -> K:
        building = [True]

        def __new__(made: type, *args: Any, **kwargs: Any) -> Any:
            if building:
                with _BUILDING:
                    if building:   # not built yet (another thread may just have)
                        dataclass(kind, **options)
                        building.clear()
            return object.__new__(made)   # type() then calls the dataclass's __init__ with the arguments
        kind.__new__ = __new__   # type: ignore[assignment]
        return kind
    return lazy if cls is None else lazy(cls)


def built(kind: type) -> bool:
    """Has a lazy dataclass been made a dataclass yet? (The start-up tests ask.)"""
    return "__dataclass_fields__" in kind.__dict__


if TYPE_CHECKING:   # the type checker sees the dataclass it becomes
    from dataclasses import dataclass as lazy_dataclass
else:
    lazy_dataclass = _lazy_dataclass


# Set by the command's own process (`resolver.__main__.main`): only there are a command's imports frozen.
OWN_PROCESS = [False]


@contextmanager
def imports_settled() -> Iterator[None]:
    """Import a command's modules with the collector off, then, in the command's own process only, put what they made
    out of its reach (`gc.freeze`), as `resolver.__main__` does with the command line's. Nothing a module makes at
    import is garbage, yet each collection while a one-file scan imported the pipeline and its extractors walked it
    again, and so did every later one (perf48a, #14: 2.3% of the scan's instructions). The collector is back as it was
    when the block ends, however it ends; a library caller's objects are never frozen."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if OWN_PROCESS[0]:
            gc.freeze()
        if enabled:
            gc.enable()
