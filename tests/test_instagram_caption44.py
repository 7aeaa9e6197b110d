"""An Instagram embed shows a placeholder, not its caption, and Instagram's oEmbed answer holds no caption: the text
check said "the article quotes no text of this post" beside a caption the article quotes next to the embed
(newuser44c #3). It now says why no quote was compared, naming Instagram's answer."""

from resolver.provenance import text_check

PLACEHOLDER = "View this post on Instagram A post shared by Mira Vale (@miravale_fict)"


def _embed(platform="instagram"):
    return {"platform": platform, "detector": "html-blockquote", "text": PLACEHOLDER, "quote": PLACEHOLDER,
            "url": "https://www.instagram.com/p/CaBcDeFgHiJ/", "post_id": "CaBcDeFgHiJ"}


def _post(text=None):
    return {"status": "available", "text": text, "post_id": "CaBcDeFgHiJ", "archived": [], "source": "oembed"}


def test_an_instagram_placeholder_with_no_caption_in_the_answer_says_the_caption_could_not_be_compared():
    check = text_check(_embed(), _post())
    assert check["result"] == "skip"
    assert "quotes no text" not in check["evidence"]
    assert "Instagram's oEmbed answer holds no caption" in check["evidence"]
    assert "View this post on Instagram" in check["evidence"]


def test_an_instagram_placeholder_not_fetched_says_the_post_was_not_fetched():
    check = text_check(_embed(), None)
    assert check["result"] == "skip" and "quotes no text" not in check["evidence"]
    assert "not fetched" in check["evidence"]


def test_an_instagram_link_keeps_saying_no_words_were_read_beside_it():
    embed = _embed() | {"detector": "html-link", "text": None, "quote": "watch"}
    check = text_check(embed, _post())
    assert "Instagram's placeholder" not in check["evidence"] and "beside the link" in check["evidence"]
