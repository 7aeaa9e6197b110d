"""A page in a language whose credit words the credit reader does not read (credits36; fixnu35a left it): "Φωτογραφία:
Γιώργος Παππάς" on a Greek page gives no credit, and a report saying only "No photo credit was found" would imply
the page has none. Found from the page's own `lang` (HTML), else from its letters: mostly in a script none of the
languages read is written in (Greek, Devanagari, Thai...). A page whose lang names a language read, or names none
and is written in letters some language read uses (Latin, Cyrillic, Arabic, CJK...), says nothing: covered in part
is not said. Pure: a page's text in, a finding out.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from resolver.lazy import LazyPattern, lazy_dataclass

# The languages whose credit words are read (README "Photo credits"): English, German, Dutch, Italian, French,
# Spanish, Portuguese, Turkish, Hebrew, Russian, Ukrainian, Japanese, Chinese, Korean, Arabic, Persian, Finnish,
# Polish; and those whose photo credit is written "Foto:", which is read (Danish, Norwegian, Swedish, Czech, Slovak,
# Croatian, Serbian, Bosnian, Slovenian, Romanian, Indonesian, Malay, Catalan, Galician, Estonian, Latvian).
COVERED = frozenset("en de nl it fr es pt tr he iw ru uk ja zh ko ar fa fi pl "
                    "da no nb nn sv cs sk hr sr bs sl ro id ms ca gl et lv".split())
NAMES = {"el": "Greek", "hu": "Hungarian", "bg": "Bulgarian", "mk": "Macedonian", "be": "Belarusian", "lt": "Lithuanian",
         "hi": "Hindi", "bn": "Bengali", "ur": "Urdu", "pa": "Punjabi", "ta": "Tamil", "te": "Telugu", "mr": "Marathi",
         "gu": "Gujarati", "kn": "Kannada", "ml": "Malayalam", "ne": "Nepali", "si": "Sinhala", "th": "Thai",
         "lo": "Lao", "km": "Khmer", "my": "Burmese", "vi": "Vietnamese", "tl": "Tagalog", "fil": "Filipino",
         "ka": "Georgian", "hy": "Armenian", "az": "Azerbaijani", "kk": "Kazakh", "uz": "Uzbek", "sw": "Swahili",
         "am": "Amharic", "is": "Icelandic", "ga": "Irish", "cy": "Welsh", "sq": "Albanian", "mt": "Maltese",
         "ps": "Pashto", "ku": "Kurdish", "so": "Somali", "ha": "Hausa", "yo": "Yoruba", "zu": "Zulu", "af": "Afrikaans",
         "eu": "Basque", "mn": "Mongolian"}
# The <html> element's lang (xml:lang too), in the page's first characters, where the element is.
LANG_RE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})(?![A-Za-z])", re.IGNORECASE)
HEAD = 8192
# Letters of scripts no language read is written in: Greek, Armenian, Georgian, the Indic scripts, Sinhala, Thai,
# Lao, Myanmar, Ethiopic, Khmer.
UNREAD_RANGES = (("\u0370", "\u03ff"), ("\u1f00", "\u1fff"), ("\u0530", "\u058f"), ("\u10a0", "\u10ff"),
                 ("\u0900", "\u0dff"), ("\u0e00", "\u0eff"), ("\u1000", "\u109f"), ("\u1200", "\u137f"),
                 ("\u1780", "\u17ff"))
UNREAD_LETTER_RE = LazyPattern("[" + "".join(f"{low}-{high}" for low, high in UNREAD_RANGES) + "]")
# The first bytes of those letters' UTF-8 (each range is of one length of encoding, its first bytes rising with it).
# A page's bytes holding fewer of them than ENOUGH hold fewer letters: one C pass over the bytes answers most
# non-ASCII pages, where the letters' regex took more than hashing the page (#14).
UNREAD_LEAD_BYTES = bytes(sorted({lead for low, high in UNREAD_RANGES
                                  for lead in range(low.encode()[0], high.encode()[0] + 1)}))
NOT_UNREAD_LEAD_BYTES = bytes(sorted(set(range(256)) - set(UNREAD_LEAD_BYTES)))
LETTER_RE = LazyPattern(r"[^\W\d_]")
SAMPLE = 20_000
# An HTML page's markup, which is no one's words: scripts, styles and comments whole, tags. Its words are read from
# the first RAW characters (a head of scripts may fill the first SAMPLE: review36c).
MARKUP_RE = LazyPattern(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
RAW = 200_000
ENOUGH = 100   # letters of an unread script: fewer are a quoted word, not the page's language


@lazy_dataclass(frozen=True)
class CreditLanguageNotRead:
    """A page's language (`language`, from its lang) or script (`script`, from its letters) whose credit words are
    not read."""

    language: str | None
    script: str | None

    @property
    def message(self) -> str:
        if self.language is not None:
            name = NAMES.get(self.language, f'the language "{self.language}"')
            return (f'the page is in {name} (lang="{self.language}"): credit words in {name} are not read, so a credit '
                    f"written in them is not found")
        return (f"the page is written mostly in {self.script} letters: credit words in their languages are not read, "
                f"so a credit written in them is not found")

    def to_json(self) -> dict[str, Any]:
        return {"kind": "credit-language-not-read", "language": self.language, "script": self.script,
                "message": self.message}


def credit_language_not_read(text: str, kind: str, *, utf8: bytes | None = None) -> CreditLanguageNotRead | None:
    """The language or script of a page (`kind` "html" or "text") whose credit words are not read, or None when they
    are, or when nothing says. `utf8`: the page's bytes when they are exactly its UTF-8 encoding (`Article.utf8`):
    most pages are answered from them in one pass."""
    if kind == "html" and (lang := LANG_RE.search(text, 0, HEAD)) is not None:
        code = lang.group(1).casefold()
        if code in COVERED:
            return None
        if code in NAMES or len(code) == 2:
            return CreditLanguageNotRead(code, None)
        # "und" (undetermined), a code of three letters: the letters say
    if text.isascii() or utf8 is not None and len(utf8.translate(None, NOT_UNREAD_LEAD_BYTES)) < ENOUGH:
        return None
    if kind == "html":
        if len(UNREAD_LETTER_RE.findall(text, 0, RAW)) < ENOUGH:
            return None   # most pages: no markup taken out for nothing
        sample = MARKUP_RE.sub(" ", text[:RAW])[:SAMPLE]
    else:
        sample = text[:SAMPLE]
    unread = UNREAD_LETTER_RE.findall(sample)
    if len(unread) < ENOUGH:
        return None
    if len(unread) * 2 <= len(LETTER_RE.findall(sample)):
        # most of its words' letters are in scripts some language read is written in, English's too: an English
        # page quoting a Greek sentence, or a maths text's α and β, is no Greek page (review36c)
        return None
    scripts: dict[str, int] = {}
    for letter in unread:
        name = unicodedata.name(letter, "").split(" ")[0].title()
        scripts[name] = scripts.get(name, 0) + 1
    return CreditLanguageNotRead(None, max(scripts, key=lambda name: scripts[name]))
