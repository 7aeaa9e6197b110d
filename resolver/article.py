"""An article as read from disk or stdin: its bytes, their sha256, the decoded text and whether it is HTML."""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from resolver import jsonparse, saved_pages
from resolver.errors import InputError, NotDecodable, cannot_open_error
from resolver.lazy import LazyPattern

if TYPE_CHECKING:
    from resolver import alphabets

MAX_ARTICLE_BYTES = 50_000_000   # the default of `[scan] max_article_bytes`; a WARC record's or JSONL line's own cap
SIZE_SETTING = "[scan] max_article_bytes"
# Signatures of common binary files, so a stray image in a folder says what it is.
MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "a RIFF (WebP/WAV) file"), (b"\x7fELF", "an executable"), (b"SQLite format 3", "an SQLite database"),
)
# What to do instead, for the binary files a reporter gives as her article (newuser37b #8: "it looks like a PDF
# document" said what it is, not what to do). A ZIP is looked into first (saved_pages: a .docx, a zipped web page).
NEXT_STEP = {
    "a PDF document": "scan the article's web page (its URL, or the page saved as HTML), or copy the PDF's text "
                      "into a .txt file and scan that",
    "a ZIP archive": "unzip it and scan the files it holds",
}
# HTML: a page's own tags; an element an article's markup is made of with an attribute that has a value, or its end
# tag ("<figure><img src=...><figcaption>", "<h1>…</h1>": a fragment, a CMS export, a snippet on stdin; wire28, they
# were read as text and a caption's credit was lost); or two different such tags bare ("<p>…<br>"). One bare tag is
# not enough, however often it comes: a scraper's left-over "<br>" or "He typed <em> in the box" is plain text, whose
# tweet signature HTML would not read (review28c #4). An attribute needs a name and its "=": "<a few words>",
# "<figure of speech>" and "<span = 3>" are no markup. No nested repeats: a sniff stays linear (#12).
_SNIFFED_TAGS = rb"(?:p|div|span|blockquote|article|section|iframe|figure|figcaption|img|picture|h[1-6]|br|hr|li|ul|ol" \
                rb"|table|tr|td|th|em|strong)"
HTML_SNIFF_RE = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]"
    rb"|<(?:a|" + _SNIFFED_TAGS + rb")\s(?:[^<>=]{0,400}?[\s\"'])?[a-z_:][-\w:.]{0,40}\s*=\s*[^\s<>][^<>]{0,400}>"
    rb"|</(?:a|" + _SNIFFED_TAGS + rb")\s*>"
    rb"|<(?P<bare>" + _SNIFFED_TAGS + rb")\s*/?>",   # not a bare "<a>": "choose <a> or <b>"
    re.IGNORECASE,
)
META_CHARSET_RE = LazyPattern(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]{2,40})""", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """One input document, decoded. `text` is what spans index into.

    The text is the bytes decoded with `encoding` (replacing what does not decode: what `decode` did). It is kept
    from the decoding that chose the encoding, and not pickled: an article a worker sends back to the main process
    carries its bytes only, and its text is decoded again there if something asks for it (a report's quotes; a
    scan never does). Unpickling the text was most of what receiving an article cost the main process (#14)."""

    source: str
    data: bytes = field(repr=False)
    kind: str                      # "html" | "text"
    encoding: str
    encoding_detected: bool        # True when the encoding was guessed, not declared or UTF-8
    encoding_given: bool = False   # True when the user named the encoding (--encoding): it corrects the cache's record
    # When the user named it (UTC): this run's time, or an earlier run's that the cache recorded for these bytes
    encoding_given_at: str | None = None
    # A guessed encoding's rivals: the others that read the bytes into other letters as plausibly ("Dvořák" in cp1250
    # is "Dvoøák" in cp1252), likelier first. The guess is unsure, and every output says so (#10). All of them: a
    # short Greek "Ναι" reads as well in cp1252, cp1251 and cp1253, and naming one rival hid the right one (enc31).
    encoding_rivals: tuple[str, ...] = ()
    # A page read out of a container (saved_pages): what the file is ("an MHTML web archive") and what of it was read
    # ("its HTML part, decoded (quoted-printable)"); None for a page read as it is. Its bytes, hash and spans are the
    # page's, not the file's, and every output says so (`read_from`).
    container: str | None = None
    container_part: str | None = None
    # the container file's own sha256 (the exhibit's, as `sha256sum FILE` gives it), beside the page's (inputs38)
    container_sha256: str | None = None
    # the record whose payload the container is ("WARC record", "JSON Lines record"), None for a file or stdin: its
    # hash is the payload's, no file's (review39b)
    container_holder: str | None = None
    # The bytes UTF-8 could not read in a page read as UTF-8 all the same (`decode`: a stray byte, a cut), each replaced
    # with U+FFFD; every output says how many (newuser39b #11). 0 for valid UTF-8 and any other encoding.
    bad_bytes: int = 0
    # The Western charset the page was labelled with (iso-8859-1) when its bytes were read in its language's
    # encoding instead (`_label_misreads`: a windows-1256 page saying lang="ar"), else None (newuser43a #3)
    encoding_label: str | None = None
    page_language: str | None = None   # the <html lang> that overruled it (`encoding_label`)

    @property
    def encoding_label_said(self) -> str | None:
        """What every output says of a page whose Western label was overruled (`encoding_label`), or None."""
        if self.encoding_label is None:
            return None
        return (f"the page is labelled {self.encoding_label}, which reads its letters as Latin ones, but it says it "
                f"is in language '{self.page_language}' (<html lang>), and {self.encoding} reads it into that language's "
                f"letters: the label is likely wrong, and the page was read as {self.encoding} (guessed); give "
                f"--encoding {self.encoding} to confirm it, or --encoding {self.encoding_label} to read it by its label")

    @property
    def read_from(self) -> str | None:
        """The note every output gives of a page read out of a container, or None."""
        if self.container is None or self.container_part is None:
            return None
        return saved_pages.read_from(self.container, self.container_part, self.container_sha256,
                                     self.container_holder)

    @property
    def bad_bytes_said(self) -> str | None:
        """What every output says of a page read as UTF-8 with bytes UTF-8 could not read (`bad_bytes`), or None."""
        if not self.bad_bytes:
            return None
        many = f"{self.bad_bytes:,} bytes are" if self.bad_bytes != 1 else "1 byte is"
        return f"{many} not UTF-8: the page was read as UTF-8, each bad byte replaced (U+FFFD)"

    @property
    def encoding_rival(self) -> str | None:
        """The likeliest rival (`encoding_rivals`), or None: the guess is sure, or not a guess."""
        return self.encoding_rivals[0] if self.encoding_rivals else None

    @cached_property
    def text(self) -> str:
        return decode_as(self.data, self.encoding)

    @property
    def size(self) -> int:
        """The article's length in bytes."""
        return len(self.data)

    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in self.__dict__.items() if name != "text"}

    def without_page(self) -> Article:
        """What a run records and prints of this article (source, kind, encoding, hash, size), without its bytes and
        text: what a worker sends back to a run that never reads the page (a scan), #14."""
        summary = object.__new__(ArticleSummary)
        summary.__dict__.update({name: value for name, value in self.__dict__.items() if name != "text"},
                                data=b"", sha256=self.sha256, size=len(self.data))
        return summary

    def given_at(self, at: str) -> Article:
        """This article, its encoding named by the user at `at` (UTC ISO 8601). Made as `without_page` makes a
        summary, so a summary (no page kept) stays one."""
        named = object.__new__(type(self))
        named.__dict__.update(self.__dict__, encoding_given=True, encoding_given_at=at)
        return named

    @property
    def utf8(self) -> bytes | None:
        """The bytes when they are exactly `text` encoded as UTF-8 (they were decoded as strict UTF-8, not with bad
        bytes replaced), else None: the HTML parser takes them as they are instead of encoding the text again (#14)."""
        return self.data if self.encoding == "utf-8" and not self.encoding_detected else None

    @cached_property
    def sha256(self) -> str:
        # Computed once (in the worker process that read the article; the value travels with it).
        return hashlib.sha256(self.data).hexdigest()


class PageNotKept(RuntimeError):
    """A run asked for the bytes or text of an article whose page it chose not to keep."""


