"""fix47d: a quote a colon ties to a video's link with no verb of posting (fictional accounts and words)."""

import pytest

from resolver.extract import find_all
from resolver.provenance import text_check

X_VIDEO = "https://x.com/JaneRoeMin/status/1795012345678901234/video/1"
X_POST = "https://x.com/JaneRoeMin/status/1795012345678901234"
TIKTOK = "https://www.tiktok.com/@janeroe_min/video/7301234567890999999"
REEL = "https://www.instagram.com/reel/C7aBcDeFgHi/"
QUOTE = '"We will rebuild the bridge this year"'


def read(paragraph: str) -> tuple[str | None, str | None]:
    [embed], _ = find_all(f"<html><body><article>{paragraph}</article></body></html>", "html")
    return embed.text, embed.text_confidence


# "Minister Jane Roe <a>in a video</a>: “…”" names nobody posting: the words may be what she says in the video, not
# its caption, which is what the check compares. Read as tied by the markup (`high`), a quote of the speech differing
# from the caption failed; it is read as uncertain, so a change warns (fix47d #5).
@pytest.mark.parametrize("paragraph", [
    f'<p>Minister Jane Roe <a href="{X_VIDEO}">in a video</a>: {QUOTE}</p>',
    f'<p>Minister Jane Roe <a href="{X_VIDEO}">on X</a>: {QUOTE}</p>',
    f'<p><a href="{TIKTOK}">Minister Jane Roe</a>: {QUOTE}</p>',
    f'<p>In a video from the riverbank, Minister Jane Roe <a href="{X_POST}">on X</a>: {QUOTE}</p>',
    f'<p>Minister Jane Roe <a href="{REEL}">on Instagram</a>: {QUOTE}</p>',
], ids=["in-a-video", "x-video-url", "tiktok-name-link", "video-in-the-sentence", "instagram-reel"])
def test_a_colon_tied_quote_beside_a_video_with_no_verb_is_uncertain(paragraph):
    assert read(paragraph) == ("We will rebuild the bridge this year", "uncertain")


@pytest.mark.parametrize("paragraph", [
    f'<p>Minister Jane Roe <a href="{X_POST}">on X</a>: {QUOTE}</p>',
    f'<p>Minister Jane Roe <a href="{X_VIDEO}">wrote on X</a>: {QUOTE}</p>',
    f'<p>Minister Jane Roe posted <a href="{TIKTOK}">a video</a>: {QUOTE}</p>',
    f'<p>Министр Джейн Роу <a href="{TIKTOK}">написала в TikTok</a>: {QUOTE}</p>',
], ids=["no-video", "verb-of-posting", "posted-a-video", "a-verb-the-list-lacks"])
def test_a_colon_tied_quote_with_a_verb_or_no_video_is_still_tied(paragraph):
    assert read(paragraph) == ("We will rebuild the bridge this year", "high")


def test_its_check_against_the_caption_warns_and_says_what_was_compared():
    data = {"platform": "twitter", "kind": "post", "detector": "html-link", "url": X_VIDEO,
            "post_id": "1795012345678901234"}
    post = {"platform": "twitter", "status": "available", "post_id": "1795012345678901234", "archived": [],
            "source": "syndication", "text": "We will rebuild the bridge by May.", "text_kind": "text",
            "media": [{"type": "video", "url": "https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/a.jpg"}],
            "field_sources": {"text": "syndication"}}
    said, confidence = read(f'<p>Minister Jane Roe <a href="{X_VIDEO}">in a video</a>: {QUOTE}</p>')
    check = text_check({**data, "text": said, "text_confidence": confidence}, post)
    assert check["result"] == "warn", check
    assert "by May → this year" in check["evidence"], check
    assert "compared with its caption" in check["evidence"], check
