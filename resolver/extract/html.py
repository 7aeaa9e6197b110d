"""Embeds and credits in an HTML page: parsed once with lexbor, selected with CSS, spans mapped back to the source.

A page with none of the markers an embed or credit needs is not parsed at all (the hot path of a corpus run).
Embeds are found here; credits by `html_credits`; spans by `spans`.
"""

from __future__ import annotations

import datetime
import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from collections.abc import Callable, Iterator
from dataclasses import replace
from html import unescape
from typing import Any

from resolver import platforms
from resolver.extract import beside, html_credits, script_credits, tweet_text
from resolver.extract import text as text_detectors
from resolver.extract.dates import dots_day_first, may_be_date, parse_date
from resolver.extract.dedupe import ONE_PER_POST, one_per_post
from resolver.extract.incomplete import attempt
from resolver.extract.dom import (BLOCKS, AncestorMemo, Part, ancestors, attr, block_lines, children, class_set,
                                  descendants,
                                  element_before, element_text, is_element, parse, select, selector_of, shallow,
                                  text_with_breaks, text_with_lines, words_of)
from resolver.extract.intervals import Intervals
from resolver.extract import needles as needle_search
from resolver.lazy import LazyPattern
from resolver.extract.needles import WRITES_LETTERS_RE, Needles
from resolver.extract.spans import ElementEnds, SourceMap
from resolver.model import Credit, Embed, Place, PostRef, account_by_did, two_posts
from resolver.placeholders import EMBED_CODE_TAIL_RE, is_placeholder, real, without_tail
from resolver.readable import LINK_DETECTORS
from resolver.platforms import podcasts, unsupported, x

# Pages repeat the same share and profile links: each URL is read once per process (the answers are frozen values).
_parse_url = lru_cache(maxsize=8192)(platforms.parse_url)
# A tweet card's links are read several times over (its date link, its buttons, its "View on Twitter"): so too (#14).
_x_url = lru_cache(maxsize=8192)(x.parse_url)

# A page with none of these is not parsed. Plain substring tests, likeliest first: most pages answer at once.
MARKERS = (*platforms.PAGE_MARKERS, "credit", "Credit", "CREDIT", "copyright", "Copyright", "©", "&copy;",
           "figcaption", "(@", "photographer", "Photographer", "ImageObject", "FIGCAPTION", "IFRAME", "__source")
# A signature's opening with a direction mark before its "@" (SIGNATURE_OPENS), any the text detector takes: one
# search, on a page beyond ASCII only (review44b: the Arabic letter mark and the isolates were lost in markup).
MARKED_OPENING_RE = LazyPattern(f"\\([{platforms.urls.DIRECTION_MARKS}]@")
# Hosts are caseless: a page whose only post link is "HTTPS://T.ME/..." is asked these last, lower-cased (#10).
CASELESS_MARKERS = tuple(dict.fromkeys(marker.lower() for marker in platforms.PAGE_MARKERS))


def has_markers(page: str) -> bool:
    """Does the page hold a marker an embed or a credit needs? Also as HTML reads it: a page writing letters as
    references (`class="CR&#X45;DIT"`, #10) is asked again with its references read, which few pages need."""
    return _has_markers(page) or WRITES_LETTERS_RE.search(page) is not None and _has_markers(unescape(page))


def _has_markers(page: str) -> bool:
    # The prose credit words last, and only on a page with no other marker: a page whose only credit was a line
    # of its text ("(AP Photo/Jane Doe)") was skipped unparsed, where the same text as plain text gave the credit.
    # A Mastodon post's path is searched for last, as its host can be any (#11).
    # "©" as a reference (#11), in any of its spellings (review27b #8), before them.
    return (any(marker in page for marker in MARKERS) or html_credits.COPYRIGHT_REFERENCE_RE.search(page) is not None
            or html_credits.PROSE_HINT_RE.search(page) is not None
            or platforms.mastodon.MARKER_RE.search(page) is not None
            or _may_credit_in_markup(page) or _has_caseless_marker(page)
            or not page.isascii() and (ADDRESS_BEYOND_ASCII_RE.search(page) is not None
                                       or MARKED_OPENING_RE.search(page) is not None))


# A link's address written with letters beyond ASCII, as a look-alike host is ("https://t.mе/…", "twіtter.com"): a
# page holding nothing else an embed needs is read all the same, so its disguise is said (`_post_links`).
# Its host (before the first "/", "?" or "#"): a site's own links in its language ("/news/الحرب-1") are no disguise,
# and let every page of an Arabic site be parsed whole (review44b).
ADDRESS_BEYOND_ASCII_RE = LazyPattern(r"""href\s*=\s*["']?\s*(?:https?:)?//[^"'\s<>/?#\\]*[^\x00-\x7f]""",
                                      re.IGNORECASE)


def _may_credit_in_markup(page: str) -> bool:
    """Does a page with no other marker hold a class word the candidate selection reads, in any case as it reads
    them ('<p class="caption">Fire crews. (Jane Doe/Riverton Post)</p>'), or an alt text, title or caption attribute
    whose words may end in a credit with no hint word ("... Jane Doe for The Riverton Post", "Ann Example/AP")? Such
    pages were skipped unparsed (credits29 #3). Asked of the page lower-cased, with `in` and a regex per attribute
    name, each starting with its literal: one caseless regex took 2.1 ms on a 125 KB page, these 1.7 together."""
    lower = page.lower()
    return any(word in lower for word in html_credits.CREDIT_WORDS) \
        or any(pattern.search(lower) is not None for pattern in CAPTION_ATTR_RES)


# An attribute whose name ends in "alt", "title" or "caption" ("alttext", "data-alt", "data-caption" too), its
# value holding " for " or a slash; in the lower-cased page. Compiled when first asked (0.4 ms at start-up, #14): few
# pages have no other marker.
CAPTION_ATTR_RES = tuple(LazyPattern(name + r"""(?:text)?[\t\n\x0c\r ]*=[\t\n\x0c\r ]*"""
                                           r"""(?:"[^"]*(?: for |/)|'[^']*(?: for |/))""")
                         for name in ("alt", "title", "caption"))


def _has_caseless_marker(page: str) -> bool:
    """Does the page name a post host in another case ("WWW.REDDIT.COM")? Only a page with no other marker asks,
    so a page that has one pays nothing for it (#10: such a page was skipped unparsed, its link lost). One caseless
    hyperscan pass (0.03 ms a 120 KB page); without hyperscan, the page lower-cased and searched (2.8 ms)."""
    if needle_search.hyperscan_module() is not None:   # asked through the module: tests set it aside
        return any(Needles(page, CASELESS_MARKERS, caseless=CASELESS_MARKERS).starts.values())
    lowered = page.lower()
    return any(marker in lowered for marker in CASELESS_MARKERS)


def _names_pattern(names: list[str]) -> str:
    """A pattern for the names (any characters, each matched as written), shared starts written once (`d(?:iv|l)`):
    the engine tries one branch per first character, not one per name (#14: 6.0 against 8.4 ms over the 45 MB page's
    cuts; the platforms' 36 hosts in HREF_VALUE_RE, a fifth less)."""
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        longer = [rest for rest in rests if rest]
        if len(rests) == 1:   # no other name shares this start: written out
            branches.append(re.escape(first + rests[0]))
            continue
        branches.append(re.escape(first) + (f"(?:{_names_pattern(longer)})" + ("?" if "" in rests else "")
                                            if longer else ""))
    return "|".join(branches)


# Links whose href is a URL on a platform's host (entities decoded), one href per line of the lower-cased hrefs,
# each line preceded by its "\n": a literal first character lets the engine jump from line to line (a `^` anchor
# made it try at every character: 55 against 32 us on a median page, #14). A match runs from its "\n" to the line's
# end whichever host it read, so the hosts are written as a tree of their characters (`_names_pattern`), not one
# by one longest first as `platforms.DOMAIN_PATTERN` (#14).
HREF_VALUE_RE = re.compile(
    r"""\n(?:https?:)?//(?:[a-z0-9-]+\.)*(?:"""
    rf"""{_names_pattern(sorted({*platforms.BY_DOMAIN, *platforms.WRAPPER_HOSTS}))}|{platforms.mastodon.HOST_PATTERN})"""
    r"""/[^"'\s>]*$""", re.MULTILINE)   # and the redirect wrappers' hosts: the post a wrapper names is read (fix47c)
# A Wayback Machine capture link's own part, up to the URL it captured (`platforms.archived_capture` reads it).
CAPTURE_PREFIX_RE = LazyPattern(r"\n(?:https?:)?//(?:web\.)?archive\.org/web/\d{4,14}(?:[a-z]{2}_)?/(?:https?:/{1,2})?")
# Elements that can be an embed by their tag.
STRUCTURE_PARTS: tuple[Part, ...] = (("blockquote", ("<blockquote",)), ("iframe", ("<iframe",)),
                                     ("script[data-telegram-post]", ("data-telegram-post",)),
                                     ("figure.wp-block-embed", ("wp-block-embed",)))
STRUCTURE_SELECTOR = selector_of(STRUCTURE_PARTS, None)
# Class selectors match in any case on a quirks-mode page ("FB-POST"); the class words are asked caselessly.
FACEBOOK_PARTS: tuple[Part, ...] = (("div.fb-post", ("fb-post",)), ("div.fb-video", ("fb-video",)),
                                    ("div.fb-comment-embed", ("fb-comment-embed",)))
TIMELINE_PARTS: tuple[Part, ...] = (("a[href][class*=twitter-timeline]", ("twitter-timeline",)),)
# Custom elements: asked for by name first (lexbor answers at once for a name the page never uses).
CUSTOM_TAGS = ("amp-twitter", "amp-instagram", "amp-youtube", "amp-facebook", "amp-vimeo", "amp-tiktok", "amp-reddit",
               "amp-iframe", "lite-youtube", "lite-vimeo")
# Where lazy loaders keep an iframe's address while its `src` holds a placeholder, in the order they are read:
# lazysizes and a3 Lazy Load, WP Rocket, LiteSpeed Cache, jQuery lazyload (newuser31b §7).
LAZY_SRC_ATTRS = ("data-src", "data-lazy-src", "data-litespeed-src", "data-original")
# A placeholder `src`: none, a blank page (WP Rocket's "about:blank", resolved against the page or not), an inline
# document or a script.
PLACEHOLDER_SRC_RE = LazyPattern(r"\s*(?:$|about:blank|data:|javascript:|\S*/about:blank\s*$)", re.IGNORECASE)
TWEET_CLASSES = frozenset({"twitter-tweet", "twitter-video"})
LINKS = frozenset({"html-link", "html-intent"})   # detectors of a link alone, no embed code (`platforms.link_doubt`)


# The name runs from the last em or en dash (widgets.js writes &mdash;), so a hyphen in the tweet's words ("every
# November - not just on Diwali") is no start but one in a name ("Riverton FC - Official") is kept; after a plain
# hyphen, the name holds no hyphen beside a space. A name may hold a part in brackets ("透析テツ(脱被曝)", "Ann
# Example (she/her)"), never one starting with "@".
NAME_BRACKETS = r"\((?!@)[^()—–]*\)"
# Direction marks around or inside "(@handle)", as a right-to-left page writes them: the name kept one ("وزارة الطاقة
# \u200f") or was lost with the signature (newuser43a #7).
_MARKS = f"[{platforms.urls.DIRECTION_MARKS}]*"
SIGNATURE_IN_QUOTE_RE = re.compile(
    rf"(?:(?:[—–]\s*(?P<name>(?:[^()—–]|{NAME_BRACKETS})*?)"
    rf"|-{{1,2}}\s*(?P<hname>(?:(?!\s-|-\s)[^()—–]|{NAME_BRACKETS})*?))\s*)?"
    rf"\({_MARKS}@{_MARKS}(?P<handle>[A-Za-z0-9_]{{1,15}}){_MARKS}\)")


_BLANKS = " \t\n\r\f\v\u00a0\u202f" + platforms.urls.DIRECTION_MARKS   # what a signature's name is stripped of


def _is_tweet_blockquote(el: Any) -> bool:
    """widgets.js markup (blockquote.twitter-tweet), or a CMS's own tweet card (BuzzFeed's
    subbuzz-tweet__container)."""
    if el.tag != "blockquote":
        return False
    classes = class_set(el)
    return bool(classes & TWEET_CLASSES) or any("tweet__" in c or c.endswith("-tweet") for c in classes)


def _date_languages(el: Any, written_in: str | None = None, post: str | None = None) -> tuple[str | None, ...]:
    """The languages an embed's date may be written in, for a month word two languages read as two months
    (`dates.month_number`): the language its embed code says it prints in (X's `data-lang`, the viewer's) alone where
    given, else the page's where the embed stands (its nearest `lang`, as `<html lang>`) and the post's (fixnu32h)."""
    if written_in:
        return (written_in,)
    return next((attr(a, "lang") for a in ancestors(el) if attr(a, "lang")), None), post


def _embed_date(date_text: str | None, el: Any, written_in: str | None = None, post: str | None = None) -> str | None:
    """An embed's date read in the languages it may be written in (`_date_languages`); a dotted date of two readings
    ("03.12.2022") day first where its embed code's language (`data-lang`), else its page's, writes it so, never by
    the post's own language (newuser46a #8)."""
    dotted = "." in (date_text or "")   # the page's language looked up for a dotted date only (#14)
    page = (written_in or next((attr(a, "lang") for a in ancestors(el) if attr(a, "lang")), None)) if dotted else None
    return parse_date(date_text or "", langs=_date_languages(el, written_in, post), day_first=dotted and dots_day_first(page))


def _tweet_from_blockquote(quote: Any, smap: SourceMap, detector: str = "html-blockquote") -> Embed | None:
    """A tweet blockquote: text, lang, author, date, status URL and the links its text carries. Read without the
    tweet blockquotes nested in it: a quoted post's embed code is an embed of its own (`_structural_embeds`)."""
    el = _without_nested_tweets(quote)
    # widgets.js form: "— Name (@handle) <a>date</a>"; a name counts only after the dash. The signature is the
    # last such group: the tweet's own words may mention "(@someone)".
    signature = None
    for signature in SIGNATURE_IN_QUOTE_RE.finditer(element_text(el)):
        pass
    signed = f"(@{signature.group('handle')})" if signature is not None else None
    status, date_text, dated = _date_link(el, signed)
    lookalike = None
    if status is None and signed is not None:
        lookalike, date_text, dated = _lookalike_date_link(el, signed) or (None, date_text, dated)
    elif status is not None and status.post_id:
        lookalike = _lookalike_account_link(el, status.post_id)
    paras = _tweet_paragraphs(el, dated, status)
    text = "\n".join(t for t in (text_with_breaks(p) for p in paras) if t) or None
    media, links = _tweet_links(paras)
    name, handle = _card_author(el) if signature is None else (
        (signature.group("name") or signature.group("hname") or "").strip(_BLANKS) or None, signature.group("handle"))
    if status is None and handle is None:
        return None
    confidence = tweet_text.HIGH
    if text is None and signature is not None and _dashed(signature):
        text, confidence = _words_before_signature(el, signature, dated), tweet_text.UNCERTAIN
    handle = handle or (status.author_handle if status else None)
    lang = (attr(paras[0], "lang") if paras else None) or attr(el, "data-lang")
    needle = next(iter(class_set(el) & TWEET_CLASSES), None) or (attr(el, "class") or "").split(" ")[0] or None
    # A CMS's data-tweet-id naming another post than the link does (widgets.js renders the link's): both are kept in
    # the doubt, and the checks warn (newuser37 #2: the link's post passed every check, the attribute unread).
    named = (attr(quote, "data-tweet-id") or "").strip()
    doubt = two_posts(named, "data-tweet-id", status.post_id, "its link") \
        if status and status.post_id and x.ID_RE.match(named) and named != status.post_id else None
    return Embed(
        platform="twitter", kind="post",
        # the link as the page writes it (its own handle, or none): the signature's handle built a URL nowhere in
        # the page (newuser37 §5); it is the author_handle alone
        url=x.status_url(status.post_id, status.author_handle) if status and status.post_id
        else x.profile_url(handle or ""),
        detector=detector, span=smap.span(quote, needle),
        post_id=status.post_id if status else None, author_handle=handle, author_name=name,
        date_text=date_text, date=_embed_date(date_text, el, attr(el, "data-lang"), lang),
        text=text, lang=lang or None,
        text_confidence=confidence if text else None,
        media_links=tuple(dict.fromkeys(media)), links=tuple(dict.fromkeys(links)), id_doubt=doubt or lookalike,
    )


def _lookalike_date_link(el: Any, signed: str) -> tuple[str, str | None, int] | None:
    """(why its link is not X's, the date's words, the link's mem_id) for an embed code whose date link, the last
    outside its words, has a status path on a host made to look like X's (`x.lookalike`): its date is the article's
    all the same, and its link is said, not "the article kept no link" (newuser37 §7). None when it has none."""
    words = _word_paragraphs(el, signed)
    found = None
    for a in descendants(el, "a"):
        href = attr(a, "href") or ""
        if _in_words(a, el, words):
            continue
        why = x.lookalike(href)
        found = (why, _date_words(element_text(a)), a.mem_id) if why else found
    return found


def _lookalike_account_link(el: Any, post_id: str) -> str | None:
    """Why a link of the embed code to its own post (`post_id`) names an account written with letters of another
    script ("twitter.com/MoInfo_Gаza/status/N" under the signature "(@MoInfo_Gaza)"), in `lookalike_link`'s words; None
    when none does. X shows the post by its id, whatever account the link names: the post stays the link's, and the
    doubt says whose name the link passes for (the signature's handle alone read as the real account's, fixleft42a's
    left item). Most links are all ASCII: one test of each string."""
    for a in descendants(el, "a"):
        href = attr(a, "href") or ""
        if not platforms.beyond_ascii(href):
            continue
        said = platforms.lookalike_link(href)
        ref = x.parse_url(href) if said is not None and said[2] else None
        if ref is not None and ref.post_id == post_id:
            return said[1] if said is not None else None
    return None


