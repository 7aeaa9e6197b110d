import pytest

from resolver import platforms
from resolver.platforms import parse_url, telegram
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
    # a Markdown-escaped underscore a CMS left in the link (Wired): no handle holds a backslash
    ("https://twitter.com/ann\\_example/status/20", "post", "20", "ann_example", "https://twitter.com/ann_example/status/20"),
    ("https://twitter.com/ann%5C_example/status/20", "post", "20", "ann_example", "https://twitter.com/ann_example/status/20"),
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
    ("https://t.me/s/rivertonchannel/416", "telegram", "rivertonchannel/416", "https://t.me/rivertonchannel/416"),
    ("https://old.reddit.com/r/Riverton/comments/1abcde/bridge/", "reddit", "1abcde",
     "https://www.reddit.com/r/Riverton/comments/1abcde/"),
    ("at://did:plc:abc/app.bsky.feed.post/3kabc", "bluesky", "did:plc:abc/3kabc", "https://bsky.app/profile/did:plc:abc/post/3kabc"),
    ("https://social.example.net/@riverwatch/112000000000000001/embed", "mastodon",
     "social.example.net/112000000000000001", "https://social.example.net/@riverwatch/112000000000000001"),
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
     "post", "riverwatch.example.org/3kabcdefg2x", "https://bsky.app/profile/riverwatch.example.org/post/3kabcdefg2x"),
    ("bluesky-did-profile", "https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefg2x", "bluesky", "post",
     "did:plc:abcdefghijklmnop/3kabcdefg2x", "https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefg2x"),
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
    # a channel's uploads ("UU" + the channel id's tail): its feed, as an X timeline is (sonntag-sachsen.de's sidebar)
    ("yt-videoseries-uploads", "https://www.youtube.com/embed/videoseries?list=UU-LabcdefghijklmnopqrsV", "timeline"),
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


# Mastodon posts on instances named anything (#11): (id, URL, canonical URL, post id, author handle). A post of an
# account from another instance, as its reader's instance shows it, keeps that instance's URL: the id is its own.
MASTODON_POSTS = [
    ("at-form", "https://hachyderm.io/@jane/109876543210987654", "https://hachyderm.io/@jane/109876543210987654",
     "hachyderm.io/109876543210987654", "jane@hachyderm.io"),
    ("remote-account", "https://social.example.org/@jane@other.example/110123456789012345",
     "https://social.example.org/@jane@other.example/110123456789012345", "social.example.org/110123456789012345",
     "jane@other.example"),
    ("activitypub", "https://hachyderm.io/users/jane/statuses/109876543210987654",
     "https://hachyderm.io/@jane/109876543210987654", "hachyderm.io/109876543210987654", "jane@hachyderm.io"),
    ("embed", "https://social.example.org/@jane/110123456789012345/embed",
     "https://social.example.org/@jane/110123456789012345", "social.example.org/110123456789012345",
     "jane@social.example.org"),
    ("fifteen-digits", "https://toot.example.net/@jane/100000000000001",
     "https://toot.example.net/@jane/100000000000001", "toot.example.net/100000000000001",
     "jane@toot.example.net"),
    ("before-snowflakes", "https://mastodon.example/@jane/4200001", "https://mastodon.example/@jane/4200001",
     "mastodon.example/4200001",
     "jane@mastodon.example"),
    # urlforms31 (#15): an instance on a port of its own; the port is where the post is, the handle has none.
    ("port", "https://social.example:8443/@alice/112233445566778899",
     "https://social.example:8443/@alice/112233445566778899", "social.example:8443/112233445566778899",
     "alice@social.example"),
    ("port-activitypub", "https://social.example:8443/users/alice/statuses/112233445566778899",
     "https://social.example:8443/@alice/112233445566778899", "social.example:8443/112233445566778899",
     "alice@social.example"),
]
# Other sites' /@name paths, and numbers no Mastodon status id is (snowflakes are 15 to 19 digits; the short
# sequential ids of 2016-17 only on a host named for Mastodon). (id, URL, the platform that owns it or None).
NOT_MASTODON = [
    ("medium-slug", "https://medium.com/@jane/why-i-left-1a2b3c4d5e6f", None),
    ("medium-custom-domain", "https://blog.example.com/@jane/why-i-left-1a2b3c4d5e6f", None),
    ("medium-long-number", "https://medium.com/@jane/109876543210987654", None),
    ("youtube-channel", "https://www.youtube.com/@janechannel", None),
    ("tiktok-video", "https://www.tiktok.com/@jane/video/7234567890123456789", "tiktok"),
    ("video-path-elsewhere", "https://clips.example.com/@jane/video/7234567890123456789", None),
    ("short-number", "https://news.example.com/@jane/123456", None),
    ("fourteen-digits", "https://news.example.com/@jane/10000000000001", None),
    ("twenty-digits", "https://news.example.com/@jane/10987654321098765432", None),
    ("activitypub-short-number", "https://news.example.com/users/jane/statuses/1234567", None),
    ("remote-without-domain", "https://social.example.org/@jane@/110123456789012345", None),
    ("remote-without-user", "https://social.example.org/@@other.example/110123456789012345", None),
    ("remote-not-a-domain", "https://social.example.org/@jane@other/110123456789012345", None),
]


