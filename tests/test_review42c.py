"""review42c (stop 42): adversarial review of stop 41's unreviewed merges (review41a/d/e's fixes, the shared capture
readers, perf41). Fixtures are fictional."""

from __future__ import annotations

from types import SimpleNamespace

from resolver.fetch import mastodon, wayback

STATUS = "112000000000000000"
POST_ID = f"mastodon.social/{STATUS}"
PAGE = f"https://mastodon.social/@dave/{STATUS}"


def _snap(timestamp: str, original: str, digest: str) -> SimpleNamespace:
    return SimpleNamespace(timestamp=timestamp, original=original, mimetype="text/html", status="200", digest=digest)


def test_review42c_a_mastodon_posts_quotes_page_is_no_capture_of_the_post():
    """review41a made `/@user/<id>/quotes` (Mastodon 4.5's page of the posts quoting it) name the post, for an
    article's link; the capture reader kept taking a page that names the post as its capture, and `/quotes` was not
    among the pages about the post it leaves out (`/reblogs`, `/favourites`). CDX is asked by prefix, so its captures
    were chosen among the three read and crowded out a capture of the post's own page (the latest here), whose words
    were then never read: a list of quoting posts (the web app's page) took its place."""
    assert not mastodon.names_post(f"{PAGE}/quotes", POST_ID)
    assert mastodon.names_post(PAGE, POST_ID) and mastodon.names_post(f"{PAGE}/embed", POST_ID)
    snaps = [_snap("20240301000000", PAGE, "A"), _snap("20240302000000", f"{PAGE}/quotes", "B"),
             _snap("20240303000000", f"{PAGE}/quotes", "C"), _snap("20240304000000", PAGE, "D"),
             _snap("20240305000000", f"{PAGE}/quotes", "E")]
    assert [s.digest for s in wayback.choose_captures(snaps, POST_ID)] == ["A", "D"]



def test_review42c_a_bluesky_answer_showing_handle_invalid_names_no_account_by_it(fakenet, tmp_path, monkeypatch):
    """review41a made `handle.invalid` (what Bluesky shows for a handle it could not verify) no handle to the author
    check, but the report still named the post's author by it: its heading "bluesky post by @handle.invalid (did:…)
    (the article says @riverdesk.example)", its Author row "@handle.invalid (River Desk News)", as if it were the
    account's handle and another than the article's; and the archive was asked for the post's page under
    bsky.app/profile/handle.invalid/…, a page of no account (every account Bluesky cannot verify shows it)."""
    from tests.test_fetch import json_page
    from tests.test_newuser40a import HOSTS, bluesky_article, bluesky_oembed
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import serve

    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_oembed("handle.invalid", "River Desk News")))
    code, md = run("report", "article.html", article=bluesky_article("riverdesk.example", "River Desk"))
    assert code == 0, md
    assert "handle.invalid" not in md, md
    [heading] = [line for line in md.splitlines() if line.startswith("### 1.")]
    assert heading.startswith("### 1. bluesky post by did:plc:riverdeskfictional00001 (the article says "
                              "@riverdesk.example): available"), heading
    [row] = [line for line in md.splitlines() if line.startswith("| Author |")]
    assert "| River Desk News, account did:plc:riverdeskfictional00001 |" in row, row

