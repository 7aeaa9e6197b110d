"""review46g: adversarial review of stop 46's fixnu46b (dotted dates, role words, short scales) and fixleft46c
(capture times, tg:// links, paged Telegram captures, a Bluesky capture under its shown handle). Fictional inputs;
no network."""

import pytest

from resolver.extract import find_all
from resolver.extract.text import find_signatures


def _two_embeds(page: str, data_lang: str | None, other: str) -> str:
    quote = ('<blockquote class="twitter-tweet"{}><p>Heute beginnt die Beratung.</p>&mdash; Sozialministerium '
             'Beispiel (@SozMin_Beispiel) <a href="https://twitter.com/SozMin_Beispiel/status/{}">{}</a></blockquote>')
    lang = f' data-lang="{data_lang}"' if data_lang else ""
    return (f'<!doctype html><html lang="{page}"><body><article>'
            + quote.format(lang, "1598961485214647506", "03.12.2022")
            + quote.format("", "1632385474360247506", other) + "</article></body></html>")


@pytest.mark.parametrize("page, data_lang, other", [
    ("en", "de", "12.25.2022"), ("de", None, "12.25.2022"), ("en", "de", "12/25/2022"),
    ("en", "de", "December 25, 2022")],
    ids=["data-lang-de-dots-month-first", "page-de-dots-month-first", "data-lang-de-slash-month-first",
         "data-lang-de-words-month-first"])
def test_a_dotted_date_is_not_read_day_first_by_language_where_the_page_writes_month_first(
        page, data_lang, other):
    """"03.12.2022" was read 2022-12-03 by the page's or embed code's language though the same page's other embed
    writes "12.25.2022", a date only month first reads: that page writes its figures month first, and the date
    check then said the article's date was "read day first … which the page's language says it is"."""
    embeds = find_all(_two_embeds(page, data_lang, other), "html")[0]
    assert [(e.date_text, e.date) for e in embeds] == [("03.12.2022", None), (other, "2022-12-25")]


def test_a_dotted_date_is_still_read_day_first_by_language_beside_a_day_first_figure():
    embeds = find_all(_two_embeds("en", "de", "25.12.2022"), "html")[0]
    assert [(e.date_text, e.date) for e in embeds] == [("03.12.2022", "2022-12-03"), ("25.12.2022", "2022-12-25")]


SIGNED = ("Innenministerium dementiert Bericht\n\nEs gibt keine neuen Grenzkontrollen an der Grenze.\n"
          "— Innenministerium Beispiel (@BMI_Beispiel) {}\n\nAm Abend folgte ein weiterer Beitrag:\n\n"
          "Die Lage bleibt ruhig.\n— Innenministerium Beispiel (@BMI_Beispiel) 03.12.2022\n\nFoto: dpa\n")


@pytest.mark.parametrize("other", ["09.25.2022", "September 25, 2022"], ids=["dots-month-first", "words-month-first"])
def test_a_dotted_signature_is_not_read_day_first_by_the_pages_language_beside_a_month_first_date(other):
    """With the page's language German, "03.12.2022" was read 2022-12-03 beside "09.25.2022" in the same text."""
    embeds = find_signatures(SIGNED.format(other), langs=("de",))
    assert [(e.date_text, e.date) for e in embeds] == [(other, "2022-09-25"), ("03.12.2022", None)]


def test_a_dotted_signature_is_read_day_first_by_the_pages_language_alone():
    embeds = find_signatures(SIGNED.format("25.09.2022").replace("25.09.2022", "Innen"), langs=("de",))
    assert [(e.date_text, e.date) for e in embeds][-1] == ("03.12.2022", "2022-12-03")


STATUS_ID = "1635717429457846273"
FINANCE = {"status": "available", "text": "Wir erhöhen die Steuern nicht.", "post_id": STATUS_ID,
           "platform": "twitter", "archived": [],
           "author": {"handle": "BMF_Beispiel", "name": "Bundesministerium der Beispiele"}}


def _author_of(speaker: str, post: dict) -> dict:
    from resolver.provenance import author_check

    url = f"https://twitter.com/{post['author']['handle']}/status/{STATUS_ID}"
    html = (f'<html lang="de"><body><article><p>{speaker} <a href="{url}">schrieb auf X</a>: „Wir erhöhen die '
            'Steuern nicht.“</p></article></body></html>')
    [embed] = find_all(html, "html")[0]
    return author_check(embed.to_json(), post)


@pytest.mark.parametrize("speaker", ["Das Innenministerium", "Die Verteidigungsministerin", "Der Polizeisprecher",
                                     "Der Bundesinnenminister"])
def test_a_german_role_naming_another_body_before_the_link_still_warns(speaker):
    """"Das Innenministerium schrieb" before a link to the finance ministry's post passed as its author: the whole
    compound was set aside as a role, its "Innen" (which ministry) with it (fixnu46b)."""
    checked = _author_of(speaker, FINANCE)
    assert checked["result"] == "warn" and "wrong speaker" in checked["evidence"], checked