def _without_nested_tweets(el: Any) -> Any:
    """The tweet blockquote as its own post shows it: a detached copy without the tweet blockquotes a CMS nested in
    it (the quoted post's embed code inside the quoting one's), or the element itself when it holds none. Their
    words were the outer post's text, their date link its date (#10)."""
    if not any(_is_tweet_blockquote(b) for b in descendants(el, "blockquote")):
        return el
    copy = el.clone()
    # Innermost first: an element is removed before any tweet blockquote holding it, never after it is freed.
    for inner in reversed(descendants(copy, "blockquote")):
        if _is_tweet_blockquote(inner):
            inner.decompose()
    return copy


ADDRESS_RE = re.compile(r"https?://|www\.|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/", re.IGNORECASE)


def _date_link(el: Any, signed: str | None) -> tuple[PostRef | None, str | None, int | None]:
    """(the post, the date's words, the date link's mem_id): the last link to a post, outside the tweet's words.
    `signed`: the "(@handle)" of the signature, whose paragraph holds no words, dash or not. With no date link, a
    link in the words to the photo or video of a post of the signature's account (its /photo/1 link) names the post;
    one to another account's post (a quote-tweet's) never does: it gave the quoted post's id, and "https://t.co/…" as
    the date; nor does a bare link to the account's own post: a self-quote's link gave the older post's id (#10)."""
    status = own = None
    date_text = dated = None
    words = _word_paragraphs(el, signed) if signed is not None else {}
    last = next(reversed(words), None)
    for a in descendants(el, "a"):
        href = attr(a, "href") or ""
        ref = _x_url(href)
        if ref is None or ref.kind != "post":
            continue
        shown = element_text(a)
        in_words = signed is not None and _in_words(a, el, words)
        if "/intent/" in href:
            # a card's Reply, Retweet and Favorite buttons name the post, not its date; an intent link in the
            # words may name another post (review27b §7)
            status = status or (None if in_words else ref)
        elif in_words or ADDRESS_RE.match(shown):
            # A link in the words, or one showing an address, is no date link: a quote-tweet's link to the post it
            # quotes gave that post's id, and its address as the date (review27b §5). But the own post's link
            # ending the last words paragraph, a date, is the date link (review27b §6).
            mine = signed is not None and (ref.author_handle or "").casefold() == signed[2:-1].casefold()
            if mine and in_words and _ends_paragraph(a, last) and parse_date(_date_words(shown) or ""):
                status, date_text, dated = ref, shown, a.mem_id
            else:   # a bare link to the account's own post may be a self-quote's older post: only its media names it
                own = own or (ref if mine and (x.shows_media(href) or x.shows_media(shown)) else None)
        elif (said := _date_words(shown)) is not None or date_text is None:
            # A later link with no number ("View on Twitter" after the date) is no date: the last won (review27b §4)
            status, date_text, dated = ref, said, a.mem_id
    return status or own, date_text, dated


def _ends_paragraph(a: Any, paragraph: int | None) -> bool:
    """Whether a link is the end of a paragraph (`paragraph`, its mem_id): nothing after it but blanks."""
    p = next((p for p in ancestors(a) if p.tag == "p"), None)
    return p is not None and p.mem_id == paragraph and element_text(p).endswith(element_text(a))


def _word_paragraphs(el: Any, signed: str) -> dict[int, None]:
    """The mem_ids of the paragraphs before the signature's (one starting with a dash or holding its "(@handle)"):
    those that may hold the tweet's words. A paragraph after it (the date link alone) holds none."""
    found: dict[int, None] = {}   # in document order
    for p in descendants(el, "p"):
        words = element_text(p)
        if _signs(words) or signed in words or signed in platforms.urls.without_marks(words):
            break
        found[p.mem_id] = None
    return found


def _in_words(a: Any, el: Any, words: dict[int, None]) -> bool:
    """Whether a link sits in one of the paragraphs of the tweet's words (`words`, their mem_ids)."""
    for p in ancestors(a):
        if p.mem_id == el.mem_id:
            return False
        if p.tag == "p":
            return p.mem_id in words
    return False


def _words_before_signature(el: Any, signature: re.Match[str], dated: int | None) -> str | None:
    """A blockquote's words before its signature's "— Name (@handle)", when no paragraph holds them: a CMS
    stripped the embed code's <p> (newuser27 §10). Read, not bounded by the markup: the caller says `uncertain`.
    Each block is a line, as each <p> is; a card's chrome is left out: its buttons, and a header line holding only
    the signature's name and handle (they were read as words, and failed the text check: review27b §1), and the
    date link (`dated`, its mem_id), which may end the words' <p> (review27b §6)."""
    name = (signature.group("name") or signature.group("hname") or "").strip().casefold()
    handle = "@" + signature.group("handle").casefold()
    lines = block_lines(el, skip=lambda node: node.mem_id == dated or _buttons_only(node))
    words = "\n".join(line for line in lines if not _card_header(line.casefold(), name, handle))
    last = None
    for last in SIGNATURE_IN_QUOTE_RE.finditer(words):
        pass
    return words[:last.start()].strip() or None if last is not None and _dashed(last) else None


CARD_HEADER_WORDS_RE = LazyPattern(r"[\s·|•:-]*(?:follow(?:ing)?[\s·|•:-]*)?")


def _card_header(line: str, name: str, handle: str) -> bool:
    """Whether a line (case-folded) is a card's header: the signature's @handle, its name, a Follow button."""
    rest = line.replace(handle, "", 1).replace(name, "", 1)
    return handle in line and CARD_HEADER_WORDS_RE.fullmatch(rest) is not None


def _dashed(signature: re.Match[str] | None) -> bool:
    """Whether a signature has its dash before the name: without one, the words before "(@handle)" may be the name."""
    return signature is not None and (signature.group("name") is not None or signature.group("hname") is not None)


HANDLE_IN_BRACKETS_RE = re.compile(r"\(@[A-Za-z0-9_]{1,15}\)")


def _date_words(words: str) -> str | None:
    """A date link's words, or None when they are no date (`dates.may_be_date`): X's minimal embed code links the
    post with "View post on X" in the page's language ("Ver publicación en X (@handle)", newuser27 §5), a CMS
    numbers it ("View post on X 2", #10); a handle's digits are no date's."""
    return words if may_be_date(HANDLE_IN_BRACKETS_RE.sub("", words)) else None


def _tweet_paragraphs(el: Any, dated: int | None, status: PostRef | None) -> list[Any]:
    """The paragraphs that hold the tweet's words: every <p> but the one carrying the signature or its date link
    (`dated`, its mem_id), a card's Reply, Retweet and Favorite buttons, and its "View on Twitter" after the date
    (links to the post itself, `status`). Another link to a post is in the words:
    a quote-tweet's link to the post it quotes, the tweet's own /photo/1 link; they emptied the text, and the report
    skipped its text check."""
    paras = []
    links = [a.mem_id for a in descendants(el, "a")]
    after = set(links[links.index(dated) + 1:]) if dated in links else set()
    for p in descendants(el, "p"):
        words = element_text(p)
        if _signs(words) or any(a.mem_id == dated for a in descendants(p, "a")) \
                or _buttons_only(p) or _own_links_only(p, status, after):
            continue
        paras.append(p)
    return paras


def _signs(words: str) -> bool:
    """Whether a paragraph's words are the signature's: they start with its dash ("— Name (@handle)"), or with a
    hyphen and hold its "(@handle)": a list's line ("- rain") is words (a list written with hyphens lost its lines)."""
    return words[:1] in ("—", "–") or words.startswith("-") and "(@" in words


def _own_links_only(p: Any, status: PostRef | None, after: set[int]) -> bool:
    """A paragraph after the date link (`after`: the mem_ids of the links after it) made of links to the embed's
    own post and no other words: a card's "View on Twitter" (review27b §4), no words of the post."""
    found = descendants(p, "a")
    if status is None or not found or any(a.mem_id not in after for a in found):
        return False
    own = all((ref := _x_url(attr(a, "href") or "")) is not None and ref.post_id == status.post_id for a in found)
    return own and _links_only(p, found)


def _buttons_only(block: Any) -> bool:
    """A card's Reply, Retweet and Favorite buttons: a block of Web Intent links naming the post, with no other
    words. Words holding an intent link ("Retweet this! <a>…/intent/retweet…</a>") are words (review27b §7)."""
    if block.tag not in BLOCKS:
        return False
    links = descendants(block, "a")
    return any(_intent_on_post(attr(a, "href") or "") for a in links) and _links_only(block, links)


def _links_only(block: Any, links: list[Any]) -> bool:
    """Whether a block shows no words but its links' (`links`, all it holds): a card's buttons, its "View on
    Twitter"; words around them ("Retweet this! <a>…</a>") are the post's."""
    rest = element_text(block)
    for a in links:
        rest = rest.replace(element_text(a), "", 1)
    return not any(c.isalnum() for c in rest)


def _intent_on_post(href: str) -> bool:
    """A Web Intent naming a post (a card's Reply, Retweet or Favorite button)."""
    return "/intent/" in href and (ref := _x_url(href)) is not None and ref.kind == "post"


def _tweet_links(paras: list[Any], words: str | None = None) -> tuple[list[str], list[str]]:
    """(media links, other links) in a tweet's text; with `words`, only the links whose text is in them (a flattened
    post's paragraph may hold the article's words and links after its signature: review38b)."""
    media, links = [], []
    spaced = " ".join(words.split()) if words is not None else None
    for a in (a for p in paras for a in descendants(p, "a")):
        href, label = (attr(a, "href") or "").strip(), element_text(a)
        if spaced is not None and (not (said := " ".join(label.split())) or said not in spaced):
            continue
        ref = _x_url(label) if label.lower().startswith(("pic.twitter.com", "pic.x.com")) else None
        if ref is not None and ref.kind == "media-link":
            media.append(ref.url)
        if href.startswith(("http://", "https://")) and "/hashtag/" not in href and not href.endswith("?ref_src=twsrc%5Etfw"):
            links.append(platforms.link_target(href))   # a Google Docs export's google.com/url?q=… its target
    return media, links


def _card_author(el: Any) -> tuple[str | None, str | None]:
    """(name, handle) from a tweet card's own author elements, when it has no widgets.js signature."""
    name = handle = None
    for child in el.traverse():
        css = (attr(child, "class") or "") if is_element(child) else ""
        if name is None and ("display-name" in css or "fullname" in css):
            name = element_text(child) or None
        elif handle is None and ("username" in css or "screen-name" in css or "screenname" in css):
            handle = element_text(child).lstrip("@") or None
    return name, handle if handle and x.HANDLE_RE.match(handle) else None


def _embed_from_url(url: str, el: Any, smap: SourceMap, detector: str, needle: str | None = None) -> Embed | None:
    ref = _parse_url(url)
    embed = None if ref is None or not platforms.is_embed(ref) else Embed(
        platform=ref.platform, kind=ref.kind, url=ref.url, detector=detector,
        span=smap.span(el, needle), post_id=ref.post_id, author_handle=ref.author_handle,
        media_links=(ref.url,) if ref.kind == "media-link" else (), linked_capture=text_detectors.capture_of(url),
        start_seconds=ref.start_seconds, end_seconds=ref.end_seconds,
        id_doubt=platforms.link_doubt(ref, url) if detector in LINKS else None, shown_url=ref.shown,
    )
    return _disguise_said(embed, url, el, smap, detector, needle) if platforms.beyond_ascii(url) else embed


def _disguise_said(embed: Embed | None, url: str, el: Any, smap: SourceMap, detector: str,
                   needle: str | None) -> Embed | None:
    """`embed` of a URL written with look-alike letters (`platforms.lookalike_link`) with the disguise said, as in
    text: the post's id and no account where the platform shows a post by its id ("tiktok.com/@vоenkor_ua/video/N"),
    else no post ("t.me/wаrmonitor/1", "mastodon.social/@Gаrgron/N"). Every element naming a post by a URL is read
    so: a frame's or an embed code's look-alike was taken as the account's post, or dropped (fixleft42a)."""
    disguised = platforms.lookalike_link(url)
    if disguised is None:
        return embed
    if disguised[2] and embed is not None:
        return replace(embed, author_handle=None, id_doubt="; ".join(filter(None, (disguised[1], embed.id_doubt))))
    return Embed(platform=disguised[0], kind="post", url=url, detector=detector, span=smap.span(el, needle),
                 id_doubt=disguised[1])


def _embed_at(el: Any, smap: SourceMap, said: beside.Reader) -> Embed | None:
    """The embed an element is, by its tag and class, or None. Elements inside a claimed embed never get here.
    `said`: the parse's reading of the words beside post links."""
    tag, classes = el.tag, class_set(el)
    if tag == "blockquote":
        if _is_tweet_blockquote(el):
            return _tweet_from_blockquote(el, smap)
        if "instagram-media" in classes:
            return _instagram(el, smap)
        if "tiktok-embed" in classes:
            return _tiktok(el, smap)
        if "bluesky-embed" in classes:
            return _blueskyish(el, smap)
        if "mastodon-embed" in classes:   # Mastodon 4.3's embed code: data-embed-url is the post's <url>/embed
            return _embed_from_url(attr(el, "data-embed-url") or "", el, smap, "html-blockquote", "mastodon-embed")
        if "text-post-media" in classes:
            return _embed_from_url(attr(el, "data-text-post-permalink") or "", el, smap, "html-blockquote", "text-post-media")
        if classes & {"reddit-embed-bq", "reddit-card"}:
            return _reddit(el, smap)
        return None
    if tag == "iframe":
        tweet_id = attr(el, "data-tweet-id") or ""
        if x.ID_RE.match(tweet_id):   # widgets.js already ran: the rendered iframe keeps only the id
            return _beside_frame(_embed_from_url(x.status_url(tweet_id), el, smap, "html-iframe", tweet_id), el)
        attributes = el.attributes   # one dict: `attrs.get` raises and catches a KeyError per name missing (#14)
        src = _frame_src(attributes)
        if "/twitterembed/" in src.lower() or (attributes.get("id") or "").startswith("tweetframe"):
            return _hosted_tweet(el, src, smap)
        embed = _embed_from_url(src, el, smap, "html-iframe", src[:60] or None) if src else None
        return _beside_frame(embed, el) if embed is not None or not attributes.get("srcdoc") \
            else _srcdoc_embed(el, smap)
    if tag in CUSTOM_TAGS:
        return _custom_element(el, smap)
    if tag == "script":
        post = attr(el, "data-telegram-post")
        if post:
            ref = platforms.telegram.parse_post_attribute(post)
            if ref is not None:
                return Embed(platform="telegram", kind="post", url=ref.url, detector="html-script",
                             span=smap.span(el, "data-telegram-post"), post_id=ref.post_id, author_handle=ref.author_handle)
            if not post.isascii() and (marked := _marked_post(post)) is not None:
                ref, doubt = marked
                return Embed(platform="telegram", kind="post", url=ref.url, detector="html-script",
                             span=smap.span(el, "data-telegram-post"), post_id=ref.post_id,
                             author_handle=ref.author_handle, id_doubt=doubt)
            if not post.isascii():   # "wаrmonitor/4525": a look-alike channel, said (fixleft42a)
                return _disguise_said(None, "https://t.me/" + post.strip(), el, smap, "html-script",
                                      "data-telegram-post")
        return None
    if tag == "div" and classes & {"fb-post", "fb-video"}:
        return _facebook(el, smap)
    if tag == "div" and any(c.lower() == "fb-comment-embed" for c in classes):   # any case, as the selector
        return _facebook_comment(el, smap)
    if tag == "figure" and "wp-block-embed" in classes:
        url = element_text(el).split(" ")[0] if element_text(el) else ""
        return _embed_from_url(url, el, smap, "html-wp-embed", "wp-block-embed")
    if tag == "a":
        if "twitter-timeline" in classes:
            ref = _x_url(attr(el, "href") or "")
            if ref is not None:
                return Embed(platform="twitter", kind="timeline", url=ref.url, detector="html-timeline",
                             span=smap.span(el, "twitter-timeline"), author_handle=ref.author_handle)
            return None
        href = attr(el, "href") or ""
        # a Like, Retweet or Reply button: a place of the post it names, no embed alone (dedupe.one_per_post)
        detector = "html-intent" if _intent_on_post(href) else "html-link"
        # a look-alike account ("t.me/wаrmonitor/1") is said as in text (`_disguise_said`; review40a, review41b)
        embed = _embed_from_url(href, el, smap, detector, href[:80]) if href else None
        if embed is None or embed.kind == "timeline":   # a profile link is no embed
            return None
        if detector == "html-link" and embed.platform == "twitter" and (box := _blackbird_pie(el)) is not None:
            return _blackbird_embed(embed, el, box, smap)
        return _with_words_beside(embed, el, said) if detector == "html-link" and embed.kind in ("post", "short-link") \
            else embed
    return None


def _blackbird_pie(a: Any) -> Any | None:
    """The Blackbird Pie box (`p.bbpTweet`, `blockquote.bbpTweet`) whose timestamp link `a` is, or None. Twitter's
    2010 embed code, its WordPress plugin and blackbirdpy wrote the post's words in it, the link's own words being the
    time since it was posted ("less than a minute ago"): the link read alone gave them as the article's copy of the
    post (newuser44d #7)."""
    stamp = a.parent
    if stamp is None or "timestamp" not in (attr(stamp, "class") or "").lower():
        return None
    box = stamp.parent
    return box if box is not None and "bbpTweet" in class_set(box) else None


