"""A quote an article gives just above a TikTok embed code (newuser44c #3, the TikTok half; fixnu45b's "left"):
`She wrote: "…"` above the code was never read, where the same words above an Instagram code are. Read now as the
Instagram form is (beside.embed_quote: UNCERTAIN, only the layout ties it to the embed): with no caption in the code,
as the embed's words; beside the code's own caption, as another place of the post's words (`other_words`), so that
the article's quote is compared with the post's caption too (a changed word warns, never fails)."""

from __future__ import annotations

import pytest

from resolver.extract import find_all
from resolver.provenance import text_check

VIDEO = "7301234567890123456"
CAPTION = "Start kneading!! trust the process #sourdough"
CITE = f"https://www.tiktok.com/@crumbqueen_fict/video/{VIDEO}"


def code(caption: str | None = CAPTION) -> str:
    inner = f"<section><p>{caption}</p></section>" if caption else "<section></section>"
    return (f'<blockquote class="tiktok-embed" cite="{CITE}" data-video-id="{VIDEO}">{inner}</blockquote>'
            '<script async src="https://www.tiktok.com/embed.js"></script>')


def tiktok(above: str, caption: str | None = CAPTION):
    html = f"<html><body><article><p>The baker is back.</p>{above}\n{code(caption)}</article></body></html>"
    [embed] = [e for e in find_all(html, "html")[0] if e.platform == "tiktok"]
    return embed, html


def test_a_quote_above_a_code_with_no_caption_is_its_uncertain_text():
    embed, _ = tiktok('<p>She posted the clip, writing: "Start kneading!! trust the process"</p>', caption=None)
    assert (embed.text, embed.text_confidence) == ("Start kneading!! trust the process", "uncertain")


@pytest.mark.parametrize("above, quoted", [
    ('<p>She posted the clip, writing: "Stop kneading!! trust the process"</p>', "Stop kneading!! trust the process"),
    ("<p>She wrote:</p><blockquote><p>“Start kneading, trust the process”</p></blockquote>",
     "Start kneading, trust the process"),
], ids=["writing", "wrote-blockquote"])
def test_a_quote_above_a_code_with_its_caption_is_another_place_of_the_posts_words(above, quoted):
    embed, html = tiktok(above)
    assert (embed.text, embed.text_confidence) == (CAPTION, "high")
    [place] = embed.other_words
    assert (place.text, place.text_confidence) == (quoted, "uncertain")
    assert quoted in html[place.span[0]:place.span[1]].replace("&quot;", '"'), html[place.span[0]:place.span[1]]


def test_a_quote_of_the_captions_own_words_adds_no_place():
    embed, _ = tiktok(f'<p>She posted the clip, writing: "{CAPTION}"</p>')
    assert embed.text == CAPTION and embed.other_words == ()


@pytest.mark.parametrize("above", [
    '<p>Her manager said: "Stop kneading!! trust the process"</p>',            # speech, not the post
    '<p>A fan shared her post, writing: "Stop kneading!! trust the process"</p>',   # another's post
    '<p>"Stop kneading!! trust the process" is what she told the crowd.</p>',  # no verb of posting before it
], ids=["said", "shared", "no-colon"])
def test_a_quote_not_the_posts_is_not_read(above):
    embed, _ = tiktok(above)
    assert embed.other_words == () and embed.text == CAPTION


def test_the_articles_changed_quote_warns_against_the_posts_caption():
    embed, _ = tiktok('<p>She posted the clip, writing: "Stop kneading!! trust the process"</p>')
    [place] = embed.other_words
    data = {"platform": "tiktok", "detector": place.detector, "text": place.text,
            "text_confidence": place.text_confidence, "url": CITE, "post_id": VIDEO}
    post = {"platform": "tiktok", "status": "available", "post_id": VIDEO, "archived": [], "source": "oembed",
            "text": CAPTION, "field_sources": {"text": "oembed"}}
    check = text_check(data, post)
    assert check["result"] == "warn" and "Stop" in check["evidence"], check
