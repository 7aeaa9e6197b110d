"""Quotes in Spanish and Portuguese: translations beside a link, decimal marks and the scale words of a translation
(newuser45a #1, #3, #4); fictional posts and quotes."""

import pytest

from resolver.provenance import text_check
from resolver.quotes import compare

PT_POST = "O governo não vai cortar R$ 1,2 bilhão da educação. Isso é fake news."


def checked(said: str, post: str, lang: str, detector: str = "html-link", confidence: str = "uncertain") -> dict:
    return text_check({"text": said, "detector": detector, "text_confidence": confidence, "platform": "twitter"},
                      {"status": "available", "text": post, "lang": lang, "archived": [], "post_id": "1",
                       "platform": "twitter"})


@pytest.mark.parametrize("detector", ["html-link", "html-blockquote"])
def test_a_translation_that_drops_the_posts_negation_says_so_beside_a_link_as_in_embed_code(detector):
    """Beside a link it said only "mostly not the post's (they may quote something else)" (newuser45a #1)."""
    found = checked("The government will cut R$ 1.2 billion from education", PT_POST, "pt", detector)
    assert found["result"] == "warn", found
    assert "which reads as English, the post is in Portuguese: a translation?" in found["evidence"], found
    assert 'the post has a negation ("não"), the quote none' in found["evidence"], found
    assert "mostly not the post's" not in found["evidence"], found


INFLATION = "La inflación de agosto fue del {}, la más baja del año."


@pytest.mark.parametrize("post, said", [("3,5%", "3.5%"), ("3.5%", "3,5%"), ("12,75", "12.75"), ("1.234,5", "1,234.5")])
def test_the_same_figure_with_the_other_decimal_mark_warns_naming_it_never_fails(post, said):
    """Mexican and Central American papers write "3.5%" where a Spanish post writes "3,5%": it failed as a changed
    figure, `--fail-on fail` rejecting a correct quote (newuser45a #3)."""
    c = compare(INFLATION.format(said), INFLATION.format(post), lang="es")
    assert c.result == "warn", c.evidence
    assert "a decimal comma on one side and a decimal point on the other" in c.evidence, c.evidence


@pytest.mark.parametrize("post, said", [("1.000", "1,000"), ("1,000", "1.000"), ("2,500", "2.500")])
def test_a_thousands_group_or_a_decimal_warns_saying_it_may_be_either(post, said):
    """"1,000" in a Spanish post may be one, to three places; "1.000" a thousand: never a pass, never the same figure
    said sure (newuser45a #3)."""
    c = compare(INFLATION.format(said), INFLATION.format(post), lang="es")
    assert c.result == "warn", c.evidence
    assert "a thousands' group in one way of writing figures, a decimal mark in the other" in c.evidence, c.evidence


@pytest.mark.parametrize("post, said", [("3,5%", "35%"), ("3,5%", "5,3%"), ("3,5%", "5.3%"), ("3,5%", "3.6%"),
                                        ("3,5%", "0.35%"), ("1.000", "1,0")])
def test_another_value_with_either_decimal_mark_still_fails(post, said):
    c = compare(INFLATION.format(said), INFLATION.format(post), lang="es")
    assert c.result == "fail", c.evidence
