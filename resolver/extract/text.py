"""Embeds in plain text: what a scraper leaves of a tweet (text, then "— Name (@handle) Date"), and bare post URLs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from resolver import platforms
from resolver.extract import tweet_text
from resolver.extract.dates import (DATE_PATTERN, WEEKDAY, MonthPattern, date_languages, dots_day_first, in_words,
                                    is_ambiguous, is_month, iso_from_match, weekday_reading, weekday_turned,
                                    written_day_first, written_month_first)
from resolver.extract.dedupe import ONE_PER_POST, one_per_post
from resolver.extract.incomplete import attempt
from resolver.extract.intervals import Intervals
from resolver.lazy import LazyPattern
from resolver.model import Embed, PostRef, account_by_did, another_accounts_link, another_days_link, kept_apart
from resolver.placeholders import EMBED_CODE_TAIL_RE
from resolver.platforms import x

SP = r"[ \t\u00a0\u202f]"
# The dashes before a signature's name; the last three as a page read as cp1252 shows a UTF-8 dash (a scraper
# joined sources, and the page says cp1252): they were the post's only words (newuser28 #7).
DASHES = ("—", "–", "―", "--", "&mdash;", "&#8212;", "&#x2014;", "&ndash;", "â€”", "â€“", "â€•")
# The anchor of a flattened embed: (@handle) then a date, on one line. The name and the text are read backwards.
# The "@" full width too, as Japanese and Chinese copies write it (newuser33b #7); an HTML page's signatures are
# looked for at its "(@" needles only (`html.SIGNATURE_OPEN`), so there a full-width one is not read yet.
BLUESKY_POST_START = r"https?://(?:www\.)?bsky\.app/profile/"   # a Bluesky signature's own post link after its date
MASTODON_POST_START = r"https?://(?:[a-z0-9-]+\.)+[a-z]{2,}(?::[0-9]{1,5})?/@"   # a Mastodon signature's, on any instance
# A Mastodon account is written with its instance ("(@jane@hachyderm.io)", sig34). A signature wrapped before its
# date ("— Jane Roe (@jane)⏎September 12, 2022") is one with a dash before its name only (`find_signatures`): a
# handle then a date on the next line is also an article's header or byline (fixnu33d).
# Direction marks around the handle, as a copy of a right-to-left page keeps them ("(\u200f@FaSpox\u200f)"): the
# post was lost (newuser43a #4).
# After ")", blanks and marks are one run (two runs side by side would be tried at each split: quadratic).
_HEAD_MARKS = f"[{platforms.urls.DIRECTION_MARKS}]*"
_HEAD_BLANKS = f"[ \t\u00a0\u202f{platforms.urls.DIRECTION_MARKS}]*"
SIGNATURE_HEAD = (rf"\({_HEAD_MARKS}[@＠]{_HEAD_MARKS}"
                  rf"(?P<handle>[A-Za-z0-9_][A-Za-z0-9_.:-]{{0,62}}(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?){_HEAD_MARKS}\)"
                  rf"(?P<wrap>{_HEAD_BLANKS}\r?\n)?{_HEAD_BLANKS}(?:on{SP}+)?\[?")
# What ends the line of a wrapped signature's date (or its link): nothing but a closing mark (review34r3).
WRAPPED_DATE_END_RE = LazyPattern(rf"{SP}*[.)\]]?{SP}*(?:\r?\n|\Z)")
# Compiled when first used: an HTML page's widgets.js signatures ("(@handle) <a ...>date</a>") are turned away by
# SIGNATURE_START_RE (#14). A match's month is a month of the table (`MonthPattern`): "(@ann) Sunday 12, 2022" is none.
# The time Bluesky's embed writes after the date ("March 10, 2026 at 9:12 PM"), read as part of the date's words as
# the HTML pass reads the embed's date link (newuser36 #2: the link after it was not seen); and as it writes it in the
# reader's language, after a comma or its word for "at" ("10 de marzo de 2026, 21:12", "10. März 2026 um 21:12",
# "10 mars 2026 à 21:12": the own link after them was read apart, sig37).
TIME_WORDS = ("at", "a las", "a la", "um", "à", "alle ore", "alle", "às", "om", "в", "kl.", "kl", "o godz.", "o")
SIGNATURE_TIME = (rf"(?:,|{SP}+(?:{'|'.join(f'{SP}+'.join(map(re.escape, w.split())) for w in TIME_WORDS)}))"
                  rf"{SP}+\d{{1,2}}:\d{{2}}(?:{SP}*[ap]\.?m\.?|{SP}+Uhr)?(?![\w:])")
SIGNATURE_RE = MonthPattern(
    rf"{SIGNATURE_HEAD}(?:(?P<weekday>{WEEKDAY})[,.]?{SP}+)?(?P<date>{DATE_PATTERN})(?P<time>{SIGNATURE_TIME})?\]?(?:{SP}*[(（]?<?(?P<url>(?:{x.URL_START}|{BLUESKY_POST_START}|{MASTODON_POST_START})[^\s<>()\]]+)>?[)）]?)?",
    re.IGNORECASE,
)
# What every SIGNATURE_RE match starts with: its head, then a date's first character, a word character (a month's
# first letter, a day's or a year's digit; tests/test_text_detector.py holds every month to it).
SIGNATURE_START_RE = re.compile(rf"{SIGNATURE_HEAD}\w", re.IGNORECASE)
# Instagram's caption line: "A post shared by Name (@handle) on <date>" in English, and the same in eight other
# languages ("Ein Beitrag geteilt von", ...), each with its word before the date ("am", "le", ...). Languages that
# put the name first (Turkish, Japanese) are read from the embed's markup instead (`html._instagram`): their words
# cannot be told from the name here. The other languages' line is searched for only in a text holding one of their
# verbs: an alternation of lead-ins has no first character the engine can skip to (9x the English line's time).
# Both compile when first searched with (#14), and an HTML page's scan tries them only on an Instagram embed. The
# date is optional: a month word the table lacks (`dates.MonthPattern` is not used here) is a date left unread.
# A handle runs to no letter of any script: "(@nаsa)" (a Cyrillic а) is no "n" (fixleft42a).
INSTAGRAM_TAIL = (rf"{SP}+(?:(?P<name>[^\n(@]{{1,80}}?){SP}*)?\(?@(?P<handle>[A-Za-z0-9_.]{{1,30}})(?!\w)\)?"
                  rf"(?:{SP}+(?i:DATE_WORD){SP}+(?P<date>(?i:{DATE_PATTERN}))"
                  rf"(?i:{SP}+at{SP}+\d{{1,2}}:\d{{2}}{SP}*[ap]\.?m\.?(?:{SP}+[A-Z]{{2,5}})?)?)?")
INSTAGRAM_RE = LazyPattern(rf"A{SP}+(?:post|photo|video|reel){SP}+shared{SP}+by"
                           + INSTAGRAM_TAIL.replace("DATE_WORD", "on"), re.IGNORECASE)
OTHER_SHARED_BY = {   # the verb the line holds, and the line's lead-in (Instagram writes them capitalised)
    "geteilt": "Ein{SP}+Beitrag{SP}+geteilt{SP}+von", "partagée": "Une{SP}+publication{SP}+partagée{SP}+par",
    "compartida": "Una{SP}+publicación{SP}+compartida{SP}+(?:de|por)", "condiviso": "Un{SP}+post{SP}+condiviso{SP}+da",
    "compartilhada": "Uma{SP}+publicação{SP}+compartilhada{SP}+por", "gedeeld": "Een{SP}+bericht{SP}+gedeeld{SP}+door",
    "delat": "Ett{SP}+inlägg{SP}+delat{SP}+av", "udostępniony": "Post{SP}+udostępniony{SP}+przez",
}
OTHER_INSTAGRAM_RE = LazyPattern(
    "(?:" + "|".join(OTHER_SHARED_BY.values()).replace("{SP}", SP) + ")"
    + INSTAGRAM_TAIL.replace("DATE_WORD", r"am|le|el|em|op|den|dnia|in[ \t\u00a0]+data:?"))


def instagram_lines(text: str) -> list[re.Match[str]]:
    """Instagram's caption lines in a text, in order."""
    found = list(INSTAGRAM_RE.finditer(text))
    if "@" in text and any(verb in text for verb in OTHER_SHARED_BY):
        found = sorted(found + list(OTHER_INSTAGRAM_RE.finditer(text)), key=lambda m: m.start())
    return found


# A URL runs to a space, a quote or a bracket of markup; curly quotes, which no URL holds unencoded, end it too
# ("…/78’s", newuser31b §2), and so do Arabic and CJK punctuation and brackets ("…/4521،", "（…）", newuser33b §6),
# and the guillemets and low quotes of European languages, which open or close either way round (Danish "»…«",
# German "„…“", Swiss "‹…›": the Danish closing "«" was read into the URL and the post lost, review35r1).
URL_CHARS = r"[^\s<>\"'`\\’‘“”„«»‹›،؛؟۔。，、；：！？（）「」『』【】〈〉《》]"
URL_RE = LazyPattern(
    rf"(?:https?://|\bwww\.){URL_CHARS}+"
    rf"|(?<![\w.@/-])(?:[a-z0-9-]+\.)*(?:{platforms.DOMAIN_PATTERN})/{URL_CHARS}+"
    rf"|{platforms.bluesky.AT_URI_PATTERN}",
    re.IGNORECASE,
)
# Direction marks (Unicode Cf) Arabic and Hebrew copies put at a line's ends ("\u200f— Name (@h) …\u200f"): not words
# of a post, nor of its name (newuser33b #4: the post's text was the mark alone, its photo link a second embed).
MARKS = platforms.urls.DIRECTION_MARKS
# What a copy leaves inside a URL and no URL holds: a soft hyphen (PDF, word processors), the zero-width characters a
# CMS puts in so that a long link may break (newuser33b §8), and direction marks (`MARKS`), which scraped right-to-left
# text carries inside links ("t.me/\u200fchannel/1" lost the post, "tiktok.com/@\u200fname" failed the author check
# against "name": newuser39a #2). Skipped when the URL is read; the span keeps them, as written.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff" + MARKS
INVISIBLE_RE = LazyPattern(f"[{INVISIBLE}]")
# But one before a letter of a script no URL's path holds unencoded is a space between words: Thai, Khmer, Lao and
# Burmese write no spaces and put a zero-width one where a line may break, Persian a non-joiner ("…/4521\u200bแล้ว":
# the next words were read into the id, and the post was lost, review33r6's left alone). Not where those letters go on
# as the URL, to a "/" before any space: an IDN host's label ("https://例え\u200bば.jp/@jane/N") or a page's name
# ("facebook.com/ร้านอาหาร\u200bไทย/posts/N") was cut there and the post lost (sig35). Looked at for a path
# segment's length, so a long run of spaceless words costs each break no more.
# And one before "https://" parts two links, as "," does (`NEXT_URL_RE`): right-to-left copies end each line with a
# mark, and with the line break lost "…/4525\u200fhttps://t.me/…/4526" was one run and both posts vanished
# (review40a); not after "/" or "=", where a capture link or a query goes on with its inner URL.
WORD_BREAK_RE = LazyPattern(f"[{INVISIBLE}](?:(?=[^\\W\\d_\x00-\x7f])(?![^\\s/]{{0,64}}/[A-Za-z@])"
                            f"|(?<![/=\\s{INVISIBLE}].)(?=[{INVISIBLE}]*[Hh][Tt][Tt][Pp][Ss]?://))")
# A Wayback capture link written without its scheme ("web.archive.org/web/2026.../https://t.me/..."): the whole link,
# not its inner URL alone, so that the post is read as the capture it is (`platforms.archived_capture`). Looked for
# only in a text holding one: as a branch of URL_RE it made that pass a quarter slower on the corpus's texts.
BARE_CAPTURE_RE = LazyPattern(rf"(?<![\w.@/-])(?:web\.)?archive\.org/web/\d{URL_CHARS}+", re.IGNORECASE)
CAPTURE_MARK_RE = LazyPattern(r"archive\.org/web/\d", re.IGNORECASE)
# Telegram's app link to a channel's post, `tg://resolve?domain=<channel>&post=<n>` or a private channel's
# `tg://privatepost?channel=<chat>&post=<n>` (`tg:` with or without "//"): looked for only in a text holding "tg:".
APP_LINK_RE = LazyPattern(rf"(?<![\w.@/-])tg:(?://)?(?:resolve|privatepost)\?{URL_CHARS}+")
# A Mastodon post's URL written without its scheme on a host no platform owns ("hachyderm.io/@jane/<id>"), found
# from its path (#11): any host may be an instance, so only where "/@" or "/users/" stands, and the parser (the
# same as for the scheme form) decides. The host, with the port an instance may serve on, starts the run: not after
# "@" (an e-mail address followed by a path) or inside a longer URL's path.
BARE_INSTANCE_RE = LazyPattern(rf"(?<![\w.@/-])(?:[a-z0-9-]+\.)+[a-z]{{2,}}{platforms.mastodon.PORT_PATTERN}\Z",
                               re.IGNORECASE)
