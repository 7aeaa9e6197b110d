"""Extraction: an article in, its embeds and photo credits out. Pure: no network, no clock, no database."""

from __future__ import annotations

from dataclasses import replace

from resolver.credit_language import HEAD, LANG_RE
from resolver.extract import credits, html, html_credits, text
from resolver.extract.credit_names import (BY_PLACE_FORMS, PICTURE_WORD_RE, ambiguous_agency, names_an_agency,
                                           split_confidence)
from resolver.extract.incomplete import FailedStep, attempt, collecting
from resolver.extract.repeated import each_call_one_page
from resolver.lazy import LazyPattern
from resolver.model import Credit, Embed, evolve
from resolver.placeholders import is_placeholder


@each_call_one_page   # the credit rules answer once about a text the page repeats (#14)
def find_all(content: str, kind: str, *, utf8: bytes | None = None) -> tuple[list[Embed], list[Credit]]:
    """Embeds and credits of a decoded document; `kind` is "html" or "text". Never raises on odd input. `utf8`: the
    document's bytes, only when they are exactly `content` encoded as UTF-8 (resolver.article.Article.utf8).
    Inside `incomplete.collecting()` (as the pipeline reads an article), a step that raises (a bug) loses its own
    findings alone and is recorded there; outside it, what a step raises is raised (#10)."""
    lang = None
    if kind == "html":
        embeds, found = html.scan(content, utf8=utf8)
        embeds = attempt("embeds: dotted dates", _dotted_by_the_others, embeds, fallback=embeds)
        found = attempt("credits: one per image", html_credits.one_per_image, found, fallback=found)
        lang = _page_language(content) if found else None
    else:
        # A lone CR ends a line, as in HTML: text with CR line ends was one long line to the detectors (a tweet took
        # in the paragraph above). Replaced one for one, so every span still indexes `content`.
        lines = LONE_CR_RE.sub("\n", content) if "\r" in content else content
        embeds = text.find_embeds(lines)
        found = attempt("credits: text", credits.find_credits, lines, plain=True, fallback=[])
    found = attempt("credits: labels", _labelled, found, lang, fallback=found)
    return attempt("embeds: placeholders", _placeholders_out, embeds, fallback=embeds), \
        attempt("credits: split confidence", _marked, found, fallback=found)


def _dotted_by_the_others(embeds: list[Embed]) -> list[Embed]:
    """The embeds with a dotted date of two readings ("03.12.2022") that their page's language did not settle read
    day first where the page's other embeds' dates write their day first ("5. März 2023", "15.01.2023":
    `dates.written_day_first`), as a text's signatures are (newuser46a #8)."""
    dotted = [e for e in embeds if e.date_text and "." in e.date_text]
    if not dotted:   # most pages
        return embeds
    from resolver.extract.dates import DAY_FIRST, date_readings, parse_date, written_day_first, written_month_first

    # read day first by its page's or embed code's language: not where another embed's date writes its month first
    # ("12.25.2022" on the same page: its dots are month first; review46g)
    # (an Instagram embed's date may be its <time datetime>'s, which settles the order: kept)
    by_language = {id(e) for e in dotted if e.date is not None and e.platform != "instagram"
                   and DAY_FIRST in date_readings(e.date_text or "").get(e.date, ())}
    if by_language and written_month_first("\n".join(e.date_text or "" for e in embeds if id(e) not in by_language)):
        embeds = [replace(e, date=None) if id(e) in by_language else e for e in embeds]
    unread = {id(e) for e in embeds if e.date is None and e.date_text and "." in e.date_text}
    others = "\n".join(e.date_text for e in embeds if e.date is not None and e.date_text)
    if not unread or not others or not written_day_first(others):
        return embeds
    return [replace(e, date=parse_date(e.date_text or "", day_first=True)) if id(e) in unread else e for e in embeds]


def _labelled(found: list[Credit], lang: str | None = None) -> list[Credit]:
    """The credits with their labels as their kind (`credits.labelled`: "Foto: Archiv" names no one), read in the
    page's language `lang` where it says which a word is ("DR": fix47b #3)."""
    return [credits.labelled(credit, lang=lang) for credit in found]


def _page_language(content: str) -> str | None:
    """The language an HTML page's `<html lang>` names (its first two or three letters, lower case), or None."""
    found = LANG_RE.search(content, 0, HEAD)
    return found.group(1).casefold() if found is not None else None


def _placeholders_out(embeds: list[Embed]) -> list[Embed]:
    return [_without_placeholders(e) for e in embeds]


LONE_CR_RE = LazyPattern(r"\r(?!\n)")


def _marked(found: list[Credit]) -> list[Credit]:
    """The credits with how sure their person/organisation splits are, unless the page stated it (#11). The
    creators read from the same words (one span, raw and organisation: "Ann Quux, Ben Roe/Riverton") are a list,
    whose names may share their evidence."""
    listed: dict[tuple[tuple[int, int], str, str | None], list[str]] = {}
    for credit in found:
        if credit.creator:
            listed.setdefault((credit.span, credit.raw, credit.organization), []).append(credit.creator)
    # the places where the page credits an agency no other word shares, alone ("(AP)", "(Getty)" ending captions):
    # its credit convention, in which an ambiguous short name is the agency too ("(EPA)" on the Telegraph's page)
    convention = {credit.form for credit in found if credit.form in BY_PLACE_FORMS and not credit.creator
                  and credit.organization and ambiguous_agency(credit.organization) is None
                  and names_an_agency(credit.organization)}
    return [evolve(credit, split_confidence="uncertain") if _by_place_alone(credit) and credit.form not in convention
            else credit if credit.split_confidence is not None else evolve(credit, split_confidence=split_confidence(
                credit.creator, credit.organization, credit.raw,
                listed_with=listed.get((credit.span, credit.raw, credit.organization), ()))) for credit in found]


def _by_place_alone(credit: Credit) -> bool:
    """Is a credit an agency whose short name is also something else ("AA", "EPA", "تسنیم": `ambiguous_agency`),
    read as a credit by its place alone, no credit word or credit element saying so ("Two batteries (AA)")? Then it
    is uncertain (credits36), and the report says why (provenance's `agency-name` check), unless the page credits
    other agencies in that place (`_marked`). A picture word in the credit's own words after the name says it ("(AA
    Photo)": review36c)."""
    return credit.form in BY_PLACE_FORMS and not credit.creator and ambiguous_agency(credit.organization) is not None \
        and not any(PICTURE_WORD_RE.fullmatch(w.strip("()[]")) for w in credit.raw.split()[1:])


def _without_placeholders(embed: Embed) -> Embed:
    """An embed that had not rendered shows "Loading…" or "View this post on Instagram" where the post's words
    would be: that is never its text, name or date (#9 §5), and the links in those words ("Learn more", X's help
    page) are not the post's."""
    text = None if is_placeholder(embed.text) else embed.text
    name = None if is_placeholder(embed.author_name) else embed.author_name
    dated = embed.date_text is not None and not is_placeholder(embed.date_text)
    if (text, name, dated) == (embed.text, embed.author_name, embed.date_text is not None):
        return embed
    return replace(embed, text=text, author_name=name, date_text=embed.date_text if dated else None,
                   date=embed.date if dated else None, text_confidence=embed.text_confidence if text else None,
                   links=embed.links if text or embed.text is None else ())


__all__ = ["FailedStep", "collecting", "find_all", "credits", "html", "text"]
