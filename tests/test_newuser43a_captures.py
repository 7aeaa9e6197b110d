"""newuser43a (a Middle East desk's pass), item 8: a Wayback capture made before an X post's id was minted cannot show
that post (X mints the id when the post is made); it was read as the post, and its date passed. Against a loopback
Wayback (CDX, id_ captures) and loopback X syndication answering that the post was deleted."""

from __future__ import annotations

from tests.test_archived_copies import TARGET, capture, world
from tests.test_fetch import run

NOTE = "classic_permalink_reply_with_ancestor.html"   # the post 1389145873577009728, minted 2021-05-03T09:12:40Z


def test_a_capture_made_before_the_posts_id_was_minted_is_said_not_to_show_it(fakenet, store):
    settings = world(fakenet, [capture(NOTE, timestamp="20210503080000")])
    [post] = run([TARGET], settings, store)
    [copy] = post.archived
    assert (copy.captured_at, copy.record.status, copy.record.text) == ("2021-05-03T08:00:00Z", "unknown", None)
    assert copy.record.reason == (
        "the capture was made 2021-05-03T08:00:00Z, 1 h 12 min before the post's id 1389145873577009728 was minted "
        "(2021-05-03T09:12:40Z): it cannot show that post")
    assert not copy.says_something


def test_a_capture_made_within_a_minute_before_the_id_still_shows_the_post(fakenet, store):
    """Wayback's clock and X's are not one: 40 s before is no sure sign (after it, test_archived_copies' own)."""
    settings = world(fakenet, [capture(NOTE, timestamp="20210503091200")])
    [post] = run([TARGET], settings, store)
    assert [(c.captured_at, c.record.status) for c in post.archived] == [("2021-05-03T09:12:00Z", "available")]
