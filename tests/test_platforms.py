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
    ("https://player.vimeo.com/video/796000001?h=de776782f6", "vimeo", "796000001", "https://vimeo.com/796000001/de776782f6"),
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


# (id, url, platform, kind, post_id, canonical URL). Ids and names are fictional; the shapes are the platforms'.
YT, TT, FB = "AbCdEfGhIjK", "7300000000000000001", "10150000000000001"
WATCH = f"https://www.youtube.com/watch?v={YT}"
FB_VIDEO = f"https://www.facebook.com/watch/?v={FB}"
TT_POST = f"https://www.tiktok.com/@/video/{TT}"


def _check(url, platform, kind, post_id, canonical):
    ref = parse_url(url)
    assert ref is not None, url
    assert (ref.platform, ref.kind, ref.post_id, ref.url) == (platform, kind, post_id, canonical)


# Every form #15 lists as missed, one example each.
MISSED_FORMS = [
    ("x-card-player", "https://twitter.com/i/cards/tfw/v1/1500000000000000011", "twitter", "post",
     "1500000000000000011", "https://twitter.com/i/status/1500000000000000011"),
    ("x-video-player", "https://twitter.com/i/videos/tweet/1500000000000000012", "twitter", "post",
     "1500000000000000012", "https://twitter.com/i/status/1500000000000000012"),
    ("x-video-player-short", "https://twitter.com/i/videos/1500000000000000013", "twitter", "post",
     "1500000000000000013", "https://twitter.com/i/status/1500000000000000013"),
    ("yt-watch-popup", f"https://www.youtube.com/watch_popup?v={YT}", "youtube", "video", YT, WATCH),
    ("yt-escaped-query", f"https://www.youtube.com/watch?feature=player_embedded&amp;v={YT}", "youtube", "video", YT,
     WATCH),
    ("yt-twice-escaped-query", f"https://www.youtube.com/watch?feature=player_embedded&amp;amp;v={YT}", "youtube",
     "video", YT, WATCH),
    ("yt-kids", f"https://www.youtubekids.com/watch?v={YT}", "youtube", "video", YT, WATCH),
    ("yt-watch-path", f"https://zwearz.com/watch/{YT}/river-trailer.html", "youtube", "video", YT, WATCH),
    ("yt-root-v", f"https://www.youtube.com/?v={YT}", "youtube", "video", YT, WATCH),
    ("yt-fragment-route", f"https://m.youtube.com/#/watch?v={YT}", "youtube", "video", YT, WATCH),
    ("fb-video-php", f"https://www.facebook.com/video.php?v={FB}", "facebook", "video", FB, FB_VIDEO),
    ("fb-plugin-video-php", "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2F"
     f"video.php%3Fv%3D{FB}", "facebook", "video", FB, FB_VIDEO),
    ("fb-story-php", f"https://m.facebook.com/story.php?story_fbid={FB}&id=4200", "facebook", "post", FB,
     f"https://www.facebook.com/permalink.php?story_fbid={FB}&id=4200"),
    ("fb-group-permalink", f"https://www.facebook.com/groups/rivertonfolk/permalink/{FB}/", "facebook", "post", FB,
     f"https://www.facebook.com/groups/rivertonfolk/posts/{FB}/"),
    ("fb-group-posts", f"https://www.facebook.com/groups/4300/posts/{FB}/", "facebook", "post", FB,
     f"https://www.facebook.com/groups/4300/posts/{FB}/"),
    ("fb-reel", f"https://www.facebook.com/reel/{FB}", "facebook", "video", FB, f"https://www.facebook.com/reel/{FB}/"),
    ("fb-localised-host", f"https://zh-hk.facebook.com/rivertoncouncil/videos/{FB}/", "facebook", "video", FB,
     f"https://www.facebook.com/rivertoncouncil/videos/{FB}/"),
    ("fb-video-embed", f"https://www.facebook.com/video/embed?video_id={FB}", "facebook", "video", FB, FB_VIDEO),
    ("reddit-user-thread", "https://www.reddit.com/user/riverfan/comments/1abcde/my_photos/", "reddit", "post",
     "1abcde", "https://www.reddit.com/user/riverfan/comments/1abcde/"),
    ("reddit-no-subreddit", "https://www.reddit.com/comments/1abcde", "reddit", "post", "1abcde",
     "https://www.reddit.com/comments/1abcde/"),
    ("reddit-nm-host", "https://nm.reddit.com/r/Riverton/comments/1abcde/bridge/", "reddit", "post", "1abcde",
     "https://www.reddit.com/r/Riverton/comments/1abcde/"),
    ("reddit-sh-host", "https://sh.reddit.com/r/Riverton/comments/1abcde/bridge/", "reddit", "post", "1abcde",
     "https://www.reddit.com/r/Riverton/comments/1abcde/"),
    ("reddit-embed-host", "https://embed.reddit.com/r/Riverton/comments/1abcde/bridge/?embed=true", "reddit", "post",
     "1abcde", "https://www.reddit.com/r/Riverton/comments/1abcde/"),
    ("redditmedia", "https://www.redditmedia.com/r/Riverton/comments/1abcde/bridge/?ref_source=embed&embed=true",
     "reddit", "post", "1abcde", "https://www.reddit.com/r/Riverton/comments/1abcde/"),
    ("tiktok-share-video", f"https://www.tiktok.com/share/video/{TT}/", "tiktok", "post", TT, TT_POST),
    ("tiktokv-share-video", f"https://www.tiktokv.com/share/video/{TT}/", "tiktok", "post", TT, TT_POST),
    ("tiktok-embed-v2", f"https://www.tiktok.com/embed/v2/{TT}", "tiktok", "post", TT, TT_POST),
    ("vimeo-unlisted", "https://vimeo.com/796000001/de776782f6", "vimeo", "video", "796000001",
     "https://vimeo.com/796000001/de776782f6"),
    ("vimeo-review", "https://vimeo.com/user4200/review/796000001/de776782f6", "vimeo", "video", "796000001",
     "https://vimeo.com/796000001/de776782f6"),
    ("vimeo-moogaloop", "http://vimeo.com/moogaloop.swf?clip_id=796000001", "vimeo", "video", "796000001",
     "https://vimeo.com/796000001"),
    ("bluesky-other-appview", "https://main.bsky.dev/profile/riverwatch.example.org/post/3kabcdefg2x", "bluesky",
     "post", "3kabcdefg2x", "https://bsky.app/profile/riverwatch.example.org/post/3kabcdefg2x"),
    ("bluesky-did-profile", "https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefg2x", "bluesky", "post",
     "3kabcdefg2x", "https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefg2x"),
]


