import pytest

from resolver.platforms import parse_url
from resolver.platforms.x import snowflake_time, status_url

X_CASES = [
    ("https://twitter.com/jack/status/20", "post", "20", "jack", "https://twitter.com/jack/status/20"),
    ("https://x.com/jack/status/20?s=20&t=abc", "post", "20", "jack", "https://twitter.com/jack/status/20"),
    ("https://mobile.twitter.com/jack/statuses/20", "post", "20", "jack", "https://twitter.com/jack/status/20"),
    ("https://twitter.com/i/web/status/1500000000000000008", "post", "1500000000000000008", None,
     "https://twitter.com/i/status/1500000000000000008"),
    ("https://twitter.com/statuses/55", "post", "55", None, "https://twitter.com/i/status/55"),
    ("https://twitter.com/#!/jack/status/20", "post", "20", "jack", "https://twitter.com/jack/status/20"),
    ("twitter.com/jack/status/20/photo/1", "post", "20", "jack", "https://twitter.com/jack/status/20"),
    ("https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true", "post",
     "1790000000000000000", None, "https://twitter.com/i/status/1790000000000000000"),
    ("pic.twitter.com/q3uNO4mJHi", "media-link", None, None, "https://pic.twitter.com/q3uNO4mJHi"),
    ("https://t.co/Ab12Cd34Ef", "short-link", None, None, "https://t.co/Ab12Cd34Ef"),
    ("https://twitter.com/NASA", "timeline", None, "NASA", "https://twitter.com/NASA"),
    ("https://twitter.com/NASA/lists/space", "timeline", None, "NASA", "https://twitter.com/NASA/lists/space"),
]


@pytest.mark.parametrize("url,kind,post_id,handle,canonical", X_CASES, ids=[c[0][:50] for c in X_CASES])
def test_x_urls_map_to_one_canonical_form(url, kind, post_id, handle, canonical):
    ref = parse_url(url)
    assert ref is not None
    assert (ref.platform, ref.kind, ref.post_id, ref.author_handle, ref.url) == ("twitter", kind, post_id, handle, canonical)


OTHER_CASES = [
    ("https://youtu.be/AbCdEfGhIjK?t=10", "youtube", "AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK"),
    ("https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1", "youtube", "AbCdEfGhIjK",
     "https://www.youtube.com/watch?v=AbCdEfGhIjK"),
    ("https://www.youtube.com/shorts/AbCdEfGhIjK", "youtube", "AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK"),
    ("https://www.instagram.com/reel/CxAbC123dEf/?igsh=x", "instagram", "CxAbC123dEf", "https://www.instagram.com/p/CxAbC123dEf/"),
    ("https://www.tiktok.com/@riverdancer/video/7300000000000000001?lang=en", "tiktok", "7300000000000000001",
     "https://www.tiktok.com/@riverdancer/video/7300000000000000001"),
    ("https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FPage%2Fposts%2F123%2F&width=500",
     "facebook", "123", "https://www.facebook.com/Page/posts/123/"),
    ("https://t.me/s/rivertonchannel/416", "telegram", "416", "https://t.me/rivertonchannel/416"),
    ("https://old.reddit.com/r/Riverton/comments/1abcde/bridge/", "reddit", "1abcde",
     "https://www.reddit.com/r/Riverton/comments/1abcde/"),
    ("at://did:plc:abc/app.bsky.feed.post/3kabc", "bluesky", "3kabc", "https://bsky.app/profile/did:plc:abc/post/3kabc"),
    ("https://social.example.net/@riverwatch/112000000000000001/embed", "mastodon", "112000000000000001",
     "https://social.example.net/@riverwatch/112000000000000001"),
    ("https://www.threads.com/@riverwatch/post/C1aBcDeFgHi", "threads", "C1aBcDeFgHi",
     "https://www.threads.net/@riverwatch/post/C1aBcDeFgHi"),
    ("https://player.vimeo.com/video/796000001?h=de776782f6", "vimeo", "796000001", "https://vimeo.com/796000001"),
]


@pytest.mark.parametrize("url,platform,post_id,canonical", OTHER_CASES, ids=[c[1] + ":" + c[0][8:40] for c in OTHER_CASES])
def test_other_platform_urls(url, platform, post_id, canonical):
    ref = parse_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.url) == (platform, post_id, canonical)


@pytest.mark.parametrize("url", [
    "https://example.com/", "https://twitter.com/home", "https://twitter.com/search?q=x", "https://medium.com/@a/123456789",
    "https://twitter.com/jack/status/notanumber", "http://[::1", "", "https://youtu.be/short",
], ids=["example", "home", "search", "medium", "bad-id", "bad-netloc", "empty", "bad-yt"])
def test_urls_no_platform_claims(url):
    assert parse_url(url) is None


def test_snowflake_time_and_canonical_url():
    # Snowflake ids encode their creation time; the pre-2010 sequential ids do not.
    assert snowflake_time("266031293945503744").isoformat() == "2012-11-07T04:16:17.756000+00:00"
    assert snowflake_time("20") is None
    assert status_url("20") == "https://twitter.com/i/status/20"


def test_an_id_too_large_for_a_snowflake_has_no_mint_time():
    """20 digits pass the id pattern but overflow a timestamp: resolution used to crash on them (#12)."""
    from resolver.resolve import describe

    post = describe("https://twitter.com/a/status/99999999999999999999")
    assert post["post_id"] == "99999999999999999999" and post["created_at"] is None
