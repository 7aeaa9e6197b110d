"""lxml helpers the HTML embed and credit detectors share: parsing, an element's text, compiled XPaths."""

from __future__ import annotations

import re
from typing import Any

_SPACES_RE = re.compile(r"[ \t\r\n\u00a0]+")
_compiled: dict[str, Any] = {}


def parse(page: str) -> Any:
    """The page's root element, or None when libxml2 gives up on it."""
    import lxml.html  # lazy: `--help` must not pay for lxml
    from lxml import etree

    # lxml refuses str input that carries an XML encoding declaration; blank it, keeping every offset.
    if page.lstrip().startswith("<?xml"):
        page = re.sub(r"<\?xml[^>]*\?>", lambda m: " " * len(m.group(0)), page, count=1)
    try:
        return lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def compiled_xpath(expression: str) -> Any:
    """An XPath compiled once (the cache is bounded: credit predicates vary with the page)."""
    if expression not in _compiled:
        from lxml import etree

        if len(_compiled) > 512:
            _compiled.clear()
        _compiled[expression] = etree.XPath(expression)
    return _compiled[expression]


def class_set(el: Any) -> set[str]:
    return set((el.get("class") or "").split())


def element_text(el: Any) -> str:
    """The element's text as one line: runs of whitespace collapsed."""
    return _SPACES_RE.sub(" ", el.text_content()).strip()


def spaced_text(el: Any) -> str:
    """The element's text with a space between the texts of its children: captions put the credit in a span
    of its own ('...July 25, 2019.</span><span>J. Scott Applewhite / AP</span>')."""
    return _SPACES_RE.sub(" ", " ".join(el.itertext())).strip()


def text_with_breaks(el: Any) -> str:
    """The element's text as a reader sees it: <br> a line break, other whitespace runs one space."""
    parts: list[str] = []
    _collect(el, parts)
    lines = "".join(parts).split(_BREAK)
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in lines).strip()


_BREAK = "\x00"


def _collect(node: Any, parts: list[str]) -> None:
    if node.text and isinstance(node.tag, str):
        parts.append(node.text)
    for child in node:
        if child.tag == "br":
            parts.append(_BREAK)
        elif isinstance(child.tag, str):   # comments and processing instructions show nothing
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def inside(el: Any, claimed: set[Any]) -> bool:
    """Is one of the element's ancestors in `claimed`?"""
    return any(anc in claimed for anc in el.iterancestors())
