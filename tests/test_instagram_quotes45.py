"""A caption an article quotes just above an Instagram embed code (newuser44c #3): version 14's code shows
"View this post on Instagram" and "A post shared by …", no words of the post, and the quote beside it was never read
(the report said "the article quotes no text of this post"). It is read now as a quote beside a link is, UNCERTAIN
(only the layout ties it to the embed): the paragraph right above whose closing quote a colon after a verb of posting
opens ("…, writing: “…”"), or the blockquote right above under a paragraph that ends so ("He wrote:"). Where
Instagram's answer holds no caption the text check says the quote could not be checked, naming it."""

from __future__ import annotations

import pytest

from resolver.extract import find_all
from resolver.provenance import text_check

CAPTION = "new chapter 🖤 thank u @inkbyluna_fict for the magic #tattoo"
CODE = ('<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CxYz_Ab-9Kq/" '
        'data-instgrm-version="14"><div><a href="https://www.instagram.com/p/CxYz_Ab-9Kq/">View this post on '
        'Instagram</a><p><a href="https://www.instagram.com/p/CxYz_Ab-9Kq/">A post shared by Mira Vale '
        '(@miravale_fict)</a></p></div></blockquote><script async src="//www.instagram.com/embed.js"></script>')


def read(above: str, code: str = CODE) -> tuple[str | None, str | None]:
    [embed] = [e for e in find_all(f"<html><body><article>{above}\n{code}</article></body></html>", "html")[0]
               if e.platform == "instagram"]
    return embed.text, embed.text_confidence


@pytest.mark.parametrize("above", [
    f"<p>The singer shared the ink on Instagram, writing: “{CAPTION}”</p>",
    f'<p>She posted the photo with the caption: "{CAPTION}".</p>',
    f"<p>Mira Vale wrote:</p><blockquote><p>“{CAPTION}”</p></blockquote>",
    f"<p>She captioned it:</p><blockquote><p>{CAPTION}</p></blockquote>",
], ids=["writing", "posted-caption", "wrote-blockquote", "unquoted-blockquote"])
def test_a_quote_just_above_the_embed_code_is_read_as_its_uncertain_text(above):
    assert read(above) == (CAPTION, "uncertain")


@pytest.mark.parametrize("above", [
    f"<p>Her manager said: “{CAPTION}”</p>",                              # speech, not the post
    f"<p>A fan shared her post, writing: “{CAPTION}”</p>",                # another's post shared
    f"<p>She wrote “{CAPTION}” and fans loved it.</p>",                   # not the paragraph's end, no colon
    f"<p>The studio's sign reads: “{CAPTION}”</p>",                       # no verb of posting
    f"<blockquote><p>“{CAPTION}”</p></blockquote>",                      # a blockquote with no lead-in
    f"<p>She wrote:</p><blockquote><p>“{CAPTION}” <a href='https://x.test/'>more</a></p></blockquote>",
    f"<p>She wrote:</p><p>Something else entirely.</p>",
], ids=["said", "shared", "mid-sentence", "no-verb", "bare-blockquote", "linked-blockquote", "plain-paragraph"])
def test_other_words_above_the_embed_code_are_not_read_as_its_quote(above):
    assert read(above) == (None, None)


def test_a_captioned_embed_code_keeps_its_own_caption():
    captioned = CODE.replace('data-instgrm-version="14"', 'data-instgrm-captioned data-instgrm-version="14"').replace(
        "<p><a", "<p>studio day 🎧</p><p><a", 1)
    assert read(f"<p>She wrote: “{CAPTION}”</p>", captioned) == ("studio day 🎧", "high")


@pytest.mark.parametrize("post, why", [
    ({"status": "available", "text": None, "post_id": "CxYz_Ab-9Kq", "archived": [], "source": "oembed"},
     "Instagram's answer holds no caption"),
    (None, "the post was not fetched"),
], ids=["answered", "not-fetched"])
def test_a_quote_read_beside_an_embed_code_with_no_caption_to_compare_says_so_and_names_it(post, why):
    embed = {"platform": "instagram", "detector": "html-blockquote", "text": CAPTION, "text_confidence": "uncertain",
             "url": "https://www.instagram.com/p/CxYz_Ab-9Kq/", "post_id": "CxYz_Ab-9Kq"}
    check = text_check(embed, post)
    assert (check["result"], check["evidence"]) == (
        "skip", f"{why}: the article's quote could not be checked (“{CAPTION}”: compare it by hand)"), check
