"""Which one-byte Latin encoding reads a text's bytes into the letters of a language (#10).

charset_normalizer judges a few dozen bytes of a short text badly: iso8859-2 Polish came out iso8859_3 or cp1250
("Wroc³aw", "¬ródło"), Sami iso8859-10 cp1250 ("Żuolla"), a short French text mac_latin2 ("Le cafť ťtait"). Each
of those readings puts letters no language writes together, or symbols, inside words. Here each encoding a web
page may be in reads the bytes, and a reading is plausible when a language's alphabet holds its letters beyond ASCII
and nothing else sits inside a word. Two readings that are plausible and differ (short Czech "Dvořák" in cp1250 is
"Dvoøák" in cp1252, a Faroese spelling) cannot be told apart by the bytes: the guess says so."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# The one-byte Latin encodings a browser can be told to read a page in (the WHATWG Encoding standard's, without
# those of scripts no alphabet below is for: iso8859-3 Maltese, iso8859-14 Celtic, windows-1258 Vietnamese), and
# cp1251, so a short Cyrillic text read as Latin letters ("Да, нет." is Slovak-looking "Äŕ, íĺň." in cp1250) has a
# rival. The first that reads the bytes to a text names it: cp1252, the likelier by far, before the others.
CANDIDATES = ("cp1252", "cp1251", "cp1250", "iso8859_2", "iso8859_15", "iso8859_10", "iso8859_4", "iso8859_13",
              "cp1257", "iso8859_16", "cp1254", "mac_roman")
# The encodings of other scripts a short text may be in (enc30): a few bytes read as letters in several of them ("Да"
# in cp1251 is "Фр" in ISO-8859-5 and "泥" in gb18030), so a short text's guess is compared with each of them. The
# web's likelier first: a tie is named by the first.
# DOS Hebrew (cp862) too: a short Hebrew text in it was read as Mac Cyrillic capitals ("ЙШЕЩМЙН"), sure (extract33).
OTHER_SCRIPTS = ("koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp1253", "iso8859_7", "mac_greek", "cp1255",
                 "iso8859_8", "cp862", "cp1256", "iso8859_6", "cp874", "mac_latin2", "gb18030", "cp932", "euc_jp",
                 "euc_kr", "big5")


def _letters(*spans: tuple[int, int]) -> str:
    return "".join(chr(code) for first, last in spans for code in range(first, last + 1))


# The letters beyond ASCII of the languages written in those encodings (lower case).
ALPHABETS = {
    "german": "äöüß", "french": "àâæçéèêëîïôœùûüÿ", "spanish": "áéíñóúü", "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóùú", "catalan": "àçèéíïòóúü", "dutch": "áéëíïóöúüè", "danish-norwegian": "æøåéèêóòôü",
    "swedish": "åäöéü", "finnish": "åäöšž", "icelandic": "áðéíóúýþæö", "faroese": "áðíóúýæø",
    "polish": "ąćęłńóśźż", "czech": "áčďéěíňóřšťúůýž", "slovak": "áäčďéíĺľňóôŕšťúýž", "hungarian": "áéíóöőúüű",
    "slovene-croatian": "čćđšž", "romanian": "ăâîșşțţ", "albanian": "çë", "turkish": "çğıiöşüâîû",
    "estonian": "äöõüšž", "latvian": "āčēģīķļņšūž", "lithuanian": "ąčęėįšųūž", "sami": "áčđŋšŧž",
    # Cyrillic, language by language: a text whose words are Russian but for a Serbian "Њ" or "Џ" where a capital
    # stands is Mac Cyrillic read as cp1251 ("Њост" for "Мост"), and cp1251 read as Mac Cyrillic the other way round
    # ("ћост"): the whole text's letters tell the two apart (enc30)
    "russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя", "bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "serbian": "абвгдђежзијклљмнњопрстћуфхцчџш", "macedonian": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    # The other scripts a short text is compared in (OTHER_SCRIPTS); Thai's vowel signs are marks, read as letters
    "greek": "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ", "hebrew": _letters((0x5d0, 0x5ea)),
    "arabic": _letters((0x621, 0x64a), (0x67e, 0x67e), (0x686, 0x686), (0x698, 0x698), (0x6a9, 0x6a9), (0x6af, 0x6af),
                       (0x6cc, 0x6cc)),
    "thai": _letters((0xe01, 0xe3a), (0xe40, 0xe4e)),
    # kana, the common CJK ideographs, Hangul syllables: not the half-width kana, the rare extensions or the
    # presentation forms, which a text in those scripts hardly writes and a misread one often does ("ﾍ褪")
    # and the full-width Latin letters they write ("ＮＨＫ", review42b)
    "cjk": _letters((0x3041, 0x3096), (0x30a1, 0x30fc), (0x4e00, 0x9fff), (0xac00, 0xd7a3), (0xff41, 0xff5a)),
}
# Signs any language's text writes between words, and inside one: an apostrophe (O’Brien), a Catalan middle dot
# (l·l), a dash (May—reopened). A degree sign, a superscript, a fraction or an ordinal stand after a digit or a
# letter (20°, km², 1½, 1º). The other signs beyond ASCII (±, ¶, ¬, ¯, ¤, controls) are no text's.
# CJK text writes no spaces: its signs stand between its characters. Arabic writes its own comma and question mark.
# A Japanese or Chinese text's other signs: the rest of CJK punctuation (【速報】, 〜, 《》), the full-width signs
# and digits (９時～１７時, －５度, ％), circled numbers (①), "※", "−", "‥". Judged no text's, a short Japanese
# text holding one was read as GB18030's hanzi, which fitted alone, and said sure (review42b).
CJK_SIGNS = (set("、。「」『』！？（）：，・\u3000※−‥") | set(map(chr, range(0x3000, 0x3040)))
             | set(map(chr, range(0xff01, 0xff21))) | set(map(chr, range(0xff3b, 0xff41)))
             | set(map(chr, range(0xff5b, 0xff5f))) | set(map(chr, range(0x2460, 0x2474))))
# Hebrew's geresh and gershayim stand inside a word: its abbreviations (צה״ל, ח״כ) and numbers (ה׳); cp1255 writes
# them (encodings41: judged misplaced, "צה״ל הודיע" labelled UTF-8 fitted no reading and was read as UTF-8 replaced).
HEBREW_MARKS = "\u05f3\u05f4"
BETWEEN_WORDS = set("«»‹›‘’‚“”„–—‐…•·€£¥¢§©®™±×÷†‡‰′″¿¡\u00a0\u00ad\u202f،؛؟" + HEBREW_MARKS) | CJK_SIGNS
# A no-break space joins two words ("Ten&nbsp;people", as a cp1252 editor writes it): it fits between letters too.
# Judged misplaced there, a short cp1252 line whose only byte beyond ASCII it was fitted nowhere but in DOS cp850,
# "Tenápeople died.", and was read so (review40b left it; encodings41).
IN_WORDS = set("’·–—\u00ad\u00a0\u202f" + HEBREW_MARKS) | CJK_SIGNS
AFTER_A_DIGIT = set("°²³¹½¼¾ºª")
_BEYOND_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_LATIN_RE = re.compile(r"[A-Za-z]")
# A word holding a character beyond ASCII: a run of characters other than spaces and ASCII signs (but "'"), looked
# at from its first character only. Without the look-behind, a word of ASCII letters was tried again from each of its
# letters: a 40 KB data URI in a Latin-1 page took 6 s a reading (enc31, #14).
_WORD_CHAR = r"[^\s!-&(-/:-@\[-`{-~]"
_WORD_RE = re.compile(rf"(?<!{_WORD_CHAR}){_WORD_CHAR}*[^\x00-\x7f]{_WORD_CHAR}*")
# The same words in bytes of an encoding that reads ASCII as ASCII and each other byte as one character beyond it
# (`ONE_BYTE`): a run of bytes other than ASCII spaces and signs, holding one beyond ASCII. Read in such an
# encoding, it holds the words `_WORD_RE` finds in the text (a no-break space beyond ASCII may split it further).
_BYTE_WORD_RE = re.compile(rb"(?<![^\t-\r\x1c-\x20!-&(-/:-@\[-`{-~])[^\t-\r\x1c-\x20!-&(-/:-@\[-`{-~]*[\x80-\xff]"
                           rb"[^\t-\r\x1c-\x20!-&(-/:-@\[-`{-~]*")
# The encodings above whose characters are more than one byte (the others read each byte beyond ASCII as one
# character beyond it, and ASCII as ASCII)
MULTI_BYTE = ("gb18030", "cp932", "euc_jp", "euc_kr", "big5")


@dataclass(frozen=True)
class Reading:
    """One encoding's reading of the bytes: its text, and how well its characters beyond ASCII fit where they stand
    (`fit`)."""

    encoding: str
    text: str
    fit: tuple[float, float]


# Encodings of another script whose upper half also holds Latin and Greek letters (cp862 reads byte A0, cp1252's
# no-break space, as "á", and E0-EF, cp1252's "à" to "ï", as Greek), each with its script's letters and a letter beyond
# ASCII of none: a reading holding no letter of its script, or another letter beyond ASCII, is no text of its script.
# Counted as one, an English page with no-break spaces and a dash was read as cp862, sure: "haveáto" (review33r2).
_SCRIPT_LETTERS = {"cp862": (re.compile(r"[\u05d0-\u05ea]"), re.compile(r"[^\W\d_\x00-\x7f\u05d0-\u05ea]"))}


def readings(data: bytes, *, every_script: bool = False, latin: Sequence[Reading] = ()) -> list[Reading]:
    """Each distinct text the CANDIDATES (and with `every_script` the OTHER_SCRIPTS) read `data` into
    (`same_letters`), named by the first encoding that reads it, best fit first (a stable sort: cp1252 first among
    equals). `latin`: the CANDIDATES' readings, made before: they are not judged again. A one-byte encoding's fit is
    judged on the words holding a byte beyond ASCII, each distinct one read once (`_byte_words`): the same fit as
    the whole text's, without reading a page's every word again in each encoding (#14)."""
    seen: dict[str, Reading] = {same_letters(reading.text): reading for reading in latin}
    words: Counter[bytes] | None = None
    for name in (OTHER_SCRIPTS if latin else CANDIDATES + OTHER_SCRIPTS * every_script):
        text = data.decode(name, errors="replace")
        if (key := same_letters(text)) in seen or name in _SCRIPT_LETTERS and (
                not _SCRIPT_LETTERS[name][0].search(text) or _SCRIPT_LETTERS[name][1].search(text)):
            continue   # DOS Hebrew's reading of a no-break space is "á": with it, or without a Hebrew letter, no Hebrew
        if name in MULTI_BYTE:
            seen[key] = Reading(name, text, fit(text))
            continue
        if words is None:
            words = _byte_words(data)
        seen[key] = Reading(name, text, _fit_words(_words_read(words, name)))
    order = {name: at for at, name in enumerate(CANDIDATES + OTHER_SCRIPTS)}   # the sort's among equals
    return sorted(seen.values(), key=lambda reading: (reading.fit, _japanese(reading), -order[reading.encoding]),
                  reverse=True)


# Hiragana and katakana. GB2312 (GB18030) holds them at the bytes EUC-JP gives them, so a Japanese sentence in EUC-JP
# reads in GB18030 as its own kana between other hanzi ("辉墓が沽の誓嚎を券山"), as plausibly by the letters alone.
_KANA_RE = re.compile(r"[\u3041-\u3096\u30a1-\u30fc]")
_CJK_RE = re.compile(r"[\u3041-\u3096\u30a1-\u30fc\u4e00-\u9fff\uac00-\ud7a3]")
JAPANESE = ("cp932", "euc_jp")


def _japanese(reading: Reading) -> bool:
    """Is `reading` a Japanese encoding's whose CJK characters are a fifth kana or more? Chinese writes no kana (a
    Chinese story quoting a Japanese name holds a few): among readings that fit as well it goes first (encodings41:
    EUC-JP "市長が港の閉鎖を発表" was read as GB18030's, unsure)."""
    if reading.encoding not in JAPANESE:
        return False
    kana = len(_KANA_RE.findall(reading.text))
    return kana > 0 and kana * 5 >= len(_CJK_RE.findall(reading.text))


def _byte_words(data: bytes) -> Counter[bytes]:
    """The runs of bytes that are words holding a byte beyond ASCII in a one-byte encoding (`_BYTE_WORD_RE`), each
    with how often it comes."""
    return Counter(_BYTE_WORD_RE.findall(data))


def _words_read(words: Counter[bytes], encoding: str) -> Counter[str]:
    """The words `_WORD_RE` finds in `words` (`_byte_words`) read in the one-byte `encoding`, with their counts. They
    are read in one decode, a newline between two (a newline is no byte of a word, and reads as one)."""
    read: Counter[str] = Counter()
    for run, times in zip(b"\n".join(words).decode(encoding, errors="replace").split("\n"), words.values()):
        for word in _WORD_RE.findall(run):
            read[word] += times
    return read


# Romanian's s and t with a comma below are written with a cedilla in cp1250 and ISO-8859-2, which have no other:
# the same letters, so two encodings reading them so are no rivals ("Timişoara", "Timișoara").
_SAME_LETTERS_PAIRS = tuple(zip("ȘșȚț", "ŞşŢţ"))


def same_letters(text: str) -> str:
    """`text` with the letters written two ways written one way, to compare readings by."""
    # replaced one by one, each in C: a translate table is looked up character by character (100 KB, 4 ms, #14)
    for two, one in _SAME_LETTERS_PAIRS:
        if two in text:
            text = text.replace(two, one)
    return text


def fit(text: str) -> tuple[float, float]:
    """How well the characters beyond ASCII in `text` fit: the share a language writes where they stand, judged
    word by word (each word's letters one language's: a story names "Zoë Núñez"), then for the whole text (all its
    letters one language's). A sign fits where signs go, a capital after a small letter never. (1.0, 1.0) when
    there is none."""
    # Each word once, with its count: a page writes the same words again and again, and a word's edges are spaces
    # or ASCII signs, which no rule takes for a letter or a digit (#14: 200 KB read 11 times took 2 s).
    return _fit_words(Counter(_WORD_RE.findall(text)))


def _fit_words(words: Counter[str]) -> tuple[float, float]:
    """`fit` of a text whose words holding a character beyond ASCII are `words`, with their counts."""
    letters: dict[str, int] = {}
    signs = wrong = in_words = 0
    for word, times in words.items():
        own: dict[str, int] = {}
        for at, char in enumerate(word):
            if char < "\x80":
                continue
            low = _LOW.get(char) or _low(char)
            if low != _UPPER and low != _SIGN:
                own[low] = own.get(low, 0) + times
                continue
            before, after = word[at - 1: at], word[at + 1: at + 2]
            if low == _UPPER:
                if before.isalpha() and (before.islower() or after.islower()):
                    # a capital after a small letter in a word ("RenĂ©e", "ŁódĽ"), or inside one before a small
                    # letter ("MŸller", mac_roman's "Müller" in cp1252); "MĂŞTILE" is all capitals
                    wrong += times
                else:
                    low = char.lower()[0]   # "İ" is "i̇": an "i" in Turkish's alphabet
                    own[low] = own.get(low, 0) + times
            elif _sign_fits(char, before, after):
                signs += times
            else:
                wrong += times
        holding = _LATIN if _LATIN_RE.search(word) else _EVERY   # the alphabets holding each of its letters
        for letter, count in own.items():
            letters[letter] = letters.get(letter, 0) + count
            holding &= _HELD_BY.get(letter, 0)
        if own and holding:
            in_words += sum(own.values())
    total = signs + wrong + sum(letters.values())
    if not total:
        return 1.0, 1.0
    in_each = [0] * len(ALPHABETS)   # the letters each alphabet holds
    for letter, count in letters.items():
        for at in _ALPHABETS_OF.get(letter, ()):
            in_each[at] += count
    whole = max(in_each)
    return (signs + in_words) / total, (signs + whole) / total


# Each character beyond ASCII `fit` has met: its small letter (a letter or a mark, which counts as one), or
# `_UPPER` (a capital: where it stands decides) or `_SIGN`. Kept, not asked of unicodedata again (#14: a short text is
# read in 29 encodings). Bounded: the characters the encodings above read bytes into.
_UPPER, _SIGN = "\x00upper", "\x00sign"
_LOW: dict[str, str] = {}


def _low(char: str) -> str:
    if char.isalpha() or unicodedata.category(char) == "Mn":
        low = _UPPER if char.isupper() else char.lower()[0]
    else:
        low = _SIGN
    if len(_LOW) < 100_000:
        _LOW[char] = low
    return low


# The alphabets of other scripts, whose letters never stand in a word with Latin ones ("Ћуdџ", "It抯" are no words)
OTHER_ALPHABETS = ("russian", "ukrainian", "belarusian", "bulgarian", "serbian", "macedonian", "greek", "hebrew",
                   "arabic", "thai", "cjk")
# Each letter's alphabets, one bit each (ALPHABETS' order): a word fits when its letters' bits share one, found with
# an AND per letter rather than a set test per alphabet (enc30: 36 alphabets, a short text read in 29 encodings).
_HELD_BY: dict[str, int] = {}
for _bit, _letters_of in enumerate(ALPHABETS.values()):
    for _letter in _letters_of:
        _HELD_BY[_letter] = _HELD_BY.get(_letter, 0) | 1 << _bit
_ALPHABETS_OF = {letter: tuple(at for at in range(len(ALPHABETS)) if held >> at & 1) for letter, held in _HELD_BY.items()}
_EVERY = (1 << len(ALPHABETS)) - 1
_LATIN = sum(1 << bit for bit, language in enumerate(ALPHABETS) if language not in OTHER_ALPHABETS)


def latin(text: str) -> bool:
    """Are most letters beyond ASCII in `text` Latin ones (or is there none)?"""
    letters = Counter(char for char in _BEYOND_ASCII_RE.findall(text) if char.isalpha())
    return sum(times for char, times in letters.items()
               if unicodedata.name(char, "").startswith("LATIN")) * 2 >= sum(letters.values())


def _sign_fits(char: str, before: str, after: str) -> bool:
    if char in AFTER_A_DIGIT:
        return before.isdigit() or (char in "²³" and before.isalpha() and not after.isalpha()) \
            or (char == "°" and not before.isalpha())
    if char not in BETWEEN_WORDS:
        return False
    inside = before.isalpha() and after.isalpha()
    return not inside or char in IN_WORDS or unicodedata.category(char) == "Pd"
