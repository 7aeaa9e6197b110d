"""Quote checks by words, never by a similarity ratio (#9).

An article that quotes a post as "The council approved the budget" while the post says "rejected" is more than
90% similar to it, and a ratio calls that a match. Here both sides are normalised the same way and compared as
word sequences (difflib-style opcodes over a longest common subsequence of the word lists):

- identical words                                    -> pass
- a contiguous run of the post's words               -> pass, "partial quote: N of M words"
- the post's words whole (or a run) plus words
  around them that a scraper glued on                -> warn, naming the extra words
- a word substituted, added or dropped inside the
  quoted run                                         -> fail, each change shown as `post → article`

Normalisation: HTML entities decoded, Unicode NFKC, zero-width characters out, curly quotes and dashes
straightened, whitespace collapsed; links (t.co, pic.twitter.com, anything with a scheme or a path) and emoji are
set aside, a trailing "…" marks a cut; case and a leading @ or # are kept for display and ignored for equality.
A letter's combining marks belong to it. Scripts written without spaces (Han, kana, Thai...) are compared by
characters, since a run of them is no word; figures and runs of Han numerals stay whole.

Pure: no network, no clock, no store.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate, takewhile
from os.path import commonprefix
from typing import Any

from resolver.lazy import LazyPattern
from resolver.platforms.lookalike import LATIN_LOOKALIKES


def _class_of(member: Callable[[str], bool], start: int, stop: int) -> str:
    """The code points in [start, stop) that are `member`, as the inside of a regex character class (ranges)."""
    ranges: list[tuple[int, int]] = []
    for code in range(start, stop):
        if member(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


ELLIPSIS = "…"
CHANGE_PENALTY = 0.1   # per word changed inside the quoted run, in score()
_STRAIGHTEN = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "ʼ": "'",   # Ukrainian's apostrophe (MODIFIER LETTER APOSTROPHE U+02BC): the same one as ' or ’ (newuser44a #11)
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "٪": "%", "٫": ".", "٬": ",",   # Arabic per cent, decimal and thousands signs, as the figure's digits go (review30q)
    "〔": "[", "〕": "]",   # the tortoise-shell brackets of an editor's words in Japanese and Chinese (NFKC: ［］ are [])
})
# Variation selectors pick a glyph, not a character (an emoji's style, a Han character's regional form); the
# directional marks, embeddings and isolates of right-to-left text (a page or an editor adds them) and the Arabic
# tatweel that stretches a word set how it is shown, not what it says: a mark inside "שלום" failed it (review28).
# Every format character (Unicode's Cf: also the invisible operators U+2061-2064, the tag characters, the Mongolian
# vowel separator) is of that kind: one that was not listed split the word it sat in, a cosmetic change that failed
# (review30q).
_INVISIBLE_RE = re.compile("[" + _class_of(lambda c: unicodedata.category(c) == "Cf", 0, 0x1D180)
                           + "\U000e0001-\U000e007f\u0640\u034f\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# A superscript figure after a figure is an exponent, which NFKC makes a digit: "10²" read "102" (review28). It is
# written "10^2", one word, before NFKC.
_EXPONENT_RE = re.compile("(?<=[0-9])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Links are set aside: the post holds t.co links where the article shows pic.twitter.com or the expanded address.
_LINK_RE = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.(?:twitter|x)\.com|t\.co)/\S+"
                      r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.I)
_DOTS_RE = re.compile(r"\.{3,}|" + ELLIPSIS)
# A word: letters/digits, an apostrophe inside (don't), digits joined by . , : (3.5, 1,200, 9:30), an optional
# leading @ # $ £ €; "…" is a marker token. Hyphens split words, so "well-known" and "well known" are the same;
# but a minus sign before a figure (not after a word: "2-1" is two figures) and a percent sign after one belong
# to it, so "-5" is not "5" and "5%" is not "5".
# A combining mark (a Thai tone mark, a Devanagari vowel sign) belongs to its letter; `\w` does not match it, so
# "ไม่" (not) and "ไม้" (wood) were the same word.
# A dollar named by its country before its sign ("US$40m", "A$3bn", "C$"), one word with its figure: "US$40m" for
# "$40m" is the same amount written otherwise, "US$" for "A$" another currency (fixleft44b). Not "R$" (the real) nor
# "MX$" (the peso), which are no dollars.
_NAMED_DOLLAR = "(?:US|AU|A|CA|C|NZ|HK|SG|S|NT)"
_MARK = _class_of(lambda c: unicodedata.category(c) in ("Mn", "Mc"), 0x300, 0x1E950)
_W = rf"[\w{_MARK}]"
_TOKEN_RE = re.compile(rf"(?:(?<![\w{_MARK}.,:'])-(?=\d))?(?:{_NAMED_DOLLAR}\$(?=\d)|[@#$£€])?{_W}+(?:'{_W}+|(?<=\d)[.,:]\d{_W}*|(?<=\d)\^\d+)*"
                       rf"(?:(?<=\d)%)?|" + ELLIPSIS)
# Scripts written without spaces between words: a run is no word, so they are compared by characters (each with
# its marks). Letters only: a figure stays one word ("300" is not "30"), and so does a run of Han numerals
# ("三十" is not "十"), which are letters.
_UNSPACED_BLOCKS = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FDF), (0x3005, 0x303C),
                    (0x3040, 0x31FF))   # Thai, Lao, Myanmar, Khmer, Han radicals and marks, kana
_UNSPACED = "".join(_class_of(lambda c: unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nl", a, b + 1)
                    for a, b in _UNSPACED_BLOCKS) \
    + "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"   # Han ideographs: letters all
_HAN_NUMERALS = "〇一二三四五六七八九十百千万萬亿億兆零两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_UNSPACED_RE = re.compile(f"[{_UNSPACED}]")
_UNIT_RE = re.compile(rf"[@#$£€]?(?:[{_HAN_NUMERALS}]+|[{_UNSPACED}][{_MARK}]*)|[^{_UNSPACED}]+")
# Negations written before the word they deny, which a quote of the characters after them leaves out; first a
# negation with the degree word, modal or verb it goes with (不太可能 is "unlikely", 没有来 "did not come"), so that
# a quote starting after that word is caught too, and the whole is named.
_NEGATIONS = ("不怎么", "不怎麼", "不那么", "不那麼", "没那么", "沒那麼",
              "不太", "不大", "不很", "不甚", "不够", "不夠", "不算", "不是", "不会", "不會", "不能", "不要", "不用",
              "不想", "不可", "不应", "不應", "不该", "不該", "不必", "不需", "没有", "沒有", "没能", "沒能", "没法",
              "沒法", "无法", "無法", "未能", "并非", "並非",
              "不", "没", "沒", "無", "无", "非", "未", "别", "別", "莫", "勿", "ไม่", "ບໍ່", "មិន")
# Japanese negations come after the verb, adjective or copula they deny (知っていない "does not know", 来なかった,
# しません, 言わず, 知らぬ): a quote cut at the stem leaves them out (#10). Longest form first; not words that only
# start like one (なくす "lose", ずっと "all along", ずつ "each", ぬいぐるみ "stuffed toy", 濡れる "get wet").
_NEGATION_AFTER_RE = re.compile(r"ませ[んぬ](?:でした)?|[な無](?:かった|ければ|くて|いで|いっす|い|く(?![すせさしそ]))"
                                r"|ずに|ず(?![っつれぶい])|ぬ(?![いぐれりるけかま])")
# A kanji noun's する denied after it (出席しない, 開設しなかった, 出席しません, 開設せず) or できる's negation
# ("cannot": 開催できない, 出来ません): a quote cut at the noun (「会議に出席」 of 会議に出席しない) read as the
# affirmative, and passed (newuser47e #1). Asked only after a kanji, and only where the other forms found nothing.
_SURU_NEGATION_AFTER_RE = LazyPattern(
    r"(?:し|(?:でき|出来))(?:な(?:かった|ければ|くて|いで|い)|ませ[んぬ](?:でした)?)|せず(?:に)?|せぬ|(?:でき|出来)ず(?:に)?")
# Colloquial ones (#10), matched in the stem and what follows it, as they are negations only after a verb's stem:
# ん after its -a stem (知らん, 行かん, 分からん, 言わん, 読まん, 遊ばん); ねえ/ねぇ/ねー after a kanji root's -a stem or
# 分から/わから (知らねえ, 言わねえ, 分からねー); Kansai へん after an -a or -e stem or a kanji root's て/して (知らへん,
# 食べへん, 見てへん, 勉強してへん). Left out where the ending reads as something else there: after さ (田中さん), な
# (なんで), た (行ったんだ), が and は (味がへん "tastes strange"); ねえ after か (本当かねえ "I wonder") or から
# (明日からねー); へん after か (何かへん), って (あいつってへん) or これ/それ/あれ/どれ; a plural's ら (彼らねえ, 俺らん家).
# じゃない is left out: as often a tag question ("isn't it?", いいじゃない) as a negation.
_PLURAL_RA = "".join(rf"(?<!{w}ら)" for w in "彼僕俺君奴我")
_COLLOQUIAL_AFTER_RE = re.compile(
    rf"(?<=[からわまば]){_PLURAL_RA}ん(?![家ち])"
    rf"|(?:(?<=[\u4e00-\u9fff][らわまば]){_PLURAL_RA}|(?<=分から)|(?<=わから))ね[えぇー]"
    rf"|(?:(?<=[らわまばけげせべめえ])|(?<=[^こそあど]れ)|(?<=[\u4e00-\u9fff]て)|(?<=[\u4e00-\u9fff]して)){_PLURAL_RA}へん")
# NFKC splits Thai and Lao sara am (ำ, ຳ) into a mark and a letter; one letter again, so that a quote cannot start
# half-way through it.
_SARA_AM = (("\u0e4d\u0e32", "\u0e33"), ("\u0ecd\u0eb2", "\u0eb3"))
_SPACED_PERCENT_RE = re.compile(r"(?<=\d) %")   # "5 %" (French spacing, a narrow space after NFKC) is "5%"
# A word hyphenated at a line end, as a scraped or printed text breaks it ("govern-\nment"): one hyphenated word
# again, so that it is "govern-ment", which the comparison names as written otherwise, and a quote starting after
# the hyphen is seen to start inside a word (quotes30b).
_LINE_END_HYPHEN_RE = re.compile(rf"(?<={_W})[-‐‑][ \t]*\r?\n[ \t]*(?={_W})")


@dataclass(frozen=True)
class Change:
    """One difference inside the quoted run: the post's words and what the article has in their place."""

    post: str          # "" when the article added words
    article: str       # "" when the article dropped words
    elided: bool = False   # the article marks the gap with "…" (an elision, not a silent change)
    alike: str = ""        # the two only look the same: which characters differ ("CYRILLIC SMALL LETTER A ...")
    bracketed: bool = False   # the article's words are in [brackets]: its own, marked as such ("He [Smith] said")
    unchecked: str = ""    # ... which the tool cannot check: why (UNCHECKED_NAME, ROLE_FOR_A_NAME, NAME_FOR_A_ROLE)
    opens: str = ""        # a negation dropped before the quote, whose word opens a sentence as this one writes it
    looks: str = ""        # a real change whose sides look the same, a letter for a figure: which characters differ
    cuts: str = ""         # an elision that drops a negation or a figure inside a clause: which (CUT_NEGATION...)
    moved: bool = False    # the same words on both sides, in another order ("Marsh and Okafor" of "Okafor and Marsh")

    def __str__(self) -> str:
        if self.moved:
            return f"{self.post} → {self.article} ({MOVED})"
        if self.opens:
            return (f'dropped the negation "{self.post}" (the quote opens with "{self.opens}" as a sentence start, '
                    f'where the post\'s sentence opens with "{self.post}")')
        if self.bracketed:
            return "the article's own words in brackets: " + (
                f'"[{self.article}]" in place of "{self.post}"' if self.post else f'added "[{self.article}]"') + (
                f" ({self.unchecked})" if self.unchecked else "")
        if self.alike and self.post and self.article:
            return f"{self.post} → {self.article} ({self.alike})"
        if self.alike:   # a word only one side writes, the same all the same ("to" for a range's dash)
            return (f'added "{self.article}"' if self.article else f'dropped "{self.post}"') + f" ({self.alike})"
        if self.elided:
            return f'elided with …: "{self.post}"' + (f" ({self.cuts})" if self.cuts else "")
        if self.looks:
            return f"{self.post} → {self.article} ({self.looks})"
        if not self.post:
            return f'added "{self.article}"'
        if not self.article:
            return f'dropped "{self.post}"'
        turned = contraction_turned(self)
        return f"{self.post} → {self.article}" + (f" ({turned})" if turned else "")


UNCHECKED_NAME = "the same name written otherwise, or another? The tool cannot check it"
# A role in brackets for a name ("[The President]" for "Biden"): an honest clarification as often as not, which the
# tool cannot check as it does not know who held the role then (quotes34; quotes31 failed it).
ROLE_FOR_A_NAME = "a role for a name: check who holds it"
# A name in brackets for a role the post names ("[Biden]" for "The President", "[Felipe VI]" for "El Rey"): the
# reverse, as honest and as unchecked: who held the role when the post was written is not looked up (quotes35).
NAME_FOR_A_ROLE = "a name for a role the post names: check who held it"


# A body or an office in brackets for a place the post names ("[The government]" for "Moscow"): a city for its
# government, as a news text writes it; whose, the tool does not check (quotes36: failed in English, warned in German).
BODY_FOR_A_PLACE = "a body for a place the post names: check who is meant"
# A country in brackets for its own capital the post names ("[Russia]" for "Moscow", "[Russland]" for "Moskau"): the
# state the capital stands for in a news text (quotes37: failed for want of a table of capitals). Another country in
# its place ("[France]" for "Moscow") still fails.
PLACE_FOR_ITS_GOVERNMENT = "a country for its capital, a place named for its government: check who is meant"
# A capital's own seat of power in brackets for the capital the post names ("[The Kremlin]" for "Moscow", "[Downing
# Street]" for "London"): the same metonym, its seat for its city (verdicts38: it failed where "[Russia]" warned). Another
# capital's seat ("[The Kremlin]" for "Washington") still fails.
SEAT_FOR_ITS_CAPITAL = "a seat of power for the capital it stands in: check who is meant"


@dataclass(frozen=True)
class Comparison:
    """What the article's words are, measured against the post's."""

    result: str                           # "pass" | "warn" | "fail"
    evidence: str
    said_words: int                       # the article's words (links and emoji aside)
    post_words: int
    matched: int                          # words in the same order on both sides
    changes: tuple[Change, ...] = ()      # inside the quoted run
    extra_before: str = ""                # article words before the post's words (glued prose)
    extra_after: str = ""
    partial: bool = False                 # the article shows only a run of the post's words
    truncated: bool = False               # the article's text ends with "…"
    beyond_cut: str = ""                  # article words after the point where the source's own text is cut
    unit: str = "words"                   # "characters" for a post in a script written without spaces
    left_out: str = ""                    # a negation just before the quoted characters, which the quote leaves out
    left_out_after: str = ""              # one just after them (Japanese: 知ってい of 知っていない)
    left_out_in_clause: str = ""          # one further before them in the post's clause ("not" of "not saying X")
    set_aside: tuple[str, ...] = ()       # emoji and links of the article's that are not the post's, said in words
    recased: tuple[str, ...] = ()         # words in capitals on one side, lower case on the other, said in words
    cut_inside: tuple[str, ...] = ()      # the post's hyphenated words the quote starts or ends inside, said in words
    undone: tuple[str, ...] = ()          # what the post says around the quoted words that undoes them, in words
    written: tuple[str, ...] = ()         # each of `changes` as a reader reads it (`_as_written`); () : as str()
    turned: bool = False                  # a change with the post's words on both sides turns it around (turns_around)
    # the quote may be a translation, said in `evidence`: Ukrainian ↔ Russian, or another language of the post's script
    # ("reads as English, the post is in Spanish": newuser45a #1); one in another script is said by the report's check
    translated: bool = False
    platform_cut: str = ""                # the platform's "… more" the quote ends with, as written (_platform_cut)
    platform_cut_odd: str = ""            # why that "… more" is not where a platform cuts a caption: the check warns

    @property
    def contained(self) -> float:
        """Share of the post's words that the article holds in order: what identification scores most."""
        return self.matched / self.post_words if self.post_words else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"result": self.result, "said_words": self.said_words, "post_words": self.post_words,
                "matched": self.matched, "changes": [str(c) for c in self.changes],
                "extra_before": self.extra_before or None, "extra_after": self.extra_after or None,
                "partial": self.partial, "truncated": self.truncated, "beyond_cut": self.beyond_cut or None,
                "platform_cut": self.platform_cut or None}


@lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    """Both sides through the same door: entities, NFKC, straight quotes and dashes, "..." as "…", one space.
    Remembered: a comparison reads each side for its words and again for its emoji and links, and a report compares
    the same post's text with several quotes (#14: a fifth of a comparison)."""
    text = text or ""
    for _ in range(3):   # og:description is sometimes escaped twice (&amp;amp;)
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _EXPONENT_RE.sub(lambda m: "^" + m.group().translate(_SUPERSCRIPT), text)
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text)).translate(_STRAIGHTEN)
    text = _DOTS_RE.sub(ELLIPSIS, _LINE_END_HYPHEN_RE.sub("-", text))   # NFKC turns "…" into "..."; one form for both
    for split, whole in _SARA_AM:
        text = text.replace(split, whole)
    return " ".join(text.split())


def tokens(text: str, *, by_character: bool = True) -> list[str]:
    """The words of a text, links and emoji set aside, "…" kept as a marker; in a script written without spaces
    each character is a word (unless not `by_character`: a name is matched whole, 李明 is not in 李明华)."""
    found = _TOKEN_RE.findall(_SPACED_PERCENT_RE.sub("%", _LINK_RE.sub(" ", normalise(text))))
    if not by_character:
        return found
    return [unit for word in found for unit in (_UNIT_RE.findall(word) if _UNSPACED_RE.search(word) else (word,))]


def _unspaced(word: str) -> bool:
    return bool(_UNSPACED_RE.match(word.lstrip("@#$£€")))


def _join(words: list[str]) -> str:
    """Words as a text: no space between two characters of a script written without spaces."""
    return "".join(w if not i or _unspaced(w) and _unspaced(words[i - 1]) else " " + w for i, w in enumerate(words))


# Marks a script writes or leaves out at will, which equality folds as it folds case: Arabic harakat, tanwin, shadda,
# sukun, the superscript alef and Quranic signs; Hebrew niqqud (the dagesh and the shin and sin dots among them) and
# cantillation. A pointed quote of an unpointed post failed on every word (newuser32b §2); the words so folded are
# shown as written otherwise (_refolded), never passed. Not the marks of Latin or Cyrillic letters: "año" is not "ano".
_OPTIONAL_MARKS = "".join(
    chr(c) for a, b in ((0x0610, 0x061A), (0x064B, 0x0652), (0x0656, 0x065E), (0x0670, 0x0670), (0x06D6, 0x06ED),
                        (0x08D3, 0x08FF), (0x0591, 0x05C7))
    for c in range(a, b + 1) if unicodedata.category(chr(c)) == "Mn")
# Letters one script writes two ways, folded for equality as case is and shown as written otherwise: Russian ё as е
# (newuser32b §5); and Turkish I, ı, İ and i, one letter, so that "YIL" (which Python lowers to "yil") is "yıl" and
# "İzmir" is "izmir" (newuser32b §4). Case is the case warning's (_recased); a dotted i for a dotless ı, a keyboard's
# or another word, is written otherwise. And letters a keyboard or a spelling writes two ways (newuser39a §3): a
# Persian keyboard's yeh and keheh (ی, ک) for the Arabic ي and ك, an alef whose hamza or madda is left off (أ إ آ
# written ا), an alef maksura ى written ي (Egyptian print). (The Ukrainian apostrophe ʼ, U+02BC, was one too: it is
# straightened as ’ is, _STRAIGHTEN, newuser44a #11.) Each failed as a changed word; each is shown naming the letters (علي, Ali, is also another word). A ta
# marbuta written as a ha (الحكومه for الحكومة, as Egyptian and Levantine writers and Persian keyboards spell it) failed
# where ى for ي warned (newuser43a #6): one rule, the same word written otherwise warns, naming the letters.
_LETTER_FORMS = {"ی": "ي", "ى": "ي", "ک": "ك", "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه"}
_FOLD = str.maketrans({**dict.fromkeys(_OPTIONAL_MARKS), "ё": "е", "Ё": "Е", "ı": "i", "İ": "i", **_LETTER_FORMS})


def _key(word: str) -> str:
    """A word for equality: no leading @ or #, case, optional marks and the letters of _FOLD folded."""
    return word.lstrip("@#").translate(_FOLD).casefold()


_TURKISH_CAPITALS = str.maketrans({"I": "ı", "İ": "i"})


def _same_but_case(one: str, other: str) -> bool:
    """Whether two words differ in case alone, lowered as Turkish ("YIL" as "yıl") when either holds ı or İ."""
    one, other = one.lstrip("@#"), other.lstrip("@#")
    if one.casefold() == other.casefold():
        return True
    return any(c in one + other for c in "ıİ") \
        and one.translate(_TURKISH_CAPITALS).casefold() == other.translate(_TURKISH_CAPITALS).casefold()


def _split_markers(found: list[str]) -> tuple[list[str], set[int], bool, bool]:
    """Words without the "…" markers; positions (index of the word after) of inner markers; cut at start/end."""
    words: list[str] = []
    gaps: set[int] = set()
    for token in found:
        if token == ELLIPSIS:
            gaps.add(len(words))
        else:
            words.append(token)
    cut_start, cut_end = 0 in gaps, len(words) in gaps
    return words, gaps - {0, len(words)}, cut_start, cut_end


def compare(said: str, found: str, *, set_aside: bool = True, links: Mapping[str, str] | None = None,
            lang: str | None = None, quote_lang: str | None = None) -> Comparison:
    """`_compare`, saying so where two long texts were not matched word by word (too many edits apart to find their
    fewest cheaply, `_fewest_edits`): their words there were said "replaced", or "no word of the post's" was in a quote
    made of the post's words in another order (review46c). Such a comparison never passes."""
    unmatched: list[tuple[int, int]] = []
    token = _NOT_MATCHED.set(unmatched)
    try:
        found_ = _compare(said, found, set_aside=set_aside, links=links, lang=lang, quote_lang=quote_lang)
    finally:
        _NOT_MATCHED.reset(token)
    if not unmatched or found_.result == "warn":   # a warn says it is unsure already (a translation's, most often)
        return found_
    words = ", ".join(f"{x:,} of the quote's and {y:,} of the post's" for x, y in unmatched)
    unsure = (f"not matched word by word where the two differ too much to match cheaply ({words}): the changes said "
              "there are not each word's")
    if found_.result == "fail" and re.fullmatch(r"no word of the post's [\d,]+ is in the quote", found_.evidence):
        return replace(found_, evidence=f"the quote's words are not the post's in its order; {unsure}")
    return replace(found_, result="fail" if found_.result == "fail" else "warn", evidence=f"{found_.evidence}; {unsure}")


def _compare(said: str, found: str, *, set_aside: bool = True, links: Mapping[str, str] | None = None,
             lang: str | None = None, quote_lang: str | None = None) -> Comparison:
    """The article's quote (`said`) against the post's text (`found`), word by word; and (unless not `set_aside`:
    a name's emoji are decoration) the emoji and links words set aside: the article's that are not the post's
    make a pass a warn, as a changed emoji or link may change what a post says and words cannot tell. `links`:
    where the post's t.co links lead, as its answer gave them (`PostRecord.links`): a written address is then
    weighed against them. `lang`: the post's language as its source gives it ("sv", "en"), which tells a word that is
    a negation in one language and a name in another ("Inga", "Nic") apart, and a quote in another language of its
    script (a translation) from other words. `quote_lang`: the language the article declares for its quote (an embed
    code's `lang`), which tells a translation where the quote's words cannot."""
    post_words, _, _, source_cut = _split_markers(tokens(found))
    said, platform_cut = _platform_cut(said, found)
    said, glued = _unglue(said, found, post_words)
    said_words, gaps, _, truncated = _split_markers(tokens(said))
    # the article's own words in brackets, where the post has none of its own ("[THREAD]" is the post's words)
    bracketed = _bracketed(said, len(said_words)), _bracketed(found, len(post_words))
    a, p = _pointed_keys(said_words, [_key(w) for w in said_words], post_words, [_key(w) for w in post_words])
    a, p, script = _script_keys(said_words, a, post_words, p)
    aside = _set_aside(said, found, links or {}) if set_aside else ()
    if not a and not p and aside:
        return Comparison("warn", "; ".join(("no words to compare", *aside)), 0, 0, 0, set_aside=aside)
    if not a or not p:
        return Comparison("fail" if a or p else "pass", "nothing to compare: " + (
            "the post has no words" if a else "the quote has no words" if p else "neither side has words"),
            len(a), len(p), 0)
    ops = _values_at_edges(_amounts_whole(_moved(_whole_brackets(opcodes(a, p, gaps), bracketed[0], gaps), a, p, gaps,
                                                 bracketed[0]), said_words, post_words, gaps), said_words, post_words)
    ops = _endings_at_edges(ops, said_words, post_words, lang)
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    if matched == 0:
        whole = _alike(Change(_join(post_words), _join(said_words)), said, found)
        if whole.alike:   # "pаssed" for "passed", and nothing else
            return _verdict(Comparison("pass", "", len(a), len(p), len(p), (whole,), set_aside=aside))
    shared = [post_words[j] for tag, _, _, j1, j2 in ops if tag == "equal" for j in range(j1, j2)]
    if all(_kept_in_translation(w) or _small_word(w) for w in shared):
        by_script = _translated(said_words, post_words)
        translated, languages = (by_script, ()) if by_script else _in_another_language(said_words, post_words, lang,
                                                                                         quote_lang)
        if translated:
            kept = [w for w in dict.fromkeys(shared) if any(c.isalpha() for c in w) and not _small_word(w)
                    and _key(w) not in _AMOUNT_WORDS_ALIKE]
            small = [w for w in dict.fromkeys(shared) if _small_word(w)]
            amount = [w for w in dict.fromkeys(shared) if _key(w) in _AMOUNT_WORDS_ALIKE and not _small_word(w)]
            but = f" but {len(kept)} name{'s' * (len(kept) > 1)} ({', '.join(kept)})" if kept else ""
            but += (" and" if kept else " but") + f" {len(small)} short word{'s' * (len(small) > 1)} " \
                f"({', '.join(small)})" if small else ""
            but += (" and" if kept or small else " but") + f" {len(amount)} word{'s' * (len(amount) > 1)} of an " \
                f"amount both languages write alike ({', '.join(amount)})" if amount else ""
            # a figure the translation gives that the post does not, named; the same digits in another order fail
            # (newuser44a #5)
            notes, figure, _ = translation_turns(said_words, post_words, negation=False,
                                                 langs=_translation_languages(languages, lang, quote_lang))
            return Comparison("fail" if figure else "warn",
                              f"no word of the post's {len(p)}{but} is in the quote, which {translated}: a "
                              "translation? Its words cannot be checked against the post's"
                              + (_negation_lost(said_words, post_words,
                                                _translation_languages(languages, lang, quote_lang))
                                 if languages and not _NEGATION_BY_SUFFIX.intersection(languages) else "") + notes,
                              len(a), len(p), matched, set_aside=aside, turned=figure,
                              translated=bool(languages))
    # a quote told sure Russian of a post told sure Ukrainian (or the reverse) is a translation even where half its
    # words are spelt as the post's ("Я думаю что мы не отступим." of "Я думаю, що ми не відступимо." failed as "2
    # changes": що ми → что мы, review46e); a quote all of whose words are the post's is compared as written
    if matched < len(a) and (pair := uk_ru_pair(said_words, post_words)) and pair[2]:
        return _uk_ru_translated(said_words, post_words, pair, len(a), len(p), matched, aside, texts=(said, found))
    # the quote's words the post's, each with another ending (`_endings_at_edges`): "городской больнице" (fix47d #2)
    endings = [op for op in ops if op[0] == "replace" and _endings_only(post_words[op[3]:op[4]], said_words[op[1]:op[2]])
               and _slavic(said_words + post_words)] if matched == 0 else []
    if matched == 0 and not endings:
        return Comparison("fail", f"no word of the post's {len(p)} is in the quote", len(a), len(p), 0,
                          (Change(_join(post_words), _join(said_words)),))
    # Trim the edges: what lies outside the first and last equal block is not "inside the quoted run".
    # An amount written otherwise at an edge ("$40m …" of "$40 million, not …") is of the run too: the words a "…"
    # beside it cuts are inside the quote, never before or after it (review44b: a cut "not" warned as a partial quote)
    anchors = [i for i, op in enumerate(ops) if op[0] == "equal" or _amount_op(op, said_words, post_words)
               or op in endings]
    first, last = anchors[0], anchors[-1]
    before, after = ops[:first], ops[last + 1:]
    # the post's names, which brackets do not clarify but replace ("[Smith]" for "Jones"); sought only when needed
    names, maybe = _names(post_words, lang) if bracketed[0] else (frozenset(), frozenset())

    def _change(op: tuple[str, int, int, int, int], gaps: set[int]) -> Change:
        change = _glued_change(op, _change_of(op, said_words, post_words, gaps, bracketed, names, maybe), said_words,
                               glued)
        cuts = _cuts(post_words, op[3], op[4], found) if change.elided else ""
        return replace(change, cuts=cuts) if cuts else _ampersand(op, change, said_words, post_words, said, found)

    changes = [_change(op, gaps) for op in ops[first:last + 1] if op[0] != "equal"]
    # between words the post has on both sides: a change no reading of where the quote starts or ends makes
    turned = any(_real(c) and (turns_around(c) or bool(c.cuts)) for c in (_alike(c, said, found) for c in changes))
    extra_before = extra_after = ""
    partial = False
    for op in before:
        extra_before, cut = _edge(op, said_words, post_words)
        partial = partial or cut
        if op[0] == "replace":
            changes.insert(0, _change(op, set()))
            extra_before = ""
    beyond_cut = ""
    for op in after:
        extra_after, cut = _edge(op, said_words, post_words)
        partial = partial or cut
        if op[0] == "delete" and source_cut:
            beyond_cut, extra_after = extra_after, ""   # the source stops there: unknown, not glued on
        elif op[0] == "replace":
            if truncated and _cut_word(op, said_words, post_words):
                extra_after, partial = "", True   # "on Tues…": the article cut the post mid-word
            elif source_cut and op[4] - op[3] == 1 and _key(said_words[op[1]]).startswith(_key(post_words[op[3]])):
                extra_after, beyond_cut = "", _join(said_words[op[1] + 1:op[2]])   # the source cut "Mi…"
            else:
                changes.append(_change(op, set()))
                extra_after = ""
    unit = "characters" if all(map(_unspaced, post_words)) else "words"
    start = ops[first][3]
    left_out = _negation_before(post_words, start, found, lang)
    changes = [_alike(c, said, found) for c in changes]
    if left_out and _opens_sentence(said_words, post_words, ops[first], glued, said, found):
        changes.insert(0, Change(left_out, "", opens=said_words[0]))   # "Arrests were made" of "No arrests were made"
        left_out = ""
    matched += sum(len(tokens(c.post)) for c in changes if c.alike)   # the same words, as a reader sees them
    changes += [Change(post_words[j1 + k], glued[i1 + k][0], alike=glued[i1 + k][1])   # "[T]he" of "the"
                for tag, i1, i2, j1, _ in ops[first:last + 1] if tag == "equal" and glued
                for k in range(i2 - i1) if i1 + k in glued]
    changes += _refolded(ops[first:last + 1], said_words, post_words, glued)   # "её" of "ее", "لَنْ" of "لن"
    changes += _scripted(ops[first:last + 1], said_words, post_words, script) if script else []   # "們" of "们"
    changes += _joined(ops[first:last + 1], said_words, post_words, said, found)   # "не-фейк" of "не фейк"
    changes = [(replace(c, alike=DATE_ORDER) if _date_turned(c) else replace(c, moved=True)) if _reordered(c) else c
               for c in changes]
    recased = _recased(ops[first:last + 1], said_words, post_words) if set_aside else ()
    failed = any(_real(c) for c in changes)   # a fail says no more
    end = ops[last][4]
    left_out_after = _negation_after(post_words, end, found, lang)
    return _verdict(Comparison("pass", "", len(a), len(p), matched, tuple(changes), extra_before, extra_after,
                               partial, truncated, beyond_cut, unit, left_out, left_out_after,
                               "" if left_out or failed else _negation_in_clause(post_words, start, found, lang), aside,
                               recased, _cut_inside(post_words, start, end, found, cut_end=not truncated),
                               () if failed else _undone(post_words, start, end, found, named=left_out_after),
                               tuple(_as_written(c, said, found) for c in changes), turned, platform_cut=platform_cut,
                               platform_cut_odd=_platform_cut_odd(platform_cut, start, end, len(post_words))))


# A run of at least this many words replaced by as many others reads as one run, counted (`_as_written`).
MANY_REPLACED = 3


def _as_written(change: Change, said: str, found: str) -> str:
    """A change as a reader reads it: a run of words replaced by a run of others is counted and each side shown with
    the punctuation its text gives it ("8 words replaced by 7: “except Eastside. Boil … days.” → “The audit found 3 errors,
    not 30.”"); a word for a word (`12 → 21`), an elision, a bracket as `str()` gives them. A sentence of another post
    merged into a quote read "1 change", its full stops and commas gone (newuser34 #6)."""
    if change.elided or change.bracketed or change.alike or change.moved or "[" in change.article:
        return str(change)
    ours, theirs = change.article.split(), change.post.split()   # _join's words: no text normalised again (#14)
    if min(len(ours), len(theirs)) < MANY_REPLACED or any(map(_unspaced, ours + theirs)):
        return str(change)
    return (f"{len(theirs)} words replaced by {len(ours)}: “{_punctuated(theirs, found)}” → "
            f"“{_punctuated(ours, said)}”")


# Words of a run `_punctuated` looks for as the text writes them, at most: each place the search tries may read as
# many words before it fails, so a long run of one repeated word was read quadratically (perf44: a run of 4,000
# "the" 0.8 s, of 20,000 20 s). A longer run is shown joined by spaces.
PUNCTUATED_MOST = 300


def _punctuated(words: list[str], text: str) -> str:
    """`words` as `text` writes them, the punctuation between them and after the last kept; joined by spaces where
    the text does not hold them so, or the run is longer than PUNCTUATED_MOST words."""
    if len(words) > PUNCTUATED_MOST:
        return " ".join(words)
    pattern = r"\W*?".join(map(re.escape, words)) + r"[.,;:!?…]*"
    found = re.search(pattern, normalise(text))
    return found.group() if found else " ".join(words)


# Languages that negate with a suffix ("-ma-", "-me-"), whose translation keeps no negation word: Turkish and its kin.
# Any other, of _FREQUENT or a post's `lang` ("inte" of a Swedish post: review34r2), negates with a word.
_NEGATION_BY_SUFFIX = frozenset("tr az uz kk ky tk".split())


# Words of a language that another's negation spells: Portuguese "no" is "in the" (em + o), never "not" (review45f:
# "saúde no próximo ano" was said to hold a negation a faithful translation dropped).
_NO_NEGATION_IN = {"pt": frozenset({"no"})}


def _negation_lost(said: list[str], post: list[str], langs: tuple[str, str] = ("", "")) -> str:
    """"; the post has a negation ("não"), the quote none …" where one side of a translation holds a negation word and
    the other none: a rendering that drops or adds it says the opposite ("Lula and Milei met" for "Lula e Milei não
    se reuniram": quotes34, once one frequent word tells a quote's language); else "". `langs`: the quote's language
    and the post's ("" where not known), whose words that only look like a negation are none (_NO_NEGATION_IN)."""
    # a side's words that read as another language are in that one, whatever it is given as (a Spanish post X tags
    # "pt": its "No" negates, review46d)
    ours, theirs = [[w for w in side if _negates(w) and not (_key(w) in _NO_NEGATION_IN.get(lang, ())
                                                            and _reads_as(side) in (None, lang))
                     or _key(w) == "nao" and (lang == "pt" or _reads_as(side) == "pt")]
                    for side, lang in ((said, langs[0]), (post, langs[1]))]
    if bool(ours) == bool(theirs):
        return ""
    side, other, words = ("post", "quote", theirs) if theirs else ("quote", "post", ours)
    return f'; the {side} has a negation ("{words[0]}"), the {other} none: check that the translation keeps its sense'


# Ukrainian and Russian, both in Cyrillic letters: a translation between them shares cognates ("противника") and the
# script, so neither the script nor "no word of the post's" told it (newuser44a #5). The letters only one of them
# writes, and short frequent words only one of them has (Ukrainian "що", "але"; Russian "и", "что"), tell them apart
# ("та", "де" and "коли" are Russian words too: not among them).
_UK_LETTERS, _RU_LETTERS = frozenset("іїєґ"), frozenset("ыэъё")
_UK_WORDS = frozenset("і й що це як від але або вони ми ви вже ще його її їх який яка яке які також після цей ця "
                      "цього".split())
_RU_WORDS = frozenset("и что это как от но или он она они мы вы был была было были будет уже еще ещё когда где его "
                      "ее её их который которая которое которые также после этот эта этого".split())
UK_RU = {"uk": "Ukrainian", "ru": "Russian"}
UK_RU_PAIR = "Ukrainian ↔ Russian"


