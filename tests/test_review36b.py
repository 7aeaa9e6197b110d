"""review36b: an adversarial review of fixnu35e (the research views count posts reached through links) and fixnu35f
(a link's end state; t.co links in the text not followed), each case built through the real CLI against loopback
servers speaking syndication's and a redirect's formats, and counted by hand first."""

from __future__ import annotations

import json

from tests.cliworld import World
from tests.corpusnet import no_limits
from tests.fakenet import redirect
from tests.test_link_rot import ALIVE, HANDLE, SUSPENDED, oembed, syndication, view_rows
from tests.waybacknet import serve

OTHER = "OtherDesk"   # the account a t.co in an embedded post's text leads to (a quoted post)


def signature(quoted: str, own: str) -> str:
    """A post pasted as text: its words with a t.co link (here to another account's post it quotes), its
    pic.twitter.com link (its own media: that link leads to the post itself) and its signature line."""
    return (f"<p>Read what she wrote: https://t.co/{quoted} pic.twitter.com/{own} &mdash; Harbour Watch "
            f"(@{HANDLE}) May 3, 2021</p>")


def test_a_pasted_post_counts_under_its_own_post_not_the_one_a_tco_in_its_text_leads_to(fakenet, tmp_path):
    """A post pasted as text (no id: `html-text-signature`) carries a t.co in its words and its own
    pic.twitter.com link. `scan --resolve --fetch` follows both and ties both posts to the embed, the t.co's first
    (the embed's links before its media links). The views took the first tie as the embed's post: the live post of
    @HarbourWatch was counted as @OtherDesk's suspended one (1 dead of 1, a gone account that the article never
    embedded). By hand: 1 embed, its post alive, no gone account."""
    fakenet.route("t.co", "/Quote1", redirect(f"https://twitter.com/{OTHER}/status/{SUSPENDED}"))
    fakenet.route("pic.twitter.com", "/Own1", redirect(f"https://twitter.com/{HANDLE}/status/{ALIVE}/photo/1"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", syndication)
    fakenet.route("publish.twitter.com", "/oembed", oembed)
    serve(fakenet, [])
    world = World(fakenet, tmp_path, extra=no_limits())
    feed = tmp_path / "feed.jsonl"
    html = f"<html><body><h1>Story 1</h1><p>The council met.</p>{signature('Quote1', 'Own1')}</body></html>"
    feed.write_text(json.dumps({"url": "https://www.harbour.example/2021/story-1.html", "html": html}) + "\n")
    result = world("scan", "--resolve", "--fetch", "--jsonl", str(feed))
    assert result.exit_code == 0, result.output
    [row] = view_rows(world, "dead_embeds_by_outlet_year")
    assert (row["embeds"], row["embeds_checked"], row["dead"], row["suspended"]) == (1, 1, 0, 0), row
    assert view_rows(world, "gone_accounts_most_cited") == []
    [risk] = view_rows(world, "at_risk_embeds")
    assert (risk["post_id"], risk["post_status"], risk["handle"]) == (ALIVE, "available", HANDLE), risk
