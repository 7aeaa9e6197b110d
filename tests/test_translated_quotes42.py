"""Words quoted in another script than the post's: a translation, said so with "compare by hand", not only "mostly
not the post's (they may quote something else)" (newuser42b #9)."""

import pytest

from resolver.provenance import text_check

HEBREW = "לא נסכים להפסקת אש ללא החזרת כל החטופים"


def test_a_quote_in_another_script_than_the_post_is_said_to_be_a_translation():
    embed = {"text": "We will agree to a ceasefire without the return of all the hostages.", "detector": "html-link",
             "platform": "twitter", "text_confidence": "high"}
    check = text_check(embed, {"status": "available", "text": HEBREW, "lang": "he", "archived": [],
                               "post_id": "1", "platform": "twitter"})
    assert check["result"] == "warn", check
    # newuser44a #5: a translation warning names a negation dropped too ("לא", not, of "לא נסכים", we will not agree)
    assert check["evidence"].endswith("; the post is written in Hebrew letters, lang “he”, the article's words in "
                                      "Latin: they may be a translation, which is not compared word by word: compare "
                                      "by hand; the post's negation (\"לא\") is not in the quote"), check


@pytest.mark.parametrize("said,says", [
    ("Road closed on Mill Lane.", "Road closed on Mill Lane tonight."),
    ("橋は閉鎖されました。", "はしは閉鎖されました。"),   # kanji against kana: one writing
])
def test_one_script_says_nothing_of_a_translation(said, says):
    check = text_check({"text": said, "detector": "html-blockquote", "platform": "twitter"},
                       {"status": "available", "text": says, "archived": [], "post_id": "1", "platform": "twitter"})
    assert "translation" not in check["evidence"], check