@pytest.mark.parametrize("url,canonical,post_id,handle", [r[1:] for r in MASTODON_POSTS],
                         ids=[r[0] for r in MASTODON_POSTS])
def test_a_mastodon_post_on_any_instance(url, canonical, post_id, handle):
    ref = parse_url(url)
    assert ref is not None
    assert (ref.platform, ref.kind, ref.url, ref.post_id, ref.author_handle) == ("mastodon", "post", canonical,
                                                                                  post_id, handle)


@pytest.mark.parametrize("url,platform", [r[1:] for r in NOT_MASTODON], ids=[r[0] for r in NOT_MASTODON])
def test_other_sites_at_name_paths_are_no_mastodon_posts(url, platform):
    ref = parse_url(url)
    assert (ref.platform if ref else None) == platform


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


# Beyond #15's list: the forms each platform documents for its embeds (iframe src, blockquote attributes) and
# gives out from its share sheet ("copy link"), one example each.
PFBID = "pfbid02AbCdEfGhIjKlMnOpQrStUv"
IG, BSKY_DID = "CxAbC123dEf", "did:plc:abcdefghijklmnop"
TG = "https://t.me/rivertonchannel/416"
DOCUMENTED_FORMS = [
    ("x-embed-iframe", "https://platform.twitter.com/embed/Tweet.html?dnt=false&embedId=twitter-widget-0&frame=false"
     "&id=1500000000000000021&lang=en", "twitter", "post", "1500000000000000021",
     "https://twitter.com/i/status/1500000000000000021"),
    ("x-copy-link", "https://x.com/RivertonRoads/status/1500000000000000022?s=46&t=AbCdEfGh", "twitter", "post",
     "1500000000000000022", "https://twitter.com/RivertonRoads/status/1500000000000000022"),
    ("x-intent-like", "https://twitter.com/intent/like?tweet_id=1500000000000000023", "twitter", "post",
     "1500000000000000023", "https://twitter.com/i/status/1500000000000000023"),
    ("x-intent-retweet", "https://x.com/intent/retweet?tweet_id=1500000000000000023", "twitter", "post",
     "1500000000000000023", "https://twitter.com/i/status/1500000000000000023"),
    ("x-intent-reply", "https://twitter.com/intent/tweet?in_reply_to=1500000000000000023", "twitter", "post",
     "1500000000000000023", "https://twitter.com/i/status/1500000000000000023"),
    ("yt-embed-iframe", f"https://www.youtube.com/embed/{YT}?si=Xy12Zw34&start=30", "youtube", "video", YT, WATCH),
    ("yt-shorts-share", f"https://youtube.com/shorts/{YT}?si=Xy12Zw34", "youtube", "video", YT, WATCH),
    ("yt-live-share", f"https://www.youtube.com/live/{YT}?si=Xy12Zw34", "youtube", "video", YT, WATCH),
    ("yt-flash-embed", f"https://www.youtube.com/v/{YT}?version=3&hl=en_US", "youtube", "video", YT, WATCH),
    ("yt-attribution-link", f"https://www.youtube.com/attribution_link?a=AbC&u=%2Fwatch%3Fv%3D{YT}%26feature%3Dshare",
     "youtube", "video", YT, WATCH),
    ("yt-mobile-share", f"https://m.youtube.com/watch?v={YT}&feature=share", "youtube", "video", YT, WATCH),
    ("ig-embed-iframe", f"https://www.instagram.com/p/{IG}/embed/captioned/?cr=1&v=14", "instagram", "post", IG,
     f"https://www.instagram.com/p/{IG}/"),
    ("ig-reel-embed-iframe", f"https://www.instagram.com/reel/{IG}/embed/", "instagram", "post", IG,
     f"https://www.instagram.com/p/{IG}/"),
    ("ig-copy-link", f"https://www.instagram.com/p/{IG}/?utm_source=ig_web_copy_link&igsh=MzRlODBiNWFlZA==",
     "instagram", "post", IG, f"https://www.instagram.com/p/{IG}/"),
    ("ig-blockquote-permalink", f"https://www.instagram.com/p/{IG}/?utm_source=ig_embed&amp;utm_campaign=loading",
     "instagram", "post", IG, f"https://www.instagram.com/p/{IG}/"),
    ("ig-profile-grid", f"https://www.instagram.com/riverwatch/reel/{IG}/", "instagram", "post", IG,
     f"https://www.instagram.com/p/{IG}/"),
    ("tt-embed-player", f"https://www.tiktok.com/player/v1/{TT}?music_info=1&description=1", "tiktok", "post", TT,
     TT_POST),
    ("tt-embed-iframe", f"https://www.tiktok.com/embed/{TT}", "tiktok", "post", TT, TT_POST),
    ("tt-copy-link", f"https://www.tiktok.com/@riverdancer/video/{TT}?is_from_webapp=1&sender_device=pc", "tiktok",
     "post", TT, f"https://www.tiktok.com/@riverdancer/video/{TT}"),
    ("tt-photo-post", f"https://www.tiktok.com/@riverdancer/photo/{TT}", "tiktok", "post", TT,
     f"https://www.tiktok.com/@riverdancer/video/{TT}"),
    ("tt-old-mobile-share", f"https://m.tiktok.com/v/{TT}.html", "tiktok", "post", TT, TT_POST),
    ("fb-embedded-post", "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F"
     f"RivertonCouncil%2Fposts%2F{PFBID}&show_text=true&width=500", "facebook", "post", PFBID,
     f"https://www.facebook.com/RivertonCouncil/posts/{PFBID}/"),
    ("fb-embedded-video", "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2F"
     f"RivertonCouncil%2Fvideos%2F{FB}%2F&show_text=false", "facebook", "video", FB,
     f"https://www.facebook.com/RivertonCouncil/videos/{FB}/"),
    # a comment is its own post, under the post (newuser36 #1: these three were read as the post; tests/test_comments.py)
    ("fb-embedded-comment", "https://www.facebook.com/plugins/comment_embed.php?href=https%3A%2F%2Fwww.facebook.com"
     f"%2FRivertonCouncil%2Fposts%2F{FB}%3Fcomment_id%3D42", "facebook", "comment", f"{FB}_42",
     f"https://www.facebook.com/RivertonCouncil/posts/{FB}/?comment_id=42"),
    ("fb-photo-viewer", f"https://www.facebook.com/photo/?fbid={FB}&set=a.4200", "facebook", "photo", FB,
     f"https://www.facebook.com/photo.php?fbid={FB}"),
    ("fb-album-photo", f"https://www.facebook.com/RivertonCouncil/photos/a.4200/{FB}/?type=3", "facebook", "photo",
     FB, f"https://www.facebook.com/photo.php?fbid={FB}"),
    ("fb-watch-live", f"https://www.facebook.com/watch/live/?v={FB}&ref=watch_permalink", "facebook", "video", FB,
     FB_VIDEO),
    ("fb-permalink-pfbid", f"https://www.facebook.com/permalink.php?story_fbid={PFBID}&id=4200", "facebook", "post",
     PFBID, f"https://www.facebook.com/permalink.php?story_fbid={PFBID}&id=4200"),
    ("reddit-copy-link", "https://www.reddit.com/r/Riverton/comments/1abcde/bridge/?utm_source=share&utm_medium=web3x",
     "reddit", "post", "1abcde", "https://www.reddit.com/r/Riverton/comments/1abcde/"),
    ("reddit-comment-permalink", "https://www.reddit.com/r/Riverton/comments/1abcde/comment/kx9y8z7/", "reddit",
     "comment", "t1_kx9y8z7", "https://www.reddit.com/r/Riverton/comments/1abcde/comment/kx9y8z7/"),
    ("reddit-old-comment-permalink", "https://old.reddit.com/r/Riverton/comments/1abcde/bridge/kx9y8z7/", "reddit",
     "comment", "t1_kx9y8z7", "https://www.reddit.com/r/Riverton/comments/1abcde/comment/kx9y8z7/"),
    ("vimeo-player-iframe", "https://player.vimeo.com/video/796000001?title=0&byline=0", "vimeo", "video",
     "796000001", "https://vimeo.com/796000001"),
    ("vimeo-copy-link", "https://vimeo.com/796000001?share=copy", "vimeo", "video", "796000001",
     "https://vimeo.com/796000001"),
    ("vimeo-channel-video", "https://vimeo.com/channels/staffpicks/796000001", "vimeo", "video", "796000001",
     "https://vimeo.com/796000001"),
    ("vimeo-showcase-video", "https://vimeo.com/showcase/4200001/video/796000001", "vimeo", "video", "796000001",
     "https://vimeo.com/796000001"),
    ("tg-widget-iframe", f"{TG}?embed=1&userpic=true", "telegram", "post", "rivertonchannel/416", TG),
    ("tg-single-media", f"{TG}?single", "telegram", "post", "rivertonchannel/416", TG),
    ("tg-telegram-me", "https://telegram.me/rivertonchannel/416", "telegram", "post", "rivertonchannel/416", TG),
    ("tg-private-channel", "https://t.me/c/1234567890/416", "telegram", "post", "c/1234567890/416", "https://t.me/c/1234567890/416"),
    ("bsky-embed-iframe", f"https://embed.bsky.app/embed/{BSKY_DID}/app.bsky.feed.post/3kabcdefg2x?id=7", "bluesky",
     "post", f"{BSKY_DID}/3kabcdefg2x", f"https://bsky.app/profile/{BSKY_DID}/post/3kabcdefg2x"),
    ("bsky-blockquote-link", f"https://bsky.app/profile/{BSKY_DID}/post/3kabcdefg2x?ref_src=embed", "bluesky",
     "post", f"{BSKY_DID}/3kabcdefg2x", f"https://bsky.app/profile/{BSKY_DID}/post/3kabcdefg2x"),
    ("threads-embed", "https://www.threads.net/@riverwatch/post/C1aBcDeFgHi/embed", "threads", "post", "C1aBcDeFgHi",
     "https://www.threads.net/@riverwatch/post/C1aBcDeFgHi"),
    ("threads-copy-link", "https://www.threads.com/@riverwatch/post/C1aBcDeFgHi?xmt=AQGzAbC", "threads", "post",
     "C1aBcDeFgHi", "https://www.threads.net/@riverwatch/post/C1aBcDeFgHi"),
    ("threads-short", "https://www.threads.net/t/C1aBcDeFgHi/", "threads", "post", "C1aBcDeFgHi",
     "https://www.threads.net/t/C1aBcDeFgHi"),
    ("mastodon-activitypub", "https://social.example.net/users/riverwatch/statuses/112000000000000001", "mastodon",
     "post", "social.example.net/112000000000000001", "https://social.example.net/@riverwatch/112000000000000001"),
]