def _blackbird_embed(embed: Embed, a: Any, box: Any, smap: SourceMap) -> Embed:
    """A Blackbird Pie embed (`_blackbird_pie`), read: its text (the box's words before the timestamp, or its
    `p.tweet`), its author's name (`strong` in the author's span, or `span.display_name`), and the date of the
    timestamp link's title ('Tue Dec 14 22:10:05 +0000 2010') or its words; its span the box's, the whole embed; its
    detector "html-blackbird-pie", an embed code's (its words are the article's copy of the post, not prose beside a
    link)."""
    tweet = box.css_first("p.tweet")
    if tweet is not None:
        text = element_text(tweet)
    else:
        words = " ".join(box.text(deep=True).split())
        stamp = " ".join(a.parent.text(deep=True).split())
        text = words[:words.find(stamp)].strip() if stamp and stamp in words else ""
    named = box.css_first(".author strong, .bbpAuthor strong, .display_name")
    name = element_text(named) if named is not None else ""
    date_text = attr(a, "title") or element_text(a)
    date = parse_date(date_text) if date_text else None
    return replace(embed, detector="html-blackbird-pie", span=smap.span(box, "bbpTweet"), text=text or None,
                   text_confidence=tweet_text.HIGH if text else None, author_name=name or None,
                   date_text=date_text if date else None, date=date)


def _marked_post(value: str) -> tuple[PostRef, str] | None:
    """(the post, the doubt saying so) of a `data-telegram-post` holding direction marks or zero-width characters
    (`text.INVISIBLE`), as a right-to-left editor leaves them ("\u200fostannews/4527\u200f"), read without them; None
    when it names no post so. No channel's name or post's number holds one: the post was dropped unsaid (newuser43a
    #5); said, as the widget is given the attribute as written."""
    plain = text_detectors.INVISIBLE_RE.sub("", value)
    ref = platforms.telegram.parse_post_attribute(plain) if plain != value else None
    if ref is None:
        return None
    shown = plain.strip().strip("/")
    held = " and ".join(dict.fromkeys(f"{unicodedata.name(c, 'U+%04X' % ord(c))} U+{ord(c):04X}"
                                      for c in value if c in text_detectors.INVISIBLE))
    return ref, f'its embed code\'s data-telegram-post "{shown}" holds {held}, which no post\'s name holds: read as ' \
        f"{shown} without it"


BESIDE_FRAME_TAGS = frozenset({"div", "figure", "p", "span", "section"})
BESIDE_FRAME_CHARS = 2000   # a box this long is a story's body, not one embed's


def _beside_frame(embed: Embed | None, frame: Any) -> Embed | None:
    """An X iframe's embed, with a doubt naming both posts when the box holding it (an embed's own: no other frame
    or embed code, a few lines) shows a date link to another post (newuser37 #2: `Tweet.html?id=A` beside the
    fallback "— Name (@handle) <a>date</a>" of post B gave two embeds, without a word that they disagree)."""
    box = frame.parent
    if embed is None or embed.platform != "twitter" or not embed.post_id or box is None \
            or box.tag not in BESIDE_FRAME_TAGS:
        return embed
    if len(descendants(box, "iframe")) != 1 or descendants(box, "blockquote") \
            or len(element_text(box)) > BESIDE_FRAME_CHARS:
        return embed
    for a in descendants(box, "a"):
        ref = _x_url(attr(a, "href") or "")
        if ref is not None and ref.kind == "post" and ref.post_id and ref.post_id != embed.post_id \
                and _date_words(element_text(a)) is not None:
            return replace(embed, id_doubt=two_posts(embed.post_id, "its iframe", ref.post_id, "the link beside it"))
    return embed


def _with_words_beside(embed: Embed, a: Any, read: beside.Reader) -> Embed:
    """A link to a post with what the article says beside it (`read`, the parse's `beside.Reader`): the words it
    quotes, the speaker it names, and the date the link's own words give ("March 14, 2023", as a widget's date link
    does). A link read as a link alone was never compared, and its report said the article quoted no text and showed
    no date (newuser34 #1, #3)."""
    said = read(a)
    shown = element_text(a)
    date_text = _date_words(shown) if shown else None
    date = _embed_date(date_text, a) if date_text else None
    if said.text is None and said.name is None and date is None:
        return embed
    return replace(embed, text=said.text, text_confidence=said.confidence, author_name=said.name,
                   date_text=date_text if date else None, date=date)


HOSTED_TWEET_RE = LazyPattern(r"^\s*Twitter:\s*(?P<name>[^\n]{1,60}?)\s+[-–—]\s+(?P<text>.+)$", re.DOTALL)


def _hosted_tweet(el: Any, src: str, smap: SourceMap) -> Embed | None:
    """A tweet a publisher re-hosts in its own iframe (the Telegraph's TwitterEmbed pages). The page keeps no
    status link, only a <noframe> fallback 'Twitter: Name - text'; the iframe id's digits run a post-id-like number
    into others with no mark where it ends, and one of them went through a JavaScript number (its last digits
    zeros), so no id is claimed. Kind `unidentified`: its `url` is the frame's, where the page shows it, not the
    post's (newuser29 §12: it was a `post` whose canonical URL was the publisher's page)."""
    fallback = re.sub(r"<[^>]*>", "", el.text(deep=True) or "")
    found = HOSTED_TWEET_RE.match(unescape(fallback))
    if found is None:
        return None
    text = re.sub(r"[ \t\r\n\u00a0]+", " ", found.group("text")).strip()
    return Embed(platform="twitter", kind="unidentified", url=("https:" + src) if src.startswith("//") else src,
                 detector="html-iframe", span=smap.span(el, src[:60] or None), author_name=found.group("name").strip(),
                 text=text or None, text_confidence=tweet_text.HIGH if text else None)


INSTAGRAM_HANDLE_RE = LazyPattern(r"\(@(?P<handle>[A-Za-z0-9_.]{1,30})\)")
ISO_DAY_RE = LazyPattern(r"(?:19|20)\d{2}-[01]\d-[0-3]\d(?=T|$)")