@pytest.mark.parametrize("speaker, handle, name", [
    ("Der Polizeisprecher", "PolizeiBeispiel", "Polizei Beispielstadt"),
    ("Das Finanzministerium", "BMF_Beispiel", "Bundesministerium der Finanzen"),
    ("Der Regierungssprecher", "BReg_Beispiel", "Bundesregierung Beispiel"),
    ("Die Bundesministerin", "BMF_Beispiel", "Bundesministerium der Beispiele"),
], ids=["polizei", "finanz", "regierungssprecher", "bundesministerin"])
def test_a_german_role_naming_the_posts_own_body_passes(speaker, handle, name):
    post = {**FINANCE, "author": {"handle": handle, "name": name}}
    checked = _author_of(speaker, post)
    assert checked["result"] == "pass", checked


@pytest.mark.parametrize("said, post, lang, quote_lang, figure", [
    ("Wir haben 300 Ärzte eingestellt.", "We hired 300 MD graduates this year.", "en", "de", "300"),
    ("Wir haben 300 Ärzte eingestellt.", "We hired 300 Md graduates this year.", "en", "de", "300"),
    ("Abbiamo 3 amici in città.", "Nous avons 3 mia amici en ville.", "fr", "it", "3"),
    ("Wir haben heute 5 Bio-Produkte verkauft.", "Nous avons vendu 5 Bio produits aujourd'hui.", "fr", "de", "5"),
], ids=["english-md", "english-md-capital", "french-mia", "french-bio"])
def test_a_short_scale_of_another_language_is_no_scale(said, post, lang, quote_lang, figure):
    """"300 MD graduates" in an English post was read as 300 × 10^9 (French "Md"), and the German quote's 300 was
    "not among the post's figures (300 MD)": 300 is the post's figure (fixnu46b)."""
    from resolver.quotes import compare

    c = compare(said, post, lang=lang, quote_lang=quote_lang)
    assert f"{figure} is not among" not in c.evidence and "10^9" not in c.evidence \
        and "10^12" not in c.evidence, c.evidence


def test_a_bluesky_capture_before_its_record_keys_time_is_not_said_made_before_the_post_existed():
    """A TID record key is the posting app's to write: a capture made before the time it names was said "captured
    before the post existed … it cannot show that post", more than the key can say (fixleft46c)."""
    from datetime import datetime, timezone

    from resolver.fetch import wayback
    from resolver.fetch.records import PostRecord

    did = "did:plc:abcdefghijklmnopqrstuvwx"
    reading = wayback.CaptureReading(PostRecord(platform="bluesky", post_id=f"{did}/3kharbour2abc", url="u",
                                                status="available", method="wayback", text="Words."), "noscript")
    assert datetime(2023, 12, 23, 23, 37, tzinfo=timezone.utc) < wayback.platforms_bluesky.tid_time("3kharbour2abc") \
        < datetime(2023, 12, 23, 23, 38, tzinfo=timezone.utc)
    record = wayback._not_before_its_key(f"{did}/3kharbour2abc", "20231223220000", reading).record
    assert record.status == "unknown" and record.text is None, record
    assert "before the post existed" not in (record.reason or ""), record
    assert "if the app that posted it wrote the key when posting" in (record.reason or ""), record


def test_a_figure_before_a_lone_capital_m_is_not_said_missing_where_the_quote_gives_it():
    """"Größe 38 M" (a size) was read as 38 × 10^6 alone, and the quote's 38 was "not among the post's figures (38 M)";
    a lone "M" is read as a million or as nothing (fixnu46b)."""
    from resolver.quotes import compare

    c = compare("Size 38 medium is in stock.", "Größe 38 M ist vorrätig.", lang="de", quote_lang="en")
    assert "38 is not among" not in c.evidence, c.evidence
    c = compare("Size 38 million is in stock.", "Größe 38 M ist vorrätig.", lang="de", quote_lang="en")
    assert "not among" not in c.evidence, c.evidence
    c = compare("Size 38 billion is in stock.", "Größe 38 M ist vorrätig.", lang="de", quote_lang="en")
    assert "38 billion" in c.evidence, c.evidence


def test_an_instagram_dotted_date_its_time_stamp_settles_is_kept_beside_a_month_first_date():
    """The `<time datetime>` of an Instagram embed settles its dotted words' order; another embed's month-first date
    does not unset it (the guard of review46g's first fix)."""
    page = ('<html lang="en"><body><blockquote class="instagram-media" data-instgrm-version="7"><div><p><a '
            'href="https://www.instagram.com/p/BxAmPlE1234/">Work</a></p><p>A post shared by Riverton Crew '
            '(@riverton.crew) on <time datetime="2022-12-03T07:31:37+00:00">03.12.2022</time></p></div></blockquote>'
            '<blockquote class="twitter-tweet"><p>Words.</p>&mdash; Riverton (@Riverton_Crew) <a href="https://'
            'twitter.com/Riverton_Crew/status/1632385474360247506">12.25.2022</a></blockquote></body></html>')
    embeds = find_all(page, "html")[0]
    assert [(e.date_text, e.date) for e in embeds] == [("03.12.2022", "2022-12-03"), ("12.25.2022", "2022-12-25")]
