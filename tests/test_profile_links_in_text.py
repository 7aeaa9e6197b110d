"""A profile or timeline link in scraped text ("Follow us: https://twitter.com/rivertoncourier") is no embed, as the
same link in HTML is not and no other platform's profile is: text and HTML corpora of the same articles count the
same embeds (newuser38b #4: text gave `twitter timeline` embeds, HTML none). A real embedded timeline in HTML (the
`a.twitter-timeline` embed code) stays one. Fixtures are fictional."""

import pytest

from resolver.extract.html import scan
from resolver.extract.text import find_embeds

LINKS = ["https://twitter.com/rivertoncourier", "https://x.com/rivertoncourier", "https://twitter.com/jane/likes",
         "https://twitter.com/rivertoncourier/lists/local-news", "twitter.com/rivertoncourier",
         "https://www.youtube.com/playlist?list=UUabcdefghijklmnopqrstuv"]


@pytest.mark.parametrize("link", LINKS, ids=["x-profile", "x-com", "likes", "list", "no-scheme", "yt-uploads"])
def test_a_profile_link_in_text_is_no_embed_as_in_html(link):
    text = f"The council met on Monday.\n\nFollow us: {link}\n\nMore news below.\n"
    html = f'<html><body><p>The council met on Monday.</p><p>Follow us: <a href="{link}">{link}</a></p></body></html>'
    assert find_embeds(text) == []
    assert scan(html)[0] == []


def test_a_post_link_beside_a_profile_link_is_still_found():
    text = ("Follow us: https://twitter.com/rivertoncourier\n\n"
            "https://twitter.com/rivertoncourier/status/1600000000000000011\n")
    assert [(e.kind, e.post_id) for e in find_embeds(text)] == [("post", "1600000000000000011")]


def test_an_embedded_timeline_in_html_stays_an_embed():
    html = ('<html><body><a class="twitter-timeline" href="https://twitter.com/RivertonCouncil?ref_src=twsrc%5Etfw">'
            "Posts by RivertonCouncil</a></body></html>")
    [embed] = scan(html)[0]
    assert (embed.kind, embed.detector, embed.author_handle) == ("timeline", "html-timeline", "RivertonCouncil")