def _real_day(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _instagram(el: Any, smap: SourceMap) -> Embed | None:
    """blockquote.instagram-media; older versions name the author in 'A post shared by Name (@handle)'."""
    url = attr(el, "data-instgrm-permalink") or next((attr(a, "href") for a in descendants(el, "a") if attr(a, "href")), "")
    embed = _embed_from_url(url or "", el, smap, "html-blockquote", "instagram-media")
    if embed is None:
        return None
    shared = next(iter(text_detectors.instagram_lines(element_text(el))), None)
    times = descendants(el, "time")
    stamp = times[-1] if times else None   # the caption line's <time datetime="2017-10-23T07:31:37+00:00">
    if shared is not None:
        handle, date_text = shared.group("handle"), shared.group("date")
        name = (shared.group("name") or "").strip() or None
    else:   # a lead-in in a language not read as words: the handle beside the <time> is read, the name is not
        line = INSTAGRAM_HANDLE_RE.search(element_text(stamp.parent)) if stamp is not None and stamp.parent else None
        if line is None:   # no account named: a quote just above it all the same (newuser44c #3)
            said = beside.embed_quote(el)
            return replace(embed, text=said.text, text_confidence=said.confidence) if said.text else embed
        handle, name, date_text = line.group("handle"), None, None
    date = _embed_date(date_text, el)
    if date is None and stamp is not None:
        stamped = ISO_DAY_RE.match(attr(stamp, "datetime") or "")
        if stamped and _real_day(stamped.group(0)):
            date, date_text = stamped.group(0), date_text or element_text(stamp) or None
    text = _caption(el)
    confidence = tweet_text.HIGH if text else None
    if not text:   # no words of the post in the code: a quote the article gives just above it (newuser44c #3)
        said = beside.embed_quote(el)
        text, confidence = said.text, said.confidence
    return replace(embed, author_handle=handle.rstrip("."), author_name=name, date_text=date_text, date=date,
                   text=text, text_confidence=confidence)


def _caption(el: Any) -> str | None:
    """The caption a data-instgrm-captioned embed code shows: its paragraphs before the "A post shared by" line
    (Instagram's copy of the post's words, #10). Version 14's code holds no caption; none is made up."""
    if "data-instgrm-captioned" not in el.attrs:
        return None
    words = []
    for para in descendants(el, "p"):
        line = element_text(para)
        if descendants(para, "time") or text_detectors.instagram_lines(line):
            break
        if line and not is_placeholder(line):
            words.append(text_with_breaks(para))
    return "\n".join(words) or None


def _tiktok(el: Any, smap: SourceMap) -> Embed | None:
    """blockquote.tiktok-embed: the caption is the <p> of its <section> (TikTok's copy of the post's words, #10);
    the "@user" and "♬ sound" links around it are not. TikTok's embed.js plays the video of `data-video-id` (a code
    with no `cite`, as some CMSs write it, plays too): a `cite` naming another video is said (newuser41a #2)."""
    embed = _embed_from_url(attr(el, "cite") or "", el, smap, "html-blockquote", "tiktok-embed")
    played = (attr(el, "data-video-id") or "").strip()
    if platforms.tiktok.POST_ID.match(played) and (embed is None or embed.post_id != played):
        cited = embed.post_id if embed is not None and embed.platform == platforms.tiktok.PLATFORM else None
        # the code's "@user" link names its account, as a cite's path would; not beside a cite naming another video
        user = next((m.group(1) for a in descendants(el, "a") if (m := TIKTOK_USER_RE.match(element_text(a)))), None)
        url = platforms.tiktok.post_url(played, None if cited else user)
        embed = _embed_from_url(url, el, smap, "html-blockquote", "tiktok-embed")
        if embed is not None and cited:
            embed = replace(embed, id_doubt=two_posts(played, "data-video-id (the one TikTok's player shows)", cited,
                                                      "its cite"))
    if embed is None:
        return None
    para = next(iter(descendants(el, "p")), None)
    text = text_with_breaks(para) if para is not None else ""
    if para is None:   # the caption straight in <section> (newuser44c #7)
        text = _section_caption(el) or ""
    said, where = beside.quoted_above(el)   # "She wrote: “…”" just above the code (fixleft46b, as Instagram's)
    if not text:
        return replace(embed, text=said.text, text_confidence=said.confidence) if said.text else embed
    embed = replace(embed, text=text, text_confidence=tweet_text.HIGH)
    if said.text and " ".join(said.text.split()) != " ".join(text.split()):
        # the article's own quote beside the code's caption: another place of the post's words, checked in its turn
        embed = replace(embed, other_words=(Place(smap.span(where, None), "html-blockquote", said.text,
                                                  said.confidence),))
    return embed


TIKTOK_TAG_RE = LazyPattern(r"#\S+$")
TIKTOK_USER_RE = LazyPattern(r"@([A-Za-z0-9_.]{2,24})$")


def _section_caption(el: Any) -> str | None:
    """The caption TikTok's embed code writes straight in its <section>, with no <p> (its code of about 2022, as
    pages keep it): `<a title="@user">@user</a> words <a href="…/tag/x">#x</a> … <a href="…/music/…">♬ sound</a>`.
    The words between the account's link and the sound's, its hashtags among them (the post's caption holds them).
    Only in that shape: the account's link first, then nothing but words, hashtag and @mention links, and the sound's
    link last; any other section (a CMS's summary, a cut-off "… more" with no links) gives none."""
    section = next(iter(descendants(el, "section")), None)
    if section is None:
        return None
    kids = children(section)
    if not kids or kids[0].tag != "a" or not TIKTOK_USER_RE.match(element_text(kids[0])) \
            or "/@" not in (attr(kids[0], "href") or ""):
        return None
    first = next((n for n in section.iter(include_text=True) if n.tag != "-text" or (n.text_content or "").strip()),
                 None)
    if first is None or first.mem_id != kids[0].mem_id:   # words before the account's link: no such code
        return None
    rest = kids[1:]
    if rest and rest[-1].tag == "a" and (element_text(rest[-1]).startswith("♬") or
                                         "/music/" in (attr(rest[-1], "href") or "")):
        rest = rest[:-1]
    for kid in rest:
        shown, href = element_text(kid), attr(kid, "href") or ""
        if kid.tag == "br":
            continue
        if kid.tag != "a" or not (TIKTOK_TAG_RE.match(shown) and "/tag/" in href
                                  or TIKTOK_USER_RE.match(shown) and "/@" in href):
            return None
    kept = {kid.mem_id for kid in rest}
    skip = {n.mem_id for kid in kids if kid.mem_id not in kept for n in kid.traverse(include_text=True)}
    words = [node.text_content or "" for node in section.traverse(include_text=True)
             if node.tag == "-text" and node.mem_id not in skip]
    return " ".join("".join(words).split()) or None


def _reddit(el: Any, smap: SourceMap) -> Embed | None:
    """blockquote.reddit-embed-bq: the thread link's words are its title, the /user/ link its author (#10). A title
    is no body: the text is uncertain, so a difference from the post's words warns and never fails. A comment's code
    (its first link a comment's permalink) is the comment, by the /user/ link's user."""
    links = descendants(el, "a")
    thread = next((a for a in links if "/comments/" in (attr(a, "href") or "")), None)
    embed = _embed_from_url(attr(thread, "href") or "" if thread is not None else "", el, smap, "html-blockquote",
                            "reddit-")
    if embed is None:
        return None
    users = (REDDIT_USER_RE.match(element_text(a)) for a in links if "/user/" in (attr(a, "href") or ""))
    user = next((u.group(1) for u in users if u is not None), None)
    # A comment's code links it as "Comment", then its thread by title: neither is the comment's words (newuser36 #7)
    title = element_text(thread) if thread is not None and embed.kind != "comment" else ""
    return replace(embed, author_handle=embed.author_handle or user, text=title or None,
                   text_confidence=tweet_text.UNCERTAIN if title else None)


REDDIT_USER_RE = LazyPattern(r"u/([A-Za-z0-9_-]{3,20})$")


def _frame_src(attributes: dict[str, str | None]) -> str:
    """An iframe's address (`attributes`, its attributes): its `src`, or where a lazy loader keeps it while `src`
    holds a placeholder; "" if none. A real `src` wins: a lazy attribute beside it names no page the frame shows."""
    src = attributes.get("src") or ""
    if src.startswith(("https:", "http:", "//")) and not src.endswith("about:blank") \
            or not PLACEHOLDER_SRC_RE.match(src):   # most frames: an address, no pattern asked
        return src
    return next((value for name in LAZY_SRC_ATTRS
                 if not PLACEHOLDER_SRC_RE.match(value := attributes.get(name) or "")), "")


def _srcdoc_embed(el: Any, smap: SourceMap) -> Embed | None:
    """The embed a frame's `srcdoc` shows, its markup read as a page of its own (a Bluesky or Reddit blockquote, a
    lazy player's link), spanned on the frame: the markup is written in the attribute with its characters escaped,
    so no place in it is the source's. The first embed, as a frame shows one (newuser31b §9)."""
    doc = attr(el, "srcdoc") or ""
    tree = parse(doc) if has_markers(doc) else None
    if tree is None:
        return None
    found, _, _ = _structural_embeds(tree, SourceMap(doc, tree, 0, len(doc), ends=ElementEnds(doc)), page_needles(doc))
    return replace(found[0], detector="html-iframe", span=smap.span(el, "srcdoc"), also_at=()) if found else None


def _custom_element(el: Any, smap: SourceMap) -> Embed | None:
    """An AMP or lite component: the post its attribute names, by id or URL, spanned on the element."""
    tag = el.tag
    if tag == "amp-twitter":
        tweet_id = attr(el, "data-tweetid") or ""
        embed = _embed_from_url(x.status_url(tweet_id), el, smap, "html-amp", tweet_id) if x.ID_RE.match(tweet_id) \
            else None
        # AMP renders data-tweetid; a placeholder showing another post's words and link is said (newuser37 #2)
        shown = next((found.post_id for bq in descendants(el, "blockquote") if _is_tweet_blockquote(bq)
                      for found in (_tweet_from_blockquote(bq, smap),) if found is not None and found.post_id), None)
        if embed is not None and shown is not None and shown != tweet_id:
            return replace(embed, id_doubt=two_posts(tweet_id, "data-tweetid", shown, "its placeholder's link"))
        return embed
    if tag in ("amp-reddit", "amp-iframe"):   # amp-iframe: any embed host's frame (a Bluesky post's)
        src = attr(el, "data-src" if tag == "amp-reddit" else "src") or ""
        return _embed_from_url(src, el, smap, "html-amp", None) if src else None
    if tag == "amp-tiktok":   # the URL, or the video's bare id as AMP's documentation writes it
        src = (attr(el, "data-src") or "").strip()
        url = platforms.tiktok.post_url(src) if platforms.tiktok.POST_ID.match(src) else src
        return _embed_from_url(url, el, smap, "html-amp", None) if url else None
    if tag in ("lite-youtube", "amp-youtube"):
        vid = attr(el, "videoid") or attr(el, "data-videoid") or ""
        # lite-youtube's params="start=30" is the player's query: its moment (newuser41a #10: it was dropped)
        params = (attr(el, "params") or "").lstrip("?&") if tag == "lite-youtube" else ""
        url = f"https://www.youtube.com/embed/{vid}?{params}" if params and vid else platforms.youtube.video_url(vid)
        return _embed_from_url(url, el, smap, "html-custom-element", vid or None)
    if tag == "amp-instagram":
        code = attr(el, "data-shortcode") or ""
        return _embed_from_url(platforms.instagram.post_url(code), el, smap, "html-amp", code or None)
    if tag in ("amp-vimeo", "lite-vimeo"):
        vid = attr(el, "data-videoid") or attr(el, "videoid") or ""
        return _embed_from_url(platforms.vimeo.video_url(vid), el, smap, "html-custom-element", vid or None)
    if tag == "amp-facebook":
        return _embed_from_url(attr(el, "data-href") or "", el, smap, "html-amp", None)
    return None


def _facebook(el: Any, smap: SourceMap) -> Embed | None:
    """div.fb-post / div.fb-video: Facebook's embed code keeps what it shows before its script runs in
    blockquote.fb-xfbml-parse-ignore: the post's words in <p> (cut with "..." when long), then "Posted by <a>Page</a>
    on <a>date</a>" in the page's language ("Publicado por", "Dikirim oleh"): the words, name and date the article
    shows (platforms30). A code with no <p> shows no words, and none are made up."""
    href = attr(el, "data-href") or ""
    ref = _parse_url(href)
    # the code shows the post its link names, even a link to a comment under it (review36e)
    shown = platforms.facebook.shown_by_post_plugin(ref) if ref is not None and ref.platform == "facebook" else ref
    embed = _embed_from_url(shown.url if shown is not None else href, el, smap, "html-xfbml", attr(el, "data-href"))
    if embed is None:
        return None
    quote = next((q for q in descendants(el, "blockquote") if "fb-xfbml-parse-ignore" in class_set(q)), None)
    # "The fire department posted: “…”" just above the code: the post's words as the article gives them, uncertain,
    # as an Instagram or TikTok code's (newuser46c #4: a code showing no words left the quote unread)
    said, where = beside.quoted_above(el)
    if quote is None:
        return replace(embed, text=said.text, text_confidence=said.confidence) if said.text else embed
    paras = descendants(quote, "p")
    text = real("\n".join(line for para in paras if (line := text_with_breaks(para))))
    in_words = {a.mem_id for para in paras for a in descendants(para, "a")}
    byline = [a for a in descendants(quote, "a") if a.mem_id not in in_words]
    # the post's own link is the date's; the other, the page's, its name (its href may be "#")
    dated = [a for a in byline if (ref := _parse_url(attr(a, "href") or "")) is not None and ref.post_id == embed.post_id]
    # div.fb-video's code opens with the video's own link, its title, before its words, and ends "Posted by <a>Page</a>
    # on Tuesday, 3 March 2026", the date as plain words (newuser41a #11: the title was read as the date)
    titles = {a.mem_id for a in _before_words(quote) if a.mem_id in {d.mem_id for d in dated}} if paras else set()
    named = [a for a in byline if a.mem_id not in {d.mem_id for d in dated}]
    dated = [a for a in dated if a.mem_id not in titles]
    name = element_text(named[0]) or None if len(named) == 1 else None
    date_text = element_text(dated[0]) or None if len(dated) == 1 else None
    if not dated and titles and len(named) == 1:
        date_text = _date_after(named[0])
    embed = replace(embed, text=text, text_confidence=tweet_text.HIGH if text else None,
                    author_name=embed.author_name or name, date_text=date_text,
                    date=_embed_date(date_text, el))
    if not said.text:
        return embed
    if not text:
        return replace(embed, text=said.text, text_confidence=said.confidence)
    if " ".join(said.text.split()) != " ".join(text.split()):   # another place of its words, checked in its turn
        embed = replace(embed, other_words=(Place(smap.span(where, None), "html-blockquote", said.text,
                                                  said.confidence),))
    return embed


def _before_words(quote: Any) -> list[Any]:
    """The links of Facebook's embed code before its first <p> (the post's words), in document order."""
    found = []
    for node in quote.css("a, p"):
        if node.tag == "p":
            break
        found.append(node)
    return found


def _date_after(link: Any) -> str | None:
    """The date written as plain words after a byline's page link ("on Tuesday, 3 March 2026", "em 3 de março de
    2026"), without its leading word when the rest says the same date; None when the words hold no date."""
    words = []
    node = link.next
    while node is not None:
        words.append(node.text(deep=True) or "")
        node = node.next
    tail = " ".join(" ".join(words).split())
    day = parse_date(tail) if tail else None
    if day is None:
        return None
    rest = tail.split(" ", 1)[1] if " " in tail else ""
    return rest if rest and parse_date(rest) == day else tail


def _facebook_comment(el: Any, smap: SourceMap) -> Embed | None:
    """div.fb-comment-embed: Facebook's comment plugin, as its embed code writes it before the script runs (an empty
    div; review36e: not detected, and its data-href was read as the post when it named no comment). It shows the
    comment its data-href names, an embed of its own kind (`platforms.facebook.shown_by_comment_plugin`)."""
    href = attr(el, "data-href") or ""
    ref = _parse_url(href)
    shown = platforms.facebook.shown_by_comment_plugin(ref, href) if ref is not None and ref.platform == "facebook" \
        else None
    if shown is None:
        return None
    return Embed(platform=shown.platform, kind=shown.kind, url=shown.url, detector="html-xfbml",
                 span=smap.span(el, "data-href"), post_id=shown.post_id, author_handle=shown.author_handle)


def _blueskyish(el: Any, smap: SourceMap) -> Embed | None:
    """embed.bsky.app's blockquote: the post its `data-bluesky-uri` names, its words, author and date. A date link
    to a host made to look like Bluesky's is said (`bluesky.lookalike`: the checks then warn); with no URI, the
    embed is kept with no id and that doubt, as X's is (verdicts38: such a code was no embed at all)."""
    ref = platforms.bluesky.parse(attr(el, "data-bluesky-uri") or "")
    links = descendants(el, "a")
    date_link = links[-1] if links else None
    lookalike = platforms.bluesky.lookalike(attr(date_link, "href") or "") if date_link is not None else None
    handle_link = next((a for a in links if element_text(a).startswith("@")), None)
    if ref is None and (lookalike is None or handle_link is None):
        return None
    para = next(iter(descendants(el, "p")), None)
    whole = element_text(el)
    name = re.search(r"(?:—|–)\s*(?P<name>[^(]*?)\s*\(", whole)
    date_text = element_text(date_link) if date_link is not None else None
    said = text_with_breaks(para) if para is not None else ""
    marker = EMBED_CODE_TAIL_RE.search(said)   # the post has an image or an embed (platforms30)
    text = real(without_tail(said)) if para is not None else None
    handle = element_text(handle_link)[1:] if handle_link is not None else ref.author_handle if ref else None
    href = (attr(date_link, "href") or "") if date_link is not None else ""
    disguised = platforms.lookalike_link(href) if lookalike is None and platforms.beyond_ascii(href) else None
    if disguised is not None or handle and not handle.isascii():
        # a look-alike handle shown or linked ("@jаy.bsky.team"): the post its URI names, by no such account, said
        doubt = (disguised[1] if disguised else None) or platforms.lookalike_account("bluesky", handle or "")
        handle, lookalike = (None if doubt else handle), doubt or lookalike
    return Embed(
        platform="bluesky", kind="post", url=ref.url if ref else platforms.bluesky.profile_url(handle or ""),
        detector="html-blockquote", span=smap.span(el, "bluesky-embed"),
        post_id=ref.post_id if ref else None, author_handle=handle, id_doubt=lookalike,
        author_name=name.group("name").strip() if name else None,
        text=text, text_confidence=tweet_text.HIGH if text else None,   # its <p> bounds the words
        date_text=date_text, date=_embed_date(date_text, el, None, attr(para, "lang") if para is not None else None),
        lang=(attr(para, "lang") if para is not None else None) or None,
        media_marker=marker.group().strip() if marker else None,
    )


SCRIPT_CREDITS = "credits: script data"


def scan(page: str, *, utf8: bytes | None = None) -> tuple[list[Embed], list[Credit]]:
    """Every embed and credit in an HTML page, in order of appearance, each once. `utf8`: the page's bytes when they
    are exactly its UTF-8 encoding (the input was valid UTF-8): parsed as they are, not encoded again (#14)."""
    _PARSED.page = _PARSED.tree = _PARSED.needled = _PARSED.needles = None
    if not has_markers(page):
        return [], []
    embeds: list[Embed] = []
    credits: list[Credit] = []
    ends = ElementEnds(page)
    whole_tree = None   # the parse of the whole page (not of slices): its text may be measured (resolver.readable)
    taken: list[tuple[int, int]] = []
    # Credits kept only in script data, on the pages whose scripts hold an image node with a credit key: the images
    # the article shows are gathered from each parse, and the nodes' credits read at the end (#11).
    # One pass for every literal the raw passes look for, and the hinted attribute names the page may hold (#14).
    needles = page_needles(page, utf8=utf8)
    _PARSED.needled, _PARSED.needles = page, needles
    # Each step of the reading is `attempt`ed: a bug in one loses its findings alone, and the article says its
    # reading is incomplete (#10: a KeyError in the date reader lost every embed and credit of the page).
    anchors = attempt(SCRIPT_CREDITS, script_credits.find_anchors, page, needles, fallback=None)
    nodes = attempt(SCRIPT_CREDITS, script_credits.image_nodes, page, anchors[0], fallback=[]) \
        if anchors is not None else []
    shown = script_credits.ShownImages(node[3] for node in nodes) if nodes else None
    for start, end in chunks(page):
        whole = (start, end) == (0, len(page))
        tree = parse(page if whole else page[start:end], utf8=utf8 if whole else None)
        if tree is None:
            continue
        whole_tree = tree if whole else None
        smap = SourceMap(page, tree, start, end, ends=ends)
        found, furniture, claimed = attempt("embeds: embed markup", _structural_embeds, tree, smap, needles,
                                            fallback=([], [], set()))
        taken += [e.span for e in found] + [a for e in found for a in e.also_at] + [smap.span(el) for el in furniture]
        spans = [e.span for e in found]
        read = len(found)   # the embeds of markup, each marked by its element (`_structural_embeds`)
        if _signed(page, start, end, needles):
            found += attempt("embeds: signatures", _signatures, tree, smap, claimed, fallback=[])
        found_credits, prose = attempt("credits: page markup", html_credits.find_credits, tree, smap, claimed=claimed,
                                       embed_spans=spans, shown=shown, anchors=anchors, needles=needles,
                                       fallback=([], ""))
        credits += found_credits
        in_text = attempt("embeds: links in the text", _text_urls, prose, smap,
                          taken=[*taken, *(e.span for e in found)], fallback=[])
        taken += [e.span for e in in_text]   # the page-state search leaves them
        embeds += found[:read] + _marked_unshown(found[read:] + in_text, tree, smap)
    embeds += attempt("embeds: links in the source", _source_urls, page, taken=Intervals(taken), needles=needles,
                      fallback=[])
    if shown is not None:
        credits += attempt(SCRIPT_CREDITS, script_credits.find_credits, page, nodes, shown, fallback=[])
    if whole_tree is not None and all(embed.detector in LINK_DETECTORS for embed in embeds):
        # A page with no embed, or only links to posts, is measured for readable text (resolver.readable: a login wall
        # is said to be maybe no article, with or without a stray link): on this parse, whose last use this is, not
        # on a second one (a fifth of such a page's scan, #14).
        _PARSED.page, _PARSED.tree = page, whole_tree
    return attempt(ONE_PER_POST, one_per_post, embeds, fallback=embeds), sorted(credits, key=lambda c: c.span)


class _Parsed(threading.local):
    """The parse of the last page `scan` scanned in this thread, when that page had no embed, for `measured`;
    emptied when the next scan starts, so no more than one page's tree is kept a thread."""

    page: str | None = None
    tree: Any = None
    needled: str | None = None        # the last page scanned, with its needles (for `short_link_starts`)
    needles: Needles | None = None


_PARSED = _Parsed()


def measured(page: str, *, enough: int | None = None) -> tuple[int, str | None] | None:
    """(readable characters, title) of `page` (`resolver.readable.measure`, `enough` as there) on the parse `scan`
    made of it, if the last page this thread scanned is that very string and had no embed but links; else None (measure it
    anew). Taken once: the parse is let go."""
    if _PARSED.page is not page:
        return None
    from resolver.readable import measure

    tree, _PARSED.page, _PARSED.tree = _PARSED.tree, None, None
    return measure(tree, enough=enough)


def unsupported_held(page: str) -> dict[str, list[int]] | None:
    """Where each of `platforms.unsupported.NEEDLES` (VK, Rutube, OK, Telegram invites...) that `page` holds starts in
    it, if `page` is the very string this thread scanned last and hyperscan's needle pass searched it; else None
    (search it anew). Not taken: `short_link_starts` takes the needles after it (newuser44a #3, #14)."""
    needles = _PARSED.needles
    if _PARSED.needled is not page or needles is None or unsupported.NEEDLES[0] not in needles.starts:
        return None
    return {needle: needles.starts[needle] for needle in unsupported.NEEDLES if needles.starts.get(needle)}


def podcasts_held(page: str) -> frozenset[str] | None:
    """Which of `platforms.podcasts.NEEDLES` (Spotify, Apple Podcasts) `page` holds, if `page` is the very string this
    thread scanned last and hyperscan's needle pass searched it; else None (search it anew). Not taken, as
    `unsupported_held` (perf47, #14)."""
    needles = _PARSED.needles
    if _PARSED.needled is not page or needles is None or podcasts.NEEDLES[0] not in needles.starts:
        return None
    return frozenset(needle for needle in podcasts.NEEDLES if needles.starts.get(needle))


def short_link_starts(page: str) -> list[int] | None:
    """Where "t.co/" stands in `page` in any ASCII case, in order, if `page` is the very string this thread scanned
    last and hyperscan's needle pass searched it (`SHORT_LINK_NEEDLES`); else None (search it anew). Taken once: the
    page and its needles are let go."""
    needles = _PARSED.needles
    if _PARSED.needled is not page or needles is None:
        return None
    _PARSED.needled = _PARSED.needles = None
    if SHORT_LINK_NEEDLES[0] not in needles.starts:
        return None
    return sorted(start for needle in SHORT_LINK_NEEDLES for start in needles.starts[needle])


def page_needles(page: str, *, utf8: bytes | None = None) -> Needles:
    """The page's needles (#14): where every literal the raw passes look for stands, found in one pass, and which
    hinted attribute names and selector words the page may write."""
    return Needles(page, PAGE_NEEDLES, caseless=CASELESS_NEEDLES, names=html_credits.HINTED_ATTRS, words=PAGE_WORDS,
                   utf8=utf8,
                   optional=(*SHORT_LINK_NEEDLES, *RARER_OPENS, *unsupported.NEEDLES, *podcasts.NEEDLES))


def _signed(page: str, start: int, end: int, needles: Needles) -> bool:
    """Does page[start:end] hold a tweet signature (`SIGNATURE_RE`)? Every match starts with SIGNATURE_OPEN, one
    of the page's needles (#14): each is tried where it stands, first by the head every match starts with, so a page
    whose signatures keep their dates in links (widgets.js) never compiles the signature pattern."""
    head, signature = text_detectors.SIGNATURE_START_RE, text_detectors.SIGNATURE_RE
    return any(head.match(page, at, end) and signature.match(page, at, end) or _linked_signature(page, at, end)
               or _beyond_ascii_handle(page, at) and _disguised_signature(page, at, end)
               for at in [*(at for opening in SIGNATURE_OPENS for at in needles.within(opening, start, end)),
                          *_marked_openings(page, start, end, needles)])


def _marked_openings(page: str, start: int, end: int, needles: Needles) -> list[int]:
    """Where a signature's opening with one of the rarer direction marks (`RARER_OPENS`: the Arabic letter mark, the
    isolates) stands in page[start:end]: the text detector takes each (review44b: a page's was lost)."""
    if page.isascii():
        return []
    if RARER_OPENS[0] in needles.starts:   # hyperscan's pass found them with the others
        return sorted(at for opening in RARER_OPENS for at in needles.within(opening, start, end))
    return [m.start() for m in RARER_OPENING_RE.finditer(page, start, end)]


def _beyond_ascii_handle(page: str, at: int) -> bool:
    """Does the "(@" at `at` open a handle, closed within 66 characters, that holds a letter beyond ASCII?"""
    close = page.find(")", at, at + 70)
    return close > 0 and not page[at + 2:close].isascii()


def _disguised_signature(page: str, at: int, end: int) -> bool:
    """Is the "(@" at `at` a signature whose handle holds a look-alike letter ("(@river_dеsk) May 3, 2021"), read as
    the handle it passes for (`text.find_signatures` says it)? Only a handle beyond ASCII is asked."""
    window = page[at:min(end, at + SIGNED_WINDOW)]
    disguised = text_detectors.disguised_handles(window)
    if not disguised:
        return False
    return text_detectors.SIGNATURE_RE.match(text_detectors.as_read(window, disguised)) is not None


def _linked_signature(page: str, at: int, end: int) -> bool:
    """Is the "(@" at `at` a signature written with markup in it, outside any blockquote: its date a link to the post
    ("(@handle) <a href=…>March 3, 2023</a>"), its handle in a Word export's <span class=SpellE>? A post flattened
    into a page's paragraphs (Word, Google Docs, a CMS) was read as a bare pic.twitter.com link and a post with no
    words, name or date (newuser37b #5). In a blockquote (widgets.js's) the embed markup reads it."""
    window = page[at:min(end, at + SIGNED_WINDOW)]
    if "<" not in window:
        return False
    opened = page.rfind("<blockquote", max(0, at - BLOCKQUOTE_REACH), at)
    if opened >= 0 and page.rfind("</blockquote", opened, at) < 0 and _has_class(page, opened):
        return False   # asked first: a widgets.js page never compiles the signature pattern (#14)
    words = unescape(TAG_RE.sub("", window))
    return text_detectors.SIGNATURE_START_RE.match(words) is not None \
        and text_detectors.SIGNATURE_RE.match(words) is not None


def _has_class(page: str, opened: int) -> bool:
    """Does the tag opening at `opened` carry a class? A class-less blockquote is no embed code the markup pass reads
    (`_signatures` reads it): a tweet flattened into one, its date a link, was a post with no words and its photo link
    an embed of its own (credits38)."""
    tag_end = page.find(">", opened)
    return CLASS_ATTR_RE.search(page, opened, tag_end if tag_end >= 0 else len(page)) is not None


CLASS_ATTR_RE = re.compile(r"\sclass\s*=", re.IGNORECASE)
TAG_RE = LazyPattern(r"<[^>]*>?")
SIGNED_WINDOW = 400        # characters after "(@" read for a signature with markup in it: its date's link and all
BLOCKQUOTE_REACH = 20_000  # characters before it looked through for the blockquote it may be in


SIGNATURE_OPEN = "(@"
# And with a direction mark before the "@", as a right-to-left page's copy writes it ("(\u200f@FaSpox\u200f)": the
# post was lost, newuser43a #4), each mark the text detector takes there (SIGNATURE_HEAD: the Arabic letter mark, the
# isolates were lost in markup alone, review44b).
SIGNATURE_OPENS = (SIGNATURE_OPEN, "(\u200f@", "(\u200e@")
# The rest, rarer: optional needles (hyperscan's pass finds them at no cost; elsewhere one search of a page beyond
# ASCII, `_marked_openings`), as a search each cost a page of Arabic text 0.25 ms on the string's path.
RARER_OPENS = tuple(f"({mark}@" for mark in platforms.urls.DIRECTION_MARKS if f"({mark}@" not in SIGNATURE_OPENS)
RARER_OPENING_RE = LazyPattern("\\([" + "".join(opening[1] for opening in RARER_OPENS) + "]@")


def _structural_embeds(tree: Any, smap: SourceMap, needles: Needles) -> tuple[list[Embed], list[Any], set[Any]]:
    """(embeds, furniture holding post links, claimed elements) of one parse. `needles`: the page's, asked which
    selectors may select anything (#14)."""
    embeds: list[Embed] = []
    claimed: set[Any] = set()
    quotes: set[Any] = set()   # the claimed tweet blockquotes
    furniture: list[Any] = []
    promoted = AncestorMemo(_names_other_stories, False)
    hidden = AncestorMemo(_unshown, None)
    said = beside.Reader()   # each block beside post links read once (#14)
    for group in _embed_candidates(tree, furniture=furniture, needles=needles):
        # Candidates come in document order within a group: an element's claimed ancestors are claimed already.
        # What holds a node: nothing (None), a claimed tweet blockquote ("tweet") or another claimed embed ("embed").
        holder = AncestorMemo(lambda node, above: above or (("tweet" if node in quotes else "embed") if node in claimed
                                                            else None), None)
        for el in shallow(group):
            held = holder(el.parent) if claimed else None
            if held is not None and not (held == "tweet" and _is_tweet_blockquote(el)):
                continue   # a quoted post's embed code nested in a tweet's is an embed of its own (#10)
            embed = _embed_at(el, smap, said)
            if embed is not None and embed.kind == "playlist" and promoted(el.parent):
                continue   # the site's own playlist in a related-stories or promo box (SB Nation, the Daily News)
            if embed is not None:
                if embed.author_handle is None and embed.platform in FOOTER_HANDLE_RES:
                    embed = replace(embed, author_handle=_footer_handle(embed, el))
                if (why := hidden(el)) is not None:
                    embed = replace(embed, unshown=why)
                embeds.append(embed)
                claimed.add(el)
                if _is_tweet_blockquote(el):
                    quotes.add(el)
    return embeds, furniture, claimed


# Elements whose content the page does not render as its text: <template> (never rendered; the parser keeps its
# content apart), SVG and MathML (foreign content: a blockquote in a 10-pixel <foreignObject> is no paragraph of the
# story). <noscript> is shown with scripts off, and crawlers and archives read it: it is not among them.
UNSHOWN_TAGS = frozenset({"template", "svg", "math"})
HIDING_STYLE_RE = LazyPattern(r"(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?=;|$)",
                              re.IGNORECASE)


def _unshown(node: Any, above: str | None) -> str | None:
    """Where the page keeps `node` without showing it ("inside <div hidden>", "inside <div style="display:none">",
    "inside <svg>"), from the answer of its parent (`above`), or None: shown (newuser37 #1)."""
    if above is not None:
        return above
    tag = node.tag
    if tag in UNSHOWN_TAGS:
        return f"inside <{tag}>"
    attributes = node.attributes
    if "hidden" in attributes:
        return f"inside <{tag} hidden>"
    style = attributes.get("style")
    hiding = HIDING_STYLE_RE.search(style) if style else None
    if hiding is not None:
        return f'inside <{tag} style="{"".join(hiding.group(1).split()).lower()}">'
    return None


# The elements `_unshown` may find hiding: a style saying "none" or "hidden" only (a page styles thousands of elements)
UNSHOWN_SELECTOR = ('[hidden], [style*="none"], [style*="hidden"], [style*="NONE"], [style*="HIDDEN"], svg, math')


def _marked_unshown(embeds: list[Embed], tree: Any, smap: SourceMap) -> list[Embed]:
    """Signatures and post URLs read from the words of an element the page does not show (`_unshown`), marked so
    (newuser37 #1). Looked for only when the parse gave any: most pages' embeds are markup's, marked as found."""
    if not embeds:
        return embeds
    boxes = sorted((smap.span(el), why) for el in tree.css(UNSHOWN_SELECTOR) if (why := _unshown(el, None)) is not None)
    if not boxes:
        return embeds
    return [next((replace(e, unshown=why) for (start, end), why in boxes if start <= e.span[0] and e.span[1] <= end),
                 e) for e in embeds]


def _names_other_stories(node: Any, above: bool) -> bool:
    """Is the node, or a box around it, one whose class or id names other stories (related, promo, most read...)?
    The body's own classes name the page's ad slots, not a box."""
    if above or node.tag in ("html", "body", "-document"):
        return above
    attributes = node.attributes
    return script_credits.OTHER_STORIES_RE.search(f"{attributes.get('class') or ''} {attributes.get('id') or ''}") \
        is not None


# A card whose author the page shows only in the card's figure, under it: BuzzFeed's "Instagram: @vladyart" (#11).
# The platform must be named, as a footer "instagram.com" or "Twitter: @someone" says nothing of the card's author.
FOOTER_HANDLE_RES = {"instagram": LazyPattern(r"Instagram:\s*@([A-Za-z0-9_.]{1,30})")}
FIGURE_LEVELS = 6   # how far up from the card its figure may be (BuzzFeed's: 4)


def _footer_handle(embed: Embed, el: Any) -> str | None:
    """The handle a line "<Platform>: @handle" in the card's figure names, when it can only be the card's: the
    figure holds no other post (a link to another one, a second card), and one handle is named; else None."""
    figure = next((a for i, a in zip(range(FIGURE_LEVELS), ancestors(el)) if a.tag == "figure"), None)
    if figure is None:
        return None
    for link in descendants(figure, "a"):
        ref = _parse_url(attr(link, "href") or "")
        if ref is not None and ref.kind in ("post", "comment") \
                and (ref.platform, ref.post_id) != (embed.platform, embed.post_id):
            return None
    pattern = FOOTER_HANDLE_RES[embed.platform]
    handles = {found.group(1).rstrip(".") for node in figure.traverse() if is_element(node)
               for found in [pattern.fullmatch(element_text(node))] if found}
    return handles.pop() if len(handles) == 1 else None


def _signatures(tree: Any, smap: SourceMap, claimed: set[Any]) -> list[Embed]:
    """Tweets flattened into the page's own paragraphs and class-less blockquotes."""
    in_claimed = AncestorMemo(lambda node, above: above or node in claimed, False)
    # A paragraph in a class-less blockquote is read with it, not again alone: one tweet gave two embeds.
    in_quote = AncestorMemo(lambda node, above: above or (node.tag == "blockquote" and "class" not in node.attrs),
                            False)
    found = []
    for el in shallow(select(tree.body or tree.root, "p, blockquote:not([class])")):
        if _opens_signature(el.text(deep=True)) and not (claimed and in_claimed(el.parent)) \
                and not (el.tag == "p" and in_quote(el.parent)):
            found += _signatures_in(el, smap)
    return found + _loose_signatures(tree, smap, claimed)


# Elements whose text the paragraph pass reads (`_signatures`), and those whose text no reader sees.
READ_ELSEWHERE = frozenset({"p", "script", "style", "template", "noscript", "textarea", "title", "head", "select",
                            "svg", "math", "iframe"})


# lexbor's own pseudo-class: an element whose text nodes hold one (`SIGNATURE_OPENS`)
LOOSE_SELECTOR = ", ".join(f':lexbor-contains("{opening}")' for opening in (*SIGNATURE_OPENS, *RARER_OPENS))


def _opens_signature(words: str) -> bool:
    """Whether words hold a signature's opening, "(@" or one with a direction mark before its "@" (SIGNATURE_OPENS)."""
    return "(@" in words or not words.isascii() and MARKED_OPENING_RE.search(words) is not None


def _loose_signatures(tree: Any, smap: SourceMap, claimed: set[Any]) -> list[Embed]:
    """Tweets flattened into text no paragraph holds: a scraped text that a stray tag made HTML ("<li>one</li>" or a
    "</div>" above its lines), a page's <div> of lines. Only paragraphs were read: such a post came out as a bare
    pic.twitter.com link or nothing, its author, handle and date lost (sniff29, #10). Each block holding such text is
    read once, as the text detector reads plain text, and each post spanned on its characters as written."""
    read = AncestorMemo(lambda node, above: above or node.tag in READ_ELSEWHERE or node in claimed
                        or (node.tag == "blockquote" and "class" not in node.attrs), False)
    found: list[Embed] = []
    done: set[int] = set()
    # The elements whose own text holds "(@", lexbor's search (a walk over every node cost 1% of a signed page's scan)
    for holder in select(tree.body or tree.root, LOOSE_SELECTOR):
        if read(holder):
            continue
        block = holder
        while block.tag not in BLOCKS and block.tag not in ("body", "html") and block.parent is not None:
            block = block.parent
        if block.mem_id not in done:
            done.add(block.mem_id)
            found += _signatures_in_loose_text(block, smap)
    return found


def _signatures_in_loose_text(block: Any, smap: SourceMap) -> list[Embed]:
    """The signatures in a block's own text (`_loose_text`), spanned in the source (`_source_span`): exactly where
    their text nodes are found, else from the start or to the end of the nodes they begin and end in."""
    text, nodes = _loose_text(block)
    instagram = text_detectors.find_instagram_remnants(text)
    embeds = text_detectors.find_signatures(text, skip=[e.span for e in instagram],
                                            langs=_date_languages(block)) + instagram
    if not embeds:
        return []
    block_span = smap.span(block)
    bounds = block_span if block_span != (0, 0) else (smap.start, smap.end)   # an implied <body> has no tags
    located = _located(nodes, smap, bounds)
    starts = [offset for offset, _ in nodes]
    found: list[Embed] = []
    cursor, read = bounds[0], dict[int, list[tuple[int, int]] | None]()
    for embed in sorted(embeds, key=lambda e: e.span):
        span, exact = _source_span(embed.span, starts, nodes, located, smap.page, bounds, read)
        written = text[embed.span[0]:embed.span[1]]
        # Not exact: a node holding a stray end tag lexbor dropped ("today. </div>"), found again as written, near
        # where the last post ended (a bounded search: a page of such posts stays linear, #12).
        where = max(cursor, span[0])
        if not exact and (at := smap.page.find(written, where, min(span[1], where + len(written) + FIND_REACH))) >= 0:
            span = (at, at + len(written))
        cursor = max(cursor, span[1])
        found.append(replace(embed, span=span, detector="html-text-signature"))
    return found


def _loose_text(block: Any) -> tuple[str, list[tuple[int, str]]]:
    """(text, nodes) of a block's own text, what its inline elements hold too: each text node as it reads, a <br> a
    line break (not a second one before the source's own), each block inside it a blank line; `nodes`: (offset in
    the text, text) of each text node. A walk, not a recursion: any depth (#12)."""
    parts: list[str] = []
    nodes: list[tuple[int, str]] = []
    length, after_break = 0, False
    stack = [block.iter(include_text=True)]
    while stack:
        child = next(stack[-1], None)
        tag = child.tag if child is not None else None
        if child is None:
            stack.pop()
        elif tag == "-text":
            words = child.text_content or ""
            if after_break and not words.lstrip(" \t").startswith(("\n", "\r")):
                parts.append("\n")
                length += 1
            after_break = False
            nodes.append((length, words))
            parts.append(words)
            length += len(words)
        elif tag == "br":
            if after_break:
                parts.append("\n")
                length += 1
            after_break = True
        elif tag in BLOCKS or tag == "p":
            after_break = False
            parts.append("\n\n")
            length += 2
        elif is_element(child) and tag not in READ_ELSEWHERE:   # not a comment, a script: what a reader sees
            stack.append(child.iter(include_text=True))
    return "".join(parts) + ("\n" if after_break else ""), nodes


FIND_REACH = 20_000   # characters past the last post a loose post's words are looked for as written


def _located(nodes: list[tuple[int, str]], smap: SourceMap, block: tuple[int, int]) -> list[tuple[int, int] | None]:
    """Where each text node is in the source (`html_credits.TextLocator`, in document order), or None."""
    locate = html_credits.TextLocator(smap.page, block[0], block[1])
    return [locate(words) if words.strip() else None for _, words in nodes]


def _source_span(span: tuple[int, int], starts: list[int], nodes: list[tuple[int, str]],
                 located: list[tuple[int, int] | None], page: str, block: tuple[int, int],
                 read: dict[int, list[tuple[int, int]] | None]) -> tuple[tuple[int, int], bool]:
    """A span of a block's loose text (`_signatures_in_loose_text`) in the source, and whether it is exact: it is in
    text nodes found in the source (their references and CRs read as HTML reads them); else it runs from the start
    or to the end of the node an end falls in, or the block's own bound where that node is not found. `starts`:
    each node's offset in the text; `read`: `_written_at` of the nodes asked before, each node's read once (#12)."""
    bounds, exact = [], True
    for side, char in enumerate((span[0], span[1] - 1)):   # the first and the last character
        i = bisect_right(starts, char) - 1   # the text node holding the character, if any
        offset, words = nodes[max(i, 0)]
        where = located[max(i, 0)]
        if i < 0 or where is None or char >= offset + len(words):
            bounds.append(block[side])
            exact = False
            continue
        raw = page[where[0]:where[1]]
        if raw != words and i not in read:
            read[i] = _written_at(raw, words)
        places = read.get(i)
        if raw == words:
            bounds.append(where[0] + char - offset + side)
        elif places is not None:
            bounds.append(where[0] + places[char - offset][side])
        else:
            bounds.append(where[side])
            exact = False
    return (bounds[0], bounds[1]), exact


# What HTML reads as other characters in a text node: a character reference, a CRLF or a lone CR.
WRITTEN_AS_RE = LazyPattern(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)|\r\n?")


def _written_at(raw: str, words: str) -> list[tuple[int, int]] | None:
    """Where in `raw` (a text node as written) each character of `words` (as HTML reads it) is written: (start,
    end) of the reference or line break it comes from, or of itself. None when reading the pieces one by one does
    not give `words` (a named reference without its ";" that HTML reads otherwise alone)."""
    places: list[tuple[int, int]] = []
    at = 0
    for written in WRITTEN_AS_RE.finditer(raw):
        places += [(k, k + 1) for k in range(at, written.start())]
        read = "\n" if written.group()[0] == "\r" else unescape(written.group())
        places += [written.span()] * len(read)
        at = written.end()
    places += [(k, k + 1) for k in range(at, len(raw))]
    return places if len(places) == len(words) and unescape(raw.replace("\r\n", "\n").replace("\r", "\n")) == words \
        else None


# lexbor's tree builder checks scopes by walking its stack of open elements, and compares each new formatting
# element with those still open, so a page of 100,000 unclosed <div>s or <b class=...>s costs it quadratic
# time. A page with more tags than any real article is parsed in slices of about CHUNK_TAGS tags, cut before a
# block-level start tag where one is near: time stays linear (#12). The cut is made where no element that opened
# near it is still open (`_cut`): a cut before the <p> inside a tweet's blockquote lost the tweet's text, author and
# date, one before the <div> inside a figure the credit's image, and which ones depended on the page's length (#14).
WHOLE_PAGE_TAGS = 8_000
CHUNK_TAGS = 2_500
CUT_REACH = 20_000   # characters looked through for a place to cut before; else cut where the count falls
CUT_BACK = 8_000     # characters looked back through for the elements open where the count of tags ends
# What `_cut` reads: comments, start and end tags of the elements whose end tag HTML requires (how deep a place is),
# of raw-text elements (their content is skipped: markup in a script's string is none) and of the cut tags.
NESTING_TAGS = frozenset({"div", "section", "article", "aside", "header", "footer", "main", "nav", "figure",
                          "figcaption", "blockquote", "picture", "video", "audio", "object", "table", "ul", "ol",
                          "dl", "form", "details", "noscript", "template"})
RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
CUT_NAMES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})   # cut before, not counted: hold no blocks