def _uk_or_ru(words: list[str]) -> str:
    """ "uk" or "ru" when the words hold letters or frequent words of one of the two and none of the other's; ""."""
    letters = set("".join(words).casefold())
    folded = {w.casefold() for w in words}
    uk = bool(letters & _UK_LETTERS or folded & _UK_WORDS or any("'" in w and _script([w]) == "CYRILLIC" for w in words))
    ru = bool(letters & _RU_LETTERS or folded & _RU_WORDS)
    return "uk" if uk and not ru else "ru" if ru and not uk else ""


def uk_ru_pair(said: list[str], post: list[str]) -> tuple[str, str, bool] | None:
    """(the quote's language, the post's: "Russian", "Ukrainian"; whether both were told by their own letters or
    words) when both sides are written in Cyrillic letters and one reads as Ukrainian, the other as Russian; the
    other side told only by lacking the one's letters, in three words or more, is unsure (False). None otherwise."""
    if _script(said) != "CYRILLIC" or _script(post) != "CYRILLIC":
        return None
    ours, theirs = _uk_or_ru(said), _uk_or_ru(post)
    if ours and theirs:
        return (UK_RU[ours], UK_RU[theirs], True) if ours != theirs else None
    known, other = (ours, post) if ours else (theirs, said)
    if not known or len(other) < 3 or _uk_or_ru(other) or (known == "ru" and set("".join(other).casefold()) & _RU_LETTERS):
        return None
    guessed = "ru" if known == "uk" else "uk"
    return (UK_RU[ours or guessed], UK_RU[theirs or guessed], False)


# Scale words after a figure, and the power of ten each stands for in its language: Spanish "billón" and Portuguese
# "trilhão" are 10^12, English "trillion"; Spanish "mil millones" and Portuguese "bilhão" 10^9, English "billion"
# (French and German "billion" 10^12, "milliard" 10^9). A translation that keeps the figure and renders the word by its
# look ("1,2 billones" for "$1.2 billion") says a thousand times the amount (newuser45a #4).
_SCALE_POWERS = {
    "thousand": 3, "thousands": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "trillion": 12,
    "trillions": 12, "mil": 3, "millón": 6, "millon": 6, "millones": 6, "billón": 12, "billon": 12, "billones": 12,
    "trillón": 18, "trillones": 18, "milhão": 6, "milhões": 6, "bilhão": 9, "bilhões": 9, "bilião": 12, "biliões": 12,
    "trilhão": 12, "trilhões": 12, "milliard": 9, "milliards": 9, "milliarde": 9, "milliarden": 9, "mrd": 9,
    "millionen": 6, "billionen": 12, "miljoen": 6, "miljard": 9, "biljoen": 12,
    # written short: German "Mio." (10^6), "Mrd."/Swiss "Mia." (10^9), "Bio." (10^12); French "Md€", "Mds", "md"
    # (10^9) (newuser46a #3)
    "mio": 6, "mia": 9, "md": 9, "mds": 9, "bio": 12,
    # Italian, Dutch, Polish, Czech "mln" (10^6) and "mld" (10^9): "1,5 mld di euro" (review47b)
    "mln": 6, "mld": 9,
    # Ukrainian and Russian, short and in full: "1,5 млрд", "2 тисячі" (review47b: "2000" of "2 тисячі" failed)
    **{word: power for power, words in ((3, "тис тыс тисяча тисячі тисяч тисячу тысяча тысячи тысяч тысячу"),
                                        (6, "млн мільйон мільйона мільйони мільйонів миллион миллиона миллионы "
                                            "миллионов"),
                                        (9, "млрд мільярд мільярда мільярди мільярдів миллиард миллиарда миллиарды "
                                            "миллиардов"),
                                        (12, "трлн трильйон трильйона трильйони трильйонів триллион триллиона "
                                             "триллионы триллионов"))
       for word in words.split()}}
# short scales a language reads otherwise: French "bio" is organic, not "Billion"
_NOT_SCALES = {"fr": frozenset({"bio"})}
# The languages that write each short scale ("" for a side of no known language): "300 MD graduates" in English is
# no 300 × 10^9 (review46g)
_SHORT_SCALE_LANGS = {"mio": frozenset({"de", ""}), "mrd": frozenset({"de", "nl", ""}), "mia": frozenset({"de", ""}),
                      "bio": frozenset({"de", ""}), "md": frozenset({"fr", ""}), "mds": frozenset({"fr", ""}),
                      "mld": frozenset({"it", "nl", "pl", "cs", "sk", ""})}
# written after a figure with no space, or alone after it, with a capital: "1,5M€", "1,5 M€", "2Md€", "3Mrd."
_CAPITAL_SCALES = {"M": 6, "Mio": 6, "Md": 9, "Mds": 9, "Mrd": 9}
_LONG_SCALE = frozenset({"fr", "de", "nl", "it"})   # "billion" is 10^12 there
_SHORT_SCALES = {"k": 3, "m": 6, "mn": 6, "b": 9, "bn": 9, "tn": 12}   # after a currency sign: "$1.2bn"
# The word each language gives a power of ten, to name the other side's in a note ("English "trillion"").
_SCALE_NAMES = {"en": {6: "million", 9: "billion", 12: "trillion"}, "es": {6: "millones", 9: "mil millones", 12: "billón"},
                "pt": {6: "milhões", 9: "bilhão", 12: "trilhão"}, "fr": {6: "million", 9: "milliard", 12: "billion"},
                "de": {6: "Million", 9: "Milliarde", 12: "Billion"}}
# The decimal mark each language writes ("" for both: Spanish is written with a comma in Spain and most of South
# America, with a point in Mexico, Central America and the Caribbean; an unknown language either way).
_DECIMAL_MARKS = {"en": ".", "pt": ",", "fr": ",", "de": ",", "it": ",", "nl": ",", "tr": ",", "ru": ",", "uk": ","}
_NUMBER_RE = re.compile(r"\d(?:[\d.,]*\d)?")


@dataclass(frozen=True)
class _Figure:
    written: str                  # as the text writes it, with its scale word ("1,2 billones", "$1.2 billion")
    digits: str                   # its digits alone ("12")
    values: frozenset[Decimal]    # what it may be worth, its scale applied: one reading, or two where its mark is unsure
    plain: frozenset[Decimal]     # the same without the scale
    scale: str                    # its scale word as written ("billones"), or ""
    power: int                    # that word's power of ten, 0 for none


def _readings(number: str, mark: str) -> frozenset[Decimal]:
    """What a written number may be worth: "3,5" 3.5 and "1.200" 1200 in Spanish; "1,000" a thousand or, where the
    decimal `mark` is not known (""), one; "1.234,5" 1234.5 either way. Nothing for a number no mark makes one."""
    marks = [c for c in number if c in ".,"]
    if not marks:
        return frozenset({Decimal(number)})
    if len(set(marks)) == 2:   # "1.234,5": the last mark is the decimal one, the other groups thousands
        decimal = marks[-1]
        whole, _, fraction = number.rpartition(decimal)
        group = "," if decimal == "." else "."
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", whole) or decimal in whole:
            return frozenset()
        return frozenset({Decimal(whole.replace(group, "") + "." + fraction)})
    if len(marks) > 1:   # "1.250.000": a grouping
        return frozenset({Decimal(number.replace(marks[0], ""))}) \
            if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(marks[0])}\d{{3}})+", number) else frozenset()
    whole, fraction = number.split(marks[0])
    as_decimal = Decimal(f"{whole}.{fraction}")
    if len(fraction) != 3 or len(whole) > 3:
        return frozenset({as_decimal})
    as_group = Decimal(whole + fraction)
    if mark:
        return frozenset({as_decimal if mark == marks[0] else as_group})
    return frozenset({as_decimal, as_group})


def _translation_figures(words: list[str], lang: str) -> list[_Figure]:
    """The figures of one side of a translation, read as values in its language (`lang`, "" for not known), with the
    scale words after them ("1.200 millones": 1.2 × 10^9; "mil millones" 10^9; "$1.2bn")."""
    figures = []
    words = _spaced_groups([_western_digits(word) for word in words])
    for at, spaced in enumerate(words):
        # thousands grouped by a space ("12 000") or, in Switzerland, an apostrophe ("1'500'000": it was read as 1, 500
        # and 0, review47b)
        word = _SWISS_GROUPS_RE.sub(lambda m: re.sub("['’]", "", m[0]), spaced.replace(" ", ""))
        for match in _NUMBER_RE.finditer(word):
            plain = _readings(match[0], _DECIMAL_MARKS.get(lang, ""))
            if not plain:
                continue
            power, scale = 0, []
            after = word[match.end():]
            if after.casefold() in _SHORT_SCALES and any(c in _SIGNS for c in word[:match.start()]):
                power = _SHORT_SCALES[after.casefold()]
            elif after in _CAPITAL_SCALES and match.start() == 0 \
                    and lang in _SHORT_SCALE_LANGS.get(after.casefold(), (lang,)):
                power = _CAPITAL_SCALES[after]
            elif not after.strip("%") and match.end() == len(word):
                for following in words[at + 1:at + 3]:
                    key = following.casefold()
                    if following == "M":
                        power += 6
                    elif key not in _SCALE_POWERS or key in _NOT_SCALES.get(lang, ()) \
                            or lang not in _SHORT_SCALE_LANGS.get(key, (lang,)):
                        break
                    else:
                        power += 12 if key in ("billion", "billions") and lang in _LONG_SCALE else _SCALE_POWERS[key]
                    scale.append(following)
            written = " ".join([spaced, *scale]) if scale else spaced
            values = frozenset(v.scaleb(power) for v in plain)
            if scale == ["M"]:   # a lone "M" may be no million: a size, "Größe 38 M" (review46g)
                values |= frozenset(plain)
            figures.append(_Figure(written, re.sub(r"\D", "", match[0]), values, plain, " ".join(scale), power))
    return figures


# a figure whose thousands are grouped by an apostrophe, as Switzerland writes them ("1'500'000", "1’500’000")
_SWISS_GROUPS_RE = re.compile(r"(?<![\d'’])\d{1,3}(?:['’]\d{3})+(?![\d'’])")
_GROUP_HEAD_RE = re.compile(r"-?\d{1,3}(?: \d{3})*")
_GROUP_RE = re.compile(r"\d{3}(?:[.,]\d+)?%?")


def _spaced_groups(words: list[str]) -> list[str]:
    """Words with a figure whose thousands are grouped by a space made one ("12 000", French and German, a space,
    a no-break or a narrow no-break space, all one space once normalised): "12", "000" is "12 000" (newuser46a #3).
    A group is three figures after one to three; "1 234 567,5" is one figure."""
    merged: list[str] = []
    for word in words:
        if merged and _GROUP_RE.fullmatch(word) and _GROUP_HEAD_RE.fullmatch(merged[-1]):
            merged[-1] += " " + word
        else:
            merged.append(word)
    return merged


def _false_friend(ours: _Figure, theirs: _Figure, langs: tuple[str, str]) -> str:
    """"; "1,2 billones" is not the post's "$1.2 billion": Spanish "billones" is 10^12 (English "trillion"), English
    "billion" is 10^9 (Spanish "mil millones"): a thousand times apart (a false friend?)" where the two figures are the
    same but for scale words a thousand times apart; "" otherwise."""
    if not (ours.plain & theirs.plain) or abs(ours.power - theirs.power) != 3 or not (ours.scale or theirs.scale):
        return ""

    def named(figure: _Figure, lang: str, other: str) -> str:
        if not figure.scale:
            return f"the other has no scale word (10^{figure.power})" if figure.power else "the other none"
        own = f'{_LANGUAGE_NAMES.get(lang, "")} "{figure.scale}"'.strip()
        theirs_word = _SCALE_NAMES.get(other, {}).get(figure.power)
        return f"{own} is 10^{figure.power}" + (
            f' ({_LANGUAGE_NAMES[other]} "{theirs_word}")' if theirs_word and theirs_word != figure.scale else "")
    return (f'"{ours.written}" is not the post\'s "{theirs.written}": {named(ours, langs[0], langs[1])}, '
            f"{named(theirs, langs[1], langs[0])}: a thousand times apart (a false friend?)")


def _unsure(figure: _Figure) -> str:
    """" (read as 2500 or as 2.5: not sure which …)" for a figure whose decimal mark its language does not settle
    (Spanish "2.500", or a language not known), "" for one read one way."""
    if len(figure.plain) < 2:
        return ""
    readings = " or as ".join(f"{value.normalize():f}" for value in sorted(figure.plain, reverse=True))
    return f" (read as {readings}: not sure which, its mark a thousands' group or a decimal one)"


def translation_turns(said: list[str], post: list[str], *, negation: bool, langs: tuple[str, str] = ("", ""),
                      clauses: tuple[str, str] | None = None, as_written: bool = False) -> tuple[str, bool, bool]:
    """What a translation of the post may have changed, in words ("; 150 is not among the post's figures (105)"; a
    negation added or dropped when `negation`: both languages negate with a word), and whether the figure and the
    negation are each unambiguous: the figures otherwise one for one, the one changed the same digits in another order
    (105 → 150: no conversion of units makes it), and a negation on one side only (newuser44a #5). Figures are read
    as values (`langs`: the quote's language and the post's, "" where not known, tell a decimal comma from a point),
    so "5.3%" for "3,5%" is named, "1.200 millones" for "$1.2 billion" is not, and a scale word a thousand times off
    ("billones" for "billion") is named as a false friend (newuser45a #4). `as_written`: the quote keeps the post's
    words as written but for a few (half of them or more the post's), so any one figure of the post's in place of
    another is changed, as a quote compared word by word would say (review47b)."""
    in_post, in_said = _translation_figures(post, langs[1]), _translation_figures(said, langs[0])
    post_values = frozenset().union(*(f.values for f in in_post))
    said_values = frozenset().union(*(f.values for f in in_said))
    extra = list({f.written: f for f in in_said if not f.values & post_values}.values())
    missing = list({f.written: f for f in in_post if not f.values & said_values}.values())
    listed = ", ".join(dict.fromkeys(f.written for f in in_post))
    notes, friends = [], set()
    for given in extra:
        friend = next(((other, note) for other in missing if (note := _false_friend(given, other, langs))), None)
        if friend is not None:
            friends.add(friend[0].written)
            notes.append(friend[1])
        else:
            notes.append((f"{given.written} is not among the post's figures ({listed})" if in_post else
                          f"{given.written} is not among the post's figures (it gives none)") + _unsure(given))
    missing = [f for f in missing if f.written not in friends]
    # a figure matched only by reading a mark before three figures as a decimal one ("1.200 millones" as 1.2 million,
    # Mexico's way), where read as a thousands' group (Spain's) it is a thousand times more: named, never let pass
    # silently (review45f)
    for given in dict.fromkeys(in_said):
        for posts in in_post:
            shared = given.values & posts.values
            doubtful = next((f for f in (posts, given) if shared and len(f.plain) > 1 and max(shared) < max(f.values)),
                            None)
            if doubtful is not None:
                notes.append(f"{given.written} is the post's {posts.written} only if {doubtful.written} is read with a "
                             f"decimal mark{_unsure(doubtful)}: check the figure")
                break
    if missing and not extra:
        notes.append(f"the post's {', '.join(f.written for f in missing)} {'is' if len(missing) == 1 else 'are'} not "
                     "in the quote (written in words?)")
    figure = len(in_post) == len(in_said) and len(extra) == len(missing) == 1 and not friends \
        and extra[0].digits != missing[0].digits \
        and (as_written or sorted(extra[0].digits) == sorted(missing[0].digits)) and extra[0].power == missing[0].power
    # a side may deny with a word only its own language has ("немає" for "нет", "нельзя" for "не можна"): each is a
    # negation of its side (review45a: a faithful translation failed), and one dropped is one dropped (review46b: a
    # quote leaving out "немає" warned, and "Никаких" of another sentence excused a dropped "не")
    negated = ""
    if negation:
        negated = _clause_negation_turned(clauses) if clauses is not None else ""
        if not negated and clauses is not None:   # a word both give, denied on one side only (review46e)
            negated = _negated_word_turned(said, post)
        ours, theirs = _denials(said), _denials(post)
        left_out = _left_out(clauses) if clauses is not None and not negated and not ours and theirs else None
        if left_out:   # a part of the post the quote may not give holds it: named, not failed (review46b)
            notes.append(left_out)
        elif not negated and bool(ours) != bool(theirs):
            negated = (f'the quote adds a negation ("{ours[0]}") the post does not have' if ours else
                       f'the post\'s negation ("{theirs[0]}") is not in the quote')
    if negated:
        notes.append(negated)
    return "".join(f"; {note}" for note in notes), figure, bool(negated)


def _clauses(text: str) -> list[list[str]]:
    """A text's clauses, each its words, split where `_CLAUSE_END_RE` (below) ends one: a Ukrainian/Russian translation
    keeps them ("Ми не відступимо. Жодних сумнівів." is "Мы не отступим. Никаких сомнений.")."""
    return [words for part in _CLAUSE_END_RE.split(text) if (words := tokens(part))]


def _left_out(texts: tuple[str, str]) -> str:
    """The note for a quote with fewer clauses than the post, none denying, that may be a run of the post's clauses
    none of which denies: the post's negation is then in a part the quote may leave out ("Город держится, и мы тоже."
    of "Світла немає. Місто тримається, і ми теж.": a part quoted failed as "the post's negation is not in the
    quote", review46b); "" otherwise."""
    said, post = _clauses(texts[0]), _clauses(texts[1])
    if not said or len(said) >= len(post):
        return ""
    runs = [post[i:i + len(said)] for i in range(len(post) - len(said) + 1)]
    if not any(not any(_denials(clause) for clause in run) for run in runs):
        return ""
    # the part the quote's words render, told by their cognates ("отступим" of "відступимо"): where as many of them or
    # more stand in the post's denying clauses as in the others, the quote renders a denying clause (alone, or joined
    # to another where the post has a comma the quote has not: "Я думаю что мы отступим" of "Я думаю, що ми не
    # відступимо") and drops its negation, as a whole translation does (the lead, stop 46). A word whose cognates
    # stand in both says nothing of which ("Харьков держится, и мы тоже." of "Харків не здається, Харків тримається,
    # і ми теж." failed: review47b)
    denying_words = [w for clause in post if _denials(clause) for w in clause]
    other_words = [w for clause in post if not _denials(clause) for w in clause]
    telling = [w for clause in said for w in clause
               if not (_cognates([w], denying_words) and _cognates([w], other_words))]
    in_denying = _cognates(telling, denying_words)
    if in_denying and in_denying >= _cognates(telling, other_words):
        return ""
    denying = next((clause for clause in post if _denials(clause)), None)
    if denying is None:
        return ""
    return (f'the post\'s negation ("{_denials(denying)[0]}", in “{_join(denying)}”) is in a part of the post the '
            "quote may not give (a partial quote?): if the quote renders that part, it drops the negation")


# Ukrainian letters and Russian ones that stand for the same sound in cognates ("відступимо", "отступим")
_UK_RU_FOLD = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "ы": "и", "э": "е", "ё": "е", "ъ": "", "'": "",
                             "’": "", "ʼ": ""})


def _cognates(said: list[str], post: list[str]) -> int:
    """How many of the quote's words of four letters or more have a cognate among the post's: their letters, folded
    (`_UK_RU_FOLD`), share a run of at least 0.6 of the shorter word ("ступим" of "отступим" and "відступимо") or are
    at least 0.7 alike by difflib's ratio; never a denying word."""
    from difflib import SequenceMatcher

    def akin(a: str, b: str) -> bool:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        run = matcher.find_longest_match(0, len(a), 0, len(b)).size
        return run >= 4 and run >= 0.6 * min(len(a), len(b)) or matcher.ratio() >= 0.7

    theirs = [w.casefold().translate(_UK_RU_FOLD) for w in post if len(w) >= 4 and not _denials([w])]
    count = 0
    for word in said:
        if len(word) < 4 or _denials([word]):
            continue
        ours = word.casefold().translate(_UK_RU_FOLD)
        count += any(akin(ours, other) for other in theirs)
    return count


def _negated_word_turned(said: list[str], post: list[str]) -> str:
    """The note for a word one side denies ("не пройде") whose every cognate on the other side (`_same_word`,
    "пройдет") is undenied: the translation drops the negation, or moves it to another word ("Мы не знаем, что враг
    пройдет" of "Ми знаємо що ворог не пройде", review46e); "" otherwise, or where the other side has no such word
    (a word rendered by another, "нельзя" of "не можна", says nothing)."""
    for side, other, adds in ((post, said, False), (said, post, True)):
        for k, word in enumerate(side):
            if k - 1 not in _denying_at(side) or len(word) < 4 or _denials([word]):
                continue
            # the word undenied elsewhere on its own side ("Діти не поранені, поранені двоє") may be the one rendered
            if any(_same_word(word, w) and not _denied(side, i) for i, w in enumerate(side)):
                continue
            akin = [i for i, w in enumerate(other) if _same_word(word, w)]
            if akin and not any(_denied(other, i) for i in akin):
                if adds:
                    return (f'the quote adds a negation ("{side[k - 1]}", in “{side[k - 1]} {word}”) the post\'s '
                            f'“{other[akin[0]]}” does not have')
                return (f'the post\'s negation ("{side[k - 1]}", in “{side[k - 1]} {word}”) is not in the quote\'s '
                        f'“{other[akin[0]]}”')
    return ""


def _denied(words: list[str], i: int) -> bool:
    """Whether words[i] is denied: the word before it denies, or the one before that with a word between that is not
    words[i] again ("не будем отступать"; not the second "поранені" of "не поранені, поранені")."""
    denying = _denying_at(words)
    return i - 1 in denying or i > 1 and i - 2 in denying \
        and not _same_word(words[i], words[i - 1])


def _same_word(a: str, b: str) -> bool:
    """Whether a Ukrainian word and a Russian one are the same word in another form: folded (`_UK_RU_FOLD`), they
    share a run of letters of at least four and 0.7 of the longer ("відступимо", "отступим"; never "отступать")."""
    from difflib import SequenceMatcher

    a, b = a.casefold().translate(_UK_RU_FOLD), b.casefold().translate(_UK_RU_FOLD)
    if len(b) < 4 or _denials([b]):
        return False
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return run >= 4 and run >= 0.7 * max(len(a), len(b))


# Words before which a Ukrainian or Russian word that may deny does not: "без жодних сумнівів", "без всяких сомнений"
# (without any doubt), and "что бы ни случилось", "що б не сталося", "хто б не прийшов" (whatever happens, whoever
# comes: a question word and "бы", "б", "би" before it) (review47b: a faithful translation failed, one side's
# "жодних" or "ни" read as a negation the other dropped)
_WITHOUT = frozenset({"без"})
_ASKING = frozenset("что кто как где куда когда сколько какой какая какое какие каким какую чей чья чьё чьи откуда "
                    "що хто як де куди коли скільки який яка яке які яким яку чий чия чиє чиї звідки".split())
_WOULD = frozenset({"бы", "б", "би"})


# Words after which "ни" denies after all, a question word before it or not: "где ни души" (where not a soul is),
# "ни разу", "ни одного", "ни капли", "ни слова", "ни за что" (fix47d #4)
# A preposition or a pronoun after it too: "как ни у кого" (as no one has), "где ни в одном доме" (where in no house);
# not "на", whose "что ни на есть" (the very) denies nothing (review47f)
_DENYING_AFTER_NI = frozenset("души разу одного одной одну одна одно один одним единого единой малейшего малейшей "
                              "слова шагу капли копейки грамма звука за у в во с со к ко о об от из при под "
                              "кого чего кому чему кем чем ком чём".split())


def _concessive(words: list[str], i: int) -> bool:
    """Whether words[i] is a "ни" or "не" that denies nothing: after a question word and "бы" ("что бы ни", "как бы
    они ни", "скільки б це не": whatever, however, review47b), or a Russian "ни" right after a question word, as its
    idioms write it ("как ни крути", whichever way you look at it; "что ни говори", "куда ни глянь", "как ни странно",
    oddly enough: fix47d #4, a faithful translation failed as adding a negation), not before a word it denies
    (`_DENYING_AFTER_NI`). Ukrainian "як не крути" is not read: its "не" after a question word also denies ("що не
    так")."""
    folded = [w.casefold() for w in words[max(i - 4, 0):i + 2]]
    at = min(i, 4)
    if folded[at] not in ("ни", "не", "ні"):
        return False
    if any(j > 0 and folded[j] in _WOULD and folded[j - 1] in _ASKING for j in range(max(at - 3, 0), at)):
        return True
    return folded[at] == "ни" and at > 0 and folded[at - 1] in _ASKING \
        and not (at + 1 < len(folded) and folded[at + 1] in _DENYING_AFTER_NI)


def _denials(words: list[str]) -> list[str]:
    """The words of a Ukrainian or Russian text that deny: those _negates knows and those only one language has; not
    "жодних" after "без" (without any), nor "ни"/"не" after a question word and "бы" (whatever: `_ASKING`)."""
    return [words[i] for i in _denying_at(words)]


def _denying_at(words: list[str]) -> set[int]:
    """Where the words that deny stand in `words` (`_denials`), each told among the words around it."""
    folded = [w.casefold() for w in words]
    # "Ані" inside a sentence is Anya's name ("для Ані", for Anya), never "ані" (neither)
    return {i for i, w in enumerate(words) if (_negates(w) or _denies_in_its_own_word(w) and not (i and w == "Ані"))
            and not (i and folded[i - 1] in _WITHOUT and _denies_in_its_own_word(w)) and not _concessive(words, i)}


def _clause_negation_turned(texts: tuple[str, str]) -> str:
    """The note for a clause whose negation a Ukrainian/Russian translation drops or adds, where the quote (the first
    text) and the post have as many clauses ("Мы отступим. Никаких сомнений." of "Ми не відступимо. Жодних
    сумнівів.": "Никаких" denies too, in another sentence, review46b); "" when each clause keeps its side's, or the
    clauses cannot be paired."""
    said, post = _clauses(texts[0]), _clauses(texts[1])
    if len(said) != len(post) or len(said) < 2:
        return ""
    # clauses paired only where each pair is about as long: a translation keeps its words one for one, so a pair
    # that is not was split by commas placed differently ("Конечно, мы не отступим" of "Звісно ми не відступимо,
    # ніколи"), and a negation kept in the next clause failed as dropped (review46e)
    if any(abs(len(ours) - len(theirs)) > max(1, min(len(ours), len(theirs)) // 2) for ours, theirs in zip(said, post)):
        return ""
    for ours, theirs in zip(said, post):
        our_words, their_words = _denials(ours), _denials(theirs)
        if bool(our_words) != bool(their_words):
            if our_words:
                return (f'the quote adds a negation ("{our_words[0]}", in “{_join(ours)}”) the post\'s '
                        f'“{_join(theirs)}” does not have')
            return (f'the post\'s negation ("{their_words[0]}", in “{_join(theirs)}”) is not in the quote\'s '
                    f'“{_join(ours)}”')
    return ""


# Words that deny in Ukrainian or Russian and that _negates does not know, each a translation of a negation word of
# the other language: "there is no" (Ukrainian "немає", "нема"; Russian "нет" is one of _WORD_NEGATIONS), "must not"
# (Russian "нельзя", Ukrainian "не можна"), "no … at all" ("жодних", "никаких"), "nowhere", "in no way".
# And Ukrainian "ані" (Russian "ни"), "нізащо" ("ни за что"), "жоден" (the stem below misses it), "ніщо", Russian
# "нечего", "некого", "негде", "некуда", "незачем" (Ukrainian "нічого", "нікого", "ніде", "нікуди": review46b, now that
# each counts as a negation of its side).
_UK_RU_DENYING = frozenset("немає нема нельзя нету ніде нікуди ніяк аніяк нікого нікому нічим ніскільки анітрохи "
                           "нигде никуда никак никого никому ничем ничто нисколько ничуть отнюдь "
                           "ані нізащо нечего некого негде некуда незачем жоден ніщо ниоткуда нізвідки".split())
_UK_RU_DENYING_STEMS = ("жодн", "ніяк", "никак")


def _denies_in_its_own_word(word: str) -> bool:
    key = _key(word)
    return key in _UK_RU_DENYING or key.startswith(_UK_RU_DENYING_STEMS)


_WORD_NEGATING_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "HEBREW", "ARABIC"})


def negates_with_words(said: str, post: str) -> bool:
    """Whether both sides are in scripts of languages that negate with a word (not CJK, whose negation is a verb's
    ending), neither reading as a language that negates with a suffix (Turkish): a negation word on one side only is
    then worth naming in a translation (newuser44a #5)."""
    sides = [tokens(said), tokens(post)]
    return all(_script(words) in _WORD_NEGATING_SCRIPTS and _reads_as(words) not in _NEGATION_BY_SUFFIX
               and not set(_looks(words)) & _NEGATION_BY_SUFFIX for words in sides)


def _translation_languages(languages: tuple[str, ...], lang: str | None, quote_lang: str | None) -> tuple[str, str]:
    """The quote's language and the post's as codes ("en", "es"), "" where not known: from how the quote was read as
    a translation (`languages`: the quote's, one or two it may be, and the post's last), else the tags given."""
    if languages:
        return (languages[0] if len(languages) == 2 else ""), languages[-1]
    return _language(quote_lang) or "", _language(lang) or ""


def _uk_ru_translated(said: list[str], post: list[str], pair: tuple[str, str, bool], ours: int, theirs: int,
                      matched: int, aside: tuple[str, ...], *, texts: tuple[str, str] | None = None) -> Comparison:
    """The verdict on a quote in Russian of a post in Ukrainian, or the reverse: a translation, not compared word by
    word (a warn), but for a figure or a negation it changes unambiguously (a fail, naming it)."""
    codes = {name: code for code, name in UK_RU.items()}
    # a quote half of whose words or more are spelt as the post's keeps its figures as written (review47b: "500" of
    # "Я знаю, що там 300 ракет." only warned once ce9cd539 read it as a translation)
    as_written = matched * 2 >= ours
    notes, figure, negated = translation_turns(said, post, negation=True, langs=(codes[pair[0]], codes[pair[1]]),
                                               clauses=texts, as_written=as_written)
    evidence = (f"the quote reads as {pair[0]}, the post as {pair[1]}: they may be a translation ({UK_RU_PAIR}), "
                f"which is not compared word by word: compare by hand{notes}")
    if figure or negated:   # the change first: it is what fails
        evidence = (f"a translation that changes what the post says: {notes.removeprefix('; ')}"
                    f"{', the same digits in another order' if figure and not as_written else ''}; the quote reads as "
                    f"{pair[0]}, the post as {pair[1]}: they may be a translation ({UK_RU_PAIR}), not compared word by "
                    "word")
        return Comparison("fail", evidence, ours, theirs, matched, set_aside=aside, turned=True, translated=True)
    return Comparison("warn", evidence, ours, theirs, matched, set_aside=aside, translated=True)


# An amount's words that languages of the Latin script write alike: "1,5 million d'euros" of "1.5 million euros"
# shares "million" and "euros" with it (review47b: the faithful translation failed as "2 changes")
_AMOUNT_WORDS_ALIKE = frozenset("million millions milliard milliards billion billions euro euros franc francs dollar "
                                "dollars".split())


def _kept_in_translation(word: str) -> bool:
    """Whether a word both sides share may be one a translation keeps: a figure, a name (capitalised, no frequent
    word of a language: "Sánchez" of an English rendering of a Spanish post, which failed: quotes33), or an amount's
    word written alike (`_AMOUNT_WORDS_ALIKE`)."""
    return not any(c.isalpha() for c in word) or word[:1].isupper() and not any(
        _key(word) in frequent for frequent in _FREQUENT_WORDS.values()) and _key(word) not in _REFERRING \
        or _key(word) in _AMOUNT_WORDS_ALIKE


def _small_word(word: str) -> bool:
    """Whether a word both sides share is a short word in small letters, which two languages may both write ("in" of
    English and German, "a", "de"): a translation may keep it as it keeps a name (quotes35: "The chancellor met Macron
    in Berlin" for a German post failed). The quote must still read as another language than the post's. Or one
    capitalised as a sentence opens it that is a frequent word of a language, so no name: "We" of a Dutch "We sluiten de
    fabriek" for "We will not close the factory" (fix47d #1: the translation failed as "10 words replaced by 6")."""
    return word.isalpha() and len(word) <= 3 and (word.islower() or word.istitle() and any(
        _key(word) in frequent for frequent in _FREQUENT_WORDS.values()))


def _script(words: list[str]) -> str:
    """The script most of the words' letters are written in, by Unicode's names ("LATIN", "HEBREW", "CJK"); "" for
    none. Letters drawn like Latin ones (Cyrillic а, Greek ο) are not counted: a quote forged in them is no other
    script's."""
    counts: dict[str, int] = {}
    for letter in (c for word in words for c in word if c.isalpha() and ord(c) not in _CONFUSABLE):
        script = unicodedata.name(letter, "").split(" ")[0]
        counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda script: counts[script]) if counts else ""


def _translated(said: list[str], post: list[str]) -> str:
    """"Latin letters, the post in Hebrew" when the quote is written in another script than the post and they share
    no word with letters: a translation shown in the post's place, which words cannot check (review30q); else ""."""
    ours, theirs = _script(said), _script(post)
    if not ours or not theirs or ours == theirs \
            or any(_script([w]) == ours for w in post if not w.startswith(("@", "#"))):
        return ""   # the post writes words in the quote's script ("Tesla"): a quote lacking them all changed them
    #             (review30r2: "I support Apple" of a Hebrew post naming "Tesla" warned, "I support Tesla" failed)
    named = {"CJK": "Han"}
    return f"is in {named.get(ours, ours.title())} letters, the post in {named.get(theirs, theirs.title())}"


# Frequent words of languages written in Latin letters, which tell the language of a quote and of a post in one
# script: an English translation of a Spanish post shares no word with it, as one of a Russian post does, and failed
# where that one warned (newuser32b §10). A word of two languages' lists is in neither (dropped below).
_FREQUENT = {
    "en": "the and of to are was were will would not this that with for from have has had been be it its they you our "
          "their there what which who but by on at or can could should before after until end year",
    "es": "el la los las de del que y en un una es por para con se su sus al lo como más pero este esta año será fue "
          "ha han muy no hasta antes fin",
    "pt": "o os as da do das dos de que em um uma não é para com se por mais mas este esta ano será foi muito até antes",
    "fr": "le la les des du de que et en un une est pas pour avec se sur ce cette nous vous ils sont été sera fin année "
          "avant jusqu",
    "de": "der die das den dem des und ist sind nicht ein eine mit für auf sich zu von wir ich sie es er werden wird "
          "wurde vor bis ende jahr jahres",
    "it": "il lo la gli le di del della che e non è per con un una sono questo questa anno sarà fino prima",
    "nl": "de het een en van niet is zijn wij we ik dat met voor op te tot jaar",
    "tr": "ve bir bu da de ile için değil ama çok daha sonra kadar yıl olarak gibi biz siz onlar ne mi",
}
_FREQUENT_WORDS = {language: frozenset(_key(w) for w in words.split()) - frozenset(
    _key(w) for other, others in _FREQUENT.items() if other != language for w in others.split())
    for language, words in _FREQUENT.items()}
_LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German",
                   "it": "Italian", "nl": "Dutch", "tr": "Turkish"}


def _frequent_in(words: list[str]) -> dict[str, int]:
    """How many of each language's frequent words the words hold; a capitalised word inside the text is a name's
    ("Las Vegas", "El Paso": an English quote read as Spanish, review32r4), not counted."""
    keys = {_key(w) for i, w in enumerate(words) if not i or not w[:1].isupper() or w.isupper()}
    return {language: len(keys & frequent) for language, frequent in _FREQUENT_WORDS.items()}


def _reads_as(words: list[str]) -> str | None:
    """The language of _FREQUENT whose frequent words the words hold most (two at least, more than any other's)."""
    counts = sorted(((count, language) for language, count in _frequent_in(words).items()), reverse=True)
    return counts[0][1] if counts[0][0] >= 2 and counts[0][0] > counts[1][0] else None


def _looks(words: list[str]) -> tuple[str, ...]:
    """The languages of _FREQUENT (two at most, those with most first) whose frequent words the words hold in small
    letters: weaker than _reads_as ("and" of "Macron and Scholz met in Paris" is English, its "met" Dutch), so only
    weighed where the other side reads plainly as, or is declared, another language than either."""
    # "Las" of "Las Vegas" is a name's (review32r4); the first word is weighed where a word in small letters follows
    # it: a sentence opens with a capital ("Non licenzieremo personale quest'anno" failed as changed words: newuser47a #8)
    opens = bool(words) and not (len(words) > 1 and words[1][:1].isupper())
    keys = {_key(w) for i, w in enumerate(words) if not w[:1].isupper() or not i and opens}
    held = sorted(((len(keys & frequent), -k, language) for k, (language, frequent) in
                   enumerate(_FREQUENT_WORDS.items()) if keys & frequent), reverse=True)
    return tuple(language for _, _, language in held[:2]) if len(held) <= 2 else ()


