"""An Instagram or Threads code hard-wrapped where its first part ends in a capital and a small letter ("…/reel/C9aBcDe⏎
FgHi/"): the halves joined when they make a code of a public post's length, and a doubt that says what is true when
they do not (newuser36 #3: read as the 7-character fragment, "longer than a public post's"). Fixtures are fictional."""

import pytest

from resolver.extract.text import find_embeds


@pytest.mark.parametrize("text, code", [
    ("An Instagram reel\nhttps://www.instagram.com/reel/C9aBcDe\nFgHi/ and a Mastodon post.", "C9aBcDeFgHi"),
    ("An Instagram reel\nhttps://www.instagram.com/reel/C9aBcDe\nfgHi/ and a Mastodon post.", "C9aBcDefgHi"),
    ("An Instagram post\nhttps://www.instagram.com/p/C9aBcDeFg\nHi today.", "C9aBcDeFgHi"),
    ("Threads\nhttps://www.threads.net/@mayor.riverton/post/C8xYz12Ab\nCd today.", "C8xYz12AbCd"),
    ("Threads\r\nhttps://www.threads.net/@mayor.riverton/post/C8xYzAb\r\n12Cd today.", "C8xYzAb12Cd"),
], ids=["ig-capital", "ig-small", "ig-p-no-slash", "threads", "threads-crlf"])
def test_a_code_wrapped_after_a_capitalised_syllable_is_joined_across_the_line(text, code):
    [embed] = find_embeds(text)
    assert embed.post_id == code
    assert embed.id_doubt and "read as one id across it" in embed.id_doubt
    assert text[embed.span[0]:embed.span[1]].replace("\r", "").replace("\n", "").rstrip("/").endswith(code)


def test_a_short_code_whose_halves_make_no_public_code_is_doubted_truly():
    """7 characters, and 7 + 8 is no public post's length either: the code is read as written, and the doubt says it
    is shorter than a public post's (it said "longer") and that the next line may hold the rest."""
    [embed] = find_embeds("An Instagram reel\nhttps://www.instagram.com/reel/C9aBcDe\nFgHiJkLm/ and more.")
    assert embed.post_id == "C9aBcDe"
    assert "longer" not in embed.id_doubt
    assert "shorter than a public post's" in embed.id_doubt


def test_a_short_code_glued_to_a_word_is_doubted_truly():
    [embed] = find_embeds("See https://www.instagram.com/p/C9aBcDe now.")
    assert embed.post_id == "C9aBcDe"
    assert "longer" not in embed.id_doubt and "shorter than a public post's" in embed.id_doubt


def test_a_public_code_followed_by_a_word_on_the_next_line_is_not_joined():
    """The next line starts with a word: the code, of a public post's length, is whole."""
    [embed] = find_embeds("An Instagram reel\nhttps://www.instagram.com/reel/C9aBcDeFgHi\nToday the mayor spoke.")
    assert (embed.post_id, embed.id_doubt) == ("C9aBcDeFgHi", None)


def test_a_short_code_with_no_glued_word_is_joined_when_the_next_line_completes_it():
    """"…/p/C9aBcDEFG⏎Hi today": the code, 9 characters as written, and "Hi" make a public post's 11."""
    [embed] = find_embeds("An Instagram post\nhttps://www.instagram.com/p/C9aBcDEFG\nHi today.")
    assert embed.post_id == "C9aBcDEFGHi"
    assert embed.id_doubt and "read as one id across it" in embed.id_doubt
