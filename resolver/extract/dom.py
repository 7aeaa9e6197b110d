"""lexbor (selectolax) helpers the HTML embed and credit detectors share: parsing, an element's text, its
ancestors, CSS selection that never raises.

lexbor parses a page in about a third of libxml2's time and selects in C (#14). Walks up the tree are memoised
per node by their callers (`AncestorMemo`): a deeply nested page must not cost a walk to the root per element (#12).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from resolver.extract.needles import Needles
from resolver.lazy import LazyPattern

_SPACES_RE = re.compile(r"[ \t\r\n\u00a0]+")
_BREAK = "\x00"
_CSS_PLAIN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./:?=&%#+,;!@$*()[]{}|~^`<>'"
_CSS_PLAIN = frozenset(_CSS_PLAIN_CHARS)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(source: str) -> str:
    """Page source (or a stretch of it) lower-cased with each character in its place, no other character made an
    ASCII letter: what an ASCII name or needle is looked for in, at the source's offsets (HTML folds names in ASCII).
    `str.lower()` alone turns "İ" into two characters, so each offset past one, read back in the source, was off by
    one (an "İstanbul" alt before a data-credit gave "ne Doe/Getty Images\">", #11)."""
    lowered = source.lower()   # 13 ns a character; `translate` takes 90 on a page that is not ASCII
    if len(lowered) == len(source) and "\u212a" not in source:   # the Kelvin sign lower-cases to an ASCII "k"
        return lowered
    return source.translate(ASCII_LOWER)


def parse(page: str, *, utf8: bytes | None = None) -> Any:
    """The parsed document (a LexborHTMLParser), or None when the page cannot be parsed. `utf8`: the page's bytes
    when they are exactly `page` encoded as UTF-8, which spares encoding it again (4% of a scan, #14)."""
    from selectolax.lexbor import LexborHTMLParser  # lazy: `--help` must not pay for the parser

    try:
        # Bytes, not str: a lone surrogate (undecodable input kept by the reader) must not stop the page.
        return LexborHTMLParser(utf8 if utf8 is not None else page.encode("utf-8", "replace"))
    except (ValueError, RuntimeError, MemoryError):
        return None


def select(node: Any, selector: str) -> list[Any]:
    """Elements under `node` (itself included) matching a CSS selector, in document order, each once (lexbor gives
    an element once per selector of a list it matches); [] if lexbor refuses the selector, or for "" (no selector
    left to ask: `selector_of`)."""
    if not selector:
        return []
    try:
        found: list[Any] = node.css(selector)   # a new list at each call
    except (_selectolax_error(), ValueError):   # looked up only when css raised: an import per call cost 0.5 us (#14)
        return []
    if "," not in selector or len(found) < 2:
        return found
    unique: dict[int, Any] = {}
    for el in found:
        unique.setdefault(el.mem_id, el)
    return list(unique.values())


# A selector of a list, with the words an element it selects is written with (its tag name, an attribute's name, or
# a word of an attribute's value, in any ASCII case): one of them at least is in the page's source (#14).
Part = tuple[str, tuple[str, ...]]


def selector_of(parts: Sequence[Part], needles: Needles | None) -> str:
    """The selectors of `parts` that may select an element of the page, as one list ("" for none): lexbor tests each
    element of the page against each selector of a list, so one the page cannot match costs a walk for nothing
    (#14). All of them without `needles`."""
    return ", ".join(selector for selector, words in parts if needles is None or needles.may_write(*words))


def words_of(*parts: Sequence[Part]) -> tuple[str, ...]:
    """Every word the parts name, once each: the words a page's `Needles` are asked about."""
    return tuple(dict.fromkeys(word for group in parts for _, words in group for word in words))


def _selectolax_error() -> type[Exception]:
    from selectolax.lexbor import SelectolaxError

    return SelectolaxError


def css_string(value: str) -> str:
    """A CSS string literal for any value: page text never breaks a selector (#11)."""
    if not value.strip(_CSS_PLAIN_CHARS):   # every character plain: one C call, not a test per character (#14)
        return '"' + value + '"'
    return '"' + "".join(c if c in _CSS_PLAIN else f"\\{ord(c):x} " for c in value) + '"'


def attr(el: Any, name: str) -> str | None:
    return el.attrs.get(name)


def is_element(node: Any) -> bool:
    tag = node.tag
    return bool(tag) and tag[0] not in "-_"


def element_before(node: Any) -> Any:
    """The element just before a node, blank text skipped; None when words or nothing come first."""
    node = node.prev
    while node is not None and node.tag == "-text":
        if (node.text_content or "").strip():
            return None
        node = node.prev
    return node


def children(el: Any) -> list[Any]:
    """The element's child elements (no text, no comments)."""
    return [c for c in el.iter() if is_element(c)]


def descendants(el: Any, tag: str) -> list[Any]:
    """The element's descendants with a tag name, in document order (itself excluded). Nodes are compared by
    mem_id: selectolax's == compares serialised HTML, a walk of both subtrees."""
    me = el.mem_id
    return [d for d in el.css(tag) if d.mem_id != me]


def class_set(el: Any) -> set[str]:
    return set((el.attrs.get("class") or "").split())


def ancestors(el: Any) -> Iterator[Any]:
    """Parent, grandparent... up to the root element."""
    node = el.parent
    while node is not None and is_element(node):
        yield node
        node = node.parent


def element_text(el: Any) -> str:
    """The element's text as one line: runs of whitespace collapsed."""
    return _SPACES_RE.sub(" ", el.text(deep=True)).strip()


def spaced_text(el: Any) -> str:
    """The element's text with a space between the texts of its children: captions put the credit in a span
    of its own ('...July 25, 2019.</span><span>J. Scott Applewhite / AP</span>'). None before a slash or a closing
    mark, nor after an opening one or a slash: a linked name stays as printed, "(<a>Ann Example</a>/Flickr)"."""
    text = _SPACES_RE.sub(" ", el.text(deep=True, separator=" ")).strip()
    if " /" in text or "/ " in text or "( " in text or " )" in text or " ," in text:   # rare: read again (#14)
        glued = _GLUED_RE.sub("", el.text(deep=True, separator=_CHILD)).replace(_CHILD, " ")
        text = _SPACES_RE.sub(" ", glued).strip()
    return text


_CHILD = "\x00"   # between children's texts (lexbor turns a NUL in the page into U+FFFD)
_GLUED_RE = LazyPattern(r"\x00+(?=[/)\],.;:!?])|(?<=[(\[/])\x00+")


def text_with_breaks(el: Any) -> str:
    """The element's text as a reader sees it: <br> a line break, other whitespace runs one space."""
    parts: list[str] = []
    _collect(el, parts)
    lines = "".join(parts).split(_BREAK)
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in lines).strip()