def _in_another_language(said: list[str], post: list[str], lang: str | None,
                         quote_lang: str | None) -> tuple[str, tuple[str, ...]]:
    """"reads as English, the post is in Spanish" when the quote, sharing no word with letters with the post, is in
    another language of its script: by its words (or, where they cannot tell, the language the article declares for
    it, `quote_lang`) against the post's `lang` (or its words); with the languages of both sides. Not where the post's words read as the quote's
    language (its `lang` wrong) or the quote's as the post's: other words in one language are a misquote; else ""."""
    ours_read, theirs_read = _reads_as(said), _reads_as(post)
    ours, theirs = ours_read or _language(quote_lang), _language(lang) or theirs_read
    looks: tuple[str, ...] = ()
    # a frequent word or two of other languages (quotes34: "Macron and Scholz met in Paris" for a French post failed
    # unless `quote_lang` was given), in three words of the quote's own or more: fewer cannot tell a language by one
    # word, "die" and "per" are English words too ("Biden: die" for "Biden: win" warned: review34r2)
    if not ours and theirs and len({_key(w) for w in said} - {_key(w) for w in post}) >= 3:
        looks = _looks(said)
        ours = "" if theirs in looks else next(iter(looks), "")
    if not ours or not theirs or ours == theirs or theirs_read == ours or ours_read == theirs:
        return "", ()
    held = _frequent_in(post)
    if not theirs_read and held.get(ours, 0) > held.get(theirs, 0):
        return "", ()   # a post too short to read whose words lean to the quote's language, not its `lang` (review32r4)
    named = {language: _LANGUAGE_NAMES.get(language, f'the language "{language}"') for language in (ours, theirs)}
    how = f"reads as {named[ours]}" if ours_read else "looks " + " or ".join(
        _LANGUAGE_NAMES.get(language, language) for language in looks) if looks else \
        f"is in {named[ours]} (as the article declares it)"
    return f"{how}, the post {'is in' if _language(lang) else 'reads as'} {named[theirs]}", \
        (*(looks or (ours,)), theirs)


def _recased(ops: list[tuple[str, int, int, int, int]], said: list[str], post: list[str]) -> tuple[str, ...]:
    """The quoted words written in capitals on one side and in lower case on the other ("US" and "us", "WILL" and
    "will"), said in words: folding case for equality hid a change of meaning (an acronym, a shout), so such a
    word is no pass (edits29). A capital initial ("Tuesday", "The") is cosmetic, as are a one-letter word, a
    handle and a hashtag (X folds their case)."""
    pairs = []
    for tag, i1, i2, j1, j2 in ops:
        if tag != "equal":
            continue
        for word, theirs in zip(said[i1:i2], post[j1:j2]):
            if word != theirs and not word.startswith(("@", "#")) and sum(c.isalpha() for c in word) > 1 \
                    and (word.isupper() and theirs.islower() or word.islower() and theirs.isupper()):
                pairs.append((word, theirs))
    if len(pairs) > _RECASED_NAMED:   # a post shouted in capitals (or an article's): said once, not word by word
        raised = [theirs for _, theirs in pairs if theirs.isupper()]
        lowered = [word for word, theirs in pairs if not theirs.isupper()]
        (upper, lower), most, other = ((("the post", "the article"), raised, lowered) if len(raised) >= len(lowered)
                                       else (("the article", "the post"), lowered, raised))
        some = ", ".join(f'"{word}"' for word in most[:_RECASED_NAMED])
        rest = f", and {len(other)} the other way" if other else ""
        return (f"the case differs: {upper} writes {len(most)} of the quoted words in capitals, {lower} in lower "
                f"case ({some}, …){rest}",)
    return tuple(f'the case differs: the post has "{theirs}", the article "{word}" (another word?)'
                 for word, theirs in pairs)


_RECASED_NAMED = 3   # words whose case differs named one by one; more are said once, with these first


# Letters of other scripts drawn like Latin ones (Unicode's confusables, the common ones): "pаssed" with a Cyrillic
# а reads as "passed" and is another word to a computer (review28). Mapped to the Latin letter they look like.
_CONFUSABLE = LATIN_LOOKALIKES   # platforms/lookalike.py: links are read with the same table (newuser39a #6)


def _skeleton(text: str) -> str:
    """What a text looks like: look-alike letters as the Latin ones, an exponent's "^" gone ("10^2" looks "102")."""
    return text.casefold().translate(_CONFUSABLE).replace("^", "")


REGROUPED = "the same digits, grouped otherwise: the same figure written differently?"
# A decimal comma for a decimal point, or the other way: Spanish "3,5%" quoted "3.5%" as Mexican papers write it
# (newuser45a #3: it failed as a changed figure). "1,000" for "1.000" is a thousands' group in one way and a decimal
# mark to three places in the other (one, or a thousand): said so, never the same figure said sure.
DECIMAL_MARK = "the same figure, a decimal comma on one side and a decimal point on the other"
GROUP_OR_DECIMAL = ("the same digits, a full stop on one side and a comma on the other: a thousands' group in one way "
                    "of writing figures, a decimal mark in the other (a thousand, or one?): check the figure")
OTHER_DIGITS = "the same figure in other digits"
PER_CENT_WORD = "the same figure, per cent as a sign on one side and a word on the other"
LEADING_ZERO = "the same figure, with a leading zero on one side"
NUMBER_WORD = "the same number, in words on one side"
DATE_PARTED = "the same date's figures, parted otherwise"
DATE_ORDER = "the same date, its day and month in the other order"
TIME_DOTTED = "the same time, with a full stop on one side and a colon on the other"
TIME_SPACED = "the same time, with its am, pm or h apart on one side"
TIME_HOUR = "the same time, whole hours with their :00 on one side"
TIME_RANGE = "the same times, their range's dash written as a word on one side"
TIME_24 = "the same time, on the 24-hour clock on one side and with am or pm on the other"
TIME_SHARED = "the same times, the range's am or pm written once on one side"
INITIALISM = "the same letters, with full stops on one side"
GLUED = "the article's letters in brackets inside the word: the post's letters, as an editor writes them"
INFLECTED = "the article's ending in brackets: the post's word, fitted to the article's sentence?"
HYPHENATED = "the same letters, with a hyphen on one side: a line break's, or another word (re-sign, resign)?"
VOWEL_MARKS = "the same letters, with vowel marks on one side"
OTHER_MARKS = "the same letters, with other vowel marks: another reading?"
VOWEL_LETTERS = "the same word, with vowel marks on one side and vowel letters (ו, י) on the other?"
YO = "ё written as е: only spelling, as Russian print writes е for ё"   # a pass (newuser44a #11)
JOINED = "the same words, a negation joined to its neighbour by a hyphen on one side: a prefix, another word?"
MAQAF = "the same words, joined by a maqaf (HEBREW PUNCTUATION MAQAF U+05BE) on one side, as Hebrew spelling may"
LETTER_FORMS = "the same letter in another form, a keyboard's or a spelling's (or another word?)"   # after the names
DOTLESS = "a dotted i for a dotless ı, or the other way: a keyboard's, or another word?"
YEAR_SHORT = "the same year, its last two figures with an apostrophe on one side"
DECIMAL_ZEROS = "the same figure, with zeros after its decimal point on one side"
CONTRACTED = "the same words, contracted on one side"
AMPERSAND = "the same word, \"&\" on one side and \"and\" on the other"
NON_JOINER = "the same word, a space on one side where the other writes a ZERO WIDTH NON-JOINER U+200C"
SCALE_SHORT = "the same amount, its thousand, million or billion written short on one side"
CURRENCY_WORD = "the same amount, its currency as a sign on one side and a word on the other"
AMOUNT_WORDS = "the same amount, written short with a sign on one side and in words on the other"
ORDINAL_WORD = "the same ordinal, in words on one side"
FULL_FIGURES = "the same amount, in full figures on one side and by its thousand, million or billion on the other"
FULL_FIGURES_WORDS = FULL_FIGURES + "; its currency a sign on one side and a word on the other"
# Said after how else an amount is written, or alone: "US$40m" for "$40m" names which dollar where the post does not
DOLLAR_NAMED = "its dollar named ({}) on one side and a bare $ on the other, which does not say which dollar"
_DOLLAR_NAMED_END = DOLLAR_NAMED.split("{}", 1)[1]
FIGURES = (REGROUPED, DECIMAL_MARK, GROUP_OR_DECIMAL, OTHER_DIGITS, PER_CENT_WORD, LEADING_ZERO, NUMBER_WORD, DATE_PARTED, DATE_ORDER, TIME_DOTTED, YEAR_SHORT,
           DECIMAL_ZEROS, TIME_SPACED, TIME_HOUR, TIME_RANGE, TIME_24, TIME_SHARED, SCALE_SHORT, CURRENCY_WORD,
           AMOUNT_WORDS, ORDINAL_WORD, FULL_FIGURES, FULL_FIGURES_WORDS)   # not look-alikes
# A Chinese quote in the other script: a Taiwan or Hong Kong outlet quotes a mainland post in Traditional characters
# ("我們不會關閉工廠" of "我们不会关闭工厂"), a mainland outlet a Taiwanese post in Simplified ones. Each character
# failed as changed (fix47zh); the same words in another script warn, as the words are not as posted (_script_keys).
IN_TRADITIONAL = "the post's Simplified characters written in Traditional ones"
IN_SIMPLIFIED = "the post's Traditional characters written in Simplified ones"
SCRIPTS = (IN_TRADITIONAL, IN_SIMPLIFIED)
FOLDED = (VOWEL_MARKS, OTHER_MARKS, VOWEL_LETTERS, YO, DOTLESS, JOINED, MAQAF, *SCRIPTS)   # the same word for equality (_key, _pointed_keys, _script_keys)
ENDINGS = "the same stem, another ending: the post's word fitted to the article's sentence? Check it"
WORDS = (INITIALISM, HYPHENATED, GLUED, INFLECTED, ENDINGS, CONTRACTED, AMPERSAND, NON_JOINER, *FOLDED)   # words written otherwise, not look-alikes either
_NO_MARKS = str.maketrans(dict.fromkeys(_OPTIONAL_MARKS))
_NO_YO = str.maketrans("ёЁ", "еЕ")


def _refolded(ops: list[tuple[str, int, int, int, int]], said: list[str], post: list[str],
              glued: Mapping[int, tuple[str, str]]) -> list[Change]:
    """The quoted words equal only as _key() folds them, beyond case (_recased's): each a change written otherwise,
    naming how (vowel marks on one side, ё written as е, a dotted i for a dotless ı)."""
    found = []
    for tag, i1, i2, j1, _ in ops:
        for k in range(i2 - i1 if tag == "equal" else 0):
            word, theirs = said[i1 + k], post[j1 + k]
            if i1 + k not in glued and word != theirs and not _same_but_case(word, theirs) \
                    and not (_HAN_RE.match(word) and _HAN_RE.match(theirs)):   # another script's: _scripted
                found.append(Change(theirs, word, alike="" if _read_otherwise(theirs, word) else _fold_kind(theirs, word)))
    return found


# A hyphen or a Hebrew maqaf between two letters: tokens() splits the words there, so "не-фейк" and "не фейк" were
# the same words, "word for word" (newuser39a §8). A maqaf on one side is named; a hyphen only where it joins a
# negation word, which it may make a prefix ("не-фейк", "non-partisan"): "well-known" for "well known" is cosmetic.
_JOIN_RE = re.compile(rf"(?<=[^\W\d_]|[{_MARK}])([-־])(?=[^\W\d_])")


def _joins(text: str) -> dict[tuple[str, str], str]:
    """The pairs of words a text joins by a hyphen or a maqaf (as _key()s), each with its sign."""
    if "-" not in text and "־" not in text:
        return {}
    found: dict[tuple[str, str], str] = {}
    for chunk in normalise(text).split():
        parts = _JOIN_RE.split(chunk)
        for i in range(1, len(parts) - 1, 2):
            left, right = tokens(parts[i - 1], by_character=False), tokens(parts[i + 1], by_character=False)
            if left and right:
                found.setdefault((_key(left[-1]), _key(right[0])), parts[i])
    return found


def _joined(ops: list[tuple[str, int, int, int, int]], said: list[str], post: list[str], said_text: str,
            found_text: str) -> list[Change]:
    """The quoted words joined by a hyphen or a maqaf on one side and by a space on the other: each a change written
    otherwise, both sides shown ("не фейк → не-фейк"). A hyphen for a maqaf is typography, and no change."""
    ours, theirs = _joins(said_text), _joins(found_text)
    if ours.keys() == theirs.keys():
        return []
    found = []
    for tag, i1, i2, j1, _ in ops:
        for k in range(i2 - i1 - 1 if tag == "equal" else 0):
            pair = (_key(said[i1 + k]), _key(said[i1 + k + 1]))
            if (pair in ours) == (pair in theirs):
                continue
            sign = ours.get(pair) or theirs[pair]
            if sign == "-" and not _WORD_NEGATIONS.intersection(pair):
                continue
            written = (said[i1 + k] + sign + said[i1 + k + 1], post[j1 + k] + " " + post[j1 + k + 1]) if pair in ours \
                else (said[i1 + k] + " " + said[i1 + k + 1], post[j1 + k] + sign + post[j1 + k + 1])
            found.append(Change(written[1], written[0], alike=MAQAF if sign == "־" else JOINED))
    return found


# The marks that give a letter its vowel (Arabic fatha, damma, kasra, their tanwin, sukun; Hebrew sheva to qubuts and
# qamats qatan), and the dots that make a Hebrew shin or sin: one letter holds one of each. Not a shadda or a dagesh,
# which a writer pointing some letters leaves out, nor cantillation or Quranic signs.
_VOWELS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0652" + "".join(map(chr, range(0x05B0, 0x05BC))) + "\u05c7")
_SHIN_DOTS = frozenset("\u05c1\u05c2")


def _pointed(word: str) -> list[tuple[str, str]]:
    """A word's letters, each with the optional marks written on it."""
    letters: list[tuple[str, str]] = []
    for c in word:
        if c in _OPTIONAL_MARKS and letters:
            letters[-1] = (letters[-1][0], letters[-1][1] + c)
        else:
            letters.append((c, ""))
    return letters


def _read_otherwise(post: str, said: str) -> bool:
    """Whether both words point one letter, each with another vowel or another shin dot: the post's own pointing read
    as another word ("كَتَبَ", he wrote, quoted "كُتِبَ", it was written), no mark left out (review32r4)."""
    ours, theirs = _pointed(said), _pointed(post)
    return len(ours) == len(theirs) and any(
        (set(a) & marks) and (set(b) & marks) and set(a) & marks != set(b) & marks
        for (_, a), (_, b) in zip(ours, theirs) for marks in (_VOWELS, _SHIN_DOTS))


def _fold_kind(post: str, said: str) -> str:
    """How two words that _key() makes one differ: by their optional marks, by ё, or by a dotted or dotless i."""
    bare = post.translate(_NO_MARKS), said.translate(_NO_MARKS)
    if bare != (post, said) and _same_but_case(*bare):
        return VOWEL_MARKS if post == bare[0] or said == bare[1] else OTHER_MARKS
    if _vowel_letters(post, said):
        return VOWEL_LETTERS
    forms = _letter_forms(*bare)
    if forms:
        return forms
    return YO if _same_but_case(bare[0].translate(_NO_YO), bare[1].translate(_NO_YO)) else DOTLESS


def _letter_forms(post: str, said: str) -> str:
    """The letters of _LETTER_FORMS in which two words differ, named as a look-alike's are ("ARABIC LETTER FARSI YEH
    U+06CC in place of ARABIC LETTER YEH U+064A"), then LETTER_FORMS; "" if they differ in none."""
    pairs = list(dict.fromkeys((a, b) for a, b in zip(post.lstrip("@#"), said.lstrip("@#"))
                               if a != b and _LETTER_FORMS.get(a, a) == _LETTER_FORMS.get(b, b)))
    if not pairs or len(post.lstrip("@#")) != len(said.lstrip("@#")):
        return ""
    return "; ".join(f"{_named(b)} in place of {_named(a)}" for a, b in pairs) + ": " + LETTER_FORMS


def written_otherwise(kind: str) -> bool:
    """Whether a change's kind is a word written otherwise (WORDS), its letters named for _LETTER_FORMS."""
    return kind in WORDS or kind.endswith(LETTER_FORMS)


def _a_figure(kind: str) -> bool:
    """Whether a change's kind is a figure written otherwise (FIGURES, or an amount naming its dollar)."""
    return kind in FIGURES or kind.endswith(_DOLLAR_NAMED_END)


def _folded(kind: str) -> bool:
    """Whether a change's kind is one _key() folds: the same word for equality (FOLDED, or _LETTER_FORMS)."""
    return kind in FOLDED or kind.endswith(LETTER_FORMS)


_INNER_VOWEL_LETTERS_RE = re.compile("(?<=.)[וי]")


def _bare_of_vowel_letters(word: str) -> str:
    return _INNER_VOWEL_LETTERS_RE.sub("", word.translate(_NO_MARKS)).casefold()


def _vowel_letters(post: str, said: str) -> bool:
    """Whether a Hebrew word pointed on one side is written in full (ktiv male) on the other, its vowels as the
    letters ו and י, which pointed writing leaves out: "נסגור" and "נִסְגֹּר" (newuser32b §2)."""
    if (post.translate(_NO_MARKS) == post) == (said.translate(_NO_MARKS) == said):
        return False   # pointed on both sides or on neither
    pointed, plain = (post, said) if post.translate(_NO_MARKS) != post else (said, post)
    return _written_in_full(pointed, plain) and _key(post) != _key(said)


_WRITTEN_WITH = {"ו": frozenset("\u05b9\u05ba\u05bb\u05c7"), "י": frozenset("\u05b4\u05b5")}   # holam, qubuts; hiriq, tsere


def _written_in_full(pointed: str, plain: str) -> bool:
    """Whether `plain` is the pointed word's letters with a ו or a י added only where full spelling writes one: after a
    letter pointed with the vowel it writes (ו for o and u, י for i and e), or doubling a consonant ו or י ("תקווה").
    Not a ו after a tsere ("שָׁלֵם", whole, is not "שלום", peace), nor a letter the pointed word has and the plain lacks
    ("שִׁיר", song, is not "שר", sings): review32r4."""
    letters, at, before = _pointed(pointed), 0, ("", "")
    for c in plain:
        if at < len(letters) and c == letters[at][0]:
            before, at = letters[at], at + 1
        elif c not in _WRITTEN_WITH or not (before[0] == c or set(before[1]) & _WRITTEN_WITH[c]):
            return False
    return at == len(letters)


def _pointed_keys(said: list[str], a: list[str], post: list[str], p: list[str]) -> tuple[list[str], list[str]]:
    """The keys of the words pointed on one side, where the other side writes the same word in full (_vowel_letters),
    as the other side's key: so that they align as the same word, shown as written otherwise (_refolded)."""
    if not any(c in _OPTIONAL_MARKS for w in said + post for c in w if "\u0591" <= c <= "\u05c7"):
        return a, p   # no Hebrew points: most texts
    for pointed, keys, plain, plain_keys in ((said, a, post, p), (post, p, said, a)):
        full: dict[str, list[tuple[str, str]]] = {}
        for w, k in zip(plain, plain_keys):
            if w.translate(_NO_MARKS) == w:
                full.setdefault(_bare_of_vowel_letters(w), []).append((w, k))
        for i, word in enumerate(pointed):
            if word.translate(_NO_MARKS) != word:
                keys[i] = next((k for w, k in full.get(_bare_of_vowel_letters(word), ())
                                if _written_in_full(word, w)), keys[i])
    return a, p


_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA_RE = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")


@lru_cache(maxsize=1)
def _to_simplified() -> tuple[Any, Any]:
    """OpenCC's tables, Taiwan's then Hong Kong's characters and phrases to Simplified: Taiwan's reads 看著 as 看着,
    Hong Kong's 衞 as 卫. Imported here, not at start-up: 12 ms and 1 MB of tables, wanted only for a Chinese quote
    that differs from its post."""
    from opencc import OpenCC

    return OpenCC("tw2s"), OpenCC("hk2s")


@lru_cache(maxsize=1024)
def _simplified(run: str) -> str:
    taiwan, hong_kong = _to_simplified()
    return str(hong_kong.convert(taiwan.convert(run)))


def _simplified_words(words: list[str]) -> list[str]:
    """Each word in Simplified characters, a run of Chinese characters converted whole so that a phrase tells a
    character's form (著 of 看著 is 着); a word by itself where the run's length changed."""
    out = list(words)
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and _HAN_RE.match(words[j]):
            j += 1
        if j == i:
            i += 1
            continue
        run = "".join(words[i:j])
        converted = _simplified(run)
        if len(converted) == len(run):
            at = 0
            for k in range(i, j):
                out[k], at = converted[at:at + len(words[k])], at + len(words[k])
        else:
            out[i:j] = [_simplified(w) for w in words[i:j]]
        i = j
    return out


def _script_keys(said: list[str], a: list[str], post: list[str], p: list[str]) -> tuple[list[str], list[str], str]:
    """The keys of the quote's and the post's Chinese characters in Simplified ones, where one side writes Traditional
    characters and the other Simplified (IN_TRADITIONAL, IN_SIMPLIFIED): so that they align as the same words, shown as
    written otherwise (_scripted). Both sides in one script keep their keys: 乾 (dry) and 幹 (to do) are one 干 in
    Simplified, and two words in Traditional. Not Japanese (kana on either side), whose kanji are no Traditional."""
    ours = [w for w in said if _HAN_RE.match(w)]
    if not ours or set(ours) <= set(post) or any(_KANA_RE.search(w) for w in said + post):
        return a, p, ""   # most quotes: no character the post does not have, and no table loaded
    simple_said, simple_post = _simplified_words(said), _simplified_words(post)
    quote_simplified, post_simplified = simple_said == said, simple_post == post
    if quote_simplified == post_simplified:
        return a, p, ""
    return ([_key(w) if _HAN_RE.match(w) else k for w, k in zip(simple_said, a, strict=True)],
            [_key(w) if _HAN_RE.match(w) else k for w, k in zip(simple_post, p, strict=True)],
            IN_TRADITIONAL if post_simplified else IN_SIMPLIFIED)


def _scripted(ops: list[tuple[str, int, int, int, int]], said: list[str], post: list[str], kind: str) -> list[Change]:
    """The quoted characters equal only in the other script (_script_keys): each run of them a change written
    otherwise ("会关闭 → 會關閉"), naming the scripts."""
    found: list[Change] = []
    for tag, i1, i2, j1, _ in ops:
        run: list[int] = []
        for k in [*range(i2 - i1 if tag == "equal" else 0), None]:
            if k is not None and said[i1 + k] != post[j1 + k] and _HAN_RE.match(said[i1 + k]):
                run.append(k)
                continue
            if run:
                found.append(Change("".join(post[j1 + r] for r in run), "".join(said[i1 + r] for r in run), alike=kind))
                run = []
    return found


# "per cent" as a word after a figure, as a copy desk writes it (AP style: "50 percent"), in the languages of the
# negation words above.
_PER_CENT_WORD_RE = re.compile(r"(?<=\d) (?:percent|per cent|pct|prozent|procent|por ciento|por cento|pour cent"
                               r"|per cento|процент(?:а|ов)?)(?!\w)", re.IGNORECASE)
_LEADING_ZERO_RE = re.compile(r"(?<![\d.,])0+(?=\d)")


def _western_digits(text: str) -> str:
    """Every decimal digit as 0-9: Arabic-Indic ٦١ and Devanagari ६१ are 61, which NFKC leaves as they are."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _alike(change: Change, said: str = "", found: str = "") -> Change:
    """The change marked when its two sides only look different to a computer (another script's letter, a
    superscript figure), with the characters that differ named; or when they are the same words or figures written
    otherwise (`said` and `found`, the article's and the post's texts, show how each side wrote them)."""
    from dataclasses import replace

    if change.alike:
        return change
    otherwise = _written_otherwise(change, said, found)
    if otherwise is not None:
        return otherwise
    if _range_word(change, said, found):
        return replace(change, alike=TIME_RANGE)   # "9:30 to 10:30" of "9:30–10:30" (fixnu32h)
    half = _half_alone(change, said, found)
    if half:
        return replace(change, alike=half)   # "9 to 10 pm" of "9 pm to 10 pm", "10:00" of "10:00 am" (quotes33)
    if change.post and change.article and change.post != change.article \
            and _western_digits(change.post) == _western_digits(change.article):
        return replace(change, alike=OTHER_DIGITS)   # a page's or a keyboard's digits (review30q)
    for written, key in ((PER_CENT_WORD, lambda side: _PER_CENT_WORD_RE.sub("%", side)),
                         (LEADING_ZERO, lambda side: _LEADING_ZERO_RE.sub("", side))):   # a copy desk's (review30q)
        if change.post and change.article and change.post != change.article \
                and key(_western_digits(change.post)) == key(_western_digits(change.article)):
            return replace(change, alike=written)
    amount = _amount_otherwise(change.post, change.article) if change.post and change.article else ""
    if amount:
        return replace(change, alike=amount)   # "$40m" of "$40 million", "40 million dollars" of "$40m" (review43b43)
    figure = _figure_otherwise(change.post, change.article, said, found) if change.post and change.article else None
    if figure is not None:   # "9:00" of "at 9", "2024" of "'24", "3.0" of "3" (verdicts38)
        return replace(change, post=figure[0], article=figure[1], alike=figure[2])
    time = _dotted_time(change.post, change.article, said, found) if change.post and change.article else ""
    if time:
        return replace(change, alike=time)   # "9.30" of "9:30", a British time (quotes31); "9:30 pm" of "9.30pm"
    mark = _decimal_mark(_western_digits(change.post), _western_digits(change.article)) \
        if change.post and change.article else ""
    if mark:
        return replace(change, alike=mark)   # "3.5%" of "3,5%" (newuser45a #3)
    if change.post and change.article and _regrouped(_western_digits(change.post), _western_digits(change.article)):
        return replace(change, alike=REGROUPED)
    if not change.post or not change.article or change.elided:
        return change
    if _skeleton(change.post) != _skeleton(change.article):
        return _figure_looks(change)
    from difflib import SequenceMatcher

    post, said = change.post.casefold(), change.article.casefold()
    if "^" in post + said:
        raised = post if "^" in post else said
        base, power = raised.split("^", 1)
        return replace(change, alike=f"a superscript figure, {base}{power.translate(_RAISE)} on one side, "
                                     f"{base}{power} on the other")
    pairs = [(post[i1:i2], said[j1:j2]) for tag, i1, i2, j1, j2 in SequenceMatcher(None, post, said).get_opcodes()
             if tag != "equal"]
    named = "; ".join(f"{_named(b)} in place of {_named(a)}" for a, b in pairs)
    return replace(change, alike=named)


# Letters drawn like figures: "4О" with a Cyrillic О reads as 40. No look-alike, which passes as a warning: a letter
# is no figure, and the change fails; but its two sides look the same, so the characters are named (newuser39a §7).
_FIGURE_LOOKS = str.maketrans({**dict.fromkeys("OoОоΟοՕ", "0"), **dict.fromkeys("lIІӀ|", "1"), "З": "3", "з": "3"})
FIGURE_LOOKS = "a letter where the other side has a figure: they only look the same"


def _figure_looks(change: Change) -> Change:
    """The change with the characters named where one side writes a letter for the other's figure; else unchanged."""
    from dataclasses import replace
    from difflib import SequenceMatcher

    post, said = change.post, change.article
    if post == said or post.translate(_FIGURE_LOOKS) != said.translate(_FIGURE_LOOKS) \
            or not any(c.isdecimal() for c in post + said):
        return change
    pairs = [(post[i1:i2], said[j1:j2]) for tag, i1, i2, j1, j2 in SequenceMatcher(None, post, said).get_opcodes()
             if tag != "equal"]
    return replace(change, looks="; ".join(f"{_named(b)} in place of {_named(a)}" for a, b in pairs)
                   + ": " + FIGURE_LOOKS)


# Number words a copy desk writes for figures (AP style: "five" for 5, "10" for ten), in English: other languages'
# inflect them (eins/ein/eine, un/une, uno/una/un), and an article is no figure.
_NUMBER_WORDS = dict(zip("zero one two three four five six seven eight nine ten".split(), map(str, range(11))))
_ORDINAL_WORDS = dict(zip("first second third fourth fifth sixth seventh eighth ninth tenth".split(),
                          "1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th".split()))

# Ordinals past tenth in words, in English ("eleventh", "twenty-first", "one hundred and twelfth"), read for their
# value where one side writes the figure ("21st"): up to 999th; a cardinal ("twenty") is no ordinal.
_UNITS = "one two three four five six seven eight nine".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNITS_TH = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS_TH = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS_TH = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
_ORDINAL_FIGURE_RE = re.compile(r"(\d{1,3})(?:st|nd|rd|th)", re.IGNORECASE)


def _ordinal_past_tenth(figure: list[str], words: list[str]) -> bool:
    """Whether `figure` is one ordinal past tenth ("21st") and `words` the same in words ("twenty first")."""
    written = _ORDINAL_FIGURE_RE.fullmatch(figure[0]) if len(figure) == 1 else None
    return written is not None and int(written[1]) > 10 and _ordinal_in_words([w.casefold() for w in words]) == \
        int(written[1])


def _ordinal_in_words(words: list[str]) -> int | None:
    """The value of an English ordinal in words, up to 999th ("one hundred and twelfth": 112), or None."""
    hundreds = 0
    if len(words) > 1 and words[0] in _UNITS and words[1] in ("hundred", "hundredth"):
        hundreds, words = _UNITS.index(words[0]) + 1, words[1:]
    if words == ["hundredth"]:
        return 100 * (hundreds or 1)
    if words[:1] == ["hundred"]:
        hundreds, words = hundreds or 1, words[1:]
        words = words[1:] if words[:1] == ["and"] else words
    elif hundreds:
        return None
    below = _ordinal_below_hundred(words)
    return None if below is None else 100 * hundreds + below


def _ordinal_below_hundred(words: list[str]) -> int | None:
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS_TH:
        return 20 + 10 * _TENS.index(words[0]) + _UNITS_TH.index(words[1]) + 1
    if len(words) != 1:
        return None
    for table, first, step in ((_UNITS_TH, 1, 1), (_TEENS_TH, 10, 1), (_TENS_TH, 20, 10)):
        if words[0] in table:
            return first + step * table.index(words[0])
    return None


# An amount of money a copy desk writes its own way: its scale short after a currency sign ("$40m", "€2.5bn", "£3k":
# without a sign "15m" is as often metres), its currency a sign or a word ("$40 million", "40 million dollars").
_SIGNS = {"$": "dollars", "€": "euros", "£": "pounds"}
_SCALES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion", "tn": "trillion"}
_SCALED_RE = re.compile(r"([$€£])(\d[\d.,]*)(k|m|mn|bn?|tn)(?!\w)", re.IGNORECASE)
_SIGNED_RE = re.compile(r"([$€£])(\d[\d.,]*(?: (?:thousand|million|billion|trillion))?)(?!\w)", re.IGNORECASE)
_CURRENCY_WORD_RE = re.compile(r"(?<=\d)((?: (?:thousand|million|billion|trillion))?) (dollar|euro|pound)s?(?!\w)",
                               re.IGNORECASE)


def _scale_written(side: str) -> str:
    return _SCALED_RE.sub(lambda m: f"{m[1]}{m[2]} {_SCALES[m[3].casefold()]}", side)


def _currency_written(side: str) -> str:
    side = _CURRENCY_WORD_RE.sub(lambda m: f"{m[1]} {m[2].casefold()}s", side)
    return _SIGNED_RE.sub(lambda m: f"{m[2]} {_SIGNS[m[1]]}", side)


def _amount_otherwise(post: str, said: str) -> str:
    """How two sides write the same amount of money otherwise (SCALE_SHORT, CURRENCY_WORD, or both: AMOUNT_WORDS;
    FULL_FIGURES; with DOLLAR_NAMED where one side names its dollar), or "": "$40m" and "$40 million", "$40 million"
    and "40 million dollars", "$40,000,000" and "$40m", "US$40m" and "$40m". "$4 million" for "$40m", "$40 billion"
    for "$40m", euros for dollars, "A$" for "US$" are other amounts (review43b43, fixq4343)."""
    if post == said or not any(c in _SIGNS for c in post + said):
        return ""
    post, said = _western_digits(post).casefold(), _western_digits(said).casefold()
    post_named, said_named = _NAMED_DOLLAR_RE.findall(post), _NAMED_DOLLAR_RE.findall(said)
    named = ""
    if post_named != said_named:
        if post_named and said_named or "$" not in _NAMED_DOLLAR_RE.sub("", post + said):
            return ""   # "US$" for "A$": another currency; "US$40m" for "£40m" too
        named = DOLLAR_NAMED.format((post_named or said_named)[0].upper() + "$")
        post, said = _NAMED_DOLLAR_RE.sub("", post), _NAMED_DOLLAR_RE.sub("", said)
        if post == said:
            return "the same amount, " + named
    signs_alike = any(c in _SIGNS for c in post) == any(c in _SIGNS for c in said)
    # in full figures only where one side has a scale and the other none ("$3.0m" and "$3m" are DECIMAL_ZEROS')
    in_full = bool(_SCALE_WORD_RE.search(_scale_written(post))) != bool(_SCALE_WORD_RE.search(_scale_written(said)))
    for written, key in ((SCALE_SHORT, _scale_written), (CURRENCY_WORD, _currency_written),
                         (AMOUNT_WORDS, lambda side: _currency_written(_scale_written(side))),
                         (FULL_FIGURES if signs_alike else FULL_FIGURES_WORDS,
                          lambda side: _CURRENCY_VALUE_RE.sub(_value_written, _currency_written(_scale_written(side))))):
        if written.startswith(FULL_FIGURES) and not in_full:
            break
        if key(post) == key(said):
            return written + (f"; and {named}" if named else "")
    return ""


# A named dollar's country, once case is folded ("us$40m"); the figure read whole, as a value ("40,000,000 dollars",
# "2.5 billion dollars": 40000000, 2500000000), where its commas group thousands or a scale word follows.
_NAMED_DOLLAR_RE = re.compile(rf"(?<![\w$]){_NAMED_DOLLAR.casefold()}(?=\$)")
_CURRENCY_VALUE_RE = re.compile(r"(?<![\w.,])(\d[\d.,]*)((?: (?:thousand|million|billion|trillion))?)(?= (?:dollar|euro|pound)s)")
_SCALE_WORD_RE = re.compile(r"(?<=\d) (?:thousand|million|billion|trillion)(?!\w)")
_SCALE_VALUES = {"": 1, " thousand": 10 ** 3, " million": 10 ** 6, " billion": 10 ** 9, " trillion": 10 ** 12}


def _value_written(m: re.Match[str]) -> str:
    """An amount's figure and scale as one value ("2.5 billion" as "2500000000"); as written where its figure is not
    plainly read (European "2,5", "40.000.000")."""
    figure = m[1]
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", figure):
        return m[0]
    value = Decimal(figure.replace(",", "")) * _SCALE_VALUES[m[2]]
    return str(value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize())


# The most words an amount written otherwise spans on one side ("$40 million and $50 million": 5), so that the amount
# reader is asked about a bounded run of each changed run's words, never about every end of it (review44b).
_AMOUNT_WORDS_MOST = 8


def _amounts_whole(ops: list[tuple[str, int, int, int, int]], said: list[str], post: list[str],
                   gaps: set[int]) -> list[tuple[str, int, int, int, int]]:
    """The ops with an amount written otherwise across two or three of them ("$40 million" quoted "40 million
    dollars": "$40" → "40", "million" equal, "dollars" added) made one replace, so that it is one change, named as
    written otherwise (_amount_otherwise), not two changed words; and a replace of an amount and the words a "…"
    beside it cuts ("$40m …" of "$40 million, said Bob, …") parted into the amount and the cut (review43b43)."""
    if not any(c in _SIGNS for w in said + post for c in w):
        return ops   # no currency sign: most texts
    merged: list[tuple[str, int, int, int, int]] = []
    k = 0
    while k < len(ops):
        for end in (k + 2, k + 1):
            if end < len(ops) and ops[k][0] != "equal" and ops[end][0] != "equal":
                _, i1, _, j1, _ = ops[k]
                _, _, i2, _, j2 = ops[end]
                whole = _amount_across(i1, j1, ops[end], said, post, gaps)
                if whole:
                    merged.extend(whole)
                    k = end + 1
                    break
        else:
            merged.extend(_amount_beside_cut(ops[k], said, post, gaps))
            k += 1
    return merged


def _amount_across(i1: int, j1: int, end: tuple[str, int, int, int, int], said: list[str], post: list[str],
                   gaps: set[int]) -> list[tuple[str, int, int, int, int]]:
    """From said[i1] and post[j1] into the `end` op: one replace for the amount both write otherwise, then what is
    left of `end` ("40 million dollars fell" of "$40 million rose": the amount, then "rose → fell"); [] if none."""
    _, ei1, ei2, ej1, ej2 = end
    for i2 in range(min(ei2, i1 + _AMOUNT_WORDS_MOST), ei1 - 1, -1):   # an amount is a few words: bounded, else
        for j2 in range(min(ej2, j1 + _AMOUNT_WORDS_MOST), ej1 - 1, -1):   # a long changed run costs its cube (review44b)
            if (i2, j2) == (ei1, ej1) or gaps.intersection(range(i1 + 1, i2)) \
                    or not _amount_otherwise(" ".join(post[j1:j2]), " ".join(said[i1:i2])):
                continue
            rest = "replace" if i2 < ei2 and j2 < ej2 else "delete" if i2 < ei2 else "insert" if j2 < ej2 else ""
            return [("replace", i1, i2, j1, j2)] + ([(rest, i2, ei2, j2, ej2)] if rest else [])
    return []


def _amount_op(op: tuple[str, int, int, int, int], said: list[str], post: list[str]) -> bool:
    """Whether `op` replaces an amount with the same amount written otherwise (`_amount_otherwise`): "$40m" for
    "$40 million", made one op by `_amounts_whole`; or a figure with the same figure by its million
    (`_value_otherwise`): "1,2 Mio." for "1.200.000"."""
    tag, i1, i2, j1, j2 = op
    if tag != "replace" or i2 - i1 > _AMOUNT_WORDS_MOST or j2 - j1 > _AMOUNT_WORDS_MOST:
        return False
    if not any(c in _SIGNS for w in said[i1:i2] + post[j1:j2] for c in w):   # "1,2 Mio." of "1.200.000" (fix47d #3)
        return bool(_value_otherwise(post[j1:j2], said[i1:i2]))
    return bool(_amount_otherwise(" ".join(post[j1:j2]), " ".join(said[i1:i2])))