class ArticleSummary(Article):
    """An article scanned in a worker process whose page stayed there (`Article.without_page`). Its bytes and text
    are not here: asking for them is an error, never an empty page."""

    def _not_kept(self) -> None:
        raise PageNotKept(f"{self.source}: the page was not kept by this run (RunOptions(texts=False)), only what is "
                          f"recorded of it")

    data = property(lambda self: self._not_kept())
    text = property(lambda self: self._not_kept())
    utf8 = property(lambda self: self._not_kept())
    size = property(lambda self: self.__dict__["size"])


KINDS = ("html", "text")


def kind_given(kind: object) -> str | None:
    """A kind a caller named, case-folded ("HTML" is html), or None (sniff it). Anything else is a ValueError
    (newuser30 #6: `scan(page, kind="pdf")` read the page as text and said its kind was "pdf"; "HTML" was text too,
    the blockquote's words and author lost)."""
    if kind is None:
        return None
    folded = kind.strip().casefold() if isinstance(kind, str) else kind
    if folded not in KINDS:
        raise ValueError(f"kind must be 'html' or 'text' (or None: sniffed), not {kind!r}")
    return folded


def sniff_kind(data: bytes, *, encoding: str | None = None) -> str:
    """'html' when the first 64 KB hold HTML markup (HTML_SNIFF_RE, or two different bare tags), else 'text'. The
    content decides, not the file name. UTF-16 (a BOM, or the `encoding` given) is judged by its characters: its
    bytes put a NUL in every tag, and a UTF-16 page was read as plain text."""
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding is not None and not _ascii_compatible(encoding):
        data = data[:131072].decode(encoding, errors="replace").encode("utf-8")
    bare: set[bytes] = set()
    at = 0
    while found := HTML_SNIFF_RE.search(data, at, 65536):   # searched in place, not copied (#14)
        if found.group("bare") is None:
            return "html"
        bare.add(found.group("bare").lower())
        if len(bare) > 1:
            return "html"
        at = found.end()
    return "text"


def _ascii_compatible(encoding: str) -> bool:
    try:
        return "<".encode(encoding) == b"<"
    except LookupError:
        return True   # decoding says it is unknown, in its words


CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])   # C0 controls other than tab, newline, VT, FF, CR


def looks_binary(data: bytes, *, text: str | None = None) -> str | None:
    """A description of the binary format the bytes are in, or None when they may be text. `text`: the bytes as the
    encoding known for them decodes them (one the user gave): its characters are judged, not the bytes (UTF-16 or
    UTF-32 text without a byte-order mark is mostly NUL bytes)."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if text is not None:
        head = text[:8192].encode("utf-8", "replace")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 text: half its bytes are NUL; judge its characters, not its bytes
        head = head[2:].decode("utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be",
                               errors="replace").encode("utf-8")
    if head and text is None and b"\x1b" in head and _iso2022_jp(data) is not None:   # a head without ESC: no search
        head = head.replace(b"\x1b", b"")   # its escape sequences are text's, not controls (extract33); of the page (#14)
    if head:
        # NUL counts as the other controls: one stray NUL byte (a scraper's) made a whole article "binary".
        controls = len(head) - len(head.translate(None, CONTROL_BYTES))   # counted in C, not byte by byte (#14)
        if controls / len(head) > 0.05:
            return "binary data (NUL bytes)" if b"\x00" in head else "binary data (control bytes)"
    return None


# ISO-2022-JP (RFC 1468) is 7-bit: JIS X 0208 between "ESC $ B" (or "ESC $ @") and "ESC ( B" (or "ESC ( J"); its
# ISO-2022-JP-2 extension adds more sets the same way. No other encoding a page is in writes these sequences: bytes
# below 0x80 holding one, that read as it, are in it. Read as ASCII it was UTF-8 with its escapes showing, or its ESC
# bytes made it "binary data" (extract33).
_ISO2022_JP_RE = LazyPattern(rb"\x1b\$(?:[@B]|\(D)")


def _iso2022_jp(data: bytes) -> str | None:
    """The ISO-2022-JP codec that reads `data` (its 7-bit escape sequences), or None: the bytes are not in it."""
    # ESC alone first: a one-byte search is memchr, 25 times faster than the two bytes' (0.14 ms a 118 KB page, read
    # twice an article: a page's reading 0.058 to 0.338 ms, bench_process, #14)
    if b"\x1b" not in data or b"\x1b$" not in data or not data.isascii() or not _ISO2022_JP_RE.search(data):
        return None
    for name in ("iso2022_jp", "iso2022_jp_2"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return None


def decode(data: bytes, *, encoding: str | None = None, kind: str = "text",
           declared: str | None = None) -> tuple[str, str, bool, tuple[str, ...]]:
    """Decode bytes: the encoding given, else a BOM, else UTF-8, else UTF-8 with a few bad bytes replaced, else the
    charset the HTTP header `declared`, else a declared HTML charset (a latin-1 or ASCII label read as cp1252, as
    browsers read it), else detection. Returns the text, the encoding, whether it was guessed, and the other
    encodings that read the bytes into other letters as plausibly as the guess (none: empty)."""
    if encoding:
        try:
            return data.decode(encoding), encoding, False, ()
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}; try utf-8, latin-1 or cp1252") from None
        except UnicodeDecodeError as exc:
            raise NotDecodable(f"not valid {encoding} at byte {exc.start}; try another --encoding") from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, False, ()
    if (jis := _iso2022_jp(data)) is not None:   # guessed unless the page or its header names it
        named = any(_codec_of(name).startswith("iso2022_jp") for name in _declared_names(data, kind, declared))
        return data.decode(jis), jis, not named, ()
    try:
        return data.decode("utf-8"), "utf-8", False, ()
    except UnicodeDecodeError:
        pass
    # Before what the page declares, as valid UTF-8 is: a label is often wrong (Apache says ISO-8859-1 of every
    # page), and a crawl cuts a record in the middle of a character.
    if _mostly_utf8(data) and not _short_and_not_utf8(data):
        name = MIXED + "cp1252" if _holds_cp1252(data) else "utf-8"
        return decode_as(data, name), name, True, ()
    if _declares_utf8(data, kind, declared):
        if _utf8_with_no_break_spaces(data):   # each read as it is written (review41b)
            return decode_as(data, MIXED + "cp1252"), MIXED + "cp1252", True, ()
        if _stray_bytes(data):
            return data.decode("utf-8", errors="replace"), "utf-8", True, ()
    for codec in (codec for name in _declared_names(data, kind, declared) for codec in _as_browsers_read(name)):
        if not _ascii_compatible(codec) and b"\x00" not in data[:4096]:
            continue   # a label saying UTF-16 on markup that reads as ASCII: it is not UTF-16 (WHATWG reads UTF-8)
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        if (overruled := _label_misreads(data, codec, kind)) is not None:
            return (*overruled, ())
        return text, codec, False, ()
    name, rivals = _guess(data[:200_000], language=_language(data) if kind == "html" else None)
    if (single := _one_byte_part(data[:200_000])) is not None and _latin(data[:200_000], name):
        name, rivals = MIXED + single, ()   # a scraper joined sources: a UTF-8 dash in Latin-1 words (wire28)
    return decode_as(data, name), name, True, rivals


# How well a Latin reading must fit (alphabets.fit, word by word) to be taken for text: below it, the bytes are of
# another script (cp1251, Shift JIS) and charset_normalizer's guess stands.
PLAUSIBLE = 0.9
# The letters of a Western text cp1252 reads with no doubt left: German, French and Spanish ones. Short French read
# in cp1250 is Slovak-looking ("fermé … lŕ"), but a Western text is likelier by far (review29c).
COMMON_WESTERN = set("äöüßàâæçéèêëîïôœùûÿáíñóú")


def _guess(data: bytes, *, language: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The encoding of one-byte text and its rivals (`_guess_by_letters`), ISO-8859-16 for Romanian (`_romanian`).
    `language`: the one the page says it is in (`_language`)."""
    name, rivals = _guess_by_letters(data, language)
    return _romanian(data, name), rivals


