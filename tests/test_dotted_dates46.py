"""Dates written with dots ("03.12.2022") where the page, the embed or the article's other dates settle the order:
German, French and most of Europe write day.month.year with dots (newuser46a #8); and a signature with a weekday
before its date (newuser46a #11). Fictional posts; no network."""

import pytest

from resolver.extract import find_all
from resolver.extract.text import find_signatures
from resolver.provenance import date_checks

STATUS = "https://twitter.com/SozMin_Beispiel/status/1598961485214647506"


def _blockquote(date: str, *, page: str = "de", data_lang: str | None = "de") -> str:
    lang = f' data-lang="{data_lang}"' if data_lang else ""
    return (f'<!doctype html><html lang="{page}"><body><article><blockquote class="twitter-tweet"{lang}><p>Heute '
            f'beginnt die Beratung.</p>&mdash; Sozialministerium Beispiel (@SozMin_Beispiel) <a href="{STATUS}">'
            f'{date}</a></blockquote></article></body></html>')


@pytest.mark.parametrize("html", [_blockquote("03.12.2022"), _blockquote("03.12.2022", data_lang=None),
                                  _blockquote("03.12.2022", page="en", data_lang="fr")],
                         ids=["data-lang-de", "html-lang-de", "data-lang-fr"])
def test_a_dotted_date_in_a_german_or_french_embed_is_read_day_first(html):
    [embed] = find_all(html, "html")[0]
    assert (embed.date_text, embed.date) == ("03.12.2022", "2022-12-03")


@pytest.mark.parametrize("html", [_blockquote("03/12/2022", page="en", data_lang=None),
                                  _blockquote("03.12.2022", page="en", data_lang=None)],
                         ids=["slash-english", "dots-english"])
def test_a_numeric_date_nothing_settles_stays_unread(html):
    [embed] = find_all(html, "html")[0]
    assert embed.date is None


def test_the_date_check_says_the_reading_and_why():
    [embed] = find_all(_blockquote("03.12.2022"), "html")[0]
    post = {"status": "available", "post_id": "1598961485214647506", "platform": "twitter", "archived": [],
            "created_at": "2022-12-03T09:00:00.000Z", "author": {"handle": "SozMin_Beispiel", "name": "x"}}
    [checked] = [c for c in date_checks(embed.to_json(), post) if c["name"] == "date"]
    assert checked["result"] == "pass", checked
    assert "“03.12.2022” read day first" in checked["evidence"], checked


GERMAN_TEXT = ("Innenministerium dementiert Bericht\n\nEs gibt keine neuen Grenzkontrollen an der Grenze.\n"
               "— Innenministerium Beispiel (@BMI_Beispiel) 12. September 2022\n\nAm Abend folgte ein weiterer "
               "Beitrag:\n\nDie Lage bleibt ruhig.\n— Innenministerium Beispiel (@BMI_Beispiel) {}\n\nFoto: dpa\n")


def test_a_scraped_dotted_signature_beside_a_day_first_one_is_read_day_first():
    embeds = find_signatures(GERMAN_TEXT.format("12.09.2022"))
    assert [(e.date_text, e.date) for e in embeds] == [("12. September 2022", "2022-09-12"),
                                                       ("12.09.2022", "2022-09-12")]


def test_a_scraped_dotted_signature_beside_a_month_first_one_stays_unread():
    text = GERMAN_TEXT.replace("12. September 2022", "September 12, 2022").format("12.09.2022")
    assert [(e.date_text, e.date) for e in find_signatures(text)][1] == ("12.09.2022", None)


WEEKDAY_TEXT = "Title\n\nThe ministry wrote:\n\nPost number one about the situation here.\n— Ministry Example (@Min_Example) {}\n"


@pytest.mark.parametrize("written, day", [
    ("Monday, September 12, 2022", "2022-09-12"), ("Montag, 12. September 2022", "2022-09-12"),
    ("lundi 12 septembre 2022", "2022-09-12"), ("Mon, Sep 12, 2022", "2022-09-12"),
], ids=["english", "german", "french", "english-short"])
def test_a_signature_with_its_weekday_before_the_date_is_read(written, day):
    """The embed was dropped silently (newuser46a #11)."""
    [embed] = find_signatures(WEEKDAY_TEXT.format(written))
    assert (embed.author_handle, embed.date_text, embed.date) == ("Min_Example", written, day)


def test_a_weekday_that_is_not_the_dates_is_said_and_the_date_not_read():
    [embed] = find_signatures(WEEKDAY_TEXT.format("Sunday, September 12, 2022"))
    assert (embed.date_text, embed.date) == ("Sunday, September 12, 2022", None)
    [checked] = [c for c in date_checks(embed.to_json(), None) if c["name"] == "date"]
    assert checked["result"] == "skip", checked
    assert "“Sunday” is not the weekday of 2022-09-12, a Monday" in checked["evidence"], checked


def _two_embeds(other: str) -> str:
    quote = ('<blockquote class="twitter-tweet"><p>Heute beginnt die Beratung.</p>&mdash; Sozialministerium Beispiel '
             '(@SozMin_Beispiel) <a href="https://twitter.com/SozMin_Beispiel/status/{}">{}</a></blockquote>')
    return ("<!doctype html><html><body><article>" + quote.format("1598961485214647506", "03.12.2022")
            + quote.format("1632385474360247506", other) + "</article></body></html>")


@pytest.mark.parametrize("other, day", [("5. März 2023", "2022-12-03"), ("15.01.2023", "2022-12-03"),
                                        ("March 5, 2023", None)], ids=["day-first-words", "day-first-figures",
                                                                        "month-first"])
def test_an_embeds_dotted_date_is_read_by_the_articles_other_embeds_dates(other, day):
    embeds = find_all(_two_embeds(other), "html")[0]
    assert [(e.date_text, e.date) for e in embeds][0] == ("03.12.2022", day)
