"""Regular expressions compiled when first used, not when their module is imported (#14).

Compiling a large pattern costs milliseconds in every process that imports it, and a one-file `scan` is mostly
start-up: the patterns a run may never try (the credit forms a page does not hold, the Instagram caption lines of
plain text) wait until something searches with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, AnyStr, Generic

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