@lru_cache(maxsize=1)
def _cut_patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """(a comment or a tag `_cut` reads, the end tag of each raw-text element), in any ASCII case as HTML reads
    names (a Kelvin sign is no 'k'): compiled when a page is first cut (1 ms), as nearly no page is."""
    tag = re.compile(r"<(?:(!--)|(/?)(" + _names_pattern(sorted(NESTING_TAGS | RAW_TEXT_TAGS | CUT_NAMES)) +
                     r"|[a-z][a-z0-9]*-[a-z0-9-]*)(?=[\s/>]))", re.IGNORECASE | re.ASCII)
    return tag, {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE | re.ASCII) for name in RAW_TEXT_TAGS}


def chunks(page: str) -> list[tuple[int, int]]:
    """The stretches of the page parsed one at a time: the whole page, nearly always."""
    if len(page) <= WHOLE_PAGE_TAGS:
        return [(0, len(page))]
    lts = LtIndex(page)
    if lts.total <= WHOLE_PAGE_TAGS:
        return [(0, len(page))]
    cuts = [0]
    at = 0
    while True:
        at = lts.nth(at, CHUNK_TAGS)
        if at < 0:
            break
        cuts.append(_cut(page, at, floor=cuts[-1]))
        at = cuts[-1] + 1
    return list(zip(cuts, cuts[1:] + [len(page)]))


