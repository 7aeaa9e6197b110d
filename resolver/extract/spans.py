"""Where a parsed element sits in the page source. lexbor keeps no source positions, so they are found again.

Spans let a report quote the article's own rendering of an embed or credit, so they must point at the element's
own start tag, even when several elements look alike. An element is known by its tag and one attribute (its id,
else its class, else its first attribute): the k-th element with that tag and that exact attribute value in the
document is the k-th such start tag in the source, outside comments and raw text (scripts, styles, iframes'
fallback...). The start tags are found by searching the attribute's value from a cursor that only moves forward,
so each kind of element costs one pass over the source at most; a page asking about many kinds is indexed once
instead (#12, #14). Where counting cannot pair a kind's elements with its start tags (the parser copied, dropped
or moved some), the stretch is parsed again with each start tag of the name marked, and each element is given the
tag whose mark it carries, or no span (`SourceMap._origins`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html.entities import html5 as _ENTITIES
from collections.abc import Iterator, Mapping
from typing import Any

from resolver.extract.dom import AncestorMemo, css_string, parse, select
from resolver.lazy import LazyPattern

VOID_TAGS = frozenset({"img", "br", "meta", "link", "input", "source", "area", "base", "col", "embed", "hr", "param",
                       "track", "wbr"})
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "template",
                       "plaintext"})
_PROSE_BLOCKS = frozenset({"script", "style", "footer", "nav"})
# One pass finds what is not markup (comments, raw text) and what is not article prose (scripts, styles, footers,
# navs); it jumps over raw text, so a script's contents are never read twice. The names' first letters are tested
# first (the same letters in any case): each name tried at every "<" cost a page's layout a third more (#14).
_LAYOUT_NAMES = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "template", "plaintext",
                 "footer", "nav")
_LAYOUT_RE = LazyPattern(rf"<(?:(!--)|([!?])|(?=[{''.join(sorted({name[0] for name in _LAYOUT_NAMES}))}])"
                         rf"({'|'.join(_LAYOUT_NAMES)})(?=[\s/>]))", re.IGNORECASE)
_ATTR_RE = re.compile(r"""[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_TAG_NAME_RE = re.compile(r"<([a-zA-Z][^\s/>]*)")
# Start tags the parser renames: <image> is an <img> (the Telegraph writes <image ... copyright="...">).
_SOURCE_NAMES = {"image": "img"}
_REF_RE = LazyPattern(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_MARK = "data-embed-resolver-tag"   # written into start tags to tell the elements made of them (`_origins`)
_MARKS_RE = LazyPattern(rf' {_MARK}="[0-9]+"')
MANY_KINDS = 32   # past this many kinds of element on one page, index every start tag once


def attribute_value(raw: str) -> str:
    """An attribute value as the HTML parser decodes it: a named reference without ';' followed by a letter,
    digit or '=' stays as written ('?a=1&region=2' keeps '&region')."""
    if "&" not in raw:
        return raw
    return _REF_RE.sub(lambda m: _decode_ref(m, raw), raw)


def _decode_ref(match: re.Match[str], raw: str) -> str:
    from html import unescape

    ref = match.group(1)
    if ref[0] == "#" or ref.endswith(";"):
        return unescape(match.group(0))
    following = raw[match.end(): match.end() + 1]
    if ref in _ENTITIES and not (following.isalnum() or following == "="):
        return _ENTITIES[ref]
    return match.group(0)


def read_start_tag_key(page: str, name_end: int, limit: int, tag: str) -> tuple[int, tuple[str, str | None, str]]:
    """(just after the start tag, its `element_key`) for a start tag whose name ends at `name_end`: names
    lower-cased, the first of a repeated name kept, the key's value decoded (only it: a start tag's other values
    are never needed). The tag ends at the first '>' outside quoted values."""
    values: dict[str, str] = {}
    pos = name_end
    while True:
        found = _ATTR_RE.match(page, pos, limit)
        if found is None or found.end() == pos or found.group(1) is None:
            break
        name = found.group(1).lower()
        if name not in values:
            value = found.group(2)
            values[name] = value if value is not None else found.group(3) or found.group(4) or ""
        pos = found.end()
    close = page.find(">", pos, limit)
    tag_end = close + 1 if close >= 0 else limit
    if not values:
        return tag_end, (tag, None, "")
    name = "id" if "id" in values else "class" if "class" in values else next(iter(values))
    return tag_end, (tag, name, attribute_value(values[name]))


class Layout:
    """Comments and raw-text elements (no start tag inside them is a tag) and prose blocks (scripts, styles,
    footers, navs: no article text) of a stretch of the page source, found in one pass."""

    def __init__(self, page: str, start: int = 0, end: int | None = None) -> None:
        self.raw: list[tuple[int, int]] = []
        self.blocks: list[tuple[int, int]] = []
        end = len(page) if end is None else end
        pos = start
        while True:
            found = _LAYOUT_RE.search(page, pos, end)
            if found is None:
                break
            at = found.start()
            if found.group(1):   # <!-- ... -->
                close = page.find("-->", found.end() - 1 if page.startswith("->", found.end()) else found.end(), end)
                pos = end if close < 0 else close + 3
                self.raw.append((at, pos))
                continue
            if found.group(2):   # <!doctype>, <?xml ...>, <![CDATA[: up to the next '>'
                close = page.find(">", found.end(), end)
                pos = end if close < 0 else close + 1
                self.raw.append((at, pos))
                continue
            name = found.group(3).lower()
            close = page.find(">", found.end(), end)   # quotes aside: these start tags rarely hold a '>'
            tag_end = end if close < 0 else close + 1
            if name in ("footer", "nav"):
                closer = _closer(name).search(page, tag_end, end)
                self.blocks.append((at, closer.start() if closer else end))
                pos = tag_end
                continue
            closer = None if name == "plaintext" else _closer(name).search(page, tag_end, end)
            pos = closer.start() if closer else end
            self.raw.append((tag_end, pos))
            if name in _PROSE_BLOCKS:
                self.blocks.append((at, pos))
        self._raw_starts = [r[0] for r in self.raw]

    def in_raw(self, at: int) -> bool:
        i = bisect_right(self._raw_starts, at) - 1
        return i >= 0 and at < self.raw[i][1]


_CLOSERS: dict[str, re.Pattern[str]] = {}


def _closer(name: str) -> re.Pattern[str]:
    if name not in _CLOSERS:
        _CLOSERS[name] = re.compile(rf"</{re.escape(name)}(?=[\s/>])", re.IGNORECASE)
    return _CLOSERS[name]


class ElementEnds:
    """Where elements end in the source: after the end tag that matches their start tag, nesting counted (a
    `</div>` in a script counts too, as a reader counting tags would). Each tag's matching is remembered, and a
    search that meets an element already matched jumps over it, so every start tag is read once whatever the
    order of the questions: a page of a million unclosed tags costs one pass, not a pass per tag (#12)."""

    def __init__(self, page: str) -> None:
        self.page = page
        self._partner: dict[str, dict[int, int | None]] = {}

    def end(self, tag: str, start: int) -> int:
        """Just after the element's end tag; just after its start tag for void elements or when it has none."""
        page = self.page
        open_end = page.find(">", start)
        if open_end < 0:
            return len(page)
        if tag in VOID_TAGS:
            return open_end + 1
        partner = self._match(tag, start)
        if partner is None:
            return open_end + 1
        close = page.find(">", partner)
        return close + 1 if close >= 0 else len(page)

    def _match(self, tag: str, start: int) -> int | None:
        known = self._partner.setdefault(tag, {})
        if start in known:
            return known[start]
        pattern = _tag_pattern(tag)
        stack: list[int] = []
        pos = start
        while True:
            found = pattern.search(self.page, pos)
            if found is None:
                break
            at = found.start()
            if found.group(1):
                opened = stack.pop()
                known[opened] = at
                if not stack:
                    return at
                pos = found.end()
            elif at != start and at in known:
                partner = known[at]
                if partner is None:
                    break   # an element left open to the end: so is every element around it
                pos = partner + 1
            else:
                stack.append(at)
                pos = found.end()
        for opened in stack:
            known[opened] = None
        return None


class TableDepth:
    """How many tables are open at a place in the source, by their start and end tags outside comments and raw text
    (an end tag with none open is not counted, as the parser ignores it)."""

    def __init__(self, page: str, start: int, end: int, layout: Layout) -> None:
        self._at: list[int] = []
        self._depth: list[int] = []
        depth = 0
        for found in _TABLE_TAG_RE.finditer(page, start, end):
            if layout.in_raw(found.start()):
                continue
            depth = depth + 1 if not found.group(1) else max(depth - 1, 0)
            self._at.append(found.start())
            self._depth.append(depth)

    def depth(self, at: int) -> int:
        i = bisect_right(self._at, at) - 1
        return self._depth[i] if i >= 0 else 0


_TABLE_TAG_RE = LazyPattern(r"<(/?)table(?=[\s/>])", re.IGNORECASE)


_TAG_RES: dict[str, re.Pattern[str]] = {}
_OPENERS: dict[str, re.Pattern[str]] = {}


def _opener(tag: str) -> re.Pattern[str]:
    if tag not in _OPENERS:
        names = "|".join([re.escape(tag), *(k for k, v in _SOURCE_NAMES.items() if v == tag)])
        _OPENERS[tag] = re.compile(rf"<(?:{names})(?=[\s/>])", re.IGNORECASE)
    return _OPENERS[tag]


def _tag_pattern(tag: str) -> re.Pattern[str]:
    if tag not in _TAG_RES:
        _TAG_RES[tag] = re.compile(rf"<(/?){re.escape(tag)}\b", re.IGNORECASE)
    return _TAG_RES[tag]


class SourceMap:
    """Finds a parsed element's character range in the page source (or in the stretch of it a parse covered)."""

    def __init__(self, page: str, tree: Any, start: int = 0, end: int | None = None,
                 ends: ElementEnds | None = None) -> None:
        self.page, self.tree = page, tree
        self.start, self.end = start, len(page) if end is None else end
        self.ends = ends or ElementEnds(page)
        self._layout: Layout | None = None
        self._spans: dict[int, tuple[int, int]] = {}
        self._ordinals: dict[tuple[str, str | None, str], dict[int, int]] = {}
        self._found: dict[tuple[str, str | None, str], _Cursor] = {}
        self._index: dict[str, dict[tuple[str, str | None, str], list[int]]] = {}
        self._ranked: set[str] = set()
        self._origin_maps: dict[str, dict[int, int]] = {}
        self._members: dict[tuple[str, str | None, str], list[Any]] = {}   # a kind's elements, in document order
        self._tabled: dict[tuple[str, str | None, str], bool] = {}
        self._tables: TableDepth | None = None
        # how many tables an element is in (itself included), each node visited once a page
        self._tables_around = AncestorMemo(lambda node, above: above + (node.tag == "table"), 0)

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            self._layout = Layout(self.page, self.start, self.end)
        return self._layout

    def span(self, el: Any, needle: str | None = None) -> tuple[int, int]:
        """(start, end) of the element in the page: its start tag to its end tag; (0, 0) when not found.
        `needle` is unused: kept so callers can say which attribute tells the element apart."""
        found = self._spans.get(el.mem_id)
        if found is None:
            start = self._locate(el)
            found = (0, 0) if start < 0 else (start, self.ends.end(el.tag, start))
            self._spans[el.mem_id] = found
        return found

    def start_of(self, el: Any) -> int:
        """Where the element's start tag begins in the page, or -1."""
        found = self._spans.get(el.mem_id)
        return (found[0] if found != (0, 0) else -1) if found is not None else self._locate(el)

    def _locate(self, el: Any) -> int:
        key = element_key(el.tag or "", el.attributes)
        ordinal = self._ordinal(key, el)
        if ordinal is None:
            return -1
        if len(self._ordinals) > MANY_KINDS:
            positions = self._indexed(key)
        else:
            cursor = self._found.get(key)
            if cursor is None:
                cursor = self._found[key] = _Cursor(self, key, len(self._ordinals[key]))
            positions = cursor.found
        if self._moved(key, positions):
            return self._origins(key[0]).get(el.mem_id, -1)
        return positions[ordinal] if ordinal < len(positions) else -1

    def _ordinal(self, key: tuple[str, str | None, str], el: Any) -> int | None:
        """The element's rank among the document's elements with the same key."""
        ranks = self._ordinals.get(key)
        if ranks is None:
            if len(self._ordinals) >= MANY_KINDS:
                ranks = {} if key[0] in self._ranked else self._rank_all(key[0]).get(key, {})
            else:
                ranks = {}
                members = self._members[key] = []
                for node in select(self.tree, _key_selector(key)):
                    if element_key(node.tag or "", node.attributes) == key:
                        ranks[node.mem_id] = len(ranks)
                        members.append(node)
            self._ordinals[key] = ranks
        return ranks.get(el.mem_id)

    def _moved(self, key: tuple[str, str | None, str], positions: list[int]) -> bool:
        """Whether the parser may have put this kind's elements in another order than their start tags (`positions`,
        paired by rank): content written inside a <table> but outside its cells is moved before the table (foster
        parenting), so with one element of the kind in a cell and another moved out, counting pairs each with the
        other's tag. So each element must be in as many tables as the tag paired with it is in the source: a moved
        element is in fewer tables than its own tag, so over the kind the elements' tables fall short of their
        tags' (the same tags, paired otherwise) whenever one was moved, and some pair differs. When one does, each
        element is told by the start tag it was made of (`_origins`; on the corpus, never: one page has a kind
        with elements in tables, and its pairs agree)."""
        moved = self._tabled.get(key)
        if moved is None:
            members = self._members.get(key, [])
            depths = [self._tables_around(node) for node in members] if len(members) > 1 else []
            moved = any(depths) and (key[0] in self._origin_maps or len(positions) != len(depths) or any(
                at < 0 or self.tables.depth(at) != depth for at, depth in zip(positions, depths)))
            self._tabled[key] = moved
        return moved

    @property
    def tables(self) -> TableDepth:
        if self._tables is None:
            self._tables = TableDepth(self.page, self.start, self.end, self.layout)
        return self._tables

    def _rank_all(self, tag: str) -> dict[tuple[str, str | None, str], dict[int, int]]:
        """Ranks of every element with this tag, by key: one walk for a page that asks about many kinds."""
        self._ranked.add(tag)
        by_key: dict[tuple[str, str | None, str], dict[int, int]] = {}
        members: dict[tuple[str, str | None, str], list[Any]] = {}
        for node in select(self.tree, tag):
            key = element_key(node.tag or "", node.attributes)
            ranks = by_key.setdefault(key, {})
            ranks[node.mem_id] = len(ranks)
            members.setdefault(key, []).append(node)
        for key, ranks in by_key.items():
            self._ordinals.setdefault(key, ranks)
            self._members.setdefault(key, members[key])
        return by_key

    def _indexed(self, key: tuple[str, str | None, str]) -> list[int]:
        tag = key[0]
        if tag not in self._index:
            index: dict[tuple[str, str | None, str], list[int]] = {}
            for at, found in self._start_tags(tag, None):
                index.setdefault(found, []).append(at)
            self._index[tag] = index
        positions = self._index[tag].get(key, [])
        if len(positions) != len(self._ordinals.get(key) or ()):
            positions = self._index[tag][key] = self.aligned(key)
        return positions

    def aligned(self, key: tuple[str, str | None, str]) -> list[int]:
        """The start tag of each element with this key, in rank order (-1 for none), when counting cannot pair the
        elements with the start tags: the parser copied some (a misnested <a> or <em> is reopened in the next
        paragraph, with the same attributes and often the same text), or dropped some. Each element is told by the
        start tag it was made of (`_origins`), so a copy is given none and the element after it keeps its own
        (rare: never on the corpus)."""
        origins = self._origins(key[0])
        return [origins.get(node.mem_id, -1) for node in self._members.get(key, [])]

    def _origins(self, tag: str) -> dict[int, int]:
        """Where the start tag of each element with this tag name begins (by `mem_id`; an element the parser made
        with no start tag of its own is left out). The stretch is parsed again with a mark written into each start
        tag of the name (its number): the parser keeps a tag's attributes on the element it makes of it, and a copy
        carries its original's, after it in the document. Nothing is known (an empty map: no span rather than a
        wrong one) when the page already writes the mark, or the second parse, its marks left out, is not the first:
        the marks can change what the parser makes, as it no longer sees copies of one formatting element alike
        (more than three of them open: the "Noah's Ark" clause), which can leave as many elements, arranged
        otherwise."""
        known = self._origin_maps.get(tag)
        if known is None:
            known = self._origin_maps[tag] = {}
            page = self.page
            tags = [at for at, _ in self._start_tags(tag, None)]
            pieces: list[str] = []
            pos = self.start
            for number, at in enumerate(tags):
                name = _TAG_NAME_RE.match(page, at)
                assert name is not None
                pieces += [page[pos:name.end()], f' {_MARK}="{number}"']
                pos = name.end()
            pieces.append(page[pos:self.end])
            marked = None if page.find(_MARK, self.start, self.end) >= 0 else parse("".join(pieces))
            if marked is not None and _MARKS_RE.sub("", marked.html or "") == (self.tree.html or ""):
                known.update(_paired(select(self.tree, tag), select(marked, tag), tags))
        return known

    def _start_tags(self, tag: str, needle: str | None, *,
                    outside_raw: bool = True) -> Iterator[tuple[int, tuple[str, str | None, str]]]:
        """Start tags with this tag name (whose text holds `needle`, when given), in source order, outside raw text
        (unless told it cannot be there), each with its key: a start tag is read once. Every '<' is looked for only
        between the previous hit and this one: a page of a million needles costs one pass. A start tag the page (or
        its stretch) ends inside is left out: the parser drops it, so it is no element's."""
        page, end = self.page, self.end
        in_raw = self.layout.in_raw if outside_raw else _never
        if needle is None:
            for found in _opener(tag).finditer(page, self.start, end):
                if not in_raw(found.start()):
                    tag_end, key = read_start_tag_key(page, found.end(), end, tag)
                    if page[tag_end - 1] == ">":
                        yield found.start(), key
            return
        pos = seen = self.start
        while True:
            hit = page.find(needle, pos, end)
            if hit < 0:
                return
            at = page.rfind("<", seen, hit)
            seen = pos = hit + len(needle)
            if at < 0:
                continue
            name = _TAG_NAME_RE.match(page, at)
            if name is None or _SOURCE_NAMES.get(name.group(1).lower(), name.group(1).lower()) != tag or in_raw(at):
                continue
            tag_end, key = read_start_tag_key(page, name.end(), end, tag)
            if hit < tag_end:
                if page[tag_end - 1] == ">":
                    yield at, key
                seen = pos = max(pos, tag_end)


class _Cursor:
    """The start tags of one kind of element, in source order.

    Each occurrence of the needle in a start tag of the right name with exactly the element's key is counted.
    When there are exactly as many as the document has such elements, each is one of theirs (markup written in a
    script's JSON escapes its quotes and never matches): no comment or script needs ruling out, and the page's
    layout is never computed (the usual case). Otherwise the start tags inside comments and raw text are left
    out, which the layout tells; when still not as many, every start tag of the name is read, as a value may be
    written with character references that the needle does not match."""

    def __init__(self, smap: SourceMap, key: tuple[str, str | None, str], expected: int) -> None:
        tag, name, value = key
        prefix = value
        for stop in "&<>\"'":
            prefix = prefix.split(stop)[0]
        needle = prefix if name is not None and len(prefix) >= 3 else None
        self.found = self._matching(smap, key, needle, outside_raw=False)
        if len(self.found) != expected:
            self.found = self._matching(smap, key, needle, outside_raw=True)
        if len(self.found) != expected and needle is not None:
            # A value written with a character reference ("twitter&#45;tweet") does not hold the needle: its tag was
            # missed, and the next one's taken for it. Every start tag of the name is read then (rare: never on the
            # corpus), and kept when as many as the document's.
            self.found = self._matching(smap, key, None, outside_raw=True)
        if len(self.found) != expected:
            self.found = smap.aligned(key)

    @staticmethod
    def _matching(smap: SourceMap, key: tuple[str, str | None, str], needle: str | None, *,
                  outside_raw: bool) -> list[int]:
        return [at for at, known in smap._start_tags(key[0], needle, outside_raw=outside_raw) if known == key]


def _key_selector(key: tuple[str, str | None, str]) -> str:
    tag, name, value = key
    return tag if name is None else f"{tag}[{name}]" if value == "" else f"{tag}[{name}={css_string(value)}]"


def _paired(elements: list[Any], twins: list[Any], tags: list[int]) -> dict[int, int]:
    """{element's mem_id: its start tag} from the same elements parsed again with marked start tags (`_origins`);
    {} when they are not alike (never seen: the two documents were compared whole)."""
    if len(elements) != len(twins):
        return {}
    found: dict[int, int] = {}
    seen: set[str] = set()
    for element, twin in zip(elements, twins):
        attributes = dict(twin.attributes)
        mark = attributes.pop(_MARK, None)
        if element_key(twin.tag or "", attributes) != element_key(element.tag or "", element.attributes):
            return {}
        if mark is not None and mark not in seen:   # later ones with the same mark are copies
            seen.add(mark)
            found[element.mem_id] = tags[int(mark)]
    return found


def _never(at: int) -> bool:
    return False


def element_key(tag: str, attrs: Mapping[str, str | None]) -> tuple[str, str | None, str]:
    """What tells an element apart in the source: its tag and its id, else its class, else its first attribute."""
    if not attrs:
        return (tag, None, "")
    for name in ("id", "class"):
        if name in attrs:
            return (tag, name, attrs[name] or "")
    name = next(iter(attrs))
    return (tag, name, attrs[name] or "")
