"""The lead's fixes of stop 43's left-alone items (CLOSING-stop42 "Left alone")."""

from __future__ import annotations

import pytest

from tests.test_fixleft42a import A, FAKE_X, X_DOUBT


def _embeds(markup: str) -> list:
    from resolver.extract import find_all

    return find_all(f"<html><body><p>Officials said so.</p>{markup}</body></html>", "html")[0]


def _embed_code(date_link: str) -> str:
    return ('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Power is back in the north tonight.</p>'
            f'&mdash; Ministry of Info (@MoInfo_Gaza) <a href="{date_link}?ref_src=twsrc%5Etfw">September 12, 2022</a>'
            '</blockquote>')


# An X embed code whose date link names a look-alike account ("twitter.com/MoInfo_Gаza/status/N", a Cyrillic а)
# beside a real-looking signature "(@MoInfo_Gaza)" kept the signature's handle with no doubt (fixleft42a's note, left
# alone): the editor read the real account's name over an impostor's link. Its doubt is said as the same link's is
# said in text; the post is still the link's, read by its id (X shows a post by its id, whatever account the link
# names).
@pytest.mark.parametrize("link", [FAKE_X, FAKE_X.replace(A, "%D0%B0"), FAKE_X.replace(A, "&#1072;")],
                         ids=["written", "escaped", "a character reference"])
def test_an_x_embed_codes_date_link_naming_a_lookalike_account_says_it(link):
    [embed] = _embeds(_embed_code(link))
    assert (embed.platform, embed.post_id, embed.author_handle) == ("twitter", "1765127646213058617", "MoInfo_Gaza")
    assert embed.id_doubt == X_DOUBT, embed.id_doubt


def test_an_x_embed_codes_real_date_link_says_no_doubt():
    [embed] = _embeds(_embed_code(FAKE_X.replace(A, "a")))
    assert (embed.post_id, embed.author_handle, embed.id_doubt) == ("1765127646213058617", "MoInfo_Gaza", None)