@pytest.mark.parametrize("url,platform,kind,post_id,canonical", [r[1:] for r in DOCUMENTED_FORMS],
                         ids=[r[0] for r in DOCUMENTED_FORMS])
def test_documented_embed_and_share_forms(url, platform, kind, post_id, canonical):
    _check(url, platform, kind, post_id, canonical)


def test_telegram_widget_attribute():
    ref = telegram.parse_post_attribute(" rivertonchannel/416/ ")
    assert (ref.platform, ref.post_id, ref.author_handle, ref.url) == ("telegram", "rivertonchannel/416", "rivertonchannel", TG)


# t.me/<channel>/<topic>/<id>, once here, is a message in a forum's topic (newuser31b §11): tests/test_url_glue.py
@pytest.mark.parametrize("url", [
    "https://twitter.com/intent/tweet?text=Read&url=https%3A%2F%2Fnews.example.org%2Fstory",
    "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.org%2Fstory",
    "https://t.me/share/url?url=https%3A%2F%2Fnews.example.org%2Fstory",
    "https://www.reddit.com/submit?url=https%3A%2F%2Fnews.example.org%2Fstory",
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example.org%2Fstory",
    "https://i.redd.it/abcdef123456.jpg",
    "https://www.tiktok.com/embed/live/@rivertoncouncil",
], ids=["x-share-intent", "fb-sharer", "tg-share", "reddit-submit", "fb-link-shim", "reddit-image", "tt-live-embed"])
def test_share_buttons_and_media_are_no_posts(url):
    # A site's own share buttons name the article, not a post; a media file or live room is no post either.
    assert parse_url(url) is None