def _cut(page: str, at: int, *, floor: int) -> int:
    """Where to cut near `at`: before the first start tag or comment from `at` on that is as shallow as any place in
    the CUT_BACK characters before `at` (from `floor` on), so outside every element that opened there or opens
    after it; else before the shallowest one within CUT_REACH; else at `at`. Depth counts the elements in
    NESTING_TAGS from where the look back starts: a page whose tags are never closed is cut where it was before."""
    tags, raw_text_ends = _cut_patterns()
    pos, end = max(floor, at - CUT_BACK), min(len(page), at + CUT_REACH)
    depth = lowest = 0
    best: tuple[int, int] | None = None   # (depth, place) of the shallowest start tag from `at` on
    while pos < end:
        for tag in tags.finditer(page, pos, end):   # a new search only past a comment or raw text
            comment, closing, name = tag.groups()
            if not closing and (here := tag.start()) >= at:
                if depth <= lowest:
                    return here
                if best is None or depth < best[0]:
                    best = (depth, here)
            if comment:
                close = page.find("-->", tag.end(), end)
                pos = close + 3 if close >= 0 else end
                break
            name = name.lower()
            if name in RAW_TEXT_TAGS:
                if closing:   # the look back began inside raw text: what was read before this is no markup
                    depth = lowest = 0
                    best = None
                    continue
                ending = raw_text_ends[name].search(page, tag.end(), end)
                pos = ending.end() if ending is not None else end
                break
            if name in NESTING_TAGS or "-" in name:   # a custom element's end tag is required too
                depth += -1 if closing else 1
                if depth < lowest and tag.start() < at:
                    lowest = depth
        else:
            break
    return best[1] if best is not None else at


class LtIndex:
    """How many '<' the page holds before each block of LT_BLOCK characters: counted in C in one pass, so finding
    each slice's cut reads a block, not the slice again (#14: counting and finding the '<' of a 45 MB page took
    four passes over it)."""

    def __init__(self, page: str) -> None:
        self.page = page
        counts = (page.count("<", at, at + LT_BLOCK) for at in range(0, len(page), LT_BLOCK))
        self.before = list(accumulate(counts, initial=0))   # before[j]: the '<' in page[:j * LT_BLOCK]
        self.total = self.before[-1]

    def nth(self, at: int, n: int) -> int:
        """Where the n-th '<' from `at` on is (n >= 1), or -1."""
        block = at // LT_BLOCK
        rank = self.before[block] + self.page.count("<", block * LT_BLOCK, at) + n   # in the page, from 1
        if rank > self.total:
            return -1
        block = bisect_left(self.before, rank) - 1   # before[block] < rank <= before[block + 1]
        start = block * LT_BLOCK
        return _nth_lt(self.page, start, min(len(self.page), start + LT_BLOCK), rank - self.before[block])


LT_BLOCK = 16_384


def _nth_lt(page: str, at: int, end: int, n: int) -> int:
    """Where the n-th '<' of page[at:end] is; there are at least n. Halves of the stretch are counted (in C) until
    a short one is left, so a stretch that is all '<' costs two passes, not a call per '<'."""
    while end - at > 64:
        middle = (at + end) // 2
        seen = page.count("<", at, middle)
        if seen >= n:
            end = middle
        else:
            n -= seen
            at = middle
    for _ in range(n):
        at = page.find("<", at) + 1
    return at - 1


def _embed_candidates(tree: Any, *, furniture: list[Any], needles: Needles) -> Iterator[list[Any]]:
    """Structural embeds first (so they claim the links inside them), then links to posts in the prose; links
    in the site's own furniture go to `furniture` instead. Each group is in document order. Only the selectors
    the page's `needles` say may select anything are asked (#14)."""
    root = tree.body or tree.root   # the head holds no embeds: a tenth fewer elements to test per selector
    if root is None:
        return
    custom = any(tree.tags(tag) for tag in CUSTOM_TAGS)
    structure = selector_of(STRUCTURE_PARTS, needles)
    yield select(root, ", ".join(([structure] if structure else []) + (list(CUSTOM_TAGS) if custom else [])))
    yield select(root, selector_of(FACEBOOK_PARTS, needles))
    yield _post_links(root, furniture, needles)


def _host_part(href: str) -> str:
    """What an href writes as its host, as written (between "//", or its start, and the first "/", "?" or "#")."""
    rest = href.split("//", 1)[1] if "//" in href else href
    return re.split(r"[/?#\\]", rest, maxsplit=1)[0]


def _post_links(root: Any, furniture: list[Any], needles: Needles) -> list[Any]:
    """Links whose href names a post (as a post URL written in the markup, entities decoded), and twitter-timeline
    links; a link inside the site's furniture goes to `furniture` instead. The hrefs are matched all at once, one
    per line of a single string."""
    links = select(root, "a[href]")
    hrefs = [(a.attrs["href"] or "").strip() for a in links]   # each has one: selected by it
    joined = ("\n" + "\n".join(hrefs)).lower()
    if joined.count("\n") != len(hrefs):   # an href holding a line break: one href per line all the same
        joined = "".join("\n" + h.replace("\n", " ") for h in hrefs).lower()
    if "archive.org/web/" in joined:   # a capture link is matched as the URL it captured (#15)
        joined = CAPTURE_PREFIX_RE.sub("\n//", joined)
    picked: list[int] = []
    line, counted = -1, 0
    for found in HREF_VALUE_RE.finditer(joined):
        line += joined.count("\n", counted, found.start() + 1)
        counted = found.start() + 1
        picked.append(line)
    if "\ntg:" in joined:   # Telegram's app link to a post (tg://resolve?domain=…&post=…): its t.me post (fixleft46c)
        picked = sorted(set(picked).union(i for i, href in enumerate(hrefs) if href[:3].lower() == "tg:"))
    names_post: dict[str, bool] = {}
    # and a link on a platform's host naming a look-alike account ("t.me/wаrmonitor/1"), said as in text (review41b)
    picked = [i for i in picked if _names_post(hrefs[i], names_post)
              or platforms.beyond_ascii(hrefs[i]) and platforms.lookalike_link(hrefs[i]) is not None]
    if not joined.isascii():
        # a host written with letters of another script ("t.mе/…", "twіtter.com/…") matches no platform's name above:
        # said as in text (fixleft42a's left item). Most pages' links are all ASCII: one test of the joined string.
        taken = set(picked)
        # Only a host beyond ASCII: a site's own links in its language ("…/news/الحرب-1") were each read (review44b).
        picked = sorted(taken.union(i for i, href in enumerate(hrefs) if i not in taken and not href.isascii()
                                    and not _host_part(href).isascii() and platforms.lookalike_link(href) is not None))
    timelines = select(root, selector_of(TIMELINE_PARTS, needles))
    if timelines:
        index = {a.mem_id: i for i, a in enumerate(links)}
        picked = sorted(set(picked) | {index[a.mem_id] for a in timelines if a.mem_id in index})
    furniture_of = _furniture_memo()
    chosen = []
    for i in picked:
        container = furniture_of(links[i].parent)
        if container is None:
            chosen.append(links[i])
        elif all(container.mem_id != f.mem_id for f in furniture):   # not `in`: == serialises both subtrees
            furniture.append(container)
    return chosen


def _names_post(href: str, known: dict[str, bool]) -> bool:
    """Does a post-shaped href name a post (not a profile or a timeline)? Asked once per distinct href."""
    if href not in known:
        ref = _parse_url(href)
        known[href] = ref is not None and ref.kind != "timeline"
    return known[href]


# Where a site keeps its own feeds and "follow us" blocks: a link to a post there is no embed of the article.
# Layout classes mention sidebars and footers too ("l-sidebar-fixed l-article-body-segment", "no-sidebar",
# "subbuzz__figure-footer"), so a class counts only as a social feed ("twitter-widget", "CN_WidgetsTwitterFeed",
# "footer-instagram-widget") or as the site's own footer, sidebar or navigation bar ("site-footer", "sidebar",
# "navbar").
FURNITURE_TAGS = frozenset({"footer", "nav", "aside"})
SOCIAL_PARTS = frozenset({"twitter", "instagram", "facebook", "social", "tweets", "insta"})
# A platform's name beside one of these is the site's own feed: "ifttt-instagram-images", "instagram-gallery".
FEED_PARTS = frozenset({"widget", "widgets", "feed", "feeds", "timeline", "follow", "followus", "images", "photos",
                        "gallery", "grid", "stream"})
SITE_FURNITURE = frozenset({"footer", "sidebar", "site-footer", "page-footer", "global-footer", "site-sidebar",
                            "widget-area", "follow-us", "social-follow", "social-icons", "navbar"})
CLASS_PART_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _furniture_memo() -> Callable[[Any], Any]:
    """The site furniture a link's parent is or sits in (a footer, nav or aside outside the article, a social
    feed), or None; remembered per element, so every link of a page costs one walk up in all."""
    article_above = AncestorMemo(lambda node, above: above or node.tag in ("article", "main"), False)

    def step(node: Any, above: tuple[Any, Any]) -> tuple[Any, Any]:
        # (furniture for an element below this node outside any article, the same inside an article or main)
        outside, inside_article = above
        tag = node.tag
        if _furniture_class(node):
            return node, node
        if tag in ("article", "main"):
            return inside_article, inside_article
        if tag in FURNITURE_TAGS and not article_above(node.parent):
            return node, inside_article
        return outside, inside_article

    memo = AncestorMemo(step, (None, None))
    return lambda node: memo(node)[0]


def _furniture_class(node: Any) -> bool:
    attributes = node.attributes   # one dict: `attrs.get` raises and catches a KeyError per name missing (#14)
    return any(map(_furniture_token, f"{attributes.get('class') or ''} {attributes.get('id') or ''}".split()))


@lru_cache(maxsize=4096)
def _furniture_token(token: str) -> bool:
    """Does a class or id token name site furniture? Asked once per distinct token: a page's links sit in
    blocks that share their few layout classes ("container", "row"), each split into words anew per element (#14)."""
    parts = {p.lower() for p in CLASS_PART_RE.findall(token)}
    return token.lower() in SITE_FURNITURE or bool(parts & SOCIAL_PARTS and parts & FEED_PARTS)


# Post URLs kept in script data or escaped markup: found by their host with str.find (C speed), read from there.
SOURCE_HOSTS = platforms.SOURCE_SHAPES
# A query's further parameters count (`permalink.php?story_fbid=X&id=Y`, its "&" as written in HTML or JSON:
# review31r4), an entity or escape that names no parameter ("&quot;") not.
SOURCE_TAIL_RE = re.compile(r"""(?:\\?/|\\u002[fF])[^\s"'<>&]{4,200}"""
                            r"""(?:(?:&amp;|\\u0026|&)(?=[A-Za-z_][\w.-]{0,40}=)[^\s"'<>&\\]{1,200})*""")
# How HTML and JSON write a query's "&".
AMPERSAND_RE = LazyPattern(r"&amp;|\\u0026")
FIRST_AMPERSAND_RE = re.compile(r"&amp;|\\u0026|&")
# JSON keeps "/" as "\/" or "\u002F" (Fox News' page state); read either as a plain slash.
JSON_SLASH_RE = re.compile(r"\\/|\\u002[fF]")
# YouTube's Flash player URL, host on: its options follow an "&" with no "?" (/v/<id>&hl=en&fs=1).
FLASH_PLAYER_RE = LazyPattern(r"(?:[\w-]+\.)*youtube(?:-nocookie)?\.com(?:/|\\/){1,2}v(?:/|\\/)[\w-]{11}$")
QUOTES = ("\"", "'")
# The part of a Wayback Machine capture link before the URL captured (slashes unescaped).
CAPTURE_BEFORE_RE = LazyPattern(r"(?:https?:)?//(?:web\.)?archive\.org/web/\d{4,14}(?:[a-z]{2}_)?/(?:https?:/{1,2})?$",
                                re.IGNORECASE)
HOST_RUN_RE = re.compile(r"[A-Za-z0-9.-]*")
# A host starts a URL after "//" ("https://", JSON's "\/\/" or "\u002F\u002F"), never after a single slash.
ONE_SLASH_BEFORE_RE = re.compile(r"(?:/|\\/|\\u002[fF])$")
TWO_SLASHES_BEFORE_RE = re.compile(r"(?:/|\\/|\\u002[fF]){2}$")
MAX_HOST = 253   # a host name is never longer: the look back over one is bounded (#12)
# A URL's scheme and its "//" right before its host, slashes JSON-escaped or not; a protocol-relative "//" alone.
SCHEME_BEFORE_RE = LazyPattern(r"(?:[Hh][Tt][Tt][Pp][Ss]?:)?(?:/|\\/|\\u002[fF]){2}$")
# A URL as JSON writes it: up to a backslash that escapes no slash ("\"", "\n").
ESCAPED_RUN_RE = re.compile(r"[^\\]*+(?:(?:\\/|\\u002[fF]|\\u0026)[^\\]*+)*+")


def _host_run_before(page: str, at: int) -> int:
    """How many host-name characters ('www.', 'mobile.') come right before `at`."""
    run = HOST_RUN_RE.match(page[max(0, at - MAX_HOST):at][::-1])
    return len(run.group()) if run else 0


SourceBranch = tuple[str, tuple[str, ...]]   # a host, and the later hosts that can end where it ends


def _source_searches(hosts: dict[str, tuple[str, ...]]) -> list[tuple[re.Pattern[str], list[SourceBranch]]]:
    """(pattern, (host, kin) for each of its branches), one pattern per last label the hosts end in, each host a
    look-behind, tried where the page's needles found one of its hosts (#14). A match ends where a host ends; its
    branch (`lastindex`) names the first host in order that ends there, tried with its kin: any later host ending
    the same way (x.com, box.com)."""
    groups: dict[str, list[str]] = {}
    for host in hosts:
        groups.setdefault(host[host.rindex("."):], []).append(host)
    return [(re.compile(re.escape(label) + "(?:" + "|".join(f"(?<={re.escape(host)})()" for host in group) + ")"),
             [(host, tuple(other for other in group[i + 1:] if other.endswith(host) or host.endswith(other)))
              for i, host in enumerate(group)]) for label, group in groups.items()]


SOURCE_SEARCHES = _source_searches(SOURCE_HOSTS)
# What each shape leaves in the raw tail whatever slash JSON wrote: a tail without it is not read further.
SHAPE_CORES = {host: tuple(shape.replace("/", "") for shape in shapes) for host, shapes in SOURCE_HOSTS.items()}
# The same as one search a host (None: a shape of slashes alone, which every tail holds).
SHAPE_CORE_RES = {host: re.compile("|".join(re.escape(core) for core in cores)) if all(cores) else None
                  for host, cores in SHAPE_CORES.items()}
# Every literal a page's raw passes look for, found in one pass over the page (`needles.Needles`, #14): the post
# hosts of script data, the JSON credit keys, `credit=` and a signature's "(@".
PAGE_NEEDLES = (*SOURCE_HOSTS, *script_credits.ANCHOR_KEYS, *html_credits.CREDIT_ATTRS, *SIGNATURE_OPENS,
                html_credits.META_ALT_NEEDLE, html_credits.AMP_IMG_NEEDLE)
# "t.co/" in each of its ASCII cases (no other character matches t, c or o case-blind): where hyperscan searches the
# page, the places of its t.co links, which `resolver.prose_links` counts from there (`short_link_starts`), not from
# a pass of its own (0.1 ms a corpus page, #14; 3 us in hyperscan's pass). Optional: the string's search would take
# 0.19 ms a page for them, more than the count's own search.
SHORT_LINK_NEEDLES = tuple(f"{t}.{c}{o}/" for t in "tT" for c in "cC" for o in "oO")
CASELESS_NEEDLES = (*html_credits.CREDIT_ATTRS, html_credits.AMP_IMG_NEEDLE)   # in any ASCII case, as HTML writes (#11)
# What the page may write that a selection needs: a selector no element can match is not asked (#14).
PAGE_WORDS = words_of(STRUCTURE_PARTS, FACEBOOK_PARTS, TIMELINE_PARTS, html_credits.BROAD_CANDIDATE_PARTS,
                      html_credits.JSONLD_PARTS)


