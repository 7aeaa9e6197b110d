"""Mojibake already in a page's text: UTF-8 that was once read as Windows-1252 (or Latin-1) and saved as UTF-8
again, so the page itself writes "Dadâ€™s" for "Dad’s" and "RenÃ©e" for "Renée" (newuser44d #4). The bytes are
valid UTF-8, so no decoding step sees it; every output gave those words as the post's text and the credit's name.

Found in the page's text and undone by ftfy (its `fix_encoding`, which changes nothing it does not judge to be
mojibake). Cheap where there is none: a page holding none of the letters a UTF-8 lead byte becomes in Windows-1252
("Ã", "Â", "â€", …) is passed over by a few substring searches, and ftfy is imported only for a page that holds one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from resolver.lazy import LazyPattern
from resolver.model import Credit, Embed

T = TypeVar("T", Embed, Credit)

# The letters the lead byte of a UTF-8 sequence becomes when read as Windows-1252, which mojibake of the usual
# letters starts with: Â, Ã (Latin-1 letters, the no-break space), â (â€ curly quotes and dashes, â‚¬ the euro sign),
# Ä, Å (more Latin), Ð, Ñ (Cyrillic), Î, Ï (Greek), ð (ðŸ emoji). A page with none of them has no mojibake of those:
# nothing else is tried. (CJK's lead letters, æ, è, é, are a French page's own: their mojibake is not looked for.)
_LEADS = ("Ã", "Â", "â", "Ä", "Å", "Ð", "Ñ", "Î", "Ï", "ð")
# What a continuation byte (0x80-0xBF) of UTF-8 becomes in Windows-1252 (its five unassigned bytes as Latin-1 does)
_CONTINUATION = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
_CONTINUES = frozenset(_CONTINUATION)
# A run of lead letters each followed by continuations: the candidates ftfy judges, one by one.
_CANDIDATE = LazyPattern("(?:[\u00c2-\u00f4][" + "".join(f"\\u{ord(c):04x}" for c in _CONTINUATION) + "]+)+")
EXAMPLES = 3   # the sequences a message names
_AROUND = 16   # the characters either side of a candidate that ftfy judges it with
_MOST = 200    # the distinct candidates a page is judged by


def _gated(text: str) -> bool:
    return any(letter in text for letter in _LEADS)


def _candidates(text: str, *, html: bool) -> Iterator[re.Match[str]]:
    """Each run of mojibake-like letters (`_CANDIDATE`) that starts with one of `_LEADS` followed by a continuation,
    found by the leads' `str.find` (a regular expression's character class over a whole page took 70-100 ms of a
    large page); in HTML, none inside a <script> or <style> (a script's comment is no words of the article)."""
    starts: list[int] = []
    for lead in _LEADS:
        at = text.find(lead)
        while at != -1:
            if at + 1 < len(text) and text[at + 1] in _CONTINUES:
                starts.append(at)
            at = text.find(lead, at + 1)
    end = -1
    for at in sorted(starts):
        if at < end:
            continue   # inside the run found before
        found = _CANDIDATE.match(text, at)
        if found is None:
            continue
        end = found.end()
        if html and (_inside(text, at, "<script", "</script") or _inside(text, at, "<style", "</style")):
            continue
        yield found


def _inside(text: str, at: int, opening: str, closing: str) -> bool:
    return text.rfind(opening, 0, at) > text.rfind(closing, 0, at)


# Closing punctuation among the continuation letters: a word in capitals ending in "Ã" (Portuguese IRMÃ, AMANHÃ,
# CAMPEÃ) closed by one of them ("«IRMÃ»") reads as mojibake ("Ã»" for "û") and is not (review45e). Not "’", "“",
# "‘", "›": a capital they follow is mojibake of a word's last letter (Italian PERÒ, Spanish MURIÓ, French DÛ), but
# for "“" closing a „ (`_word_end`).
_CLOSING = frozenset("»”…–—\u00a0")
# The quote a closing mark closes: "»" a "«", "”" a "“" or „ (German, Icelandic), "“" a „
_OPENERS = {"»": "«", "”": "“„", "“": "„"}


def _word_end(text: str, match: re.Match[str]) -> bool:
    """Whether a candidate is a capital letter ending a word in capitals, then its closing punctuation ("IRMÃ»" in
    «IRMÃ»), where that reading is the better one: the mark closes a quote opened before it, or the mojibake reading
    is nothing a word in capitals could end with (a lowercase letter after capitals, "IRMû"; a letter of another
    script or a rare one, "BÚIГ", "CAFɅ" for "CAFÉ…"). Otherwise the mojibake reading is as good ("PÃ…" is Swedish
    PÅ, "SÄ…" Polish Są, "TYÃ–" Finnish TYÖ, "Â»" a guillemet: no word ends in "Â") and ftfy judges it in its
    context (review46d: kept as written, a right copy of a post failed as altered)."""
    start, end = match.span()
    if end - start != 2 or start == 0 or not text[start - 1].isupper() or not text[start].isupper() \
            or (end < len(text) and text[end].isalnum()):
        return False
    mark = text[start + 1]
    if any(_opened(text, start, opener, mark) for opener in _OPENERS.get(mark, "")):
        return True
    if mark not in _CLOSING:
        return False
    read = _as_utf8(match.group())
    # Latin-1's letters and signs and Latin Extended-A's (Å, Ö, ą, Š, », ×): what the usual mojibake stands for
    if len(read) != 1 or not "\u00a0" <= read <= "\u017f":
        return True
    if not read.isalpha():   # "Â»" is "»" (no word ends in "Â"), "CAMPEÃ—" a word and its dash more than "×"
        return text[start] != "Â"
    # "IRMû" (capitals, then a lowercase letter) and Vietnamese "ĐÃ" + no-break space are no "Đà"; "Są", "Là" are words
    return read.islower() and (start >= 2 and text[start - 2].isupper() or not text[start - 1].isascii())


def _opened(text: str, start: int, opener: str, mark: str) -> bool:
    """Whether `opener` opens a quote before `start` that no `mark` has closed: a real one, not mojibake's ("Â«" is
    "«" read as Windows-1252)."""
    at = text.rfind(opener, 0, start)
    return at > text.rfind(mark, 0, start) and not (at > 0 and text[at - 1] == "Â")


def _as_utf8(written: str) -> str:
    """The letters `written` stands for as mojibake: its characters' Windows-1252 bytes (Latin-1 for the five bytes
    Windows-1252 leaves unassigned) read as UTF-8."""
    data = bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in written)
    return data.decode("utf-8", errors="replace")