def _amount_beside_cut(op: tuple[str, int, int, int, int], said: list[str], post: list[str],
                       gaps: set[int]) -> list[tuple[str, int, int, int, int]]:
    """A replace whose quoted words are an amount the post writes otherwise at the start (a "…" after them) or at the
    end (a "…" before them) of its words, parted into that amount and the words cut; else the op alone."""
    tag, i1, i2, j1, j2 = op
    if tag != "replace" or j2 - j1 < 2 or i2 - i1 > _AMOUNT_WORDS_MOST or (i1 not in gaps and i2 not in gaps):
        return [op]
    quoted = " ".join(said[i1:i2])
    for m in range(j1 + 1, j2):
        if i2 in gaps and m - j1 <= _AMOUNT_WORDS_MOST and _amount_otherwise(" ".join(post[j1:m]), quoted):
            return [("replace", i1, i2, j1, m), ("insert", i2, i2, m, j2)]
        if i1 in gaps and j2 - m <= _AMOUNT_WORDS_MOST and _amount_otherwise(" ".join(post[m:j2]), quoted):
            return [("insert", i1, i1, j1, m), ("replace", i1, i2, m, j2)]
    return [op]


def _value_otherwise(post: list[str], said: list[str]) -> str:
    """FULL_FIGURES where each side is one figure and its scale word, no currency sign, the one in full and the other
    by its thousand, million or billion, worth the same read either way: "1,2 Mio." and "1.200.000" or "1 200 000",
    "1,2 млн" and "1 200 000" (fix47d #3: they failed as changed words, as "$1.2m" of "$1,200,000" did not); "". A
    figure whose mark may group thousands or part decimals ("1.200 Mio.") is no value here: two readings, unsure."""
    if not post or not said or len(post) > _AMOUNT_WORDS_MOST or len(said) > _AMOUNT_WORDS_MOST \
            or not any(c.isdigit() for c in post[0]) or not any(c.isdigit() for c in said[0]) \
            or any(c in _SIGNS for c in "".join(post + said)):
        return ""   # a figure opens both sides, a few words at most (#14: every change is asked)
    read = []
    for side in (post, said):
        figures = _translation_figures(side, "")
        if len(figures) != 1 or len(figures[0].values) != 1 \
                or figures[0].written != _join(_spaced_groups([_western_digits(w) for w in side])):
            return ""
        read.append(figures[0])
    ours, theirs = read
    if ours.values != theirs.values or bool(ours.power) == bool(theirs.power):
        return ""
    return FULL_FIGURES


def _values_at_edges(ops: list[tuple[str, int, int, int, int]], said: list[str],
                     post: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The ops with a replace at the quote's start whose quoted words are the figure the post writes otherwise at the
    end of its words ("1,2 Mio. Euro …" of "Wir geben 1.200.000 Euro …"), or at its end the figure the post's words
    open with, parted into the post's words the quote leaves out and that figure (`_value_otherwise`): the quote
    starts or ends at the figure, and a leaving out is no change (fix47d #3)."""
    if len(ops) < 2 or not any(c.isdigit() for w in said for c in w):
        return ops
    first, last = ops[0], ops[-1]
    if first[0] == "replace" and ops[1][0] == "equal":
        _, i1, i2, j1, j2 = first
        for m in range(max(j1, j2 - _AMOUNT_WORDS_MOST), j2):
            if _value_otherwise(post[m:j2], said[i1:i2]):
                ops = [("insert", i1, i1, j1, m), ("replace", i1, i2, m, j2), *ops[1:]]
                break
    if last[0] == "replace" and ops[-2][0] == "equal":
        _, i1, i2, j1, j2 = last
        for m in range(min(j2, j1 + _AMOUNT_WORDS_MOST), j1, -1):
            if _value_otherwise(post[j1:m], said[i1:i2]):
                ops = [*ops[:-1], ("replace", i1, i2, j1, m), ("insert", i2, i2, m, j2)]
                break
    return ops


# The letters of the Slavic languages written in Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian,
# Macedonian): not Kazakh's "қ", "ә", "ң" or the other Turkic and Mongolian letters, whose languages deny with an
# ending ("берме", do not give, of "бер")
_SLAVIC_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџѓќѕ")
# Languages written in Cyrillic letters that are not Slavic, whose words' endings are no case's
_NOT_SLAVIC_CYRILLIC = frozenset("kk ky tt ba cv sah tg mn uz az tk".split())


def _slavic(words: list[str]) -> bool:
    """Whether the words' Cyrillic letters are all those of a Slavic language's alphabet, and there are some."""
    cyrillic = {c for w in words for c in w.casefold() if c.isalpha() and "CYRILLIC" in unicodedata.name(c, "")}
    return bool(cyrillic) and cyrillic <= _SLAVIC_LETTERS


def _same_stem(post: str, said: str) -> bool:
    """Whether two words in letters are one word with another ending: a stem of three letters or more in common, at
    least half the longer word, and endings of three letters at most ("новую", "новой"; "построим", "построить";
    never "школу", "больницу", nor "пятьсот", "пятьдесят")."""
    a, b = _key(post), _key(said)
    if a == b or not a.isalpha() or not b.isalpha():
        return False
    stem = len(commonprefix([a, b]))
    return stem >= 3 and len(a) - stem <= 3 and len(b) - stem <= 3 and 2 * stem >= max(len(a), len(b)) \
        and _one_word(a, b, stem)


# The scale words of Russian and Ukrainian, which share their first letters: "миллиона" (a million's) is no
# "миллиард" (a billion) fitted to a sentence (review47f)
_SCALE_STEMS = ("миллиард", "миллион", "триллион", "мільярд", "мільйон", "трильйон", "тысяч", "тисяч")
# A past tense's ending, its "л" after the stem: "построил", "построили", "пришёл", "выиграла", "сдался"
_PAST_ENDING_RE = re.compile(r"[её]?л[аоиі]?(?:с[ья])?")
_CONSONANTS = frozenset("бвгґджзклмнпрстфхцчшщ")
_CONSONANT_OR_SOFT = _CONSONANTS | {"ь"}


def _one_word(a: str, b: str, stem: int) -> bool:
    """Whether two words of one stem `stem` letters long (`_same_stem`) are one word, not two sharing their first
    letters: the same scale word ("миллион", "миллиона"; not "миллиард"), both past or neither ("построим",
    "построить"; not "построили", we built, for "построим", we will build), and not two endings opening with a
    consonant after one ("больную", sick, "большой", big). They warned as an ending fitted to the sentence
    (review47f)."""
    scales = {next((s for s in _SCALE_STEMS if w.startswith(s)), None) for w in (a, b)}
    if len(scales) > 1:
        return False
    if bool(_PAST_ENDING_RE.fullmatch(a[stem:])) != bool(_PAST_ENDING_RE.fullmatch(b[stem:])):
        return False
    return not (a[stem - 1] in _CONSONANT_OR_SOFT and a[stem:stem + 1] and b[stem:stem + 1]
                and a[stem] in _CONSONANTS and b[stem] in _CONSONANTS)


def _endings_only(post: list[str], said: list[str]) -> bool:
    """Whether two runs of as many words differ only in their words' endings (`_same_stem`), one word at least."""
    return len(post) == len(said) and all(_key(a) == _key(b) or _same_stem(a, b) for a, b in zip(post, said)) \
        and any(map(_same_stem, post, said))


# The most words of a quote in which words inside it, not at its ends, may be fitted to the article's sentence
FITTED_MOST = 6


def _fitted_where(article: list[str], said: list[str]) -> bool:
    """Whether the article's words with other endings may be fitted to its sentence: they open or close the quote, or
    the quote is short (FITTED_MOST words at most) and sits in the reporter's sentence; in a longer one a word's
    ending changed inside it ("построили" for "построим", we built for we will build) is no fitting but a change."""
    words = [_key(w) for w in said if w != ELLIPSIS]
    keys = [_key(w) for w in article]
    return len(words) <= FITTED_MOST or words[:len(keys)] == keys or words[-len(keys):] == keys


def _endings_at_edges(ops: list[tuple[str, int, int, int, int]], said: list[str], post: list[str],
                      lang: str | None) -> list[tuple[str, int, int, int, int]]:
    """The ops with a replace at the quote's start whose words are the post's last words there with other endings
    ("новой школы в Харькове" of "Мы построим новую школу в Харькове": the reporter's sentence fits a short quote's
    case endings to its own), or at its end the post's first words there, or all of whose words are a run of the
    post's so ("городской больнице" of "Городская больница получит …"), parted into the post's words the quote leaves
    out and those words (`_endings_only`), in a Slavic language written in Cyrillic letters; a leaving out is no
    change, and other endings warn (fix47d #2: the quote failed as changed words)."""
    if _language(lang) in _NOT_SLAVIC_CYRILLIC or not ops or not any(op[0] == "replace" for op in (ops[0], ops[-1])):
        return ops
    parted = ops
    if len(ops) == 1:
        _, i1, i2, j1, j2 = ops[0]
        n = i2 - i1
        # sought only for a quote in Cyrillic letters: the post's every run of its length is tried (#14)
        at = next((m for m in range(j1, j2 - n + 1) if _endings_only(post[m:m + n], said[i1:i2])), None) \
            if _slavic(said[i1:i2]) else None
        if at is not None:
            parted = [op for op in (("insert", i1, i1, j1, at), ("replace", i1, i2, at, at + n),
                                    ("insert", i2, i2, at + n, j2)) if op[3] < op[4]]
    else:
        if ops[0][0] == "replace" and ops[1][0] == "equal":
            _, i1, i2, j1, j2 = ops[0]
            m = j2 - (i2 - i1)
            if m > j1 and _endings_only(post[m:j2], said[i1:i2]):
                parted = [("insert", i1, i1, j1, m), ("replace", i1, i2, m, j2), *parted[1:]]
        if ops[-1][0] == "replace" and ops[-2][0] == "equal":
            _, i1, i2, j1, j2 = ops[-1]
            m = j1 + (i2 - i1)
            if m < j2 and _endings_only(post[j1:m], said[i1:i2]):
                parted = [*parted[:-1], ("replace", i1, i2, j1, m), ("insert", i2, i2, m, j2)]
    return parted if parted is not ops and _slavic(said + post) else ops


# A date written with full stops ("12.03.2022", "2022.03.12"), which tokens() keep as one figure; with slashes,
# hyphens or spaces its figures are three words.
_DOTTED_DATE_RE = re.compile(r"(\d{1,2})[.,](\d{1,2})[.,](\d{4}|\d{2})|(\d{4})[.,](\d{1,2})[.,](\d{1,2})")


# Scale words written short (German "Mio.", "Mrd.", "Bio.", Swiss "Mia.", French "Md", "Mds", "M" before "€") and the
# full words each stands for: "billion" is not among them, 10^9 or 10^12 by the language.
_SHORT_SCALE_WORDS = frozenset({"mio", "mrd", "mia", "md", "mds", "bio", "mln", "mld", "тис", "тыс", "млн", "млрд",
                                "трлн"})
_FULL_SCALE_WORDS = frozenset(_SCALE_POWERS) - _SHORT_SCALE_WORDS - {"billion", "billions", "trillion", "trillions", "mil"}
_CURRENCY_AFTER = frozenset({"euro", "euros", "d'euros"})


def _scale_short(post: list[str], said: list[str], post_text: str, said_text: str) -> tuple[str, str] | None:
    """The two sides as written where one writes a scale word short after a figure and the other in full, the same
    power of ten ("Milliarden" and "Mrd.", "milliards d'euros" and "Md€": the currency word only where "€" follows
    the short form); None otherwise ("Mio." for "Milliarden" is another amount)."""
    for full, short, text, full_is_post in ((post, said, said_text, True), (said, post, post_text, False)):
        if len(short) != 1 or not full or full[0].casefold() not in _FULL_SCALE_WORDS:
            continue
        word = short[0]
        power = _CAPITAL_SCALES.get(word) or (_SCALE_POWERS[word.casefold()]
                                              if word.casefold() in _SHORT_SCALE_WORDS else 0)
        written = re.search(rf"\d\s?{re.escape(word)}(\.?)(\s?€)?(?!\w)", normalise(text))
        if not power or power != _SCALE_POWERS[full[0].casefold()] or written is None:
            continue
        if full[1:] and not (len(full) == 2 and full[1].casefold() in _CURRENCY_AFTER and written[2]):
            continue
        shown = word + ("€" if full[1:] else "")
        return (_join(full), shown) if full_is_post else (shown, _join(full))
    return None


def _written_otherwise(change: Change, said: str, found: str) -> Change | None:
    """The change as the same words or figures written otherwise, each side as its text writes it; None if it is
    not: "U.S." and "US" (tokens "U S" and "US"), "five" and "5", "12.03.2022" and "12/03/2022", "govern-ment" and
    "government". They failed as changed words (quotes30b); they are cosmetic as often as not, so they warn."""
    from dataclasses import replace

    if not change.post or not change.article or change.elided:
        return None
    post, article = change.post.split(), change.article.split()
    short = _scale_short(post, article, found, said)
    if short is not None:   # "Mrd." of "Milliarden", "Md€" of "milliards d'euros" (newuser46a #4)
        return replace(change, post=short[0], article=short[1], alike=SCALE_SHORT)
    value = _value_otherwise(post, article)
    if value:   # "1,2 Mio." of "1.200.000" (fix47d #3)
        return replace(change, alike=value)
    if _endings_only(post, article) and _slavic(post + article + tokens(said) + tokens(found)) \
            and _fitted_where(article, tokens(said)):
        return replace(change, alike=ENDINGS)   # "новой школы" of "новую школу" (fix47d #2)
    if len(post) == len(article) and post != article and \
            [_NUMBER_WORDS.get(w.casefold(), w) for w in post] == [_NUMBER_WORDS.get(w.casefold(), w) for w in article]:
        return replace(change, alike=NUMBER_WORD)
    if len(post) == len(article) and post != article and \
            [_ORDINAL_WORDS.get(w.casefold(), w.casefold()) for w in post] == \
            [_ORDINAL_WORDS.get(w.casefold(), w.casefold()) for w in article]:
        return replace(change, alike=ORDINAL_WORD)   # "3rd" of "third" (review43b43)
    if _ordinal_past_tenth(post, article) or _ordinal_past_tenth(article, post):
        return replace(change, alike=ORDINAL_WORD)   # "21st" of "twenty-first" (fixq4343)
    if _contracted(post, article):
        return replace(change, alike=CONTRACTED)   # "do not" of "don't", "It's" of "It is" (verdicts38)
    for parts, whole, text, parts_are_post in ((post, article, found, True), (article, post, said, False)):
        if len(whole) != 1 or len(parts) < 2:
            continue
        shown = _written_apart(parts, whole[0], normalise(text))
        joined = _non_joined(parts, whole[0], said if parts_are_post else found) if shown is None else None
        if joined is not None:   # each side as it writes the word: its non-joiner shown (newuser43a #6)
            return replace(change, alike=NON_JOINER, post=joined[0] if parts_are_post else joined[1],
                           article=joined[1] if parts_are_post else joined[0])
        if shown is not None:
            written, kind = shown
            return replace(change, alike=kind, post=written if parts_are_post else change.post,
                           article=change.article if parts_are_post else written)
    return None


# English contractions and what they are written out as: "n't" after a verb ("ca", "wo", "sha" of can't, won't,
# shan't), and after a pronoun 'm, 're, 've, 'll, 'd (would or had) and 's (is or has); "let's" is "let us". Not
# "ain't" (am, is, are, has or have not), nor a noun's 's, as often a possessive.
_NOT_STEMS = {"ca": ("can",), "wo": ("will",), "sha": ("shall",), "ai": ()}
_CONTRACTING = frozenset("i you we they he she it that there here what where who how".split())
_TAILS = {"m": ("am",), "re": ("are",), "ve": ("have",), "ll": ("will",), "d": ("would", "had"), "s": ("is", "has")}


def _written_out(key: str) -> list[list[str]]:
    """The ways a contraction (a word's key) is written out: "don't" as "do not", "can't" as "can not" or "cannot",
    "cannot" as "can not"; [] for a word that is none."""
    if key == "cannot":
        return [["can", "not"]]
    if key.endswith("n't") and len(key) > 3:
        stem = key[:-3]
        return [[verb, "not"] for verb in _NOT_STEMS.get(stem, (stem,))] + ([["cannot"]] if stem == "ca" else [])
    head, apostrophe, tail = key.partition("'")
    if key == "let's":
        return [["let", "us"]]
    return [[head, word] for word in _TAILS.get(tail, ())] if apostrophe and head in _CONTRACTING else []


def _contracted(post: list[str], said: list[str]) -> bool:
    """Whether two runs of words are the same words, with contractions written out on one side ("I don't" quoted
    "I do not", "cannot" quoted "can't"): they failed as changed words (review37e). A negation added or dropped with
    one ("do" quoted "don't") is no such run."""
    a, b = [_key(w) for w in post], [_key(w) for w in said]

    def same(i: int, j: int) -> bool:
        if i == len(a) or j == len(b):
            return i == len(a) and j == len(b)
        if a[i] == b[j] and same(i + 1, j + 1):
            return True
        return any(b[j:j + len(out)] == out and same(i + 1, j + len(out)) for out in _written_out(a[i])) \
            or any(a[i:i + len(out)] == out and same(i + len(out), j + 1) for out in _written_out(b[j]))

    return a != b and ("'" in "".join(a + b) or "cannot" in a + b) and same(0, 0)


def _written_apart(parts: list[str], whole: str, text: str) -> tuple[str, str] | None:
    """How `text` writes `parts` where the other side has them as one word `whole` (the written form and which
    kind), or None: an initialism with full stops ("U.S." for "US": exact, or both in capitals, never "us"), a
    dotted date's figures parted by other marks, a word with a hyphen in it."""
    joined = "".join(parts)
    if all(len(p) == 1 and p.isalpha() for p in parts) and (joined == whole or whole.isupper() and joined.casefold() == whole.casefold()):
        dotted = re.search(r"(?<![\w.])" + r"\.\s?".join(map(re.escape, parts)) + r"\.?(?!\w)", text)
        return (dotted.group(), INITIALISM) if dotted else None
    date = _DOTTED_DATE_RE.fullmatch(whole)
    if date and len(parts) == 3 and all(p.isdigit() for p in parts) \
            and [int(g) for g in date.groups() if g] == [int(p) for p in parts]:
        apart = re.search(r"(?<![\d.,])" + r"\s?[/\-. ]\s?".join(map(re.escape, parts)) + r"(?![\d])", text)
        return (apart.group() if apart else " ".join(parts)), DATE_PARTED
    if joined.casefold() == whole.casefold() and not whole.isdigit():
        hyphened = re.search(r"(?<![\w-])" + "-".join(map(re.escape, parts)) + r"(?![\w-])", text, re.IGNORECASE)
        return (hyphened.group(), HYPHENATED) if hyphened else None
    return None


ZWNJ = "\u200c"


def _non_joined(parts: list[str], whole: str, whole_text: str) -> tuple[str, str] | None:
    """The parts as one side writes them, and the word as the other writes it, where that side's text (`whole_text`)
    writes them as
    one word with a zero-width non-joiner at each place they part, or some of them: "نمی کنیم" for "نمی‌کنیم", the
    Persian spelling's joiner typed as a space (newuser43a #6: it failed as a changed word). Only at the post's own
    non-joiners: a space put inside a word written without one is another word as often as not."""
    if ZWNJ not in whole_text and "&" not in whole_text:
        return None
    keys = [_key(p) for p in parts]
    cuts = set(accumulate(len(k) for k in keys[:-1]))
    for chunk in html.unescape(whole_text).split():
        if ZWNJ not in chunk:
            continue
        words = [t for piece in chunk.split(ZWNJ) for t in tokens(piece)]
        pieces = [_key(t) for t in words]
        if "".join(pieces) == "".join(keys) == _key(whole) and cuts <= set(accumulate(map(len, pieces[:-1]))):
            return " ".join(parts), ZWNJ.join(words)
    return None


# A figure with its decimal part, and what stands before and after it ("$3.0m", "3,50%"); a whole hour of the day
# with its minutes ("9:00", "9.00"); a year's last two figures (verdicts38).
_DECIMAL_RE = re.compile(r"(\D*?)(\d+)(?:([.,])(\d+))?(\D*)")
_HOUR_00_RE = re.compile(r"0?([01]?\d|2[0-4])([:.])00")
_YEAR_RE = re.compile(r"[12]\d(\d\d)")


def _figure_otherwise(post: str, said: str, said_text: str, found_text: str) -> tuple[str, str, str] | None:
    """The post's and the article's words as each text writes them and how they are the same figure written otherwise,
    or None: a whole hour with its ":00" on one side ("at 9" quoted "at 9:00"), a year's last two figures with an
    apostrophe ("'24" quoted "2024"), zeros after a decimal point ("3" quoted "3.0", "$3m" "$3.0m"). They failed as a
    changed figure (review37e); "9" for "19", "3" for "30", "2023" for "2024" or "'24" for "2023" are other figures."""
    post, said = _western_digits(post), _western_digits(said)
    for bare, other, text, bare_text in ((post, said, said_text, found_text), (said, post, found_text, said_text)):
        hour = _HOUR_00_RE.fullmatch(other)
        if hour and re.fullmatch(r"[01]?\d|2[0-4]", bare) and int(hour[1]) == int(bare) \
                and _a_time_wherever_written(bare, bare_text):   # "at least 12 died" is no "12:00" (review38d)
            if hour[2] == ":" or _time_here(other, text):
                return post, said, TIME_HOUR   # "9.00" is a time after "at", a decimal elsewhere (below)
    for short, year, text, short_is_post in ((post, said, found_text, True), (said, post, said_text, False)):
        full = _YEAR_RE.fullmatch(year)
        written = normalise(text)
        if re.fullmatch(r"\d\d", short) and full and full[1] == short \
                and re.search(rf"(?<![\w'])'{short}(?![\w'])", written) \
                and not re.search(rf"(?<![\w'.,:]){short}(?![\w'])", written):   # "'24" and a count 24 (review38d)
            return ("'" + post, said, YEAR_SHORT) if short_is_post else (post, "'" + said, YEAR_SHORT)
    if not _zeros_apart(post, said):
        return None
    fractions = [(m[4] or "").rstrip("0") for m in map(_DECIMAL_RE.fullmatch, (post, said)) if m is not None]
    if all(fractions) and not (_a_quantity_wherever_written(post, found_text)
                               and _a_quantity_wherever_written(said, said_text)):
        return None   # "3.10" and "3.1": a version, a time or a date as often as a quantity (review38d)
    return post, said, DECIMAL_ZEROS


def _a_time_wherever_written(written: str, text: str) -> bool:
    """Whether `text` writes `written` somewhere, and as a time of day wherever it does ("at 9", "9 pm"): not a count
    ("at least 12 died", "9 people at 9"), which a ":00" on the other side makes no time (review38d)."""
    text, figure = normalise(text), re.escape(written)
    spots = [m.start() for m in re.finditer(rf"(?<![\w.:]){figure}(?![\w.:])", text)]
    timed = {m.start(1) for m in re.finditer(rf"(?<!\w)(?:{_TIME_BEFORE})\.?\s+({figure})(?![\w.:])", text,
                                             re.IGNORECASE)}
    timed |= {m.start() for m in re.finditer(rf"(?<![\w.:]){figure}(?![\w.:])(?=\s*(?:{_TIME_AFTER}))", text,
                                             re.IGNORECASE)}
    quantities = {m.start() for m in re.finditer(rf"(?<![\w.:]){figure}(?![\w.:])(?=\s*(?:{_QUANTITY_AFTER})(?!\w))",
                                                 text, re.IGNORECASE)}
    return bool(spots) and all(spot in timed and spot not in quantities for spot in spots)


def _a_quantity_wherever_written(written: str, text: str) -> bool:
    """Whether a figure is a quantity: a sign or a unit glued to it ("$3.5m", "3.5%"), or one after it wherever `text`
    writes it ("3.5 percent"); not "Python 3.10" or "at 9.30" (review38d)."""
    glued = _DECIMAL_RE.fullmatch(written)
    if glued is not None and (glued[1] or glued[5]):
        return True
    text, figure = normalise(text), re.escape(written)
    spots = [m.start() for m in re.finditer(rf"(?<![\w.,:]){figure}(?![\w.,:]\w?)", text)]
    quantities = {m.start() for m in re.finditer(rf"(?<![\w.,:]){figure}(?=\s*(?:{_QUANTITY_AFTER})(?!\w))", text,
                                                 re.IGNORECASE)}
    return bool(spots) and all(spot in quantities for spot in spots)


def _zeros_apart(post: str, said: str) -> bool:
    """Whether two figures differ only in zeros after a decimal point ("3" and "3.0", "3.5" and "3.50", "$3m" and
    "$3.0m"): not three figures after it, which may be a thousands' group ("3.000" is 3000 in German), nor a decimal
    comma on one side and a point on the other."""
    a, b = _DECIMAL_RE.fullmatch(post), _DECIMAL_RE.fullmatch(said)
    if a is None or b is None:
        return False
    fractions = [a[4] or "", b[4] or ""]
    if (a[1], a[2], a[5]) != (b[1], b[2], b[5]) or fractions[0] == fractions[1] or 3 in map(len, fractions) \
            or (a[3] and b[3] and a[3] != b[3]):
        return False
    return fractions[0].rstrip("0") == fractions[1].rstrip("0")


def _time_here(written: str, text: str) -> bool:
    """Whether `text` writes `written` as a time of day: "at" or "until" before it, "pm" or "Uhr" after it; not with a
    quantity after it ("at 9.00 percent")."""
    written = re.escape(written)
    text = normalise(text)
    if re.search(rf"(?<![\w.:]){written}(?![\w.:])\s*(?:{_QUANTITY_AFTER})(?!\w)", text, re.IGNORECASE):
        return False
    return bool(re.search(rf"(?<![\w.:]){written}(?![\w.:])\s*(?:{_TIME_AFTER})", text, re.IGNORECASE)
                or re.search(rf"(?<!\w)(?:{_TIME_BEFORE})\.?\s+{written}(?![\w.:])", text, re.IGNORECASE))


# A time of day, written "9:30" or, as British and German style has it, "9.30", with an "am"/"pm" or "h" glued on or
# apart ("9.30pm", "9:30 pm", "9:30 a m" as the words of "9:30 a.m." are joined).
_TIME_RE = re.compile(r"([01]?\d|2[0-4])([.:])([0-5]\d)(?:\s?([ap]\s?m|h))?", re.IGNORECASE)
# A whole hour with its am or pm ("9pm", "9 p m" as the words of AP's "9 p.m." are joined: review32r1)
_HOUR_RE = re.compile(r"([01]?\d|2[0-4])()()\s?([ap]\s?m)", re.IGNORECASE)
# What makes a figure a time where it stands: a word for "at", "until"... before it, or "am", "pm", "h", "Uhr",
# "o'clock", "tonight"... after it. Not "to", "by", "from", "about" or "today", which go with a decimal as often
# ("rose to 9.30", "fell by 9.30 today").
_TIME_BEFORE = r"at|until|till|til|before|after|since|um|bis|à|dès|vers|las|alle|dalle|om|kl|klockan|kello"
_TIME_AFTER = (r"[ap]\.?\s?m\b\.?|h\b|hrs?\b|uhr\b|o'clock|tonight|this (?:morning|afternoon|evening)"
               r"|in the (?:morning|afternoon|evening)|gmt\b|bst\b|utc\b|cet\b|cest\b|local time|sharp\b")
# What makes it a quantity, whatever comes before ("at 9.30 percent", "at 9.30 dollars" read as times, quotes32).
_QUANTITY_AFTER = (r"%|percent|per ?cent|pct|prozent|pour ?cent|por ?ciento|points?|pts|bps|basis|million|billion"
                   r"|trillion|thousand|bn|m\b|k\b|dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|cents?|pence|usd|eur"
                   r"|gbp|times|x\b|degrees?|°|mph|km|kph|kg|miles?|met(?:re|er)s?|litres?|liters?|tons?|tonnes?"
                   r"|a share|per share|a barrel|per barrel|an hour|per hour|a month|per month|a year|per year")


# A range of times: its two ends with a dash between them, or a word ("9.30 to 10.30", "9:30–10:30", fixnu32h); its
# first end may be a bare hour that takes the am or pm written once after the second ("9-10pm": quotes33).
_RANGE_WORDS = r"to|until|till|til|through|bis|à"
_ONE_TIME = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d(?:\s?(?:[ap]\s?m|h))?|\s?[ap]\s?m)"
_BARE_HOUR = r"(?:[01]?\d|2[0-4])"
_TIMES_RE = re.compile(rf"({_ONE_TIME}|{_BARE_HOUR})(?:\s(?:{_RANGE_WORDS}))?\s({_ONE_TIME})|({_ONE_TIME}|{_BARE_HOUR})",
                       re.IGNORECASE)
_BARE_HOUR_RE = re.compile(r"([01]?\d|2[0-4])()()()")
# The time a range's end runs to, beyond the words compared: its am or pm is the end's too ("9" of "9-10pm").
_RANGE_TO = rf"\s*(?:[-–—]|\s(?:{_RANGE_WORDS})\s)\s*({_ONE_TIME})(?![\w.:])"


@dataclass(frozen=True)
class _Time:
    """One time of day as a text writes it, with the half of the day it is in: its own am or pm, or the one a range
    writes once after its last end ("9" of "9-10pm" is 9 pm; "11" of "11-1pm" is 11 am)."""

    written: re.Match[str]
    half: str   # "am" | "pm" | "h" | ""

    @property
    def hour(self) -> int:
        return int(self.written[1])

    @property
    def minutes(self) -> str:
        return self.written[3] or "00"

    @property
    def shared(self) -> bool:
        """Whether its am or pm is written on another end."""
        return self.half in ("am", "pm") and not self.written[4]


def _half(written: re.Match[str]) -> str:
    return re.sub(r"\s", "", written[4] or "").casefold()


def _half_before(hour: int, then: "_Time") -> str:
    """The half of the day of a range's end at `hour`, which runs to `then`: the same as then's, unless the hour
    comes later on a 12-hour clock, as "11" of "11-1pm" does (11 am)."""
    if then.half not in ("am", "pm"):
        return ""
    return then.half if hour % 12 <= then.hour % 12 else {"am": "pm", "pm": "am"}[then.half]


def _times(words: str, text: str = "") -> list[_Time]:
    """The times of day `words` are, one or a range's two ends ("9:30 to 10:30"), or [] when they are none. An end
    without am or pm before one with it takes its half of the day, and so does the last end before a time the words'
    `text` writes after them as a range's next end; a bare hour is a time only so."""
    whole = _TIMES_RE.fullmatch(words)
    then = None
    if whole and not whole[2] and text:
        text = normalise(text)
        after = re.findall(rf"(?<![\w.:]){_as_range(words)}{_RANGE_TO}", text, re.IGNORECASE)
        written = re.findall(rf"(?<![\w.:]){_as_range(words)}(?![\w.:])(?!\s?[ap]\.?\s?m\b)", text, re.IGNORECASE)
        # only when the words are written nowhere else in the text: "at 9" beside "9-11pm" is no range's (review33r2)
        then = after[0] if len(after) == len(written) == 1 else None
    return _ends([end for end in (whole.groups() if whole else ()) if end], then)


def _ends(ends: list[str], then: str | None = None) -> list[_Time]:
    """Times written `ends` (one, or a range's two), each with its half of the day (see _times); `then`: the time a
    range's last end runs to beyond them."""
    found = [_TIME_RE.fullmatch(end) or _HOUR_RE.fullmatch(end) or _BARE_HOUR_RE.fullmatch(end) for end in ends]
    if len(found) not in (1, 2) or not all(found):
        return []
    times = [_Time(m, _half(m)) for m in found if m]
    last = then and (_TIME_RE.fullmatch(then) or _HOUR_RE.fullmatch(then))
    following_last = _Time(last, _half(last)) if last and not times[-1].half else None
    for i in range(len(times) - 1, -1, -1):
        following = times[i + 1] if i + 1 < len(times) else following_last
        if not times[i].half and following is not None:
            times[i] = _Time(times[i].written, _half_before(times[i].hour, following))
    return [] if any(not t.half and not t.written[2] for t in times) else times   # "9" alone is no time


_RANGE_IN_TEXT_RE = re.compile(rf"(?<![\w.:])({_ONE_TIME}|{_BARE_HOUR})\s*(?:[-–—]|\s(?:{_RANGE_WORDS})\s)\s*"
                               rf"({_ONE_TIME})(?![\w.:])", re.IGNORECASE)


_HALF_AFTER_RE = re.compile(r"(?<![\w.:])((?:[01]?\d|2[0-4])[.:][0-5]\d)\s?([ap]\.?\s?m\b\.?)", re.IGNORECASE)


def _half_alone(change: Change, said_text: str, found_text: str) -> str:
    """How a change that is only an am or pm one side writes is the same times written otherwise, or "": on a range's
    first end on one side and once after its last on the other ("9 pm to 10 pm" quoted "9 to 10 pm"), or after a time
    the other side writes on the 24-hour clock ("10:00 am" quoted "10:00"; not "9:00" for "9:00 pm"): quotes33."""
    word = change.article or change.post
    if change.elided or (change.post and change.article) or not re.fullmatch(r"[ap]\s?m", word, re.IGNORECASE):
        return ""
    half = re.sub(r"\s", "", word).casefold()
    texts = [normalise(text) for text in (said_text, found_text)]
    with_half, without = (texts[0], texts[1]) if change.article else (texts[1], texts[0])
    # The change says only that one of the times of `with_half` lost or gained its am or pm, not which: every one
    # they may be must be read so, or another time lends its reading ("9:00" of "9:00 pm" beside "9:00 am": review33r2)
    written_once, on_24_hours = 0, 0
    ranges = [_ends([m[1], m[2]]) for m in _RANGE_IN_TEXT_RE.finditer(without)]
    for m in _RANGE_IN_TEXT_RE.finditer(with_half):
        one = _ends([m[1], m[2]])
        if len(one) == 2 and not one[0].shared and _half(one[0].written) == half:
            other = next((other for other in ranges if len(other) == 2 and all(map(_same_time, one, other))
                          and other[0].shared), None)
            if other is not None:
                ranges.remove(other)   # each range written once on one side accounts for one am or pm
                written_once += 1
    for written in _HALF_AFTER_RE.finditer(with_half):
        if re.sub(r"[\s.]", "", written[2]).casefold() != half:
            continue
        alone = re.search(rf"(?<![\w.:]){re.escape(written[1])}(?![\w.:])(?!\s?[ap]\.?\s?m\b)", without,
                          re.IGNORECASE)
        pair = _ends([written[1] + written[2].replace(".", "")]) + _ends([written[1]])
        if alone and len(pair) == 2:
            if not _same_time(*pair):
                return ""   # "9:00" may be the post's "9:00 pm": another time
            on_24_hours += 1
    dropped = _halves(with_half, half) - _halves(without, half)
    if not 0 < dropped <= written_once + on_24_hours:
        return ""   # more am or pm dropped than these account for: one of them is another time ("at 9" of "at 9 pm")
    return TIME_SHARED if written_once else TIME_24


# An am or pm written after a figure ("9pm", "9:30 p.m."), as a time's half of the day.
_HALF_WORD_RE = re.compile(r"(?<=\d)\s?([ap])\.?\s?m\b", re.IGNORECASE)


def _halves(text: str, half: str) -> int:
    """How many times `text` writes the half of the day `half` ("am" or "pm") after a figure."""
    return sum(m[1].casefold() == half[0] for m in _HALF_WORD_RE.finditer(text))


def _on_24_hours(time: _Time) -> tuple[int, str] | None:
    """A time with its am or pm as on the 24-hour clock ("9pm" is 21:00), or None when it has none or is no such
    time ("13pm")."""
    if time.half not in ("am", "pm") or not 1 <= time.hour <= 12:
        return None
    return time.hour % 12 + (12 if time.half == "pm" else 0), time.minutes


def _same_time(one: _Time, other: _Time) -> bool:
    """Whether two times are the same: the same hour, minutes and am or pm, however written; or one with am or pm and
    the other without, read on the 24-hour clock ("21:00" and "9pm", "12:00" and "12pm"; not "9:00" and "9pm")."""
    if (one.hour, one.minutes, one.half) == (other.hour, other.minutes, other.half):
        return True
    for twelve, full in ((one, other), (other, one)):
        if full.half in ("", "h") and _on_24_hours(twelve) == (full.hour % 24, full.minutes):
            return True
    return False


def _written(time: _Time, other: _Time) -> str:
    """How one time is written otherwise than another that is the same time, or "" when written alike."""
    if time.written.group() == other.written.group() and time.half == other.half:
        return ""
    if (time.half in ("am", "pm")) != (other.half in ("am", "pm")):
        return TIME_24
    if time.shared != other.shared:
        return TIME_SHARED
    if bool(time.written[3]) != bool(other.written[3]):
        return TIME_HOUR
    return TIME_DOTTED if time.written[2] != other.written[2] else TIME_SPACED


def _as_range(words: str) -> str:
    """A pattern for words of tokens() as a text writes them: a range's ends with a dash or a word between them."""
    ends = [re.escape(end) for end in _TIMES_RE.fullmatch(words).groups() if end]   # type: ignore[union-attr]
    return rf"\s*(?:[-–—]|\s(?:{_RANGE_WORDS})\s)\s*".join(ends) if len(ends) == 2 else ends[0]


def _dotted_time(post: str, said: str, said_text: str, found_text: str) -> str:
    """Which way the post's and the article's words are the same time of day, or the same range of times, written
    otherwise, or "": one with a full stop ("9.30"), the other with a colon ("9:30"), which failed as a changed figure
    (quotes31); its am/pm apart on one side ("9:30 pm", "9.30pm", "9 pm": quotes32, review32r1); a whole hour with
    its :00 on one side ("9pm", "9:00 pm"), a range's ends ("9.30-10.30", "9:30 to 10:30"): fixnu32h; on the 24-hour
    clock on one side ("21:00" for "9pm"), a range's am or pm written once ("9-10pm" for "9pm-10pm"): quotes33. Only
    where one side is plainly a time ("9.30 am", "at 9.30", "9:30 pm", a range written with colons) and neither a
    quantity ("at 9.30 percent"): "9.30" is as often a decimal figure, which stays a change."""
    if post == said or not _TIMES_RE.fullmatch(post) or not _TIMES_RE.fullmatch(said):
        return ""
    times = [_times(words, text) for words, text in ((post, found_text), (said, said_text))]
    if not times[0] or len(times[0]) != len(times[1]) or not all(map(_same_time, *times)):
        return ""
    sides = [(_as_range(words), normalise(text)) for words, text in ((post, found_text), (said, said_text))]
    if len(times[0]) == 2 and not all(re.search(rf"(?<![\w.:]){written}(?![\w.:])", text, re.IGNORECASE)
                                      for written, text in sides):
        return ""   # two figures, each side's, not one range
    kind = next((k for a, b in zip(*times) if (k := _written(a, b))), TIME_RANGE)
    if all(side[-1].half for side in times):
        return kind   # "9.30pm", "9:30 pm", "9.30 h": a time on both sides
    halves = [side[-1].half in ("am", "pm") for side in times]
    if any(re.search(rf"(?<![\w.:]){written}(?![\w.:])\s*(?:{_QUANTITY_AFTER})(?!\w)", text, re.IGNORECASE)
           for written, text in sides):
        return ""
    if any(halves):
        return kind   # "9pm" against "21:00": the one is plainly a time, and the other the same on the 24-hour clock
    if any(len(side) == 2 and all(t.written[2] == ":" for t in side) for side in times):
        return kind   # a range of times written with colons ("9:30-10:30"): no score, no decimal
    return kind if any(
        re.search(rf"(?<![\w.:]){written}(?![\w.:])\s*(?:{_TIME_AFTER})", text, re.IGNORECASE)
        or re.search(rf"(?<!\w)(?:{_TIME_BEFORE})\.?\s+{written}(?![\w.:])", text, re.IGNORECASE)
        for written, text in sides) else ""


def _range_word(change: Change, said_text: str, found_text: str) -> bool:
    """Whether a change is only a range's word one side writes for the other's dash: "9:30 to 10:30" for the post's
    "9:30–10:30" (an added "to"), or the other way, the same two times between (fixnu32h)."""
    word = change.article or change.post
    if change.elided or (change.post and change.article) or not re.fullmatch(_RANGE_WORDS, word, re.IGNORECASE):
        return False
    worded, dashed = (said_text, found_text) if change.article else (found_text, said_text)
    dashed = normalise(dashed)
    return any(re.search(rf"(?<![\w.:]){re.escape(ends[0])}\s*[-–—]\s*{re.escape(ends[1])}(?![\w.:])", dashed)
               for ends in re.findall(rf"(?<![\w.:])({_ONE_TIME})\s+(?:{re.escape(word)})\s+({_ONE_TIME})(?![\w.:])",
                                      normalise(worded), re.IGNORECASE))


# A figure in digits, plain or grouped by threes with one separator (1,200; 1.200; 1 200; 1'200): "1,200" and
# "1200" are the same digits; "1.5" and "15" are not a grouping (a decimal point), nor is "12,00" (edits29).
_FIGURE_RE = re.compile(r"\d+|\d{1,3}(?P<sep>[,. '])\d{3}(?:(?P=sep)\d{3})*")


def _regrouped(post: str, said: str) -> bool:
    """The same figure with other digit grouping on each side: "1,200" against "1200". Not a pass either: with a
    decimal comma "1,200" is 1.2."""
    (post_sign, post), (said_sign, said) = _unsigned(post), _unsigned(said)
    whole = [_FIGURE_RE.fullmatch(side) for side in (post, said)]
    return post_sign == said_sign and post != said and all(whole) \
        and re.sub(r"\D", "", post) == re.sub(r"\D", "", said)


_MARKS_SWAPPED = str.maketrans(",.", ".,")


def _decimal_mark(post: str, said: str) -> str:
    """DECIMAL_MARK where the two figures are one value written with a decimal comma on one side and a point on the
    other ("3,5%" and "3.5%", "1.234,5" and "1,234.5"); GROUP_OR_DECIMAL where one mark before three figures may be a
    thousands' group or a decimal mark ("1.000" and "1,000"); else "". Other digits ("3,5" and "35", "5,3") are no
    such figure, nor is a thousands' grouping alone ("1.250.000" and "1,250,000": REGROUPED)."""
    (post_sign, post), (said_sign, said) = _unsigned(post), _unsigned(said)
    if post_sign != said_sign or post == said or post.translate(_MARKS_SWAPPED) != said:
        return ""
    if re.fullmatch(r"\d{1,3}[.,]\d{3}", post):
        return GROUP_OR_DECIMAL
    if re.fullmatch(r"\d+[.,]\d+|\d{1,3}(?:([.,])\d{3})+(?!\1)[.,]\d+", post):
        return DECIMAL_MARK
    return ""


_SIGN_RE = re.compile(r"^([$€£¥₹+\-−]*)(.*?)(%?)$", re.S)


def _unsigned(figure: str) -> tuple[tuple[str, str], str]:
    """A figure's currency sign or plus/minus before it and its per cent after it, set apart ("$1,200": "$", "%")."""
    match = _SIGN_RE.match(figure)
    assert match is not None   # every part may be empty
    return (match[1], match[3]), match[2]


_RAISE = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _named(chars: str) -> str:
    return ", ".join(f"{unicodedata.name(c, 'UNNAMED')} U+{ord(c):04X}" for c in chars)


def is_change(change: Change) -> bool:
    """Whether a change counts as one of words (_real): for the verdict code outside this module."""
    return _real(change)


def _ampersand(op: tuple[str, int, int, int, int], change: Change, said: list[str], post: list[str], said_text: str,
               found_text: str) -> Change:
    """The change as "&" written "and" (AMPERSAND) where one side has the word "and" alone, and the other an "&" between
    the same two words (tokens() keeps no "&"): "Schools and hospitals" of "Schools &amp; hospitals" failed as an
    added "and" (newuser42b #6). Else the change as it is."""
    tag, i1, i2, j1, j2 = op
    if change.elided or change.bracketed:
        return change
    if tag == "delete" and [_key(w) for w in said[i1:i2]] == ["and"] and 0 < j1 < len(post) \
            and _between(post[j1 - 1], post[j1], found_text):
        return replace(change, post="&", alike=AMPERSAND)
    if tag == "insert" and [_key(w) for w in post[j1:j2]] == ["and"] and 0 < i1 < len(said) \
            and _between(said[i1 - 1], said[i1], said_text):
        return replace(change, article="&", alike=AMPERSAND)
    return change


def _between(before: str, after: str, text: str) -> bool:
    """Whether `text` writes one "&" between the words `before` and `after`, and no word ("Schools, & hospitals")."""
    return re.search(rf"(?<!\w){re.escape(before)}[^\w&]*&[^\w&]*{re.escape(after)}(?!\w)", normalise(text)) is not None


def _real(change: Change) -> bool:
    """A change of words: not an elision the article marks (unless it cuts out a negation or a figure inside a clause,
    `cuts`), not a look-alike."""
    return (not change.elided or bool(change.cuts) and change.cuts != CUT_CLAUSE) and not change.alike \
        and not change.bracketed


# An elision inside a clause that drops a negation or a figure: "We will … raise taxes" of "We will not raise taxes"
# turns the post around, as "We will [not] support" does in brackets (newuser42b #1: it warned as a harmless cut).
CUT_NEGATION = "the cut drops a negation: it turns the post's words around"
CUT_FIGURE = "the cut drops a figure: it changes what the post's words say"
# An elision right after a negation that runs into another sentence: the negation then denies the words after the "…",
# which the post does not deny ("I will not … resign" of "I will not stay. I will resign.", review46c).
CUT_NEGATION_MOVED = ("the cut runs from a negation into another sentence: the quote denies words the post does not "
                      "deny")
# A restrictive clause cut whole, its negation with it: "The people … will pay" of "The people who did not vote will
# pay" does not turn the post around (the quote never says "who voted"), it drops what says which people are meant,
# as a cut of "who voted" does, which warns; it failed as CUT_NEGATION (review43b43). It warns, saying so.
CUT_CLAUSE = ("the cut takes out a whole clause saying which are meant, its negation with it: the quote may speak of "
              "more than the post does")
# The relative pronouns that open such a clause; not "that", which opens what was said as often ("He said that he will
# not …": a cut of it turns the post around).
_RELATIVES = frozenset("who whom whose which".split())
_AUXILIARIES = frozenset("do does did is are was were has have had will would can could shall should may might must"
                         .split())
# Between two words, a mark that sets what lies between them apart: a clause's, a sentence's, a parenthesis's.
_SET_OFF_RE = re.compile(r"[,;:.!?()\[\]—–]|\s-\s")


# What a negation word before it denies nothing with, cut out together: "not only", "nicht nur", "non seulement", "no
# matter" (as `_CLAUSE_NEGATION_RE` reads them; review43b: "We will … cut taxes but also fees" of "We will not only
# cut taxes but also fees" failed as a negation dropped). "no doubt" is not among them: "no" cut from it turns it.
_NO_DENIAL = frozenset("only just matter mind nur solo sólo seulement só alleen".split())
# "without" in the languages of the negation words: a cut ending with it, its object kept after the "…", denies what
# the post says ("fund the plan … new taxes" of "fund the plan without new taxes", review43b); one of it with its
# object ("act … and fund" of "act without delay and fund") leaves the post's claim as it was.
_PRIVATIVES = frozenset("without sans sin ohne senza sem zonder utan uden uten bez без".split())
# Numbers in words a cut drops as it drops "300" (review43b: "cut … jobs" of "cut three hundred jobs" warned where
# "cut 300 jobs" fails). Not "one", "no one"'s and "one of"'s.
_CUT_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million "
    "millions billion billions trillion dozen dozens".split())
