"""views37 (#13): the link-rot view (`dead_embeds_by_outlet_year`) accounts for every embed of a post in one of its
columns. Each case built through the real CLI (scan, --resolve, --fetch) against loopback servers speaking
syndication's, oEmbed's and a redirect's formats, and counted by hand first."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.cliworld import World
from tests.fakenet import redirect
from tests.test_link_rot import ALIVE, DELETED, HANDLE, blockquote, pic_link, view_rows
from tests.test_review36b import posts_world

COLUMNS = ("embeds", "embeds_checked", "doubtful_id", "status_unknown", "not_checked", "dead", "dead_percent")


def story(world: World, tmp_path, body: str, *options: str, codes: tuple[int, ...] = (0,)) -> None:
    """One article scanned with `options`; exit 1 (in `codes`) when a link's step failed."""
    feed = tmp_path / "feed.jsonl"
    html = f"<html><body><h1>Story 1</h1><p>The council met.</p>{body}</body></html>"
    feed.write_text(json.dumps({"url": "https://www.harbour.example/2021/story-1.html", "html": html}) + "\n")
    result = world("scan", *options, "--jsonl", str(feed))
    assert result.exit_code in codes, result.output


def counts(world: World) -> dict:
    """The dead view's columns summed over its rows, and every row's own sum checked against its `embeds`."""
    rows = view_rows(world, "dead_embeds_by_outlet_year")
    for row in rows:
        assert row["embeds"] == sum(row.get(k, 0) for k in ("embeds_checked", "doubtful_id", "status_unknown",
                                                            "not_checked")), row
    total = {k: sum(row.get(k) or 0 for row in rows) for k in COLUMNS if k != "dead_percent"}
    return {**total, "dead_percent": [row["dead_percent"] for row in rows if row["embeds_checked"]]}


def busy(request):
    from werkzeug.wrappers import Response

    return Response("<html>Service Unavailable</html>", status=503, content_type="text/html")


@pytest.mark.parametrize("answer, options, by_hand", [
    # never followed (a plain scan): neither post known
    ("live", (), {"embeds": 2, "embeds_checked": 0, "doubtful_id": 0, "status_unknown": 1, "not_checked": 1,
                  "dead": 0, "dead_percent": []}),
    # followed, but the link failed (503): the blockquote's post fetched (deleted), the link's post not known
    ("busy", ("--resolve", "--fetch"), {"embeds": 2, "embeds_checked": 1, "doubtful_id": 0, "status_unknown": 0,
                                        "not_checked": 1, "dead": 1, "dead_percent": [100.0]}),
    # followed to its post, which was never fetched; the blockquote's post never fetched either (status not known)
    ("live", ("--resolve",), {"embeds": 2, "embeds_checked": 0, "doubtful_id": 0, "status_unknown": 1,
                              "not_checked": 1, "dead": 0, "dead_percent": []}),
    # followed and fetched: the link's post alive, the blockquote's deleted
    ("live", ("--resolve", "--fetch"), {"embeds": 2, "embeds_checked": 2, "doubtful_id": 0, "status_unknown": 0,
                                        "not_checked": 0, "dead": 1, "dead_percent": [50.0]}),
], ids=["not-resolved", "link-failed", "resolved-not-fetched", "resolved-and-fetched"])
def test_views37_a_link_embed_whose_post_is_not_known_counts_as_not_checked(fakenet, tmp_path, answer, options,
                                                                            by_hand):
    """A pic.twitter.com link embed never followed to its post, or followed to a post never fetched, was in no column
    of the dead view: `embeds` left it out, and "100% dead" said nothing of a second embedded post not checked.
    By hand: a blockquote of a deleted post and a pic link to an available post of another id."""
    fakenet.route("pic.twitter.com", "/Live1", busy if answer == "busy" else
                  redirect(f"https://twitter.com/{HANDLE}/status/{ALIVE}/photo/1"))
    world = posts_world(fakenet, tmp_path)
    story(world, tmp_path, blockquote(DELETED) + pic_link("Live1"), *options, codes=(0, 1) if answer == "busy" else (0,))
    assert counts(world) == by_hand


def photos(request):
    from werkzeug.wrappers import Response

    return Response("<html><body>Photos of the weir</body></html>", content_type="text/html")


def test_views37_a_link_whose_end_is_no_post_is_no_embed_of_a_post(fakenet, tmp_path):
    """A pic link followed to a page that is no post (here the outlet's photo page) leads to no post: it is not
    counted as a post not checked. By hand: the blockquote alone, deleted."""
    fakenet.route("pic.twitter.com", "/Page1", redirect("https://news.example/photos/weir"))
    fakenet.route("news.example", "/photos/weir", photos)
    world = posts_world(fakenet, tmp_path)
    story(world, tmp_path, blockquote(DELETED) + pic_link("Page1"), "--resolve", "--fetch")
    assert counts(world) == {"embeds": 1, "embeds_checked": 1, "doubtful_id": 0, "status_unknown": 0,
                             "not_checked": 0, "dead": 1, "dead_percent": [100.0]}