@pytest.mark.parametrize("url,embedded", [
    ("https://twitter.com/jack/status/20", True),
    ("https://vm.tiktok.com/ZMabc123/", True),
    ("https://www.facebook.com/share/v/1AbCdEfGhI/", True),
    ("https://twitter.com/NASA", True),
    ("https://t.co/Ab12Cd34Ef", False),
    (f"https://www.facebook.com/events/{FB}/", False),
], ids=["post", "tiktok-short-link", "fb-share-link", "x-timeline", "tco", "fb-event"])
def test_which_urls_the_detectors_report(url, embedded):
    # t.co wraps any link at all; an event page is linked to, not embedded (its id still parses, for resolve).
    assert platforms.is_embed(parse_url(url)) is embedded


def test_an_id_too_large_for_a_snowflake_has_no_mint_time():
    """20 digits overflow a timestamp: resolution used to crash on them (#12). No status has such an id (#15): the
    URL names no post, and the id alone has no mint time."""
    from resolver.resolve import describe

    assert describe("https://twitter.com/a/status/99999999999999999999") is None
    assert snowflake_time("99999999999999999999") is None


# review29 (#15): ids no platform mints are no post. Snowflakes are at most 2**63 - 1 (19 digits) and never start
# with 0; a leading zero would make "0020" a second post beside "20".
@pytest.mark.parametrize("url", [
    "https://twitter.com/jack/status/0020",
    "https://twitter.com/jack/status/0",
    "https://twitter.com/jack/status/12345678901234567890",
    "https://twitter.com/jack/status/9223372036854775808",
    "https://platform.twitter.com/embed/Tweet.html?id=01790000000000000000",
    "https://www.tiktok.com/@jane/video/07300000000000000001",
    "https://social.example.net/@riverwatch/0112000000000000001",
    "https://t.me/rivertonchannel/0416",
    "https://www.facebook.com/RivertonCouncil/posts/010150000000000001",
    "https://www.facebook.com/watch/?v=010150000000000001",
    "https://www.facebook.com/permalink.php?story_fbid=0123456&id=4200",
    "https://vimeo.com/0796000001",
], ids=["x-leading-zeros", "x-zero", "x-20-digits", "x-past-2**63", "x-embed-leading-zero", "tiktok-leading-zero",
        "mastodon-leading-zero", "telegram-leading-zero", "fb-post-leading-zero", "fb-video-leading-zero",
        "fb-permalink-leading-zero", "vimeo-leading-zero"])
