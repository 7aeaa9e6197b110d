"""A sponsorship disclosure (#ad, #sponsored, #werbung, …) the article's quote adds to a post, or drops from it, is
named as a disclosure change in the text check, never only "glued on by the page or a scraper?" (newuser44c #10)."""

import pytest

from resolver.provenance import text_check


def _check(said: str, post_text: str, detector: str = "html-blockquote") -> dict:
    embed = {"platform": "tiktok", "text": said, "detector": detector, "text_confidence": "high"}
    post = {"platform": "tiktok", "post_id": "7320001112223334445", "status": "available", "text": post_text,
            "method": "oembed", "field_sources": {"text": "oembed"}}
    return text_check(embed, post)


def test_a_disclosure_the_post_does_not_carry_is_named_added():
    check = _check("before ➡️ after #glowup #ad", "before ➡️ after #glowup")
    assert check["result"] == "warn"
    assert 'sponsorship disclosure added: "#ad" is in the article\'s quote, not in the post' in check["evidence"]
    assert "glued on" not in check["evidence"]
    assert check["disclosure"] == {"added": ["#ad"], "dropped": []}


def test_a_disclosure_the_quote_leaves_out_is_named_dropped_and_no_pass():
    # without the tag the quote is the post's first words: a partial quote, which passed
    check = _check("Three serums I swear by this winter", "Three serums I swear by this winter #Werbung",
                   detector="text-url")
    assert check["result"] == "warn"
    assert 'sponsorship disclosure dropped: the post carries "#Werbung", the article\'s quote does not' \
        in check["evidence"]
    assert check["disclosure"] == {"added": [], "dropped": ["#Werbung"]}


@pytest.mark.parametrize("tag", ["#sponsored", "#spon", "#partner", "#paidpartnership", "#anzeige", "#publi",
                                 "#publicidade", "#AD"])
def test_every_disclosure_tag_is_read(tag):
    check = _check(f"glow serum day {tag}", "glow serum day")
    assert f'sponsorship disclosure added: "{tag}"' in check["evidence"]


def test_the_same_disclosure_on_both_sides_and_look_alike_tags_say_nothing():
    assert "disclosure" not in _check("glow serum day #ad", "glow serum day #ad")
    assert "disclosure" not in _check("glow serum day #ad", "glow serum day #AD")
    # #adventure, #adidas, #partnership, #ad_free and "ad" without its # are no disclosure tags
    for said in ("glow serum day #adventure", "glow serum day #adidas", "glow serum day #partnership",
                 "glow serum day #ad_free", "glow serum day ad"):
        assert "disclosure" not in _check(said, "glow serum day"), said


def test_a_disclosure_past_a_cut_is_said_so():
    # the quote cut with "… more", as TikTok shows a long caption: the tag is past the cut, not taken out of the words
    check = _check("Three serums I swear by … more", "Three serums I swear by this winter #ad")
    assert check["result"] == "warn"
    assert 'sponsorship disclosure dropped: the post carries "#ad", the article\'s quote, which is cut (…), does ' \
        "not" in check["evidence"]
    # the source's own text cut: whether the post carries the article's #ad is not known, and not said "added"
    check = _check("Three serums I swear by this winter #ad", "Three serums I swear by…")
    assert "disclosure" not in check, check


@pytest.mark.parametrize("said", ["glow serum day https://shop.example/#ad", "glow serum day shop.example/p?id=4&#sponsored",
                                  "glow serum day www.shop.example/#partner"])
def test_a_fragment_of_a_link_is_no_disclosure_tag(said):
    # review45f: "https://shop.example/#ad" was read as the tag #ad, said "added" where the post links the same page
    assert "disclosure" not in _check(said, "glow serum day https://shop.example/"), said