# The language a page says it is in: its <html> tag's lang, the first subtag ("he" of "he-IL")
_HTML_LANG_RE = LazyPattern(rb"""<html\b[^>]{0,300}?\blang\s*=\s*["']?([A-Za-z]{2,3})(?![A-Za-z])""", re.IGNORECASE)
_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic")
_CENTRAL_LANGUAGE = ("cp1250", "iso8859_2", "iso8859_16")
_BALTIC = ("cp1257", "iso8859_13", "iso8859_4")
# The encodings (as `alphabets` names its readings) a page in each language cp1252 cannot write may be in. Of the
# readings of a short text that fit as well, the one in such an encoding of the page's language is taken (`_spoken`).
LANGUAGE_ENCODINGS = {
    **dict.fromkeys(("he", "iw"), ("cp1255", "iso8859_8", "cp862")), "tr": ("cp1254",),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "sl", "hr", "bs", "ro"), _CENTRAL_LANGUAGE),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr"), _CYRILLIC),
    "el": ("cp1253", "iso8859_7", "mac_greek"), **dict.fromkeys(("ar", "fa", "ur"), ("cp1256", "iso8859_6")),
    "th": ("cp874",), "ja": ("cp932", "euc_jp"), "zh": ("gb18030", "big5"), "ko": ("euc_kr",),
    **dict.fromkeys(("lt", "lv", "et"), _BALTIC),
}


def _language(data: bytes) -> str | None:
    """The language an HTML page says it is in (`<html lang="he">`), lower case, or None."""
    found = _HTML_LANG_RE.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def _spoken(data: bytes, tied: list[alphabets.Reading], language: str | None) -> alphabets.Reading | None:
    """Of several readings of `data` that fit as well, the first in an encoding of the page's `language`
    (`LANGUAGE_ENCODINGS`), or None: none is, or the first such is the one the guess takes anyway. A short Hebrew
    sentence fits as well in cp1251 ("шащ дтйшййд"), Greek and Hebrew, and cp1251, the web's likelier, was taken; in
    a page saying lang="he" it is read as Hebrew now, the others still its rivals (a template's lang may be wrong:
    the guess stays unsure). encodings41. A reading is named by the first encoding that reads it (`alphabets.readings`):
    one an encoding of the language reads alike is the language's too. A cp1250 page's "Novák ©Reuters" is cp1252's
    reading, and was passed over for ISO-8859-2's "Novák ŠReuters" (review42b)."""
    from resolver import alphabets

    encodings = LANGUAGE_ENCODINGS.get(language or "")
    if not encodings or len(tied) < 2:
        return None
    for at, reading in enumerate(tied):
        if reading.encoding in encodings:
            return reading
        if reading.encoding not in alphabets.MULTI_BYTE and any(
                alphabets.same_letters(data.decode(name, errors="replace")) == alphabets.same_letters(reading.text)
                for name in encodings if name not in alphabets.MULTI_BYTE):
            return None if at == 0 else reading
    return None


# Romanian's letters: s and t with a comma below (ISO-8859-16's), with a cedilla (cp1250's and ISO-8859-2's, which
# have no other), ă â î.
_ROMANIAN = set("ăâîșşțţ")
_CEDILLA = set("şţŞŢ")


def _romanian(data: bytes, name: str) -> str:
    """ISO-8859-16 for Romanian text guessed cp1250 or ISO-8859-2 when it reads the bytes into the same letters: the
    three write "ș" and "ş" with one byte, and ISO-8859-16, made for Romanian, gives the comma below its writers
    typed (a search for "Ștefan" missed cp1250's "Ştefan", enc30). cp1250 text whose quotes or dash ISO-8859-16
    reads otherwise (as controls) is cp1250's, its cedillas as written."""
    if name not in _CENTRAL:
        return name
    from resolver import alphabets

    text = data.decode(name, errors="replace")
    letters = {char.lower() for char in set(text) if char.isalpha() and not char.isascii()}
    if not (letters and _ROMANIAN.issuperset(letters) and _CEDILLA.intersection(text)):
        return name
    same = alphabets.same_letters(data.decode("iso8859_16", errors="replace")) == alphabets.same_letters(text)
    return "iso8859_16" if same else name