def test_ids_no_platform_mints_are_no_post(url):
    assert parse_url(url) is None


def test_the_largest_snowflake_is_still_a_post():
    assert parse_url("https://twitter.com/jack/status/9223372036854775807").post_id == "9223372036854775807"


# review29 (#15): "status" deeper in a path of a search, hashtag, list or settings page names no post; only
# /<handle>/status/<id>, /i/web/status/<id>, /i/status/<id> and /statuses/<id> do.
@pytest.mark.parametrize("url", [
    "https://twitter.com/search/status/20",
    "https://twitter.com/hashtag/status/20",
    "https://twitter.com/i/lists/status/20",
    "https://twitter.com/jack/lists/status/20",
    "https://twitter.com/explore/tabs/status/20",
    "https://twitter.com/home/status/20",
], ids=["search", "hashtag", "i-lists", "user-list", "explore", "home"])
def test_status_deeper_in_a_site_page_is_no_post(url):
    ref = parse_url(url)
    assert ref is None or ref.kind != "post"


# review29 (#15): a Telegram message number counts within its channel; two channels' posts 416 are two posts. The
# post id is what Telegram's widget names a post by (data-telegram-post="channel/416"); usernames ignore case.
@pytest.mark.parametrize("url,post_id,canonical", [
    ("https://t.me/rivertonchannel/416", "rivertonchannel/416", TG),
    ("https://t.me/s/RivertonChannel/416?single", "rivertonchannel/416", TG),
    ("https://telegram.me/otherchannel/416", "otherchannel/416", "https://t.me/otherchannel/416"),
    ("https://t.me/c/1234567890/416", "c/1234567890/416", "https://t.me/c/1234567890/416"),
], ids=["channel", "web-preview-capitals", "another-channel", "private"])
def test_a_telegram_post_id_names_its_channel(url, post_id, canonical):
    ref = parse_url(url)
    assert (ref.post_id, ref.url) == (post_id, canonical)