BLOCKS = frozenset("p div blockquote li ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article header footer aside figure "
                   "figcaption table tr td th pre address".split())


def text_with_lines(el: Any) -> str:
    """The element's text with a line break for each <br> and before each block inside it, its whitespace as
    written: what the plain-text detectors read lines of. lexbor's own text drops <br>, which glued the line
    above to a flattened tweet's signature ("...Zz98Yy76XxSam Doe (@h)"). A walk, not a recursion: any depth."""
    parts: list[str] = []
    first, line_start = True, False
    for node in el.traverse(include_text=True):
        if first:   # the element itself
            first = False
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if line_start:   # the source's own line break after a <br> is no second one (nor its indent)
                text = text.lstrip()
                line_start = not text
            parts.append(text)
        elif tag == "br" or tag in BLOCKS:
            if parts and not line_start:
                parts[-1] = parts[-1].rstrip(" \t\r\n")
            parts.append("\n")
            line_start = True
    return "".join(parts)


def block_lines(el: Any, *, skip: Callable[[Any], bool]) -> list[str]:
    """The element's text in lines as a reader sees them: a line for each <br> and around each block inside it
    (sibling <div>s were read as one word: "First lineSecond line"), whitespace runs one space, no empty line; the
    elements `skip` names are left out with all they hold."""
    parts: list[str] = []
    _collect(el, parts, skip)
    lines = (_SPACES_RE.sub(" ", line).strip() for line in "".join(parts).split(_BREAK))
    return [line for line in lines if line]


def _collect(node: Any, parts: list[str], skip: Callable[[Any], bool] | None = None) -> None:
    """`skip`: None, or the elements to leave out, each block then read as a line of its own."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag == "br":
            parts.append(_BREAK)
        elif not is_element(child):   # comments show nothing
            continue
        elif skip is None:
            _collect(child, parts)
        elif not skip(child):
            block = tag in BLOCKS
            parts.append(_BREAK if block else "")
            _collect(child, parts, skip)
            parts.append(_BREAK if block else "")


class AncestorMemo:
    """A per-node answer that depends only on the node and its ancestors, computed once per node.

    `step(node, above)` gives the answer for `node` from the answer of its parent (`above`); `top` is the answer
    above the root. Walking up stops at the first node already answered, so answering every element of a page
    costs one visit per node however deep the page nests (#12)."""

    def __init__(self, step: Callable[[Any, Any], Any], top: Any) -> None:
        self.step, self.top = step, top
        self.known: dict[int, Any] = {}

    def __call__(self, node: Any) -> Any:
        path = []
        answer, known = self.top, self.known
        while node is not None:
            tag = node.tag   # `is_element` written out: no call per node walked (#14)
            if not tag or tag[0] in "-_":
                break
            found = known.get(node.mem_id, _MISSING)
            if found is not _MISSING:
                answer = found
                break
            path.append(node)
            node = node.parent
        step = self.step
        for node in reversed(path):
            answer = step(node, answer)
            known[node.mem_id] = answer
        return answer


_MISSING = object()
MAX_NESTED = 8
FEW = 64


def shallow(elements: list[Any], limit: int = MAX_NESTED) -> list[Any]:
    """The elements, less those nested inside `limit` or more of the others. Reading an element reads its whole
    subtree, so without this a page nesting 100,000 credit elements costs quadratic time (#12); no real page
    nests captions or embeds eight deep."""
    if len(elements) <= FEW:
        return elements   # reading each of a few elements whole is bounded anyway: no walk on a usual page
    ids = {el.mem_id for el in elements}
    above = AncestorMemo(lambda node, count: count + (node.mem_id in ids), 0)
    return [el for el in elements if above(el.parent) < limit]
