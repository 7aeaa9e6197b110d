"""review45e: adversarial review of stop 45's Instagram capture reader (fixnu45b) and mojibake repair (fixnu45e)."""

from __future__ import annotations

import pytest

from resolver.fetch import instagram_pages
from tests.test_instagram_captures45 import CAPTION, NAME, head, quoted_above_a_private_post

CUT_TITLE = head(title=f'{NAME} on Instagram: "secret menu 🤫 back for one')


def test_a_quote_of_a_whole_caption_beside_a_capture_cut_short_is_said_unchecked_past_the_cut(fakenet, tmp_path,
                                                                                            monkeypatch):
    """The capture's head gives the caption cut short (no closing quote): the article's words after the cut are not
    known, never "words that are not the post's … glued on by the page or a scraper?"; the copy's text ends with the
    cut's mark in every output (JSON, Markdown, fetch)."""
    run, embed = quoted_above_a_private_post(fakenet, tmp_path, monkeypatch, CUT_TITLE, CAPTION)
    text = {c["name"]: c for c in embed["checks"]}["text"]
    assert text["result"] == "warn", text
    assert "not the post's" not in text["evidence"] and "glued on" not in text["evidence"], text
    assert '"week only #foodie" after them cannot be checked: the source\'s text is cut there' in text["evidence"], text
    [copy] = embed["post"]["archived"]
    assert copy["text"] == "secret menu 🤫 back for one…" and instagram_pages.CUT in copy["notes"], copy
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text | — | secret menu 🤫 back for one… |" in md, md


IRMA = "VIVA A MINHA \u00abIRM\u00c3\u00bb \u2014 CAMPE\u00c3 DA EUROPA"   # «IRMÃ»: Portuguese capitals in guillemets


def test_a_portuguese_word_in_capitals_closed_by_a_guillemet_is_no_mojibake():
    """"Ã»" is what "û" becomes read as Windows-1252, but «IRMÃ» is a Portuguese word in capitals (irmã, sister) and
    its closing guillemet: ftfy read it "«IRMû" and the page was said to hold mojibake, the post's words altered."""
    from resolver.pipeline import scan

    data = scan(f"<p>{IRMA}</p>", source="p.html").to_json()
    assert [w for w in data["warnings"] if w["kind"] == "mojibake"] == [], data["warnings"]


def test_a_correct_portuguese_post_on_a_page_with_mojibake_elsewhere_keeps_its_words():
    """The page's other paragraph holds real mojibake ("â€™"): the embed's own words, right as written, are not
    "repaired" into another word (and the embed is not said repaired)."""
    from resolver.pipeline import scan
    from tests.test_verdicts import POST, blockquote

    page = (f"<html><head><meta charset=\"utf-8\"></head><body><p>The club\u00e2\u20ac\u2122s captain wrote:</p>"
            f"{blockquote(POST, IRMA)}</body></html>")
    data = scan(page, source="p.html").to_json()
    [embed] = data["embeds"]
    assert embed["text"] == IRMA, embed["text"]
    [said] = [w for w in data["warnings"] if w["kind"] == "mojibake"]
    assert said["embeds"] == [] and said["examples"] == [{"written": "\u00e2\u20ac\u2122", "read_as": "\u2019"}], said


def test_mojibake_either_side_of_a_word_in_capitals_is_still_undone():
    from resolver.mojibake import repaired

    assert repaired("CAF\u00c3\u2030 \u00abIRM\u00c3\u00bb e Ren\u00c3\u00a9e, IL A D\u00c3\u203a PARTIR") == \
        "CAF\u00c9 \u00abIRM\u00c3\u00bb e Ren\u00e9e, IL A D\u00db PARTIR"


@pytest.mark.parametrize("above", [
    "<p>The mayor tweeted: “We are closed today.”</p>",
    "<p>She wrote on X: “We are closed today.”</p>",
    "<p>The band posted on TikTok, writing: “We are closed today.”</p>",
    "<p>He wrote:</p><blockquote><p>Tweeting from the road: closed today.</p></blockquote>".replace(
        "He wrote:", "He tweeted:"),
], ids=["tweeted", "on-x", "on-tiktok", "tweeted-blockquote"])
def test_a_quote_of_a_post_on_another_platform_above_an_instagram_embed_is_not_its_caption(above):
    """The quote just above an Instagram embed code that shows no caption is read as the caption only when the words
    introducing it name no other platform's post: "The mayor tweeted: “…”" quotes a tweet, and was given as the
    Instagram post's words (compared with its archived caption, or "compare it by hand")."""
    from tests.test_instagram_quotes45 import read

    assert read(above) == (None, None)


def test_a_quote_introduced_on_instagram_is_still_read():
    from tests.test_instagram_quotes45 import CAPTION, read

    assert read(f"<p>She wrote on Instagram: “{CAPTION}”</p>") == (CAPTION, "uncertain")
    assert read(f"<p>Xavier wrote: “{CAPTION}”</p>") == (CAPTION, "uncertain")


def test_an_icelandic_word_in_capitals_closed_by_its_quote_is_no_mojibake():
    """„ÞAÐ ER BÚIÐ“: "Ð“" is what Cyrillic "Г" becomes read as Windows-1252, and here Icelandic's capital eth and the
    closing mark of its „…“ quote: it was said mojibake and "repaired" into „ÞAÐ ER BÚIГ (Spanish MURIÃ“, with no
    „ before it, is still mojibake of MURIÓ)."""
    from resolver.mojibake import repaired
    from resolver.pipeline import scan

    said = "\u201e\u00deA\u00d0 ER B\u00daI\u00d0\u201c sag\u00f0i hann."
    data = scan(f"<p>The club\u00e2\u20ac\u2122s captain: {said}</p>", source="p.html").to_json()
    [warning] = [w for w in data["warnings"] if w["kind"] == "mojibake"]
    assert warning["examples"] == [{"written": "\u00e2\u20ac\u2122", "read_as": "\u2019"}], warning
    assert repaired(f"Dad\u00e2\u20ac\u2122s. {said}") == f"Dad\u2019s. {said}"
    assert repaired("MURI\u00c3\u201c AYER") == "MURI\u00d3 AYER"