def _source_urls(page: str, *, taken: Intervals, needles: Needles) -> list[Embed]:
    """Post URLs the markup keeps outside elements: in a script's JSON state, or in an escaped embed inside an
    attribute (frameworks render embeds from data). Only posts and videos count; anything inside a span an
    element-level detector took is left to it. Hosts are matched as written in lower case, as JSON keeps them.
    Listed host by host (each in page order), in SOURCE_HOSTS order. `needles`: the page's needles, the hosts
    among them: a host's pattern is tried only where one of its hosts ends (#14)."""
    found: dict[str, list[Embed]] = {host: [] for host in SOURCE_HOSTS}
    unshown = _UnshownSource(page)
    for pattern, branches in SOURCE_SEARCHES:
        label = len(branches[0][0]) - branches[0][0].rindex(".")   # the hosts' last label's length: ".com"
        ends = sorted({start + len(host) for host, _ in branches for start in needles.starts[host]})
        for end in ends:
            # A host that ends no URL's host (no path after it) costs one match: most do not (#14).
            tail = SOURCE_TAIL_RE.match(page, end)
            if tail is None:
                continue
            hit = pattern.match(page, end - label)
            if hit is None:
                continue
            first, kin = branches[(hit.lastindex or 1) - 1]
            ending = [h for h in kin if end >= len(h) and page.startswith(h, end - len(h))] if kin else []
            for host in (first, *ending):
                cores = SHAPE_CORE_RES.get(host)   # most hits are a share or profile link: no call for them (#14)
                if cores is not None and cores.search(page, end, tail.end()) is None:
                    continue
                embed = _source_url_at(page, end - len(host), host, tail, taken)
                if embed is not None:
                    where = unshown.at(embed.span[0])
                    found[host].append(embed if where is None else replace(embed, unshown=where))
    _LAST_MARKS.marks = None   # the page is let go
    return [embed for embeds in found.values() for embed in embeds]


def _source_url_at(page: str, at: int, host: str, tail: re.Match[str], taken: Intervals) -> Embed | None:
    """The post or video whose URL has `host` at `at` and `tail` after it, or None. The caller has found one of the
    host's shape cores in the tail (`SHAPE_CORE_RES`)."""
    if not any(shape in JSON_SLASH_RE.sub("/", tail.group(0)) for shape in SOURCE_HOSTS[host]):
        return None
    begin = at - _host_run_before(page, at)
    escaped = max(page.rfind("\\u002f", max(0, begin - 1), at), page.rfind("\\u002F", max(0, begin - 1), at))
    begin = escaped + 6 if escaped >= 0 else begin   # "\u002Fwww.instagram.com": the u002f is no host
    before = page[max(0, begin - 12):begin]
    if ONE_SLASH_BEFORE_RE.search(before) and not TWO_SLASHES_BEFORE_RE.search(before):
        return None   # "example.com/x.com/jane/status/1": the host is a folder of another site's path, no post's
    # Without the punctuation prose puts after a URL: a post URL in a paragraph's text, then ".", was dropped. Up to
    # an escape JSON writes and no URL holds (the `\` of `\"`: the span ran past the URL, newuser31b §9).
    run = ESCAPED_RUN_RE.match(page, begin, tail.end())   # matches the empty run at least
    written = text_detectors.clean_url(run.group() if run else "")
    raw = _own_parameters(written)
    ref = None if begin in taken else _parse_url("https://" + AMPERSAND_RE.sub("&", JSON_SLASH_RE.sub("/", raw)))
    if ref is None or ref.kind not in ("post", "comment", "video") or not ref.post_id or _in_text(page, begin):
        return None
    scheme = SCHEME_BEFORE_RE.search(page, max(0, begin - 24), begin)   # the span is the URL as written, its scheme too
    start = scheme.start() if scheme else begin
    if raw != written and ref.platform == "youtube" and FLASH_PLAYER_RE.match(raw) and page[start - 1:start] in QUOTES:
        # YouTube's Flash player wrote its options after an "&" and no "?" (/v/<id>&hl=en&fs=1): in an attribute of
        # its own (no wrapper's parameter) they are the player's, and the span is the URL as written (newuser44d #1)
        raw = written
        ref = _parse_url("https://" + AMPERSAND_RE.sub("&", JSON_SLASH_RE.sub("/", raw))) or ref
    furniture, doubt = _source_place(page, start, raw)
    if furniture:
        return None
    return Embed(platform=ref.platform, kind=ref.kind, url=ref.url, detector="html-source",
                 span=(start, begin + len(raw)), post_id=ref.post_id,
                 author_handle=ref.author_handle, linked_capture=_capture_before(page, begin, raw),
                 start_seconds=ref.start_seconds, end_seconds=ref.end_seconds,
                 id_doubt=platforms.link_doubt(ref, raw) or doubt, shown_url=ref.shown)