# A figure's word of a time: "10:30", "14.30", "10am", "9h30"; and the words after an hour ("10 pm", "14 Uhr").
_TIME_FIGURE_RE = re.compile(r"\d{1,2}(?:[:.h]\d{2}h?|h|am|pm|a\.m\.?|p\.m\.?)", re.IGNORECASE)
_AFTER_AN_HOUR = frozenset("am pm uhr heures hrs gmt utc".split())


def _dated(post: list[str], at: int) -> bool:
    """Whether post[at], a figure, is a day, a year or an hour: beside a month's name ("3 March", "March 3, 2024",
    "3. März"), a time ("10:30", "10am", "10 pm"). A cut of it leaves the post's claim as it was, only its day or hour
    untold (review43b: "The council … approved the budget" of "The council on 3 March approved …" failed as a figure
    dropped)."""
    from resolver.extract.dates import month_number   # the month names the date checks read, in their languages

    word = post[at]
    after = [_key(w) for w in post[at + 1:at + 3]]
    if _TIME_FIGURE_RE.fullmatch(word) or after[:1] and after[0] in _AFTER_AN_HOUR \
            or after in (["a", "m"], ["p", "m"]):   # "10 a.m." is read "10", "a", "m"; "10 a month" is no hour
        return True

    def month(k: int) -> bool:
        return 0 <= k < len(post) and not _figures([post[k]]) and month_number(post[k]) is not None
    # "3 March", "March 3", "March 3, 2024", "3rd of March"
    return month(at - 1) or month(at + 1) or month(at - 2) and bool(_figures([post[at - 1]])) \
        or month(at + 2) and _key(post[at + 1]) in ("of", "de", "di")


def _cuts(post: list[str], j1: int, j2: int, found: str) -> str:
    """What an elision of the post's words post[j1:j2] drops that changes what the post says (CUT_NEGATION,
    CUT_FIGURE), or "": none, or words the post sets off on both sides, a whole sentence, clause or parenthesis
    ("We will cut taxes. … Schools come first." of "… We will not raise fees. …" is an honest cut)."""
    cut = post[j1:j2]
    if _negation_moved(post, j1, j2, found):
        return CUT_NEGATION_MOVED
    denies = any(_negates(post[k]) and not (k + 1 < j2 and _key(post[k + 1]) in _NO_DENIAL) for k in range(j1, j2))
    kind = CUT_NEGATION if denies or _key(cut[-1]) in _PRIVATIVES and j2 < len(post) \
        else CUT_FIGURE if any(
        _figures([w]) and not _dated(post, k) or _key(w) in _CUT_NUMBER_WORDS for k, w in enumerate(cut, j1)) else ""
    if not kind or j1 == 0 or j2 >= len(post):
        return kind
    words = post[j1 - 1:j2 + 1]
    pattern = re.escape(words[0]) + "".join(r"(\W*?)" + re.escape(w) for w in words[1:])
    at = re.search(pattern, normalise(found))
    set_off = at is not None and all(_SET_OFF_RE.search(at.group(k)) for k in (1, len(words) - 1))
    return "" if set_off else CUT_CLAUSE if kind == CUT_NEGATION and _clause_cut_whole(cut) else kind


def _negation_moved(post: list[str], j1: int, j2: int, found: str) -> bool:
    """Whether an elision of post[j1:j2] cut right after a negation runs past the end of its sentence to words the
    post does not deny: "I will not … resign" of "I will not stay. I will resign." says the opposite of the post, and
    warned as a partial quote (review46c). Not a cut inside the negation's sentence ("I will not, under any
    circumstances, resign"), nor one whose last sentence denies again ("… I will never resign")."""
    if j1 == 0 or j2 >= len(post) or not _negates(post[j1 - 1]) or _key(post[j1]) in _NO_DENIAL:
        return False
    words = post[j1 - 1:j2 + 1]
    pattern = re.escape(words[0]) + "".join(r"(\W*?)" + re.escape(w) for w in words[1:])
    at = re.search(pattern, normalise(found))
    if at is None:
        return False   # where its sentences end is not known: the cut warns as before
    # an abbreviation's dot ("Dr.", "Gov.", "U.S.", "p.m.", "p. 4") ends no sentence (review46e: an honest cut failed)
    ends = [k for k in range(1, len(words)) if _CUT_SENTENCE_END_RE.search(at.group(k) + words[k][:1])
            and not (at.group(k).lstrip().startswith(".") and (len(words[k - 1]) == 1
                                                                or words[k - 1].casefold() in _ABBREVIATIONS))]
    # words[k] is the first word after the k-th mark; the last sentence the cut reaches into is words[ends[-1]:-1]
    # a negation ending its own sentence ("He said no. The plan …") denies none of the words after it
    return bool(ends) and ends[0] > 1 and not any(_negates(w) for w in words[ends[-1]:-1])


# Between two words (the second's first letter after), a mark that ends a sentence (or a clause as a sentence does:
# ";", ":"), a space after it and no small letter next (not the dots of "U.S. team" or "3.5")
_CUT_SENTENCE_END_RE = re.compile(r"[.!?;:][\"'”’)\]]*\s+(?![a-zà-öø-ÿ\d])")
# Words written with a dot after them that ends no sentence: titles, "vs.", "approx.", months (a single letter, an
# initial or a part of "U.S." or "a.m.", is one too; "No. 4", "p. 4": a digit next starts no sentence); never a word
# that may end one ("no", "art")
_ABBREVIATIONS = frozenset("mr mrs ms mx dr prof st jr sr gov sen rep gen col lt sgt capt maj cpl rev hon pres supt "
                           "insp det pp vs etc approx ca cf al inc corp ltd dept univ jan feb apr jun jul aug sept oct "
                           "nov dec mt ft".split())


def _clause_cut_whole(cut: list[str]) -> bool:
    """Whether a cut is a relative clause whole with its one negation ("who did not vote", "which does not raise
    taxes", "who never turned out"; and the main clause's auxiliary after it, "who did not vote will"): opened by a
    relative pronoun, its negation next or after one auxiliary, its own verb cut with it; no figure, no other
    negation. A negation further in ("who he said did not vote") may be the main clause's; it still fails."""
    negations = [k for k, w in enumerate(cut) if _negates(w)]
    if _key(cut[0]) not in _RELATIVES or len(negations) != 1 or negations[0] == len(cut) - 1 or _figures(cut) \
            or any(_key(w) in _PRIVATIVES for w in cut):
        return False
    # "who never", "who won't", "who did not": the clause's; not "who vote won't be paid", the main clause's
    return negations[0] == 1 or negations[0] == 2 and _key(cut[1]) in _AUXILIARIES and _key(cut[2]) in ("not", "never")


# Emoji: symbols from the arrows on (U+2190) and the emoji planes, and the regional indicators of flags: "°", "©"
# and "™" are no emoji. After normalise(): a sequence's joiners and variation selectors are gone.
_EMOJI_RE = re.compile("[\u2190-\u2bff\U0001F000-\U0001FAFF]+")
_TCO_RE = re.compile(r"\b(?:t\.co|pic\.(?:twitter|x)\.com)/([A-Za-z0-9]+)")


def _set_aside(said: str, found: str, links: Mapping[str, str]) -> tuple[str, ...]:
    """What the article's emoji and links that words set aside say against the post's: each of the article's that
    the post's text lacks, in words. Those the article leaves out say nothing (a partial quote, a scraper that
    drops emoji images). Links: a t.co or pic.twitter.com link by its code (pic.twitter.com/CODE shows t.co/CODE),
    a written address by its host and path, each against the post's of the same kind when the post's text has
    some; a t.co link the post's answer expanded (`links`, renamed28) is also the address it leads to, so an
    embed code's display address of it passes and another address warns (with no map, an address against a t.co
    link cannot be told: where it leads is not looked up; a link a text without links lacks is the media check's,
    or a quoted post's)."""
    notes = []
    said_text, found_text = normalise(said), normalise(found)
    ours, theirs = _emoji(said_text), _emoji(found_text)
    new = [e for e in ours if e not in theirs]
    if new:
        notes.append(f"the emoji differ: the article has {''.join(new)}" + (
            f" where the post has {''.join(theirs)}" if theirs else ", which the post does not"))
    codes = {code: link for link, code in _links(found_text, coded=True)}
    for link, code in _links(said_text, coded=True):
        if codes and code not in codes:
            notes.append(f"the article's link {link} is not the post's ({', '.join(codes.values())}): another link, "
                         "or the same one wrapped again?")
    addresses = {address: link for link, address in _links(found_text, coded=False)}
    for code, target in _expansions(links).items():
        for shown, address in _links(target, coded=False) if code in codes else ():
            addresses.setdefault(address, f"{codes[code]}, which leads to {shown}")
    for link, address in _links(said_text, coded=False):
        if addresses and not any(address.startswith(a) or a.startswith(address) for a in addresses):
            notes.append(f"the article's link {link} is not the post's ({', '.join(addresses.values())}): another "
                         "link, or the same one wrapped again?")
    return tuple(notes)


def _expansions(links: Mapping[str, str]) -> dict[str, str]:
    """The post's t.co links' codes, each with the address it leads to (normalised as the texts are)."""
    found = {}
    for short, target in links.items():
        code = _TCO_RE.search(short)
        if code and target:
            found[code.group(1)] = normalise(target)
    return found


_EMOJI_UNIT_RE = re.compile("[\U0001F1E6-\U0001F1FF]{2}|.[\U0001F3FB-\U0001F3FF]?", re.S)   # a flag, a skin tone


def _emoji(text: str) -> list[str]:
    return list(dict.fromkeys(u for run in _EMOJI_RE.findall(text) for u in _EMOJI_UNIT_RE.findall(run)))


def _links(text: str, *, coded: bool) -> list[tuple[str, str]]:
    """(the link as shown, without its scheme; its key): t.co and pic.twitter.com links keyed by their code
    (`coded`), or every other address keyed by host and path (lower case, no www., no "…" or trailing slash)."""
    found = []
    for match in _LINK_RE.finditer(text):
        shown = re.sub(r"^(?:https?://)?", "", match.group(), flags=re.I).rstrip(".,;:!?)\"'" + ELLIPSIS)
        code = _TCO_RE.match(shown)
        if coded and code:
            found.append((shown, code.group(1)))
        elif not coded and not code:
            host, _, path = shown.partition("/")
            found.append((shown, (host.lower().removeprefix("www.") + "/" + path).rstrip("/")))
    return list({key: (shown, key) for shown, key in found}.values())


# Negation words of scripts written with spaces, standing alone next to what they deny: "I did" of "I did not do
# it", "evidence of fraud" of "no evidence of fraud" turn the post around (#10). Words that are nothing else. The
# negative pronouns too ("approved" of "The council approved nothing"), and those of Hebrew, Arabic, the Nordic
# languages, Greek, Polish, Czech, Turkish, Indonesian and Hindi: a quote cut next to one passed (review30q).
_WORD_NEGATIONS = frozenset("not never no nor nein nicht nie niemals kein keine keinen keinem keiner keines niet nooit "
                            "geen nunca jamás nem não nao non pas jamais ne не ни нет ні "
                            "nobody nothing none nowhere cannot niemand nichts niets nadie nada ninguém nenhum rien "
                            "nessuno nessuna nessun niente nulla "   # Italian "nobody", "no", "nothing" (newuser47a #1)
                            "никто ничего никогда ніхто нічого ніколи "
                            "לא ולא שלא אין ואין אינו אינה אינם אינן אינני "
                            "لا ولا لم ولم لن ولن ليس ليست ليسوا لست غير أبدا "
                            "inte icke aldrig ingen inget inga ikke aldri intet "
                            "δεν μην όχι ποτέ nigdy nikt nic żaden żadna żadne nikdy nikdo "
                            "değil hiç hiçbir tidak bukan tiada नहीं मत "
                            "نه هرگز نیست".split())   # Persian "no", "never", "is not" (newuser43a #6)
# Each also as _key() folds it, as it is looked up: "أبدا" (its alef folded) and Persian "نیست" (its yeh) were never found
_WORD_NEGATIONS |= frozenset(map(_key, _WORD_NEGATIONS))
# Negation words only in a post whose source gives one of their languages: Arabic "ما" is "not" and "what", and
# Persian "we" (newuser43a #6): it warns where the post is given as Arabic, never fails (see _opens_sentence). Italian
# "mai" ("never": "Mai detto che…") is May in French and German and "more" in Romanian (newuser47a #1).
_NEGATIONS_OF_A_LANGUAGE = {"ما": ("ar",), "mai": ("it",)}
# Negation words that are also another word where a sentence starts: Persian "نه" is "no" and "nine" (نُه unpointed,
# "نه نفر", nine people). A quote right after one warns, never fails as a sentence start (`_opens_sentence`).
_ALSO_OTHER_WORDS = frozenset({"نه"})
# Negation words whose language negates the verb too, in a way the tool cannot read: Persian "هرگز" ("never") takes
# a negated verb ("هرگز تسلیم نمی‌شویم", "we will never surrender"), whose prefix (ن, نمی) starts other words as
# well. A quote starting right after one keeps its own negation as often as not: it warns, never fails (review44b).
_WITH_A_NEGATED_VERB = frozenset({"هرگز"})


def _word_negation(post: list[str], at: int, quoted: int, found: str, lang: str | None = None) -> str:
    """The negation word at `at` in the post, next to the quote's word at `quoted` with nothing but a space between
    them in the post's text (a comma or a full stop parts them: "We did it, not them"); "" if none."""
    if not 0 <= at < len(post) or not 0 <= quoted < len(post) or _unspaced(post[at]) or _unspaced(post[quoted]):
        return ""
    word = post[at]
    if _key(word) in _NEGATIONS_OF_A_LANGUAGE:
        if _language(lang) not in _NEGATIONS_OF_A_LANGUAGE[_key(word)]:
            return ""
    elif _key(word) not in _WORD_NEGATIONS or word.startswith(("@", "#")) \
            or not _negation_here(post, at, found, lang):   # @nobody is a handle, "Inga" a name
        return ""
    pair = (post[quoted], word) if at > quoted else (word, post[quoted])
    adjacent = re.compile(rf"(?<!\w){re.escape(pair[0])}\s+{re.escape(pair[1])}(?!\w)", re.IGNORECASE)
    return word if adjacent.search(normalise(found)) else ""


# Negation words that are names or other words elsewhere, with the languages they deny in: Swedish "inga" is a given
# name, Czech and Polish "nic" one too (Nic Cage), Hindi "मत" ("don't") also the noun "vote" or "opinion". They
# warned of a negation the quote leaves out next to a name (quotes31): each counts only where the post's language,
# when its source gives it, is theirs, and where it stands as a negation (see _negation_here).
_AMBIGUOUS_NEGATIONS = {"inga": ("sv", "no", "nn", "nb"), "nic": ("cs", "pl"), "मत": ("hi",)}   # Nynorsk "inga tid"
# Language tags that name no language: undetermined, none, several, and the private-use codes X gives a post of a
# hashtag, a mention, media or very short text alone ("qht", "qam", "qme", "qst"): no ground to drop a negation
# word or take capitals for nouns (review31r1: "Inga pengar" with lang "und" passed as if English).
_NO_LANGUAGE_RE = re.compile(r"und|zxx|mul|mis|art|q[a-t][a-z]", re.IGNORECASE)


def language_code(lang: str | None) -> str:
    """The primary language of a `lang` tag ("es" of "es-MX"), or "" when it names none: for the reports' code."""
    return _language(lang) or ""


def _language(lang: str | None) -> str | None:
    """The primary language of a post's `lang` tag ("en" of "en-GB"), or None when it names none."""
    primary = (lang or "").split("-")[0].strip().casefold()
    return None if not primary or _NO_LANGUAGE_RE.fullmatch(primary) else primary


# मत as a noun: after a possessive or genitive ("अपना मत", "जनता का मत"), or before a postposition or copula ("मत का",
# "मत है"); as "don't" it stands before the verb it forbids ("मत जाओ").
_HINDI_BEFORE_NOUN = frozenset("अपना अपनी अपने मेरा मेरी मेरे हमारा हमारी हमारे आपका आपकी आपके उनका उनकी उनके उसका उसकी "
                               "उसके तुम्हारा तुम्हारी तुम्हारे तेरा तेरी तेरे का की के एक".split())
_HINDI_AFTER_NOUN = frozenset("का की के को से में पर ने है हैं था थी थे दिया दें देना डाला डालें".split())