# review29 (#15): a Mastodon instance has a domain name (its accounts are user@domain): a /@user/<id> path on an
# IP address names no post. A non-default port is part of where the post is: dropping it sent the oEmbed lookup
# to another server.
@pytest.mark.parametrize("url", [
    "http://127.0.0.1/@jane/112000000000000001",
    "http://127.1/users/jane/statuses/112000000000000001",
    "http://192.0.2.7/@jane/112000000000000001",
    "http://0x7f.1/@jane/112000000000000001",
], ids=["loopback", "short-loopback", "public-ip", "hex-ip"])
def test_a_mastodon_shaped_path_on_an_ip_address_is_no_post(url):
    assert parse_url(url) is None


@pytest.mark.parametrize("url,canonical", [
    ("https://social.example.net:8443/@riverwatch/112000000000000001",
     "https://social.example.net:8443/@riverwatch/112000000000000001"),
    ("https://social.example.net:8443/users/riverwatch/statuses/112000000000000001",
     "https://social.example.net:8443/@riverwatch/112000000000000001"),
    ("https://social.example.net:443/@riverwatch/112000000000000001",
     "https://social.example.net/@riverwatch/112000000000000001"),
    ("https://Social.Example.NET./@riverwatch/112000000000000001",
     "https://social.example.net/@riverwatch/112000000000000001"),
], ids=["port", "port-activitypub", "default-port", "trailing-dot"])
def test_a_mastodon_post_keeps_its_instances_port(url, canonical):
    ref = parse_url(url)
    assert (ref.url, ref.author_handle) == (canonical, "riverwatch@social.example.net")


# review29 (#15): a path with percent-escaped letters or digits is the same URL (RFC 3986 §6.2.2.2: an escaped
# unreserved character is that character); an escaped "/" or "?" is not a separator and stays escaped.
@pytest.mark.parametrize("url,post_id,canonical", [
    ("https://twitter.com/jack/%73tatus/%32%30", "20", "https://twitter.com/jack/status/20"),
    ("https://twitter.com/%6Aack/status/20", "20", "https://twitter.com/jack/status/20"),
    ("https://www.instagram.com/%70/CxAbC123dEf/", "CxAbC123dEf", "https://www.instagram.com/p/CxAbC123dEf/"),
    ("https://youtu.be/%41bCdEfGhIjK", "AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK"),
    ("https://t.me/rivertonchannel/%34%31%36", "rivertonchannel/416", TG),
], ids=["x-status", "x-handle", "instagram", "youtu.be", "telegram"])
def test_percent_escaped_letters_and_digits_in_a_path_are_the_same_post(url, post_id, canonical):
    ref = parse_url(url)
    assert ref is not None and (ref.post_id, ref.url) == (post_id, canonical)