def _guess_by_letters(data: bytes, language: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The encoding of one-byte text, and the others that read its bytes into other letters as plausibly (likelier
    first; none: empty). charset_normalizer alone judged short texts badly (iso8859-2 Polish as iso8859_3, Sami iso8859-10 as
    cp1250, French as mac_latin2); the reading whose letters a language writes (`alphabets`) is taken, and
    charset_normalizer's guess, or cp1252, decides between readings that fit as well."""
    from charset_normalizer import from_bytes  # lazy: only undecodable input pays for it

    from resolver import alphabets

    matches = list(from_bytes(data))
    detected = _same_in_cp1252(data, _prefer_western(matches)) if matches else "cp1252"
    short = len(data) - len(data.translate(None, _HIGH_BYTES)) <= SHORT
    found = alphabets.readings(data)
    detected_text = alphabets.same_letters(data.decode(detected, errors="replace"))
    windows = next((reading for reading in found if reading.encoding == "cp1251"), None)
    if detected == "mac_cyrillic" and windows is not None and windows.fit >= alphabets.fit(detected_text):
        # The two read small letters alike; charset_normalizer rated Russian with few capitals more coherent in Mac
        # Cyrillic ("Мост" as "ћост"), the web's far rarer: cp1251, which reads it as well, unsure (review29f).
        return "cp1251", ("mac_cyrillic",)
    if detected == "cp1251" and windows is not None and not short and _fits_better_in_mac(data, windows):
        # and the other way round: Mac Cyrillic as cp1251 ("Њост"), said sure (enc30). A short text is judged
        # against every script's reading (`_short_guess`).
        return "mac_cyrillic", ("cp1251",)
    tied = [reading for reading in found if reading.fit == found[0].fit]
    # the page's language decides between readings that fit as well: a short text's, of every script (`_spoken`)
    best = alphabets.readings(data, latin=found) if short and language in LANGUAGE_ENCODINGS else found
    spoken = _spoken(data, [reading for reading in best if reading.fit == best[0].fit], language)
    if best[0].fit[0] >= PLAUSIBLE and spoken is not None:
        return spoken.encoding, tuple(reading.encoding for reading in best
                                      if reading.fit == best[0].fit and reading is not spoken)
    western = tied[0].encoding == "cp1252" and COMMON_WESTERN.issuperset(   # each character once (#14)
        char.lower() for char in set(tied[0].text) if char.isalpha() and char >= "\x80")
    if found[0].fit[0] < PLAUSIBLE or not alphabets.latin(detected_text):
        # Another script's text (cp1251, Shift JIS): its guess stands; but not over a Western reading that fits
        # every character where it stands, with no other script's reading as good (review29f: "It’s closed." was
        # gb18030's "It抯 closed.", "Café" cp1251's "Cafй").
        if not (western and found[0].fit == (1.0, 1.0) and all(alphabets.latin(r.text) for r in tied)):
            if short:
                return _short_guess(detected, detected_text, alphabets.readings(data, latin=found))
            if not _fits_worse(detected, detected_text, found):
                return detected, ()
    if western and short and not _letters_beyond_ascii(tied[0].text):
        if script := _script_read(data, found, tied[0]):
            return "cp1252", script
        if rivals := _letter_for_a_sign(tied[0], tied[1:]):
            # a sign glued to a word's letters ("£ukasz", "©koda") is another Latin encoding's letter as plausibly
            # (cp1250 "Łukasz", ISO-8859-2 "Škoda"), and was said sure (encodings41)
            return "cp1252", rivals
    if western and not (short and (_few_letters(tied[0].text) or _quote_closing_a_word(tied[0].text))):
        return "cp1252", ()
    if western:   # "Dziękuję" is "Dziêkujê" in cp1252, "Rīga" "Rîga": a letter or two may be another language's
        rivals = tuple(reading.encoding for reading in tied[1:])
        if short:   # or another script's: Shift JIS "日本" is cp1252's "“ú–{", unsure of Latin ones only (encodings41)
            rivals += tuple(reading.encoding for reading in alphabets.readings(data, latin=found)
                            if reading.fit >= tied[0].fit and reading.encoding not in rivals
                            and reading is not tied[0] and not alphabets.latin(reading.text))
        return "cp1252", rivals
    chosen = next((reading for reading in tied if alphabets.same_letters(reading.text) == detected_text), None)
    rivals = tuple(reading.encoding for reading in tied if reading is not (chosen or tied[0]))
    if short and (not rivals or not alphabets.latin((chosen or tied[0]).text)):
        # a few Latin letters may be another script's as well (enc30); and a few taken for another script's (a
        # Cyrillic "Ќ") may be any script's: Shift JIS "港" was read as cp1251's "Ќ`", its rivals cp1250 and
        # mac_roman only, Shift JIS unnamed (encodings41)
        every = alphabets.readings(data, latin=found)
        rivals = tuple(r.encoding for r in every if r.fit >= tied[0].fit and r.text != (chosen or tied[0]).text)
    if short and chosen is None and not rivals and _few_letters(tied[0].text) and alphabets.latin(detected_text):
        # The letters' reading overrules charset_normalizer's on one or two letters beyond ASCII: as a short Western
        # reading with so few (SURE_LETTERS), the other is named as its rival. "Caf\xe9 … \xff\xfe closed" was
        # iso8859_13's "Café … ’ž", said sure, over cp1252's "Café … ÿþ" (newuser36b #4).
        rivals = (detected,)
    return (detected if chosen else tied[0].encoding), rivals


def _script_read(data: bytes, found: list[alphabets.Reading], signs: alphabets.Reading) -> tuple[str, ...]:
    """The other scripts' encodings that read a short text, whose Latin reading (`signs`) holds signs beyond ASCII and
    no letter, into words of their letters, as plausibly: Big5 "臺北" is cp1252's "»O¥_", and was said sure
    (extract33). Words: more of their letters than ASCII ones, or two of them in a row ("Photo: 臺北 office"). A line
    of English words around one sign stays sure: "Bridge — closed" is Mac Cyrillic's "Bridge Ч closed", "20°C today"
    gb18030's "20癈 today" (review29f)."""
    from resolver import alphabets

    if all(_TYPOGRAPHIC_START <= char <= _TYPOGRAPHIC_END for char in signs.text if not char.isascii()):
        return ()   # cp1252's dashes, quotes, bullets side by side ("———", "’”"): an English line's (review33r2)
    return tuple(reading.encoding for reading in alphabets.readings(data, latin=found)
                 if reading.fit >= signs.fit and not alphabets.latin(reading.text)
                 and (_TWO_LETTERS_BEYOND_ASCII_RE.search(reading.text) is not None
                      or _letters_beyond_ascii(reading.text) > sum(c.isascii() and c.isalpha() for c in reading.text)))


_TWO_LETTERS_BEYOND_ASCII_RE = LazyPattern(r"[^\x00-\x7f\W\d_]{2}")
# A Latin-1 sign (cp1252's upper half from A1 to BF: "£", "©", "¥") right before a letter: another Latin encoding's
# letter, more likely than a sign glued to a word
_SIGN_ON_A_WORD_RE = LazyPattern(r"[\xa1-\xbf](?=[^\W\d_])")
# The signs that open a quote a later sign closes («basta», »Nein«): glued to the word they open, as they are
# written, they are these signs. (Not "¿" before a "?": Polish "Czy życie jest takie?" is cp1252's "¿ycie".)
_CLOSED_BY = {"«": "»", "»": "«"}


def _letter_for_a_sign(signs: alphabets.Reading, others: list[alphabets.Reading]) -> tuple[str, ...]:
    """The Latin readings among `others` (one-byte, as cp1252's `signs` is) that read a sign `signs` holds right
    before a word's letters (`_SIGN_ON_A_WORD_RE`) as a letter starting that word as words start: a capital before
    small letters ("Łukasz", "Škoda") or before capitals only ("ŠKODA"), a small letter before small ones ("żona").
    A quote the sign opens and a later sign closes is no letter ("«basta»"); nor is a capital before "Reuters" or
    "Hola", or a sign read as another sign: "©Reuters", "®Brand" and "¡Hola!" were said unsure of
    ISO-8859-2's "ŠReuters", "ŽBrand" and "ĄHola", Mac Roman's "°Hola" (review42b)."""
    from resolver import alphabets

    text = signs.text
    places = [found.start() for found in _SIGN_ON_A_WORD_RE.finditer(text)
              if found.group() not in _CLOSED_BY or _CLOSED_BY[found.group()] not in text[found.end():]]
    if not places:
        return ()
    return tuple(reading.encoding for reading in others
                 if len(reading.text) == len(text) and alphabets.latin(reading.text)
                 and any(_starts_a_word(reading.text, at) for at in places))


def _starts_a_word(text: str, at: int) -> bool:
    """Does the letter at `at` start the word of letters after it as a word starts (`_letter_for_a_sign`)?"""
    first = text[at]
    rest = _LETTERS_RE.match(text, at + 1)
    word = rest.group() if rest else ""
    if not first.isalpha() or not word:
        return False
    if first.islower():
        return word.islower()
    return word.islower() or word.isupper()


_LETTERS_RE = LazyPattern(r"[^\W\d_]+")
# Unicode's General Punctuation, where cp1252's dashes, quotes, ellipsis, bullet and daggers are; Big5's bytes read
# in cp1252 are Latin-1 signs ("»O¥_"), never these.
_TYPOGRAPHIC_START, _TYPOGRAPHIC_END = "\u2010", "\u205e"


def _fits_worse(detected: str, detected_text: str, found: list[alphabets.Reading]) -> bool:
    """Does charset_normalizer's guess of another script read the bytes into words no language writes, where a Latin
    reading fits (`PLAUSIBLE`)? Eight sentences of Mac Roman French were read as cp855 ("Le prјsident a dјclarј")
    and said sure; the Latin readings are judged then (lead32)."""
    from resolver import alphabets

    if found[0].fit[0] < PLAUSIBLE:
        return False
    own = next((reading.fit for reading in found if reading.encoding == detected), None)
    # the cheap tests first: a Cyrillic page guessed cp1251 is found[0] and fits (#14)
    return (own or alphabets.fit(detected_text))[0] < PLAUSIBLE and alphabets.latin(found[0].text)


def _fits_better_in_mac(data: bytes, windows: alphabets.Reading) -> bool:
    """Do the bytes read into one Cyrillic language's letters in Mac Cyrillic, better than in cp1251 (`windows`)?"""
    from resolver import alphabets

    mac = data.decode("mac_cyrillic", errors="replace")
    if mac == windows.text:
        return False
    mac_fit = alphabets.fit(mac)
    return mac_fit[0] >= PLAUSIBLE and mac_fit > windows.fit


def _few_letters(text: str) -> bool:
    """Does `text` hold one letter beyond ASCII, or more but fewer than `SURE_LETTERS`? (Signs alone are no
    language's: cp1252's "It’s" is mac_roman's "Itís", and an English line is not unsure for it.)"""
    return 0 < _letters_beyond_ascii(text) < SURE_LETTERS


def _letters_beyond_ascii(text: str) -> int:
    return sum(char.isalpha() for char in text if char >= "\x80")


# An opening quote mark right after a letter and not before one: where a quote closes. German closes its quotes so
# („Ja“, ‚ja‘), after opening them with a low mark; a text holding none is another encoding's letter read as a quote
# mark (Mac Roman's "Zoë" is cp1252's "Zo‘", "Così" "Cos“").
_QUOTE_CLOSING_A_WORD_RE = LazyPattern(r"(?<=[^\W\d_])[‘“](?![^\W\d_])")


def _quote_closing_a_word(text: str) -> bool:
    """Does `text` hold an opening quote mark where a quote closes, and no low quote mark that opens one? Mac Roman
    "Zoë" was read as cp1252's "Zo‘" and said sure (enc30's table, enc31). "It’s" holds a closing one: an English
    line is not unsure for it."""
    return "„" not in text and "‚" not in text and _QUOTE_CLOSING_A_WORD_RE.search(text) is not None


# A short text: so few bytes beyond ASCII (a name, a few words: 1 to 3 words of Cyrillic are 2 to 30) that several
# encodings of several scripts read them as letters; its guess is compared with each (alphabets.OTHER_SCRIPTS).
SHORT = 48
_HIGH_BYTES = bytes(range(0x80, 0x100))
# A short Western reading with this many letters beyond ASCII (all German, French or Spanish ones) is taken as sure;
# with fewer, another Latin language's reading of the same bytes is named as its rival.
SURE_LETTERS = 3


def _short_guess(detected: str, detected_text: str,
                 found: list[alphabets.Reading]) -> tuple[str, tuple[str, ...]]:
    """The encoding of a short text (`SHORT`), and the others that read it into other letters as plausibly. The
    readings that fit best are tied: charset_normalizer's guess among them, else the first (cp1252, then the web's
    likelier encodings); every other tied reading is a rival. Before, charset_normalizer's guess
    stood for a text in another script, and most were wrong and said sure: "Да" as gb18030's "泥", "Нет" as
    cp932's "ﾍ褪", "Ναι" as "ﾍ硅" (enc30)."""
    from resolver import alphabets

    tied = [reading for reading in found if reading.fit == found[0].fit]
    if found[0].fit[0] < PLAUSIBLE:
        # no reading is a language's letters: the guess stands, unsure; the likeliest other reading is named (all
        # of them, none plausible, would be every encoding's)
        return detected, tuple(r.encoding for r in found if alphabets.same_letters(r.text) != detected_text)[:1]
    chosen = next((reading for reading in tied if alphabets.same_letters(reading.text) == detected_text), None)
    if chosen is not None:
        name = detected
    else:
        chosen = tied[0]   # cp1252 first, then the web's likelier encodings (alphabets.CANDIDATES, OTHER_SCRIPTS)
        name = chosen.encoding
    return name, tuple(reading.encoding for reading in tied if reading is not chosen)


def _short_and_not_utf8(data: bytes) -> bool:
    """Are these mostly-UTF-8 bytes (`_mostly_utf8`) a short text whose reading as UTF-8 no language writes? Two
    UTF-8 characters are chance in a few bytes: Thai "ขอบคุณ" in cp874 holds two, and was read "¢ͺ¤س" (enc30).
    Judged on the words the bad bytes are not in, once they hold `SURE_LETTERS` characters beyond ASCII: a short
    UTF-8 page's one stray byte ("x \xff y") made its own word no language writes, that word alone lowered the fit
    below `PLAUSIBLE`, and the page went to detection, read as Mac Central European or cp1250 with every letter
    changed ("powiedział" as "powiedzia≈Ç") and nothing said (review41b). A one-byte text's chance UTF-8 characters
    stand beside its bad bytes, in their words."""
    if len(data) - len(data.translate(None, _HIGH_BYTES)) > SHORT:
        return False
    from resolver import alphabets

    text = data.decode("utf-8", errors="replace")
    clean = " ".join(word for word in _WORD_SPLIT_RE.split(text) if "\ufffd" not in word)
    if sum(char >= "\x80" for char in clean) >= SURE_LETTERS:
        return min(alphabets.fit(clean)) < PLAUSIBLE
    return alphabets.fit(text)[0] < PLAUSIBLE


# What parts words: white space and ASCII's signs ("déclaré</p><p>x\ufffd" is two words and a tag's)
_WORD_SPLIT_RE = LazyPattern(r"[\s!-&(-/:-@\[-`{-~]+")


def _latin(data: bytes, name: str) -> bool:
    """Is `data` read in `name` Latin text? Thai's bytes hold what looks like UTF-8 Latin-1 letters ("ขอบคุณ" in
    cp874 was read as mixed, "¢ͺ¤س"): only Latin text is mixed (enc30)."""
    from resolver import alphabets

    return alphabets.latin(data.decode(name, errors="replace"))


def _one_byte_part(data: bytes) -> str | None:
    """The one-byte encoding of text holding UTF-8 sequences a scraper joined in, else None. Its one-byte part is
    guessed on the bytes around them (sniff29): read whole, the sequences themselves swayed the guess ("Ã©",
    cp1252's reading of a UTF-8 "é", is mojibake where cp1250's "Ă©" and iso8859_10's are letters), and UTF-8
    French with a few cp1252 quote marks was read as cp1250. Central European text (cp1250, iso8859-2) is mixed
    only by the sequences no such text makes (a dash's "â€", an emoji's): its "Ă" before a sign is Romanian."""
    if not _holds_utf8(data):
        return None
    single, _ = _guess(UTF8_SEQUENCE_RE.sub(b"", data))
    if single in _WESTERN or single in _CENTRAL and _holds_utf8(data, sure=True):
        return single
    return None


def _same_in_cp1252(data: bytes, name: str) -> str:
    """cp1252 when it reads `data` as the encoding guessed does, else that encoding: the words are the same either
    way, and cp1252 is the likelier by far. Short German or French (é ü ö ä ß, the same bytes in cp1250) was named
    cp1250, and a report said "the encoding was guessed (cp1250)" of a Western text (newuser29b §6)."""
    if name == "cp1252":
        return name
    try:
        same = data.decode(name) == data.decode("cp1252")
    except (LookupError, UnicodeDecodeError):
        same = False
    return "cp1252" if same else name


# Mixed text: one-byte (cp1252) text holding UTF-8 sequences, each read as UTF-8 and the other bytes in the one-byte
# encoding. Its name is "utf-8+" and that encoding's ("utf-8+cp1252"). Before, the sequences were read as the
# guess: a UTF-8 em dash became "â€”", which a tweet's signature took as the post's words (newuser28 #7).
MIXED = "utf-8+"
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_CENTRAL = ("cp1250", "iso8859_2")   # mixed by the SURE sequences only (see `_one_byte_part`)
# The UTF-8 sequences read as UTF-8 in one-byte text, by what their one-byte reading would be (review28c #2):
# - "SURE": "â€", "â‚", "â„" then a byte (punctuation, currency, letter-like signs: "â€”" is an em dash's mojibake)
#   and "ðŸ" then two (an emoji). No text writes "â" before "€" or "„", or "ð" before "Ÿ": one of them is enough.
# - "LATIN": "Â" or "Ã" then a Latin-1 sign (the mojibake of Latin-1's own letters and signs: "Ã©" for "é"). A
#   capital at a word's end before "»", a no-break space or "©" writes them too, so one is chance; two are not.
# Nothing else: other valid sequences are what cp1252 text makes by chance. French puts a no-break space before
# "»", and "é\xa0»" is a three-byte sequence (U+983B, a CJK character); "AMANHÃ”" is "Ô" once "Ã”" is read as
# UTF-8. Each flipped a whole file to mixed and changed its words (wire28's rule took any three-byte sequence, and
# any two-byte one starting "Â"/"Ã").
_SURE_UTF8 = rb"\xe2[\x80\x82\x84][\x80-\xbf]|\xf0\x9f[\x80-\xbf]{2}"
_LATIN_UTF8 = rb"[\xc2\xc3][\xa0-\xbf]"
UTF8_SEQUENCE_RE = LazyPattern(rb"(?P<sure>" + _SURE_UTF8 + rb")|" + _LATIN_UTF8)
SURE_UTF8_RE = LazyPattern(rb"(?P<sure>" + _SURE_UTF8 + rb")")


def _holds_utf8(data: bytes, *, sure: bool = False) -> bool:
    """Do one-byte bytes hold UTF-8 a scraper joined in: one sure sequence, or (unless `sure`) two Latin-1 letters
    or signs?"""
    seen = 0
    for sequence in (SURE_UTF8_RE if sure else UTF8_SEQUENCE_RE).finditer(data):
        seen += 1
        if sequence.group("sure") is not None or seen > 1:
            return True
    return False


def decode_as(data: bytes, encoding: str) -> str:
    """The text of bytes in an encoding as `decode` names it, what does not decode replaced: a mixed one
    ("utf-8+cp1252") reads each UTF-8 sequence as UTF-8 and the other bytes in its one-byte encoding. Which
    sequences: in mostly UTF-8 bytes (`_mostly_utf8`), every valid one; in one-byte text, those it never makes by
    chance (`UTF8_SEQUENCE_RE`; in Central European text, `SURE_UTF8_RE`). The bytes decide, so a worker's article
    decodes to the same text."""
    if not encoding.startswith(MIXED):
        return data.decode(encoding, errors="replace")
    single, parts, at = encoding[len(MIXED):], [], 0
    if _mostly_utf8(data):
        return _utf8_then(data, single)
    for sequence in (UTF8_SEQUENCE_RE if single in _WESTERN else SURE_UTF8_RE).finditer(data):
        parts += [data[at:sequence.start()].decode(single, errors="replace"), sequence.group().decode("utf-8")]
        at = sequence.end()
    return "".join(parts) + data[at:].decode(single, errors="replace")


# Declared charsets browsers decode as another (the WHATWG Encoding standard's labels): pages that say ISO-8859-1
# or ASCII use cp1252's quotes and dashes. Read as latin-1, the dash before a flattened tweet's author was a control.
_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}