def repaired(text: str) -> str:
    """`text` with its mojibake undone (ftfy's `fix_encoding`), or `text` itself when it holds none. A word in
    capitals closed by its punctuation (`_word_end`) is kept as written, and ftfy judges the words either side of it
    apart: judged with it, "«IRMÃ» — CAMPEÃ DA" became "«IRMû — CAMPEà DA"."""
    if not _gated(text) or _CANDIDATE.search(text) is None:
        return text
    import ftfy

    pieces: list[str] = []
    last = 0
    for match in _CANDIDATE.finditer(text):
        if _word_end(text, match):
            pieces += [_fixed(ftfy, text[last:match.start()]), match.group()]
            last = match.end()
    return "".join([*pieces, _fixed(ftfy, text[last:])])


def _fixed(ftfy: Any, piece: str) -> str:
    return ftfy.fix_encoding(piece) if _CANDIDATE.search(piece) is not None else piece


def read_mojibake(text: str, embeds: Sequence[Embed], credits: Sequence[Credit], *, html: bool = True
                  ) -> tuple[list[Embed], list[Credit], dict[str, Any] | None]:
    """The embeds and credits with the mojibake of their words undone (a post's text and author's name, a credit's
    creator and organisation; a credit's `raw` stays as the page writes it), and the `mojibake` warning that says
    so: `{"kind": "mojibake", "examples": [{"written", "read_as"}], "embeds": [i], "credits": [i], "message"}`;
    the embeds and credits as given and None when the page holds no mojibake."""
    if not _gated(text):
        return list(embeds), list(credits), None
    seen: dict[str, str] = {}
    for match in _candidates(text, html=html):
        written = match.group()
        if written in seen or _word_end(text, match):
            continue
        import ftfy

        # judged with the letters around it: "Ã”" alone reads as "Ô", but in "“NÃO”" it is Portuguese and a quote
        start, end = match.span()
        around = text[max(0, start - _AROUND):end + _AROUND]
        seen[written] = ftfy.fix_encoding(written) if ftfy.fix_encoding(around) != around else written
        if len(seen) > _MOST:   # enough to judge a page by
            break
    examples = [(written, read_as) for written, read_as in seen.items() if read_as != written]
    # those a reader sees first: one holding a C1 control ("â€" + U+009D for "”") shows as an escape in every output
    examples.sort(key=lambda pair: any("\x80" <= c <= "\x9f" for c in pair[0]))
    if not examples:
        return list(embeds), list(credits), None
    new_embeds, fixed_embeds = _repaired_in(embeds, ("text", "author_name"))
    new_credits, fixed_credits = _repaired_in(credits, ("creator", "organization"))
    return new_embeds, new_credits, {
        "kind": "mojibake", "examples": [{"written": w, "read_as": r} for w, r in examples[:EXAMPLES]],
        "embeds": fixed_embeds, "credits": fixed_credits, "message": mojibake_note(examples, fixed_embeds, fixed_credits)}


def mojibake_note(examples: Sequence[tuple[str, str]], embeds: Sequence[int], credits: Sequence[int]) -> str:
    """What every output says of a page whose text holds mojibake."""
    shown = ", ".join(f'"{written}" for "{read_as}"' for written, read_as in examples[:EXAMPLES])
    more = f" and {len(examples) - EXAMPLES} more" if len(examples) > EXAMPLES else ""
    what = [*([f"the text or author of embed{'s' * (len(embeds) > 1)} {_numbers(embeds)}"] if embeds else []),
            *([f"the names of credit{'s' * (len(credits) > 1)} {_numbers(credits)}"] if credits else [])]
    given = (f"; {' and '.join(what)} are given repaired (ftfy), not as the page writes them: check them against the "
             "page" if what else "; no embed's text or credit's name holds it")
    return (f"the page's text holds mojibake ({shown}{more}): UTF-8 once read as Windows-1252 and saved again, so "
            f"the page itself writes those letters wrong{given}")


def _numbers(indexes: Sequence[int]) -> str:
    return ", ".join(str(i + 1) for i in indexes)


def _repaired_in(items: Sequence[T], fields: tuple[str, ...]) -> tuple[list[T], list[int]]:
    """The items (embeds or credits, frozen dataclasses) with `fields`' words repaired, and the indexes of those
    changed."""
    out, fixed = [], []
    for i, item in enumerate(items):
        changes: dict[str, Any] = {name: repaired(value) for name in fields if (value := getattr(item, name))}
        changes = {name: value for name, value in changes.items() if value != getattr(item, name)}
        if changes:
            fixed.append(i)
            item = replace(item, **changes)
        out.append(item)
    return out, fixed
