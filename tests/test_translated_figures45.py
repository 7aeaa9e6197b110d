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
