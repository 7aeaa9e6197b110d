"""review46j: an adversarial review of fixnu46e (redirect wrappers unwrapped with no request) and fixnu46f (a gone
Reddit thread's captures read). Pure readings and the guard's own end-to-end path: loopback only."""

from urllib.parse import quote

import pytest

from tests.test_guard import _admin_server, _resolve_refused, admin_server, store  # noqa: F401


@pytest.mark.parametrize("wrap", [
    "https://l.facebook.com/l.php?u={t}&h=AT0x", "https://out.reddit.com/t3_1k4qqq1?url={t}&token=AQx",
    "https://www.google.com/url?q=" + quote("https://l.instagram.com/?u=", safe="") + "{t}"],
    ids=["shim", "out-reddit", "wrapper-in-a-wrapper"])
def test_a_wrappers_loopback_target_is_refused_at_the_guard(wrap, fakenet, admin_server, store):  # noqa: F811
    """A wrapper unwrapped with no request: the link it names is still asked through the guard, never around it."""
    target = quote(quote(f"http://127.0.0.1:{admin_server.port}/admin", safe=""), safe="") \
        if "wrapper-in" in wrap or "google" in wrap else quote(f"http://127.0.0.1:{admin_server.port}/admin", safe="")
    resolution = _resolve_refused(fakenet, admin_server, store, "typed", wrap.format(t=target))
    assert resolution.url.startswith("http://127.0.0.1:") and resolution.unwrapped_from is not None, resolution


CAPTURED = "https://www.reddit.com/r/riverton/comments/1rvf10d/levee_breach_at_riverton/"


def test_a_crossposts_capture_never_gives_the_original_threads_words_as_its_own():
    """A crosspost's shreddit-post holds the thread it shares, a shreddit-post of its own: its words were read as the
    crosspost's (`select_one` went into the nested element)."""
    from resolver.fetch import wayback

    body = ('<html><body><shreddit-post id="t3_1rvf10d" permalink="/r/riverton/comments/1rvf10d/levee_breach_at_'
            'riverton/" author="River_Watcher_7" post-title="Levee breach at Riverton" post-type="crosspost" '
            'created-timestamp="2026-03-05T04:12:00.000000+0000"><shreddit-post id="t3_1qaaaaa" permalink="/r/other/'
            'comments/1qaaaaa/dam_opened/" author="Someone_Else" post-title="Dam opened"><div slot="text-body"><p>'
            'The dam upstream was opened at midnight.</p></div></shreddit-post></shreddit-post></body></html>').encode()
    record = wayback.read("1rvf10d", 200, "text/html", body, CAPTURED, platform="reddit").record
    assert record.text is None and record.status == "unknown", record
    assert record.author_handle == "River_Watcher_7"


def test_an_old_reddit_things_time_in_seconds_is_not_read_as_milliseconds():
    """old.reddit.com's data-timestamp is in milliseconds; a stamp of ten digits (seconds) lost three and was read as
    a day in January 1970, a wrong time stated as the thread's."""
    from resolver.fetch import wayback

    body = ('<html><body><div class="thing link self" data-fullname="t3_1rvf10d" data-author="River_Watcher_7" '
            'data-timestamp="1772683920"><div class="usertext-body"><div class="md"><p>The levee broke.</p></div></div>'
            '</div></body></html>').encode()
    record = wayback.read("1rvf10d", 200, "text/html", body, CAPTURED, platform="reddit").record
    assert record.created_at in (None, "2026-03-05T04:12:00Z"), record.created_at


@pytest.mark.parametrize("title,status", [
    ("[ Removed by Reddit ]", "deleted"), ("[ removed ]", "deleted"), ("[Removed by Reddit]", "deleted"),
    ("[Removed from sale] Riverton levee house, photos inside", "available"),
], ids=["spaced-reddit", "spaced", "unspaced", "a-title-starting-removed"])
def test_reddits_removed_mark_is_read_as_reddit_writes_it_and_a_title_is_not(title, status):
    """Reddit writes an admin removal "[ Removed by Reddit ]", spaces inside its brackets: it was a title, the thread
    plainly "available"; a thread's own title starting "[Removed" was said deleted."""
    import json

    from resolver.fetch import oembed
    from resolver.platforms import reddit

    data = {"type": "rich", "version": "1.0", "provider_name": "reddit", "author_name": "River_Watcher_7",
            "title": title, "html": "<blockquote class=\"reddit-embed-bq\"></blockquote>"}
    record = oembed.parse("reddit", "1rvf10d", CAPTURED, 200, "application/json", json.dumps(data).encode())
    assert record.status == status, record
    assert reddit.placeholder(title) is (status == "deleted")
    assert reddit.placeholder("[ Removed by Reddit on account of violating the content policy. ]")


def test_a_capture_showing_reddits_removal_notice_is_not_the_threads_words():
    """A capture made after Reddit removed the thread shows its notice in the thread's words: it was read as them, the
    thread "available" with the words "[ Removed by Reddit on account of violating the content policy. ]"."""
    from resolver.fetch import wayback

    body = ('<html><body><shreddit-post id="t3_1rvf10d" permalink="/r/riverton/comments/1rvf10d/levee_breach_at_'
            'riverton/" author="River_Watcher_7" post-title="Levee breach at Riverton"><div slot="text-body"><p>'
            '[ Removed by Reddit on account of violating the content policy. ]</p></div></shreddit-post></body></html>')
    record = wayback.read("1rvf10d", 200, "text/html", body.encode(), CAPTURED, platform="reddit").record
    assert record.text is None and record.status == "unknown" and "already gone" in (record.reason or ""), record