@pytest.mark.parametrize("url,platform,kind,post_id,canonical", [r[1:] for r in MISSED_FORMS],
                         ids=[r[0] for r in MISSED_FORMS])
def test_forms_once_missed(url, platform, kind, post_id, canonical):
    _check(url, platform, kind, post_id, canonical)


# Every URL #15 lists as taken for a post when it is not one (None: no platform claims it).
NOT_POSTS = [
    ("yt-live-stream-embed", "https://www.youtube.com/embed/live_stream?channel=UCabcdefghijklmnopqrstuv", None),
    ("yt-videoseries-no-list", "https://www.youtube.com/embed/videoseries", None),
    ("yt-videoseries", "https://www.youtube.com/embed/videoseries?list=PLabcdefghijk", "playlist"),
    ("vimeo-album", "https://vimeo.com/album/4200001", None),
    ("vimeo-showcase", "https://vimeo.com/showcase/4200001", None),
    ("vimeo-showcase-embed", "https://vimeo.com/showcase/4200001/embed", None),
    ("instagram-reels-audio", "https://www.instagram.com/reels/audio/4200000000000001/", None),
    ("instagram-share-token", "https://www.instagram.com/share/BAbCdEfGh1", "short-link"),
    ("instagram-share-reel-token", "https://www.instagram.com/share/reel/BAbCdEfGh1", "short-link"),
]