class _UnshownSource:
    """Where a page's source holds HTML comments and <template> elements, which the page never shows (newuser37 #1:
    a forged embed code inside <template> got "pass author" as a link of the article's). The parser keeps neither in
    the tree, so the source is read: once a page, when its first post URL is kept (a page repeating one link 100,000
    times costs one pass, #12)."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.ranges: list[tuple[int, int, str]] | None = None

    def at(self, at: int) -> str | None:
        """Why the page does not show what stands at `at`, or None."""
        if self.ranges is None:
            page = self.page
            # No marker, no range: most pages hold a comment, but a page without one skips the pass (#14); "<![" opens
            # a CDATA section, a bogus comment outside <svg> (review39c)
            self.ranges = [] if "<!--" not in page and "<![" not in page and TEMPLATE_OPEN_RE.search(page) is None \
                else _unshown_ranges(page)
        found = bisect_right(self.ranges, (at, len(self.page) + 1, "")) - 1
        return self.ranges[found][2] if found >= 0 and self.ranges[found][1] > at else None


# A comment, a <template>, or (group 2) an element whose text the parser reads as text, where "<!--" or "<template"
# starts nothing: a script's string, a textarea's words (review37e: one never closed in a script hid the rest of the
# page, the page state a script renders among it). Left to right, so a script inside a comment is the comment's.
# One "<" before the alternatives, not one in each: the engine then searches for that one character and tries the
# rest only there (half the time of the pattern written with three "<"s: 7 ms a pass on a 1.2 MB page)
# A comment ends at "-->", at "--!>" (an error the parser forgives) or at once ("<!-->", "<!--->"); a CDATA section
# (group 3: text in <svg> or <math>, elsewhere a bogus comment to its first '>', `_unshown_ranges`) opens none
# (review38c). A template's end is found by its depth
# (`_template_end`): "</template>" of a template inside it ends that one only.
# Each body is `.*?END` unrolled: the runs without END's first character taken whole, END tried only at that
# character (a lazy `.*?` tried the end tag at every character of a script: up to 9x lxml's parse of a corpus page,
# #14); possessive, as nothing before END is given back. The same matches: tests/test_unshown_source_ranges.py holds
# the lazy form as the specification.
UNSHOWN_SOURCE_RE = LazyPattern(r"<(?:(!--)(?:-?>|[^-]*+(?:-(?!-!?>)[^-]*+)*+--!?>|.*)|template(?=[\s/>])"
                                r"|(script|style|textarea|title|xmp|noembed|noframes|plaintext)(?=[\s/>])"
                                r"(?:[^<]*+(?:<(?!/\2\s*>)[^<]*+)*+</\2\s*>|.*)"
                                r"|(!\[CDATA\[)(?:[^\]]*+(?:\](?!\]>)[^\]]*+)*+\]\]>|.*))", re.IGNORECASE | re.DOTALL)
TEMPLATE_OPEN_RE = LazyPattern(r"<template", re.IGNORECASE)   # as the pattern reads the name, Unicode folding and all
# An <svg> or <math> start or end tag: inside one, a CDATA section is text to its ']]>'; elsewhere a bogus comment
FOREIGN_TAG_RE = LazyPattern(r"<(/?)(?:svg|math)(?=[\s/>])", re.IGNORECASE)
TEMPLATE_TAG_RE = LazyPattern(r"<(/?)template(?=[\s/>])(?:\s*>)?", re.IGNORECASE)
# A start tag's head from its "<": its name and attributes, a quoted value whole ("<a title='x > <!-- y'"): what
# stands before its end is inside the tag, an attribute's words, no comment or element (review38c)
TAG_HEAD_RE = LazyPattern(r"""<[a-zA-Z](?:[^>"']++|"[^"]*+"|'[^']*+')*+""")
TAG_REACH = 65536   # how far back a tag holding a "<" may start (a long data- attribute's JSON)


def _unshown_ranges(page: str) -> list[tuple[int, int, str]]:
    """The page's comments and templates, as (start, end, why) in page order, read left to right as the parser
    does: a "<" inside a tag's attribute value starts nothing, a template holds the templates inside it."""
    ranges: list[tuple[int, int, str]] = []
    at = floor = 0   # floor: where the last comment, template or raw text read ends, no tag's start before it
    foreign = counted = 0   # how many <svg> and <math> are open before `counted` (read only at a CDATA section)
    while (found := UNSHOWN_SOURCE_RE.search(page, at)) is not None:
        start = found.start()
        if _inside_tag(page, start, floor):
            at = start + 1
            continue
        if found.group(3) is not None:
            for tag in FOREIGN_TAG_RE.finditer(page, counted, start):
                foreign = max(0, foreign - 1) if tag.group(1) else foreign + 1
            counted = start
        if found.group(1):
            ranges.append((start, found.end(), "inside an HTML comment"))
            at = found.end()
        elif found.group(3) is not None and not foreign:
            # outside <svg> and <math> a bogus comment, ended by its first '>' (review39c: read to ']]>' as in <svg>,
            # a comment after it was none, a post URL in it shown)
            close = page.find(">", start)
            at = close + 1 if close >= 0 else len(page)
            ranges.append((start, at, "inside an HTML comment"))
        elif found.group(2) is None and found.group(3) is None:
            end = _template_end(page, found.end())
            ranges.append((start, end, "inside <template>"))
            at = end
        else:
            at = found.end()
        floor = at
    return ranges


def _template_end(page: str, at: int) -> int:
    """Where the template whose start tag's name ends at `at` ends: after the "</template>" closing it, the templates
    inside it closed first (review38c: the first "</template>" ended the outer of two), or the page's end."""
    depth = 1
    for tag in TEMPLATE_TAG_RE.finditer(page, at):
        if _inside_tag(page, tag.start(), at):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            close = page.find(">", tag.end() - 1)
            return close + 1 if close >= 0 else len(page)
    return len(page)


def _inside_tag(page: str, at: int, floor: int = 0) -> bool:
    """Is the "<" at `at` inside a start tag, an attribute's value ("<a title='<!-- x'>")? The nearest "<" and a
    letter before it within TAG_REACH is taken as that tag's start (one in the value itself is a tag of its own), and
    never one before `floor`, where the last comment, template or raw text read ends: a tag's start inside a comment
    ("<!-- <a title="x -->") opens no tag, and read as one its quote hid the next comment (verdicts38)."""
    reach = max(floor, at - TAG_REACH)
    before = page.rfind(">", reach, at)
    opened = page.rfind("<", reach, at)
    if opened < 0 or before > opened and '"' not in page[opened:at] and "'" not in page[opened:at]:
        return False   # the last tag before it closed, no quote to hold a '>': the common case, no search
    head = TAG_HEAD_RE.match(page, opened) if page[opened + 1: opened + 2].isascii() \
        and page[opened + 1: opened + 2].isalpha() else None
    return head is not None and head.end() > at


# Where a page's source keeps a post URL that is the site's, not the article's (script32, one rule for every platform):
# keys of page state naming other stories or the site's modules (script_credits' words, and the page's share and
# social links), and keys naming the article's body or an embed of it.
# "share" but not "shared": `sharedContent`, `sharedPostUrl` name the post a story shares (review32r2).
FURNITURE_KEY_RE = LazyPattern(rf"{script_credits.OTHER_STORIES_RE.pattern}|sameAs|citation|share(?!d)|social",
                               re.IGNORECASE)
BODY_KEY_RE = LazyPattern(r"body|content|html|embed|markup|element|component|block|story|article|oembed|iframe"
                          r"|tweet|instagram|facebook|telegram|bluesky|reddit|tiktok|threads|youtube|video"
                          r"|referent", re.IGNORECASE)   # Arc's oembed element names its post in `referent.id`
# Module words a story's own object also uses for its parts: Arc's `promo_items.lead_art` is the story's lead art, a
# `sidebarEmbed` or `socialEmbed` its component. Under one, a key naming an embed leaves the post in doubt (review32r2);
# a key naming an embed and any module word at once (`relatedEmbeds`) too.
PART_MODULE_KEY_RE = LazyPattern(r"promo|sidebar|social|share", re.IGNORECASE)
EMBED_KEY_RE = LazyPattern(r"embed|iframe|lead_?(?:art|media)|featured_?media", re.IGNORECASE)
# A post's embed-code URL (a player, a plugin, an /embed path): what a page renders in place, never a module's link.
EMBED_CODE_URL_RE = LazyPattern(r"/embed|[?&]embed=|/plugins/|player\.", re.IGNORECASE)
SCRIPT_DOUBT = ("kept in the page's script data under no key that names the article's body: it may be the site's own "
                "module, not an embed")
COMMENT_DOUBT = "kept in an HTML comment, which the page does not show: it may be no embed"
ASIDE_DOUBT = ("kept in an aside on a page with no article or main element: it may be the site's sidebar, not the "
               "article's")
MODULE_DOUBT = ("kept in the page's script data under a key naming both an embed and a site's module (promo, sidebar, "
                "social, share, related…): it may be the site's own, not the article's")
JSON_LD_MEDIA_DOUBT = ("named only by the page's JSON-LD as media it shows (a video's embedUrl or contentUrl, "
                       "associatedMedia, sharedContent): it may be no embed")
# JSON-LD keys naming media the page itself shows, as against those naming other pages (sameAs, citation, mentions).
JSON_LD_MEDIA_KEYS = frozenset({"video", "embedUrl", "contentUrl", "associatedMedia", "sharedContent"})
# Before a URL that is a query value ("?u=", "&amp;url=", "text=Read%20"): the URL it is the value of, from its start.
QUERY_VALUE_RE = LazyPattern(r"[?&;][\w.%-]{1,40}=[^\s\"'<>&]*$")
URL_DELIMITERS = "\"'<> \t\n\r"


def _own_parameters(raw: str) -> str:
    """A post URL read from the source, up to an "&" that follows no "?": after a post URL a redirect wrapper names
    unencoded (`google.com/url?q=<post>&sa=D`, `l.php?u=<post>&h=…`) the wrapper's parameters are no query of the
    post's, and read as one they ran into its path and lost the post (review32r2)."""
    amp = FIRST_AMPERSAND_RE.search(raw)
    return raw[:amp.start()] if amp and "?" not in raw[:amp.start()] else raw


def _source_place(page: str, start: int, raw: str) -> tuple[bool, str | None]:
    """(is the post URL at `start` in the page's source the site's furniture, why it may be no embed or None). The
    site's: a share or intent button's target (`text.is_button`), a post in the site's footer, nav or aside (an
    attribute, as `_in_text` leaves their text), a post JSON-LD names (metadata: `sameAs`, `citation`; its
    `articleBody` is the article's), a post under a page-state key naming another module ("trending",
    "relatedPosts"). In a script, a key naming the body or an embed, or an embed-code URL, is the article's; under no
    key that says either, the post is reported with a doubt, as in a comment; so is a post under a module key that
    may hold the story's own embed (`_part_module`), and media JSON-LD says the page shows (review32r2)."""
    outer = _outer_url(page, start)
    if outer is not None and text_detectors.is_button(outer):
        return True, None
    marks = _page_marks(page)
    lt = marks.last_lt(start)
    in_tag = lt >= 0 and marks.tag_end(lt) >= start   # an attribute's value (`_in_text` has left the page's text)
    if in_tag and marks.in_furniture(start):
        return True, None
    if in_tag and marks.in_lone_aside(start):
        return False, ASIDE_DOUBT
    # A script's JSON rarely writes "<": the last one is then the script's own tag, with no search for its open (#14).
    script_tag = not in_tag and lt >= 0 and page[lt:lt + 7].lower() == "<script"
    opened = lt if script_tag else marks.raw_text_around(start)   # also markup a script's string or a comment holds
    if opened is None:
        return False, None
    if page[opened:opened + 7].lower() != "<script":
        return False, COMMENT_DOUBT
    tag_end = marks.tag_end(opened)
    keys = script_credits.keys_around(page, start, tag_end, start=marks.string_start(start, tag_end))
    if "ld+json" in page[opened:tag_end].lower():
        if "articleBody" in keys:
            return False, None
        return (False, JSON_LD_MEDIA_DOUBT) if JSON_LD_MEDIA_KEYS.intersection(keys) else (True, None)
    modules = [at for at, key in enumerate(keys) if FURNITURE_KEY_RE.search(key)]
    if modules:
        return (False, MODULE_DOUBT) if all(_part_module(keys, at) for at in modules) else (True, None)
    if EMBED_CODE_URL_RE.search(raw) or any(BODY_KEY_RE.search(key) for key in keys):
        return False, None
    return False, SCRIPT_DOUBT


def _part_module(keys: list[str], at: int) -> bool:
    """Is the module key `keys[at]` (keys innermost first) one that may hold the story's own embed: it names an embed
    itself, or it is a promo, sidebar, social or share key with a key inside it naming one?"""
    if EMBED_KEY_RE.search(keys[at]):
        return True
    return bool(PART_MODULE_KEY_RE.search(keys[at])) and any(EMBED_KEY_RE.search(key) for key in keys[:at])


def _outer_url(page: str, start: int) -> str | None:
    """The URL the URL at `start` is a query value of (slashes and "&" unescaped), or None."""
    window = page[max(0, start - 2000):start]
    before = window[max(window.rfind(c) for c in URL_DELIMITERS) + 1:]
    if "=" not in before[-200:]:
        return None
    before = AMPERSAND_RE.sub("&", JSON_SLASH_RE.sub("/", before))
    return before if "?" in before and QUERY_VALUE_RE.search(before) else None


def _in_text(page: str, at: int) -> bool:
    """Is `at` in the page's text, between tags and outside a script, a style or a comment? The text is the prose
    pass's (`_text_urls`), which leaves the site's footer, navigation and related boxes out: a post URL there read
    here was an embed (newuser31b §9: the raw pass reads every platform's posts). Markup is what this pass reads: an
    attribute's value (no ">" after the last "<"), a raw-text element's content (a script's JSON). What each look
    finds is kept for the page (`_Marks`): many URLs in one long text or script cost one pass over it, not one each."""
    marks = _page_marks(page)
    opened = marks.last_lt(at)
    if opened < 0 or marks.tag_end(opened) >= at or RAW_TEXT_TAG_RE.match(page, opened):
        return False   # inside a tag, or right after a <script>, <style>, <!-- ... tag
    # inside a script or a comment that writes "<" ("a < b", "'<div>'"): the last one opened before `at` is not closed
    opens, closes = marks.raw_text()
    last_open, last_close = bisect_left(opens, at) - 1, bisect_left(closes, at) - 1
    return last_open < 0 or last_close >= 0 and closes[last_close] > opens[last_open]


class _Marks:
    """What `_in_text` found of one page: the last "<" before the place last asked about, where each tag asked about
    ends, where scripts and comments open and close (found once, when first needed)."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.at, self.lt = 0, -1   # the "<" last found before `at`
        self.ends: dict[int, int] = {}
        self.marks: tuple[list[int], list[int]] | None = None
        self.furniture: Intervals | None = None
        self.lone_asides = Intervals([])
        self.string: tuple[int, int] | None = None   # (a place, where the string holding it opens): the last far one

    def last_lt(self, at: int) -> int:
        """Where the last "<" before `at` is, or -1: searched back only to the place asked before, when it is."""
        found = self.page.rfind("<", self.at if at >= self.at else 0, at)
        if found < 0 and at >= self.at:
            found = self.lt
        self.at, self.lt = at, found
        return found

    def tag_end(self, opened: int) -> int:
        """Where the tag opening at `opened` ends (its ">"), or the page's length."""
        end = self.ends.get(opened)
        if end is None:
            found = self.page.find(">", opened)
            end = self.ends[opened] = found if found >= 0 else len(self.page)
        return end

    def string_start(self, at: int, floor: int) -> int | None:
        """Where the script's string holding `at` opens (no further back than `floor`): near, as `keys_around` reads
        it; further back, a long body string's, searched once for its many posts (linear: review32r2, #14)."""
        page = self.page
        near = script_credits.string_start_near(page, at, floor)
        if near is not None:
            return near
        known = self.string
        if known is not None and floor <= known[1] < known[0] <= at \
                and script_credits.more_of_string(page, known[0], at, known[1] + 1):
            self.string = (at, known[1])
            return known[1]
        far = script_credits.far_string_start(page, at, floor)
        self.string = None if far is None else (at, far)
        return far

    def raw_text_around(self, at: int) -> int | None:
        """Where the script or comment holding `at` opens, or None."""
        opens, closes = self.raw_text()
        last_open, last_close = bisect_left(opens, at) - 1, bisect_left(closes, at) - 1
        if last_open < 0 or last_close >= 0 and closes[last_close] > opens[last_open]:
            return None
        return opens[last_open]

    def in_furniture(self, at: int) -> bool:
        """Is `at` inside a footer, nav or aside that no article or main holds (`_furniture_memo`'s tags, read from
        the markup outside scripts and comments), but an aside `in_lone_aside`?"""
        if self.furniture is None:
            self.furniture, self.lone_asides = self._furniture()
        return at in self.furniture

    def in_lone_aside(self, at: int) -> bool:
        """Is `at` inside an aside on a page with no article or main, whose class or id names no site furniture
        (`_furniture_token`)? A page built of divs may hold its story's pull-out box in one: its only container."""
        if self.furniture is None:
            self.furniture, self.lone_asides = self._furniture()
        return at in self.lone_asides

    def _furniture(self) -> tuple[Intervals, Intervals]:
        """(the furniture's spans, the lone asides' spans: `in_lone_aside`)."""
        spans: list[tuple[int, int]] = []
        asides: list[tuple[int, int]] = []
        stack: list[tuple[str, int]] = []
        page = self.page
        body = False   # an article or main outside scripts and comments
        for at, mark in self.furniture_marks():
            if self.raw_text_around(at) is not None:
                continue
            name = mark.lstrip("</")
            if mark[1] != "/":
                body = body or name in ("article", "main")
                stack.append((name, at))
                continue
            while stack:
                opened, start = stack.pop()
                if opened == name:
                    if name in FURNITURE_TAGS and all(tag not in ("article", "main") for tag, _ in stack):
                        spans.append((start, at + len(mark)))
                    break
        if not body:   # extract33: the page's asides may hold its story's own parts
            asides = [(start, end) for start, end in spans if page[start:start + 6].lower() == "<aside"
                      and not _names_furniture(page[start:self.tag_end(start)])]
            spans = [span for span in spans if span not in asides]
        return Intervals(spans), Intervals(asides)

    def furniture_marks(self) -> list[tuple[int, str]]:
        """(where, "<footer" or "</nav" ...: in lower case) of every furniture tag `_furniture_memo` reads, in page
        order."""
        return [(found.start(), found.group().lower()) for found in FURNITURE_MARK_RE.finditer(self.page)]

    def raw_text(self) -> tuple[list[int], list[int]]:
        """(where scripts and comments open, where they close), each in page order."""
        if self.marks is None:
            opens: list[int] = []
            closes: list[int] = []
            for mark in SCRIPT_MARK_RE.finditer(self.page):
                (closes if mark.group(1) else opens).append(mark.start())
            self.marks = _with_comment_marks(self.page, opens, closes)
        return self.marks


class _LastMarks(threading.local):
    marks: _Marks | None = None


_LAST_MARKS = _LastMarks()


def _page_marks(page: str) -> _Marks:
    """The marks of `page`, kept for the last page asked about in this thread."""
    marks = _LAST_MARKS.marks
    if marks is None or marks.page is not page:
        marks = _LAST_MARKS.marks = _Marks(page)
    return marks


# What opens markup whose content is no text a reader sees: raw text elements, a comment, a template.
RAW_TEXT_TAG_RE = LazyPattern(r"<(?:script|style|template|noscript|textarea|xmp|!--|!\[CDATA\[)", re.IGNORECASE)
# A script's start and end tag, in any case (`_Marks.raw_text`; comments' marks are found with str.find). One
# pattern `<(/?)script|<!--|-->` under IGNORECASE lower-cased every character of the page it tried: 1.2 ms on a
# large page, twice this (#14).
SCRIPT_MARK_RE = LazyPattern(r"<(/?)(?i:script)")
# The tags `_furniture_memo` reads, in any ASCII case as HTML reads a tag's name (`<FOOTER>`, `<Nav>`: a post in a
# footer in capitals was a sure embed, review33r4). One pattern with a class per letter, no IGNORECASE: a case-blind
# pattern cost a 1.2 MB page 25 ms, and ten str.find passes (one a mark) 5 ms (0.35 ms now, #14).
FURNITURE_MARK_RE = LazyPattern(r"</?(?:" + "|".join("".join(f"[{c}{c.upper()}]" for c in name)
                                                    for name in ("footer", "nav", "aside", "article", "main"))
                               + r")(?=[ \t\n\r\f/>])")


def _with_comment_marks(page: str, opens: list[int], closes: list[int]) -> tuple[list[int], list[int]]:
    """`opens` and `closes` (a script's tags) with where comments open ("<!--") and close ("-->") added, each list in
    page order. A mark is read as one pass over the page reads them, left to right: a "-->" that shares characters
    with a "<!--" before it ("<!-->", "<!--->") is part of that one, no close."""
    if "<!--" not in page and "-->" not in page:
        return opens, closes
    marks = sorted([(at, at + 4, opens) for at in _found_all(page, "<!--")] +
                   [(at, at + 3, closes) for at in _found_all(page, "-->")], key=lambda mark: mark[0])
    end = 0
    for at, stop, into in marks:
        if at >= end:
            into.append(at)
            end = stop
    return sorted(opens), sorted(closes)


# A tag's class and id values, as markup writes them.
CLASS_OR_ID_RE = LazyPattern(r"""[\t\n\f\r ](?:class|id)[\t\n\f\r ]*=[\t\n\f\r ]*"""
                            r"""(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+))""", re.IGNORECASE)


def _names_furniture(tag: str) -> bool:
    """Does an opening tag's class or id name site furniture (`_furniture_token`: "sidebar", a social feed)?"""
    return any(_furniture_token(token) for found in CLASS_OR_ID_RE.finditer(tag)
               for token in "".join(value or "" for value in found.groups()).split())


def _found_all(page: str, needle: str) -> list[int]:
    """Where `needle` stands in `page`, in order (str.find, C speed)."""
    found, at = [], page.find(needle)
    while at >= 0:
        found.append(at)
        at = page.find(needle, at + len(needle))
    return found


def _capture_before(page: str, begin: int, raw: str) -> str | None:
    """The Wayback Machine capture whose link ends with the post URL at `begin` (the capture's part written just
    before it, slashes JSON-escaped or not), or None (#15)."""
    before = page[max(0, begin - 120):begin]
    if "archive.org" not in before:
        return None
    found = CAPTURE_BEFORE_RE.search(JSON_SLASH_RE.sub("/", before))
    return text_detectors.capture_of(found.group(0) + JSON_SLASH_RE.sub("/", raw)) if found else None


# What every URL the text detector reads holds: a scheme, or a host's last label (and a Mastodon instance's port)
# and the path's first slash.
URL_HINT_RE = re.compile(rf"://|\.[A-Za-z][A-Za-z0-9-]{{1,62}}+{platforms.mastodon.PORT_PATTERN}/")


def _text_urls(prose: str, smap: SourceMap, *, taken: list[tuple[int, int]]) -> list[Embed]:
    """Bare post URLs in the article's visible text ("Read: https://bsky.app/profile/.../post/..."), each platform's,
    as the text detector finds them in plain text: the page-state search knows only the hosts script data keeps.
    Each text node of the prose (`html_credits.prose_text`: no scripts, footers, navs or related boxes) holding a
    '/' is read by the text detector, then found in the source; one inside a span taken by an embed, a link or the
    site's furniture is left to it. A profile names no post, as for links. Prose seldom holds a '/': a page costs a
    search of its text, not of its markup (#14)."""
    found: list[Embed] = []
    locate: html_credits.TextLocator | None = None
    claimed: Intervals | None = None
    slash = prose.find("/")
    while slash >= 0:
        start = prose.rfind(html_credits.NODE, 0, slash) + 1
        end = prose.find(html_credits.NODE, slash)
        end = len(prose) if end < 0 else end
        slash = prose.find("/", end)
        node = prose[start:end]
        if URL_HINT_RE.search(node) is None:   # "AP Photo/Jane Doe", "24/7": the text detector costs 7 us a node
            continue
        embeds = [e for e in text_detectors.find_url_embeds(node, []) if e.kind != "timeline"]
        if any(e.kind == "media-link" for e in embeds) and _signed_next(prose, end):
            embeds = [e for e in embeds if e.kind != "media-link"]
        if not embeds:
            continue
        locate = locate or html_credits.TextLocator(smap.page, smap.start, smap.end)
        claimed = claimed if claimed is not None else Intervals(taken)
        where = locate(node)
        if where is not None:   # each URL by its own place: a loose signature (sniff29) claims part of a node
            spans = _url_spans(smap.page, where, node, [e.span for e in embeds])
            found += [replace(e, detector="html-text-url", span=span) for e, span in zip(embeds, spans)
                      if span[0] not in claimed]
    return found


def _signed_next(prose: str, end: int) -> bool:
    """Is the text node after the one ending at `end` (blank ones aside) a flattened post's signature? Then a
    pic.twitter.com link just above it is that post's photo, as the text detector reads it in plain text, not an
    embed of its own: "<p>Words pic.twitter.com/…</p><p>— Name (@handle) Date</p>" is one post."""
    for node in prose[end:end + SIGNED_REACH].split(html_credits.NODE):
        if node.strip():
            return text_detectors.SIGNATURE_RE.search(node) is not None
    return False


SIGNED_REACH = 400   # characters after a node looked through for the next one: a signature line is shorter


def _url_spans(page: str, node_at: tuple[int, int], node: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the URLs the text detector found in a text node (`spans` in it, in order) are in the source: found
    again as written when entities elsewhere in the node moved them; the node's span for a URL whose own entities
    cannot be matched ("&amp;" is the only one URLs carry)."""
    start, end = node_at
    if page[start:end] == node:
        return [(start + a, start + b) for a, b in spans]
    placed, cursor = [], start
    for a, b in spans:
        span = node_at
        for written in (node[a:b], node[a:b].replace("&", "&amp;")):
            at = page.find(written, cursor, end)
            if at >= 0:
                span = (at, at + len(written))
                cursor = span[1]
                break
        placed.append(span)
    return placed


def _signatures_in(el: Any, smap: SourceMap) -> list[Embed]:
    """A tweet flattened inside the page itself (a class-less blockquote, a paragraph): the text detector on its text."""
    # The element is one block of text: blank lines around it let the text detector take all its lines above a
    # signature ("Line one<br>Line two<br>— Name (@h) date"), not only the last.
    text = "\n\n" + text_with_lines(el) + "\n\n"
    if not _opens_signature(text):
        return []
    span = smap.span(el)
    # Instagram's caption line first, as in plain text: its "(@ann.example) on Dec 6" read as a Bluesky signature.
    instagram = text_detectors.find_instagram_remnants(text)
    found = text_detectors.find_signatures(text, skip=[e.span for e in instagram], one_block=True,
                                           langs=_date_languages(el)) + instagram
    if not instagram and len(found) == 1 and found[0].text is None:
        above = _words_above(el, text)
        if above is not None:   # its words in the paragraph before (left28): that paragraph is in its span too
            return [replace(_linked(_dated_by_link(above, el), [element_before(el), el]),
                            span=(smap.span(element_before(el))[0], span[1]), detector="html-text-signature")]
    linked = len(found) == 1 and not instagram   # the element's links are the one post's
    return [replace(_linked(_dated_by_link(e, el), [el]) if linked else _dated_by_link(e, el), span=span,
                    detector="html-text-signature") for e in found]


def _linked(embed: Embed, paras: list[Any]) -> Embed:
    """A flattened post with the links of the paragraphs it was read from (`_tweet_links`: its picture's t.co link,
    the links in its words), not its own date link: the scan said its own picture's t.co link was "in no embed"
    (newuser37b #5)."""
    media, links = _tweet_links(paras, embed.text or "")   # the links in its words, not the article's after it
    own = platforms.post_key(embed.url) if embed.post_id else None
    links = [link for link in links if own is None or platforms.post_key(link) != own]
    if not (media or links):
        return embed
    return replace(embed, media_links=tuple(dict.fromkeys([*embed.media_links, *media])),
                   links=tuple(dict.fromkeys([*embed.links, *links])))


def _dated_by_link(embed: Embed, el: Any) -> Embed:
    """A flattened post's signature whose date is a link to the post ("— Name (@handle) <a href=…/status/N>March 3,
    2023</a>", as Word, Google Docs and CMSs keep it), with that post's URL and id when the link is the signature's
    own (`text.is_own_post`): the link's post and the signature were two embeds, the post with no words, name or
    date, the signature with no id (newuser37b #5)."""
    if embed.post_id or not embed.date_text or not embed.author_handle or "<a" not in (el.html or ""):
        return embed
    for link in select(el, "a[href]"):
        if " ".join(element_text(link).split()) != " ".join(embed.date_text.split()):
            continue
        ref = platforms.parse_url(attr(link, "href") or "")
        if ref is not None and text_detectors.is_own_post(ref, embed.platform, embed.author_handle):
            return replace(embed, url=ref.url, post_id=ref.post_id, kind=ref.kind)
        if ref is not None and text_detectors.by_did_that_day(ref, embed.platform, embed.date):
            # Bluesky's embed code dates a post by a link naming its account by DID: one post, said in doubt
            # (newuser38b #1)
            return replace(embed, url=ref.url, post_id=ref.post_id, kind=ref.kind,
                           id_doubt=account_by_did(ref.author_handle or "", embed.author_handle))
    return embed


def _words_above(el: Any, signed: str) -> Embed | None:
    """A signature alone in its paragraph (`<p>Wow.</p><p>— Ann (@ann) May 1, 2024</p>`) with the words of the
    paragraph right before as its text, read as plain text reads the block above a signature; unsure, as the words
    may be the article's. None unless that paragraph is the only place the words can be: a <p> right before it (no
    words between), of words, not another post's signature (a placeholder's words are no text: `extract`)."""
    before = element_before(el)
    if before is None or before.tag != "p":
        return None
    words = text_with_lines(before).strip()
    if not words or text_detectors.SIGNATURE_RE.search(words):
        return None
    embeds = text_detectors.find_signatures(f"\n\n{words}\n\n{signed.strip()}\n\n", langs=_date_languages(el))
    last = embeds[-1] if embeds else None
    return replace(last, text_confidence=tweet_text.UNCERTAIN) if last is not None and last.text else None