# The labels a Western page is declared with, as `codecs` names them: read by them, another script's bytes are Latin
# letters ("ÇáãíäÇÁ" for windows-1256 "الميناء"), every one of them a letter these encodings write.
WESTERN_LABELS = ("cp1252", "iso8859-1", "iso8859-15")
# How many letters of its own script (ones Windows-1252 cannot write) a language's encoding must read a page into,
# at the least, and the share of its letters beyond ASCII they must be, to overrule a Western label
SCRIPT_LETTERS, SCRIPT_SHARE = 3, 0.5


def _label_misreads(data: bytes, codec: str, kind: str) -> tuple[str, str, bool] | None:
    """(text, encoding, guessed) of an HTML page whose Western label (`WESTERN_LABELS`: iso-8859-1 said of every page
    by a server's default) misreads it, or None. The evidence must be strong: the page says its language
    (`<html lang="ar">`) is one Windows-1252 cannot write (`LANGUAGE_ENCODINGS`), an encoding of that language
    reads the bytes strictly into its script's letters (`SCRIPT_LETTERS`, most of the letters beyond ASCII:
    French words read alike in windows-1256, and stay the label's), and its reading fits better than the label's
    and plausibly (`alphabets.fit`). newuser43a #3: a windows-1256 page labelled iso-8859-1 was read as mojibake, its
    author "åíÆÉ ÇáãæÇäÆ", with no word. The reading is guessed: every output says so, and names the label
    (`label_overruled`)."""
    if kind != "html" or _codec_of(codec) not in WESTERN_LABELS or data.isascii():
        return None
    language = _language(data)
    if language is None or language not in LANGUAGE_ENCODINGS:
        return None
    from resolver import alphabets

    head = data[:200_000]
    cut = _cut_at_end(head) if len(data) > len(head) else 0
    label_fit = alphabets.fit(head.decode(codec, errors="replace"))
    for name in LANGUAGE_ENCODINGS[language]:
        try:
            text = head[:len(head) - cut].decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        beyond = Counter(c for c in text if not c.isascii() and c.isalpha())
        own = sum(count for char, count in beyond.items() if not _writes(char, "cp1252"))
        fit = alphabets.fit(text)
        if own >= SCRIPT_LETTERS and own >= SCRIPT_SHARE * sum(beyond.values()) and fit[0] >= PLAUSIBLE and fit > label_fit:
            return data.decode(name, errors="replace"), name, True
    return None