BARE_PATH_RE = LazyPattern(rf"/(?:(?:web/)?@[\w.-]+(?:@[\w.-]+)?|users/[\w.-]+/statuses|web/statuses)/\d{URL_CHARS}*")
# Where a run of text glued a URL to the next: ",https://" or ";https://" starts another URL (newuser31b §2).
NEXT_URL_RE = LazyPattern(r"[,;](?=https?://)", re.IGNORECASE)
# Zero-width characters too: a CMS puts one after a long URL so it may break (#15); no URL ends in one.
TRAILING_PUNCT = ".,;:!?'\"”’»…)]}\u200b\u200c\u200d\u2060\ufeff" + MARKS
HYPHENS = frozenset("-‐‑‒−")
NAME_PARTICLES = frozenset("de da di du del della der den van von ter la le al el bin ibn y e of the".split())
LEADING_RE = LazyPattern(rf"^[\s{MARKS}]+")
TRAILING_RE = LazyPattern(rf"[\s{MARKS}]+$")
# What ends the line of a signature dated in numbers ("— Jane Roe (@h) 12/09/2022"): blanks, direction marks and
# invisible characters, closing marks (the signed post quoted whole), and a link; first, the "م" Arabic writes after
# a Gregorian date ("هـ", a Hijri one's, is not: its year is no Common Era year) (review35r1).
_END_BLANKS = rf"[ \t\u00a0{MARKS}{INVISIBLE}]*"
NUMERIC_DATE_END_RE = LazyPattern(rf"م?{_END_BLANKS}[.)\]\"'”’»」』）]{{0,3}}{_END_BLANKS}"
                                 rf"(?:[(<]?https?://[^\s<>]+[)>]?{_END_BLANKS})?(?:\r?\n|\Z)")
BLOCK_REACH = 1200   # characters of lines a block is climbed through: a 280-character post with its links written out
BLUESKY_MAX_CHARS = 300   # a Bluesky post's limit (graphemes)
# Bluesky's embed code's "[image or embed]" link as a copy of it writes it: a line of its own under the words (a blank
# line between, as a browser copies the embed's text), right above the signature (newuser40a #7).
MEDIA_MARKER_LINE_RE = LazyPattern(r"(?:^|(?<=\n))[ \t]*(\[image or embed\])[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*\Z",
                                   re.IGNORECASE)


def _lstrip(words: str) -> str:
    """`words` without the blanks and direction marks before them."""
    return LEADING_RE.sub("", words)


def _strip(words: str) -> str:
    """`words` without the blanks and direction marks around them."""
    return TRAILING_RE.sub("", _lstrip(words))


def clean_url(raw: str) -> str:
    """Strip the punctuation prose puts after a URL; keep a closing parenthesis that the URL opened."""
    url = raw
    while url and url[-1] in TRAILING_PUNCT:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def find_urls(text: str) -> list[tuple[str, int, int]]:
    """Every URL-like run in prose, cleaned and with the characters no URL holds skipped (`INVISIBLE`), with its
    span in `text`."""
    if INVISIBLE_RE.search(text) is None:
        return _visible_urls(text)
    spaced = WORD_BREAK_RE.sub(" ", text)   # as long as `text`: its offsets are text's
    joiners = _host_joiners(spaced) if "\u200c" in spaced else frozenset()
    where = [at for at, char in enumerate(spaced) if char not in INVISIBLE or at in joiners]
    visible = "".join(spaced[at] for at in where) if joiners else INVISIBLE_RE.sub("", spaced)
    found = [(url, where[start], where[end - 1] + 1) for url, start, end in _visible_urls(visible)]
    # Where a zero-width space was the only thing parting words from a bare URL (Thai, Khmer, CJK: "見\u200bt.me/…"),
    # taking it out glued them and the URL was not found (review33r6): such a URL is read as written.
    read = Intervals((start, end) for _, start, end in found)
    found += [url for url in _visible_urls(text) if not read.overlaps(url[1], url[2])]
    return sorted(found, key=lambda url: url[1])


# An internationalised host's label, after "://": a ZWNJ inside one is a letter of its name, which IDNA2008 allows
# between Arabic-script letters and after a virama ("مثال\u200cنمونه.ir" and "مثالنمونه.ir" are two domains: skipped as
# a CMS's break point, the post was read on the other's; sig35's left alone).
HOST_RE = LazyPattern(r"(?<=://)[^\s/?#@]{1,253}")
ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
HOST_JOINER_RE = LazyPattern(f"(?<=[{ARABIC_SCRIPT}])\u200c(?=[{ARABIC_SCRIPT}])|(?<=[\u094d\u09cd\u0a4d\u0acd\u0b4d"
                            f"\u0bcd\u0c4d\u0ccd\u0d4d\u0dca])\u200c")


def _host_joiners(text: str) -> frozenset[int]:
    """Where a ZWNJ in `text` is a letter of a URL's host name (`HOST_JOINER_RE`), not a break to skip."""
    return frozenset(joiner.start() for host in HOST_RE.finditer(text) if "\u200c" in host.group(0)
                     for joiner in HOST_JOINER_RE.finditer(text, host.start(), host.end()))


def _visible_urls(text: str) -> list[tuple[str, int, int]]:
    """`find_urls` of a text holding no `INVISIBLE` character."""
    found = []
    for match in URL_RE.finditer(text):
        run, at = match.group(0), match.start()
        if "," in run or ";" in run:   # "…/78,https://youtu.be/…": two URLs, each its own (newuser31b §2)
            starts = [0, *(m.end() for m in NEXT_URL_RE.finditer(run))]
            pieces = [(run[a:b], at + a) for a, b in zip(starts, [*(s - 1 for s in starts[1:]), len(run)])]
        else:
            pieces = [(run, at)]
        for piece, begin in pieces:
            url = clean_url(piece)
            if len(url) > 8:
                found.append((url, begin, begin + len(url)))
    if "/@" in text or "/users/" in text or "/web/statuses/" in text:
        found = sorted(found + _bare_instance_urls(text, Intervals((start, end) for _, start, end in found)),
                       key=lambda f: f[1])
    if CAPTURE_MARK_RE.search(text):
        found = _with_bare_captures(text, found)
    if "tg:" in text:
        found = _with_app_links(text, found)
    return found