@pytest.mark.parametrize("url", ["https://twitter.com/jack%2Fstatus%2F20", "https://twitter.com/jack/status/20%3F",
                                 "https://t.me/rivertonchannel%2F416"], ids=["slash", "question-mark", "tg-slash"])
def test_an_escaped_separator_stays_part_of_its_segment(url):
    assert parse_url(url) is None


def test_a_bluesky_handle_is_read_in_lower_case():
    """Handles are domain names: Jane.Example.COM is jane.example.com, one post URL (#15)."""
    ref = parse_url("https://bsky.app/profile/Ann.Example.COM/post/3kabc123xyz")
    assert (ref.url, ref.author_handle) == ("https://bsky.app/profile/ann.example.com/post/3kabc123xyz",
                                            "ann.example.com")


def test_an_x_host_with_its_final_dot_is_xs():
    """twitter.com. is the fully qualified twitter.com: the registry handed it to the X parser, which took no post
    from it (#15)."""
    assert parse_url("https://twitter.com./jack/status/20").url == "https://twitter.com/jack/status/20"


# A Wayback Machine capture link names the post it is a copy of (newuser29 #5), in the forms the Wayback Machine
# writes them: a 14-digit or shorter timestamp, a replay flag ("id_", "if_"), the inner URL with or without its
# scheme or with one slash (as a path normaliser leaves it).
@pytest.mark.parametrize("url, inner, capture", [
    ("https://web.archive.org/web/20260310120000/https://t.me/examplestadt_news/4598",
     "https://t.me/examplestadt_news/4598",
     "https://web.archive.org/web/20260310120000/https://t.me/examplestadt_news/4598"),
    ("http://web.archive.org/web/2026031012id_/https://bsky.app/profile/a.example/post/3kexamplerk28",
     "https://bsky.app/profile/a.example/post/3kexamplerk28",
     "https://web.archive.org/web/2026031012id_/https://bsky.app/profile/a.example/post/3kexamplerk28"),
    ("//web.archive.org/web/20260310120000/twitter.com/jack/status/21", "https://twitter.com/jack/status/21",
     "https://web.archive.org/web/20260310120000/https://twitter.com/jack/status/21"),
    ("HTTPS://WEB.ARCHIVE.ORG/web/20260310120000/http:/www.reddit.com/r/ex/comments/1abc2dy/x/",
     "http://www.reddit.com/r/ex/comments/1abc2dy/x/",
     "https://web.archive.org/web/20260310120000/http://www.reddit.com/r/ex/comments/1abc2dy/x/"),
    ("web.archive.org/web/20260310120000/https://t.me/examplestadt_news/4598", "https://t.me/examplestadt_news/4598",
     "https://web.archive.org/web/20260310120000/https://t.me/examplestadt_news/4598"),
], ids=["plain", "flag-and-short-timestamp", "no-scheme", "one-slash-capitals", "capture-written-without-scheme"])
def test_a_wayback_capture_link_names_the_post_it_copies(url, inner, capture):
    assert platforms.archived_capture(url) == (inner, capture)
    assert platforms.parse_url(url) == platforms.parse_url(inner) is not None


@pytest.mark.parametrize("url", [
    "https://web.archive.org/web/2026*/https://t.me/examplestadt_news/4598",   # a listing of captures, not one
    "https://web.archive.org/web/20261399000000/https://t.me/examplestadt_news/4598",   # no such moment
    "https://web.archive.org/save/https://t.me/examplestadt_news/4598",
    "https://example.org/web/20260310120000/https://t.me/examplestadt_news/4598",
    "notarchive.org/web/20260310120000/https://t.me/examplestadt_news/4598",
], ids=["listing", "no-such-moment", "save", "other-host", "other-host-without-scheme"])
def test_what_is_no_wayback_capture_link(url):
    assert platforms.archived_capture(url) is None