def _negation_here(post: list[str], at: int, found: str, lang: str | None) -> bool:
    """Whether post[at], a negation word, is one there: always, but for the words of _AMBIGUOUS_NEGATIONS, which are
    not in a post whose language is another, nor written with a capital where no sentence starts ("I met Smith Inga
    said": a name) or before a capitalised word ("Nic Cage": a name and a surname), nor मत as a noun."""
    key = _key(post[at])
    if _concessive(post, at):
        return False   # "как ни крути": "крути, мы победим" left out no negation (fix47d #4)
    languages = _AMBIGUOUS_NEGATIONS.get(key)
    if languages is None:
        return True
    if _language(lang) is not None and _language(lang) not in languages:
        return False
    if key == "मत":
        return not (at and post[at - 1] in _HINDI_BEFORE_NOUN or at + 1 < len(post) and post[at + 1] in _HINDI_AFTER_NOUN)
    if not post[at][:1].isupper():
        return True
    if at + 1 < len(post) and post[at + 1][:1].isupper() and _key(post[at + 1]) not in _REFERRING:
        return False   # a given name before a surname: "Nic Cage said"
    if not at:
        return True
    text = _words_text(found)
    starts = _word_starts(text, at + 1)
    if len(starts) <= at or not text.startswith(post[at], starts[at]):
        return True   # not the words compared: as a negation, the safe side
    return bool(_SENTENCE_START_RE.search(text, 0, starts[at]))


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…\n:؟۔।]|[.!?…؟]['\")\]])[\s\"'(\[]*$")


# A negation further before the quoted words, in the post's own clause: "he is a liar" of "I'm not saying he is a
# liar", "the vote was rigged" of "Nobody here thinks the vote was rigged" (#10). The words that deny whatever
# follows them in the languages above (the adjacent words, pronouns such as "nobody", "n't" and French "n'"), and
# frames that deny the clause they introduce ("denied that", "negó que"). Not those that only look like one: "no
# doubt", "not only", "nicht nur", "non seulement"..., "can't wait", "don't forget", "don't miss", and "non-" before
# a hyphen ("non-partisan"). French "ne … que" ("only") warns too: its "ne" cannot be told from a negation's.
_CLAUSE_NEGATION_WORDS = _WORD_NEGATIONS | frozenset(
    "nobody nothing none neither nowhere cannot niemand nichts nirgends weder nirgendwo niets nergens nadie nada "
    "ninguno ninguna ningún tampoco ni ninguém nenhum nenhuma rien aucun aucune никто ничего ничто никогда нигде "
    "ніхто ніколи нічого".split())
_CLAUSE_NEGATION_RE = re.compile(
    r"(?<![\w'@#-])(?:"
    # "doubt" is a verb after a pronoun, a noun in "no doubt that"
    r"(?:deny|denies|denied|denying|(?:(?<=I )|(?<=we )|(?<=they )|(?<=you ))doubt|doubts|doubted|doubting)\s+"
    r"(?:(?:the\s+)?(?:claims?|reports?|allegations?)\s+)?(?:that|whether)"
    r"|(?:rejected|dismissed|disputed|refuted)\s+(?:the\s+)?(?:claims?|reports?|allegations?)\s+that"
    r"|(?:false|untrue)\s+that"
    # a frame calling what follows a lie (newuser38a #4: "It would be a lie to say the budget was stolen" quoted "the
    # budget was stolen" passed): named from its clause's start, "It would be a lie to say"
    r"|(?P<frame>(?:lie|lies|falsehood|myth|nonsense)\s+(?:that|to\s+(?:say|claim|suggest|think|believe|write|report))"
    r"|(?:false|untrue|wrong)\s+to\s+(?:say|claim|suggest|think|believe|write|report)"
    r"|(?:onzin|onwaar|leugen)\s+dat)"   # Dutch "Het is onzin dat…" (newuser47a #4)
    r"|(?:bestreite|bestreitet|bestritt|bestritten|bezweifle|bezweifelt|bezweifelte|dementiert|dementierte|leugnet"
    r"|leugnete),?\s+(?:dass|daß|ob)"
    r"|(?:niego|niega|niegan|negó|negaron|dudo|duda|dudan|dudó|desmintió|desmiente|falso)\s+que"
    r"|(?:nie|nient|niait|nié|dément|démenti|démentit|doute|doutent|douté|faux)\s+que"
    # Italian and Dutch (newuser47a #4): "smentisce che", "È falso che", "Wij ontkennen dat"; Italian "Mai" ("never":
    # "Mai detto che…") only in a post given as Italian (`_NEGATIONS_OF_A_LANGUAGE`, read in _negation_in_clause)
    r"|(?:nego|nega|neghiamo|negano|negato|smentisco|smentisce|smentiamo|smentiscono|smentito|falso)\s+che"
    r"|(?:ontken|ontkent|ontkennen|ontkende|ontkenden|betwijfel|betwijfelt|betwijfelen),?\s+dat|mai"
    r"|\w+n't|n'\w+|" + "|".join(sorted(map(re.escape, _CLAUSE_NEGATION_WORDS), key=len, reverse=True)) +
    r")(?![\w'-])(?!\s+(?:doubt|only|just|matter|mind|wonder|wait|forget|miss|nur|solo|sólo|seulement|só|alleen)"
    r"(?![\w'-]))",
    re.IGNORECASE)
# The first word of each form above: a post holding none of them before the quote's end is not searched.
_CLAUSE_NEGATION_HEADS = _CLAUSE_NEGATION_WORDS | frozenset(
    "deny denies denied denying doubt doubts doubted doubting rejected dismissed disputed refuted false untrue "
    "lie lies falsehood myth nonsense wrong "
    "bestreite bestreitet bestritt bestritten bezweifle bezweifelt bezweifelte dementiert dementierte leugnet "
    "leugnete niego niega niegan negó negaron dudo duda dudan dudó desmintió desmiente falso nie nient niait nié "
    "dément démenti démentit doute doutent douté faux "
    "nego nega neghiamo negano negato smentisco smentisce smentiamo smentiscono smentito onzin onwaar leugen "
    "ontken ontkent ontkennen ontkende ontkenden betwijfel betwijfelt betwijfelen mai".split())


def _may_negate(word: str) -> bool:
    key = _key(word)
    return key in _CLAUSE_NEGATION_HEADS or key.endswith("n't") or key.startswith("n'")


# What ends a clause: punctuation (Arabic's comma, semicolon and question mark, the Urdu full stop and the Devanagari
# danda among it; a full stop not inside a figure; a comma unless "dass" follows it, as German
# writes one before every "that" clause), a spaced dash, a line break, and the conjunctions that start a clause of
# their own ("I did not expect it, but we won"). Not "and" or "or", which a negation may reach across ("not A or
# B"), and not "yet", which is an adverb after "not".
_CLAUSE_END_RE = re.compile(
    r"[;!?:\n،؛؟۔।॥]|\.(?!\d)|,(?!\s*da(?:ss|ß)(?!\w))|\s-+\s|--|(?<![\w'-])(?:but|however|although|though|whereas|aber"
    r"|sondern|jedoch|obwohl|maar|pero|sino|aunque|mas|porém|mais|cependant|pourtant|quoique|но|однако|але)(?![\w'-])",
    re.IGNORECASE)


def _word_starts(text: str, count: int) -> list[int]:
    """Where the first `count` of tokens()' words (markers aside) start in `text`, itself tokens()' text."""
    unspaced = _UNSPACED_RE.search(text) is not None
    starts: list[int] = []
    for m in _TOKEN_RE.finditer(text):
        if m.group() == ELLIPSIS:
            continue
        if unspaced and _UNSPACED_RE.search(m.group()):
            starts += [m.start() + unit.start() for unit in _UNIT_RE.finditer(m.group())]
        else:
            starts.append(m.start())
        if len(starts) >= count:
            break
    return starts


def _words_text(found: str) -> str:
    """tokens()' text, with the post's line breaks kept: each line is normalised on its own; an em dash parts
    clauses and words, and is a hyphen once normalised ("Not now—the vote…")."""
    lines = _LINE_END_HYPHEN_RE.sub("-", found).replace("—", " - ").replace("―", " - ").splitlines()
    return _SPACED_PERCENT_RE.sub("%", _LINK_RE.sub(" ", "\n".join(map(normalise, lines))))


_HYPHENATED_RE = re.compile(rf"{_W}+(?:-{_W}+)+")
_HYPHENS_RE = re.compile("[-‐‑‒–−﹣－﹘]")   # what normalise() makes a hyphen, an em dash aside
_W_RE = re.compile(_W)


def _cut_inside(post: list[str], start: int, end: int, found: str, *, cut_end: bool) -> tuple[str, ...]:
    """The post's hyphenated words that the quoted run post[start:end] starts (or, if `cut_end`, ends) inside, said
    in words. Hyphens split words ("well-known" is "well known"), so "violent protest" was a contiguous run of "a
    non-violent protest" and passed; "president" of "ex-president" too (review30q). Not the end the article marks
    as its own cut ("pro…"), nor in a script without spaces."""
    if (not start and end >= len(post)) or _unspaced(post[start]) or _unspaced(post[end - 1]) \
            or not _HYPHENS_RE.search(found):   # most posts: no hyphen at all
        return ()
    span = _run_span(post, start, end, found)
    if span is None:
        return ()   # not the words compared: say nothing
    text, first, last = span   # the quoted run's first character, and the one after its last
    notes = []
    for where, edge, joined in (("starts", start > 0, first >= 2 and text[first - 1] == "-" and _W_RE.match(text, first - 2)),
                                ("ends", cut_end and end < len(post),
                                 text[last:last + 1] == "-" and _W_RE.match(text, last + 1))):
        if edge and joined:
            at = first if where == "starts" else last
            word = next((m.group() for m in _HYPHENATED_RE.finditer(text) if m.start() < at < m.end()),
                        text[first - 2:first + 1] if where == "starts" else text[last - 1:last + 2])
            notes.append(f'the quote {where} inside the post\'s "{word}" (a cut word?)')
    return tuple(notes)


def _run_span(post: list[str], start: int, end: int, found: str) -> tuple[str, int, int] | None:
    """_words_text(found), and where the quoted run post[start:end] starts and ends in it; None when its words are
    not the words compared (a figure split by a line break)."""
    text = _words_text(found)
    starts = _word_starts(text, end)
    if len(starts) < end or not text.startswith(post[start], starts[start]) \
            or not text.startswith(post[end - 1], starts[end - 1]):
        return None
    return text, starts[start], starts[end - 1] + len(post[end - 1])


# What undoes the words before it, as a sentence of its own right after them ("I will vote for it. Not.", "…not!",
# "Kidding."), or marked at the end of their own sentence ("/s", "(not)", "JK"). A sentence that goes on ("Not the
# tunnel.", "No regrets", "No. 1") is no such word.
_UNDOING_WORDS = r"not|no|nope|not really|kidding|just kidding|jk|j/k|lol jk|sarcasm"
_UNDOING_MARKS = r"\(\s*not\s*\)|/s|/sarcasm|#sarcasm|#not|jk|j/k|lol jk|just kidding"
_BLANK = r"[\s\u2190-\u2bff\U0001F000-\U0001FAFF]*"   # spaces and emoji, which say no words
# A full stop followed by a letter ("U.S", "9.30") or by a lower-case word ("e.g. the") ends no sentence: the "Not." after
# "in the U.S." was missed, the first stop taken for the end (quotes31); an abbreviation's last stop may end one.
_INNER_STOP = r"\.(?=\w|\s+(?-i:[a-zà-öø-ÿ]))"
_UNDONE_AFTER_RE = re.compile(
    rf"(?:[^.!?…\n]|{_INNER_STOP})*?(?:(?:[.!?]+|\n){_BLANK}(?P<word>(?:{_UNDOING_WORDS})[.!?…]*)"
    rf"|\s*(?P<ellipsis>…\s*(?:{_UNDOING_WORDS})[.!?…]*)|\s+(?P<mark>(?:{_UNDOING_MARKS})[.!?…]*))"
    rf"(?={_BLANK}$|{_BLANK}\n|(?<=[.!?…])\s+(?!\d))", re.IGNORECASE)
# A debunk label heading the quote's sentence ("FALSE: the vote was rigged", "[FAKE]", "Fact check:"): a fact-check's
# or a parody's words quoted as a claim. With its colon, dash, bar or brackets: "Myth" alone is a word.
_DEBUNK_LABELS = (r"(?:false|fake|misleading)(?: claims?| news)?|myth|rumou?r|hoax|debunked|fact[ -]?check|not true"
                  r"|untrue|satire|parody|misinformation|disinformation|falso|falsa|faux|fausse|intox|falsch|bulo"
                  r"|engañoso")
_DEBUNK_LABEL_RE = re.compile(rf"[^\w\n]*?(?P<label>\[\s*(?:{_DEBUNK_LABELS})\s*\]|\(\s*(?:{_DEBUNK_LABELS})\s*\)"
                              rf"|(?:{_DEBUNK_LABELS})\s*(?::|\s-+(?=\s)|\|))", re.IGNORECASE)
# A verdict after the claim it rates: "CLAIM: … VERDICT: False", "Rating: False", "Our ruling: Pants on Fire", "— FALSE"
# or "[FAKE]" after the words (quotes31): a fact-check quoted as the claim. A dash's label ends its sentence or line
# ("- false alarms" is no label); a verdict word's comes right after its colon ("Verdict: it was not false" is none)
# and is no phrase's first word ("Rating: false alarm").
_VERDICT_WORDS = (r"verdict|our verdict|rating|our rating|ruling|our ruling|conclusion|veredicto|calificación|verdade"
                  r"|verdetto|urteil|bewertung|fazit|évaluation")
_VERDICTS = rf"{_DEBUNK_LABELS}|pants on fire|mostly false|four pinocchios|three pinocchios|incorrect|wrong|fabricated"
_DEBUNK_AFTER_RE = re.compile(
    rf"(?<![\w-])(?P<label>(?:{_VERDICT_WORDS})\s*:\s*(?:{_VERDICTS})(?![\w-]|\s+(?-i:[a-zà-öø-ÿ]))"
    rf"|(?<=\s)-+\s*(?:{_DEBUNK_LABELS})(?=[\s.!]*(?:$|\n))"
    rf"|\[\s*(?:{_DEBUNK_LABELS})\s*\]|\(\s*(?:{_DEBUNK_LABELS})\s*\))", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[!?…\n]|\.(?!\w|\s+[a-zà-öø-ÿ])")   # no _INNER_STOP: "FALSE: the U.S. vote…" (quotes31)
# Single quotation marks, told from apostrophes by what stands around them ("don't", "players' day" are none).
_OPENING_SINGLE_RE = re.compile(r"(?:^|(?<=[\s(\[]))'(?=\w)")
_CLOSING_SINGLE_RE = re.compile(r"(?<=[\w.,!?])'(?=[\s.,;:!?)\]]|$)")
QUOTED_BY_POST = "the post quotes these words from someone else (they stand in its own quotation marks)"


def _undone(post: list[str], start: int, end: int, found: str, *, named: str = "") -> tuple[str, ...]:
    """What the post says around its quoted words post[start:end] that undoes them, and a partial quote leaves out:
    a "Not." (or "/s", "JK", "Kidding.") right after them, a debunk label heading their sentence ("FALSE:"), its own
    quotation marks around them (the post quotes someone else, to rebut them): each passed as a verified partial
    quote (quotes30b). Said in words; () when the quote is the whole post. `named`: the negation word right after
    them that the evidence names already ("I did" of "I did\nNOT"), not named twice."""
    if not start and end >= len(post):
        return ()
    span = _run_span(post, start, end, found)
    if span is None:
        return ()
    text, first, last = span
    notes = []
    after = _UNDONE_AFTER_RE.match(text, last) if end < len(post) else None
    undo = next((g for g in after.group("word", "ellipsis", "mark") if g), "") if after is not None else ""
    if undo and _key(named) != _key(undo.strip(" .!?…")):
        notes.append(f'the post goes on with "{undo.strip()}" (undoing the quoted words?)')
    # the whole text searched: a stop's lookahead reads the word after it, which may be the quote's first
    head = max((m.end() for m in _SENTENCE_END_RE.finditer(text) if m.end() <= first), default=0)
    label = _DEBUNK_LABEL_RE.match(text, head, first) if start else None
    if label is not None:
        notes.append(f'the post labels it "{" ".join(label.group("label").split())}" (a debunk the quote leaves out?)')
    verdict = _DEBUNK_AFTER_RE.search(text, last) if end < len(post) else None
    if verdict is not None:
        notes.append(f'the post labels it "{" ".join(verdict.group("label").split())}" (a debunk the quote leaves '
                     "out?)")
    if _in_quotation(text, first, last):
        notes.append(QUOTED_BY_POST)
    return tuple(notes)


def _in_quotation(text: str, first: int, last: int) -> bool:
    """Whether text[first:last] stands inside one pair of the text's quotation marks: double ones (curly ones and
    guillemets are straightened to them), Japanese brackets, single ones."""
    inner = text[first:last]
    if '"' not in inner and text.count('"', 0, first) % 2 and '"' in text[last:]:
        return True
    for opening, closing in ("「」", "『』"):
        at, to = text.rfind(opening, 0, first), text.find(closing, last)
        if at >= 0 and to >= 0 and closing not in text[at:first] and opening not in text[last:to] \
                and opening not in inner and closing not in inner:
            return True
    opening_at = [m.start() for m in _OPENING_SINGLE_RE.finditer(text)]
    closing_at = [m.start() for m in _CLOSING_SINGLE_RE.finditer(text)]
    before = max((i for i in opening_at + closing_at if i < first), default=None)
    after = min((i for i in opening_at + closing_at if i >= last), default=None)
    return before in opening_at and after in closing_at \
        and not any(first <= i < last for i in opening_at + closing_at)


def _negation_in_clause(post: list[str], start: int, found: str, lang: str | None = None) -> str:
    """A negation word or frame before the post's quoted words in the clause that holds them (see
    _CLAUSE_NEGATION_RE), the nearest one as the post writes it; "" if none, or for a script without spaces."""
    if not start or _unspaced(post[start]) or not any(map(_may_negate, post[:start + 1])):   # most posts: none
        return ""
    text = _words_text(found)
    starts = _word_starts(text, start + 1)
    if len(starts) <= start or not text.startswith(post[start], starts[start]):
        return ""   # not the words compared (a figure split by a line break, "5\n%"): say nothing
    quoted, first_end = starts[start], starts[start] + len(post[start])
    clause = max((m.end() for m in _CLAUSE_END_RE.finditer(text, 0, first_end)), default=0)
    for at in range(start - 1, -1, -1):   # the nearest first; each tried where its word stands
        if starts[at] < clause:
            break
        negation = _CLAUSE_NEGATION_RE.match(text, starts[at], first_end) if _may_negate(post[at]) else None
        if negation is not None and _negation_here(post, at, found, lang) \
                and _language(lang) in _NEGATIONS_OF_A_LANGUAGE.get(_key(post[at]), (_language(lang),)):
            begins = clause if negation.group("frame") else negation.start()
            return " ".join(text[begins:min(negation.end(), quoted)].split()).lstrip("\"'(")
    return ""


def _negation_before(post: list[str], start: int, found: str = "", lang: str | None = None) -> str:
    """A negation written just before the post's quoted characters ("不" of 不可能 for a quote of 可能), which in
    a script without spaces a contiguous excerpt can leave out mid-word, or a negation word just before the quoted
    words ("no" of "no evidence of fraud"); "" if none."""
    if start and found and not _unspaced(post[start - 1]):
        return _word_negation(post, start - 1, start, found, lang)
    if not start or not _unspaced(post[start - 1]) or not _unspaced(post[start]):
        return ""
    before = "".join(post[max(0, start - 3):start])
    return next((n for n in _NEGATIONS if before.endswith(n)), "")


def _opens_sentence(said: list[str], post: list[str], first: tuple[str, int, int, int, int],
                    glued: Mapping[int, tuple[str, str]], said_text: str, found: str) -> bool:
    """Whether a quote that starts right after a negation of the post's opens as a sentence of its own: its first word
    with a capital where the post writes it in lower case ("Arrests were made" of "No arrests were made"), not marked
    as the article's ("[A]rrests"), and no negation of its own in its first sentence (Polish "Tego nie" of "Nigdy tego
    nie": the concord keeps the sense). Such a quote presents the rest of the post's sentence as the whole of it, and
    says the opposite (newuser37 §3: it warned as a partial quote). In a script without case (Arabic, Persian,
    Hebrew), where no capital can show it, a quote starting right after a negation that opens the post's sentence
    ("نريد الحرب" of "لا نريد الحرب": newuser43a #6, it warned); not after a word that is a negation only at times."""
    _, i1, _, j1, _ = first
    if i1 or 0 in glued:
        return False
    if _caseless(said[0]) and _caseless(post[j1]):
        negation = _key(post[j1 - 1]) if j1 else ""
        if not negation or negation in _AMBIGUOUS_NEGATIONS or negation in _NEGATIONS_OF_A_LANGUAGE \
                or negation in _ALSO_OTHER_WORDS or negation in _WITH_A_NEGATED_VERB:
            return False
        text = _words_text(found)
        starts = _word_starts(text, j1)
        if len(starts) < j1 or not _SENTENCE_START_RE.search(text, 0, starts[j1 - 1]):
            return False
    elif not said[0][:1].isupper() or not post[j1][:1].islower():
        return False
    sentence = re.split(r"[.!?;:](?:\s|$)", normalise(said_text), maxsplit=1)[0]
    # Arabic "ما" negates as often as it asks "what": "ما نريد الحرب" of "لا ما نريد الحرب" keeps the sense (review44b)
    return not any(_negates(w) or _key(w) in _NEGATIONS_OF_A_LANGUAGE for w in tokens(sentence))


def _caseless(word: str) -> bool:
    """Whether a word of a script written with spaces starts with a letter that has no case (Arabic, Hebrew)."""
    first = word.lstrip("@#")[:1]
    return first.isalpha() and not first.isupper() and not first.islower() and not _unspaced(word)


def _negation_after(post: list[str], end: int, found: str, lang: str | None = None) -> str:
    """A negation written just after the post's quoted characters (ない of 知っていない for a quote of 知ってい),
    which an excerpt cut at the verb's stem leaves out; "" if none, or if anything parts them in the post (a
    quote that ends with the post's sentence or line: 来た。ない袖は…)."""
    if end and end < len(post) and not _unspaced(post[end]):
        return _word_negation(post, end, end - 1, found, lang)   # "I did" of "I did not do it"
    if not end or end >= len(post) or not _unspaced(post[end - 1]) or not _unspaced(post[end]):
        return ""
    stem = "".join(reversed(list(takewhile(_unspaced, reversed(post[max(0, end - 3):end])))))
    following = "".join(post[end:end + 6])
    negation = _NEGATION_AFTER_RE.match(following) or _COLLOQUIAL_AFTER_RE.match(stem + following, len(stem))
    if negation is None and _is_kanji(stem[-1:]):
        negation = _SURU_NEGATION_AFTER_RE.match(following)
    if negation is None:
        return ""
    return negation.group(0) if stem + negation.group(0) in normalise(found) else ""


def _is_kanji(char: str) -> bool:
    """Is `char` a Han ideograph (or 々, which repeats one)?"""
    return char == "々" or "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _run_at(a: list[str], b: list[str]) -> int | None:
    """Where `a` stands whole in `b`, word for word, first: one search of the joined words (words hold no NUL), where
    each place was sliced and compared (perf44: quadratic in a long quote's words)."""
    text = "\0" + "\0".join(b) + "\0"
    found = text.find("\0" + "\0".join(a) + "\0")
    return None if found < 0 else text.count("\0", 0, found)


# Word pairs a longest common subsequence is found over with a table (a fraction of a second); longer texts are
# matched as `_long_pairs` says.
TABLE_MOST = 250_000
# Past this many pairs a stretch between two shared words of the long texts is no longer matched word by word.
_STRETCH_MOST = 40_000
# How often a stretch is parted again by the words only it holds once on both sides.
_PARTINGS_MOST = 6


def _table_pairs(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """The matched (i, j) of a longest common subsequence, from a table of both texts' words."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]   # table[i][j]: LCS of a[i:] and b[j:]
    for i in range(n - 1, -1, -1):
        row, below, word = table[i], table[i + 1], a[i]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if word == b[j] else max(below[j], row[j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:   # matching equal words at once is always part of some longest subsequence
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _long_pairs(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """The matched (i, j) of two long texts, in linear time and memory, as a diff does (#14; perf44: a table of two
    20,000-word texts was 400 million cells, minutes and gigabytes): the words the two share at their start and end;
    between them, the words each side holds once, in the longest order both keep them (a patience diff); each stretch
    between two such words parted again the same way, and matched word by word once it is small. A stretch still too
    long with no word once on each side (a chant, a refrain repeated) is matched by its fewest edits while they are
    few (`_fewest_edits`): left unmatched, a quote of a repeated refrain was "no word of the post's" or hundreds of
    words "replaced" (review45d); past that work, it is left unmatched: a replacement, which it then nearly always
    is."""
    pairs: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b), 0)]
    work = [_EDITS_WORK]
    while stack:
        lo_a, hi_a, lo_b, hi_b, partings = stack.pop()
        while lo_a < hi_a and lo_b < hi_b and a[lo_a] == b[lo_b]:
            pairs.append((lo_a, lo_b))
            lo_a, lo_b = lo_a + 1, lo_b + 1
        ends, kept = (hi_a, hi_b), len(pairs)
        while lo_a < hi_a and lo_b < hi_b and a[hi_a - 1] == b[hi_b - 1]:
            hi_a, hi_b = hi_a - 1, hi_b - 1
            pairs.append((hi_a, hi_b))
        if lo_a == hi_a or lo_b == hi_b:
            continue
        if (hi_a - lo_a) * (hi_b - lo_b) <= _STRETCH_MOST:
            pairs += [(lo_a + i, lo_b + j) for i, j in _table_pairs(a[lo_a:hi_a], b[lo_b:hi_b])]
            continue
        anchors = _once_on_both_sides(a, lo_a, hi_a, b, lo_b, hi_b) if partings < _PARTINGS_MOST else []
        if not anchors:   # no word once on each side (a chant, a refrain): its fewest edits, if they are few, read
            # from its start as the table does (its shared end, matched first, put a quote's unquoted rest inside it)
            found = _fewest_edits(a[lo_a:ends[0]], b[lo_b:ends[1]], work)
            if found is None and (unmatched := _NOT_MATCHED.get()) is not None:
                unmatched.append((hi_a - lo_a, hi_b - lo_b))
            if found is not None:
                del pairs[kept:]
                pairs += [(lo_a + i, lo_b + j) for i, j in found]
            continue
        pairs += anchors
        for (i1, j1), (i2, j2) in zip([(lo_a - 1, lo_b - 1), *anchors], [*anchors, (hi_a, hi_b)]):
            if i2 - i1 > 1 and j2 - j1 > 1:
                stack.append((i1 + 1, i2, j1 + 1, j2, partings + 1))
    return sorted(pairs)


# The stretches (their words on each side) `_long_pairs` left unmatched in the comparison under way, past the work
# `_fewest_edits` may do: `compare` says so, where its words were "replaced" or "no word of the post's" (review46c)
_NOT_MATCHED: ContextVar[list[tuple[int, int]] | None] = ContextVar("_NOT_MATCHED", default=None)
# Steps `_fewest_edits` may take over one comparison of two long texts: about a second at most.
_EDITS_WORK = 1_000_000


def _fewest_edits(a: list[str], b: list[str], work: list[int]) -> list[tuple[int, int]] | None:
    """The matched (i, j) of a longest common subsequence of `a` and `b`, from their fewest edits (Myers' O((N+M)D)
    greedy diff): linear where the two differ little, as a quote of a repeated refrain does from its post. None once
    the steps left in `work` (taken from it) are spent: the two differ too much to say so cheaply."""
    n, m = len(a), len(b)
    furthest = {1: 0}   # furthest[k]: the furthest x reached on diagonal k = x - y
    trace = []
    for d in range(n + m + 1):
        trace.append(dict(furthest))
        work[0] -= 2 * d + 1
        for k in range(-d, d + 1, 2):
            x = furthest[k + 1] if k == -d or k != d and furthest[k - 1] < furthest[k + 1] else furthest[k - 1] + 1
            y, start = x - k, x
            while x < n and y < m and a[x] == b[y]:
                x, y = x + 1, y + 1
            work[0] -= x - start
            furthest[k] = x
            if x >= n and y >= m:
                return _edits_back(trace, n, m)
        if work[0] < 0:
            return None
    return None


def _edits_back(trace: list[dict[int, int]], x: int, y: int) -> list[tuple[int, int]]:
    """The words `_fewest_edits` matched, read back from the furthest places it reached at each number of edits."""
    pairs = []
    for d in range(len(trace) - 1, -1, -1):
        furthest, k = trace[d], x - y
        back = k + 1 if k == -d or k != d and furthest[k - 1] < furthest[k + 1] else k - 1
        back_x = furthest[back]
        back_y = back_x - back
        while x > back_x and y > back_y:
            x, y = x - 1, y - 1
            pairs.append((x, y))
        x, y = back_x, back_y
    return pairs[::-1]


def _once_on_both_sides(a: list[str], lo_a: int, hi_a: int, b: list[str], lo_b: int,
                        hi_b: int) -> list[tuple[int, int]]:
    """The (i, j) of the words a[lo_a:hi_a] and b[lo_b:hi_b] each hold once, the longest run of them both keep in
    order (patience sorting: a longest increasing subsequence of their places in b)."""
    seen_a: dict[str, int] = {}
    for i in range(lo_a, hi_a):
        seen_a[a[i]] = -1 if a[i] in seen_a else i
    seen_b: dict[str, int] = {}
    for j in range(lo_b, hi_b):
        if seen_a.get(b[j], -1) >= 0:
            seen_b[b[j]] = -1 if b[j] in seen_b else j
    both = sorted((seen_a[w], j) for w, j in seen_b.items() if j >= 0)
    tails: list[int] = []   # tails[k]: the index in `both` ending the best run of k + 1 so far
    before = [-1] * len(both)
    for k, (_, j) in enumerate(both):
        place = _place(both, tails, j)
        if place:
            before[k] = tails[place - 1]
        if place == len(tails):
            tails.append(k)
        else:
            tails[place] = k
    run, k = [], tails[-1] if tails else -1
    while k >= 0:
        run.append(both[k])
        k = before[k]
    return run[::-1]


def _place(both: list[tuple[int, int]], tails: list[int], j: int) -> int:
    """bisect_left of `j` among the b places of `tails` (ascending), without building their list."""
    lo, hi = 0, len(tails)
    while lo < hi:
        mid = (lo + hi) // 2
        if both[tails[mid]][1] < j:
            lo = mid + 1
        else:
            hi = mid
    return lo


def opcodes(a: list[str], b: list[str], gaps: Collection[int] = ()) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes (equal/replace/delete/insert) from a longest common subsequence of words. difflib's
    SequenceMatcher matches the longest block first, so with repeated words ("alpha zebra alpha alpha" against four alphas) it matches two
    and calls the rest glue; the true LCS matches three and shows the change. Two long texts (a post and its capture,
    a page's long quote) are matched as `_long_pairs` says, in linear time and memory (#14). `gaps`: where `a` was
    cut with "…" (the index of the word after each): a quote whose pieces each stand whole in `b` is matched there
    (`_pieces_pairs`)."""
    n, m = len(a), len(b)
    at = _run_at(a, b) if n else None
    if at is not None:   # a run of b: matched as one block, not by the first equal words (characters repeat often)
        return [op for op in (("insert", 0, 0, 0, at), ("equal", 0, n, at, at + n), ("insert", n, n, at + n, m))
                if op[2] > op[1] or op[4] > op[3]]
    pairs = _pieces_pairs(a, b, gaps) if gaps else None
    if pairs is None:
        pairs = _table_pairs(a, b) if n * m <= TABLE_MOST else _long_pairs(a, b)
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for pi, pj in pairs + [(n, m)]:
        if (pi, pj) != (i, j):
            tag = "replace" if pi > i and pj > j else "delete" if pi > i else "insert"
            ops.append((tag, i, pi, j, pj))
        if (pi, pj) != (n, m):
            if ops and ops[-1][0] == "equal" and ops[-1][2] == pi:
                ops[-1] = ("equal", ops[-1][1], pi + 1, ops[-1][3], pj + 1)
            else:
                ops.append(("equal", pi, pi + 1, pj, pj + 1))
        i, j = pi + 1, pj + 1
    return ops


# Places of a quote's first piece `_pieces_pairs` tries, at most.
_FIRST_PIECE_PLACES = 64


def _pieces_pairs(a: list[str], b: list[str], gaps: Collection[int]) -> list[tuple[int, int]] | None:
    """The matched (i, j) of a quote `a` cut with "…" at `gaps` whose pieces each stand whole in `b`, in order: each
    where the pieces stand nearest together (the fewest words of `b` between the first and the last). None where one
    does not. The word table matched a piece's first words where they first stand in `b`: "he will win … this year"
    of "He said he will run. Now he will win the race this year." failed as "dropped "said he"; dropped "run Now he
    will"" where each piece stands whole (review45d)."""
    cuts = [0, *sorted(g for g in set(gaps) if 0 < g < len(a)), len(a)]
    pieces = [(x, y) for x, y in zip(cuts, cuts[1:]) if y > x]
    if len(pieces) < 2:
        return None
    text = "\0" + "\0".join(b) + "\0"
    word_at = {}   # the offset in `text` of the NUL before each word: that word's index
    offset = 0
    for k, word in enumerate(b):
        word_at[offset] = k
        offset += len(word) + 1
    word_at[offset] = len(b)
    starts = sorted(word_at)
    needles = ["\0" + "\0".join(a[x:y]) + "\0" for x, y in pieces]
    best: tuple[int, list[int]] | None = None
    first = text.find(needles[0])
    for _ in range(_FIRST_PIECE_PLACES):
        if first < 0:
            break
        places, after = [word_at[first]], word_at[first] + pieces[0][1] - pieces[0][0]
        for (x, y), needle in zip(pieces[1:], needles[1:]):
            found = text.find(needle, starts[after])
            if found < 0:
                break
            places.append(word_at[found])
            after = word_at[found] + y - x
        else:
            if best is None or after - places[0] < best[0]:
                best = (after - places[0], places)
        if len(places) < len(pieces):
            break   # a later first place finds no later place for the rest either
        first = text.find(needles[0], first + 1)
    if best is None:
        return None
    return [(x + k, at + k) for (x, y), at in zip(pieces, best[1]) for k in range(y - x)]


_Op = tuple[str, int, int, int, int]   # an opcode: tag, the article's words i1:i2, the post's j1:j2


MOVED = "the same words in another order"
# Words between two that trade places, at most: "Okafor and Marsh" quoted "Marsh and Okafor" (newuser42b #4).
MOVED_ACROSS = 3


def _moved(ops: list[_Op], said: list[str], post: list[str], gaps: set[int], bracketed: frozenset[int]) -> list[_Op]:
    """The opcodes with words the article adds on one side of a short run the two share, and the same words it drops
    on the other, made one change of both and the run: words that trade places. Read word by word, "Marsh and Okafor"
    of "Okafor and Marsh" was `dropped "and Marsh"`, the "Marsh and" it put first left out as glue (newuser42b #4)."""
    for k in range(len(ops) - 2):
        one, between, other = ops[k:k + 3]
        if between[0] != "equal" or between[2] - between[1] > MOVED_ACROSS or {one[0], other[0]} != {"delete", "insert"}:
            continue
        added, dropped = (one, other) if one[0] == "delete" else (other, one)
        if sorted(map(_key, said[added[1]:added[2]])) != sorted(map(_key, post[dropped[3]:dropped[4]])) \
                or dropped[1] in gaps or any(i in bracketed for i in range(one[1], other[2])):
            continue
        merged = ("replace", one[1], other[2], one[3], other[4])
        rest = ops[:k] + [merged] + ops[k + 3:]
        if any(op[0] == "equal" for op in rest):
            return rest
    return ops


def _date_turned(change: Change) -> bool:
    """Whether a reordered change is a date's day and its month's name in the other order ("March 3" of "3 March"): the
    same date (review43b: it failed as words that trade places)."""
    from resolver.extract.dates import month_number   # the month names the date checks read, in their languages

    words = change.post.split()
    if len(words) != 2:
        return False
    day, month = sorted(words, key=lambda w: not _figures([w]))
    number = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", day, re.IGNORECASE)   # "3rd March" of "March 3rd"
    return number is not None and 1 <= int(number.group(1)) <= 31 and not _figures([month]) \
        and month_number(month) is not None


def _reordered(change: Change) -> bool:
    """Whether a change's two sides are the same words in another order."""
    post, said = change.post.split(), change.article.split()
    return len(post) > 1 and not change.alike and not change.bracketed and post != said \
        and sorted(map(_key, post)) == sorted(map(_key, said))


def _whole_brackets(ops: list[_Op], bracketed: frozenset[int], gaps: set[int]) -> list[_Op]:
    """The opcodes with each run of the article's bracketed words that shares a word with the post, and differs from it
    beside that word by words one side alone has, made one change: the brackets in place of the post's words there
    ("[Der Bundeskanzler]" for "Bundeskanzler Scholz", "[Bundeskanzler Scholz]" for "Scholz"). Read word by word, the
    shared word matched and the name was "dropped", or the role "glued on by a scraper" (verdicts38). Post words beside the run count where the
    quote goes on past them, never an elision's; at least one equal block is left outside brackets."""
    if not bracketed:
        return ops
    runs: list[list[int]] = []
    for i in sorted(bracketed):
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    for b1, b2 in runs:
        split: list[_Op] = []
        for tag, i1, i2, j1, j2 in ops:   # an equal block crossing the run's ends, cut there
            cuts = sorted({i1, i2, *(b for b in (b1, b2) if i1 < b < i2)}) if tag == "equal" else [i1, i2]
            split += [(tag, x, y, j1 + x - i1, j1 + y - i1) for x, y in zip(cuts, cuts[1:])] if tag == "equal" \
                else [(tag, i1, i2, j1, j2)]
        touching = [k for k, (tag, i1, i2, _, _) in enumerate(split)
                    if i1 < b2 and i2 > b1 or tag == "insert" and i1 not in gaps and (
                        b1 < i1 < b2 or i1 == b2 and k + 1 < len(split) or i1 == b1 and k > 0)]
        if not touching:
            continue
        first, last = touching[0], touching[-1]
        inside = split[first:last + 1]
        if {op[0] == "equal" for op in inside} != {True, False} or all(op[0] in ("equal", "replace") for op in inside) \
                or not any(op[0] == "equal" for op in split[:first] + split[last + 1:]):
            continue   # no word shared, or nothing else, or only words replaced ("[Mr. Jones]" for "Jim Jones": the
            # rules of the word replaced say it); or the brackets are all the words shared
        merged = ("replace", inside[0][1], inside[-1][2], min(op[3] for op in inside), max(op[4] for op in inside))
        ops = split[:first] + [merged] + split[last + 1:]
    joined: list[_Op] = []
    for op in ops:   # equal blocks cut and left apart, one again
        if joined and op[0] == joined[-1][0] == "equal" and joined[-1][2] == op[1]:
            joined[-1] = ("equal", joined[-1][1], op[2], joined[-1][3], op[4])
        else:
            joined.append(op)
    return joined


def _change_of(op: tuple[str, int, int, int, int], said: list[str], post: list[str], gaps: set[int],
               bracketed: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
               names: frozenset[int] = frozenset(), maybe: frozenset[int] = frozenset()) -> Change:
    """A non-equal opcode as a Change. `bracketed`: the positions of the article's and the post's words in
    [brackets]; the article's alone there are its own words, marked as such, unless they stand in place of one of
    the post's `names` they do not hold: "[Smith]" for "he" says whom the post means, "[Smith]" for "Jones" puts
    another person in its words, a change (quotes31). `maybe`: a German post's capitals that may be a name or a
    noun, names where the brackets hold a bare name too ("[Merz]" for "Scholz": quotes35)."""
    tag, i1, i2, j1, j2 = op
    elided = tag == "insert" and i1 in gaps
    ours, theirs = bracketed
    if i2 > i1 and all(i in ours for i in range(i1, i2)) and not any(j in theirs for j in range(j1, j2)):
        if maybe and _bare_name(said[i1:i2]):   # not a plural for a plural ("[Demonstranten]" for "Menschen")
            names = names | {j for j in maybe.intersection(range(j1, j2))
                             if not (post[j].endswith("en") and said[i2 - 1].endswith("en"))}
        if _bare_name(said[i1:i2]) and _particled_surname(post[j1:j2]):
            # "[Scholz]" for "von der Leyen": brackets in place of the particles too hold one surname ("von der
            # Stadt" is written alike, but "von der [Berlin]" replaces the noun alone: quotes36)
            names = names | {j for j in range(j1, j2) if post[j][:1].isupper() and not _particle(post[j])}
        if _initialism(said[i1:i2]) and any(c.islower() for w in post for c in w):
            # "UN", "US" in capitals are initialisms, no words ("un", "us"), where brackets put one in their place
            # ("[WHO]" for "UN" warned: review34r2); not in a post all in capitals, whose "US" may be "us"
            names = names | {j for j in range(j1, j2) if _initialism([post[j]]) and len(post[j]) <= 4}
        bracketed_here = not _turns(post[j1:j2], said[i1:i2])
        if _another_country(said[i1:i2], post[j1:j2]):   # "[France]", "[Die französische Regierung]" for "Moskau"
            return Change(_join(post[j1:j2]), f"[{_join(said[i1:i2])}]")
        which = _role_run(post[j1:j2])
        if which is not None and _names_someone(said[i1:i2]):
            # "[Pistorius]" for "Defence Minister": the words before a role say which, no name (quotes36); but not
            # the name whose role it is ("[Biden]" for "Biden's spokesman")
            if {_bare(w) for w in said[i1:i2]} & {_bare(w) for w in which}:
                return Change(_join(post[j1:j2]), f"[{_join(said[i1:i2])}]")
            if _says_which(which) or _names_a_body(which, post[j2 - 1]):
                return Change(_join(post[j1:j2]), _join(said[i1:i2]), elided, bracketed=bracketed_here,
                              unchecked=NAME_FOR_A_ROLE)
        if any(j in names and not _names_held(post[j], said[i1:i2], person=_person(post, j1, j2),
                                              alone=_first_name_alone(post, j)) for j in range(j1, j2)):
            # "[The President]" for "Biden"; not "[President]" for the title "Sen." (review31r1)
            if _body_for_a_place(said[i1:i2], post[j1:j2]):   # "[The government]" for "Moscow" (quotes36)
                return Change(_join(post[j1:j2]), _join(said[i1:i2]), elided, bracketed=bracketed_here,
                              unchecked=BODY_FOR_A_PLACE)
            if _country_for_its_capital(said[i1:i2], post[j1:j2]):   # "[Russia]" for "Moscow" (quotes37)
                return Change(_join(post[j1:j2]), _join(said[i1:i2]), elided, bracketed=bracketed_here,
                              unchecked=PLACE_FOR_ITS_GOVERNMENT)
            if _seat_of_its_capital(said[i1:i2], post[j1:j2]):   # "[The Kremlin]" for "Moscow" (verdicts38)
                return Change(_join(post[j1:j2]), _join(said[i1:i2]), elided, bracketed=bracketed_here,
                              unchecked=SEAT_FOR_ITS_CAPITAL)
            if _a_role(said[i1:i2]) and not any(_bare(w) in _TITLES for w in post[j1:j2]) \
                    and not _others_named(post, j1, j2, names) and not _several_for_one(said[i1:i2], post[j1:j2]):
                return Change(_join(post[j1:j2]), _join(said[i1:i2]), elided, bracketed=bracketed_here,
                              unchecked=ROLE_FOR_A_NAME)
            return Change(_join(post[j1:j2]), f"[{_join(said[i1:i2])}]")
        # a name they hold other than word for word: an alias, a spelling, another script (quotes32: say so)
        unchecked = any(j in names and _key(post[j]) not in map(_key, said[i1:i2]) for j in range(j1, j2))
        return Change(_join(post[j1:j2]), _join(said[i1:i2]), elided, bracketed=bracketed_here,
                      unchecked=(SEAT_FOR_A_BODY if _seat(said[i1:i2]) and _initialism(post[j1:j2]) else UNCHECKED_NAME)
                      if unchecked else NAME_FOR_A_ROLE if _name_for_a_role(
                          said[i1:i2], post[j1:j2]) else BODY_FOR_A_PLACE if _body_for_a_place(
                          said[i1:i2], post[j1:j2]) else PLACE_FOR_ITS_GOVERNMENT if _country_for_its_capital(
                          said[i1:i2], post[j1:j2]) else SEAT_FOR_ITS_CAPITAL if _seat_of_its_capital(
                          said[i1:i2], post[j1:j2]) else "")
    grouped = _group_turned(op, said, post) if not elided and not ours and not theirs else None
    if grouped is not None:
        return grouped
    return Change(_join(post[j1:j2]), _with_brackets(said, i1, i2, ours), elided)


def _group_turned(op: tuple[str, int, int, int, int], said: list[str], post: list[str]) -> Change | None:
    """A thousands' group added or dropped after a figure both sides give ("2 000 milliards" of "2 milliards", French
    and German group thousands with a space) as the figure changed, a thousand times the post's or a thousandth of
    it; it said `added "000"` (newuser46a #4). None for any other op."""
    tag, i1, i2, j1, j2 = op
    groups = said[i1:i2] if tag == "delete" else post[j1:j2] if tag == "insert" else []   # a: said, b: post
    if not groups or not i1 or not j1 or said[i1 - 1] != post[j1 - 1] or not re.fullmatch(r"\d{1,3}", said[i1 - 1]) \
            or not all(re.fullmatch(r"\d{3}", w) for w in groups):
        return None
    figure, longer = said[i1 - 1], " ".join([said[i1 - 1], *groups])
    times = {1: "a thousand", 2: "a million", 3: "a billion"}.get(len(groups), f"10^{3 * len(groups)}")
    if tag == "delete":
        return Change(figure, longer, looks=f"the figure {times} times the post's")
    return Change(longer, figure, looks=f"the figure {times}th of the post's")


def _with_brackets(said: list[str], i1: int, i2: int, bracketed: frozenset[int]) -> str:
    """The article's words said[i1:i2], those it puts in brackets shown in them: a change beside its own words reads
    "年 → [市が]月", not "年 → 市が月" (fixnu32c)."""
    runs: list[tuple[bool, list[str]]] = []
    for i in range(i1, i2):
        if runs and runs[-1][0] == (i in bracketed):
            runs[-1][1].append(said[i])
        else:
            runs.append((i in bracketed, [said[i]]))
    shown = [f"[{_join(words)}]" if inside else _join(words) for inside, words in runs]
    return "".join(part if not k or _unspaced(part.strip("[]")[:1]) and _unspaced(shown[k - 1].strip("[]")[-1:])
                   else " " + part for k, part in enumerate(shown))


def _names_held(name: str, words: list[str], *, person: str = "", alone: str | None = None) -> bool:
    """Whether an editor's bracketed `words` hold the post's `name`: the word itself, or for a handle the name it is
    made of ("[Joe Biden]" or "[Biden]" for "@JoeBiden"; not "[Smith]" for "@jones"); or may write it otherwise, or
    be another name for it that the tool cannot check (_unchecked_alias). `person`: the initials of the person whose
    full name holds it ("JJ" of "Jim Jones"), whom an initialism in brackets names only by those ("[JFK]" for "John F.
    Kennedy"; "[FBI]" for "Jim Jones" fails); `alone`: the name is a first name without a surname, whom the brackets
    may name in full ("[Biden]" for "Joe"), not by another first name ("[Jim]"); or by the surname the post gives it
    elsewhere, when it does ("[Jones]" for the "Joe" of "Joe Jones spoke. Thanks Joe"; not "[Smith]")."""
    keys = [_key(w) for w in words]
    if _key(name) in keys or _written_otherwise_name(name, words):
        return True
    if _is_first_name(name) and all(_bare(w) in _TITLES or _role(w) for w in words):
        return True   # "[Mr.] Jones" for "Jim Jones": a title in place of the first name, the surname kept
    if person and _initialism(words) and not any(map(_role, words)):   # "[POTUS]" for "Joe Biden": an office
        return "".join(w.casefold() for w in words if w.isalpha()) == person.casefold()
    if alone is not None and not any(map(_is_first_name, words)):
        return not alone or alone in map(_bare, words)
    if _unchecked_alias(name, words):
        return True
    handle = _key(name) if name.startswith("@") else ""
    return bool(handle) and (handle in "".join(keys) or any(len(k) > 2 and k in handle for k in keys))


# Titles before a surname, which an editor writes in place of a first name ("[Mr.] Jones" for "Jim Jones").
_TITLES = frozenset("mr mrs ms miss mx dr prof sir dame lord lady sen rep gov gen col capt lt sgt rev fr herr frau "
                    "señor señora sr sra monsieur madame mme m".split())


def _is_first_name(word: str) -> bool:
    from resolver.extract.credit_names import is_first_name   # only when a bracket stands for a name

    return word[:1].isupper() and is_first_name(word)


def _person(post: list[str], j1: int, j2: int) -> str:
    """The initials of a person's full name (a first name and a capitalised word after it: "Jim Jones") that the
    post's words post[j1:j2] are or hold, or ""."""
    for j in range(j1, j2):
        if _is_first_name(post[j]) and j + 1 < len(post) and post[j + 1][:1].isupper():
            run = list(takewhile(lambda w: w[:1].isupper() and not w.startswith("@"), post[j:]))
            return "".join(w[0] for w in run)
    return ""


def _first_name_alone(post: list[str], j: int) -> str | None:
    """Whether post[j] is a first name with no surname beside it ("Thanks Joe"), which brackets may complete: None if
    not; else the surname the post gives it elsewhere ("jones" of "Joe Jones spoke. Thanks Joe"), or ""."""
    if not _is_first_name(post[j]) or j + 1 < len(post) and post[j + 1][:1].isupper() \
            or j and _is_first_name(post[j - 1]):   # "Joe Jones", "Mary Joe": a name of two
        return None
    return next((_bare(post[k + 1]) for k in range(len(post) - 1) if k != j and _key(post[k]) == _key(post[j])
                 and post[k + 1][:1].isupper() and not post[k + 1].startswith("@")), "")


def _a_role(words: list[str]) -> bool:
    """Whether bracketed words are a person's role and nothing else: a role word (_ROLES, not a body's: _BODIES) with
    articles, possessives and words in small letters beside it ("[The President]", "[the city's mayor]"), no other capitalised word ("[President
    Trump]", "[The French President]" name someone or somewhere more)."""
    return any(_role(w) and not {_bare(w), _bare(w)[:-1], _bare(w)[:-2]} & _BODIES for w in words) and all(
        _role(w) or _bare(w) in _REFERRING or _bare(w) in _DETERMINERS or not w[:1].isupper()
        or re.search(r"['’]s$", w) for w in words)


def _name_for_a_role(words: list[str], post: list[str]) -> bool:
    """Whether bracketed `words` name someone (a capitalised word that is no role, pronoun or article: "[Felipe VI]")
    in place of the post's words `post`, which are a role after an article, and nothing else ("The President", "El
    Rey", "Der Kanzler")."""
    return len(post) >= 2 and _bare(post[0]) in _DETERMINERS and (_a_role(post[1:]) or _titled_role(post[1:])) \
        and _names_someone(words)


def _body_for_a_place(words: list[str], post: list[str]) -> bool:
    """Whether bracketed words are a body or a role and nothing more ("[The government]", "[the authorities]", "[Die
    Regierung]"; not "[The French government]": another capital names more), in place of a known place's name
    ("Moscow", "Washington", "Moscou"; credit_places' list), or its own people's body, for a capital ("[The Russian
    government]" for "Moscow", as German writes "[Die russische Regierung]": quotes37); never another people's
    ("[Die französische Regierung]" for "Moskau")."""
    from resolver.extract.credit_places import country_named, names_a_known_place, people_of

    capital_of = _capital_of(post)
    return any(_governing(w) for w in words) and all(
        _role(w) or _bare(w) in _REFERRING or _bare(w) in _DETERMINERS or not w[:1].isupper()
        or capital_of is not None and capital_of in (people_of(_bare(w)), country_named(_bare(w))) for w in words) \
        and bool(post) and all(w[:1].isupper() for w in post) and names_a_known_place(" ".join(post)) \
        and not _another_country(words, post)


def _capital_of(post: list[str]) -> frozenset[str] | None:
    """The names of the country whose capital the post's words name, each capitalised ("Moscow", "Moscou", "Kiew":
    credit_places' `_CAPITALS`), or None."""
    from resolver.extract.credit_places import country_of_capital

    if not post or not all(w[:1].isupper() for w in post):
        return None
    return country_of_capital(" ".join(_bare(w) for w in post))


def _country_for_its_capital(words: list[str], post: list[str]) -> bool:
    """Whether bracketed words name the country whose capital the post's words name, articles aside ("[Russia]" or
    "[La Russie]" for "Moscou"), in any language of `_CAPITALS` (quotes37)."""
    capital_of = _capital_of(post)
    own = [_bare(w) for w in words if _bare(w) not in _DETERMINERS]
    return capital_of is not None and bool(own) and _country(" ".join(own)) == capital_of


# Everyday names of a country that credit_places' table (shared with credits, where "America" is no place) does not
# give: "[America]" for "Washington" is "[The United States]" (verdicts38).
_COUNTRIES_ALSO = {"america": "united states", "amerika": "united states"}


def _country(words: str) -> frozenset[str] | None:
    """The names of the country `words` name (`credit_places.country_named`, or an everyday name of it), or None."""
    from resolver.extract.credit_places import country_named

    return country_named(_COUNTRIES_ALSO.get(words.casefold(), words))


# The capitals seats of power stand in, as `_SEATS` and other languages write them (verdicts38).
_SEAT_CAPITALS = {
    **dict.fromkeys(("kremlin", "kreml", "lubyanka"), "moscow"),
    **dict.fromkeys(("white house", "maison blanche", "casa blanca", "casa branca", "casa bianca", "weiße haus",
                     "weißen haus", "weisse haus", "weissen haus", "pentagon", "capitol", "capitol hill",
                     "foggy bottom"), "washington"),
    **dict.fromkeys(("élysée", "elysee", "matignon", "quai d'orsay"), "paris"),
    **dict.fromkeys(("moncloa", "zarzuela"), "madrid"), **dict.fromkeys(("kanzleramt", "bundeskanzleramt"), "berlin"),
    **dict.fromkeys(("downing street", "whitehall", "westminster"), "london"),
    **dict.fromkeys(("quirinale", "chigi", "palazzo chigi"), "rome"),
    "zhongnanhai": "beijing", "planalto": "brasilia", "blue house": "seoul", "kantei": "tokyo", "bankova": "kyiv",
    "casa rosada": "buenos aires", "los pinos": "mexico city"}


def _seat_of_its_capital(words: list[str], post: list[str]) -> bool:
    """Whether bracketed words name the seat of power (articles aside: "[The Kremlin]", "[L'Élysée]") of the capital the
    post's words name ("Moscow", "Moskau"; `_SEAT_CAPITALS`)."""
    from resolver.extract.credit_places import country_of_capital

    capital_of = _capital_of(post)
    own = " ".join(re.sub(r"^[ld]['’]", "", _key(w)) for w in words if _bare(w) not in _DETERMINERS)
    city = _SEAT_CAPITALS.get(own)
    return capital_of is not None and city is not None and country_of_capital(city) == capital_of


def _another_country(words: list[str], post: list[str]) -> bool:
    """Whether bracketed words name a country or a people other than the one whose capital the post's words name
    ("[France]", "[The French government]", "[Die französische Regierung]", "[Le gouvernement français]" for
    "Moscow"/"Moskau"/"Moscou"): another state put in the post's words, a change (quotes37)."""
    from resolver.extract.credit_places import people_of

    capital_of = _capital_of(post)
    if capital_of is None:
        return False
    own = [_bare(w) for w in words if _bare(w) not in _DETERMINERS]
    named = [_country(" ".join(own))] + [people_of(w) or _country(w) for w in own]
    return any(country is not None and country != capital_of for country in named)


# The roles that govern a place, for which a news text writes the place ("Moscow threatens"): a government, its
# offices and officials, a city's council and mayor; not another body there ("[The opposition]", "[The company]" for
# "Moscow": review36c).
_GOVERNING = frozenset(
    "government administration authority authorities regime official officials ministry council mayor leadership "
    "leader leaders president chancellor premier cabinet state gouvernement autorité autorités régime ministère "
    "conseil maire gobierno autoridad autoridades régimen ministerio alcalde governo autoridade autoridades ministério "
    "prefeito regierung bundesregierung behörde behörden regime ministerium bürgermeister senat "
    "stadt gemeinde".split())


def _governing(word: str) -> bool:
    """Whether a word names a role or a body that governs a place (`_GOVERNING`), in the singular or the plural."""
    key = _bare(word)
    return _role(word) and (key in _GOVERNING or key.endswith("s") and key[:-1] in _GOVERNING
                            or key.endswith("ies") and key[:-3] + "y" in _GOVERNING)


def _names_someone(words: list[str]) -> bool:
    """Whether bracketed words name someone: no role alone, and a capitalised word that is no role, pronoun or
    article ("[Felipe VI]", "[Pistorius]"; not "[The minister]", "[Er]")."""
    return not _a_role(words) and any(w[:1].isupper() and not _role(w) and _bare(w) not in _REFERRING
                                      and _bare(w) not in _DETERMINERS for w in words)


def _role_run(post: list[str]) -> list[str] | None:
    """The words saying which role a run of the post's words names, where the run is a person's role and nothing else:
    a role word last (not a body's: "White House", "Biden administration"), after an article or a possessive and at
    most three words before it ("Defence Minister", "Germany's Defence Minister", "The CDU leader", "Nurse", "Der
    Kanzler", "El Rey"): those words before the role ("Defence"; [] for "Nurse"), which may be a name's
    ("Scholz spokesman": _says_which tells). None for any other run, or one with a first name, a handle, an "and"
    or a second article in it ("Joe Biden's spokesman", "Jones and the mayor"). A role first, joined by "of" or its
    like to what says which ("Minister of Defence", "Presidente del Gobierno"), gives those words (`_role_first`);
    a role that heads a body is the last word after a capital too ("Hamas chief": `_HEADS`)."""
    start = 1 if len(post) > 1 and _bare(post[0]) in _DETERMINERS else 0
    last = post[-1] if post else ""
    first = _role_first(post[start:])
    if first is not None:
        return first
    if last.startswith("@") or not (_role(last) and not {_bare(last), _bare(last)[:-1], _bare(last)[:-2]} & _BODIES
            or start and _titled_role([last]) or _bare(last) in _HEADS and len(post) - start > 1):
        return None
    which = post[start:-1]
    if len(which) > 3 or any(_is_first_name(w) or w.startswith("@") or _bare(w) in _AND or _bare(w) in _DETERMINERS
                             for w in which):
        return None
    return which


def _role_first(post: list[str]) -> list[str] | None:
    """The words saying which role a run names where the role comes first and they follow it after "of" or its like
    ("Minister of Defence", "Secretary of State", "Presidente del Gobierno", "Président du gouvernement": quotes37),
    articles aside; None for any other run."""
    if len(post) < 3 or not _role(post[0]) or {_bare(post[0]), _bare(post[0])[:-1]} & _BODIES \
            or _bare(post[1]) not in _OF:
        return None
    which = [w for w in post[2:] if _bare(w) not in _DETERMINERS]
    if not which or len(which) > 3 or any(_is_first_name(w) or w.startswith("@") or _bare(w) in _AND for w in which):
        return None
    return which


# The words joining a role to what says which ("Minister of Defence", "Presidente del Gobierno", "Ministre des
# Armées", "Minister der Verteidigung", "Ministro da Defesa").
_OF = frozenset("of for del de du des der für da do dos das di della".split())
# Roles that head a body, which a person has none of: a capital before one names a body ("Hamas leader", "Wagner chief",
# "The Hamas head"), not a person whose aide it is ("Scholz spokesman"): quotes37.
_HEADS = frozenset("leader chief head boss commander chairman chairwoman".split())
# Armed and political movements a news text names before a role ("Hamas spokesman", "Taliban spokesman"), which no
# list of agencies or places holds; before a role that follows a person as often, they say which one it is (quotes37).
# Words only: an initialism says which already (`_says_which`); none that is as often a surname or a first name
# ("Wagner", "Isis": "[Merz]" for "Wagner spokesman" must fail as for "Scholz spokesman").
_MOVEMENTS = frozenset("hamas hezbollah hizbollah hizballah fatah taliban houthi houthis daesh likud sinn fein".split())


def _names_a_body(which: list[str], role: str) -> bool:
    """Whether the capitalised words before a role name a body, not a person (quotes37): one or two words before a
    role that heads a body (`_HEADS`: "Hamas leader"), or a listed movement before any role ("Hamas spokesman")."""
    return 0 < len(which) <= 2 and all(w[:1].isupper() for w in which) and (
        _bare(role) in _HEADS or all(_bare(w) in _MOVEMENTS for w in which))


# Words before a role that say which office it is ("Prime Minister", "Defence Secretary", "Deputy Mayor", "Labour
# leader"), no one's name: a capitalised word before a role is as often a surname ("Scholz spokesman").
_OFFICE_WORDS = frozenset(
    "prime vice deputy acting interim foreign home interior defence defense finance treasury health education justice "
    "economy economic trade energy environment transport labour labor culture agriculture state federal national chief "
    "general attorney senior former first opposition shadow press security european regional local city county "
    "district party tory conservative liberal green white".split())
# Peoples' and parties' adjectives before a role ("German Chancellor", "Democratic leader"): a list, not an ending, as
# surnames end alike ("Erdogan", "Khan", "Draghi", "Dominic" spokesman: review36c, a swap only warned).
_PEOPLES = frozenset(
    "american british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss "
    "austrian polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian serbian "
    "croatian bosnian slovenian albanian macedonian montenegrin kosovan georgian armenian azerbaijani moldovan swedish "
    "norwegian danish finnish icelandic estonian latvian lithuanian chinese japanese korean taiwanese mongolian indian "
    "pakistani afghan bangladeshi nepali iranian iraqi syrian lebanese israeli palestinian jordanian egyptian saudi "
    "emirati qatari kuwaiti bahraini omani yemeni libyan tunisian algerian moroccan sudanese ethiopian eritrean somali "
    "kenyan ugandan rwandan congolese nigerian ghanaian senegalese malian african canadian mexican brazilian "
    "argentine argentinian chilean colombian venezuelan peruvian bolivian ecuadorian cuban haitian australian "
    "zealand vietnamese thai indonesian filipino malaysian singaporean burmese cambodian european asian arab western "
    "soviet kurdish democratic democrat republican socialist communist nationalist centrist catholic".split())


def _says_which(which: list[str]) -> bool:
    """Whether the capitalised words before a role say which office it is, none a name ("Defence", "Prime", "CDU",
    "Germany's", "White House", "Kremlin", "French"): words in small letters, initialisms, roles, office words, seats,
    known places and bodies, peoples' adjectives. Not a surname ("[Merz]" for "Scholz spokesman" fails: quotes36)."""
    from resolver.extract.credit_names import is_known_org
    from resolver.extract.credit_places import names_a_known_place

    bare = [re.sub(r"['’]s?$", "", w) for w in which]
    return not which or is_known_org(" ".join(bare)) or names_a_known_place(" ".join(bare)) or all(
        w[:1].islower() or _initialism([w]) or _role(w) or _key(w) in _OFFICE_WORDS or _key(w) in _SEATS
        or names_a_known_place(w) or is_known_org(w) or _key(w) in _PEOPLES for w in bare)


# Roles that are as often surnames ("Rey", "King", "Judge", "Papa"): a role only after an article ("El Rey", "The
# King"), which a surname is not written with; alone, a name still (quotes33 kept "King" out of _ROLES).
_TITLED_ROLES = frozenset("king queen prince princess pope judge bishop emperor sheriff rey reina príncipe princesa "
                          "papa roi reine princesse pape rei rainha re regina principe könig königin prinz "
                          "prinzessin papst kaiser richter".split())


def _titled_role(words: list[str]) -> bool:
    """Whether words are one role of _TITLED_ROLES ("Rey" of "El Rey")."""
    return len(words) == 1 and _bare(words[0]) in _TITLED_ROLES


def _several_for_one(words: list[str], post: list[str]) -> bool:
    """Whether bracketed words name a role in the plural ("[The senators]", "[Officials]") for one person's name, the
    post's words holding no "and" between names ("Biden and Macron"): several people for one (review34r2)."""
    return any(_role(w) and _bare(w) not in _ROLES for w in words) and not any(
        _bare(w) in _AND for w in post[1:-1])


# "And" of the languages the quote check reads, between two names ("Biden and Macron", "Scholz und Merz").
_AND = frozenset("and und et y e en".split())


# The words of _ROLES for a body, not a person's role: a body in brackets for a person's name ("[The police]" for
# "Jones") puts another in the post's words, and fails as a name replaced.
_BODIES = frozenset(
    "police government administration ministry agency department office bureau council court congress parliament "
    "senate house committee commission board company firm army military troop force navy militia regime opposition "
    "party campaign team club union state city county district federal fed hospital school university embassy "
    "network station channel newspaper newsroom news press gov govt pd hq staff family people authority "
    "policía gobierno ministerio autoridad ayuntamiento tribunal juzgado congreso senado partido ejército guardia "
    "fiscalía polícia governo ministério exército gouvernement ministère préfecture parquet armée gendarmerie autorité "
    "polizei regierung bundesregierung ministerium behörde behörden staatsanwaltschaft gericht bundeswehr armee "
    "feuerwehr stadt gemeinde".split())


# Days of the week, which a post writes with a capital and which name no one ("[The President] signed it on Monday").
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles jueves viernes "
                      "sábado domingo lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch "
                      "donnerstag freitag samstag sonntag".split())


def _others_named(post: list[str], j1: int, j2: int, names: frozenset[int]) -> bool:
    """Whether the post names another person than the one post[j1:j2] names, whom a role in brackets in its place
    could mean ("Biden met Trump. [The President] signed"): a handle or a name that is no known place or body, and no
    word of the replaced name's (the "Joe" of "Joe Biden" written elsewhere)."""
    from resolver.extract.credit_names import is_known_org
    from resolver.extract.credit_places import names_a_known_place
    from resolver.extract.dates import month_number

    replaced = {_key(w) for w in post[j1:j2]}
    # a word beside the name is its own as a first name before it ("Joe" of "Joe Biden") or a surname after it: not
    # any capital there ("Trump" of "Biden met Trump. Biden signed it" is another person: review34r2)
    own = {_key(post[k + d]) for k in range(len(post)) if _key(post[k]) in replaced
           for d in (-1, 1) if 0 <= k + d < len(post) and post[k + d][:1].isupper()
           and _is_first_name(post[min(k, k + d)])}
    def _place_or_body(k: int) -> bool:   # "Kyiv" alone; "New" and "York" of "New York" too; a body's initialism
        return _initialism([post[k]]) or _bare(post[k]) in _WEEKDAYS or month_number(post[k]) is not None or any(
            names_a_known_place(" ".join(post[a:b])) or is_known_org(" ".join(post[a:b]))
            for a, b in ((k, k + 1), (k - 1, k + 1), (k, k + 2)) if a >= 0 and b <= len(post))

    return any(_key(post[k]) not in replaced | own and (post[k].startswith("@") or not _place_or_body(k))
               for k in names if not j1 <= k < j2)


def _initialism(words: list[str]) -> bool:
    """Whether bracketed words are an initialism: capitals of 2-6 letters, or dotted single capitals ("U.S.")."""
    own = [w for w in words if w.isupper() and len(w) > 1 or _bare(w) not in _REFERRING]   # "US" is no "us"
    return bool(own) and (all(w.isupper() and w.isalpha() and 2 <= len(w) <= 6 for w in own)
                          or len(own) >= 2 and all(len(w) == 1 and w.isupper() for w in own))


# Initialisms whose usual names do not start with their letters, each with those names: a bracket holding one is the
# same name written otherwise ("[Republicans]" for "GOP"), one holding another name is not ("[Democrats]": quotes33).
_INITIALISM_NAMES = {
    "gop": ("republican", "republicans", "grand old party"),
    "uk": ("britain", "british", "united kingdom", "england", "london", "downing street", "whitehall", "gb",
           "great britain"),
    "gb": ("britain", "british", "united kingdom", "great britain", "england", "london", "uk"),
    "us": ("america", "american", "united states", "washington", "white house", "usa"),
    "usa": ("america", "american", "united states", "washington", "white house", "us"),
    "prc": ("china", "chinese", "beijing"), "dprk": ("north korea", "pyongyang", "nk"),
    "dod": ("pentagon", "defense department", "defence department", "war department"), "rok": ("south korea", "seoul"),
    "ksa": ("saudi arabia", "saudi", "riyadh"), "uae": ("emirates", "united arab emirates", "abu dhabi"),
    "drc": ("congo", "kinshasa"),
    # a shorter form of the same body's name, which letters cannot tell from another's ("[UN]" for "UNICEF"): quotes35
    "isis": ("is", "isil", "islamic state", "daesh"), "isil": ("is", "isis", "islamic state", "daesh"),
}   # with the capital or seat a news text writes for the state ("[London]" for "UK": review33r2)


def _unchecked_alias(name: str, words: list[str]) -> bool:
    """Whether bracketed `words` may be another name for the post's `name` that the tool cannot check, which an
    editor writes to clarify and a fail would call a misquote (quotes32): an initialism in the brackets, which is not
    expanded here ("[US]" or "[The U.S.]" for "America", "[GOP]" for "Republican"); a word in place of an initialism
    of the post's (up to four capitals: "[Britain]" for "UK", "[Republicans]" for "GOP"), unless the tool knows its
    names and the brackets hold none ("[Democrats]" for "GOP": _INITIALISM_NAMES); or in place of the account of an
    office or a body, whose holder or writer is not looked up: a handle in capitals ("@POTUS", "@X"), with a word for a
    role or a body in it ("@WhiteHouse", "@NYPDnews"), or an initialism and no first name ("@NYTimes", "@BBCWorld";
    not "@JaneJonesNYT": quotes33). A word for an initialism that its letters spell out is held by them instead
    (_written_otherwise_name: "[Democratic National Committee]" for "DNC"). Not another news organisation the tool
    knows by name in place of one ("[Bloomberg]" or "[NBC]" for "CNN": _another_outlet). A body's other name, old or
    new ("[X]" for "Twitter": _renamed)."""
    if _another_outlet(name, words):
        return False
    if _renamed(name, words):
        return True
    if not name.startswith("@"):
        if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 4):   # "JONES" is a name (quotes33)
            # one in capitals ("UNICEF", "JONES") is no other initialism's ("[WHO]", "[FBI]": review34r2)
            return _initialism(words) and (not (name.isupper() and name.isalpha()) or _same_initialism(name, words))
        return _may_name_initialism(name, words)
    if _initialism(words):
        return True
    letters = name.lstrip("@")
    parts = re.findall(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+", letters)
    return letters.isupper() or any(_role(p) for p in parts) or any(p.isupper() for p in parts) and not any(
        map(_is_first_name, parts))


def _same_initialism(name: str, words: list[str]) -> bool:
    """Whether the initialism in brackets (`words`) is the post's `name` dotted or not ("[U.S.]" for "US"), or one the
    tool knows as the same body's (_INITIALISM_NAMES: "[US]" for "USA"). Not one holding the other's letters, which
    letters cannot tell from another body's ("[UN]" for "UNICEF", "[EU]" for "EUR", "[US]" for "USSR": review34r2)."""
    ours = "".join(c for w in words if _bare(w) not in _REFERRING or w.isupper() for c in w if c.isalpha()).casefold()
    return bool(ours) and (ours == _key(name) or ours in _INITIALISM_NAMES.get(_key(name), ()))


def _may_name_initialism(name: str, words: list[str]) -> bool:
    """Whether bracketed `words` may name the body of the post's initialism `name`, which the tool does not expand:
    one of its names the tool knows (_INITIALISM_NAMES: "[Britain]" for "UK", "[UK]" for "GB", "[US]" for "USA"); the
    same letters dotted (_same_initialism), not another initialism ("[CIA]" for "FBI", "[UN]" for "UNICEF"); a word for its kind of body
    ("[The party]", "[the alliance]", "[Trump's party]"); or, for an initialism whose names it does not know, words
    that may spell it out, each capitalised one opening with one of its letters, one with its first or last
    ("[Democrats]" for "DNC", "[Justice Department]" for "DOJ"), not another body's name ("[Pentagon]" for "FBI", "[Republicans]" for "DNC"). Two
    initialisms or two names are two bodies: quotes33 warned on them all (quotes34)."""
    key = _key(name)
    known = _INITIALISM_NAMES.get(key)
    held = " " + " ".join(_bare(w) for w in words) + " "
    if known and any(f" {alias} " in held for alias in known):
        return True
    if _initialism(words):
        return _same_initialism(name, words)

    def _kind(w: str) -> bool:   # a word for the kind of body, and the words beside it that name none
        return _role(w) or _bare(w) in _REFERRING or not w[:1].isupper() or re.search(r"['’]s$", w) is not None

    if known:   # a word for its kind, with no other name beside it ("[Democratic leaders]" for "GOP": review33r2):
        #         a role or a word for a body's kind ("[the group]" for "ISIS": quotes35), not any noun in small
        #         letters ("Gli [russi]" for "Gli USA", "[the democrats]" for "GOP": review35r2)
        return all(map(_kind, words)) and any(_role(w) or _bare(w) in _BODY_KINDS or _bare(w).endswith("s") and
                                              _bare(w)[:-1] in _BODY_KINDS for w in words)
    if key in _SEAT_BODIES.get(_seat(words), ()):
        return True   # "[Kremlin]" for "FSB": a seat names whoever sits there (SEAT_FOR_A_BODY), not "CIA" (review35r2)
    named = [_key(w)[:1] for w in words if not _kind(w)]
    # one of them opens with its first or last letter ("[Justice Department]" for "DOJ", "[The Journal]" for "WSJ"):
    # a middle letter alone is too weak a sign ("[Biden]" for "FBI")
    return all(letter in key for letter in named) and (not named or bool({key[0], key[-1]} & set(named)))


# Words for the kind of body an initialism names, besides the roles (_ROLES), in the languages the checks know best:
# "[the group]", "[the militants]", "[the country]" for "ISIS" or "UK" (quotes35, review35r2). Singular, or a plural "s".
_BODY_KINDS = frozenset(
    "group organisation organization movement alliance bloc militant jihadist insurgent fighter terrorist extremist "
    "caliphate country nation kingdom republic federation grupo organización movimiento país nación reino "
    "república gruppo organizzazione movimento paese nazione regno repubblica groupe mouvement pays royaume "
    "république gruppe organisation bewegung land königreich republik".split())


# Seats of power, whose name a news text writes for whoever sits or rules there ("the Kremlin" for the Russian
# presidency, its government, at times its services): in brackets for an initialism the tool does not know ("[Kremlin]"
# for "FSB") the tool cannot tell the body meant from another, so it warns (quotes35). One a row of _INITIALISM_NAMES
# gives its body ("pentagon" the DOD's) is that body's, another's for any other initialism.
_SEATS = frozenset(("kremlin", "lubyanka", "élysée", "elysee", "matignon", "quai d'orsay", "moncloa", "zarzuela",
                    "kanzleramt", "bundeskanzleramt", "zhongnanhai", "langley", "foggy bottom", "capitol", "capitol hill",
                    "white house", "pentagon", "downing street", "whitehall", "westminster", "quirinale", "chigi",
                    "palazzo chigi", "planalto", "los pinos", "blue house", "kantei", "bankova",
                    "maison blanche", "casa blanca", "casa branca", "casa bianca", "casa rosada",   # quotes36
                    # German's, whose capitals are a noun's and an adjective's: "Der Grüne Habeck" names Habeck
                    # (review36c; a capital after any capitalised adjective was taken as a name's noun)
                    "weiße haus", "weißen haus", "weisse haus", "weissen haus"))
SEAT_FOR_A_BODY = "a seat of power for a body: check who is meant"
# The initialisms of bodies that sit at a seat or that it stands for in a news text: only for these a seat in brackets
# warns; for any other it is another body's name ("[Kremlin]" for "CIA" or "NATO", "[Langley]" for "FSB" only warned
# after quotes35: review35r2). A seat a row of _INITIALISM_NAMES gives its body is that row's (the DOD's Pentagon).
_SEAT_BODIES = {
    "kremlin": ("fsb", "svr", "gru", "fso", "mid", "kgb"), "lubyanka": ("fsb", "kgb"),
    "langley": ("cia",), "foggy bottom": ("dos",), "élysée": ("dgse", "dgsi"), "elysee": ("dgse", "dgsi"),
    "quai d'orsay": ("mae",), "zhongnanhai": ("ccp", "cpc", "mss"), "kanzleramt": ("bnd",),
    "bundeskanzleramt": ("bnd",), "whitehall": ("mod", "fco", "fcdo", "hmg"), "westminster": ("hmg",),
    "downing street": ("hmg",), "bankova": ("sbu", "gur"),
}


def _seat(words: list[str]) -> str:
    """The seat of power (_SEATS) bracketed words name, articles aside ("[The Kremlin]"), or ""."""
    own = " ".join(w.casefold() for w in words if _bare(w) not in _REFERRING)
    return own if own in _SEATS else ""


# Bodies known by a former name, either way round: a news text brackets the new name for a post's old one ("[X]" for
# "Twitter", "[Meta]" for "Facebook"), one body, which failed as another name (review33r2).
_RENAMED = frozenset(frozenset(pair) for pair in (("twitter", "x"), ("facebook", "meta"), ("google", "alphabet")))


def _renamed(name: str, words: list[str]) -> bool:
    """Whether bracketed `words` give the post's `name` a body's other name, old or new (_RENAMED)."""
    own = " ".join(_bare(w) for w in words if _bare(w) not in _REFERRING)
    return frozenset((_key(name), own)) in _RENAMED


def _another_outlet(name: str, words: list[str]) -> bool:
    """Whether bracketed `words` name another news organisation or agency than the post's `name`, both known by name
    (the credit check's: "[Bloomberg]" for "CNN", "[Reuters]" for "AP"), neither the other's longer name ("[CNN
    International]", "[Getty Images]" for "Getty"): two bodies, which quotes33's warn for an initialism hid (review33r2)."""
    from resolver.extract.credit_names import is_known_org   # only when a bracket stands for a name

    own = " ".join(w for w in words if _bare(w) not in _REFERRING)
    theirs, ours = _key(name).lstrip("@"), own.casefold()
    return bool(own) and not name.startswith("@") and is_known_org(name) and is_known_org(own) \
        and not ours.startswith(theirs) and not theirs.startswith(ours)


def _written_otherwise_name(name: str, words: list[str]) -> bool:
    """Whether bracketed `words` may write the post's `name` otherwise, which an editor does to clarify it and words
    cannot tell from another name (review31r1: each failed as a name replaced): in another script ("[Ivanov]" for
    "Иванов"), an initialism spelt out ("[Prime Minister]" for "PM", "[The United Nations]" for "UN"), an abbreviation
    in full ("[Senator]" for "Sen."), a spelling of the same letters but one or two ("[Kyiv]" for "Kiev")."""
    from difflib import SequenceMatcher

    key = _key(name).strip(".")
    keys = [_key(w).strip(".") for w in words if _key(w).strip(".")]
    if not key or not keys or name.startswith("@"):
        return False
    if len(key) == 1:
        return True   # an initial or a letter ("X", the company): "[Twitter]" spells it out
    if _script([name]) and _script(words) and _script([name]) != _script(words):
        return True
    initials = "".join(k[0] for k in keys), "".join(k[0] for k in keys if k not in _REFERRING and len(k) > 2)
    if len(key) > 1 and key in initials:
        return True
    if _initialism([name]) and _initialism(words):
        # an initialism's letters are its name: "[FIBX]" for "FBIX" (lead34), "[UNHCR]" for "UNHRC" and, longer,
        # "[ANC]" for "ANCYL" (review34r2) are other bodies, no spelling nor abbreviation: _same_initialism tells
        return False
    if len(key) > 2 and any(k.startswith(key) and len(k) > len(key) for k in keys):
        return True
    return len(key) > 3 and any(k[0] == key[0] and SequenceMatcher(None, k, key).ratio() >= 0.75 for k in keys)


# Words that refer to someone or something the reader knows from elsewhere, which an editor's brackets may name
# ("[Smith]" for "he"): pronouns, articles, demonstratives and words for "now", "today", "tomorrow" of the languages the checks know best. A capitalised
# word that is none of them is taken for a name (quotes31).
_REFERRING = frozenset(
    "i me my mine you your yours he him his she her hers it its we us our ours they them their theirs this that these "
    "those who whom whose which what the a an one someone somebody something here there everyone everybody anyone "
    "anybody everything all both some many most few "
    "ich mich mir mein meine du dich dir dein deine er ihn ihm sein seine sie ihr ihre es wir uns unser unsere euch "
    "euer ihnen dies diese dieser dieses das der die den dem des ein eine einen einem einer man jemand "
    "je moi tu toi il elle on nous vous ils elles le la les lui leur leurs son sa ses ce cet cette ces celui celle "
    "ceci cela ça un une "
    "yo tú él ella ellos ellas nosotros nosotras vosotros usted ustedes lo los las le les su sus este esta esto "
    "estos estas ese esa eso aquel aquella el uno una "
    "eu ele ela eles elas nós você vocês o os as seu sua seus suas isto isso aquilo "
    "io lui lei noi voi loro gli questo questa quello quella "
    "hij zij ze wij jij het dat deze dit die een "
    # and words for a time or place the reader knows from elsewhere ("[On Friday]" for "Tomorrow")
    "now then today tonight tomorrow yesterday last next heute morgen gestern jetzt aujourd'hui demain hier "
    "maintenant hoy mañana ayer ahora".split())


# Words before a noun that make a capitalised one after them a title or a common noun ("The President", "Our
# Mayor"): articles, demonstratives, possessives. Only these: a name after "Yesterday", "that" or "he told" is a name
# (review31r1: "Yesterday Jones resigned" quoted as "Yesterday [Smith] resigned" only warned).
_DETERMINERS = frozenset(
    "the a an this that these those my your his her its our their "
    "der die das den dem des ein eine einen einem einer dies diese dieser dieses mein meine sein seine ihr ihre unser "
    "unsere le la les un une ce cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos el los las una este "
    "esta estos estas ese esa su sus mi mis nuestro nuestra o os as um uma seu sua seus suas meu minha il lo gli "
    "questo questa quel quello quella suo de het een deze dit dat zijn haar hun".split())
# Those of English and German, whose capital after them is a title or a noun in any post ("The Pentagon", "Die
# Kanzlerin"); not the others', whose languages write a noun after them in small letters: a capital there is a name
# ("Le Pen", "La Russa", "El País"), in a post in their own language too (quotes34, review34r2).
_TITLE_DETERMINERS = frozenset(
    "the a an this that these those my your his her its our their der die das den dem des ein eine einen einem einer "
    "dies diese dieser dieses mein meine sein seine ihr ihre unser unsere".split())


# The small words a headline in title case leaves in lower case ("Mayor Resigns After Vote on the Budget"): any other
# word in lower case makes the text prose, whose capitals are names ("Biden met Scholz at the Bundestag": quotes33).
_TITLE_SMALL = frozenset("a an the and but or nor for so yet as at by in of off on per to up via vs v with from into "
                         "onto over than upon out about above across after against along among around before behind "
                         "below beneath beside between beyond despite during except inside like near past since through "
                         "toward towards under until within without am pm".split())


def _names(post: list[str], lang: str | None = None) -> tuple[frozenset[int], frozenset[int]]:
    """The positions of the post's words that are names: a handle, a capitalised word that no pronoun or article is
    nor follows an article, demonstrative or possessive (the "President" of "The President" is a title, which brackets
    may name), and a word the post writes so elsewhere ("jones" of a post that also writes "Jones"). In German, which
    writes every noun with a capital ("Die Kanzlerin"), and in a headline's style, every long word capitalised
    ("Mayor Resigns After Scandal", all capitals), only handles and a first name with the capital after it: a capital
    there may name no one (review31r1). Then those of a German post's capitals that may be a name or a noun
    (_german_capitals), which a bare name in brackets makes names (quotes35)."""
    long_words = [w for w in post if len(w) > 3 and w[:1].isalpha() and _key(w) not in _TITLE_SMALL]
    headline = len(long_words) >= 3 and all(w[:1].isupper() for w in long_words) and not any(
        w[:1].islower() and _key(w) not in _TITLE_SMALL for w in post)   # "met" of "Biden met Scholz": prose
    german = _language(lang) in ("de", "lb") or _language(lang) is None and _reads_german(post)
    # another language's article is a name's particle ("Le Pen", "De Niro"), or a name's ("Le Monde"), which makes no
    # title of the capital after it as "The" does ("The President"): quotes34; in its own language's post too, which
    # writes a noun in small letters there, so "[Macron]" for "Le Pen" of a French post warned (review34r2)
    titles = _TITLE_DETERMINERS
    # a seat of power after an article, in one word or more, is no one's name in any language ("The Kremlin", "Le
    # Kremlin", "La Maison Blanche": quotes36)
    seated = {i + k for i in range(1, len(post)) if _bare(post[i - 1]) in _DETERMINERS for n in (1, 2, 3)
              if " ".join(_key(w) for w in post[i:i + n]) in _SEATS for k in range(n)}
    # an initialism after "The" is a body's name still ("The GOP", not a title as "The President": review33r2)
    capitalised = {
        _key(w) for i, w in enumerate(post)
        if w[:1].isupper() and _bare(w) not in _REFERRING and not _role(w)
        and not (i and _bare(post[i - 1]) in titles and not _initialism([w]) and not _name_particle(post, i - 1))
        and not (i and _bare(post[i - 1]) in _DETERMINERS and _titled_role([w])) and i not in seated   # "El Rey"
    } if not (german or headline) else _people(post) \
        if any(w[:1].isupper() for w in post[:-1]) else set()
    named = frozenset(j for j, w in enumerate(post) if w.startswith("@") or _key(w) in capitalised)
    if headline:   # a headline's capitals, as a German post's: names where brackets hold a bare name (quotes36)
        return named, _german_capitals(post, after=_TITLE_DETERMINERS) - named
    return named, _german_capitals(post) - named if german else frozenset()


# Words before a German noun that make the capital after them a noun's ("die Regierung", "viele Menschen", "3000
# Menschen"): quantity words and German articles (not English "an", a German preposition); a figure is one too.
_GERMAN_QUANTITIES = frozenset("viele vielen alle allen einige einigen mehrere mehreren manche manchen wenige wenigen "
                               "tausende hunderte zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig "
                               "hundert tausend kein keine keinen keiner beide beiden".split()) | frozenset(
    "der die das den dem des ein eine einen einem einer eines dies diese dieser dieses diesen diesem mein meine "
    "meinen meinem dein deine sein seine seinen seinem ihr ihre ihren ihrem unser unsere unseren euer eure jede "
    "jeder jedes jeden jedem welche welcher".split())   # and German articles, demonstratives, possessives


def _german_capitals(post: list[str], *, after: frozenset[str] = _GERMAN_QUANTITIES) -> frozenset[int]:
    """The positions of a German post's capitalised words that may be a name as well as a noun: no article, figure or
    quantity word before it ("die Regierung", "viele Menschen"), no role ("Kanzler"), no German noun's ending
    ("Gerechtigkeit"), no pronoun or frequent word ("Er", "Danke", "Heute"). English, French or Spanish writes a noun
    in small letters, German every one with a capital, so "Scholz" of "Scholz sagte nein" was no name and "[Merz]" in
    its place only warned (review34r2); a bare name in brackets in its place makes it one (_bare_name, quotes35).
    A headline's capitals too, `after` an article of _TITLE_DETERMINERS no more ("The Kremlin" is a title: quotes36).
    Not the noun of a listed seat ("Haus" of "Das Weiße Haus"); a capital after any other capitalised adjective may be
    a name ("Der Grüne Habeck": review36c).
    """
    return frozenset(j for j, w in enumerate(post) if w[:1].isupper() and not w.startswith("@")
                     and _bare(w) not in _REFERRING and _key(w) not in _GERMAN_WORDS and not _role(w)
                     and not _GERMAN_NOUN_RE.fullmatch(w)
                     and not (j and (_key(post[j - 1]) in after or any(c.isdigit() for c in post[j - 1])))
                     and not (j and f"{_key(post[j - 1])} {_key(post[j])}" in _SEATS))



def _bare_name(words: list[str]) -> bool:
    """Whether bracketed words are a name as a German post writes one bare: capitalised words, a name's particles
    between them ("[von der Leyen]"), or an initialism; no article, pronoun, role, figure, frequent German word or
    German noun's ending ("[Die Demonstranten]", "[Kanzler]", "[Aufklärung]" may be a noun for whom or what the
    post means); roles beside a name are its title ("[Kanzler Merz]", "[CDU-Chef Merz]", "[Außenministerin
    Baerbock]"), "de" a particle as "von" is ("[de Maizière]": review35r2)."""
    own = [w for w in words if _key(w) not in _PARTICLES | _PARTICLE_ARTICLES | _ROMANCE_PARTICLES or w[:1].isupper()]
    own = [w for w in own if not (_role(w) and w[:1].isupper())] or own   # "[CDU-Chef Merz]": its title
    return bool(own) and all(
        w[:1].isupper() and w.isalpha() and _bare(w) not in _REFERRING and _bare(w) not in _DETERMINERS
        and _key(w) not in _GERMAN_WORDS and not _role(w) and not _GERMAN_NOUN_RE.fullmatch(w) for w in own)


def _people(post: list[str]) -> set[str]:
    """The keys of a person's first name and the capitalised word after it ("Joe Biden"), which is plainly a name in a
    headline or in German too ("Mayor Resigns After Joe Biden Scandal": quotes33), a name's particles between them
    ("Ursula von der Leyen": review35r2; "von der Stadt" alone is a German noun's, "von der Leyen" alone unknown)."""
    people: set[str] = set()
    for j in range(len(post) - 1):
        if not _is_first_name(post[j]) or _key(post[j]) in _WORDS_TOO:
            continue
        k = j + 1
        while k < len(post) - 1 and post[k][:1].islower() and (
                _key(post[k]) in _PARTICLES or _name_particle(post, k)):
            k += 1
        if post[k][:1].isupper() and not post[k].startswith("@"):
            people.update((_key(post[j]), _key(post[k])))
    return people


# First names that are as often a word of a headline ("Bill Passes Senate", "Mark Your Calendars", "Rose Garden").
_WORDS_TOO = frozenset("bill mark rose grace frank jack nick matt carol holly amber heather harry sam kim ruth pat "
                       "will".split())


# Words for a role, an office, a body or a group, which like a pronoun refer to whoever holds or forms it, so that an
# editor's brackets may say whom ("[NYPD]" for "Police", "[Merkel]" for "Chancellor"): capitalised at a sentence's
# start they failed as names (quotes32). English, and the main ones of Spanish, Portuguese, French and German
# ("Policía", "Kanzler": quotes33), singular (a plural "s" or "es" is taken off); no word that is as often a surname
# ("King", "Judge", "Bishop", "Cook"). "Nurse" and "House" are as often a surname, but more often a role and a body
# in a post ("House passes bill"): a bracket in their place warns, a missed fail rather than a false one (quotes33).
_ROLES = frozenset(
    "police cop officer official authority government administration ministry minister premier president mayor secretary "
    "governor senator congressman congresswoman lawmaker legislator chancellor spokesperson spokesman spokeswoman "
    "agency department office bureau council court prosecutor investigator detective congress parliament senate house "
    "committee commission board company firm army military troop soldier force navy militia regime opposition "
    "witness resident protester protestor activist source expert scientist researcher doctor medic nurse paramedic "
    "firefighter rescuer leader party campaign team club coach manager ceo chairman chairwoman chair director staff "
    "employee worker union state city county district federal fed hospital school university "
    "embassy ambassador diplomat envoy spokesperson administrator candidate voter citizen people family parent "
    "student teacher journalist reporter editor newsroom newspaper network station channel network gov govt pd hq "
    "news press pmo potus flotus scotus "
    # Spanish, Portuguese, French and German: the languages whose words the quote check reads (quotes33)
    "policía gobierno presidente presidenta ministro ministra ministerio alcalde alcaldesa portavoz fiscal fiscalía "
    "gobernador autoridad ayuntamiento tribunal juzgado congreso senado partido ejército guardia "
    "polícia governo prefeito prefeita ministério exército deputado deputada "
    "gouvernement président présidente ministre ministère maire préfet préfecture parquet armée "
    "gendarmerie autorité député députée präfektur "
    "polizei regierung bundesregierung kanzler kanzlerin bundeskanzler bundeskanzlerin minister ministerin "
    "ministerium präsident präsidentin bürgermeister bürgermeisterin sprecher sprecherin behörde behörden "
    "staatsanwaltschaft gericht bundeswehr armee feuerwehr ermittler "
    "chef chefin amt vorsitzende vorsitzender bund koalition kommission "   # review35r2
    "stadt gemeinde".split())   # "city", "county" (quotes36: "[Berlins]" for "von der Stadt")
# German roles written as one word with what they are of ("Verteidigungsminister", "Regierungssprecherin",
# "Kanzleramt", "Parteichefin"): a capitalised word ending in one of German's role words, three letters or more before
# it. quotes35 made a German post's bare capital a name where brackets hold a bare name: "[Pistorius]" for
# "Verteidigungsminister" failed as another person (review35r2).
_GERMAN_COMPOUND_ROLE_RE = re.compile(
    r"\w{3,}(?:minister|ministerin|ministerium|präsident|präsidentin|kanzler|kanzlerin|sprecher|sprecherin|chef|chefin|"
    r"amt|behörde|polizei|regierung|gericht|bürgermeister|bürgermeisterin|vorsitzende|vorsitzender|ermittler|"
    r"staatsanwaltschaft|kommission)(?:s|n|en|nen)?")


def names_a_role(word: str) -> bool:
    """Whether a word of the name an article gives a speaker names a role, an office or a body (_ROLES: "Ministerin",
    "Präfektur", "Regierungssprecher") or a seat of power ("L'Élysée", "Kreml"), no one's name: German writes every
    noun with a capital (newuser46a #5). A French article elided before it is set aside ("L'Élysée")."""
    word = re.sub(r"^[Ll]['’](?=\w)", "", word)
    return _role(word) or _key(word) in _SEATS


# What a German compound role's first part may be and say no more than the role: federal, state, government, press,
# deputy ("Bundesministerin", "Regierungssprecher", "Pressesprecherin"); any other first part says which office or
# body ("Innenministerium", "Polizeisprecher").
_GENERIC_ROLE_PARTS = ("bundes", "landes", "regierungs", "presse", "vize", "ober", "haupt", "staats")
_COMPOUND_PARTS_RE = re.compile(r"(\w{3,}?)" + _GERMAN_COMPOUND_ROLE_RE.pattern.removeprefix(r"\w{3,}"))


def role_qualifier(word: str) -> str:
    """The part of a German compound role that says which office or body ("innen" of "Innenministerium", "polizei" of
    "Polizeisprecher", "verteidigungs" of "Verteidigungsministerin"), a generic first part aside ("Bundesinnenminister":
    "innen"); "" for a role that says no more ("Ministerin", "Bundesministerin", "Regierungssprecher"): the name check
    holds the rest against the post's author, where the whole word was set aside as a role (review46g)."""
    key = _bare(re.sub(r"^[Ll]['’](?=\w)", "", word))
    if key in _ROLES or not word[:1].isupper():
        return ""
    parts = _COMPOUND_PARTS_RE.fullmatch(key)
    which = parts.group(1) if parts is not None else ""
    while which and (generic := next((p for p in _GENERIC_ROLE_PARTS if which.startswith(p)), None)):
        which = which[len(generic):]
    return which if len(which) >= 3 else ""


def _role(word: str) -> bool:
    """Whether a word names a role, an office, a body or a group (_ROLES), in the singular or the plural."""
    key = _bare(word)
    return key in _ROLES or key.endswith("s") and (key[:-1] in _ROLES or key.endswith("es") and key[:-2] in _ROLES
                                                   or key.endswith("ies") and key[:-3] + "y" in _ROLES) \
        or word[:1].isupper() and _GERMAN_COMPOUND_ROLE_RE.fullmatch(key) is not None   # "Verteidigungsminister"


# Frequent German words that are no English ones ("die", "war", "was", "will", "also", "man", "in" are both), which
# tell a German post whose `lang` names no language: German writes every noun with a capital, so a capital there
# names no one (quotes32: "[Die Regierung]" for "Bundesregierung" failed as another name).
_GERMAN_WORDS = frozenset(
    "der das den dem des und ist sind nicht ein eine einen einem einer eines mit für auf sich zu von vom zum zur "
    "wir ich sie es er ihr uns auch wird werden wurde wurden haben hatte noch nach bei beim aus über wie dass daß "
    "aber oder kein keine keinen nur schon sehr wenn weil mehr gegen unter diese dieser dieses heute jetzt hier "
    "neue neuen neuer neues alle allen viele vielen wieder immer gibt geht kann können muss müssen soll sollen "
    "wollen nichts durch ohne seit bis zwischen sein seine ihre unsere euch jetzt gestern morgen danke bitte".split())
_GERMAN_LETTERS_RE = re.compile("[äöüßÄÖÜ]")
_GERMAN_NOUN_RE = re.compile(r"[A-ZÄÖÜ]\w{3,}(?:ung|heit|keit|schaft|tät|ismus|ungen|heiten|keiten|schaften)")


# English function words that are no German ones ("in", "an", "am", "so", "was", "will", "war", "her" are both): an
# English post naming "Ursula von der Leyen" or "Müller und Sohn" has more of them than German signs (review32r1).
_ENGLISH_WORDS = frozenset(
    "the of to is are with for on at by from this that have has had not but or it they we you he she his their our "
    "be been would should could just about who what when where my me your".split())


def _reads_german(post: list[str]) -> bool:
    """Whether a post's words read as German: two signs of it among its frequent words, German letters (ä, ö, ü, ß)
    in a word that is none of them ("über" is one sign: review32r1) and a capitalised noun with a German ending (-ung,
    -heit, -keit, -schaft, -tät, -ismus); and more of them than English function words ("the", "with", "for")."""
    keys = {_key(w) for i, w in enumerate(post) if not _name_particle(post, i)}
    signs = len(keys & _GERMAN_WORDS) + any(_GERMAN_NOUN_RE.fullmatch(w) for w in post) + any(
        _GERMAN_LETTERS_RE.search(w) and _key(w) not in _GERMAN_WORDS for w in post)
    return signs >= 2 and signs > len(keys & _ENGLISH_WORDS)


_PARTICLES = frozenset("von vom zu van".split())
_PARTICLE_ARTICLES = frozenset("der den dem".split())
# Particles of names that German posts write too ("Thomas de Maizière", "Di Lorenzo"), in brackets (review35r2).
_ROMANCE_PARTICLES = frozenset("de di da du del della ten ter".split())


# The particles of surnames with which a post may name someone without a first name ("von der Leyen", "de la
# Fuente", "van Aken", "al-Assad", "bin Salman"), and their articles.
_SURNAME_PARTICLES = _PARTICLES | _PARTICLE_ARTICLES | _ROMANCE_PARTICLES | frozenset(
    "des la le el al bin ibn ben abu ter ten".split())


# ... of which these are articles, which start no surname ("der Kirche", "Der Kreml", "El Rey"), only follow a particle.
_ARTICLES_ONLY = _PARTICLE_ARTICLES | frozenset("des la le el".split())


def _particle(word: str) -> bool:
    """Whether a word is a surname's particle or its article (_SURNAME_PARTICLES), "Von" at a sentence's start too."""
    return _key(word) in _SURNAME_PARTICLES


def _particled_surname(post: list[str]) -> bool:
    """Whether the post's words are a surname with particles and nothing else: particles, the first one no article
    and maybe capitalised at a sentence's start, then capitalised words ("von der Leyen", "Von der Leyen", "de la Fuente",
    "al Assad")."""
    k = next((k for k, w in enumerate(post) if not _particle(w) or k and w[:1].isupper()), len(post))
    return 0 < k < len(post) and _key(post[0]) not in _ARTICLES_ONLY and all(w[:1].islower() for w in post[1:k]) and all(
        w[:1].isupper() and not _particle(w) and not w.startswith("@") and not _role(w) for w in post[k:])


def _name_particle(post: list[str], i: int) -> bool:
    """Whether post[i] is the article of a name's particle ("der" of "Ursula von der Leyen", after "von" and before a
    capital), which with its "von" is one sign of German, not two: an English post naming her read as German, and its
    names were then no names (review32r1, quotes33)."""
    return _key(post[i]) in _PARTICLE_ARTICLES and post[i][:1].islower() and 0 < i < len(post) - 1 \
        and _key(post[i - 1]) in _PARTICLES and post[i + 1][:1].isupper()


def _bare(word: str) -> str:
    """A word's key without a contraction or possessive: "we" of "We're", "jones" of "Jones's"."""
    return re.split(r"['’]", _key(word), maxsplit=1)[0]


# A bracket glued to a word: an editor's change of the word's letters ("[T]he", "[un]fair", "support[s]").
_GLUED_RE = re.compile(rf"{_W}*(?:\[{_W}+\]{_W}*)+(?:['’]{_W}+)*")   # with a contraction's tail: "[I]t's" (review31r1)
# An editor's words in brackets with a possessive or a contraction after them, none glued before: "[Smith]'s plan"
# for "His plan", which fails as a changed word read as letters glued on (review31r1).
_TAILED_RE = re.compile(rf"(?<![\w{_MARK}\]])\[([^\[\]\n]{{1,80}})\](['’]{_W}+)(?!{_W}|\[)")
# Endings an editor adds in brackets to fit a verb or noun to the article's sentence ("support[s]", "vote[d]").
_ENDINGS = frozenset("s es ed d ing".split())


def _unglue(said: str, found: str, post: list[str]) -> tuple[str, dict[int, tuple[str, str]]]:
    """The article's text with each bracket glued to a word taken out, so that the word is one word again: "[T]he"
    split as "T he" and failed against "the" (quotes31); and, by the word's position (markers aside), how the
    article writes it and what kind of bracket it is (GLUED, or INFLECTED for an ending the post's word lacks, which
    is then compared without it). A bracket that stands alone ("[Smith]") is an editor's words, not a word's letters;
    so is a footnote's figure or "[sic]" glued to a word ("rigged[1]"); one inside a link is the link's, and one the
    post's text (`found`, its words `post`) writes too is the post's."""
    if "[" not in said:
        return said, {}
    said = _TAILED_RE.sub(r"[\1\2]", said)   # "[Smith]'s" is "[Smith's]", the article's words (review31r1)
    own = {m.group() for m in _GLUED_RE.finditer(found)} if "[" in found else set()
    pieces: list[str] = []
    at, length, found_glued = 0, 0, []
    keys = {_key(w) for w in post}
    links = [m.span() for m in _LINK_RE.finditer(said)]
    link_ends = [b for _, b in links]
    for match in _GLUED_RE.finditer(said):
        word = match.group()
        near = bisect_right(link_ends, match.start())   # links are apart: only the first ending after it may overlap
        if word.startswith("[") and word.endswith("]") and word.count("[") == 1 \
                or any(inner.isdigit() or inner.casefold() == "sic" for inner in re.findall(r"\[([^\]]*)\]", word)) \
                or near < len(links) and links[near][0] < match.end() or word in own \
                or _UNSPACED_RE.search(word):   # each character a word: 橋は[市が]年末 holds an editor's words
            continue
        joined, kind = word.replace("[", "").replace("]", ""), GLUED
        ending = re.fullmatch(rf"({_W}+)\[({_W}+)\]", word)
        if ending and ending[2].casefold() in _ENDINGS and _key(joined) not in keys and _key(ending[1]) in keys:
            joined, kind = ending[1], INFLECTED
        pieces.append(said[at:match.start()])
        length += len(pieces[-1])
        found_glued.append((length, word, kind))
        pieces.append(joined)
        length += len(joined)
        at = match.end()
    pieces.append(said[at:])
    plain = "".join(pieces)
    return plain, {words: (word, kind) for words, (_, word, kind) in zip(
        _words_before(plain, [at for at, _, _ in found_glued]), found_glued)}


# A place where tokens() of a text is that of the text before it and of the text after it: one space after something
# neither a space nor a hyphen (a line-end hyphen joins across a line break), before a letter or figure (not "%": "5 %"
# is "5%"). No link, entity, word or "…" holds a space. What stands before the space is not all unseen either: not
# ending in an invisible character (`_INVISIBLE_RE`), nor holding "&" (an entity, "&#8203" or "&shy", may be one):
# "-\n\u200b ment" is "-ment", one word across the space, as "-\n ment" is (review45d).
_WORDS_APART_RE = re.compile(r"(?<!\S)[^\s&]*[^\s&\-‐‑" + _INVISIBLE_RE.pattern[1:-1] + r"] (?=[^\W_])")


def _words_before(text: str, places: list[int]) -> list[int]:
    """For each of the ascending `places`, how many of tokens()' words (markers aside) `text[:place]` holds, read
    from the last place before it where the words part (perf44: the whole text before each was read again, 23 s for
    a quote of 2,000 words glued to brackets)."""
    apart = [m.end() for m in _WORDS_APART_RE.finditer(text)]
    counts, start, words = [], 0, 0
    for place in places:
        cut = apart[bisect_right(apart, place) - 1] if apart and apart[0] <= place else 0
        if cut > start:
            words += sum(t != ELLIPSIS for t in tokens(text[start:cut]))
            start = cut
        counts.append(words + sum(t != ELLIPSIS for t in tokens(text[start:place])))
    return counts


def _glued_change(op: tuple[str, int, int, int, int], change: Change, said: list[str],
                  glued: Mapping[int, tuple[str, str]]) -> Change:
    """The change showing the article's words with their glued brackets as it writes them ("agree → [dis]agree"):
    bracketed letters that make the post's word another change it."""
    from dataclasses import replace

    tag, i1, i2, _, _ = op
    if not any(i in glued for i in range(i1, i2)):
        return change
    return replace(change, article=_join([glued[i][0] if i in glued else said[i] for i in range(i1, i2)]))


def _negates(word: str) -> bool:
    key = _key(word)
    if key == "nao" and word[:1].isupper() and not word.isupper():
        return False   # "Nao" is a name (Nao Kojima): Portuguese "Nao" only where its words read so (`_negation_lost`)
    return key in _WORD_NEGATIONS or key in _CLAUSE_NEGATION_WORDS or key.endswith("n't") or key.startswith("n'")


def _turns(post: list[str], said: list[str]) -> bool:
    """Do the article's words in place of the post's add or drop a negation, or put other figures in place of the
    post's? Brackets mark an editor's words that clarify ("[Smith]" for "He"); "We will [not] support", "[50]" for
    "5" change what the post says, and stay a change (review30r2)."""
    figures = [[d for w in side for d in re.findall(r"\d+", _western_digits(w))] for side in (post, said)]
    return sum(map(_negates, post)) != sum(map(_negates, said)) or bool(figures[0]) and figures[0] != figures[1]


def turns_around(change: Change) -> bool:
    """Whether a change is a misquote's mark on its own: other figures in place of the post's ("300" → "3000"), or a
    negation dropped or added and nothing else ("dropped "not""). A quote that shares little with a post may quote
    another post of the same person, but not one that keeps the post's words around such a change (review35r2: "We'll
    cut 3000 jobs" for "We will not cut 300 jobs" warned as maybe another post)."""
    post, said = change.post.split(), change.article.split()
    if other_figures(change.article, change.post):
        return True
    if not _turns(post, said):
        return False
    ours, theirs = ([w for w in _spelt_out(side) if not _negates(w)] for side in (post, said))
    if ours == theirs:
        return True
    # a negation dropped or added with its auxiliary ("We cut" of "We didn't cut", "did not", "hasn't"): the words
    # but for auxiliaries the same, and one side's nothing else (review43b: it warned "they may quote something else")
    return sum(map(_negates, post)) != sum(map(_negates, said)) and (not ours or not theirs) \
        and [w for w in ours if w not in _AUXILIARIES] == [w for w in theirs if w not in _AUXILIARIES]


# English auxiliaries a negation stands with ("did not", "hasn't"): dropped with it, the post's words turned around.
_AUXILIARIES = frozenset("do does did have has had is are was were am will would shall should can could may might "
                         "must".split())


def _spelt_out(words: list[str]) -> list[str]:
    """Words as keys, a negation's contraction written out ("won't" as "will not"): "won't" → "will" drops the
    negation alone, and was not read as such (newuser42b #2)."""
    return [out for w in words for out in (_written_out(_key(w))[:1] or [[_elided_ne(_key(w))]])[0]] if any(
        _negates(w) and (_written_out(_key(w)) or _elided_ne(_key(w)) != _key(w)) for w in words) \
        else [_key(w) for w in words]


def _elided_ne(key: str) -> str:
    """French "n'" before a verb, written apart from it: "augmenterons" of "n'augmenterons" ("n'augmenterons pas" →
    "augmenterons" drops "ne … pas" alone, review43b)."""
    return key[2:] if key.startswith(("n'", "n’")) and len(key) > 2 else key


def contraction_turned(change: Change) -> str:
    """"the negation of "won't" dropped" where a change's sides are the same words but for a negation a contraction
    holds ("won't" → "will", "do" → "don't"); else ""."""
    post, said = change.post.split(), change.article.split()
    if not any(w.endswith("n't") for w in map(_key, post + said)) or not turns_around(change) \
            or other_figures(change.article, change.post):
        return ""
    side, words = ("dropped", post) if sum(map(_negates, post)) > sum(map(_negates, said)) else ("added", said)
    held = next(w for w in words if _key(w).endswith("n't"))
    return f'the negation of "{held}" {side}: "{held}" is "{" ".join(_written_out(_key(held))[0])}"'


def other_figures(said: str, post: str) -> bool:
    """Whether a quote gives other figures than the post, both giving some, wherever a comparison's changes put them:
    the post's figure dropped in one change and another added in the next ("council 1 council" quoted "river 2
    council") is a figure changed as much as "300" → "3000" in one (the lead, stop 35: a hypothesis example)."""
    in_post, in_said = _figures(post.split()), _figures(said.split())
    return bool(in_post) and bool(in_said) and in_post != in_said


def _figures(words: list[str]) -> list[str]:
    return [d for w in words for d in re.findall(r"\d+", _western_digits(w))]


_BRACKETS_RE = re.compile(r"\[[^\[\]]*\]")


def _bracketed(said: str, count: int) -> frozenset[int]:
    """The positions (markers aside) of the article's words inside square brackets: an editor's own words, marked
    as such ("He [Smith] said", "[sic]"), as "…" marks an elision (review30q). None when the pieces' words are not
    the whole's (a link holding a bracket)."""
    said = normalise(said)   # full-width ［］ and 〔〕 of a Japanese or Chinese quote are brackets too
    if "[" not in said:
        return frozenset()
    inside: set[int] = set()
    words, at = 0, 0
    for match in [*_BRACKETS_RE.finditer(said), None]:
        outside = said[at:match.start() if match else len(said)]
        words += sum(t != ELLIPSIS for t in tokens(outside))
        if match is None:
            break
        held = sum(t != ELLIPSIS for t in tokens(match.group()[1:-1]))
        inside.update(range(words, words + held))
        words, at = words + held, match.end()
    return frozenset(inside) if words == count else frozenset()


# The "… more" (TikTok, Instagram), "...more" or "… See more" (Facebook) with which an embed or a feed shows a long
# caption cut at its first lines; a caption copied from one ends so. The words are the platform's button, not the
# post's: read as the "…" of a cut, never as a changed word (newuser44c #1: "#theomarsh #fyp → more" failed).
_PLATFORM_CUT_RE = re.compile(r"\s*" + ELLIPSIS + r"\s*(?:see\s+)?more$", re.IGNORECASE)
_POST_MORE_RE = re.compile(r"(?<!\w)more(?!\w)", re.IGNORECASE)
PLATFORM_CUT = ("read as the platform's cut-off of a long caption (TikTok, Instagram and Facebook show one so): the "
                "post's words after it are not compared")


def _platform_cut(said: str, found: str) -> tuple[str, str]:
    """The quote with a closing platform "… more" read as "…", and that "… more" as written; unchanged (and "") when
    it has none, or the post itself holds the word "more" (then it may be the post's: "We need … more" of "We need
    less, not more." cuts a negation, and passed as a platform's cut-off)."""
    text = normalise(said)
    match = _PLATFORM_CUT_RE.search(text)
    if not match or _POST_MORE_RE.search(normalise(found)):
        return said, ""
    return text[:match.start()] + " " + ELLIPSIS, match.group().strip()


def _platform_cut_odd(platform_cut: str, start: int, end: int, post_words: int) -> str:
    """Why a quote's "… more" is not where a platform cuts a caption (from its first word, the post going on after
    the cut), or "": such a "… more" may be the article's own words, and the check warns."""
    if not platform_cut:
        return ""
    if start:
        return "but the quote does not start with the post's first words, where a platform's cut-off starts"
    if end >= post_words:
        return "but the quote holds the post's words to its end, where a platform would cut nothing"
    return ""


def _edge(op: tuple[str, int, int, int, int], said: list[str], post: list[str]) -> tuple[str, bool]:
    """An edge opcode: article words outside the post's (glued prose), and whether the post goes on (a cut)."""
    tag, i1, i2, j1, j2 = op
    return (_join(said[i1:i2]) if tag == "delete" else ""), tag == "insert"


def _cut_word(op: tuple[str, int, int, int, int], said: list[str], post: list[str]) -> bool:
    tag, i1, i2, j1, j2 = op
    return i2 - i1 == 1 and _key(post[j1]).startswith(_key(said[i1]))


def _verdict(c: Comparison) -> Comparison:
    from dataclasses import replace

    each = "character for character" if c.unit == "characters" else "word for word"
    run = f"partial quote: {c.matched} of {c.post_words} {c.unit}" if c.matched < c.post_words else \
        f"the post's {c.post_words} {c.unit}, {each}"
    if c.beyond_cut:
        run = f"the source's {c.post_words} {c.unit} before its cut (…), {each}"
    real = [ch for ch in c.changes if _real(ch)]
    alike = [ch for ch in c.changes if ch.alike]
    if real:
        written = c.written or tuple(map(str, c.changes))
        shown = "; ".join(w for ch, w in zip(c.changes, written, strict=True) if not ch.alike)
        also = f"; and {_alike_text(alike)}" if alike else ""
        # the words at its ends that are not the post's, said too: a fail named only the changes inside the run, and
        # the editor was not told of every word that differs (newuser42b, stop 42's "Left alone")
        edges = f"; and {_edges_text(c)}" if c.extra_before or c.extra_after else ""
        return replace(c, result="fail", evidence=f"{len(real)} change{'s' * (len(real) > 1)} in the quoted "
                                                  f"words: {_short(shown + also)}{edges}")
    if alike:
        # Another script's letter, a superscript figure: the same to a reader, other characters to a computer; a
        # homoglyph may also be a forgery's mark. Not a changed word, and no pass (review28).
        run += f" but for {_alike_text(alike)}"
    notes = [f"{run}, with {_edges_text(c)}" if c.extra_before or c.extra_after else run]
    if c.changes and len(alike) < len(c.changes):   # what a "…" cut, said beside glued-on words too (fixleft44b)
        notes.append("; ".join(str(ch) for ch in c.changes if not ch.alike))
    if c.beyond_cut:
        # A source cut short (a 2012 title "Twitter / handle: text...") says nothing of what came next (#9).
        notes.append(f'the article\'s "{_short(c.beyond_cut, 80)}" after them cannot be checked: the source\'s '
                     "text is cut there")
    if c.left_out:
        notes.append(f'the post has "{c.left_out}" right before them (a negation the quote leaves out?)')
    if c.left_out_in_clause:
        notes.append(f'the post has "{c.left_out_in_clause}" before them in the same clause (a negation the quote '
                     "leaves out?)")
    if c.left_out_after:
        notes.append(f'the post has "{c.left_out_after}" right after them (a negation the quote leaves out?)')
    notes += c.undone + c.cut_inside + c.set_aside + c.recased
    if c.platform_cut:
        notes.append(f'the quote\'s closing "{c.platform_cut}" {PLATFORM_CUT}'
                     + (f" ({c.platform_cut_odd})" if c.platform_cut_odd else ""))
    if c.extra_before or c.extra_after or c.beyond_cut or c.left_out or c.left_out_in_clause or c.left_out_after \
            or c.undone or c.cut_inside or c.set_aside or c.recased or c.platform_cut_odd:
        return replace(c, result="warn", evidence="; ".join(notes))
    # ё written as е is how Russian print spells the word: said, never a warn (newuser44a #11)
    spelled = all(ch.alike == YO for ch in c.changes)
    return replace(c, result="warn" if c.changes and not spelled else "pass", evidence="; ".join(notes))


GLUED_ON = "(glued on by the page or a scraper?)"   # words at a quote's ends that are not the post's


def _edges_text(c: Comparison) -> str:
    """'words that are not the post's: "…" before and "…" after (glued on by the page or a scraper?)'."""
    extra = " and ".join(f'"{_short(w, 80)}" {where}' for w, where in
                         ((c.extra_before, "before"), (c.extra_after, "after")) if w)
    return f"words that are not the post's: {extra} {GLUED_ON}"


def edge_changes(c: Comparison) -> list[str]:
    """The words at a quote's ends that are not the post's, as entries of a check's change list: 'added "…" before
    the post's words (glued on by the page or a scraper?)'."""
    return [f'added "{_short(w, 80)}" {where} the post\'s words {GLUED_ON}' for w, where in
            ((c.extra_before, "before"), (c.extra_after, "after")) if w]


# The tags with which a post discloses that it is paid for (Instagram's and TikTok's #ad, #sponsored and
# #paidpartnership, German #Werbung and #Anzeige, Portuguese and Spanish #publi and #publicidade). One the article's
# quote adds, or one it drops, is a real difference for a desk checking sponsored posts, never only words "glued on by
# the page or a scraper?" (newuser44c #10).
DISCLOSURE_TAGS = ("ad", "sponsored", "spon", "partner", "paidpartnership", "werbung", "anzeige", "publi",
                   "publicidade")
_DISCLOSURE_RE = re.compile(r"(?<![\w#])#(?:" + "|".join(DISCLOSURE_TAGS) + r")(?![\w-])", re.IGNORECASE)
# A link's words, whose "#ad" is its fragment, no tag ("https://shop.example/#ad", "shop.example/p?id=4&#sponsored")
_LINK_WORD_RE = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)


def _tags(text: str) -> dict[str, str]:
    """The disclosure tags of `text` (case aside), none of a link's."""
    return {m.group().casefold(): m.group() for m in _DISCLOSURE_RE.finditer(_LINK_WORD_RE.sub(" ", normalise(text)))}


def disclosures(said: str, found: str) -> tuple[list[str], list[str]]:
    """The sponsorship disclosure tags the quote (`said`) holds and the post (`found`) does not ("added"), and those
    the post holds and the quote does not ("dropped"), each as written (case aside: #AD is #ad)."""
    theirs, post = _tags(said), _tags(found)
    return [w for k, w in theirs.items() if k not in post], [w for k, w in post.items() if k not in theirs]


def disclosure_notes(added: list[str], dropped: list[str], *, cut: bool = False) -> list[str]:
    """What `disclosures` found, in words; `cut`: the quote ends in a cut ("…", a platform's "… more"), so a tag it
    drops may be past the cut."""
    past = ", the article's quote, which is cut (…), does not" if cut else ", the article's quote does not"
    return ([f'sponsorship disclosure added: "{w}" is in the article\'s quote, not in the post' for w in added]
            + [f'sponsorship disclosure dropped: the post carries "{w}"{past}' for w in dropped])


def _alike_text(alike: list[Change]) -> str:
    """"1 that only looks the same: …" for look-alike characters, "1 figure written otherwise: …" for digits grouped
    otherwise, which look different and are the same figure (newuser29b §3: a regrouped figure was said to "only
    look the same")."""
    looks = [ch for ch in alike if not _a_figure(ch.alike) and not written_otherwise(ch.alike)]
    figures = [ch for ch in alike if _a_figure(ch.alike)]
    words = [ch for ch in alike if written_otherwise(ch.alike)]
    return " and ".join(filter(None, (
        f"{len(looks)} that only look{'s' * (len(looks) == 1)} the same: " + "; ".join(map(str, looks)) if looks else "",
        f"{len(figures)} figure{'s' * (len(figures) != 1)} written otherwise: " + "; ".join(map(str, figures))
        if figures else "",
        f"{len(words)} word{'s' * (len(words) != 1)} written otherwise: " + _by_kind(words) if words else "")))


def _by_kind(changes: list[Change]) -> str:
    """Changes written otherwise, each with its kind; where more than a few share one (a quote pointed throughout),
    those said once: the first few, how many more, and the kind."""
    kinds: dict[str, list[Change]] = {}
    for change in changes:
        kinds.setdefault(change.alike, []).append(change)
    if all(len(same) <= _RECASED_NAMED and kind not in SCRIPTS for kind, same in kinds.items()):
        return "; ".join(map(str, changes))
    return "; ".join(_kind_once(kind, same) if len(same) > _RECASED_NAMED or kind in SCRIPTS
                     else "; ".join(map(str, same)) for kind, same in kinds.items())


def _kind_once(kind: str, same: list[Change]) -> str:
    """Changes of one kind, the kind said once: the first few, how many more. Another script's always so: it is the
    whole quote's, not each character's ("们 → 們; 厂 → 廠 (the post's Simplified characters written in ...)")."""
    more = f" and {len(same) - _RECASED_NAMED} more" if len(same) > _RECASED_NAMED else ""
    return "; ".join(f"{c.post} → {c.article}" for c in same[:_RECASED_NAMED]) + f"{more} ({kind})"


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compare_names(said: str, found: str) -> Comparison:
    """A quoted display name against the post's: the same words (emoji and punctuation aside) pass; anything
    else is a difference shown word by word, never a partial pass (a name is not quoted in part)."""
    from dataclasses import replace

    result = compare(said, found, set_aside=False)
    if result.result == "pass" and result.matched == result.post_words == result.said_words:
        return replace(result, evidence=f"the same name: '{normalise(found)}'")
    changes = "; ".join(str(c) for c in result.changes)
    return replace(result, result="fail" if result.result == "fail" else "warn",
                   evidence=f"the names differ: article '{normalise(said)}', post '{normalise(found)}'"
                            + (f" ({changes})" if changes else ""))


def score(remnant: str, post_text: str) -> float:
    """How well a post explains a remnant, 0..1. Mostly (3/4) the share of the post's words the remnant holds in
    order, less 0.1 per word changed inside the quoted run (so one changed word tells two near-identical posts
    apart whatever their length); the rest, the share of the remnant's words the post explains, so a short post
    whose few words all occur in the remnant does not tie with the whole post. Identification ranks by it (#9 §3)."""
    c = compare(remnant, post_text)
    if not c.post_words or not c.said_words:
        return 0.0
    changed = sum(len(ch.post.split()) + len(ch.article.split()) for ch in c.changes
                  if not ch.elided and not _folded(ch.alike))   # "её" of "ее" is the word, as case is
    held = max(0.0, c.matched / c.post_words - CHANGE_PENALTY * changed)
    return round(0.75 * held + 0.25 * c.matched / c.said_words, 4)