def test_views37_stats_and_export_show_the_embeds_not_checked(fakenet, tmp_path):
    """`stats` (its table and --json) and `cache export` show the new columns, and the description says what they
    count."""
    world = posts_world(fakenet, tmp_path)
    fakenet.route("pic.twitter.com", "/Busy1", busy)
    story(world, tmp_path, blockquote(DELETED) + pic_link("Busy1"), "--resolve", "--fetch", codes=(1,))
    result = world("stats", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()
            if json.loads(line)["view"] == "dead_embeds_by_outlet_year"]
    # the link's post has no known year (nothing read dates it): a row of its own, post_year empty
    assert sorted((r["post_year"] or "", r["embeds"], r["embeds_checked"], r["not_checked"], r["dead_percent"])
                  for r in rows) == [("", 1, 0, 1, None), ("2021", 1, 1, 0, 100.0)], rows
    result = world("stats")
    assert result.exit_code == 0, result.output
    assert "not_checked" in result.stdout and "doubtful_id" in result.stdout, result.stdout
    said = " ".join(result.output.split())
    assert ("Of the 2 embeds, 1 was not checked (not_checked: a link never followed to a post, or its post never "
            "fetched; `embed-resolver scan --resolve --fetch` checks them): dead_percent is of the 1 checked embed "
            "only.") in said, said
    assert "not_checked: a link embed (pic.twitter.com, t.co) never followed to a post" in said, said


def test_views37_a_post_named_by_a_doubtful_id_counts_apart_not_as_checked(fakenet, tmp_path, monkeypatch):
    """A post named by an id read with a doubt (a Mastodon-shaped path on an unknown host; its host answered 404) was
    counted in `embeds_checked` and in no dead column: the article read "0% dead" of one checked embed. By hand: one
    embed, its id doubtful: `doubtful_id` 1, none checked, no percentage."""
    from tests.test_platform_verdicts import _doubted_mastodon_link

    run, (code, out) = _doubted_mastodon_link(fakenet, tmp_path, monkeypatch, "404")
    assert json.loads(out)["posts"][0]["status"] == "not_confirmed", out
    code, exported = run("cache", "export", "dead_embeds_by_outlet_year", "--format", "jsonl")
    assert code == 0, exported
    [row] = [json.loads(line) for line in exported.splitlines()]
    assert {k: row.get(k) for k in COLUMNS} == {"embeds": 1, "embeds_checked": 0, "doubtful_id": 1, "status_unknown": 0,
                                            "not_checked": 0, "dead": 0, "dead_percent": None}, row


def test_views37_an_article_read_again_after_a_failed_step_keeps_its_links_resolutions(fakenet, tmp_path,
                                                                                        monkeypatch):
    """An article whose reading lost a step (a credit reader's bug) is read again by the next run of a fixed tool
    (`Store._read_again`): its embeds are the new reading's, and the rows tying the old ones to their links went
    with them. A plain `scan` then left the pic link's post out of the views (in no column before m072, "not checked"
    after) until the next `--resolve`, though where a link leads is a fact about the link, recorded once. By hand:
    the pic link leads to the deleted post, fetched: 1 embed, checked, dead, after the re-reading as before it."""
    from resolver import pipeline
    from resolver.extract import html_credits

    fakenet.route("pic.twitter.com", "/Gone1", redirect(f"https://twitter.com/{HANDLE}/status/{DELETED}/photo/1"))
    world = posts_world(fakenet, tmp_path)
    before = {"embeds": 1, "embeds_checked": 1, "doubtful_id": 0, "status_unknown": 0, "not_checked": 0,
              "dead": 1, "dead_percent": [100.0]}
    with monkeypatch.context() as bug:
        bug.setattr(html_credits, "find_credits", lambda *args, **kwargs: 1 / 0)
        story(world, tmp_path, pic_link("Gone1"), "--resolve", "--fetch", codes=(1,))
    assert counts(world) == before
    monkeypatch.setattr(pipeline, "__version__", pipeline.__version__ + ".post1")   # the bug fixed
    story(world, tmp_path, pic_link("Gone1"))
    with sqlite3.connect(world.db) as conn:
        assert conn.execute("SELECT incomplete FROM articles").fetchall() == [(None,)]   # read again, whole
    assert counts(world) == before