@pytest.mark.parametrize("url,seconds", [
    (f"https://www.youtube.com/embed/{YT}?start=95", 95),
    (f"https://youtu.be/{YT}?t=125", 125),
    (f"https://youtu.be/{YT}?t=125s", 125),
    (f"https://www.youtube.com/watch?v={YT}&t=2m5s", 125),
    (f"https://www.youtube.com/watch?v={YT}&t=1h2m5s", 3725),
    (f"https://www.youtube.com/watch?v={YT}#t=1m30s", 90),
    (f"https://www.youtube.com/watch?v={YT}&time_continue=42", 42),
    (f"https://www.youtube.com/watch?v={YT}", None),
    (f"https://www.youtube.com/watch?v={YT}&t=soon", None),
    (f"https://www.youtube.com/watch?v={YT}&t=0", None),
], ids=["embed-start", "youtu.be-t", "t-seconds", "t-minutes", "t-hours", "fragment", "time-continue", "none",
        "not-a-time", "zero"])
def test_a_youtube_links_start_time_is_kept(url, seconds):
    """`embed/<id>?start=95`, `youtu.be/<id>?t=125`, `watch?v=<id>&t=2m5s`: the moment the article cites was dropped
    (newuser29 #10). The canonical URL stays the video's, so the same video's links still merge."""
    ref = platforms.parse_url(url)
    assert (ref.url, ref.post_id, ref.start_seconds) == (WATCH, YT, seconds)


# urlforms30 (#15, #13): a Bluesky record key counts within its account (at://<did>/app.bsky.feed.post/<rkey>) and a
# Mastodon status id within its instance, as a Telegram message number within its channel: a post id of the rkey or
# the number alone made two accounts' or two instances' posts one post in the dedupe, the cache and the reports.
@pytest.mark.parametrize("url,post_id", [
    ("https://bsky.app/profile/ann.example.com/post/3kabc123xyz", "ann.example.com/3kabc123xyz"),
    ("https://bsky.app/profile/Ann.Example.COM/post/3kabc123xyz", "ann.example.com/3kabc123xyz"),
    ("https://bsky.app/profile/bob.example.org/post/3kabc123xyz", "bob.example.org/3kabc123xyz"),
    ("at://did:plc:abcdefghijklmnop/app.bsky.feed.post/3kabc123xyz", "did:plc:abcdefghijklmnop/3kabc123xyz"),
    ("https://mastodon.social/@ann/112000000000000001", "mastodon.social/112000000000000001"),
    ("https://another.example/@ann/112000000000000001", "another.example/112000000000000001"),
    ("https://another.example/users/bob/statuses/112000000000000001", "another.example/112000000000000001"),
    ("https://social.example.net:8443/@riverwatch/112000000000000001", "social.example.net:8443/112000000000000001"),
], ids=["bluesky-handle", "bluesky-handle-capitals", "bluesky-other-account", "bluesky-did", "mastodon",
        "mastodon-other-instance", "mastodon-activitypub", "mastodon-port"])
def test_a_bluesky_or_mastodon_post_id_names_its_account_or_instance(url, post_id):
    assert parse_url(url).post_id == post_id


def test_a_url_is_split_once_and_its_query_read_only_when_asked(monkeypatch):
    """The registry splits a URL to find its platform and the platform's parser splits it again: the second is
    answered from the first, and a query no rule asks about is never parsed (#14)."""
    from resolver.platforms import urls

    splits, queries = [], []
    real_split, real_parse_qs = urls.urlsplit, urls.parse_qs
    monkeypatch.setattr(urls, "urlsplit", lambda url: splits.append(url) or real_split(url))
    monkeypatch.setattr(urls, "parse_qs", lambda query: queries.append(query) or real_parse_qs(query))
    getattr(urls.split, "cache_clear", lambda: None)()   # answers kept from other tests' URLs
    ref = parse_url("https://www.instagram.com/p/CxAmPl3code/?utm_source=ig_embed&amp;ig_rid=7")
    assert (ref.platform, ref.post_id) == ("instagram", "CxAmPl3code")
    assert (len(splits), queries) == (1, [])
    ref = parse_url("https://www.youtube.com/watch?feature=youtu.be&amp;amp;v=dQw4w9WgXcQ")
    assert (ref.platform, ref.post_id) == ("youtube", "dQw4w9WgXcQ")
    assert (len(splits), queries) == (2, ["feature=youtu.be&v=dQw4w9WgXcQ"])