def label_overruled(data: bytes, kind: str, declared: str | None, used: str) -> dict[str, str]:
    """The Western charset a page was labelled with (the HTTP header's, else the meta tag's) and the language it
    says it is in, when `_label_misreads` read it in that language's `used` encoding instead, as `Article` fields
    (`encoding_label`, `page_language`); else none."""
    language = _language(data) if kind == "html" else None
    if language is None or used not in LANGUAGE_ENCODINGS.get(language, ()):
        return {}
    label = next((name for name in _declared_names(data, kind, declared) if _codec_of(name) in WESTERN_LABELS), None)
    return {"encoding_label": label, "page_language": language} if label else {}


def _declared_names(data: bytes, kind: str, declared: str | None) -> list[str]:
    """The charsets the HTTP header `declared` and an HTML page's meta tag name, in that order."""
    meta = META_CHARSET_RE.search(data[:4096]) if kind == "html" else None
    return ([declared] if declared else []) + ([meta.group(1).decode("ascii", "replace")] if meta else [])


def _codec_of(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _as_browsers_read(name: str) -> list[str]:
    """The encodings to try for a declared charset: the one browsers use for it first (strict cp1252 refuses five
    bytes latin-1 takes), then the name itself."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return [name]   # decoding says it is unknown
    return [_AS_BROWSERS_READ[codec], name] if codec in _AS_BROWSERS_READ else [name]


# A byte UTF-8 cannot read, as surrogateescape keeps it (U+DC80 to U+DCFF), and runs of them.
_ESCAPED_RE = LazyPattern("[\udc80-\udcff]+")


def _utf8_then(data: bytes, single: str) -> str:
    """Mostly UTF-8 bytes: every valid sequence read as UTF-8, every other byte in the one-byte encoding `single`;
    a character cut at the end (a crawl's size limit) replaced, as UTF-8 reads it."""
    cut = _cut_at_end(data)
    text = data[:len(data) - cut].decode("utf-8", errors="surrogateescape")
    text = _ESCAPED_RE.sub(lambda run: run.group().encode("utf-8", "surrogateescape").decode(single, "replace"), text)
    return text + "\ufffd" * bool(cut)


def _cut_at_end(data: bytes) -> int:
    """How many bytes at the end start a UTF-8 sequence they are too short to finish (0 if none)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80 or byte >= 0xc0:   # ASCII, or a lead byte: the last sequence starts here
            needed = 2 if 0xc2 <= byte <= 0xdf else 3 if 0xe0 <= byte <= 0xef else 4 if 0xf0 <= byte <= 0xf4 else 0
            return back if back < needed else 0
    return 0


def _holds_cp1252(data: bytes) -> bool:
    """Are the bytes UTF-8 cannot read, in mostly UTF-8 bytes, cp1252 text a scraper joined in (sniff29), not stray
    bytes (a template's, a crawl's cut)? Most of them read as cp1252 punctuation, a no-break space or a letter beside
    a letter ("Ren\xe9e", "\xab Nous"); a lone "\xff" between two tags or a byte cp1252 leaves undefined is none."""
    import unicodedata

    cut = _cut_at_end(data)
    text = data[:len(data) - cut].decode("utf-8", errors="surrogateescape")
    words = strays = 0
    for run in _ESCAPED_RE.finditer(text):
        read = run.group().encode("utf-8", "surrogateescape").decode("cp1252", "replace")
        beside = text[run.start() - 1: run.start()] + text[run.end(): run.end() + 1]
        for char in read:
            kind = unicodedata.category(char)
            lettered = kind[0] == "L" and (len(read) > 1 or any(c.isalpha() for c in beside))
            if char != "\ufffd" and (kind[0] == "P" or kind in ("Sc", "Zs") or lettered):
                words += 1
            else:
                strays += 1
    return words > strays and not _read_otherwise_in_its_script(text)


# One-byte encodings of the scripts whose letters cp1252 cannot write (Central European, Cyrillic, Greek, Turkish,
# Hebrew, Arabic, Baltic, Vietnamese).
OTHER_ONE_BYTE = ("cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258")


def _read_otherwise_in_its_script(text: str) -> bool:
    """Do the bytes UTF-8 cannot read (kept by surrogateescape in `text`) read otherwise in a one-byte encoding
    that writes the UTF-8 text's own letters cp1252 cannot ("ł" of Polish)? A Polish scraper's joined bytes are
    cp1250's: "\xa3\xf3d\x9f" is "Łódź" there, "£ódŸ" in cp1252, a plausible wrong name (review29c). Bytes that
    read alike in both (« » ’ …, é) stay cp1252's."""
    foreign = {c for c in set(text) if c.isalpha() and not c.isascii() and not _writes(c, "cp1252")}
    if not foreign:
        return False
    escaped = "".join(run.group() for run in _ESCAPED_RE.finditer(text)).encode("utf-8", "surrogateescape")
    as_cp1252 = escaped.decode("cp1252", "replace")
    return any(escaped.decode(name, "replace") != as_cp1252 for name in OTHER_ONE_BYTE
               if any(_writes(c, name) for c in foreign))


def _writes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _declares_utf8(data: bytes, kind: str, declared: str | None) -> bool:
    """Do the HTTP header or the page's meta tag name UTF-8?"""
    return any(_codec_of(name) == "utf-8" for name in _declared_names(data, kind, declared))


# Any character beyond ASCII but a byte UTF-8 cannot read (kept by surrogateescape)
_READ_BEYOND_ASCII_RE = LazyPattern("[^\x00-\x7f\udc80-\udcff]")


def _stray_bytes(data: bytes) -> bool:
    """Are the bytes UTF-8 cannot read, in a page that declares UTF-8, strays (a template's junk, a cut) rather than
    a one-byte encoding's words? Strays: no encoding of any script reads them, where they stand, into a language's
    letters (`alphabets.fit`, `PLAUSIBLE`). The UTF-8 characters the page holds are taken for ASCII letters, so only
    the bad bytes are judged. Before, a UTF-8 page whose six last bytes were junk went to detection and was read as
    cp775: every letter beyond ASCII mojibake, and nothing said (newuser39b #11). French in cp1252 or Russian in
    cp1251 labelled UTF-8 reads as words, and is read in its encoding as before. The bytes as they are are judged
    too: in Thai (cp874), GBK or EUC-KR some byte pairs happen to be valid UTF-8 ("¡" in cp874's "นายก"), and taken
    for letters "a" they split the words, no reading fitted, and such a page was read as UTF-8 with every letter
    replaced (review40b). A lone byte A0 is a one-byte encoding's no-break space (a cp1252 editor's &nbsp;), no
    stray: judged as a space, a page whose only bad bytes they are goes on to its label and detection, as before
    (review40b: "Ten�people" where cp1252 read "Ten people")."""
    from resolver import alphabets

    text = data.decode("utf-8", errors="surrogateescape")
    judged = _READ_BEYOND_ASCII_RE.sub("a", text).replace("\udca0", " ").encode("utf-8", errors="surrogateescape")
    # Only the words holding a byte beyond ASCII are read (each encoding judges only those): the whole page, read in
    # some 30 encodings, took 5 s for 2 MB with five junk bytes, against a 20 s article budget (review40b)
    # The page's own bytes in a CJK encoding may hold Latin names in its words (`_cjk_with_latin_names`); the bad
    # bytes alone, between a UTF-8 page's letters, are judged as they stand ("abc\x81\x82\x83\x84def" is junk).
    raw = _words_beyond_ascii(data)
    return all(reading.fit[0] < PLAUSIBLE and not (each == raw and _cjk_with_latin_names(reading))
               for each in dict.fromkeys((_words_beyond_ascii(judged), raw))
               for reading in alphabets.readings(each, every_script=True))


# A run of ASCII letters beside two CJK characters or more (letters, CJK signs, full-width forms): a Latin name in
# a Chinese, Japanese or Korean word ("发布iPhone新机", "【速報】Apple"). A stray byte read in a CJK encoding makes one
# character at most beside the letters ("It抯").
_CJK_TWO = "[\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff5e]{2}"
_LATIN_BESIDE_CJK_RE = LazyPattern(f"(?<={_CJK_TWO})[A-Za-z]+|[A-Za-z]+(?={_CJK_TWO})")


def _cjk_with_latin_names(reading: alphabets.Reading) -> bool:
    """Does a CJK encoding's `reading` fit (`PLAUSIBLE`) once the Latin names run into its words are set apart? CJK
    text writes them so ("苹果公司发布iPhone新机"), and a word of Latin and CJK letters fits no language: such a short
    page in GBK, Big5, Shift_JIS or EUC-KR labelled UTF-8 was taken for UTF-8 with strays and read with every letter
    replaced, said sure (review42b; base39 read it right)."""
    from resolver import alphabets

    if reading.encoding not in alphabets.MULTI_BYTE:
        return False
    apart, found = _LATIN_BESIDE_CJK_RE.subn(" ", reading.text)
    return found > 0 and alphabets.fit(apart)[0] >= PLAUSIBLE


def _utf8_with_no_break_spaces(data: bytes) -> bool:
    """Is a page labelled UTF-8 UTF-8 text (a character of two bytes or more) whose only bytes UTF-8 cannot read are
    no-break spaces of a one-byte encoding (byte A0, as a cp1252 editor types &nbsp;)? Read by its label and
    detection (review40b), as a page in cp1252 is, such a page's own UTF-8 letters were mojibake: "José … Ten\xa0people"
    was read as HP Roman-8 (review41b)."""
    if b"\xa0" not in data:
        return False
    text = data.decode("utf-8", errors="surrogateescape")
    return _READ_BEYOND_ASCII_RE.search(text) is not None and all(
        run == "\udca0" * len(run) for run in _ESCAPED_RE.findall(text))


# A run of bytes between white space holding one beyond ASCII, looked at from its first byte only (a word of ASCII
# letters is not tried again from each of its letters). White space is no byte of a character in any encoding
# `alphabets.readings` reads (a Shift JIS or Big5 second byte is 0x40 or more), so each run reads as in the page.
_WORD_BEYOND_ASCII_RE = LazyPattern(rb"(?<!\S)\S*[\x80-\xff]\S*")


# How much of those runs is judged: as much as the guess reads of a page (`decode`'s 200 KB). All of a 2 MB page in GBK
# labelled UTF-8, read in some 30 encodings twice, took 1.7 s of CPU (review41b).
JUDGED_BYTES = 200_000


def _words_beyond_ascii(data: bytes) -> bytes:
    """The runs of `data` between white space that hold a byte beyond ASCII, a space between two, up to
    `JUDGED_BYTES`, cut before a space or a "<" (no byte of a character in two bytes: `_WORD_BEYOND_ASCII_RE`)."""
    words: list[bytes] = []
    size = 0
    for match in _WORD_BEYOND_ASCII_RE.finditer(data):
        words.append(match.group())
        size += len(words[-1]) + 1
        if size > JUDGED_BYTES:
            break
    joined = b" ".join(words)
    if len(joined) <= JUDGED_BYTES:
        return joined
    cut = max(joined.rfind(b" ", 0, JUDGED_BYTES), joined.rfind(b"<", 0, JUDGED_BYTES))
    return joined[:cut] if cut > 0 else joined[:JUDGED_BYTES]


def bad_utf8_bytes(data: bytes) -> int:
    """How many bytes UTF-8 cannot read in `data`."""
    return sum(len(run) for run in _ESCAPED_RE.findall(data.decode("utf-8", errors="surrogateescape")))


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (a stray byte from a template, a page cut in the middle of a character): it
    decodes at least as many characters of two or more bytes as it has bad sequences. In text of a one-byte
    encoding (cp1252, latin-1) the bytes above 127 almost never form a valid UTF-8 sequence, so it has none.
    Before, one bad byte sent the whole page to detection, which read it as cp1252: "José" became "JosÃ©"."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    wide = len(text) - len(text.encode("ascii", "ignore")) - replaced
    return 0 < bad <= wide


# When detection ties (short texts often do), the encodings most news pages actually use win.
PREFERRED_ON_TIE = ("cp1252", "latin_1", "iso8859_15", "cp1251", "shift_jis", "gb18030", "euc_kr")


def _prefer_western(matches: list) -> str:
    # A reading that puts a symbol inside a word ("Mu±oz", cp775 for a Spanish latin-1 line) is mojibake, however
    # coherent charset_normalizer rates it (a short text gives it a handful of bytes to judge by): the next reading
    # as free of chaos wins (newuser26).
    calm = [m for m in matches if abs(m.chaos - matches[0].chaos) < 0.005]
    clean = [m for m in calm if not _symbol_in_word(str(m))]
    best = clean[0] if clean else matches[0]
    # A tie as charset_normalizer counts one (CharsetMatch.__lt__): chaos within 0.5%, coherence within 2%.
    # Exact equality missed cp1252 rated more coherent than the cp1250 put first: "Núñez" became "Núńez".
    ties = {m.encoding for m in (clean or matches)
            if abs(m.chaos - best.chaos) < 0.005 and abs(m.coherence - best.coherence) <= 0.02}
    return next((name for name in PREFERRED_ON_TIE if name in ties), best.encoding)


# The superscript digits and vulgar fractions of latin-1 (Python's \w takes them: they are numbers, No).
_NUMBER_SIGNS = "\u00b2\u00b3\u00b9\u00bc\u00bd\u00be"
# A letter before and after (looked at once the sign is found, which is faster than trying each character for one)
_BETWEEN_LETTERS = r"(?<=[^\W\d_].)(?=[^\W\d_])"
_NO_WORD_NO_SPACE_RE = LazyPattern(r"[^\w\s]")


def _symbol_in_word(text: str) -> bool:
    """A symbol or control character beyond ASCII between two letters ("Mu±oz"; not "O’Brien" or "l·l", whose
    marks are punctuation), or a superscript digit or a fraction: cp850 reads cp1252's "ü" as "³", "J³rgen"
    (review26 #10). Not a dash: "May—reopened" is good cp1252. The signs the text holds are found first, each
    once, and only they are looked for between letters (a 100 KB page, 10 ms a reading, #14)."""
    import unicodedata

    signs = "".join(char for char in set(text) if not char.isascii() and (char in _NUMBER_SIGNS or (
        unicodedata.category(char)[0] in "SC" and _NO_WORD_NO_SPACE_RE.match(char))))
    return bool(signs) and re.search(f"[{re.escape(signs)}]{_BETWEEN_LETTERS}", text) is not None


class TooLarge(InputError):
    """An article file or stdin past `[scan] max_article_bytes`."""

    def __init__(self, source: str, limit: int, size: int | None = None) -> None:
        amount = f"{size:,} bytes is more" if size is not None else "more"   # a stream has no size to say
        super().__init__(f"cannot scan {printable(source)}: {amount} than the {limit:,}-byte limit ({SIZE_SETTING})")


def from_bytes(data: bytes, source: str, *, kind: str | None = None, encoding: str | None = None,
               declared: str | None = None, given: bool = True, max_bytes: int | None = None,
               holder: str | None = None) -> Article:
    """Build an Article, refusing binary data with a message that says what the bytes look like. `declared`: the
    charset the HTTP Content-Type of a fetched page or a WARC record named (see `decode`). `given`: False when
    `encoding` is a fact of the input (a JSON Lines record's text is UTF-8), not one the user named. `max_bytes`:
    the `[scan] max_article_bytes` of a file or stdin (0: none); None, the fixed cap of a container's record.
    `holder`: the record `data` is the payload of ("WARC record", "JSON Lines record"), None for a file or stdin: a
    container's hash is then that payload's (`Article.container_holder`, review39b)."""
    kind = kind_given(kind)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be str, not {type(encoding).__name__}")
    source = printable(source)
    if max_bytes is not None:
        if max_bytes and len(data) > max_bytes:
            raise TooLarge(source, max_bytes, len(data))
    elif len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"cannot scan {source}: {len(data):,} bytes is more than the {MAX_ARTICLE_BYTES:,} byte limit")
    # A saved page in a container (MHTML, an e-mail, a Safari web archive, a zipped page): the page it holds, in the
    # charset it names for it; a container holding none is refused saying what to do (newuser37b #1, #3, #8).
    inner = saved_pages.unwrap(data, source, max_bytes=MAX_ARTICLE_BYTES if max_bytes is None else max_bytes)
    container = container_part = container_sha256 = None
    if inner is not None:
        container_sha256 = hashlib.sha256(data).hexdigest()   # the file's, before its page replaces it
        data, kind, declared = inner.data, kind or inner.kind, inner.charset or declared
        container, container_part = inner.container, inner.part
    # With an encoding given the bytes are judged once decoded in it: before, they were not judged at all, and
    # `scan --encoding ascii folder/` read a file of NUL bytes as an article its walk skips without one (odds28).
    binary = None if encoding else looks_binary(data)
    if binary:
        raise _no_article(source, binary)
    kind = kind or sniff_kind(data, encoding=encoding)
    try:
        text, used, detected, rivals = decode(data, encoding=encoding, kind=kind, declared=declared)
    except NotDecodable as exc:
        binary = looks_binary(data)   # sniffed only now: text in the encoding given (UTF-16) may look binary
        if binary:   # an image in a folder read with --encoding is no article, as without it
            raise _no_article(source, binary) from None
        raise NotDecodable(f"cannot read {source}: {exc}") from None
    except InputError as exc:
        raise InputError(f"cannot read {source}: {exc}") from None
    if encoding and (binary := looks_binary(data, text=text)):
        raise _no_article(source, binary)
    article = Article(source=source, data=data, kind=kind, encoding=used, encoding_detected=detected,
                      encoding_given=bool(encoding) and given, encoding_rivals=rivals, container=container,
                      container_part=container_part, container_sha256=container_sha256,
                      container_holder=holder if container is not None else None,
                      bad_bytes=bad_utf8_bytes(data) if used == "utf-8" and detected else 0,
                      **(label_overruled(data, kind, declared, used) if detected else {}))
    article.__dict__["text"] = text   # the cached_property's value: decoded once, here
    return article


def _no_article(source: str, binary: str) -> InputError:
    """The refusal of a binary file: what it looks like, and what to do when there is a next step (`NEXT_STEP`)."""
    return saved_pages.refused(source, binary, NEXT_STEP.get(binary, ""))


def not_a_page(content_type: str | None, *, text: bool = False) -> str | None:
    """Why an answer of this HTTP Content-Type is no article page, "not HTML (application/json)", or None for HTML
    (and, with `text`, plain text). The one rule for a WARC record (which leaves such records out) and an article
    URL (which refuses them: a JSON answer whose bytes look like HTML was scanned as a page, newuser30 #10)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if "html" in media or text and media == "text/plain":
        return None
    return f"not HTML ({media or 'no Content-Type'})"


def charset_of(content_type: str | None) -> str | None:
    """The charset an HTTP Content-Type names ('text/html; charset="koi8-r"' -> 'koi8-r'), or None."""
    if not content_type:
        return None
    from email.message import Message

    header = Message()
    header["content-type"] = content_type
    charset = header.get_content_charset()
    return charset if isinstance(charset, str) and charset else None


def refuse_container(data: bytes, source: str) -> None:
    """A crawl or a feed given as one article (a SOURCE, or stdin) is refused naming the option that reads it: it
    was scanned as one article, every page of a WARC file or every record of a JSON Lines file under one hash."""
    head, packed = data[:4096], ""
    if head.startswith(b"\x1f\x8b"):
        try:
            head, packed = zlib.decompressobj(wbits=31).decompress(head, 64), "gzipped "
        except zlib.error:
            return
    what = None
    if head.lstrip().startswith((b"WARC/", b"filedesc://")):
        what = f"a {packed}WARC or ARC file (give it to --warc-input)"
    elif packed and head.startswith(b"{"):   # a gzipped page is read (saved_pages); gzipped JSON is a feed
        what = "gzipped JSON Lines (give it to --jsonl)"
    elif head.startswith(b"{"):
        try:
            first = jsonparse.loads(data.split(b"\n", 1)[0])
        except ValueError:
            return
        what = "JSON Lines (give it to --jsonl)" if isinstance(first, dict) else None
    if what is not None:
        raise InputError(f"cannot scan {source}: it looks like {what}, not an article (HTML or text)")


def printable(text: str) -> str:
    """Text that can be printed, recorded and put in JSON: a file name that is not UTF-8 (Python keeps its bytes as
    lone surrogates, which SQLite, JSON and a terminal refuse) gets them as \\xNN escapes (#11: one such name in a
    folder ended the whole run with an internal error). Other text is returned as it is."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def cannot_open(path: Path, exc: OSError) -> str:
    """The one line for a file that could not be opened, in words rather than errno's ("[Errno 2] No such file or
    directory: '…'" was what a missing --warc-input said)."""
    if isinstance(exc, FileNotFoundError):
        return f"cannot read {path}: no such file"
    if isinstance(exc, IsADirectoryError):
        return f"cannot read {path}: it is a directory"
    if isinstance(exc, PermissionError):
        return f"cannot read {path}: permission denied"
    if exc.errno == errno.ELOOP:   # "Too many levels of symbolic links" (newuser46b #7)
        return f"cannot read {path}: it is a link loop (a link that leads back to itself)"
    return f"cannot read {path}: {exc.strerror or exc}"


def from_path(path: Path, *, kind: str | None = None, encoding: str | None = None,
              max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read a file into an Article; an unreadable file is an InputError naming it, one past `max_bytes` (0: no
    limit) a TooLarge, judged before it is read."""
    try:
        data = _read_file(path, max_bytes)
    except OSError as exc:
        raise cannot_open_error(cannot_open(path, exc), exc, str(path)) from None
    if encoding is None:
        refuse_container(data, str(path))
    return from_bytes(data, str(path), kind=kind, encoding=encoding, max_bytes=max_bytes)


def _read_file(path: Path, limit: int = 0) -> bytes:
    """A file's bytes, to its end: one open, one fstat and (when the size holds) one read. Path.read_bytes
    stats, seeks twice and reads again to find the end (#14: a few microseconds an article). With a `limit` (0:
    none), a file whose size passes it is refused unread, and what has no size (a character device, a pipe) or
    grew is read one byte past it at most (newuser30: `scan /dev/zero` read until the machine killed it)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if limit and size > limit:
            raise TooLarge(str(path), limit, size)
        data = os.read(fd, size + 1)
        if len(data) == size:
            return data
        # Shorter (a pipe, a partial read) or longer (it grew since): read on to the end, as read_bytes does.
        parts, held = [data], len(data)
        while (not limit or held <= limit) and (chunk := os.read(fd, max(size, 1 << 16))):
            parts.append(chunk)
            held += len(chunk)
        if limit and held > limit:
            raise TooLarge(str(path), limit)
        return b"".join(parts)
    finally:
        os.close(fd)
