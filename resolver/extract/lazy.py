"""Regular expressions compiled when first used, not when their module is imported (#14).

Compiling a large pattern costs milliseconds in every process that imports it, and a one-file `scan` is mostly
start-up: the patterns a run may never try (the credit forms a page does not hold, the Instagram caption lines of
plain text) wait until something searches with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyPattern:
    """A `re.Pattern`'s searching methods, the pattern compiled on the first call (the same object thereafter)."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> bool:
        """Has a search compiled it yet? (The start-up tests ask.)"""
        return self._compiled is not None

    def _get(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        return compiled

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match[str]]:
        return self._get().finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self._get().search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self._get().match(text, pos, endpos)
