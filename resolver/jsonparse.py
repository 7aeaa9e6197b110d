"""JSON from strangers (a service's answer, an archived capture, a page's JSON-LD, a JSON Lines record), parsed by
one rule: whatever cannot be read is a ValueError, as malformed JSON is.

json.loads recurses once per level of nesting: a few hundred KB of "[" raise RecursionError, which no reader caught
(they catch ValueError), so one such answer or page ended a whole command with an internal error (#12).
"""

from __future__ import annotations

import json
from typing import Any

NESTED_TOO_DEEPLY = "JSON nested too deeply to read"


_DECODER = json.JSONDecoder()


def loads(data: str | bytes | bytearray) -> Any:
    """json.loads, with nesting past what the parser can recurse into a ValueError like any other malformed JSON."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError(NESTED_TOO_DEEPLY) from None


def raw_decode(text: str, start: int = 0) -> tuple[Any, int]:
    """The JSON value that starts at `start` in `text`, and where it ends (json.JSONDecoder.raw_decode), by the same
    rule as `loads`."""
    try:
        return _DECODER.raw_decode(text, start)
    except RecursionError:
        raise ValueError(NESTED_TOO_DEEPLY) from None
