"""Media metadata: what the bytes are (sniffed, not declared), their size in pixels, a perceptual hash, the
credit fields inside the file (EXIF, IPTC IIM, XMP) and whether a C2PA manifest is present.

Images are hostile input (#12): an image over `max_image_pixels` is refused before its pixels are decoded, a
JPEG is decoded at a reduced scale (draft), and the hash comes from a thumbnail, so memory stays near the size
of the decoded file at most (PNG, GIF, WebP) and far below it for JPEG.

Pure over bytes (`analyse`), so it is tested with images made in the test and re-run on kept bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from resolver.model import plain

FORMATS = ["JPEG", "PNG", "WEBP", "GIF"]
DEFAULT_MAX_PIXELS = 40_000_000     # Settings.max_image_pixels
THUMBNAIL = (512, 512)              # what the perceptual hash is computed from (it looks at 32x32 anyway)
MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"GIF87a", "image/gif"),
         (b"GIF89a", "image/gif"), (b"RIFF", "image/webp"), (b"\x00\x00\x00", "video/mp4"))
IPTC_FIELDS = {(2, 80): "byline", (2, 110): "credit_line", (2, 115): "source", (2, 116): "copyright"}
IPTC_NAMES = {(2, 80): "by-line", (2, 110): "credit", (2, 115): "source", (2, 116): "copyright notice"}
IPTC_CHARSET = (1, 90)                                  # CodedCharacterSet: ISO 2022 escape sequences
IPTC_UTF8 = (b"\x1b%G", b"\x1b%/G", b"\x1b%/H", b"\x1b%/I")   # the ones that say UTF-8 (IPTC IIM 4.2, 1:90; its
# three levels, ISO-IR 190-192: review36c)
# An ISO 2022 escape in 1:90: its intermediate bytes and its final byte
ESCAPE_RE = re.compile(rb"\x1b([\x20-\x2f]+)([\x30-\x7e])")
# The ISO 8859 parts by the final byte of their escape (a 96-character set designated as G1 "ESC -", G2 "ESC ." or
# G3 "ESC /"; ISO-IR registrations 100 ... 226): each is read as its own codec, not as cp1252 (credits36). Latin-1
# is read as cp1252, whose quotes and euro a Latin-1 field often carries.
ISO_8859 = {b"A": "cp1252", b"B": "iso8859_2", b"C": "iso8859_3", b"D": "iso8859_4", b"F": "iso8859_7",
            b"G": "iso8859_6", b"H": "iso8859_8", b"L": "iso8859_5", b"M": "iso8859_9", b"V": "iso8859_10",
            b"T": "iso8859_11", b"Y": "iso8859_13", b"_": "iso8859_14", b"b": "iso8859_15", b"f": "iso8859_16"}
EXIF_ARTIST, EXIF_COPYRIGHT = 0x013B, 0x8298


@dataclass(frozen=True)
class MediaFacts:
    sha256: str
    bytes: int
    mime: str | None
    declared_mime: str | None = None
    width: int | None = None
    height: int | None = None
    phash: str | None = None
    credit: dict[str, str] = field(default_factory=dict)   # artist, copyright, byline, credit_line, source, creator
    c2pa: bool | None = False      # None: nobody could tell (no c2pa library here, or a manifest kept elsewhere)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)   # what was read only in part, e.g. a refused XMP packet
    # The credit fields whose bytes name no character set and read as no text for sure (`unsure_reading`): their
    # bytes in hex, by the plain name `credit` would give them; never in `credit` (newuser43a #2)
    credit_unsure: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return plain(self)


def sniff(data: bytes) -> str | None:
    """The MIME type the first bytes show, whatever the server declared."""
    for magic, mime in MAGIC:
        if data.startswith(magic):
            if mime == "image/webp" and data[8:12] != b"WEBP":
                continue
            if mime == "video/mp4" and data[4:8] != b"ftyp":
                continue
            return mime
    return None


def analyse(data: bytes, *, declared_mime: str | None = None, max_pixels: int = DEFAULT_MAX_PIXELS) -> MediaFacts:
    """Facts about one media file. A broken or hostile file gives an `error`, never an exception."""
    from PIL import Image, UnidentifiedImageError

    base: dict[str, Any] = dict(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), mime=sniff(data),
                                declared_mime=declared_mime)
    if base["mime"] is None or not base["mime"].startswith("image/"):
        return MediaFacts(**base, error=None if base["mime"] else "not an image format this tool reads")
    # Pillow checks this global when it opens a file: a warning past it, an error past twice it. Both are errors
    # here. It is put back afterwards, so a library user's own Pillow calls keep their limit.
    previous, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                return _read(image, base, data)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return MediaFacts(**base, error=f"image too large: over the limit of {max_pixels:,} pixels (max_image_pixels)")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return MediaFacts(**base, error=f"unreadable image: {type(exc).__name__}: {exc}")
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _read(image: Any, base: dict[str, Any], data: bytes) -> MediaFacts:
    """Size from the header; pixels at a reduced scale (JPEG: draft decodes at 1/2..1/8 of the size); then the
    credits (a PNG's metadata after its pixels is read with them) and the hash of the thumbnail."""
    width, height = image.size
    if image.format == "JPEG":
        image.draft("RGB", THUMBNAIL)
    image.thumbnail(THUMBNAIL)
    found_warnings: list[str] = []
    unsure: dict[str, str] = {}
    credit = _credits(image, found_warnings, unsure)
    c2pa, c2pa_warning = has_c2pa(data, base["mime"])
    return MediaFacts(**base, width=width, height=height, phash=_phash(image), credit=credit, c2pa=c2pa,
                      warnings=found_warnings + ([c2pa_warning] if c2pa_warning else []), credit_unsure=unsure)


def _phash(image: Any) -> str | None:
    import imagehash

    try:
        return str(imagehash.phash(image.convert("RGB")))
    except (OSError, ValueError):
        return None


def _credits(image: Any, found_warnings: list[str], unsure: dict[str, str] | None = None) -> dict[str, str]:
    """EXIF Artist/Copyright, IPTC By-line/Credit/Source/Copyright Notice, XMP dc:creator, photoshop:Credit,
    Iptc4xmpCore:CreditLine and dc:rights: each present field, by a plain name. An IPTC field naming no character set
    that reads as no text for sure goes to `unsure` (its bytes in hex) with a warning, not to the credit."""
    found: dict[str, str] = {}
    exif = image.getexif()
    for tag, name in ((EXIF_ARTIST, "artist"), (EXIF_COPYRIGHT, "copyright")):
        value = exif.get(tag)
        if isinstance(value, str):
            # Pillow decodes an ASCII-type tag as Latin-1; exiftool and most tools now write UTF-8 there (#10)
            value = value.encode("latin-1", "replace")
        if isinstance(value, bytes):
            value = _decode_text(value)
        if value and str(value).strip("\x00 "):
            found[name] = str(value).strip("\x00 ")
    try:
        from PIL import IptcImagePlugin

        iptc = IptcImagePlugin.getiptcinfo(image) or {}
    except (OSError, SyntaxError, ValueError, IndexError):
        iptc = {}
    charset = iptc.get(IPTC_CHARSET)
    if isinstance(charset, list):
        charset = b"".join(charset)
    charset = charset if isinstance(charset, bytes) else None
    codec = _iptc_codec(charset) if charset else None
    for key, name in IPTC_FIELDS.items():
        value = iptc.get(key)
        if isinstance(value, list):
            value = b"; ".join(value)
        if not value:
            continue
        if not SHIFT_BYTES.isdisjoint(value):
            # the field names its own sets (credits37), read alike whether 1:90 names the same ones or none (credits38);
            # under a 1:90 naming another set it is left out, never decoded in that set with its escapes left in as
            # letters ("Jane ESC$BF|K\ESC(B Doe": review38b)
            text: str | None = _by_its_escapes(value, named=charset or b"")
            if text is None:
                found_warnings.append(_escapes_not_read(key, charset))
                continue
        elif not charset:
            if (readings := unsure_reading(value)) is not None:
                # another script's bytes: the cp1252 reading is mojibake ("ÓÇÑÉ ÇáÎØíÈ" of windows-1256 Arabic),
                # shown and compared as the file's words it failed a right credit (newuser43a #2)
                found_warnings.append(f"IPTC {IPTC_NAMES[key]} ({key[0]}:{key[1]}) not read with certainty: its bytes "
                                      f"are not UTF-8 and no 1:90 names their character set; "
                                      f"{said_readings(readings)}")
                if unsure is not None:
                    unsure.setdefault(name, value.hex())
                continue
            text = _decode_text(value)   # no set named: valid UTF-8 is UTF-8, else cp1252
        elif codec == "utf-8":
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError:   # "Jos\ufffd": a letter replaced looks like another name (review36c)
                shown = charset.replace(b"\x1b", b"ESC ").decode("ascii", "backslashreplace")
                found_warnings.append(f"IPTC {IPTC_NAMES[key]} ({key[0]}:{key[1]}) not read: its bytes are not valid "
                                      f"in its character set (1:90 = {shown})")
                continue
        else:
            text = _decoded(value, codec)
        if text is None:
            shown = (charset or b"").replace(b"\x1b", b"ESC ").decode("ascii", "backslashreplace")
            found_warnings.append(f"IPTC {IPTC_NAMES[key]} ({key[0]}:{key[1]}) not read: its character set (1:90 = "
                                  f"{shown}) is not one this tool decodes")
            continue
        found.setdefault(name, text.strip())
    found.update({k: v for k, v in _xmp_credits(image, found_warnings).items() if k not in found})
    return found


def _iptc_codec(charset: bytes) -> str | None:
    """The codec the ISO 2022 escapes of an IPTC 1:90 value name: "utf-8" (ESC % G), an ISO 8859 part (ESC - L is
    8859-5), "ascii" when they designate ASCII only (ESC ( B); None when they name a set this tool does not decode (a
    multibyte one, ESC $ B; an escape it does not know; two parts at once), whose bytes are then never guessed: cp1252
    gave a Cyrillic by-line as a Latin mojibake name (credits36)."""
    if any(marker in charset for marker in IPTC_UTF8):
        return "utf-8"
    codecs: set[str] = set()
    for intermediate, final in ESCAPE_RE.findall(charset):
        if intermediate in (b"-", b".", b"/") and final in ISO_8859:
            codecs.add(ISO_8859[final])
        elif not (intermediate == b"(" and final == b"B"):   # ASCII as G0 names nothing more
            return None
    return codecs.pop() if len(codecs) == 1 else None if codecs or not ESCAPE_RE.search(charset) else "ascii"


# The bytes by which ISO 2022's 7-bit forms switch sets inside a field: ESC, SO and SI ("ESC $ B ;3EDB@O: ESC ( B" is
# ISO-2022-JP, "SO 1h9N<v SI" ISO-2022-KR), whose other bytes are then no ASCII.
SHIFT_BYTES = frozenset(b"\x1b\x0e\x0f")


# The 7-bit ISO 2022 forms a field may switch sets in by itself, with no 1:90 (credits37), by the escapes each uses:
# ISO-2022-JP (RFC 1468: ASCII, JIS-Roman, JIS X 0208 of 1978 and 1983) and ISO-2022-KR (RFC 1557: KS C 5601 as G1,
# then SO and SI). Any other escape (a terminal's colour codes, GB 2312) is not read: Python's codecs pass some through.
BY_ITS_ESCAPES = (("iso2022_jp", frozenset({b"\x1b(B", b"\x1b(J", b"\x1b$@", b"\x1b$B"}), False),
                  ("iso2022_kr", frozenset({b"\x1b$)C"}), True))
ANY_ESCAPE_RE = re.compile(rb"\x1b[\x20-\x2f]*[\x30-\x7e]?")


def _by_its_escapes(value: bytes, *, named: bytes = b"") -> str | None:
    """A field's text in the ISO 2022 7-bit form its own escapes name (`BY_ITS_ESCAPES`), or None when they name
    another, or its bytes are not text in it: never text with an ESC, SO or SI left in it. `named`: the 1:90 value,
    whose escapes must be of the same form (ESC $ B for ISO-2022-JP: the set the field switches to); ASCII's
    (ESC ( B) agrees with any. A 1:90 naming another set (UTF-8, an ISO 8859 part) leaves the field unread: its
    bytes then mean two things (credits38: read as UTF-8, the by-line kept its ESC bytes)."""
    escapes = set(ANY_ESCAPE_RE.findall(value))
    declared = set(ANY_ESCAPE_RE.findall(named)) - {b"\x1b(B"}
    shifts = b"\x0e" in value or b"\x0f" in value
    for codec, allowed, shifted in BY_ITS_ESCAPES:
        if not escapes or not escapes <= allowed or shifts and not shifted or not declared <= allowed:
            continue
        try:
            text = value.decode(codec)
        except UnicodeDecodeError:
            return None
        return text if text.isprintable() else None
    return None


def _escapes_not_read(key: tuple[int, int], charset: bytes | None) -> str:
    """The warning for a field switching sets by ISO 2022 escapes that `_by_its_escapes` does not read."""
    field_name = f"IPTC {IPTC_NAMES[key]} ({key[0]}:{key[1]}) not read: it switches character sets by ISO 2022 escapes"
    if not charset:
        return f"{field_name} this tool does not decode, and no 1:90 names its set"
    shown = charset.replace(b"\x1b", b"ESC ").decode("ascii", "backslashreplace")
    return f"{field_name} this tool does not decode, or not of the set its 1:90 names (1:90 = {shown})"


def _decoded(value: bytes, codec: str | None) -> str | None:
    """A field's text in the set 1:90 names (`_iptc_codec`); ASCII bytes read the same in any set, unless the field
    switches sets itself (`SHIFT_BYTES`: review36c); None when they are not text in it (or the set is not known)."""
    if value.isascii() and SHIFT_BYTES.isdisjoint(value):
        return value.decode("ascii")
    if codec is None or codec == "ascii":
        return None
    try:
        return value.decode(codec)
    except UnicodeDecodeError:
        return None if codec != "cp1252" else value.decode("latin-1")


def _decode_text(data: bytes, encodings: tuple[str, ...] = ("utf-8", "cp1252")) -> str:
    """Text of a metadata field whose bytes name no character set (EXIF ASCII tags, IPTC without 1:90): UTF-8 when
    the bytes are valid UTF-8 (Latin-1 words almost never are), else Windows-1252, the usual legacy one, else
    Latin-1, which reads any byte. Never U+FFFD: a name with a replaced letter looks like a different name."""
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def unsure_reading(value: bytes) -> list[tuple[str, str]] | None:
    """The likeliest readings (encoding, text) of a field's bytes that name no character set, when they are not
    UTF-8 and another encoding reads them better than cp1252, the usual legacy one (`alphabets`: windows-1256 Arabic
    is "سارة الخطيب" there, "ÓÇÑÉ ÇáÎØíÈ" in cp1252); None when UTF-8 or cp1252 reads them as well as any."""
    if value.isascii():
        return None
    try:
        value.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    from resolver import alphabets

    found = alphabets.readings(value, every_script=True)
    western = next((reading for reading in found if reading.encoding == "cp1252"), None)
    if not found or western is not None and western.fit >= found[0].fit:
        return None
    return [(reading.encoding, reading.text) for reading in found if reading.fit == found[0].fit]


# How many of a field's likeliest readings a warning names
READINGS_NAMED = 3


def said_readings(readings: list[tuple[str, str]]) -> str:
    """The likeliest readings as a warning names them: "read as cp1256 it says 'سارة الخطيب', as cp874 '…'"."""
    named = [f"'{text}'" if at == 0 else f"as {encoding} '{text}'"
             for at, (encoding, text) in enumerate(readings[:READINGS_NAMED])]
    more = len(readings) - READINGS_NAMED
    return (f"read as {readings[0][0]} it says {', '.join(named)}"
            + (f" (and {more} other reading{'s' * (more > 1)} as likely)" if more > 0 else ""))


def _xmp_credits(image: Any, found_warnings: list[str]) -> dict[str, str]:
    """XMP through Pillow's getxmp(), which needs defusedxml (a declared dependency: without it, nothing).
    A packet defusedxml refuses (entity expansion, external entities) or cannot parse is a warning, not silence."""
    from defusedxml import DefusedXmlException

    try:
        xmp = image.getxmp()
    except DefusedXmlException as exc:
        found_warnings.append(f"XMP packet refused by defusedxml: {type(exc).__name__}")
        return {}
    except Exception as exc:  # noqa: BLE001 - a malformed XMP packet is a file's fault, not ours
        found_warnings.append(f"XMP packet unreadable: {type(exc).__name__}: {exc}"[:300])
        return {}
    found: dict[str, str] = {}
    for description in _descriptions(xmp):
        creator = _text(description.get("creator"))
        if creator:
            found.setdefault("creator", creator)
        for key, name in (("Credit", "credit_line"), ("CreditLine", "credit_line"), ("Source", "source"),
                          ("rights", "copyright")):
            value = _text(description.get(key))
            if value:
                found.setdefault(name, value)
    return found


def _descriptions(xmp: Any) -> list[dict[str, Any]]:
    description = (((xmp or {}).get("xmpmeta") or {}).get("RDF") or {}).get("Description")
    if isinstance(description, dict):
        return [description]
    return [d for d in description or [] if isinstance(d, dict)]


def _text(value: Any) -> str | None:
    """The words of an XMP value: a string, an rdf:Seq/Alt/Bag of strings, or a lang-alt {'text': ...}."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        for key in ("Seq", "Alt", "Bag"):
            if key in value:
                return _text(value[key].get("li") if isinstance(value[key], dict) else value[key])
        return _text(value.get("text"))
    if isinstance(value, list):
        parts = [t for t in (_text(v) for v in value) if t]
        return "; ".join(parts) or None
    return str(value)


# What the c2pa library may fetch by itself: nothing (#12). With its defaults it fetched the manifest an image says is
# kept elsewhere (XMP dcterms:provenance, any URL the file's author wrote) with an HTTP client of its own, past the
# SSRF guard, offline and replay runs and the fetch log. OCSP fetching is off by default; it is said here too.
C2PA_SETTINGS = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}
REMOTE_MANIFEST_RE = re.compile(r"^Remote\b.*?\burl (\S+)", re.IGNORECASE | re.DOTALL)
_c2pa_contexts: dict[int, Any] = {}   # the c2pa Context with C2PA_SETTINGS, per process (one made before a fork
#                                       holds native locks the child cannot use, as the library's own default)


def has_c2pa(data: bytes, mime: str) -> tuple[bool | None, str | None]:
    """Whether a C2PA manifest store is present, as the c2pa library reads it (never parsed by hand), and a warning.
    None when nobody could tell: the library cannot be loaded here, or the file says its manifest is kept elsewhere,
    which is never fetched (a warning says where)."""
    try:
        import c2pa
    except (ImportError, OSError):
        return None, None
    try:
        context = _c2pa_contexts.get(os.getpid())
        if context is None:
            context = _c2pa_contexts[os.getpid()] = c2pa.Context(c2pa.Settings.from_dict(C2PA_SETTINGS))
        with c2pa.Reader(mime, io.BytesIO(data), context=context) as reader:
            return bool(reader.json()), None
    except Exception as exc:  # noqa: BLE001 - c2pa raises its own error for "no manifest"; absence is the answer
        remote = REMOTE_MANIFEST_RE.match(str(exc))
        if remote is None:
            return False, None
        where = "".join(c if c.isprintable() else "?" for c in remote.group(1))[:200]
        return None, (f"C2PA manifest kept elsewhere, at {where}: not fetched (a file's links are never followed), "
                      "so whether one is present is not known")