def _with_app_links(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """`found` with Telegram's app links to a post (`tg://resolve?domain=…&post=…`, `tg://privatepost?…`), which
    `platforms.parse_url` reads as the post's t.me URL (fixleft46c); any other tg: link is left to it to refuse."""
    taken = Intervals((start, end) for _, start, end in found)
    links = [(url, match.start(), match.start() + len(url)) for match in APP_LINK_RE.finditer(text)
             if match.start() not in taken and len(url := clean_url(match.group(0))) > 8]
    return sorted(found + links, key=lambda f: f[1]) if links else found


def _with_bare_captures(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """`found` with each capture link written without its scheme in place of the URLs found inside it (not one
    inside another URL's query: that URL stays as found)."""
    taken = Intervals((start, end) for _, start, end in found)
    captures = [(url, match.start(), match.start() + len(url)) for match in BARE_CAPTURE_RE.finditer(text)
                if match.start() not in taken and len(url := clean_url(match.group(0))) > 8]
    if not captures:
        return found
    inside = Intervals((start, end) for _, start, end in captures)
    return sorted([f for f in found if f[1] not in inside] + captures, key=lambda f: f[1])


def _bare_instance_urls(text: str, taken: Intervals) -> list[tuple[str, int, int]]:
    """Schemeless URLs on any host whose path is a Mastodon post's shape, outside the URLs already found."""
    found = []
    for marker in ("/@", "/users/", "/web/"):   # /web/: the old web UI's links (newuser36 #4)
        at = text.find(marker)
        while at >= 0:
            path = BARE_PATH_RE.match(text, at)
            host = BARE_INSTANCE_RE.search(text, max(0, at - 253), at) if path else None
            if path and host and host.start() not in taken:
                url = clean_url(text[host.start():path.end()])
                found.append((url, host.start(), host.start() + len(url)))
            at = text.find(marker, at + 1)
    return found


def _link_lists(snippet: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(media_links, links) in a tweet's text: pic.twitter.com links are media, the rest are links. A media link whose
    code is shorter than a t.co code and that "…" may have cut, or a line break wrapped, is left out: media links
    carry no doubt, and its code may be only the start of the link's (fixnu33c's left alone)."""
    media, links = [], []
    for url, _, end in find_urls(snippet):
        ref = x.parse_url(url)
        if ref is not None and ref.kind == "media-link":
            if _media_cut(snippet, ref, end) is not None:
                continue
            media.append(ref.url)
        else:
            links.append(url if "://" in url else "https://" + url)
    return tuple(dict.fromkeys(media)), tuple(dict.fromkeys(links))


def _is_name_token(token: str) -> bool:
    """Does a word look like part of a display name (capitalised, non-Latin, emoji, initial)?"""
    core = token.strip(",'’\"“”")
    if not core:
        return False
    if core[-1] in ".!?:;" and not re.fullmatch(r"[A-Z]\.|(?:Jr|Sr|Dr|St|Mr|Mrs|Ms)\.", core):
        return False
    if core.isdigit():
        return False   # "... will always be 404 (@handle)": a number ends the text, it is no name
    if core in HYPHENS:
        return False   # a dash turned into a hyphen ("text - Name (@handle)") marks where the name starts
    first = core[0]
    if first.isupper():
        return True
    if first.isalpha() and not first.isascii() and not first.islower():
        return True   # scripts without case: Hebrew, Arabic, CJK...
    if not first.isalnum() and first not in "([{<":
        return True   # emoji and symbols people put in names
    return False


def _name_without_dash(before: str) -> str:
    """The display name at the end of `before` when no dash marks where it starts: the trailing run of name words."""
    tokens = before.split()
    taken: list[str] = []
    for token in reversed(tokens):
        if len(taken) >= MAX_NAME_WORDS:
            break
        if _is_name_token(token):
            taken.append(token)
        elif token.lower() in NAME_PARTICLES and taken:
            taken.append(token)
        else:
            break
    while taken and taken[-1].lower() in NAME_PARTICLES:
        taken.pop()
    return " ".join(reversed(taken))


MAX_NAME_WORDS = 6   # `_name_without_dash` reads no longer a name


def _dashless_name(before: str, handle: str, known: Callable[[], dict[str, set[str]]]) -> tuple[str, bool]:
    """(name, sure) at the end of `before` with no dash: the trailing run of name words, and whether its start is
    told from the post's words. It is when a word that is no name word ends the post before it ("open. Ann
    Example"), the run is one word, or its first word is in the handle ("Ann Example (@ann_ex)"). A run from the
    line's start, or as long as a name is read, may hold a short capitalised post ("Breaking News Ann Example",
    left28): it is cut where the article names the account with a dash elsewhere (`known`: handle -> names), else
    left whole and not sure."""
    name = _name_without_dash(before[-120:])
    words = name.split()
    rest = before.rstrip()[:-len(name)].split() if name else []
    if len(words) <= 1 or rest and len(words) < MAX_NAME_WORDS and not _is_name_token(rest[-1]):
        return name, True
    for start in range(1, len(words)):
        if " ".join(words[start:]) in known().get(handle.lower(), ()):
            return " ".join(words[start:]), True
    first = re.sub(r"\W", "", words[0]).lower()
    return name, len(first) >= 2 and first in handle.replace("_", "").lower()


# A byline's words before the writer's name: "By", "Written by", "Posted by" (review29c).
BYLINE_RE = LazyPattern(r"(?:(?:written|posted|reported|reporting|words|story|text|published|compiled)\s+)?by\s+"
                        r"(?P<name>\S.*)", re.IGNORECASE | re.DOTALL)


def _is_byline(line: str, name: str) -> bool:
    """Is a line before a signature with no dash a byline, its byline words then the name and nothing else ("By
    Jane Doe", "Written by Jane Doe")? A tweet's signature has the post's words before its name on that line, or
    none, never "By" ("Great shot by Jane Doe" is a post's words)."""
    byline = BYLINE_RE.fullmatch(line.strip())
    return byline is not None and bool(name) and name.endswith(byline.group("name"))


def _dashed_names(text: str) -> dict[str, set[str]]:
    """Each handle's display names as the text's signatures with a dash write them (handle in lower case)."""
    names: dict[str, set[str]] = {}
    for match in SIGNATURE_RE.finditer(text):
        low = max(0, match.start() - 120)   # the line's last 120 characters, looked back through no further (#14)
        before = text[text.rfind("\n", low, match.start()) + 1 or low: match.start()]
        dash = _last_dash(before)
        if dash is not None and (name := before[dash[0] + len(dash[1]):].strip()):
            names.setdefault(match.group("handle").lower(), set()).add(name)
    return names


def _last_dash(line: str) -> tuple[int, str] | None:
    positions = [(line.rfind(d), d) for d in DASHES]
    best = max(positions, key=lambda p: p[0])
    return best if best[0] >= 0 else None


def _double_space(line: str) -> tuple[int, str] | None:
    """Scrapers that drop the dash often leave the two spaces around it: 'text.  Koren pollitt (@h)'."""
    return _gap_before_name(line, r"[ \t\u00a0]{2,}")


def _gap_before_name(line: str, gap: str) -> tuple[int, str] | None:
    """(where, what) of the last `gap` (a pattern) on a line whose words after it may be a name: a dash's trace."""
    found = None
    for match in re.finditer(gap, line):
        found = match
    if found is None:
        return None
    words = line[found.end():].split()
    if not words or len(words) > 6:
        return None
    for word in words:   # a sentence end inside means prose, but "J.", "Mrs." and "?Chris?" (emoji lost) are names
        if word[-1] in ".!?:;" and not re.fullmatch(r"[A-Z][a-z]{0,2}\.", word) and word[0].isalnum():
            return None
    return found.start(), found.group(0)


# The hyphen a copy folding the dash to ASCII leaves between the post's words and the name ("… Monday. - Jane Roe
# (@h)"); words before it on the line, as a list's "- Jane Roe (@h)" has none (review35r1).
SPACED_HYPHEN = rf"(?<=\S){SP}+[{re.escape(''.join(sorted(HYPHENS)))}]{SP}+"


def _spaced_hyphen(line: str) -> tuple[int, str] | None:
    """The hyphen a copy made of a signature's dash (`SPACED_HYPHEN`), a name's words after it, not numbers alone
    ("Riverton 3 - 1 (@h)" is a score's)."""
    found = _gap_before_name(line, SPACED_HYPHEN)
    words = line[found[0] + len(found[1]):].split() if found is not None else []
    return found if any(not word.strip(TRAILING_PUNCT + "(").isdigit() for word in words) else None


def _credit_label(words: str, name: str) -> bool:
    """Does a credit's label ("Photo:", "Photo by", "Credit:", `credits.PREFIX`) open a signature's `name` ("— Photo:
    Jane Roe (@jane) …") or end the `words` right before it, with no dash between ("… hall. Photo: Jane Roe (@jane)
    …")? Then the line credits a photo, and names no post (review35r1's left alone: a post named "Photo: Jane Roe").
    Only a label a name follows, ending in a colon, "=" or a word such as "by" (`LABEL_ENDS`): a display name merely
    starting with the word ("Photo Booth Co") or a post's words ending in it ("… this screenshot") is no label."""
    from resolver.extract.credits import PREFIX_RE   # credits reads this module's names: imported when first asked

    if _label_at(PREFIX_RE, name):
        return True
    tail = words.rstrip()[-40:]
    return any(_label_at(PREFIX_RE, tail[at:], whole=True) for at in range(len(tail)) if at == 0 or tail[at - 1] == " ")


LABEL_ENDS = (":", "：", "=", "＝", " by", " via", " of", " courtesy", " credit", " credits", " copyright", " read")


def _label_at(label: re.Pattern[str], words: str, *, whole: bool = False) -> bool:
    """Does `label` match at the start of `words` (all of them when `whole`), ending in one of `LABEL_ENDS`?"""
    found = label.match(words)
    if found is None or not found.group(0).lower().rstrip().endswith(LABEL_ENDS):
        return False
    return found.end() == len(words) if whole else True


LIST_MARKS = (*DASHES, *HYPHENS)   # what a list's items start with, as a signature's line may
# A bullet a list's item starts with, then a blank ("• Jane Roe (@jane) March 3, 2024"; "*" of Markdown): no name's
# first word (it was read into the name, "• Jane Roe", and the list as posts: sig36's left alone, sig37)
BULLET_RE = LazyPattern(r"[•●◦▪▫‣∙·⁃*][ \t\u00a0\u202f]+")


def _dash_led(line: str) -> bool:
    """Does a line start with a dash, a hyphen or a bullet (blanks and direction marks before it aside)?"""
    line = _lstrip(line)
    return line.startswith(LIST_MARKS) or BULLET_RE.match(line) is not None


def _unbulleted(name: str) -> str:
    """A dashless name without the list's bullet a line gave it ("• Jane Roe" -> "Jane Roe")."""
    bullet = BULLET_RE.match(name)
    return name[bullet.end():] if bullet is not None else name


def _listed(text: str, line_start: int, before: str) -> bool:
    """Is a signature's line, starting at `line_start` with `before` up to its handle, an item of a list: it starts
    with a dash or a bullet (`_dash_led`), and so does the line above it holding a handle in brackets and a date's
    start ("– Jane Roe (@jane) March 3, 2024"), or the line below, when the one above is a list's lead-in (ending in
    ":") or none? Blank lines between are skipped (sig37). A flattened post's signature has the post's words (or its
    photo link) above it, never another signature with none between (review35r1's left alone); words above the first
    item are a post's unless they end in ":". Looked through for a post's reach at most (#14)."""
    if not _dash_led(before):
        return False
    above = None
    if line_start > 0:
        end, floor = line_start - 1, max(0, line_start - 1 - BLOCK_REACH)
        while True:   # blank lines between items are skipped (a Markdown or a CMS's list, sig37)
            top = text.rfind("\n", floor, end)
            if top < 0 and floor > 0:
                return False   # lines longer than a post's reach above: no list's item
            above = text[top + 1: end]
            if above.strip() or top < 0:
                break
            end = top
    if above is not None and _list_item(above):
        return True
    if above is not None and above.strip() and not _strip(above).endswith((":", "：")):
        return False
    end = text.find("\n", line_start, line_start + BLOCK_REACH)
    while end >= 0:
        below_end = text.find("\n", end + 1, line_start + 2 * BLOCK_REACH)
        below = text[end + 1: below_end if below_end >= 0 else line_start + 2 * BLOCK_REACH]
        if below.strip():
            return _list_item(below)
        end = below_end
    return False


def _list_item(line: str) -> bool:
    """Is a line a list's item of a handle and a date: it starts with a dash and holds "(@handle) " and a date's
    start (`SIGNATURE_START_RE`)?"""
    return _dash_led(line) and SIGNATURE_START_RE.search(line) is not None


def _paragraphs_by_blank_lines(text: str) -> bool:
    """Does the document separate paragraphs with blank lines (then a tweet is a block) or single newlines (a line)?"""
    return len(re.findall(r"\n[ \t\r]*\n", text)) >= 2   # a CRLF document's blank line is "\r\n\r\n"


HEADING_RE = LazyPattern(r"#{1,6}[ \t]")   # a Markdown heading line ends the block under it


def _line_above(text: str, start: int) -> tuple[int, str] | None:
    """(start, words) of the line ending just before offset `start` (a line start), or None at the top."""
    if start <= 0:
        return None
    above_start = text.rfind("\n", 0, start - 1) + 1
    return above_start, text[above_start: start - 1]


def _ends_a_block(above: tuple[int, str] | None, floor: int) -> bool:
    """Is this line above a post a sure boundary: none, blank, a heading, or the previous signature's line?"""
    return above is None or not above[1].strip() or above[0] < floor or bool(HEADING_RE.match(above[1].lstrip()))


def _block_start(text: str, start: int, end: int, floor: int, *, longest: int = 0) -> int:
    """Where the block holding the line at `start` begins: lines are climbed up to a blank line, a heading or the
    previous signature (`floor`, where it ends), as a blank-line document shows a multi-line post (#10), through
    BLOCK_REACH characters or a post's `longest` (`tweet_text.longest_on`): a long post's first lines were cut."""
    while end - start < max(BLOCK_REACH, longest):
        above = _line_above(text, start)
        if above is None or _ends_a_block(above, floor):
            return start
        start = above[0]
    return start


def _set_off(text: str, start: int) -> bool:
    """Is the line above the one at `start` blank, a heading, or none: a paragraph break a blank-line document shows?"""
    above = _line_above(text, start)
    return above is None or not above[1].strip() or bool(HEADING_RE.match(above[1].lstrip()))


SHORT_PARAGRAPH_WORDS = 5   # a paragraph this short (links aside) may end a post with a blank line inside


def _may_go_on_above(text: str, top: int, snippet: str, floor: int, limit: int) -> bool:
    """Is `snippet`, a block starting at `top` under a blank line, perhaps a post's last paragraph ("BREAKING: …" /
    blank / "More to follow." / signature)? When it is short and the paragraph above is words that fit in one post
    with it (`limit`: characters a post of its date holds): not when that is the previous signature, a heading, or
    too long to share a post with it (prose)."""
    if len(tweet_text.LINK_RE.sub("", snippet).split()) > SHORT_PARAGRAPH_WORDS:
        return False
    end = top
    while (above := _line_above(text, end)) is not None and not above[1].strip():
        end = above[0]
    if end == top or above is None or _ends_a_block(above, floor):
        return False
    start = _block_start(text, above[0], end, floor)
    return not tweet_text.too_long(text[start:end].strip() + "\n\n" + snippet, limit=limit)


def _tweet_text_above(text: str, line_start: int, blocks: bool, floor: int, *, one_block: bool = False,
                      limit: int = tweet_text.MAX_TWEET_CHARS, longest: int = 0) -> tuple[str, int, bool] | None:
    """(text, start, sure) of the post in the lines just above a signature line: the whole block in blank-line
    documents; one line in single-newline ones, where a line of words above it may be prose or the post's own
    first line, so its start is not sure. A block of several lines is sure only when blank lines set it off above
    and below (or the markup does: `one_block`): else that stretch of the text has one paragraph a line, and its
    first lines may be prose."""
    end = line_start
    breaks = 0
    while end > 0 and text[end - 1] in "\r\n \t" + MARKS:
        end -= 1
        breaks += text[end] == "\n"
    gap = breaks > 1   # a blank line between the text and its signature ("\n\n", "\r\n\r\n")
    if gap and not blocks:
        return None   # a blank line right above: no text to take
    if end == 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    if start < floor:
        return None   # the line above is the previous signature's own
    if blocks:
        top = _block_start(text, start, end, floor, longest=longest)
        # newuser27 finding 6: a live blog's prose line above a post; a post's "More to follow." under a blank line
        sure = one_block or (top == start or gap and _set_off(text, top)) \
            and not _may_go_on_above(text, top, text[top:end].strip(), floor, limit)
        start = top
    else:
        sure = _ends_a_block(_line_above(text, start), floor)
    snippet = _strip(text[start:end]).replace("\r\n", "\n")   # a CRLF document's lines, as a LF one's
    return (snippet, start + (len(text[start:end]) - len(_lstrip(text[start:end]))), sure) if snippet else None


def _date_start(match: re.Match[str]) -> int:
    """Where a signature's date starts: at its weekday, where one is written before it ("Monday, September 12, 2022")."""
    return match.start("weekday") if match.group("weekday") else match.start("date")


def _signature_date(match: re.Match[str], text: str, langs: Sequence[str | None],
                    memo: list[tuple[str, ...]]) -> str | None:
    """A signature's ISO date (`_signature_day`); None where the weekday written before it is another day's
    ("Sunday, September 12, 2022": which of the two is wrong, the words do not say; the date check names it,
    newuser46a #11)."""
    day = _signature_day(match, text, langs, memo)
    if match.group("weekday") and day is None:   # "Mo., 12.09.2022": its weekday reads it (review47b)
        return weekday_reading(text[_date_start(match):match.end("date")])
    if match.group("weekday") and weekday_turned(text[_date_start(match):match.end("date")], day):
        return None
    return day


def _signature_day(match: re.Match[str], text: str, langs: Sequence[str | None],
                   memo: list[tuple[str, ...]]) -> str | None:
    """A signature's ISO date; a month word of two languages ("listopada": Croatian October, Polish November) is read
    by `langs` and the languages of the text's other dates (`dates.date_languages`, read once into `memo`), else not
    at all: the date check names both readings (review32r4, dates33). A dotted numeric date both orders read
    ("12.09.2022") is read day first where `langs` write it so or the text's other dates write their day first
    (`dates.written_day_first`: "12. September 2022" above it), else not at all (newuser46a #8)."""
    if match.group("s6") == ".":   # "12.09.2022"
        # the page's language reads it only where no other date of the text writes its month first (review46g)
        return iso_from_match(match) or iso_from_match(match, day_first=written_day_first(text) or (
            any(map(dots_day_first, langs)) and not written_month_first(text)))
    if not is_ambiguous(match):
        return iso_from_match(match)
    if not memo:
        memo.append(date_languages(text))
    return iso_from_match(match, langs=(*langs, *memo[0]))


# A signature's handle holding a letter beyond ASCII: "(@river_dеsk)", a Cyrillic е (`disguised_handles`).
DISGUISED_HANDLE_RE = LazyPattern(r"\([@＠](?P<handle>[^\s()@＠]{1,64})\)")
# The zero-width characters a CMS puts in for a line break, or a copy keeps (U+200B, U+200C, U+200D, U+2060,
# U+FEFF), and direction marks, inside a handle: no handle holds one. A signature's was lost, no word said; a status
# link's was read without them, unsaid (review43b43). Each is read without them, and said.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
ZERO_WIDTH_RE = LazyPattern(f"[{ZERO_WIDTH}]")
_UNSEEN_IN_HANDLE = ZERO_WIDTH + MARKS
_UNSEEN_IN_HANDLE_RE = LazyPattern(f"[{_UNSEEN_IN_HANDLE}]")


def disguised_handles(text: str) -> dict[int, tuple[str, str]]:
    """{where: (the handle as written, as it looks)} for each signature's handle written with look-alike letters of
    another script or full-width ones ("river_dеsk", "ｒiver_desk" for river_desk), or with zero-width characters or
    direction marks inside it ("river\u200b_desk", which looks river_desk; those around it are the signature's, read
    as such); a name all in another script ("Река") is a name of its own. Each letter as it looks is one: where
    characters were unseen, `as_read` makes up the difference."""
    import unicodedata

    from resolver.platforms import lookalike

    found = {}
    for match in DISGUISED_HANDLE_RE.finditer(text):
        start, written = match.start("handle"), match.group("handle")
        if written.isascii():
            continue
        bare = written.strip(MARKS)
        start += len(written) - len(written.lstrip(MARKS))
        unseen = _UNSEEN_IN_HANDLE_RE.sub("", bare)
        seen = "".join(unicodedata.normalize("NFKC", c) if "FULLWIDTH" in unicodedata.name(c, "") else c
                       for c in lookalike.as_seen(unseen))
        if seen != bare and len(seen) == len(unseen) and seen.isascii() and x.HANDLE_RE.fullmatch(seen) \
                and any(c.isascii() and c.isalpha() or "FULLWIDTH" in unicodedata.name(c, "") for c in unseen):
            found[start] = (bare, seen)
    return found


def as_read(text: str, disguised: dict[int, tuple[str, str]]) -> str:
    """`text` with each handle of `disguised` as it looks, as long as written: a mark before it for each character
    unseen ("(@\u200e\u200eriver_desk)"), which the signature's head reads past."""
    seen = list(text)
    for at, (written, looks) in disguised.items():
        seen[at:at + len(written)] = "\u200e" * (len(written) - len(looks)) + looks
    return "".join(seen)


def find_signatures(text: str, *, skip: Sequence[tuple[int, int]] = (), one_block: bool = False,
                    langs: Sequence[str | None] = ()) -> list[Embed]:
    """Flattened tweet (and Bluesky) embeds: text, then '— Name (@handle) Month D, YYYY', dash and newline optional.
    `one_block`: the text is one HTML element's, whose markup bounds the lines above a signature as the post's.
    `langs`: the languages its dates may be written in (the page's), which with the text's other dates read a month
    word of two languages (`dates.month_number`). A signature naming a look-alike account ("(@river_dеsk)") is read
    as the account it passes for, then said, with no account named (review43b: it gave no embed and no word); one
    with zero-width characters inside its handle is read without them, and said (review43b43)."""
    disguised = {} if text.isascii() else disguised_handles(text)
    if not disguised:
        return _find_signatures(text, skip=skip, one_block=one_block, langs=langs)
    found = _find_signatures(as_read(text, disguised), skip=skip, one_block=one_block, langs=langs)
    return [_disguise_said(embed, disguised) for embed in found]


def _disguise_said(embed: Embed, disguised: dict[int, tuple[str, str]]) -> Embed:
    """A signature's embed whose handle was written with look-alike letters: the account not named, the disguise said;
    the post kept where a link names it by its id. One written with zero-width characters inside: read without them,
    and said."""
    start, end = embed.span
    for at, (written, looks) in disguised.items():
        if not (start <= at < end and embed.author_handle is not None
                and embed.author_handle.casefold() == looks.casefold()):
            continue
        shown = _UNSEEN_IN_HANDLE_RE.sub(lambda m: f"<U+{ord(m[0]):04X}>", written)
        unseen = "; ".join(dict.fromkeys(f"{_char_name(c)} U+{ord(c):04X}" for c in written if c in _UNSEEN_IN_HANDLE))
        letters = _UNSEEN_IN_HANDLE_RE.sub("", written)
        if letters == looks:   # no look-alike letter: the account it names, its unseen characters said
            doubt = (f"its signature writes the handle with {unseen} inside it (@{shown}), which no handle holds: read "
                     f"as @{looks} without it")
            return replace(embed, id_doubt="; ".join(filter(None, (doubt, embed.id_doubt))))
        why = "; ".join(dict.fromkeys(f"{_char_name(c)} U+{ord(c):04X} in place of {s}"
                                      for c, s in zip(letters, looks) if c != s))
        doubt = (f"its signature names the account @{letters} ({why}), which passes for @{looks}: no X account is "
                 "spelt so" + (f"; and writes it with {unseen} inside it (@{shown}), which no handle holds"
                               if unseen else "")
                 + (f"; the post is read by its id, not as {looks}'s" if embed.post_id else ""))
        return replace(embed, author_handle=None, url=embed.url.replace(looks, letters) if not embed.post_id
                       else embed.url, id_doubt="; ".join(filter(None, (doubt, embed.id_doubt))))
    return embed


def _unseen_in_link(written: str, handle: str) -> str | None:
    """What a link written with zero-width characters inside its handle ("twitter.com/river\u200b_desk/status/N")
    hides there, said; None when its handle holds none."""
    if ZERO_WIDTH_RE.search(written) is None:
        return None
    spelt = re.search(f"[{ZERO_WIDTH}]*".join(map(re.escape, handle)), written, re.IGNORECASE)
    inside = spelt[0] if spelt is not None else ""
    if not ZERO_WIDTH_RE.search(inside):
        return None
    unseen = "; ".join(dict.fromkeys(f"{_char_name(c)} U+{ord(c):04X}" for c in inside if c in ZERO_WIDTH))
    shown = ZERO_WIDTH_RE.sub(lambda m: f"<U+{ord(m[0]):04X}>", inside)
    return (f"its link writes the handle with {unseen} inside it ({shown}), which no handle holds: read as "
            f"{ZERO_WIDTH_RE.sub('', inside)} without it")


def _char_name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, f"U+{ord(char):04X}")


def _find_signatures(text: str, *, skip: Sequence[tuple[int, int]] = (), one_block: bool = False,
                     langs: Sequence[str | None] = ()) -> list[Embed]:
    embeds = []
    blocks = _paragraphs_by_blank_lines(text)
    previous_end = 0
    skipped = Intervals(skip)
    earlier: list[str] = []   # the texts of the posts above
    dashed: list[dict[str, set[str]]] = []
    text_languages: list[tuple[str, ...]] = []   # the languages of the text's dates, read once, where needed

    def known_names() -> dict[str, set[str]]:   # read once, and only for a name that needs it (rare)
        if not dashed:
            dashed.append(_dashed_names(text))
        return dashed[0]
    for match in SIGNATURE_RE.finditer(text):
        if match.start() in skipped:
            continue
        handle = match.group("handle")
        platform = _signature_platform(handle)
        too_long = platform is None and _longer_than_x_allows(handle)
        if too_long:   # X's signature, a handle no X account has: the post kept, the account not named (fix48a)
            platform = x.PLATFORM
        elif platform is None:
            continue
        link = _url_at(text, match.start("url")) if match.group("url") else None   # read as in prose (review33r6)
        dated_end = match.end("time") if match.group("time") else match.end("date")
        # Inline signatures follow each other ("... 2017Next tweet text  Name (@h) ..."): start after the last one.
        # Looked back for to the previous signature only: from the text's start, each of many handles on one long
        # line read all of it (review35r1)
        line_start = text.rfind("\n", previous_end, match.start()) + 1 or previous_end
        floor, previous_end = previous_end, match.end()   # a post's lines never reach above the previous signature
        before = text[line_start: match.start()]
        dashed_line = _last_dash(before[-120:])
        dash = dashed_line or _double_space(before[-120:])
        if match.group("wrap") and (dashed_line is None or not WRAPPED_DATE_END_RE.match(text, match.end())):
            continue   # "Jane Roe (@jane)⏎March 4, 2024": an article's header as likely as a post's signature; a date
            # the line goes on after ("…(@jane)⏎March 4, 2024 was the day", "2024-03-04: the vote") is prose's
        if _dateline(text, match.end()) and _own_post(link, platform, handle) is None \
                and not _signs_a_link(before[-120:], dash):
            continue   # "RIVERTON (@RivertonNews) September 12, 2022 — The mayor said…": a dateline's date goes on
            # with a dash and the story; a signature's ends the embed (sig35's left alone)
        if not in_words(match) and _own_post(link, platform, handle) is None and (
                not _ends_its_line(text, match.end())
                or dashed_line is None and _spaced_hyphen(before[-120:]) is None):
            continue   # "RIVERTON (@RivertonNews) 12.09.2022 — …", "(Photo: Jane Roe (@jane) 25/09/2022)": X dates a
            # signature in words; numbers, or no day, with no dash (or the hyphen a copy made of it) are a
            # dateline's, a caption's (review34r3); and numbers the line goes on after, a version's or prose's
            # ("— Acme Bot (@acmebot) 3.11.10 fixes the parser", review35r1)
        date = _signature_date(match, text, langs, text_languages)
        if link is None:
            link = _own_link_below(text, match.end(), platform, handle, date)
        below = _link_below(text, match.end(), platform, handle, date, own=False) if link is None else None
        if below is None and link is None and platform == x.PLATFORM:   # a post of another day under it (t21)
            below = _link_below(text, match.end(), platform, handle, date, own=None)
        limit = tweet_text.limit_on(date) if platform == "twitter" else BLUESKY_MAX_CHARS
        longest = tweet_text.longest_on(date) if platform == "twitter" else BLUESKY_MAX_CHARS
        name_sure = True
        if dash is not None:
            offset = len(before) - len(before[-120:]) + dash[0]
            name = _strip(before[offset + len(dash[1]):])
            inline_text = _strip(before[:offset])
            text_end_in_line = offset
            if _is_byline(name, name) and _own_post(link, platform, handle) is None:
                continue   # "Politics — By Jane Roe (@jane) May 1, 2024": a section's name, the writer (review34r3)
        else:
            name, name_sure = _dashless_name(before, handle, known_names)
            cut = before.rstrip()
            text_end_in_line = len(cut) - len(name) if name and cut.endswith(name) else len(cut)
            name = _unbulleted(name)   # "• Jane Roe": the bullet is the line's, neither name nor words (sig37)
            head = before[:text_end_in_line].rstrip()
            if head[-1:] in HYPHENS and (len(head) == 1 or head[-2].isspace()):
                text_end_in_line = len(head) - 1   # the hyphen a dash was turned into is not the post's
            inline_text = _strip(before[:text_end_in_line])
            if _is_byline(before, name) and _own_post(link, platform, handle) is None:
                continue   # "By Jane Doe (@jane) May 1, 2024": the article's writer, no post (review29c)
        label_words = "" if dash is not None else before[:text_end_in_line]   # a label right before the name
        if _credit_label(label_words, name) and _own_post(link, platform, handle) is None:
            continue   # "Protesters at the hall. — Photo: Jane Roe (@jane) March 3, 2024": a photo's credit (sig36)
        if not inline_text and _listed(text, line_start, before) and _own_post(link, platform, handle) is None:
            continue   # "Sources:⏎– Jane Roe (@jane) March 3, 2024⏎– John Doe (@john) March 4, 2024": a list (sig36)
        body: str | None
        confidence = marker = None
        if inline_text:
            body, body_start = inline_text, line_start + (len(before) - len(_lstrip(before)))
            top = None
            if blocks and line_start > floor:   # the post's earlier lines, in the block above (#10)
                top = _block_start(text, line_start, line_start + text_end_in_line, floor, longest=longest)
                block = text[top: line_start + text_end_in_line]   # not text[top:]: a copy of the rest per post (#12)
                body, body_start = _strip(block), top + len(block) - len(_lstrip(block))
            prose_end, confidence = tweet_text.start_of_tweet(body, after_post=0 < floor == line_start, longest=longest)
            quoted = _earlier_post_opening(body[prose_end:], earlier[-RECENT_POSTS:])
            if quoted:
                prose_end, confidence = prose_end + quoted, tweet_text.UNCERTAIN
            rest = body[prose_end:]
            body_start += prose_end + len(rest) - len(_lstrip(rest))
            body = _strip(rest).replace("\r\n", "\n") or None
            if body and "\n" in body and not one_block:   # lines no blank line sets off: they may be prose
                confidence = tweet_text.UNCERTAIN
            elif body and top is not None and not prose_end and not one_block \
                    and _may_go_on_above(text, top, body, floor, limit):
                confidence = tweet_text.UNCERTAIN   # "More to follow. — Name (@h) …" under a post's first paragraph
            elif body and not blocks and line_start > floor and not _ends_a_block(_line_above(text, line_start), floor):
                confidence = tweet_text.UNCERTAIN   # one paragraph a line: the line of words above may be the post's
        else:
            words_end = line_start
            if platform == "bluesky" and (marked := MEDIA_MARKER_LINE_RE.search(text, floor, line_start)):
                # the embed code's "[image or embed]" line is no word of the post: its words are above it
                words_end, marker = marked.start(), marked.group(1)
            above = _tweet_text_above(text, words_end, blocks, floor, one_block=one_block, limit=limit,
                                      longest=longest)
            body, body_start, sure = above if above else (None, line_start, True)
            if body:
                confidence = tweet_text.UNCERTAIN if tweet_text.too_long(body) or not sure else tweet_text.HIGH
        if body and platform == "bluesky" and (tail := EMBED_CODE_TAIL_RE.search(body)):
            # "…observers.⏎[image or embed]": the marker right under the words, no word of them
            marker, body = tail.group().strip(), body[:tail.start()] or None
        if body and not name_sure:
            confidence = tweet_text.UNCERTAIN   # the post's words may be in what was read as the name (left28)
        media, links = _link_lists(body or "")
        post_id = doubt = None
        url = _profile_url(platform, handle)
        own = _own_post(link, platform, handle)
        by_did = own is None and link is not None and by_did_that_day(link[1], platform, date)
        own = link[1] if by_did and link is not None else own
        # the link after the date, else one a scraped copy put inside the signed words (newuser34 #4)
        reading = link if own is not None else _own_post_in_words(body or "", platform, handle, date)
        ref = reading[1] if reading is not None else None
        said_date = text[_date_start(match):dated_end].strip()
        if reading is not None and ref is not None and ref.post_id:
            post_id, url = ref.post_id, x.status_url(ref.post_id, handle) if platform == "twitter" else ref.url
            doubt = reading[2]   # "…/status/1765…": cut short; "…/17651234⏎5678…": wrapped
            if own is not None and platform == x.PLATFORM:   # right after the date: of that day? (t21)
                doubt = "; ".join(filter(None, (_another_day(ref, date, said_date), doubt))) or None
            if by_did:
                doubt = "; ".join(filter(None, [account_by_did(ref.author_handle or "", handle), doubt]))
        elif platform == x.PLATFORM and (other := below or _own_post_in_words(body or "", platform, handle, date,
                                                                               mine=False)) is not None:
            # Another account's post of the signature's day, linked at the end of the signed words or alone under the
            # signature: the post's candidate, fetched and held against the signature (newuser37 §6: folded into
            # the words, never tried, and the signature's account searched instead). Its URL is the link's. So is a
            # post of another day alone under it, the account's or another's (t21: its own embed, no conflict said).
            named = other[1]
            post_id, url = named.post_id, x.status_url(named.post_id or "", named.author_handle)
            mine = is_own_post(named, platform, handle)
            doubt = _another_day(named, date, said_date, None if mine else named.author_handle, handle) \
                or another_accounts_link(named.author_handle or "", handle)   # or the post it quotes: checks warn
        elif link is None and below is None and platform in (platforms.mastodon.PLATFORM, platforms.bluesky.PLATFORM):
            doubt = _kept_apart(text, match.end(), platform, handle, date, said_date)
        # Another account's link right after the date, or another platform's, is not the signature's: it stays in the
        # text, its own embed.
        end = link[3] if own is not None and link is not None else below[3] if below is not None and post_id \
            else dated_end
        previous_end = max(previous_end, end)   # the next post's lines start below a link wrapped onto the next line
        if body:
            earlier.append(body)
        if too_long:
            doubt = "; ".join(filter(None, (_too_long_said(handle), doubt)))
        embeds.append(Embed(
            platform=platform, kind="post", url=url, detector="text-signature", span=(body_start, end),
            post_id=post_id, author_handle=None if too_long else handle, author_name=name or None,
            date_text=text[_date_start(match):dated_end].strip(), date=date, text=body,
            text_confidence=confidence if body else None, media_links=media, links=links, id_doubt=doubt,
            media_marker=marker,
        ))
    return embeds


# A dash after a date, then the words of a story: a dateline's ("RIVERTON (@RivertonNews) September 12, 2022 — The
# mayor said…"). X's widget ends its signature with the date ("— Name (@h) <a>March 19, 2018</a></blockquote>"), and
# the corpus's 392 posts hold no signature whose date a dash follows (sig36).
DATELINE_DASH_RE = LazyPattern(
    rf"{SP}*(?:(?:{'|'.join(re.escape(d) for d in DASHES)}|(?<=[ \t\u00a0\u202f])[{re.escape(''.join(sorted(HYPHENS)))}])"
    rf"{SP}+|[:：]{SP}*)(?!https?://|www\.)[\w\"“„«»'‘(]")   # a link there is the post's, as copies put it: no story
# (a colon goes on as a dash does: "RIVERTON (@RivertonNews) September 12, 2022: The mayor said…", sig37)


def _signs_a_link(tail: str, dash: tuple[int, str] | None) -> bool:
    """Do the words before a signature's dash (`tail`: its line's last characters) end in a link, as a flattened
    post's words end in its media or short link ("… pic.twitter.com/q3uNO4mJHi — Name (@h) date")? A dateline's
    words there are a place's name, never a link: such a signature is a post whatever dash follows its date
    (review37a: "… pic.twitter.com/… — Name (@h) September 12, 2022 — The mayor said…" lost its post)."""
    if dash is None:
        return False
    last = tail[:dash[0]].rstrip().rpartition(" ")[2]
    return last.startswith(("http://", "https://", "pic.twitter.com/", "t.co/"))


def _dateline(text: str, end: int) -> bool:
    """Does a dash and words follow a signature's date ending at `end` (`DATELINE_DASH_RE`), with no other signature
    after it on the line (posts a scraper ran together, the next one's words starting with a dash)? Looked ahead for a
    post's reach at most (#14)."""
    dash = DATELINE_DASH_RE.match(text, end)
    if dash is None:
        return False
    stop = text.find("\n", dash.end(), dash.end() + BLOCK_REACH)
    return SIGNATURE_START_RE.search(text, dash.end(), stop if stop >= 0 else dash.end() + BLOCK_REACH) is None


def _own_link_below(text: str, end: int, platform: str, handle: str,
                    date: str | None) -> tuple[str, PostRef, str | None, int] | None:
    """The signature's own post link alone on the line below its date (`_link_below`)."""
    return _link_below(text, end, platform, handle, date, own=True)


def _link_below(text: str, end: int, platform: str, handle: str, date: str | None, *,
                own: bool | None) -> tuple[str, PostRef, str | None, int] | None:
    """The signature's own post link (`_url_at`) alone on the line right below its date ending at `end`, where a
    scraper writes the embed's date link out ("— Name (@h) March 10, 2026 at 9:12 PM⏎https://bsky.app/…": newuser36 #2,
    one post counted twice). Only a link that names the signature's account (`_own_post`), with nothing after it on
    its line and no signature on the line after (a link that is the next post's words), and for X, Bluesky and
    Mastodon one whose id (key) may have been minted on the signature's day; None otherwise, and the link stays its
    own embed. `own` False: another account's post of that day instead; None: a post of either, of any day (t21: a
    candidate whose conflict is said)."""
    below = WRAPPED_DATE_END_RE.match(text, end)
    if below is None or not below.group(0).endswith("\n"):
        return None   # the line goes on, or the text ends there
    at = below.end()
    while at < len(text) and text[at] in " \t\u00a0\u202f":
        at += 1
    reading = _url_at(text, at) if text.startswith(("http", "HTTP"), at) else None
    # a Bluesky link by DID, its key of the signature's day, is the own one looked for (newuser38b #1)
    mine = reading is not None and (_own_post(reading, platform, handle) is not None
                                    or bool(own) and by_did_that_day(reading[1], platform, date))
    if reading is None or not reading[1].author_handle or own is not None and own != mine \
            or not mine and not _another_accounts_post(reading[1], platform):
        return None
    after = WRAPPED_DATE_END_RE.match(text, reading[3])
    if after is None:
        return None   # the line goes on: a link in prose
    next_end = text.find("\n", after.end())
    if SIGNATURE_START_RE.search(text, after.end(), next_end if next_end >= 0 else len(text)):
        return None   # the link is the words of the post signed below it
    if own is not None and platform in (x.PLATFORM, platforms.bluesky.PLATFORM, platforms.mastodon.PLATFORM):
        from resolver.provenance import minted_that_day   # only here, as in `_own_post_in_words`

        if not minted_that_day(date, reading[1].post_id or "", platform):
            return None   # an X id or a Bluesky key made on another day: another post of the account (review36e)
    return reading


def _kept_apart(text: str, end: int, platform: str, handle: str, date: str | None, said: str) -> str | None:
    """Why a Mastodon or Bluesky signature's own post linked alone below it (`_link_below`) was not taken as its post:
    its id was made on another day than the signature's (`model.kept_apart`); None when no such link is there."""
    reading = _link_below(text, end, platform, handle, date, own=None)
    if reading is None or not is_own_post(reading[1], platform, handle):
        return None
    key = reading[1].post_id or ""
    minted = platforms.bluesky.tid_time(key) if platform == platforms.bluesky.PLATFORM \
        else platforms.mastodon.id_time(key)
    return kept_apart(handle, minted.strftime("%Y-%m-%d"), said) if minted is not None else None


def _another_day(ref: PostRef, date: str | None, said: str, linked: str | None = None,
                 signed: str | None = None) -> str | None:
    """The conflict of an X post's link with its signature's date, when its id was minted on no day the signature's
    may be in some time zone (`model.another_days_link`), else None."""
    from resolver.provenance import minted_that_day   # only here, as in `_own_post_in_words`

    minted = x.snowflake_time(ref.post_id or "")
    if minted is None or minted_that_day(date, ref.post_id or ""):
        return None
    return another_days_link(minted.strftime("%Y-%m-%d"), said, linked, signed)


def _ends_its_line(text: str, end: int) -> bool:
    """Whether a signature dated in numbers ends its line at `end` (`NUMERIC_DATE_END_RE`), or its line goes on to the
    next post's words and signature, as a scraper runs posts together ("… 12/09/2022 The road too — John (@john) …").
    Looked ahead for a post's reach at most (#14)."""
    if NUMERIC_DATE_END_RE.match(text, end):
        return True
    stop = text.find("\n", end, end + BLOCK_REACH)
    return SIGNATURE_START_RE.search(text, end, stop if stop >= 0 else end + BLOCK_REACH) is not None


def _signature_platform(handle: str) -> str | None:
    """The platform a signature's handle is of: an X handle's letters, a Bluesky domain, a Mastodon account with its
    instance (`user@instance`), on a host no other platform owns ("@jane@twitter.com" is an X account written in
    fediverse form, as `platforms.parse_url` reads a link: review34r3); None for a handle of none."""
    if "@" in handle:
        mastodon = platforms.mastodon
        owned = platforms.platform_of(handle.rpartition("@")[2]) is not None
        return mastodon.PLATFORM if mastodon.profile_url(handle) and not owned else None
    return "twitter" if x.HANDLE_RE.match(handle) else "bluesky" if "." in handle else None


def _longer_than_x_allows(handle: str) -> bool:
    """Is a signature's handle X's letters, more of them than X's 15 (`x.HANDLE_RE`)? A scraped "— Name
    (@rivertoncouncil1) May 3, 2021" is X's widget's signature all the same: a copy changed or added a letter, or
    the page made it up; the post is kept, its account not named (fix48a: it gave no embed and no word)."""
    return len(handle) > 15 and handle.isascii() and handle.replace("_", "").isalnum()


def _too_long_said(handle: str) -> str:
    return (f"its signature names @{handle}, {len(handle)} characters, where an X handle has at most 15: no X account "
            "is spelt so (a copy may have changed or added a letter), so the account is not named")


def _profile_url(platform: str, handle: str) -> str:
    """The account's page a signature with no post link of its own points at."""
    if platform == "twitter":
        return x.profile_url(handle)
    if platform == platforms.mastodon.PLATFORM:
        return platforms.mastodon.profile_url(handle) or ""
    return platforms.bluesky.profile_url(handle)


def _own_post(link: tuple[str, PostRef, str | None, int] | None, platform: str, handle: str) -> PostRef | None:
    """The post the link after a signature's date names (`_url_at`), when it is the signature's: a post of the
    signature's platform whose account, when the link names one, is the signature's handle (any case). Another
    account's link ("(@jane) March 4, 2024 twitter.com/other/status/N") or another platform's is not (newuser33b #3):
    taking its id made up a URL no article shows."""
    return link[1] if link is not None and is_own_post(link[1], platform, handle) else None


def is_own_post(ref: PostRef, platform: str, handle: str) -> bool:
    """Is the post `ref` names the one a signature of `handle` on `platform` signs: a post of that platform whose
    account, when the link names one, is the handle (any case)? (`_own_post`; the HTML pass asks it of a signature's
    date link.)"""
    if ref.kind != "post" or not ref.post_id or ref.platform != platform:
        return False
    named = ref.author_handle
    return named is None and platform == "twitter" or (named or "").casefold() == handle.casefold()


def by_did_that_day(ref: PostRef, platform: str, date: str | None) -> bool:
    """Is `ref` a Bluesky post whose link names its account by DID, made (its key, a TID) on a signature's `date`,
    known, in some inhabited time zone? Bluesky's embed code links every post by DID and writes the handle only in
    the signature, so a flattened copy's date link or the link under it is such (newuser38b #1: two embeds of one
    post). Offline the DID is not known to be the signature's handle's: the post taken is said to be in doubt
    (`model.account_by_did`)."""
    from resolver.platforms import bluesky

    if platform != bluesky.PLATFORM or ref.platform != platform or ref.kind != "post" or not ref.post_id \
            or not date or not bluesky.is_did(ref.author_handle) or bluesky.tid_time(ref.post_id) is None:
        return False
    from resolver.provenance import minted_that_day   # only here, as in `_own_post_in_words`

    return minted_that_day(date, ref.post_id, platform)


def _another_accounts_post(ref: PostRef, platform: str) -> bool:
    """A post of the signature's platform that names its account (another's than the signature's, as `_own_post`
    said)."""
    return ref.kind == "post" and bool(ref.post_id) and ref.platform == platform and bool(ref.author_handle)


def _own_post_in_words(words: str, platform: str, handle: str, date: str | None, *,
                       mine: bool = True) -> tuple[str, PostRef, str | None, int] | None:
    """The post link a scraped copy put inside the signed words ("… not 300. https://twitter.com/h/status/N⏎— Name
    (@h) March 15, 2023"), when it is the signature's: the one post of the signature's handle the words link, by a
    URL that names that handle. None when they link none, or more than one of its posts, or only by a URL naming no
    account (a quoted post's link may be one): which is the signature's own is then not known (newuser34 #4: scan
    said "no post URL" while the report checked the linked post). An X post whose id was minted on no day the
    signature's `date` may be in some time zone is the account's earlier post the words link (a self-quote, a
    thread's first post), not the signature's (review34r7: the report failed the article's snowflake-date check for
    it), as the pipeline ties a linked post to a flattened one (`_may_be_its`). And only a link among those that end
    the words, right before the dash, where a copy leaves the post's own: one with words after it is a link the words
    quote, which a self-quote of the same day is (sig35: its id passed the date rule and was taken). `mine` False:
    the same, of another account's posts (a candidate whose conflict with the signature is said: newuser37 §6)."""
    found = [(start, _url_reading(words, url, start, end) or end) for url, start, end in find_urls(words)]
    own = [(start, r) for start, r in found if not isinstance(r, int) and r[1].author_handle and r[1].post_id
           and (_own_post(r, platform, handle) is not None if mine else _another_accounts_post(r[1], platform))]
    ids = {r[1].post_id or "" for _, r in own}
    closing = [r for at, r in own if at >= _closing_links_start(words, found)]
    if len(ids) != 1 or not closing:
        return None
    if platform == "twitter":
        from resolver.provenance import minted_that_day   # only here: a link of the signature's own in its words

        if not minted_that_day(date, ids.pop()):
            return None
    return closing[-1]


# What may part the links that end a post's words: blanks, punctuation, and other languages' closing quotes (the
# German "“", the Japanese "」", review35r1)
CLOSING_GAP = TRAILING_PUNCT + MARKS + " \t\r\n\u00a0\u202f" + "」』）》】〉“‘›"
# And what a post's words end with after its link, which are no words: emoji and other symbols, and its tags
# ("… https://twitter.com/h/status/N 🎉 #Riverton⏎— Name (@h) …": the link was read as amid the words, and the post
# had no id, review35r1's left alone); a share button's "via @handle" and a bar a site sets after a link ("… N via
# @jane", "… N |": sig37). Possessive: a failing gap costs its length once (#14).
CLOSING_TAIL_RE = LazyPattern(rf"(?:[{re.escape(CLOSING_GAP)}|]|[^\w\s\x00-\x7f]|#\w++|(?<=\s)via{SP}++@\w++)*+")


def links_amid_words(words: str) -> frozenset[str]:
    """The links a flattened post's words hold with words after them, as its `links` and `media_links` write them:
    links the words quote (a self-quote, a thread's earlier post), never the post's own, which a copy leaves right
    before the dash (`_own_post_in_words`). The pipeline ties no post such a link leads to to the flattened post."""
    found = [(start, _url_reading(words, url, start, end) or end, url) for url, start, end in find_urls(words)]
    closing = _closing_links_start(words, [(start, reading) for start, reading, _ in found])
    amid = set()
    for start, _, url in found:
        if start < closing:
            ref = x.parse_url(url)
            amid.add(ref.url if ref is not None and ref.kind == "media-link" else
                     url if "://" in url else "https://" + url)
    return frozenset(amid)


def _closing_links_start(words: str, found: Sequence[tuple[int, tuple[str, PostRef, str | None, int] | int]]) -> int:
    """Where the run of links ending `words` starts (`len(words)` when the words end in no link): each link found
    ((its start, its reading or its end)) followed by nothing but blanks, punctuation, emoji, tags (`CLOSING_TAIL_RE`)
    and the next link."""
    start = len(words)
    for at, reading in reversed(found):
        end = reading if isinstance(reading, int) else reading[3]
        if not CLOSING_TAIL_RE.fullmatch(words, end, start):
            break
        start = at
    return start


MIN_QUOTED = 20   # characters: an earlier post's text this long at a post's start is the article quoting it
RECENT_POSTS = 8   # the posts above looked at: an article quotes one it has just shown (time stays linear)


def _earlier_post_opening(body: str, earlier: list[str]) -> int:
    """How many characters at the start of `body` are an earlier post's whole text, quoted again by a run-on
    article to introduce the next post ("She tweeted: <the first post><the second post> — Name (@h) ..."); 0 when
    none is. Only a text followed by more words counts: a post repeated whole is that post."""
    stripped = body.lstrip()
    lead = len(body) - len(stripped)
    for words in sorted(earlier, key=len, reverse=True):
        if len(words) >= MIN_QUOTED and stripped.startswith(words) and stripped[len(words):].strip():
            return lead + len(words)
    return 0


def find_instagram_remnants(text: str) -> list[Embed]:
    """Instagram's 'A post shared by Name (@handle) on Sep 12, 2022 at 10:01am PDT' caption line."""
    embeds = []
    for match in instagram_lines(text):
        handle = match.group("handle").rstrip(".")
        embeds.append(Embed(
            platform="instagram", kind="post", url=platforms.instagram.profile_url(handle),
            detector="text-signature", span=match.span(), author_handle=handle,
            author_name=(match.group("name") or "").strip() or None,
            date_text=match.group("date"), date=iso_from_match(match) if match.group("date") else None,
        ))
    return embeds


# What a scraper leaves of other platforms' embeds once their links are gone (newuser36 #6), each as distinctive as
# Instagram's caption line: TikTok's blockquote ("@user <caption> ♬ <sound>", the account first), Reddit's byline
# under its title ("by u/<user> in <sub>", a line of its own), Mastodon 4.3's ("Post by @user@instance⏎View on
# Mastodon"). Each is a post of its account with no id; searched for only in a text holding its mark.
TIKTOK_REMNANT_RE = LazyPattern(rf"^{SP}*@(?P<handle>[A-Za-z0-9_.]{{2,24}}){SP}+(?P<text>[^\n♬]*?){SP}*"
                                rf"♬[^\n]*?\S{SP}+-{SP}+\S[^\n]*", re.MULTILINE)   # "♬ <sound> - <its maker>"
REDDIT_REMNANT_RE = LazyPattern(rf"^{SP}*by{SP}+u/(?P<handle>[A-Za-z0-9_-]{{3,20}}){SP}+in{SP}+(?:r/)?"
                                rf"[A-Za-z0-9_]{{2,21}}{SP}*$", re.MULTILINE)
REDDIT_REMNANT_SUB_RE = LazyPattern(r"(?:r/)?(?P<sub>[A-Za-z0-9_]{2,21})\s*\Z")   # the remnant's "in <sub>"
MASTODON_REMNANT_RE = LazyPattern(rf"^{SP}*Post{SP}+by{SP}+@(?P<handle>[\w.-]+@(?:[a-z0-9-]+\.)+[a-z]{{2,}})"
                                  rf"{SP}*\r?\n{SP}*View{SP}+on{SP}+Mastodon{SP}*$", re.MULTILINE | re.IGNORECASE)


def find_other_remnants(text: str) -> list[Embed]:
    """TikTok's, Reddit's and Mastodon's embed remnants (`TIKTOK_REMNANT_RE`…): a post of the account each names, with
    no id, its profile as its URL; a TikTok caption's words as its text."""
    found = []
    if "♬" in text:
        for match in TIKTOK_REMNANT_RE.finditer(text):
            if SIGNATURE_START_RE.search(match.group(0)):
                continue   # "@bob Great song ♬ - — Jane (@jane) March 4, 2024": a flattened post's signed words
            handle, words = match.group("handle").rstrip("."), _strip(match.group("text"))
            found.append(Embed(platform=platforms.tiktok.PLATFORM, kind="post", detector="text-signature",
                               url=platforms.tiktok.profile_url(handle), span=(match.start("handle") - 1, match.end()),
                               author_handle=handle, text=words or None,
                               text_confidence=tweet_text.HIGH if words else None))
    if "u/" in text:
        for match in REDDIT_REMNANT_RE.finditer(text):
            handle = match.group("handle")
            found.append(Embed(platform=platforms.reddit.PLATFORM, kind="post", detector="text-signature",
                               url=platforms.reddit.profile_url(handle), span=(match.start("handle") - 5, match.end()),
                               author_handle=handle))
    if "astodon" in text or "ASTODON" in text:
        for match in MASTODON_REMNANT_RE.finditer(text):
            handle = platforms.mastodon.handle(match.group("handle"), "")
            url = platforms.mastodon.profile_url(handle) if handle else None
            if handle and url:
                found.append(Embed(platform=platforms.mastodon.PLATFORM, kind="post", detector="text-signature",
                                   url=url, span=(match.start("handle") - 1, match.end()), author_handle=handle))
    return found


# A quote a colon opens right after a bare post URL, on its line: "…in TikTok https://…/video/N: «Колонна …»". The
# colon ties it to the link, as `beside` reads one after an HTML link (HIGH); it was never read, and the report said
# "no quoted words were read beside the link" (newuser39a §4). A quote opened with only spaces after the URL
# ("announcement: https://…/status/N "The council approved …"", as scraped round-ups write it) is read too, but
# uncertain: nothing but its place ties it to the link, and the check then warns of a change rather than fails,
# unless the words are this post's own, changed (newuser42b #10: it was never read, so a changed word went unchecked).
COLON_QUOTE_RE = LazyPattern(r"[ \t]*(:?)[ \t]*(?:“([^“”\n]+)”|\"([^\"\n]+)\"|«[ \t]*([^«»\n]+?)[ \t]*»|„([^„“”\n]+)[“”])")


BRACKETS = {"(": ")", "[": "]"}


def _past_bracket(text: str, start: int, end: int) -> int:
    """Where a URL written from `start` to `end` ends with its brackets: past the closing one when the URL is set in a
    pair ("(https://t.me/x/5532): «…»", newuser44a #12: the quote a colon opens after them was not read), else
    `end`."""
    close = BRACKETS.get(text[start - 1:start]) if start > 0 else None
    return end + 1 if close is not None and text[end:end + 1] == close else end


def _title_end(text: str, start: int, match: re.Match[str] | None) -> int | None:
    """Where a Markdown link's title ends, when `match` (COLON_QUOTE_RE's after a URL at `start`) is one (`[the
    post](https://… "Title")`, html2text's `<a title>`), else None."""
    if match is None or match.group(1) or text[max(0, start - 2):start] != "](" \
            or text[match.end():].lstrip(" \t")[:1] != ")":
        return None
    return match.end()


def _quoted_after(text: str, start: int, end: int) -> tuple[str | None, str, int] | None:
    """(the words, how sure their tie to the link is, where the quote ends) of a quote that opens right after a URL
    at `start`:`end`, on its line, after a colon (HIGH) or spaces alone (UNCERTAIN); None when none does; no words
    (None, with where it ends: no other URL's either, review45f) when the quote is a Markdown link's title (`[the
    post](https://…/status/N "Mayor Whitfield on X")`, as html2text writes an `<a title>`): no words of the article's
    (review44d: read as a quote of the post, which the check then warned differs from it)."""
    if text[end:end + 1] not in (":", " ", "\t"):
        return None
    match = COLON_QUOTE_RE.match(text, end)
    if match is None:
        return None
    if _title_end(text, start, match) is not None:
        return None, tweet_text.UNCERTAIN, match.end()
    words = next((g for g in match.groups()[1:] if g), None)
    words = " ".join(words.split()).removesuffix(",").rstrip() if words else None
    return (words, tweet_text.HIGH if match.group(1) else tweet_text.UNCERTAIN, match.end()) if words else None


# How far before a bare URL its sentence's quote is sought: a long post's words and the few words between (`beside`'s
# MOST_BETWEEN); a paragraph's break (a blank line) ends the search sooner.
QUOTE_BEFORE_REACH = 700
PARAGRAPH_BREAK_RE = LazyPattern(r"\n[ \t]*\n")


def _quoted_before(text: str, start: int, floor: int) -> str | None:
    """The words of the last quote before a URL at `start` in its sentence (`posted "…" at https://…`), read as
    `beside` reads one before an HTML link (newuser44c #6: scraped text lost the check the HTML got), back to `floor`
    (the end of the URL or signature before it: a quote before that is its) and the paragraph's start; None where the
    URL is set inside quoted words, or the quote is of another sentence (one ending inside its marks, a capital
    opening the next: `called it "a disgrace." Watch …`), or a verb of speech stands between."""
    from resolver.extract import beside

    floor = max(floor, start - QUOTE_BEFORE_REACH)
    window = text[floor:start]
    breaks = [m.end() for m in PARAGRAPH_BREAK_RE.finditer(window)]
    before = " ".join(window[breaks[-1] if breaks else 0:].split())
    if '"' not in before and "“" not in before and "«" not in before and "„" not in before and "»" not in before:
        return None
    runs = beside._runs(before)
    if not runs or any(not closed for *_, closed in runs):   # the URL sits inside quoted words: none are its quote
        return None
    quoted = beside._quote_before(before, runs)
    if quoted is None or beside._new_sentence(quoted, before[runs[-1][1]:]):
        return None
    return quoted


def find_url_embeds(text: str, taken: list[tuple[int, int]]) -> list[Embed]:
    """Bare post URLs and lone pic.twitter.com links, outside the spans already claimed by a signature."""
    embeds = []
    claimed = Intervals(taken)
    ends = sorted(e for _, e in taken)
    floor = 0   # where the URL or signature before the next URL ends
    for found, start, end in find_urls(text):
        signed = bisect_right(ends, start)
        # a Markdown link's title is its link's, no quote of the next URL (review45f), whatever the link
        title = _title_end(text, start, COLON_QUOTE_RE.match(text, end)) if text[end:end + 1] == " " else None
        at, floor = max(floor, ends[signed - 1] if signed else 0), title or end
        if start in claimed:
            continue
        reading = _url_reading(text, found, start, end)
        disguised = platforms.lookalike_link(found) if reading is None or platforms.beyond_ascii(found) else None
        if disguised is not None and (reading is None or not disguised[2]):
            # "t.mе/…", "t.me/wаrmonitor/1", "mastodon.social/@Gаrgron/N": said, with no post (#6, fixleft42a)
            embeds.append(Embed(platform=disguised[0], kind="post", url=found, detector="text-url", span=(start, end),
                                id_doubt=disguised[1]))
            continue
        if reading is None or reading[1].kind == "timeline":
            continue   # an account's page ("Follow us: twitter.com/h"): no embed, as an HTML link to it (newuser38b #4)
        url, ref, doubt, end = reading
        if disguised is not None and disguised[2]:   # "twitter.com/MoInfo_Gаza/status/N": the id, no such account
            ref, doubt = replace(ref, author_handle=None), "; ".join(filter(None, (disguised[1], doubt)))
        unseen = _unseen_in_link(text[start:end], ref.author_handle) if ref.author_handle else None
        if unseen:   # "twitter.com/river\u200b_desk/status/N" (review43b43)
            doubt = "; ".join(filter(None, (unseen, doubt)))
        detector = "text-media-link" if ref.kind == "media-link" else "text-url"
        after = _quoted_after(text, start, _past_bracket(text, start, end)) if ref.kind in ("post", "short-link") \
            else None
        quoted = (after[0], after[1]) if after is not None and after[0] is not None else None
        if after is not None:   # the quote (or title) is this URL's: the next URL's is sought past it (review45f)
            floor = max(floor, after[2])
        # a link's title is no quote, but the quote before the link still is (review46d: it was no longer read)
        if quoted is None and ref.kind in ("post", "short-link") and (earlier := _quoted_before(text, start, at)):
            quoted = earlier, tweet_text.UNCERTAIN
        embeds.append(Embed(
            platform=ref.platform, kind=ref.kind, url=ref.url, detector=detector, span=(start, end),
            post_id=ref.post_id, author_handle=ref.author_handle,
            media_links=(ref.url,) if ref.kind == "media-link" else (), linked_capture=capture_of(url),
            start_seconds=ref.start_seconds, end_seconds=ref.end_seconds, id_doubt=doubt,
            text=quoted[0] if quoted else None, text_confidence=quoted[1] if quoted else None, shown_url=ref.shown,
        ))
    return embeds


def _url_reading(text: str, found: str, start: int, end: int) -> tuple[str, PostRef, str | None, int] | None:
    """(the URL, the embed it names, why its id is uncertain or None, where it ends in `text`) of a URL `find_urls`
    found at text[start:end], or None when it names no embed: glued words cut off (`_post_reading`), an id wrapped
    across a line joined (`_across_the_line`), an id cut short by "…" doubted."""
    reading = _post_reading(found)
    if reading is None or reading[1].kind in ("timeline", "profile") and reading[0] == found:
        # "https://twitter.com/jane/⏎status/N": an account's page as far as the line goes
        joined = _wrapped_before_a_post(text, found, end)
        if joined is not None or reading is None:
            return joined
    wrapped_code = _code_across_the_line(text, found, end) \
        if _has_usual_form(reading[1]) and text[end:end + 1] in LINE_OR_BREAK else None
    if wrapped_code is not None:
        return wrapped_code
    url, ref, doubt = reading
    if url != found:
        end = _written_end(text, start, len(url))
    elif doubt is None and ref.kind == "media-link":
        doubt = _media_cut(text, ref, end)   # never joined: its code, shorter than a t.co code's, is doubted
    elif doubt is None and ref.post_id and _ends_in_id(url, ref) and not _whole_id(ref):
        after = end
        while after < len(text) and text[after] in INVISIBLE:
            after += 1   # "…/45\u200b⏎21": a CMS's break point before the wrap or the "…" (review33r6)
        wrapped = _across_the_line(text, url, ref, after)
        if wrapped is not None:
            url, ref, doubt, end = wrapped
        elif text.startswith(("…", "..."), after):
            doubt = (f"the URL is cut short by “{'…' if text[after] == '…' else '...'}”: its id may be only the "
                     "start of the post's")
    return url, ref, doubt or platforms.link_doubt(ref, url), end


LINE_OR_BREAK = frozenset("\r\n" + INVISIBLE)   # what may follow a URL wrapped at its line's end


def _code_across_the_line(text: str, found: str, end: int) -> tuple[str, PostRef, str | None, int] | None:
    """`_across_the_line` of a URL whose code (Instagram's, Threads', a Bluesky key) has no public post's length as
    written and, joined to what the next line starts with, has one ("…/reel/C9aBcDe⏎FgHi/"): tried before the end of
    the line is read as words run into the URL ("De": newuser36 #3, the fragment was the post). None when the join
    makes no such code: the URL is then read as it is written."""
    whole = platforms.parse_url(found)
    if whole is None or not platforms.is_embed(whole) or not whole.post_id or not _has_usual_form(whole) \
            or _usual_id(whole) or not _ends_in_id(found, whole):
        return None
    while end < len(text) and text[end] in INVISIBLE:
        end += 1
    joined = _across_the_line(text, found, whole, end, words=True)   # "Cd", "Hi": a word, or the code's end
    return joined if joined is not None and joined[0] != found and _usual_id(joined[1]) else None


def _wrapped_before_a_post(text: str, found: str, end: int) -> tuple[str, PostRef, str, int] | None:
    """(the URL joined across a line break, its post, why that is a guess, where it ends in `text`) when a URL naming
    no post ends a line and, joined to what the next line starts with, names one ("https://twitter.com/⏎jane/status/
    N", "…/watch?v=dQw4w⏎9WgXcQ": a PDF's or a newsletter's wrap, fixnu33c's left alone); None when it does not (a
    word, another URL, a host, a numbered list's next item below). Never sure, as `_across_the_line`; never a media
    link, whose code carries no doubt in a post's text."""
    while end < len(text) and text[end] in INVISIBLE:
        end += 1
    below = _id_run_below(text, end)
    if below is None:
        return None
    rest, joined_end = below
    reading = _post_reading(found + rest)
    if reading is None or reading[0] != found + rest or reading[1].kind in ("media-link", "timeline", "profile"):
        return None
    doubt = (f"the URL ends at a line break before it names a post, and the next line starts with “{rest}”: read as "
             "one URL across it, which is a guess")
    return reading[0], reading[1], reading[2] or doubt, joined_end


def _url_at(text: str, at: int) -> tuple[str, PostRef, str | None, int] | None:
    """`_url_reading` of the URL written from text[at] (a signature's link after its date), read to its line's end
    as `find_urls` reads one in prose, or None when none starts there."""
    line_end = text.find("\n", at)
    found = find_urls(text[at:line_end if line_end >= 0 else len(text)])
    if not found or found[0][1] != 0:
        return None
    url, _, end = found[0]
    return _url_reading(text, url, at, at + end)


def _media_cut(text: str, ref: PostRef, end: int) -> str | None:
    """Why the code of a pic.twitter.com link ending at `end` in `text` may be only the start of the link's: it is
    shorter than a t.co code, and "…" follows it, or a line break and what may continue it; None when not so."""
    if len(ref.url.rsplit("/", 1)[-1]) >= x.MEDIA_CODE_LENGTH:
        return None
    ellipsis = "…" if text.startswith("…", end) else "..." if text.startswith("...", end) else None
    if ellipsis is not None:
        return f"the link is cut short by “{ellipsis}”: its code may be only the start of the link's"
    below = _id_run_below(text, end)
    if below is not None:
        return f"the link ends at a line break and the next line starts with “{below[0]}”: its code may go on there"
    return None


def _written_end(text: str, start: int, length: int) -> int:
    """Where in `text` the first `length` characters of the URL written from `start` end, `INVISIBLE` ones skipped."""
    at = start
    while length > 0:
        length -= text[at] not in INVISIBLE
        at += 1
    return at


def _ends_in_id(url: str, ref: PostRef) -> bool:
    """Does the URL end with its post id's last part, so that a cut or a wrap at its end may have cut the id?"""
    last = (ref.post_id or "").rsplit("/", 1)[-1]
    return bool(last) and url.lower().endswith(last.lower())


def _whole_id(ref: PostRef) -> bool:
    """Has the post id as many characters as its platform's ids may have, so that none can be missing at its end: a
    19-digit X id (a signed 64-bit snowflake), a YouTube id's 11, a Bluesky TID's 13."""
    if ref.platform == x.PLATFORM:
        return len(ref.post_id or "") >= 19
    return ref.platform == platforms.youtube.PLATFORM or (ref.platform == platforms.bluesky.PLATFORM and _usual_id(ref))


# The start of the next line, when a URL ends at a line break: what a PDF, a hard-wrapped newsletter or an export
# leaves of a long URL wrapped across lines (newuser33b §2).
NEXT_LINE_RE = LazyPattern(rf"\r?\n(?P<rest>[A-Za-z0-9_]{URL_CHARS}*)")
PROSE_WORD_RE = LazyPattern(r"[A-Z]?[a-z]+|[A-Z]+")
LIST_NUMBER_RE = LazyPattern(r"\d{1,3}[.)][ \t]")   # "2. …", "12) …": the next item of a numbered list (review33r6)
# Two-letter words a sentence or a line of prose starts with (English, and the commonest of Spanish, French, German,
# Italian, Portuguese and Dutch): no code's end across a line ("…/p/C9aBcDeFg⏎It was…" was the code C9aBcDeFgIt,
# review36e's left alone, sig37). Two letters that are none of them ("Hi", "Cd") may still be a code's end.
SENTENCE_WORDS = frozenset("""am an as at be by do go he if in is it me my no of oh ok on or so to up us we
    el la le lo en un es se si ya tu il je ce du au er im um zu ob ja wo ed io da os eu na ik""".split())
ID_RUN_RE = LazyPattern(r"[A-Za-z0-9_-]+(?:[/?#&]|\Z)")   # id characters up to the path's or query's next part: no
# host ("medium.com/…", "https://…", "jane@host") starts a wrapped id's rest


def _id_run_below(text: str, end: int, *, words: bool = False) -> tuple[str, int] | None:
    """(what the next line starts with, where that ends in `text`) when a URL ending at `end` ends a line and the next
    starts with what may continue its id; None when it does not (a word, unless `words` and of two letters, a blank
    line, another URL, a numbered list's next item)."""
    line = NEXT_LINE_RE.match(text, end)
    if line is None or LIST_NUMBER_RE.match(text, line.start("rest")):
        return None
    written = clean_url(line.group("rest"))
    rest = INVISIBLE_RE.sub("", written)
    if not rest or PROSE_WORD_RE.fullmatch(rest) and (not words or len(rest) > 2 or rest.lower() in SENTENCE_WORDS) \
            or not ID_RUN_RE.match(rest):
        # "…/4521⏎The police said": the next line's first word, or the next URL of a list; with `words`, only two
        # letters may be a code's end ("Hi", "Cd"): "…/reel/C9aBcDe⏎Then the mayor" is no code C9aBcDeThen (review36e),
        # nor a word a sentence starts with ("…/p/C9aBcDeFg⏎It was": `SENTENCE_WORDS`, sig37)
        return None
    return rest, line.start("rest") + len(written)


# After a line's figure: a word (" tanks", " September"), or a percent sign ("25 %", "25%"): a sentence's number; or,
# after one to three digits, groups of three set off by a space ("3 000", "12\u00a0500"): a count, no id's rest
FIGURE_WORD_RE = LazyPattern(r"[ \t\u00a0]*(?P<word>[%‰])|[ \t\u00a0]+(?P<word2>[^\W\d_]+)"
                             r"|(?P<groups>(?:[ \u00a0\u202f\u2009]\d{3})+)(?!\d)")


def _current_form(ref: PostRef) -> bool:
    """Has the post id the length its platform gives every post now (an X or a TikTok id's 19 digits, a Mastodon
    snowflake's 15 to 19), so that a join across a line that makes one is more than a guess from syntax?"""
    last = (ref.post_id or "").rsplit("/", 1)[-1]
    if ref.platform in (x.PLATFORM, platforms.tiktok.PLATFORM):
        return len(last) >= 19 and last.isdigit()
    return ref.platform == platforms.mastodon.PLATFORM and platforms.mastodon.STATUS_ID.match(last) is not None


def _across_the_line(text: str, url: str, ref: PostRef, end: int, *,
                     words: bool = False) -> tuple[str, PostRef, str | None, int] | None:
    """(the URL joined across a line break, its post, why that is uncertain or None, where it ends in `text`) when a
    post URL whose id may go on ends a line and the next starts with what may continue the id; None when it does not
    (a word, a blank line, another URL, a numbered list's next item). Never sure: an id's syntax cannot tell a wrapped
    id from a line starting with id characters, and an X id of any length is some post's (a 2006-2010 sequential id,
    the first month's 11-16 digit snowflakes: "…/status/123456789⏎20230415 report" is no 17-digit id, review33r6)."""
    next_line = _id_run_below(text, end, words=words)
    if next_line is None:
        return None
    rest, joined_end = next_line
    figure = FIGURE_WORD_RE.match(text, joined_end) if rest.isdigit() else None
    if figure is not None and figure.group("groups") and len(rest) > 3:
        figure = None   # "…/5531⏎20230415 000": no count's first group
    word = figure.group("word") or figure.group("word2") or figure.group("groups") if figure is not None else None
    if word is not None and len(rest) <= 2 and 0 < int(rest) <= 31 and is_month(word):
        # "…/101⏎12 September 2022: …": a date, no id's rest (newuser44a #1); "…/N⏎89 September" is none (review45a)
        return None
    reading = _post_reading(url + rest)
    doubt = (f"the URL ends at a line break and the next line starts with “{rest}”: read as one id across it, "
             "which is a guess")
    if reading is None or reading[0] != url + rest or reading[1].platform != ref.platform \
            or not (reading[1].post_id or "").startswith(ref.post_id or "") or reading[1].post_id == ref.post_id:
        if not rest.rstrip("/").isalnum():
            return None   # "…/4521⏎2024-03-04": a date, no id's rest
        return url, ref, (f"the URL ends at a line break and the next line starts with “{rest}”: its id may go on "
                          "there"), end
    if figure is not None and word is not None and not (_current_form(reading[1]) and not _current_form(ref)):
        # "…/5531⏎2 tanks were destroyed": a figure starting a sentence, likelier than an id's rest; still a guess, so
        # both readings are said (newuser44a #1: the joined 55312 alone was asked, and the post 5531 never was)
        said = rest + text[joined_end:figure.end()]
        return url, ref, (f"the URL ends at a line break and the next line starts with “{said}”: "
                          f"read as the id before it, {ref.post_id}, not as one id across it ({reading[1].post_id}), which is a "
                          "guess"), end
    if word is not None:
        doubt = f"{doubt}; as written before it, the id is {ref.post_id}"
    return url + rest, reading[1], reading[2] or doubt, joined_end


# Where a URL's path may run into the next words with no space (a scraper's get_text() joining paragraphs, a typist's
# missing space; newuser31b §1, §2): "," or ";" then a letter ("…/78,and"), a full stop then a capitalised word
# ("…/3kq….Later"), or a capitalised word ("…/78The"), or after a digit a small word ("…/78then"), ending the run;
# after a digit a letter no URL's path holds unencoded, as Thai, Lao and Khmer glue their words with no space
# ("…/4521แล้ว", its marks and all: sig34's left alone); and an emoji or a symbol no id holds, glued to a letter or a
# digit ("…/N🎉", "…/4521❤️"), from a keycap's own digit ("…/N1️⃣": that "1" is the emoji's, and read into the id it
# named another post; review35r1's left alone, sig36), in the last segment only (a symbol in a page's name is no glue),
# and not one the id's digits go on after ("…/status/1️⃣5693…", "…/15693🎉1542…": the post 1, 15693; review37a).
GLUE_RE = LazyPattern(r"[,;](?=[^\W\d_])|\.[A-Z][a-z]*\Z|(?<=[a-z0-9])[A-Z][a-z]+\Z|(?<=[0-9])[a-z]+\Z"
                      r"|(?<=[0-9])[^\W\d_\x00-\x7f][^\x00-\x7f]*\Z"
                      r"|(?<=[A-Za-z0-9])(?:[0-9#*](?=\ufe0f?\u20e3))?[^\w\s\x00-\x7f]"
                      r"(?:[0-9#*]\ufe0f?\u20e3|[^\w\s\x00-\x7f])*+(?![0-9])[^/]*\Z")


def _other_script(letter: str) -> bool:
    """Whether a letter after a URL is of a script whose words hold no Latin letter (Chinese, Thai, Cyrillic): its
    word starts there, so the characters before it are all the URL's. A Latin one with an accent does not say so: the
    word may start with plain letters ("…/Eng1neerVPräsident", an id cut short before "Präsident": review42c)."""
    import unicodedata   # lazy (#14): a link glued to a word is rare

    return not letter.isascii() and not unicodedata.name(letter, "LATIN").startswith("LATIN")


def _post_reading(url: str) -> tuple[str, PostRef, str | None] | None:
    """(the URL as far as it goes, the embed it names, why that id is uncertain or None) of a URL found in prose, or
    None when it names no embed. A URL glued to the next words ends where they start when the shorter URL names a
    post: surely when the platform's id syntax cannot take the words (a digit-only id, a Bluesky TID's 13
    characters, the same id either way), with a doubt when it could (an Instagram code longer than a public post's,
    a record key that is no TID). Only a post URL is cut: another link keeps its commas."""
    ref = platforms.parse_url(url)
    named = ref if ref is not None and platforms.is_embed(ref) else None
    if named is None and "=http" in url.replace("=HTTP", "=http"):
        wrapped = _wrapped_post(url)
        if wrapped is not None:
            return url, wrapped, None
    if named is None and "youtu" in url and (glued := platforms.youtube.GLUED_ID.search(url)) is not None:
        video = platforms.parse_url(url[:glued.end()])
        if video is not None and platforms.is_embed(video):
            # a video id has exactly 11 characters, but one cut short in the article ("youtu.be/Eng1neerV1Then") takes
            # the word's first letters into another video's id: the reading is a guess (newuser41a #1)
            run = url[glued.end() - 11:]
            if _other_script(url[glued.end()]):
                return url[:glued.end()], video, None   # "…/dQw4w9WgXcQ视频": no id holds that letter
            return url[:glued.end()], video, (
                f"the URL runs into the next word (“{run}”): a YouTube id has 11 characters, so it is read as "
                f"“{video.post_id}”, but if the article's id was cut short the word's first letters are in it and it "
                "names another video")
    path = url.find("/", url.find("//") + 2 if "//" in url else 0)
    glue = GLUE_RE.search(url, path) if path >= 0 else None
    if (named is not None and named.platform == platforms.bluesky.PLATFORM and not _usual_id(named)
            and (glue is None or glue.group(0)[0].islower())):
        past = _past_tid(url, named)
        if past is not None:
            return past
    if glue is None:
        return (url, named, None) if named is not None else None
    cut = clean_url(url[:glue.start()])
    shorter = platforms.parse_url(cut)
    if shorter is None or not platforms.is_embed(shorter):
        return (url, named, None) if named is not None else None
    if named is None:
        return cut, shorter, None   # the platform's id syntax refuses the words ("…/78The")
    if named.platform != shorter.platform:
        return url, named, None
    if url[glue.start()] in ",;":
        return cut, shorter, None   # a post's URL holds no ",word": "…/p/<code>/,and"
    if glue.group(0)[0].islower() or _usual_id(named):
        return url, named, None   # a small letter after a digit is as likely the id's own ("…/3kabc123xyz")
    if not _has_usual_form(named):
        return url, named, None
    if _usual_id(shorter) and shorter.platform == platforms.bluesky.PLATFORM:
        return cut, shorter, None   # a TID has exactly 13 characters: the words after it are not the key's
    tail = url[len(cut):]
    if shorter.platform != platforms.bluesky.PLATFORM and not _usual_id(shorter):
        # neither reading has a public post's length: a private post's long share code may end so (review31r4); a
        # code shorter than a public post's may be one cut short, or wrapped (newuser36 #3: it was said "longer")
        if len(named.post_id or "") < 10:
            return url, named, (f"the code is shorter than a public post's ({len(named.post_id or '')} characters, "
                                f"not 10 or 11) and its end (“{tail}”) may be the next words run into it: it is read "
                                "as written, and may be only part of the post's code")
        return url, named, (f"the code is longer than a public post's and may run into the next words (“{tail}”): "
                            "it is read as written")
    return cut, shorter, f"the URL runs into the next words (“{tail}”): where its id ends is a guess"


# The query words a redirect wrapper names its target with (google.com/url?q=, l.facebook.com/l.php?u=, a site's
# /redirect?to=), and the path words of a share or intent button, whose target is no post the article shows.
# Written out, as the HTML pass reads a page's source: a target written percent-encoded ("u=https%3A%2F%2F…") is
# left to resolution, in text as in HTML, except Facebook's link shim's, which `platforms.parse_url` reads (newuser36).
WRAPPED_RE = LazyPattern(r"[?&](?:q|u|url|to|target|dest|destination|redirect|link)=(https?://[^&#]+)", re.IGNORECASE)
BUTTON_WORDS_RE = LazyPattern(r"shar|intent|submit|pin/create", re.IGNORECASE)


def is_button(url: str) -> bool:
    """Is `url` a share or intent button's link (the path words of one, or a mailto:/sms: link), whose target in its
    query is the post a reader would share, not one the article shows? The HTML pass asks it of the URL a post URL in
    the page's source is a query value of (script32)."""
    if url[:7].lower() in ("mailto:", "sms:?") or url[:4].lower() == "sms:":
        return True
    return BUTTON_WORDS_RE.search(urlsplit(url if "://" in url else "https://" + url).path) is not None


def _wrapped_post(url: str) -> PostRef | None:
    """The post or video a redirect wrapper leads to, when its query names one written out (newuser31b §11: the HTML
    pass read them from the page's source, the text pass not at all); None for a share or intent button's link."""
    if is_button(url):
        return None
    for target in WRAPPED_RE.finditer(url):
        ref = platforms.parse_url(target.group(1))
        if ref is not None and ref.kind in ("post", "comment", "video") and ref.post_id:
            return ref
    return None


def _past_tid(url: str, named: PostRef) -> tuple[str, PostRef, str] | None:
    """A Bluesky post URL whose record key is no TID, with no capital or "," to mark a glued word, when the key runs on
    past a TID's 13 characters ("…/3kq2mzabcde2athen", "…/3kq2mzabcde2a2026"): read as that TID, with a doubt, as a
    post's key is a TID (review31r4: it was taken whole, as a sure id). None for any other key."""
    rkey = (platforms.bluesky.split_post_id(named.post_id or "") or ("", ""))[1]
    at = url.rfind(rkey)
    if len(rkey) > 13 and platforms.bluesky.TID.match(rkey[:13]) and at >= 0:
        shorter = platforms.parse_url(url[:at + 13])
        if shorter is not None and platforms.is_embed(shorter):
            return (url[:at + 13], shorter, f"the record key runs on past a TID's 13 characters (“{rkey[13:]}”): "
                                            "read as the TID, the rest as the next words")
    return None


def _has_usual_form(ref: PostRef) -> bool:
    """Do its platform's post ids have a usual form `_usual_id` knows, beyond what its parser takes?"""
    return ref.platform in (platforms.bluesky.PLATFORM, platforms.instagram.PLATFORM, platforms.threads.PLATFORM)


def _usual_id(ref: PostRef) -> bool:
    """Has a post id the form its platform gives posts: a Bluesky record key that is a TID, an Instagram or Threads
    code of a public post's length? True for other platforms, whose parsers hold their ids to their syntax."""
    if ref.platform == platforms.bluesky.PLATFORM:
        named = platforms.bluesky.split_post_id(ref.post_id or "")
        return named is not None and platforms.bluesky.TID.match(named[1]) is not None
    if ref.platform in (platforms.instagram.PLATFORM, platforms.threads.PLATFORM):
        return platforms.instagram.PUBLIC_CODE.match(ref.post_id or "") is not None
    return True


def capture_of(url: str) -> str | None:
    """The Wayback Machine capture a URL the article gives is a link to (`platforms.archived_capture`), or None."""
    capture = platforms.archived_capture(url)
    return capture[1] if capture is not None else None


def find_embeds(text: str) -> list[Embed]:
    """Every embed a plain text shows, in order of appearance, each once."""
    # Each step `attempt`ed: a bug in one loses its findings alone, and the article says so (#10).
    instagram = attempt("embeds: Instagram captions", find_instagram_remnants, text, fallback=[])
    signed = attempt("embeds: signatures", find_signatures, text, skip=[e.span for e in instagram],
                     fallback=[])
    taken = [e.span for e in signed + instagram]
    links = attempt("embeds: links in the text", find_url_embeds, text, taken, fallback=[])
    # the other remnants claim no place: a signature or a link on their line is read as it is without them
    remnants = sorted(instagram + attempt("embeds: other platforms' remnants", find_other_remnants, text, fallback=[]),
                      key=lambda e: e.span)
    joined = attempt("embeds: captions' post links", _with_post_links, text, remnants, links, fallback=remnants) \
        if remnants else []
    found = signed + joined + links
    return attempt(ONE_PER_POST, one_per_post, found, fallback=found)


CAPTION_REACH = 300   # characters either side of an Instagram caption line its post's URL is looked for in
# Words before a URL on its line that call it another post than the caption's, or a link further on ("Outra
# publicação:", "See also", "Related:"): its post is not the caption line's (newuser32b #9), in the languages of the
# caption lines read (`OTHER_SHARED_BY`) and Russian.
OTHER_POST_RE = LazyPattern(
    r"(?<!\w)(?:another|other|related|see[ \t]+also|more|also|outr[ao]s?|otr[ao]s?|autres?|voir[ \t]+aussi|andere[rns]?"
    r"|weitere|siehe[ \t]+auch|altr[oaie]|anche|ook|inn[ayei]|więcej|andra|fler|leia[ \t]+também"
    r"|veja[ \t]+também|lee[ \t]+también|ver[ \t]+también|друг(?:ой|ая|ое|ие)|ещё|еще|также|см\.)(?!\w)",
    re.IGNORECASE)


def _with_post_links(text: str, captions: list[Embed], links: list[Embed]) -> list[Embed]:
    """Instagram caption lines (and the other platforms' remnants, `find_other_remnants`: newuser36 #6) with the post
    each one's URL beside it names: the one post URL of its platform within
    CAPTION_REACH of the line, no other caption line between them, nearer this line than the caption lines either
    side (a URL between two lines may sign either: review31r4), of the caption's account when the URL names one,
    and not taken by a caption above (newuser31b §5: the line and the URL were two embeds, one with no id, one with
    no author), nor called another post by the words before it on its line (`OTHER_POST_RE`). `one_per_post` then joins them, as an X signature's status link is its own. A line with two posts
    in reach, or none, keeps no id: which post it signs is not known."""
    platforms_shown = {caption.platform for caption in captions}
    posts = [e for e in links if e.platform in platforms_shown and e.kind == "post" and e.post_id]
    if not posts:
        return captions
    joined, used = [], set()
    for i, caption in enumerate(captions):
        low = max(captions[i - 1].span[1] if i else 0, caption.span[0] - CAPTION_REACH)
        high = min(captions[i + 1].span[0] if i + 1 < len(captions) else caption.span[1] + CAPTION_REACH,
                   caption.span[1] + CAPTION_REACH)
        others = captions[max(i - 1, 0):i] + captions[i + 1:i + 2]
        near = {e.post_id: e for e in posts if e.platform == caption.platform
                and low <= e.span[0] and e.span[1] <= high and e.post_id not in used
                and (e.author_handle is None or e.author_handle.lower() == (caption.author_handle or "").lower())
                and not _called_another(text, e.span[0], caption.span[1]) and _same_subreddit(text, caption, e)
                and all(_gap(e.span, caption.span) < _gap(e.span, other.span) for other in others)}
        if len(near) != 1:
            joined.append(caption)
            continue
        [post] = near.values()
        used.add(post.post_id)
        joined.append(replace(caption, post_id=post.post_id, url=post.url, id_doubt=post.id_doubt))
    return joined


def _same_subreddit(text: str, caption: Embed, post: Embed) -> bool:
    """Is a Reddit remnant's subreddit ("by u/<user> in <sub>") its thread link's, when both name one? A link to a
    thread of another subreddit is another post: it was given the remnant's account (review36e). Any other
    platform's caption: True (its account is checked by the caller)."""
    if caption.platform != platforms.reddit.PLATFORM:
        return True
    named = REDDIT_REMNANT_SUB_RE.search(text, caption.span[0], caption.span[1])
    linked = platforms.reddit.subreddit(post.url)
    return named is None or linked is None or named.group("sub").lower() == linked


def _called_another(text: str, start: int, caption_end: int) -> bool:
    """Do the words before a URL on its line call it another post ("Outra publicação: <url>")? Not the caption line's
    own words, when the URL follows it on its line ("A post shared by Other Voices (@othervoices) <url>": review32r4)."""
    line = text.rfind("\n", 0, start) + 1
    return OTHER_POST_RE.search(text, max(line, caption_end) if caption_end <= start else line, start) is not None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters lie between two spans (0 when they touch or overlap)."""
    return max(b[0] - a[1], a[0] - b[1], 0)
