"""fixleft46c #4: a gone Bluesky post whose embed links it by its account's DID and shows the account's handle: the
page a reader saved then is filed under the handle's URL (the archive files each URL apart). Before, the fetch
listed the post's captures under the DID alone (the names its answers gave: none, for a post that is gone), so a
capture under the handle was "listed, not read" (fediarch41's left item). Now the handles the article's embeds show
for the post are asked too; a capture under one counts only when its page names the post's DID, so a capture made
after the handle moved to another account (its page names that account's DID) is never taken as the post."""

from __future__ import annotations

import json

import pytest

from tests.test_fediverse_captures import skeet_page
from tests.test_platform_verdicts import (APPVIEW, BY_DID, BY_HANDLE, DID, HOSTS, NEW_OWNER, bluesky_blockquote,
                                          checks_of, cli_on_fakenet, json_page)
from tests.waybacknet import Capture, serve

HANDLE = "mayor.riverton.example"
RKEY = "3kriverton22"
WORDS = "Shelters are open at the town hall."


@pytest.mark.parametrize("owner", [DID, NEW_OWNER], ids=["the-posts-account", "the-handles-next-account"])
def test_a_gone_bluesky_posts_capture_under_the_handle_its_embed_shows_is_read_and_held_to_its_did(
        fakenet, tmp_path, monkeypatch, owner):
    fakenet.route("embed.bsky.app", "/oembed", json_page({"error": "NotFound", "message": "post not found"}, 404))
    serve(fakenet, [Capture("20260310100000", BY_HANDLE, skeet_page(handle=HANDLE, did=owner, rkey=RKEY, text=WORDS))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + [APPVIEW])
    article = f"<html><body>{bluesky_blockquote(WORDS)}</body></html>"
    code, out = run("report", "--format", "json", "skeet.html", name="skeet.html", article=article)
    [embed] = json.loads(out)["embeds"]
    assert embed["post"]["status"] == "not_found", embed["post"]
    archive = checks_of(embed)["archive"]
    assert "not read: whether it holds the post is not known" not in archive["evidence"], archive
    if owner == DID:
        assert [c["url"] for c in embed["archived_copies"]] == [
            f"https://web.archive.org/web/20260310100000/{BY_HANDLE}"], embed["archived_copies"]
        assert checks_of(embed)["archived-copy"]["result"] == "pass", checks_of(embed)
        code, md = run("report", "--offline", "skeet.html", name="skeet.html")
        assert f"| Archived text | — | {WORDS} | wayback capture of 2026-03-10T10:00:00Z" in md, md
    else:
        assert embed["archived_copies"] == [], embed["archived_copies"]
        assert f"the captured post is @{HANDLE} ({NEW_OWNER})'s, not {DID}'s" in out, out