@pytest.mark.parametrize("url,kind", [r[1:] for r in NOT_POSTS], ids=[r[0] for r in NOT_POSTS])
def test_urls_that_are_not_posts(url, kind):
    ref = parse_url(url)
    assert (ref.kind if ref else None) == kind


@pytest.mark.parametrize("url,post_id,canonical", [
    ("https://vimeo.com/796000001/9603038895", "796000001", "https://vimeo.com/796000001/9603038895"),
    (f"https://www.facebook.com/RivertonCouncil/videos/vb.4200/{FB}/?type=2&theater", FB,
     f"https://www.facebook.com/RivertonCouncil/videos/{FB}/"),
    (f"https://www.facebook.com/RivertonCouncil/videos/bridge-reopening-day/{FB}/", FB,
     f"https://www.facebook.com/RivertonCouncil/videos/{FB}/"),
], ids=["vimeo-all-digit-hash", "fb-vb-video", "fb-titled-video"])
def test_the_id_is_the_posts_not_a_neighbours(url, post_id, canonical):
    # Previously the digit hash was taken for the Vimeo id, and the vb.<n> segment ended the Facebook canonical URL.
    ref = parse_url(url)
    assert (ref.post_id, ref.url) == (post_id, canonical)


# Share-sheet short links that hide the post: kind "short-link", for `scan --resolve` to follow.
SHORT_LINKS = [
    ("vm.tiktok", "https://vm.tiktok.com/ZMabc123/", "tiktok", "https://vm.tiktok.com/ZMabc123/"),
    ("vt.tiktok", "https://vt.tiktok.com/ZSabc123", "tiktok", "https://vt.tiktok.com/ZSabc123/"),
    ("tiktok-t", "https://www.tiktok.com/t/ZTabc123/", "tiktok", "https://www.tiktok.com/t/ZTabc123/"),
    ("fb.watch", "https://fb.watch/abC1dEf2Gh/", "facebook", "https://fb.watch/abC1dEf2Gh/"),
    ("fb-share-post", "https://www.facebook.com/share/p/1AbCdEfGhI/", "facebook",
     "https://www.facebook.com/share/p/1AbCdEfGhI/"),
    ("fb-share-video", "https://www.facebook.com/share/v/1AbCdEfGhI/", "facebook",
     "https://www.facebook.com/share/v/1AbCdEfGhI/"),
    ("fb-share-reel", "https://m.facebook.com/share/r/1AbCdEfGhI/", "facebook",
     "https://www.facebook.com/share/r/1AbCdEfGhI/"),
    ("fb-share-bare", "https://www.facebook.com/share/1AbCdEfGhI/", "facebook",
     "https://www.facebook.com/share/1AbCdEfGhI/"),
    ("instagram-share-p", "https://www.instagram.com/share/p/BAbCdEfGh1", "instagram",
     "https://www.instagram.com/share/p/BAbCdEfGh1/"),
    ("reddit-share", "https://www.reddit.com/r/Riverton/s/AbCdEf1234", "reddit",
     "https://www.reddit.com/r/Riverton/s/AbCdEf1234"),
]


@pytest.mark.parametrize("url,platform,canonical", [r[1:] for r in SHORT_LINKS], ids=[r[0] for r in SHORT_LINKS])
def test_short_links_that_hide_the_post(url, platform, canonical):
    _check(url, platform, "short-link", None, canonical)


@pytest.mark.parametrize("url,platform,kind,post_id,canonical", [
    (f"https://youtu.be/{YT}?si=Xy12Zw34", "youtube", "video", YT, WATCH),
    ("https://redd.it/1abcde", "reddit", "post", "1abcde", "https://www.reddit.com/comments/1abcde/"),
], ids=["youtu.be", "redd.it"])
def test_short_links_that_carry_the_id_give_the_post(url, platform, kind, post_id, canonical):
    _check(url, platform, kind, post_id, canonical)
