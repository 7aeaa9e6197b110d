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


@pytest.mark.parametrize("text, code", [
    ("An Instagram reel\nhttps://www.instagram.com/reel/C9aBcDe\nThen the mayor spoke.", "C9aBcDe"),
    ("An Instagram post\nhttps://www.instagram.com/p/C9aBcDeF\nthe mayor said.", "C9aBcDeF"),
    ("Threads\nhttps://www.threads.net/@mayor.riverton/post/C8xYz12\nAFTER the flood.", "C8xYz12"),
], ids=["capitalised", "small", "capitals"])
def test_a_short_code_is_not_joined_with_the_next_lines_first_word(text, code):
    """"…/reel/C9aBcDe⏎Then the mayor spoke": 7 + 4 characters make 11, and were read as the code C9aBcDeThen, a post
    nobody linked (review36e). A word of three letters or more is the next line's prose (a code's end is a mix of
    capitals, small letters and digits; two letters, "Hi", "Cd", may be either): the code is read as written, as it
    was before the join (an early post's code may be that short), with the doubt a glued word gives ("De")."""
    [embed] = find_embeds(text)
    assert embed.post_id == code
    assert "across" not in (embed.id_doubt or "")
    if code.endswith("De"):
        assert embed.id_doubt and "shorter than a public post's" in embed.id_doubt


@pytest.mark.parametrize("text, code", [
    ("An Instagram post\nhttps://www.instagram.com/p/C9aBcDeFg\nIt was the mayor's.", "C9aBcDeFg"),
    ("An Instagram reel\nhttps://www.instagram.com/reel/C9aBcDeFg\nIn the video, the bridge.", "C9aBcDeFg"),
    ("An Instagram post\nhttps://www.instagram.com/p/C9aBcDeFg\nit was the mayor's.", "C9aBcDeFg"),
    ("Threads\nhttps://www.threads.net/@mayor.riverton/post/C8xYz12Ab\nWe spoke to him.", "C8xYz12Ab"),
    ("Threads\nhttps://www.threads.net/@mayor.riverton/post/C8xYz12Ab\nOn Monday he spoke.", "C8xYz12Ab"),
], ids=["It", "In", "it", "We", "On"])
def test_a_short_code_is_not_joined_with_a_two_letter_word_starting_the_next_line(text, code):
    """"…/p/C9aBcDeFg⏎It was…": 9 + 2 characters make 11, and were read as the code C9aBcDeFgIt, a post nobody linked
    (review36e's left alone). A two-letter word a sentence starts with ("It", "In", "We", "On") is the next line's
    prose: the code is read as written, with a doubt that says it is shorter than a public post's."""
    [embed] = find_embeds(text)
    assert embed.post_id == code
    assert "across" not in (embed.id_doubt or "")
    assert embed.id_doubt and "shorter than a public post's" in embed.id_doubt
