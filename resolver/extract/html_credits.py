"""Photo credits in an HTML page: credit elements and classes, figcaptions, credit attributes (data-credit,
copyright=), credits inside alt and caption attributes, JSON-LD ImageObjects, and credit lines in the page's
running text. The words themselves are read by `credits` (shared with plain text).
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import replace
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from resolver.extract import credits as credit_patterns
from resolver.extract.credit_names import (SEPARATOR_RE, agency_key, is_persons_name, person_for_outlet,
                                           split_confidence, split_credit)
from resolver.extract.dom import (AncestorMemo, Part, ascii_lower, children, element_before, element_text, select,
                                  selector_of, shallow, spaced_text)
from resolver.extract.intervals import Intervals
from resolver.extract.needles import Needles, literal_starts
from resolver.extract.script_credits import (IMAGE_ATTRS, ShownImages, attribute_credits, json_objects, name_of,
                                             file_of, parsed_jsonld, photo_key, schema_types, sizes_apart)
from resolver.extract.spans import VOID_TAGS, SourceMap
from resolver.lazy import LazyPattern
from resolver.model import Credit

# Elements whose class holds a credit word, a "related" box (whose contents are not the article's), credit
# itemprops, captions and figures' cites: one CSS selection, in document order. Page text never becomes a
# selector (#11: a class value with a control character in it once stopped a whole batch).
CREDIT_WORDS = ("credit", "copyright", "photographer", "attribution", "image-source", "photo-source", "caption", "__source")
CREDIT_WORD_RE = LazyPattern("|".join(CREDIT_WORDS))
JSONLD_TYPE = "application/ld+json"
ITEMPROP_SELECTOR = "[itemprop=creditText], [itemprop=copyrightHolder], [itemprop=copyrightNotice]"
JSONLD_SELECTOR = f"script[type='{JSONLD_TYPE}' i]"   # a MIME type, in any case ("application/LD+JSON", #11)
# Asked where the page may write the type's "ld+json" in any case, its "+" maybe as a reference ("ld&plus;json"); a
# letter written as a reference makes every word one the page may write. "json" alone is on 112 of 146 corpus pages
# ("application/json", URLs), "ld+json" on 80, JSON-LD on 63 (#14).
JSONLD_PARTS: tuple[Part, ...] = ((JSONLD_SELECTOR, ("ld+json", "ld&")),)
# An <i> under a bare image and a line break is its caption (Gothamist: <img><br><i>... (Name/Flickr)</i>, no
# figure). Selected as "br + i", the image asked after: "img + br + i" costs twice that, "img + i" five times and
# the four with <em> ten times (a hundredth of a scan; #14). "br + em" too: newuser27's page put such a caption in
# an <em> (#11); it cost no change the scan benchmark could tell from its noise.
CANDIDATE_SELECTOR = ", ".join([*(f"[class*={w} i]" for w in CREDIT_WORDS), "[class*=related i]", "figcaption",
                                "figure cite", "[itemprop]", "br + i", "br + em"])
# lexbor tests each element against each selector of a list: the three "source" words are asked as one, "source"
# (a sixth of the selection's time, #14), and the few elements it adds (class "resource-list") are asked again.
SOURCE_WORDS = ("image-source", "photo-source", "__source")
# Each asked only when the page may write its word (`dom.selector_of`): on most pages three of the five class words,
# "<figcaption", "<cite" and "itemprop" are nowhere in the source (#14). `</br>` makes a <br> too. "source" stands
# for its three words, and is asked only when the page may write one of them: "source" alone is on 124 of 146 corpus
# pages (`<source>`, "srcset", scripts), one of the three on 9, and an element it selects without one of them is kept
# only when another selector of the list selects it (`_candidates`), which is asked on its own (25 us a page, #14).
BROAD_CANDIDATE_PARTS: tuple[Part, ...] = (
    *((f"[class*={w} i]", (w,)) for w in CREDIT_WORDS if w not in SOURCE_WORDS), ("[class*=source i]", SOURCE_WORDS),
    ("[class*=related i]", ("related",)), ("figcaption", ("<figcaption",)), ("figure cite", ("<cite",)),
    ("[itemprop]", ("itemprop",)), ("br + i", ("<br", "</br")), ("br + em", ("<br", "</br")))
BROAD_CANDIDATE_SELECTOR = selector_of(BROAD_CANDIDATE_PARTS, None)
# Descendants that may be credit elements themselves (a superset of `_is_credit_element`).
CREDIT_ELEMENT_SELECTOR = ", ".join([ITEMPROP_SELECTOR, *(f"[class*={w} i]" for w in (
    "credit", "copyright", "photographer", "byline", "attribution", "image-source", "photo-source", "__source",
    "caption-source", "caption_source", "picture-source"))])
RELATED_TAGS = frozenset({"div", "section", "aside", "ul"})
RELATED_CLASS_RE = LazyPattern(r"\brelated")
# Words a credit line in prose carries (lower-case "photo" is too common in prose to be a hint). Case-sensitive,
# so the engine can skip quickly; each hit is then read in its own text node only.
# (Each alternative starts with a character few words start with: one starting "s" made the engine try the whole
# list at most characters of a page, a sixth of a scan; #14.)
PROSE_HINT_RE = re.compile(r"Photo|PHOTO|\(photo|Credit|CREDIT|©|Getty|GETTY|REUTERS|AFP|EPA|\(AP\b|AP\)|Courtesy|Foto"
                           r"|Flickr user|Infographic"
                           # a US newspaper's own lines, "photo" in small letters (newuser44d #3)
                           r"|Staff photo|Staff file photo|Submitted photo|Contributed photo"
                           r"|Images?(?: credit|:| by| via| courtesy| copyright| source)|Screen(?:shot|grab|[ -]grab|[ -]capture)|Video still"
                           r"|Illustration(?::| by| source)"
                           r"|＝"   # a Japanese caption's agency after the sign, "…＝共同", a paragraph of its own (late47a #1)
                           # "Фото: ТАСС" in a paragraph of its own (#10): the words in other letters, not as one
                           # group (the engine then tried the whole list at each character, ten times this search's
                           # time); those starting with an ASCII letter that "Foto" does not find ("Kuva", "Zdjęcie")
                           # listed flat too, in either case (odds28: 1.02-1.03 times this search's CPU time over the
                           # corpus' prose, interleaved; not the 1.8 times measured before)
                           r"|" + "|".join(w for w in credit_patterns.OTHER_PHOTO_WORDS if not w[0].isascii())
                           + "".join(f"|{w}|{w.upper()}" for w in credit_patterns.OTHER_PHOTO_WORDS
                                     if w[0].isascii() and not w.startswith("Foto")))
CREDIT_CLASS_RE = LazyPattern(
    r"(?:^|[\s_-])(?:photo-?credits?|image-?credits?|img-?credits?|media-?credits?|picture-?credits?|caption-?credits?"
    r"|credits?(?!-?card)|copyright|photographer|photo-?byline|credit-?line|attribution|image-source|photo-source"
    r"|(?:caption|picture|image|photo|media|figure|img)(?:__|[-_])?source)(?:$|[\s_-])",   # a caption's source
    # slot: NBC News' caption__source, Rolling Stone's c-picture__source
    re.IGNORECASE,
)
# Classes that name a source without saying it is a photo's: they count only next to an image.
WEAK_CLASS_RE = LazyPattern(r"credit|copyright|photographer|byline", re.IGNORECASE)
# A picture's own source slot: next to its image, a name alone is its photographer ("Dale Example").
SOURCE_SLOT_RE = LazyPattern(r"(?:caption|picture|image|photo|figure|img)(?:__|[-_])?source", re.IGNORECASE)
# A class or attribute saying whose name the element holds: the photographer's (the Miami Herald's class
# "photographer", "byline-photographer", data-photographer). A source slot or a "credit" says only that a name is there.
PHOTOGRAPHER_CLASS_RE = LazyPattern(r"photographer", re.IGNORECASE)
CREDIT_ITEMPROPS = frozenset({"creditText", "copyrightHolder", "copyrightNotice"})
# Attributes that hold a credit as their whole value, and attributes that hold a caption a credit may end.
WHOLE_ATTRS = frozenset({"data-credit", "data-photo-credit", "data-image-credit", "data-copyright", "data-photographer",
                         "copyright", "photographer", "credit"})
CAPTION_ATTRS = frozenset({"alt", "alttext", "data-alt", "caption", "data-caption", "title"})
# The caption attributes whose last sentence may be a credit no hint word says (`_ends_in_sentence_credit`); a
# title is read as that alone (`_titled_image`).
FOR_CAPTION_ATTRS = CAPTION_ATTRS - {"title"}
# An image's title may hold its credit (U.S. News); another element's names a page or a gallery.
IMAGE_ONLY_ATTRS = frozenset({"title"})
CREDIT_BEARING_ATTRS = WHOLE_ATTRS | CAPTION_ATTRS
# An attribute with its value in double, single or no quotes (`DATA-CREDIT=Reuters`, #11), its name any run the
# parser reads as one (`@click`, `[attr.x]`): a quoted value is always read whole, never taken for attributes.
ATTRIBUTE_RE = LazyPattern(r"""\s([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# A caption attribute is read only when it holds one of these (most alt texts describe, and are skipped at once).
# Asked of the source lower-cased too, where "©" may be written as a reference (#11).
CAPTION_HINTS = ("(", "[", "/", "©", "&copy", "credit", "photo", "getty", "courtesy", "image:", "foto", "copyright")
COPYRIGHT_REFERENCE_RE = credit_patterns.COPYRIGHT_REFERENCE_RE
CREDIT_ATTR_NAME_RE = LazyPattern(
    r"\s(?:data-)?(?:alt|caption|alttext|credit|copyright|photographer|[a-z-]*credit)\s*=|<img\s(?:[^>]*\s)?title\s*=")
IMAGE_ATTR_RE = LazyPattern(
    r"""\s(?:src|data-src|data-lazy-src|data-original|data-image|data-img|srcset|data-srcset)\s*=\s*["']?([^"'\s>,]+)""",
    re.IGNORECASE)   # `<IMG SRC=...>` names its image too
TAG_NAME_RE = LazyPattern(r"<([a-z][a-z0-9-]*)")
# "credit=" in any case (HTML names are; #11: `<div DATA-CREDIT=...>` gave no credit), ASCII only, as the parser
# folds names: found caselessly with the page's other needles, in one pass (`needles.Needles`, #14). HTML allows
# white space before the '=' (`data-credit = "..."`, #11), any run of its blanks (`credit \t\r\n=`, review27b #8):
# "credit" and a blank is a needle too, each such hit kept only where the blanks run on to a '='.
CREDIT_ATTR = "credit="
CREDIT_ATTRS = (CREDIT_ATTR, "credit ", "credit\t", "credit\n", "credit\r", "credit\x0c")
BLANKS_THEN_EQUALS_RE = LazyPattern(r"[\t\n\x0c\r ]+=")
# A lazy image's stand-in in its src, the same for every image of a page: no photo of its own.
PLACEHOLDER_IMAGE_RE = LazyPattern(r"(?:blank|spacer|placeholder|pixel|transparent|1x1|lazy|loading|gr[ae]y)[^/]*$",
                                   re.IGNORECASE)
QUOTE_OR_END_RE = LazyPattern(r'[">]')
NOT_CREDIT_TAGS = frozenset({"meta", "link", "script", "style"})


def find_credits(tree: Any, smap: SourceMap, *, claimed: set[Any], embed_spans: list[tuple[int, int]],
                 shown: ShownImages | None = None,
                 anchors: tuple[list[int], list[int]] | None = None,
                 needles: Needles) -> tuple[list[Credit], str]:
    """Every photo credit in a parsed page (or the stretch of it `smap` covers), in order, outside the embeds
    (`claimed` elements, `embed_spans`), and the article prose it searched (text nodes joined by NODE; "" when the
    page has no body), which the embed detector reads for bare post URLs. The last use of `tree`: the prose pass
    strips scripts and the like from it. `shown`, when given, is told the images the article shows (before the
    strip), for the credits kept in script data (`script_credits`); `anchors`: where the page names credit keys
    in JSON (`script_credits.find_anchors`); `needles`: the page's needles, CREDIT_ATTR among them, caseless (#14)."""
    page = smap.page
    walks = _Walks(claimed, set(), amp=bool(needles.within(AMP_IMG_NEEDLE, smap.start, smap.end)))
    found, related = _element_credits_of(tree, smap, claimed, walks, needles)
    if needles.within(META_ALT_NEEDLE, smap.start, smap.end):   # on 20 of 146 corpus pages
        found += _meta_alt_credits(tree, smap)
    if shown is not None:
        shown.add_tree(tree, related, walks.jsonld)
    if anchors is not None and anchors[1]:
        found += attribute_credits(tree, smap, related, anchors[1])
    read_tags: set[int] = set()
    quiet = [smap.span(el) for el in walks.quiet]
    outside = Intervals([c.span for c in found] + [s for c in found for s in c.also_at] + embed_spans + quiet)
    hits = needles.within(CREDIT_ATTR, smap.start, smap.end)
    spaced = [hit for needle in CREDIT_ATTRS[1:] for hit in needles.within(needle, smap.start, smap.end)
              if BLANKS_THEN_EQUALS_RE.match(page, hit + len("credit"))]
    hits = sorted(hits + spaced) if spaced else hits
    found += _held_photos(_attribute_credits(page, smap, hits, related=related, taken=outside, read_tags=read_tags),
                          tree, smap, walks)
    taken = Intervals([c.span for c in found] + [s for c in found for s in c.also_at] + embed_spans + quiet)
    found += _hinted_attribute_credits(tree, smap, related, taken=taken, read_tags=read_tags, needles=needles)
    prose = prose_text(tree, related)
    found += _prose_credits(prose, smap, taken=taken)
    return sorted(found, key=lambda c: c.span), prose


# An AMP page's photo: `<amp-img src=...>`, its own element in place of an <img> (newuser42a #5: a figure's caption
# credited no image). Looked for only on a page that writes one.
PHOTO_TAGS = frozenset({"img", "amp-img"})
PHOTO_SELECTOR = "img, amp-img"


class _Walks:
    """Answers about an element's ancestors, each node visited once per page (#12)."""

    def __init__(self, claimed: set[Any], credited: set[Any], *, amp: bool = False) -> None:
        self.credited = credited
        self.amp = amp   # the page writes <amp-img>: its photos are those too (newuser42a #5)
        self.in_claimed = AncestorMemo(lambda node, above: above or node in claimed, False)
        # Candidates come in document order: a credited element is credited before its descendants are asked.
        self.in_credited = AncestorMemo(lambda node, above: above or node in credited, False)
        self.figure = AncestorMemo(lambda node, above: node if node.tag == "figure" else above, None)
        self.in_footer = AncestorMemo(lambda node, above: above or _footer_node(node), False)
        self.images: dict[int, list[Any]] = {}
        self.quiet: list[Any] = []   # elements whose words hold no credit of their own (read by none of the passes)
        self.slot_parents: set[Any] = set()   # captions holding a source slot (`SOURCE_SLOT_RE`)
        self.jsonld: list[Any] = []   # the page's JSON-LD scripts, selected once
        self.image_captions: dict[int, str] = {}   # italic captions under a bare image: that image's src
        self.photos: dict[int, list[str]] = {}   # `_photos_for` of a block's images (a gallery's captions share them)
        self.places: dict[int, tuple[int, int]] = {}   # `place` of each node, counted when first asked

    def place(self, node: Any) -> tuple[int, int]:
        """Where `node` and its descendants stand in the page's elements, in document order: (first, past the last).
        Counted once per page, when first asked."""
        if not self.places:
            top = node
            while top.parent is not None:
                top = top.parent
            count = 0
            stack: list[tuple[Any, bool]] = [(top, False)]
            while stack:
                at, done = stack.pop()
                if done:
                    self.places[at.mem_id] = (self.places[at.mem_id][0], count)
                    continue
                self.places[at.mem_id] = (count, count)
                count += 1
                stack.append((at, True))
                stack.extend((child, False) for child in reversed(list(at.iter(include_text=True))))
        return self.places[node.mem_id]

    def images_in(self, node: Any) -> list[Any]:
        if node.mem_id not in self.images:
            self.images[node.mem_id] = select(node, PHOTO_SELECTOR if self.amp else "img")
        return self.images[node.mem_id]


def _element_credits_of(tree: Any, smap: SourceMap, claimed: set[Any], walks: _Walks,
                        needles: Needles) -> tuple[list[Credit], list[Any]]:
    """(credits read from credit elements, captions, cites and JSON-LD; "related" boxes). `needles`: the page's,
    asked which selectors may select anything (#14)."""
    root = tree.root
    if root is None:
        return [], []
    # JSON-LD is often in the head; everything else is looked for in the body only (fewer elements to test).
    walks.jsonld = select(root, selector_of(JSONLD_PARTS, needles))
    selected = walks.jsonld + _candidates(tree.body or root, needles)
    candidates, related = [], []
    credited = walks.credited
    for el in shallow(selected):
        attributes = el.attributes   # one dict: `attrs.get` raises and catches a KeyError per name missing (#14)
        css = (attributes.get("class") or "").lower()
        if "related" in css and el.tag in RELATED_TAGS and RELATED_CLASS_RE.search(css):
            related.append(el)
        tag = el.tag
        if CREDIT_WORD_RE.search(css) or tag == "figcaption" \
                or tag == "script" and (attributes.get("type") or "").lower() == JSONLD_TYPE \
                or (attributes.get("itemprop") or "") in CREDIT_ITEMPROPS or tag == "cite" and walks.figure(el.parent):
            candidates.append(el)
        elif tag in ("i", "em") and (image := _image_above(el)) is not None:
            walks.image_captions[el.mem_id] = image
            candidates.append(el)
    # Elements holding a credit element leave the credit to it: marked once, walking up until a marked one.
    holders: set[Any] = set()
    for el in candidates:
        if _is_credit_element(el):
            if el.parent is not None and (el.parent.tag == "figcaption" or "caption" in (
                    el.parent.attrs.get("class") or "").lower()) and SOURCE_SLOT_RE.search(el.attrs.get("class") or ""):
                walks.slot_parents.add(el.parent)
            node = el.parent
            while node is not None and node not in holders and node.tag != "-document":
                holders.add(node)
                node = node.parent
    placed: list[tuple[Any, Credit]] = []
    for el in candidates:
        if not (claimed and walks.in_claimed(el.parent)):
            found = _credits_at(el, smap, walks, credited, holders)
            if found:   # most candidates credit nothing
                placed += [(el, credit) for credit in found]
    return _one_per_photo(placed, walks), related


def _candidates(root: Any, needles: Needles) -> list[Any]:
    """The elements under `root` that CANDIDATE_SELECTOR selects, in document order."""
    return [el for el in select(root, selector_of(BROAD_CANDIDATE_PARTS, needles))
            if "source" not in (el.attrs.get("class") or "").lower() or _selects_itself(el, CANDIDATE_SELECTOR)]


def _selects_itself(el: Any, selector: str) -> bool:
    """Does `selector` select the element itself? lexbor matches it in the whole tree (its figure above, the <br>
    before it), though only the element and what it holds are searched."""
    found = select(el, selector)
    return bool(found) and found[0].mem_id == el.mem_id


def _box_ranges(smap: SourceMap, boxes: list[Any]) -> list[tuple[int, int]]:
    """Source ranges of "related" boxes (other stories' teasers): their images and credits are not the article's."""
    return [span for span in (smap.span(box) for box in boxes) if span != (0, 0)]


def _photos_for(el: Any, walks: _Walks, *, before: bool = False) -> list[str]:
    """The addresses of the photos a caption or credit stands by, in source order, each photo once (sizes aside), up
    to three (enough to tell one, two and several apart): its figure's images, or the one img of a small parent;
    `before`: else the photo of the block just before it (`_photo_block_before`; asked of captions that credit only,
    as it walks the block)."""
    images = _images_near(el, walks, before=before)
    if len(images) < 2:   # most: as it was, one address or none
        return [src for src in map(_src_of, images) if src]
    if id(images) not in walks.photos:   # a list `walks.images_in` keeps: its id is the block's for the page
        srcs = [src for src in map(_src_of, images) if src]
        real = [src for src in srcs if not PLACEHOLDER_IMAGE_RE.search(src)]   # a lazy image's stand-in is no photo
        photos: list[str] = []
        for src in real:
            if not any(_same_photo(photo, src) for photo in photos):
                photos.append(src)
                if len(photos) == 3:
                    break
        walks.photos[id(images)] = photos
    return walks.photos[id(images)]


def _images_near(el: Any, walks: _Walks, *, before: bool = False) -> list[Any]:
    """The img elements a caption or credit stands by (`_photos_for`)."""
    figure = walks.figure(el.parent)
    images = walks.images_in(figure) if figure is not None else []
    parent = el.parent
    for _ in range(2):   # the credit's parent, or the container around it ("figure-footer" beside the image)
        if images or parent is None or parent.tag in ("body", "html", "main", "article", "section", "-document"):
            break
        found = walks.images_in(parent)
        # two: a pair shown side by side, which a credit may tell apart by place (`_photos_in_place`, #10)
        images = found if len(found) <= 2 or _one_photo(found) else []
        parent = parent.parent if not found else None
    return _photo_block_before(el, walks) if before and not images and figure is None else images


PHOTO_BLOCK_TAGS = frozenset({"img", "amp-img", "picture", "div", "figure", "p", "a", "span"})


def _photo_block_before(el: Any, walks: _Walks) -> list[Any]:
    """The image of the block just before a caption, when that block holds one photo and no words: `<div
    class="photo"><img></div><p class="caption">` (newuser27 #9); or a pair side by side, whose caption ties a credit
    only by the place it names ("Left: ...; right: ...", `_photos_in_place`: newuser42a #7). Anything else before it
    (words, three photos, an image crediting itself in an attribute: two credits then claim it) ties nothing."""
    before = element_before(el)
    if before is None or before.tag not in PHOTO_BLOCK_TAGS:
        return []
    images = [before] if before.tag in PHOTO_TAGS else walks.images_in(before)
    if not images or element_text(before).strip() or len(images) > 2 and not _one_photo(images) \
            or any(WHOLE_ATTRS.intersection(img.attributes) for img in images):
        return []
    return images


def _one_photo(images: list[Any]) -> str | None:
    """The address of the one photo `images` show, sizes aside (NPR shows a photo, then its "enlarge" copy:
    "-s1100-c50.jpg", "-s1200.jpg"); None when they show none or several, or one has no address to tell (#11)."""
    first = _src_of(images[0]) if images else ""
    if not first or len(images) > 1 and PLACEHOLDER_IMAGE_RE.search(first):
        return None   # a lazy image's stand-in ("blank.gif") is no photo: two of them are not one
    for img in images[1:]:   # a gallery's block is told from its second image: not each image's address read
        src = _src_of(img)
        if not src or PLACEHOLDER_IMAGE_RE.search(src) or not _same_photo(first, src):
            return None
    return first


def _one_per_photo(placed: list[tuple[Any, Credit]], walks: _Walks) -> list[Credit]:
    """One credit per photo (#11): a credit printed again for the same photo (NPR's in the caption, after it and in
    the "enlarge" copy) is one credit, tied to the photo, its other places in `also_at`. Two credits are one photo's
    only where the smallest block holding both shows one photo, sizes aside (`_photo_of`): one photographer's
    credits on two photos, or in a gallery's slides and thumbnails, stay apart."""
    kept: list[tuple[Any, Credit]] = []
    named: dict[tuple[str | None, str | None], list[int]] = {}   # kept credits' indexes by their names
    placed_in: dict[tuple[str | None, str | None], list[tuple[int, int]]] = {}   # (place in the page, index) of those
    for el, credit in placed:
        names = (credit.creator, agency_key(credit.organization))   # one agency under two names is one (#11)
        same = named.get(names, []) if names != (None, None) else []
        if len(same) > _HELD_AGAINST_EACH:   # only those a block holding both may show one photo of (perf44, #14)
            if names not in placed_in:
                placed_in[names] = sorted((walks.place(kept[i][0])[0], i) for i in same)
            same = _in_one_photos_block(el, placed_in[names], walks)
        for i in same:
            first_el, first = kept[i]
            if first_el is el or first.image and credit.image and not _same_photo(first.image, credit.image):
                continue   # tied to two photos already: no block need be looked at
            if first.organization != credit.organization and not (first.image and credit.image):
                continue   # an agency's other name is one credit only when both are tied to the photo (review27b #3)
            # Through a block only to a photo one of them is tied to: a merge ties nothing the tie rule would not
            # (`_photos_in_place`), and two untied credits stay two (review26b: both were tied to a hero image above them).
            photo = _photo_of(first_el, el, walks) if first.image or credit.image else None
            if photo is not None and all(c.image is None or _same_photo(c.image, photo) for c in (first, credit)):
                kept[i] = (first_el, replace(first, image=first.image or credit.image or photo,
                                             also_at=(*first.also_at, credit.span)))
                break
        else:
            named.setdefault(names, []).append(len(kept))
            if names in placed_in:
                insort(placed_in[names], (walks.place(el)[0], len(kept)))
            kept.append((el, credit))
    return [credit for _, credit in kept]


# Kept credits of one photographer a credit is held against one by one; past this many, only those a block holding
# both shows one photo of are (a page of 1,000 credits of one photographer took 9 s: perf44, #14).
_HELD_AGAINST_EACH = 16


def _in_one_photos_block(el: Any, placed: list[tuple[int, int]], walks: _Walks) -> list[int]:
    """The indexes, ascending, of the kept credits (`placed`: (place in the page, index), by place) whose smallest
    block holding them and `el` shows one photo (`_photo_of`): the rest can be none of its photo's. Each block above
    `el` holds, beyond the block below it, the credits placed in its span and not in that one's."""
    found: list[int] = []
    below: tuple[int, int] | None = None
    block = el
    while block is not None:
        start, end = walks.place(block)
        spans = [(start, end)] if below is None else [(start, below[0]), (below[1], end)]
        held = [i for lo, hi in spans for _, i in placed[bisect_left(placed, (lo, -1)):bisect_left(placed, (hi, -1))]]
        if held and _photo_at(block, walks) is not None:
            found += held
        below, block = (start, end), block.parent
    return sorted(found)


def _same_photo(a: str, b: str, *, whole: bool = True) -> bool:
    """Are two image addresses one photo: the same photo at another size (`photo_key`), or in another size folder
    (`sizes_apart`), or, when `whole` (the DOM gave them in full), the same address? The raw `credit=` pass may give
    a srcset read to its first comma ("/cdn-cgi/image/fit=contain"), which names no image: two such are not one."""
    return whole and a == b or (key := photo_key(a)) is not None and (key == photo_key(b) or sizes_apart(a, b))


def same_photo(a: str, b: str) -> bool:
    """Are two image addresses, each given whole, one photo (`_same_photo`)?"""
    return _same_photo(a, b)


def one_per_image(credits: list[Credit]) -> list[Credit]:
    """One credit per photo across the passes (#11): credits naming the same people for the same image, sizes aside
    (an image's alt and title, its alt and its caption), are one, the first kept, the others' places in `also_at`;
    one the page shows is kept before one in its head's og:image:alt (`META_ALTS`), whichever comes first. Credits
    tied to no image are left as they are: nothing says which photo they are of. In the order given."""
    kept: list[tuple[int, Credit]] = []   # (place in `credits`, credit)
    named: dict[tuple[str | None, str | None], list[int]] = {}   # kept credits tied to an image, by their names
    by_photo: dict[tuple[str | None, str | None], dict[Any, list[int]]] = {}   # those, by `_photo_keys` (perf44)
    merged: dict[int, set[tuple[int, int]]] = {}   # the places of the credits each kept one stands for
    for at in sorted(range(len(credits)), key=lambda i: credits[i].form in META_ALTS):   # stable: shown ones first
        credit = credits[at]
        names = (credit.creator, agency_key(credit.organization))   # one agency under two names is one (#11)
        if credit.image is None or names == (None, None):
            kept.append((at, credit))
            continue
        same = named.get(names, [])
        if len(same) > _HELD_AGAINST_EACH:   # only those whose address may name its photo (perf44, #14)
            if names not in by_photo:
                by_photo[names] = {}
                for i in same:
                    for key in _photo_keys(kept[i][1].image or ""):
                        by_photo[names].setdefault(key, []).append(i)
            same = sorted({i for key in _photo_keys(credit.image) for i in by_photo[names].get(key, [])}) \
                if photo_key(credit.image) is not None else []
        for i in same:
            place, first = kept[i]
            if _same_photo(credit.image, first.image or "", whole=False):   # the credits of every pass: not all whole
                merged.setdefault(i, set()).update((credit.span, *credit.also_at))
                break
        else:
            named.setdefault(names, []).append(len(kept))
            for key in _photo_keys(credit.image) if names in by_photo else ():
                by_photo[names].setdefault(key, []).append(len(kept))
            kept.append((at, credit))
    for i, places in merged.items():   # sorted once: each merge sorted them all again (perf44)
        place, first = kept[i]
        kept[i] = (place, replace(first, also_at=tuple(sorted({*first.also_at, *places} - {first.span}))))
    return [credit for _, credit in sorted(kept, key=lambda pair: pair[0])]


def _photo_keys(image: str) -> list[Any]:
    """What an address shares with any it is `_same_photo` of: its `photo_key`, or its file name and part count
    (`sizes_apart`)."""
    key = photo_key(image)
    return [("file", file_of(image))] + ([("key", key)] if key is not None else [])


def _photo_of(a: Any, b: Any, walks: _Walks) -> str | None:
    """The one photo shown by the smallest block holding elements `a` and `b`, or the block around it when it shows
    none (a caption box beside its photo); None when that shows none or several, or is the page's or the article's
    whole (a credit at its end may be any photo's)."""
    above_a = set()
    node = a
    while node is not None:
        above_a.add(node.mem_id)
        node = node.parent
    block = b
    while block is not None and block.mem_id not in above_a:
        block = block.parent
    return _photo_at(block, walks)


def _photo_at(block: Any, walks: _Walks) -> str | None:
    """The one photo `block` shows, or the block around it when it shows none; None when that shows none or several,
    or is the page's or the article's whole."""
    for _ in range(2):
        if block is None or block.tag in ("body", "html", "main", "article", "section", "-document"):
            return None
        images = walks.images_in(block)
        if images:
            return _one_photo(images)
        block = block.parent
    return None


def _src_of(img: Any) -> str:
    """An image's address: lazy-loaded images keep it in data-src or srcset while src holds a placeholder
    ("/img/lazy.gif", passed over: review45c, a credit was tied to the stand-in), or a <picture>'s <source srcset>
    does; the placeholder only when nothing else names the picture."""
    stand_in = ""
    for name in IMAGE_ATTRS:
        src = (img.attrs.get(name) or "").strip().split(" ")[0]
        if src and not src.startswith("data:"):
            if not PLACEHOLDER_IMAGE_RE.search(src):
                return src
            stand_in = stand_in or src
    if stand_in and (picture := img.parent) is not None and picture.tag == "picture":
        for source in children(picture):
            # a srcset's first candidate: its URL runs to a space, and may hold commas ("…/c_fill,w_800/a.jpg 800w";
            # review46f: it was cut at the first comma, the credit tied to no picture)
            src = next(iter((source.attrs.get("srcset") or source.attrs.get("data-srcset") or "").split()), "")
            src = src.rstrip(",")
            if source.tag == "source" and src and not src.startswith("data:") and not PLACEHOLDER_IMAGE_RE.search(src):
                return src
    return stand_in


def _credit_from_element(el: Any, smap: SourceMap, walks: _Walks, source: str) -> list[Credit]:
    """A credit element (class="credit", itemprop="creditText", a figure's cite) is a credit as a whole,
    prefix words aside."""
    raw = spaced_text(el)
    if not raw or len(raw) > 200:
        return []
    form = "css-class" if source == "caption" else "itemprop"
    value = credit_patterns.strip_prefix(raw)
    # A holder is an organisation, unless it names a person beside one: "Kay Example/for Riverton Daily News" (#10)
    read: list[tuple[str | None, tuple[str | None, str | None, str]]]   # (place, (creator, organization, form))
    if el.attrs.get("itemprop") == "copyrightHolder" and not credit_patterns.find_credits(raw, caption=True) \
            and not SEPARATOR_RE.search(value):
        read = [(None, (None, value, form))] if credit_patterns.looks_like_credit_value(value, strict=False) else []
    else:
        read = [(place, (creator, organization, form if how == "whole" else how))
                for place, (creator, organization, how) in credit_patterns.read_placed(raw)]
    if not read:
        return []
    span = _element_span(el, smap)   # only for elements that credit (#14)
    # Under two photos, each part is tied to the photo in the place its words name ("Left Image: ...", #10)
    images = _photos_in_place([place for place, _ in read], _photos_for(el, walks))
    return [Credit(raw=raw, source=source, span=span, creator=creator, organization=organization, image=image,
                   form=how) for (_, (creator, organization, how)), image in zip(read, images)]


def _element_span(el: Any, smap: SourceMap) -> tuple[int, int]:
    """The element's span in the source; for one left open (`<span class="credit">Name</div>`: no end tag, the parser
    closes it at its block's end), its start tag through the last of its words found in order after it, so the span
    holds the credit and the prose pass does not read its words again (review26b #9). Words not found as written
    (a reference in them) end it where the last found ones end."""
    start, end = smap.span(el)
    page = smap.page
    if end <= start or end != page.find(">", start) + 1 or el.tag in VOID_TAGS:
        return start, end   # closed (or not found): as the end tag says
    limit = min(smap.end, end + 4000)
    for piece in (el.text(deep=True, separator=NODE) or "").split(NODE):
        words = piece.strip()
        found = _text_after(page, words, end, limit) if words else end
        if found < 0:
            break
        end = found
    return start, end


def _text_after(page: str, words: str, pos: int, limit: int) -> int:
    """Just after the first `words` in the source's text (not in a tag) from `pos`, before `limit`; -1 if none."""
    while True:
        hit = page.find(words, pos, limit)
        if hit < 0:
            return -1
        if page.rfind("<", pos, hit) <= page.rfind(">", pos, hit):
            return hit + len(words)
        pos = page.find(">", hit, limit)   # inside a start tag: on from its end
        if pos < 0:
            return -1


def _jsonld_fields(creator: str | None, creator_field: str | None, organization: str | None,
                   organization_field: str | None, words: str | None) -> str:
    """A JSON-LD credit's form, naming the ImageObject's fields its words and names were read from: "json-ld
    (creditText; creator from author; organisation from copyrightHolder)"; a name read from the words is not named
    again. The report quotes the credit's words, and a name it shows beside them that they do not hold ("Pool via
    AP", the creator Evan Vucci from `author`) must say where it was read (newuser42a #8)."""
    fields = [words] if words else []
    fields += [f"creator from {creator_field}" for _ in [creator] if creator and creator_field not in (None, words)]
    fields += [f"organisation from {organization_field}" for _ in [organization]
               if organization and organization_field not in (None, words)]
    return f"json-ld ({'; '.join(fields)})" if fields else "json-ld"


def _credits_from_jsonld(el: Any, smap: SourceMap) -> list[Credit]:
    """schema.org ImageObject credits: creditText, creator, copyrightHolder, copyrightNotice, tied to url/contentUrl."""
    data = parsed_jsonld(el.text(deep=True) or "")
    if data is None:
        return []
    found = []
    for obj in json_objects(data):
        if not schema_types(obj) & {"ImageObject", "Photograph"}:
            continue
        credit_text = name_of(obj.get("creditText"))
        creator = name_of(obj.get("creator")) or name_of(obj.get("author"))
        creator_field = "creator" if name_of(obj.get("creator")) else "author"
        holder = name_of(obj.get("copyrightHolder"))
        notice = name_of(obj.get("copyrightNotice"))
        if not (credit_text or creator or holder or notice):
            continue
        image = obj.get("contentUrl") or obj.get("url")
        raw = credit_text or notice or " / ".join(v for v in (creator, holder) if v)
        stated = "high" if creator or holder else None   # schema.org names who made it and who holds it (#11)
        read: list[tuple[str | None, str | None]] = [(creator, holder)]
        if credit_text and not creator:   # read as a credit element's words are (wire28b: "A ship at sea. Royal
            # Navy/Handout via REUTERS" gave the creator "A ship at sea. Royal Navy")
            read = [(named, holder or split_org) for named, split_org, _ in credit_patterns.read_whole(credit_text)]
            if not read and not holder:
                continue   # "Public domain", "CC BY 4.0": it names no one
            read = read if read else [(None, holder)]
            stated = "high" if holder and not any(named for named, _ in read) else None
        words = "creditText" if credit_text else "copyrightNotice" if raw == notice else None
        found += [Credit(raw=raw, source="json-ld", span=smap.span(el, "ld+json"), creator=named, organization=org,
                         image=image if isinstance(image, str) else None, split_confidence=stated,
                         form=_jsonld_fields(named, creator_field if named == creator else words,
                                             org, "copyrightHolder" if org == holder else words, words))
                  for named, org in read]
    return found


def prose_text(tree: Any, related: list[Any]) -> str:
    """The body's text without scripts, styles, footers, navs and "related" boxes, its text nodes joined by NODE;
    "" without a body. The tree is stripped: call it last."""
    body = tree.body
    if body is None:
        return ""
    _strip(tree, related)
    return body.text(deep=True, separator=NODE)


def _prose_credits(text: str, smap: SourceMap, *, taken: Intervals) -> list[Credit]:
    """Credits in running text ('(AP Photo/Jane Doe)' in a paragraph): the article prose (`prose_text`) is
    searched for credit words; each hit's own text node is read, and found again in the source for its span, unless
    an element-level detector took it. A node that ends in a credit's opening words ('Image Credit: <em>Getty</em>')
    is read on to the end of its block in the source. Searching the text, not the markup, reads a tenth of the
    bytes (#14)."""
    locate = TextLocator(smap.page, smap.start, smap.end)
    found: list[Credit] = []
    raw_done = -1
    for node_start, node_end in hinted_nodes(text):
        node = text[node_start:node_end]
        if len(node) > 2000:
            continue
        credits = credit_patterns.find_credits(node, source="text")
        opening = not credits and (node.rstrip().endswith(OPENING_ENDS) and credit_patterns.PREFIX_END_RE.search(
            node[-60:]) or node.rstrip().endswith("Flickr user"))   # "by Flickr user <a>ann.ex</a>"
        closing = not credits and not opening and node.lstrip().startswith("/")
        sourced = not (credits or opening or closing) and SOURCE_NEXT_RE.match(text, node_end + 1) is not None \
            and PICTURE_WORD_END_RE.search(node[-20:]) is not None   # the anchored test first: most nodes fail it
        where = locate(node)
        if where is None or where[0] < raw_done or where[0] in taken:
            continue
        raw_start, raw_end = where
        if _inline_next_to(smap.page, raw_start, raw_end):   # "(AP Photo/<em>Jane Doe</em>)", Word's "(Photo
            # <span>Credit:Maria</span> Lopez/Reuters)": read with the inline runs around it (newuser37b #2)
            floor = max(raw_done, found[-1].span[1] if found else 0)
            credits, raw_done = _inline_credits(smap.page, raw_start, raw_end, floor, taken)
        elif not (credits or opening or closing or sourced):
            continue
        elif closing:   # "(<a>Ann Example</a>/Getty Images)": the name before is a link, read from the block's start
            block_start = max(_block_start(smap.page, raw_start), raw_done, found[-1].span[1] if found else 0)
            if taken.overlaps(block_start, raw_end):
                continue
            whole = unescape(re.sub(r"<[^>]*>", "", smap.page[block_start:raw_end]))
            credits = [replace(c, span=(block_start, raw_end))
                       for c in credit_patterns.find_credits(whole, source="text")]
            raw_done = raw_end
        elif sourced:   # "<a>Infographic</a> source, <a>LiveScience</a>": the words around it say whose
            credits = _picture_source(smap.page, raw_start, raw_end,
                                      max(raw_done, found[-1].span[1] if found else 0), taken)
            raw_done = max([raw_done, *(c.span[1] for c in credits)])
        elif opening:
            block_end = _block_end(smap.page, raw_end)
            whole = unescape(re.sub(r"<[^>]*>", "", smap.page[raw_start:block_end]))
            credits = [replace(c, span=(raw_start, block_end)) for c in credit_patterns.find_credits(whole, source="text")]
            raw_done = block_end
        elif raw_end - raw_start == len(node) and "&" not in smap.page[raw_start:raw_end]:
            credits = [replace(c, span=(raw_start + c.span[0], raw_start + c.span[1])) for c in credits]
        else:   # entities change lengths: the node's span stands for each credit in it
            credits = [replace(c, span=(raw_start, raw_end)) for c in credits]
        found.extend(credits)
    return found


def hinted_nodes(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each text node of the prose (`prose_text`: nodes joined by NODE) holding a credit word
    (PROSE_HINT_RE), in order. The pattern tries its 40-odd words at each character (3.5 ns a character); once a
    process has searched enough prose to pay for compiling them (about 1 ms), the words' first literals are found in
    one hyperscan pass instead (about 1 ns a character) and each node holding one is asked the pattern: the same nodes
    (#14). A one-file scan never compiles them."""
    places = None
    if PROSE_HINT_LITERALS and _PROSE_SEARCHED[0] >= PROSE_LITERALS_AFTER:
        places = literal_starts(text, PROSE_HINT_LITERALS)
    _PROSE_SEARCHED[0] += len(text)
    hits = (hit.start() for hit in PROSE_HINT_RE.finditer(text)) if places is None else places
    node_done = -1
    for at in hits:
        if at < node_done:
            continue
        node_start = text.rfind(NODE, 0, at) + 1
        node_end = text.find(NODE, at)
        node_end = len(text) if node_end < 0 else node_end
        node_done = node_end
        if places is None or PROSE_HINT_RE.search(text, node_start, node_end) is not None:
            yield node_start, node_end


def leading_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """A literal each match of a case-sensitive pattern starts with, one per alternative (`Images?(?: by|...)`:
    "Image"); () when some alternative starts with no literal (a class, a group, a flag) or the pattern cannot be read
    (`re`'s parser is private: a Python without it searches as before)."""
    try:
        _parser: Any = importlib.import_module("re._parser")
    except ImportError:   # pragma: no cover - every Python this project supports has it
        return ()
    if pattern.flags & re.IGNORECASE:
        return ()

    def starts(ops: list[Any]) -> list[str]:
        prefix = ""
        for op, value in ops:
            if op is _parser.LITERAL:
                prefix += chr(value)
                continue
            if op is _parser.BRANCH:   # the parser takes a prefix every alternative shares out before them
                branches = [starts(list(branch)) for branch in value[1]]
                if all(branches):
                    return [prefix + s for found in branches for s in found]
            break
        return [prefix] if prefix else []
    try:
        found = starts(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - a parser that changed: the pattern is searched as before
        return ()
    return tuple(dict.fromkeys(found))


PROSE_HINT_LITERALS = leading_literals(PROSE_HINT_RE)
PROSE_LITERALS_AFTER = 400_000   # characters of prose searched with the pattern before the literals are compiled
_PROSE_SEARCHED = [0]   # characters of prose this process has searched


# A text node ending in a picture's word (a link: "<a>Infographic</a>") whose next one opens with "source,": the
# source's name follows (#11).
PICTURE_WORD_END_RE = LazyPattern(rf"{credit_patterns.SOURCED_PICTURE}\s*$", re.IGNORECASE)
SOURCE_NEXT_RE = LazyPattern(r"\s*source\s*[,:：]", re.IGNORECASE)
MARKUP_RE = LazyPattern(r"<[^>]*>?|&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)|[^<&]+|&")


def _picture_source(page: str, start: int, end: int, floor: int, taken: Intervals) -> list[Credit]:
    """The picture-source credit ("Infographic source, LiveScience") whose picture's word is the text node at
    page[start:end], read from the words of its block around it (each part may be a link); its span from the
    picture's word to the name's end in the source."""
    low = max(_block_start(page, start), floor)
    gt, lt = page.find(">", low, start), page.find("<", low, start)
    if gt >= 0 and (lt < 0 or gt < lt):
        low = gt + 1   # the block's look-back began inside a tag
    text, places = _text_with_places(page, low, _block_end(page, end))
    found = []
    for credit in credit_patterns.find_credits(text, source="text"):
        first, last = places[credit.span[0]], places[credit.span[1] - 1] + 1
        if credit.form == "picture-source" and first < end and last > start and not taken.overlaps(first, last):
            found.append(replace(credit, span=(first, last)))
    return found


# Inline elements a credit's words may be split by: a name in <em> or a link, Word's <span class=SpellE> and <o:p>,
# Google Docs' span per run of text. Any other tag ends the run a credit is read in.
INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "dfn", "em", "font", "i", "kbd", "mark", "o:p",
                         "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "st1:place",
                         "st1:city", "st1:personname"})


def _tag_name_at(page: str, lt: int) -> str:
    """The lower-cased name of the tag whose '<' is at `lt` ("em" for "<em>" and "</em>")."""
    at = lt + 2 if page.startswith("</", lt) else lt + 1
    end = at
    while end < len(page) and end - at < 20 and (page[end].isalnum() or page[end] in ":-"):
        end += 1
    return ascii_lower(page[at:end])


def _inline_next_to(page: str, start: int, end: int) -> bool:
    """Does the text node at page[start:end] touch an inline element's tag (INLINE_TAGS) on either side?"""
    if end < len(page) and page.startswith("<", end) and _tag_name_at(page, end) in INLINE_TAGS:
        return True
    if start > 0 and page[start - 1] == ">":
        lt = page.rfind("<", max(0, start - 400), start)
        return lt >= 0 and _tag_name_at(page, lt) in INLINE_TAGS
    return False


# A tag or a comment: the run of inline text a credit is read in ends at one whose element is no inline one
# (INLINE_TAGS: a block's start or end, a line break, an image, a button, a form's field, an <svg>, a <template>), or at
# a comment. A list of block tags let any other element's words join the name with no space between ("Photo: <span>Jane
# Doe</span><button>Share</button>" gave the creator "Jane DoeShare" at high confidence: review38b).
RUN_TAG_RE = LazyPattern(r"<!--|</?([A-Za-z][A-Za-z0-9:-]*)")


def _run_breaks(page: str, start: int, end: int) -> Iterator[int]:
    """Where each tag or comment ending a run of inline text is in page[start:end], in order."""
    for tag in RUN_TAG_RE.finditer(page, start, end):
        name = tag.group(1)
        if name is None or ascii_lower(name) not in INLINE_TAGS:
            yield tag.start()


RUN_WINDOW = 600   # characters looked through either way for the run's ends


def _inline_credits(page: str, start: int, end: int, floor: int, taken: Intervals) -> tuple[list[Credit], int]:
    """The credits of the run of text and inline elements (INLINE_TAGS) holding the text node at page[start:end],
    read as one text from the run's start (or `floor`) to its end (`_run_breaks`), not ending before the node; each span
    from its first character to its last in the source. And where the run ends: nothing before it is read again."""
    low = max(floor, start - RUN_WINDOW)
    tag = None
    for tag in _run_breaks(page, low, start):
        pass
    if tag is not None:   # after the tag, or after the comment ("<!-- a > b -->")
        close = page.find("-->", tag + 4, start) + 3 if page.startswith("<!--", tag) else page.find(">", tag, start) + 1
        low = close if close > tag else start
    gt, lt = page.find(">", low, start), page.find("<", low, start)
    if gt >= 0 and (lt < 0 or gt < lt):
        low = gt + 1   # the look-back began inside a tag
    after = next(_run_breaks(page, end, end + RUN_WINDOW), None)
    high = after if after is not None else min(len(page), end + RUN_WINDOW)
    text, places = _collapsed(*_text_with_places(page, low, high))
    found = []
    for credit in credit_patterns.find_credits(text, source="text"):
        first, last = places[credit.span[0]], places[credit.span[1] - 1] + 1
        if last > start and not taken.overlaps(first, last):
            found.append(replace(credit, span=(first, last)))
    return found, high


HTML_WORD_RE = LazyPattern(r"[^ \t\n\r\x0c]+")


def _collapsed(text: str, places: list[int]) -> tuple[str, list[int]]:
    """`text` (with `places`, `_text_with_places`) as a browser shows it: each run of HTML's blanks, line breaks
    included, one space, none at either end (a source's line breaks and indents around a <span> are no line of
    their own: read as a plain text's lines they hid "Credit: NASA/ESA")."""
    parts: list[str] = []
    kept: list[int] = []
    for word in HTML_WORD_RE.finditer(text):   # each run of what is no blank, a space between them
        first, last = word.span()
        if parts:
            parts.append(" ")
            kept.append(places[first - 1])
        parts.append(word.group())
        kept += places[first:last]
    return "".join(parts), kept


def _text_with_places(page: str, start: int, end: int) -> tuple[str, list[int]]:
    """The text of page[start:end], tags left out and references decoded, and where each of its characters is in the
    source (a reference's characters at the reference's start)."""
    parts: list[str] = []
    places: list[int] = []
    for piece in MARKUP_RE.finditer(page, start, end):
        written = piece.group()
        if written[0] == "<" and len(written) > 1:
            continue
        text = unescape(written) if written[0] == "&" else written
        parts.append(text)
        places.extend([piece.start()] * len(text) if written[0] == "&" else range(piece.start(), piece.end()))
    return "".join(parts), places


NODE = "\x00"   # between text nodes in the body's text (lexbor turns a NUL in the page into U+FFFD)
NOT_PROSE = ["script", "style", "nav"]


def _strip(tree: Any, related: list[Any]) -> None:
    """Remove what is no article prose: related boxes first (outermost only, each once), then the site's footers,
    then every script, style and nav (lexbor finds them afresh, so nothing removed twice)."""
    boxes = {box.mem_id for box in related}
    outermost = [box for box in related if not any(anc.mem_id in boxes for anc in _ancestors_upto(box, 64))]
    for box in outermost:
        box.decompose()
    # An <article>'s own footer is the story's (Upworthy's "About" note credits its thumbnail there, #11); any other
    # is the site's. Last first: a footer is removed before the one holding it, so no node is freed twice. Found by
    # tag name as strip_tags finds them (a CSS selection cost the step a sixth more).
    for footer in reversed(tree.tags("footer")):
        if not _stories_footer(footer):
            footer.decompose()
    tree.strip_tags(NOT_PROSE, recursive=True)


# Class or id words of a footer that is the site's (a page-wide <article> may hold it) or a comment's, and of what
# holds comments.
SITE_FOOTER_RE = LazyPattern(r"site|page|global|colophon|comment", re.IGNORECASE)
COMMENTS_RE = LazyPattern(r"comment|repl(?:y|ies)|discussion", re.IGNORECASE)


def _stories_footer(footer: Any) -> bool:
    """Is this <footer> the story's own: inside an <article> (or a footer so kept), its class or id not the site's or
    a comment's, and nothing above it holding comments (review26: a site footer in a page-wide <article>, and a
    comment's footer, gave credits)?"""
    if SITE_FOOTER_RE.search(_named(footer)):
        return False
    inside = False
    for node in _ancestors_upto(footer, 64):
        if COMMENTS_RE.search(_named(node)):
            return False
        inside = inside or node.tag in ("article", "footer")
    return inside


def _named(node: Any) -> str:
    attributes = node.attributes
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}"


def _ancestors_upto(el: Any, limit: int) -> Iterator[Any]:
    node = el.parent
    for _ in range(limit):
        if node is None or node.tag in ("-document", "html", "body"):
            return
        yield node
        node = node.parent


SAFE_RUN_RE = re.compile(r"[A-Za-z0-9 ,.:;!?()/_|@#%+=*\[\]-]{4,}")


def _as_written(node: str) -> list[str]:
    """A text node's words, looked for as they are when they hold no run of ASCII (`SAFE_RUN_RE`): a page writes
    them so unless it wrote a reference, and then the node is not found (as before)."""
    words = node.strip()
    return [words] if words and not any(c in words for c in "&<>\r") else []


class TextLocator:
    """Finds text nodes of the parsed page in the source, in document order: each search starts where the last
    node found ended, so a page of any size is read once (#12)."""

    def __init__(self, page: str, start: int, end: int) -> None:
        self.page, self.cursor, self.end = page, start, end

    def __call__(self, node: str) -> tuple[int, int] | None:
        """(start, end) in the source of the text node whose decoded text is `node`, or None."""
        runs = SAFE_RUN_RE.findall(node) or _as_written(node)   # "Фото: ТАСС" has no run of ASCII (#10)
        if not runs:
            return None
        needle = max(runs, key=len)[:80]
        offset = node.find(needle)
        page, pos = self.page, self.cursor
        for _ in range(8):
            hit = page.find(needle, pos, self.end)
            if hit < 0:
                return None
            pos = hit + 1
            gt = page.rfind(">", max(self.cursor, hit - 12 * offset - 12), hit)
            lt = page.find("<", hit, min(self.end, hit + 12 * len(node) + 12))
            start = gt + 1 if gt >= 0 else self.cursor
            end = lt if lt >= 0 else self.end
            if page.rfind("<", start, hit) >= 0:
                continue   # in a start tag, not in text
            raw = page[start:end]
            if raw == node or unescape(raw.replace("\r\n", "\n").replace("\r", "\n")) == node:
                self.cursor = end
                return start, end
        return None


OPENING_ENDS = (":", "：", "by", "via", "of", "…", "...", "copyright", "Copyright", "courtesy", "Courtesy")
BLOCK_ENDS = ("</p", "<br", "</div", "</figcaption", "</li", "</td", "</span", "<p")


BLOCK_STARTS = ("<p", "<br", "<div", "</div", "<li", "</li", "<td", "<figcaption", "</figcaption", "</p")


def _block_start(page: str, at: int) -> int:
    """Where the block an inline run belongs to starts: just after the last block-level tag, within 300
    characters."""
    window_start = max(0, at - 300)
    window = ascii_lower(page[window_start:at])
    tag = max(window.rfind(t) for t in BLOCK_STARTS)
    if tag < 0:
        return window_start
    end = window.find(">", tag)
    return window_start + end + 1 if end >= 0 else at


def _block_end(page: str, at: int) -> int:
    """Where the block an inline run belongs to ends: the next block-level tag, within 300 characters."""
    window = ascii_lower(page[at: at + 300])
    ends = [p for p in (window.find(t) for t in BLOCK_ENDS) if p >= 0]
    return at + min(ends) if ends else min(len(page), at + 300)


def _attribute_credits(page: str, smap: SourceMap, hits: list[int], *, related: list[Any], taken: Intervals,
                       read_tags: set[int]) -> list[Credit]:
    """Credits kept whole in data-credit and its kin, read from the source (fast, exact spans), outside scripts,
    styles, footers, navs, related boxes and comments (#11: commented-out markup is no part of the page). `hits`:
    where CREDIT_ATTRS are in the stretch `smap` covers, in order."""
    first = _first_credit_tag(page, smap.start, hits, taken)   # data-credit, data-photo-credit, credit=...
    if first is None:
        return []
    at, seen, first_tag, first_credits = first
    found: list[Credit] = []
    comments = [(start, end) for start, end in smap.layout.raw if page.startswith(("<!", "<?"), start)]   # not
    # raw text (a <template>'s, a <textarea>'s), which starts after its tag
    blocks = Intervals(smap.layout.blocks + comments + _box_ranges(smap, related))
    for hit in hits[at:]:
        after = hit + len("credit")
        if hit not in blocks:
            tag_start = page.rfind("<", seen, hit)
            seen = after
            if tag_start >= 0 and tag_start not in read_tags:   # else the previous hit's start tag, or none
                read_tags.add(tag_start)
                if tag_start == first_tag:   # read already: only the blocks were left to rule out
                    found.extend([] if tag_start in blocks else first_credits)
                else:
                    found.extend(_tag_credits(page, tag_start, _start_tag_end(page, tag_start), in_blocks=blocks,
                                              taken=taken))
    return found


def _held_photos(credits: list[Credit], tree: Any, smap: SourceMap, walks: _Walks) -> list[Credit]:
    """Attribute credits, each of an element that is no image (a gallery's `<li class="slide" data-credit=...>`)
    tied to the one photo that element holds, sizes aside: the slide's image (newuser42a #4: tied to none, so the
    file's contradicting credit was never checked). An element holding two photos or none ties nothing."""
    untied = [i for i, c in enumerate(credits) if c.image is None and c.source == "attribute"]
    if not untied or tree.body is None:
        return credits
    elements: dict[str, dict[int, Any]] = {}
    credits = list(credits)
    for i in untied:
        tag = TAG_NAME_RE.match(ascii_lower(smap.page[credits[i].span[0]:credits[i].span[0] + 40]))
        attr = credits[i].form or ""
        if tag is None or tag.group(1) in PHOTO_TAGS or not ATTRIBUTE_NAME_RE.fullmatch(attr):
            continue
        selector = f"{tag.group(1)}[{attr}]"   # the elements of its tag holding its attribute, selected once
        if selector not in elements:
            elements[selector] = {smap.start_of(el): el for el in select(tree.body, selector)}
        el = elements[selector].get(credits[i].span[0])
        photos = [] if el is None else [src for src in map(_real_src, walks.images_in(el)) if src]
        if photos and all(_same_photo(photos[0], src) for src in photos[1:]):
            credits[i] = replace(credits[i], image=photos[0])
    return credits


ATTRIBUTE_NAME_RE = LazyPattern(r"[a-z][a-z0-9_:-]*")


def _real_src(img: Any) -> str:
    """An image's own address, a lazy image's stand-in (`src="/blank.gif"`) passed over for its data-src."""
    for name in IMAGE_ATTRS:
        src = (img.attrs.get(name) or "").strip().split(" ")[0]
        if src and not src.startswith("data:") and not PLACEHOLDER_IMAGE_RE.search(src):
            return src
    return ""


def _first_credit_tag(page: str, start: int, hits: list[int],
                      taken: Intervals) -> tuple[int, int, int, list[Credit]] | None:
    """(which of `hits`, where its '<' is looked for from, its start tag, the tag's credits) for the first
    "credit=" whose start tag (the last '<' before it) credits when scripts, styles, footers and related boxes are
    not ruled out; None when no such tag does. Leaving out the tags in those blocks only drops credits, so the
    page's layout (a pass over every '<') is worked out only past such a hit (#14: most pages have "credit=" only
    in a script or a URL). The hits before it give nothing either way: `_attribute_credits` starts from it."""
    seen = start
    for at, hit in enumerate(hits):
        tag_start = page.rfind("<", seen, hit)   # none: the same start tag as the previous hit's
        if tag_start >= 0:
            credits = _tag_credits(page, tag_start, _start_tag_end(page, tag_start), in_blocks=None, taken=taken)
            if credits:
                return at, seen, tag_start, credits
        seen = hit + len("credit")
    return None


# Elements whose attributes may hold a credit; read when a credit word appears in one of their attribute values
# ('alt="... (Photo by Jane Doe/AP)"', the Telegraph's <image copyright=...>).
HINTED_ATTRS = ("alt", "caption", "alttext", "data-alt", "data-caption", "copyright", "photographer", "data-copyright",
                "data-photographer")   # an <img title> is read with its alt (#14)
HINTED_ATTR_SELECTOR = ", ".join(f"[{name}]" for name in HINTED_ATTRS)


def _hinted_attribute_credits(tree: Any, smap: SourceMap, related: list[Any], *, taken: Intervals,
                              read_tags: set[int], needles: Needles) -> list[Credit]:
    """Credits in the attributes HINTED_ATTRS names, read from the source of the elements holding one. `needles`:
    the page's, asked which of those names it may give an element."""
    root = tree.body or tree.root
    if root is None:
        return []
    boxes = set(related)
    in_block = AncestorMemo(lambda node, above: above or node.tag in ("footer", "nav") or node in boxes, False)
    found: list[Credit] = []
    # Only the names the page may write as an attribute are asked: lexbor walks the page once per selector (#14).
    asked = HINTED_ATTR_SELECTOR if needles is None else ", ".join(
        f"[{name}]" for name in HINTED_ATTRS if needles.may_hold(name))
    for el in shallow(select(root, asked)) if asked else ():
        attributes = el.attributes   # the hint test joins every value (srcset too): asked after the cheap one
        if el.tag in NOT_CREDIT_TAGS or not (_may_hold_credit(attributes) and (
                attributes.keys() & WHOLE_ATTRS   # a photographer or copyright attribute names its credit as such
                or PROSE_HINT_RE.search(" ".join(v for v in attributes.values() if v))) or _titled_image(el.tag, attributes)
                or _ends_in_sentence_credit(attributes)) \
                or in_block(el):
            continue
        tag_start = smap.start_of(el)
        if tag_start < 0 or tag_start in read_tags:
            continue
        read_tags.add(tag_start)
        found.extend(_tag_credits(smap.page, tag_start, _start_tag_end(smap.page, tag_start), in_blocks=None, taken=taken))
    return found


# The page's share image and its alt text, in its head (Open Graph, X cards): `og:image:alt` describes the
# `og:image` written before it (Open Graph's arrays: each structured property follows its image), `twitter:image:alt`
# the `twitter:image`. Its alt ends in a credit as an <img alt> does (newuser35b #6: a page whose only credit was
# there gave none). The other one's image when the page names only one.
META_ALTS = {"og:image:alt": ("og:image", "og:image:url", "og:image:secure_url"), "twitter:image:alt": ("twitter:image",
                                                                                                      "twitter:image:src")}
# An AMP page's photo element (`PHOTO_SELECTOR`), one of the page's needles too, in any ASCII case as HTML writes tags:
# a search of its own was 0.12 ms of a corpus page's scan (a page held as 4-byte characters), in hyperscan's pass none
AMP_IMG_NEEDLE = "<amp-img"
META_ALT_NEEDLE = "image:alt"   # one of the page's needles (`needles.Needles`), found in the same pass as the others
META_IMAGES = frozenset(name for names in META_ALTS.values() for name in names)


def _meta_alt_credits(tree: Any, smap: SourceMap) -> list[Credit]:
    """Credits ending the page's og:image:alt and twitter:image:alt, read as a caption attribute's (`_tag_credits`),
    each tied to its share image, its span the <meta> tag's."""
    page, head = smap.page, tree.head
    if head is None:
        return []
    images: dict[str, str] = {}   # the latest image each kind of meta named
    alts: list[tuple[Any, str, str]] = []   # (meta, its alt's name, the image named before it)
    for el in select(head, "meta[content]"):
        name = ascii_lower((el.attributes.get("property") or el.attributes.get("name") or "").strip())
        content = (el.attributes.get("content") or "").strip()
        kind = name.split(":")[0]
        if name in META_IMAGES and content and not content.startswith("data:"):
            if name in ("og:image", "twitter:image") or kind not in images:   # og:image:url is og:image's own address
                images[kind] = content
        elif name in META_ALTS and content and (PROSE_HINT_RE.search(content) or _ends_in_sentence_credit({"alt": content})):
            alts.append((el, name, images.get(kind, "")))
    found: list[Credit] = []
    for el, name, image in alts:
        start = smap.start_of(el)
        if not smap.start <= start < smap.end:
            continue
        image = image or images.get("twitter" if name.startswith("og") else "og", "")
        span = (start, _start_tag_end(page, start))
        found += [replace(c, span=span, form=name) for c in credit_patterns.find_credits(
            el.attributes.get("content") or "", source="attribute", image=image or None, caption=True)]
    return found


def _titled_image(tag: str, attributes: dict[str, str | None]) -> bool:
    """An <img> whose title reads as a credit on its own, a name and an agency ("Ann Example/AP"): the prose hint
    words need not be there. Asked of the images selected for their alt: a selection of titled images cost a
    hundredth of a page's scan (#14), and an image with a title and no alt is rare."""
    title = attributes.get("title") or "" if tag == "img" else ""
    return "/" in title and credit_patterns.names_an_agency(title) or " for " in title and person_for_outlet(title)


def _ends_in_sentence_credit(attributes: dict[str, str | None]) -> bool:
    """Does a caption attribute (not a title: `_titled_image`) end its words in a credit no hint word says: a person's
    name for an outlet ("alt='Protesters gather. Jane Doe for The New York Times'", wire28b), a slash chain of
    organisations ("alt='A ship at sea. Police/Fire Department'", credits29b #4)? Most alt texts hold no " for " and
    no "/", and are ruled out at once."""
    for name in attributes.keys() & FOR_CAPTION_ATTRS:
        value = attributes[name] or ""
        if (" for " in value or "/" in value) and (last := credit_patterns.last_sentence(value)) is not None \
                and credit_patterns.sentence_end_credit(value[last[0]:last[1]], caption=True) is not None:
            return True
    return False


def _may_hold_credit(attributes: dict[str, str | None]) -> bool:
    """Could `_tag_credits` read a credit in this element's start tag? Asked of the parsed attributes before the
    tag is looked for in the source (#14: most alt texts with a hint word hold no credit). A caption attribute's
    hint in the source stays in its parsed value (decoding only turns references into characters)."""
    for name in attributes.keys() & CREDIT_BEARING_ATTRS:   # most elements here have alt and no other of these
        if name in WHOLE_ATTRS or _caption_hint((attributes[name] or "").lower()):
            return True
    return False


def _caption_hint(value: str) -> bool:
    """Does a lower-cased caption attribute's value hold one of CAPTION_HINTS? Asked with `in`, word by word: the
    regex engine tried every alternative at each character, twice the time (#14)."""
    for hint in CAPTION_HINTS:
        if hint in value:
            return True
    return "&#" in value and COPYRIGHT_REFERENCE_RE.search(value) is not None


def _start_tag_end(page: str, start: int) -> int:
    """Just after the start tag that begins at `start`: the first '>' outside double-quoted attribute values."""
    quoted = False
    for mark in QUOTE_OR_END_RE.finditer(page, start):
        if mark.group() == '"':
            quoted = not quoted
        elif not quoted:
            return mark.end()
    return len(page)


def _tag_credits(page: str, tag_start: int, tag_end: int, *, in_blocks: Intervals | None,
                 taken: Intervals) -> list[Credit]:
    """Credits in one start tag's attributes: whole in data-credit and its kin, at the end of alt or caption."""
    lower = ascii_lower(page[tag_start:tag_end])
    if not CREDIT_ATTR_NAME_RE.search(lower):
        return []   # a credit word in a URL or class: no attribute that could hold a credit
    tag = TAG_NAME_RE.match(lower)
    if tag is None or tag.group(1) in NOT_CREDIT_TAGS or tag_start in taken or in_blocks and tag_start in in_blocks:
        return []
    found: list[Credit] = []
    span, image = (tag_start, tag_end), None
    names: set[str] = set()
    for attr in ATTRIBUTE_RE.finditer(lower):
        name, group = attr.group(1), next(i for i in (2, 3, 4) if attr.group(i) is not None)
        if name in names:
            continue   # a repeated attribute is dropped by the parser: the first one counts
        names.add(name)
        whole = name in WHOLE_ATTRS
        captioned = whole or name in CAPTION_ATTRS and _caption_hint(attr.group(group)) \
            or name in FOR_CAPTION_ATTRS and " for " in attr.group(group)   # "... Jane Doe for The New York Times"
        titled = not captioned and name == "title" and " for " in attr.group(group)   # "Name for Outlet" alone
        if not (captioned or titled) or name in IMAGE_ONLY_ATTRS and tag.group(1) != "img":
            continue
        value = unescape(page[tag_start + attr.start(group): tag_start + attr.end(group)]).strip()
        if not value or titled and not person_for_outlet(value):
            continue
        if image is None:
            src = IMAGE_ATTR_RE.search(page, tag_start, tag_end)
            image = src.group(1) if src and not src.group(1).startswith("data:") else ""
        if whole or titled:
            found.extend(_whole_attribute_credit(value, name, span, image or None))
        else:
            found.extend(replace(c, span=span, form=name) for c in credit_patterns.find_credits(
                value, source="attribute", image=image or None, caption=True))
    return found


def _whole_attribute_credit(value: str, attr: str, span: tuple[int, int], image: str | None) -> list[Credit]:
    found = [Credit(raw=value, source="attribute", span=span, creator=creator, organization=organization,
                    image=image, form=attr) for creator, organization, _ in credit_patterns.read_whole(value)]
    # `photographer`, `data-photographer`: the page says whose name it holds, as a class does (#11)
    return [_photographer_named(c) for c in found] if PHOTOGRAPHER_CLASS_RE.search(attr) else found


def _is_credit_element(el: Any) -> bool:
    attributes = el.attributes
    return (attributes.get("itemprop") or "") in CREDIT_ITEMPROPS \
        or bool(CREDIT_CLASS_RE.search(attributes.get("class") or ""))


def _credits_at(el: Any, smap: SourceMap, walks: _Walks, credited: set[Any], holders: set[Any]) -> list[Credit]:
    if credited and walks.in_credited(el.parent):
        return []
    found = _element_credits(el, smap, walks, credited, holders)
    if found and walks.in_footer(el):
        return []   # a site's own copyright line is no photo credit
    return found


def _element_credits(el: Any, smap: SourceMap, walks: _Walks, credited: set[Any], holders: set[Any]) -> list[Credit]:
    tag = el.tag
    attributes = el.attributes
    if tag == "script" and (attributes.get("type") or "").lower() == JSONLD_TYPE:
        return _credits_from_jsonld(el, smap)
    itemprop = attributes.get("itemprop") or ""
    css = attributes.get("class") or ""
    if itemprop in CREDIT_ITEMPROPS or CREDIT_CLASS_RE.search(css):
        if el in holders and any(_is_credit_element(child) and credit_patterns.strip_prefix(element_text(child))
                                 for child in select(el, CREDIT_ELEMENT_SELECTOR) if child.mem_id != el.mem_id):
            return []   # the innermost credit element is read: "Image copyright" + <span>Getty Images</span>
        credited.add(el)
        itemprop = itemprop if itemprop in CREDIT_ITEMPROPS else ""   # itemprop="caption" says nothing of credit
        slot = not itemprop and SOURCE_SLOT_RE.search(css) is not None and not WEAK_CLASS_RE.search(css)
        weak = not itemprop and not WEAK_CLASS_RE.search(css) and not slot
        no_image = not itemprop and not any(map(_src_of, _images_near(el, walks)))
        if "author" in css.lower() or no_image and ("opyright" in css or weak or slot):
            return []   # an author's byline; "copyright" or "attribution" with no image near it is no photo's
        found = _credit_from_element(_credit_part(el), smap, walks, "caption")
        if no_image:   # nothing to tie it to: it must read as names (#10)
            found = [c for c in found if credit_patterns.looks_like_credit_value(
                " / ".join(n for n in (c.creator, c.organization) if n), strict=True)]   # not an ad's "inRead" credits
        if PHOTOGRAPHER_CLASS_RE.search(css):
            found = [_photographer_named(c) for c in found]
        # "attribution" alone also marks a story's source ("Tech Insider"): there a supplier must be named
        return [c for c in found if c.organization] if weak else found
    if tag == "cite":   # a figure's <cite> is its credit (Vox Media's Chorus)
        credited.add(el)
        return _credit_from_element(el, smap, walks, "caption")
    if el.mem_id in walks.image_captions:
        credited.add(el)
        # an inline caption's words as written: a linked name stays glued to its "/Flickr"
        return _figcaption_credits(el, smap, walks, image=walks.image_captions[el.mem_id] or None,
                                   words=element_text(el))
    if tag == "figcaption" or "caption" in css.lower():
        if el in holders:
            return []   # the child is read on its own, as the credit element it is
        if el.parent is not None and el.parent in walks.slot_parents:
            walks.quiet.append(el)   # nor are its words read as prose
            return []   # a part of a caption that has a source slot: the slot credits the image
        credited.add(el)
        return _figcaption_credits(el, smap, walks)
    return []


def _photographer_named(credit: Credit) -> Credit:
    """A credit in an element whose class (or attribute) calls it the photographer's: a creator read as a person's name
    (`is_persons_name`) is sure (#11); a name the split read otherwise (one word as an organisation, a handle) keeps
    the common rule's mark, the class does not overrule the split."""
    return replace(credit, split_confidence="high") if credit.creator and is_persons_name(credit.creator) else credit


def _image_above(el: Any) -> str | None:
    """The src of the bare <img> an <i> stands under, a <br> between them ("" for an image with no address), or
    None: the selection also gives an <i> for its class or itemprop, and an <i> after a line break in prose."""
    br = element_before(el)
    img = element_before(br) if br is not None and br.tag == "br" else None
    return _src_of(img) if img is not None and img.tag == "img" else None


def _credit_part(el: Any) -> Any:
    """A credit box that holds the caption's words too (Gothamist's "image-with-caption-credit": a caption div, then
    a plain span with the credit) credits with its other part; read whole, the caption's words joined the credit."""
    kids = children(el)
    if len(kids) != 2:
        return el
    captions = [kid for kid in kids if "caption" in (kid.attrs.get("class") or "").lower() and not _is_credit_element(kid)]
    if len(captions) != 1:
        return el
    other = kids[1] if captions[0].mem_id == kids[0].mem_id else kids[0]
    return other if element_text(other).strip() else el


# A visually hidden label before the credit's own opening word: the New York Times' "Credit Credit... Name".
HIDDEN_LABEL_RE = LazyPattern(r"\bCredits?[ \t]+(?=Credits?(?:[:：]|\.\.\.|…))")


def _figcaption_credits(el: Any, smap: SourceMap, walks: _Walks, *, image: str | None = None,
                        words: str | None = None) -> list[Credit]:
    """Credits in a caption's words; else the caption's last line when it is only a credit
    ('Andrew Harnik/Shutterstock', 'Adam Maida for BuzzFeed News'). `image` and `words`: the caption's image and
    text when known (else the image near it and its children's texts spaced)."""
    text = HIDDEN_LABEL_RE.sub("", spaced_text(el) if words is None else words)
    found = credit_patterns.find_credits(text, source="caption", caption=True)
    if not found:   # a caption that is only a credit, or its last child ("... <span>Getty Images</span>"); its last
        # sentence after its words is `find_credits`' to read (wire28b: one rule for every place a caption is)
        kids = children(el)
        for candidate in dict.fromkeys([text, spaced_text(kids[-1]) if kids else text]):
            split = credit_patterns.bare_credit(candidate)
            if split is not None:
                found = [Credit(raw=candidate, source="caption", span=(0, 0), creator=person,
                                organization=split[1], form="caption-line")
                         for person in credit_patterns.people_named(split[0])]   # "Jane Doe, Kyiv/Reuters"
                break
    if not found:
        found = _linked_site_credit(el, text)
    if not found:
        return []
    span = _element_span(el, smap)   # the image only for captions that credit: most do not
    photos = [image] if image else _photos_for(el, walks, before=True)
    places: list[str | None] = [credit_patterns.place_named(text, c.span) if len(photos) == 2 else None for c in found]
    return [replace(c, span=span, image=photo) for c, photo in zip(found, _photos_in_place(places, photos))]


# Two pictures in source order: the first is the left (or top) one. No other place is sure: "above" may be the
# caption's, "inset" any of them.
PLACE_PAIRS = ({"left": 0, "right": 1}, {"top": 0, "bottom": 1})


def _photos_in_place(places: list[str | None], photos: list[str]) -> list[str | None]:
    """The photo each of a caption's or credit element's credits is of, given the place its words name
    (`credit_patterns.place_named`): the one photo it stands under; of two, the one in the place its words name, when
    the words name only the places two pictures side by side (or one above the other) have; else none (never a
    wrong one)."""
    if len(photos) == 1:
        return [photos[0]] * len(places)
    pair = next((p for p in PLACE_PAIRS if set(places) <= p.keys()), None) if len(photos) == 2 else None
    return [photos[pair[place]] if pair is not None and place is not None else None for place in places]


# A caption's last words in brackets (Gothamist's "... (<a href="http://boingboing.net/…">Boing Boing</a>)").
BRACKETED_TAIL_RE = LazyPattern(r"\(\s*(?P<name>[^()\[\]\n]{2,80}?)\s*\)\s*$")
NOT_NAME_RE = LazyPattern(r"[\W_]+")


def _linked_site_credit(el: Any, text: str) -> list[Credit]:
    """A caption ending in brackets holding only a link whose words name the site it points to: that site supplied
    the picture, as an organisation ("Boing Boing", boingboing.net), unless a common first name says the site is a
    person's own ("Jane Doe", janedoe.com). A name alone in brackets is no credit: a person's, a place's or a
    note's (#11); a link names the site only when its words, squashed, are a label of its host."""
    tail = BRACKETED_TAIL_RE.search(text)
    if tail is None or not credit_patterns.looks_like_credit_value(name := tail["name"], strict=True):
        return []
    links = select(el, "a")   # asked only of a caption no other reading credits
    if not links or element_text(links[-1]).strip() != name or not _names_site(name, links[-1].attrs.get("href")):
        return []
    creator, organization = split_credit(name)
    if creator and not organization and split_confidence(creator, None, name) != "high":
        creator, organization = None, creator   # the site's name, read as a person's by default
    return [Credit(raw=tail.group().strip(), source="caption", span=(0, 0), creator=creator,
                   organization=organization, form="trailing")]


def _names_site(name: str, href: str | None) -> bool:
    """Is `name`, its letters and digits only, case-folded, a label of the link's host (its top-level domain aside,
    hyphens dropped: "Quux Quux", quux-quux.org)?"""
    try:
        host = urlsplit((href or "").strip()).hostname or ""
    except ValueError:
        return False
    squashed = NOT_NAME_RE.sub("", name).casefold()
    return bool(squashed) and squashed in (label.replace("-", "") for label in host.split(".")[:-1])


FOOTER_PART_RE = LazyPattern(r"(?:^|[-_])footer(?:$|[-_])", re.IGNORECASE)
PAGE_WIDE_TAGS = frozenset(("html", "body", "main", "article"))
NOT_FOOTER_RE = LazyPattern(r"figure|caption|image|media|photo|card|embed|article", re.IGNORECASE)


def _footer_node(node: Any) -> bool:
    """Is this element the site's footer or nav: a <footer>/<nav>, or a class naming a footer that is not a figure's?
    Never an element that holds the page or the story (a theme's <body class="avada-footer-fx-none">, chunks27)."""
    if node.tag in ("footer", "nav"):
        return True
    if node.tag in PAGE_WIDE_TAGS:
        return False
    attributes = node.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    if "ooter" in names or "OOTER" in names:
        for token in names.split():
            if FOOTER_PART_RE.search(token) and not NOT_FOOTER_RE.search(token):
                return True
    return False
