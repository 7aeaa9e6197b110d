"""A broadcaster's video and podcast desk's findings (newuser47b): the videos and video stills their articles embed
and credit. Fixtures are small fictional pages in the services' own embed forms: Twitch's clip and video players
(`clips.twitch.tv/embed?clip=<slug>&parent=<host>`, `player.twitch.tv/?video=v<id>&parent=<host>`, as Twitch's
"Share > Embed" gives them) and links to a clip's and a video's pages."""

from __future__ import annotations

import json

import pytest

from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

CLIP = "FancyBraveOtterKappa-AbCdEf12345"
TWITCH_PAGE = (
    '<!doctype html><html><head><title>Streamer reacts</title></head><body><article>'
    '<p>The streamer reacted live to the verdict, and the moment spread as a clip.</p>'
    f'<iframe src="https://clips.twitch.tv/embed?clip={CLIP}&amp;parent=news.example" height="360" width="640" '
    'allowfullscreen></iframe>'
    f'<p>Watch <a href="https://clips.twitch.tv/{CLIP}">the clip</a> or the whole '
    '<a href="https://www.twitch.tv/videos/1987654321">broadcast</a>; a second clip: '
    '<a href="https://www.twitch.tv/marlowstreams/clip/QuietLoudKoalaPogChamp-Zx9Yw8Vu7">twitch.tv</a>.</p>'
    '<iframe src="https://player.twitch.tv/?video=v1987654321&amp;parent=news.example" height="360" width="640">'
    '</iframe><p>Follow the channel: <a href="https://www.twitch.tv/marlowstreams">twitch.tv/marlowstreams</a>.</p>'
    '</article></body></html>')
HOSTS = ["web.archive.org", "archive.org", "clips.twitch.tv", "www.twitch.tv", "player.twitch.tv"]


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


def test_newuser47b_1_twitch_clips_and_videos_are_found_once_each_by_their_ids():
    from resolver.platforms import unsupported

    assert [(f.service, f.key, f.kind) for f in unsupported.found(TWITCH_PAGE)] == [
        ("Twitch", f"clip/{CLIP}", "clip"), ("Twitch", "video/1987654321", "video"),
        ("Twitch", "clip/QuietLoudKoalaPogChamp-Zx9Yw8Vu7", "clip")]
    # a channel's page, its live player and Twitch's own pages name no clip or video
    assert unsupported.found('<a href="https://www.twitch.tv/marlowstreams">x</a> '
                             '<iframe src="https://player.twitch.tv/?channel=marlowstreams&parent=a.example"></iframe>'
                             '<a href="https://www.twitch.tv/directory">y</a> https://clips.twitch.tv/create') == []


def test_newuser47b_1_they_are_said_not_supported_in_scan_json_and_reports(run, fakenet):
    """`scan` said "0 embeds, 0 credits" and nothing else of the two players: the clip vanished from every output,
    while a Spotify player beside it was said not supported."""
    code, out = run("scan", "article.html", article=TWITCH_PAGE)
    assert code == 0, out
    assert ("note: 3 clips and videos (Twitch 3) not checked: Twitch clips and videos are not supported (no source of "
            f"Twitch is read); first https://clips.twitch.tv/embed?clip={CLIP}&parent=news.example") in out, out
    code, out = run("scan", "--json", "article.html")
    [said] = [w for w in json.loads(out.splitlines()[0])["warnings"] if w["kind"] == "posts-not-supported"]
    assert (said["count"], said["services"]) == (3, {"Twitch": 3}), said
    code, out = run("report", "--offline", "article.html")
    assert "**Not supported**: 3 clips and videos (Twitch 3)" in out, out
    assert not [h for h in fakenet.hits if "twitch" in h[0]], fakenet.hits


@pytest.mark.parametrize("url, why", [
    (f"https://clips.twitch.tv/{CLIP}", "Twitch clips are not supported (no source of Twitch is read)"),
    ("https://www.twitch.tv/videos/1987654321", "Twitch videos are not supported (no source of Twitch is read)"),
], ids=["clip", "video"])
def test_newuser47b_1_fetch_of_a_twitch_clip_says_why_and_asks_nothing(run, fakenet, url, why):
    """`fetch` of a clip asked clips.twitch.tv for it as a link to follow, then said "it is no post"."""
    said: list[str] = []
    code, out = run("fetch", url, said=said)
    assert code == 1 and said == [f"error: cannot fetch {url}: {why}; nothing was asked"], (code, said)
    assert fakenet.hits == [], fakenet.hits


TIKTOK = "https://www.tiktok.com/@citywatcher_/video/7301234567890999999"
X_VIDEO = "https://x.com/DanaWhitlockMP/status/1795012345678901234/video/1"


@pytest.mark.parametrize("paragraph", [
    # the link's own words give the quote to speech in the video, not to the post
    f'<p>The minister <a href="{X_VIDEO}">said in a video on X</a>: "We will not back down, whatever the polls say."</p>',
    f'<p>Dana Whitlock <a href="{X_VIDEO}">says in the clip</a>: "We will not back down."</p>',
    # a verb of speech after the quote gives it to a speaker ("…,” an officer shouts)
    f'<p>City Watcher posted <a href="{TIKTOK}">this video</a>: "Move back, this is your last warning," an officer '
    'shouts.</p>',
    f'<p>In <a href="{TIKTOK}">footage</a> from the square: "Let them through!" a woman yells.</p>',
], ids=["said-in-a-video", "says-in-the-clip", "shouts-after", "yells-after"])
def test_newuser47b_2_words_spoken_in_a_video_are_not_read_as_the_posts(paragraph):
    """Read as the words of the post, the speaker's words were compared with the video's caption: "partial quote …
    “whatever the polls say” after (glued on by the page or a scraper?)", or "mostly not the post's"."""
    from resolver.extract import find_all

    [embed], _ = find_all(f"<html><body><article>{paragraph}</article></body></html>", "html")
    assert (embed.text, embed.text_confidence) == (None, None), embed


@pytest.mark.parametrize("paragraph, words", [
    (f'<p>Smith <a href="{X_VIDEO}">said on X</a>: "We will not back down."</p>', "We will not back down."),
    (f'<p>City Watcher posted <a href="{TIKTOK}">a video</a>, captioning it: "the police line at 10pm"</p>',
     "the police line at 10pm"),
], ids=["said-on-x", "captioning"])
def test_newuser47b_2_a_posts_own_words_beside_its_link_are_still_read(paragraph, words):
    from resolver.extract import find_all

    [embed], _ = find_all(f"<html><body><article>{paragraph}</article></body></html>", "html")
    assert embed.text == words, embed


VIDEO_NOTE = ("the post is a video: the article's words were compared with its caption (the post's words), not with "
              "what is said in the video, which is never checked")
CAPTION = "the police line at 10pm"


def _video_text_check(platform: str, said: str, media: list[dict], **embed: str) -> dict:
    from resolver.provenance import text_check

    data = {"platform": platform, "kind": "post", "detector": "html-link", "text": said, "text_confidence": "high",
            "url": TIKTOK if platform == "tiktok" else X_VIDEO, "post_id": "7301234567890999999", **embed}
    post = {"platform": platform, "status": "available", "post_id": "7301234567890999999", "archived": [],
            "source": "oembed", "text": CAPTION, "text_kind": "text", "media": media,
            # Meta's oEmbed gives an Instagram post's title at most: its caption read from elsewhere
            "field_sources": {"text": "wayback" if platform == "instagram" else "oembed"}}
    return text_check(data, post)


@pytest.mark.parametrize("platform, media, embed, note", [
    ("tiktok", [{"type": "thumbnail", "url": "https://p16.example/x.jpeg"}], {}, True),
    ("tiktok", [], {"shown_url": "https://www.tiktok.com/@citywatcher_/photo/7301234567890999999"}, False),
    ("twitter", [{"type": "video", "url": "https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/a.jpg"}], {}, True),
    ("twitter", [{"type": "photo", "url": "https://pbs.twimg.com/media/a.jpg"}], {}, False),
    ("facebook", [], {"kind": "video"}, True),
    ("instagram", [], {"shown_url": "https://www.instagram.com/reel/C7aBcDeFgHi/"}, True),
], ids=["tiktok-video", "tiktok-photo", "x-video", "x-photo", "facebook-video", "instagram-reel"])
@pytest.mark.parametrize("said", [CAPTION, "the police line at 11pm"], ids=["same", "changed"])
def test_newuser47b_3_a_videos_text_check_says_its_caption_was_compared_not_its_speech(platform, media, embed, note,
                                                                                     said):
    """A video desk quoting a video beside its link could not tell which words the check compared: its caption, or
    what is said in the video (which nothing reads)."""
    check = _video_text_check(platform, said, media, **embed)
    assert check["result"] == ("pass" if said == CAPTION else "fail"), check
    assert (VIDEO_NOTE in check["evidence"]) is note, check


@pytest.mark.parametrize("caption, credit", [
    ("Die Brücke am Morgen. Standbild: ZDF", (None, "ZDF")),
    ("Standbild: Riverside News TV", (None, "Riverside News TV")),
    ("Polizisten auf dem Platz. Standbild: Jana Beispiel/ZDF", ("Jana Beispiel", "ZDF")),
], ids=["broadcaster", "channel", "person-and-broadcaster"])
def test_newuser47b_4_a_german_video_still_is_credited(caption, credit):
    """"Standbild" (a video still) opened no credit: the frame's source was lost, where "Video still: AP" and
    "Bild: ZDF" were read."""
    from resolver.extract import find_all

    html = f'<html><body><figure><img src="/a.jpg"><figcaption>{caption}</figcaption></figure></body></html>'
    _, credits = find_all(html, "html")
    assert [(c.creator, c.organization) for c in credits] == [credit], credits


@pytest.mark.parametrize("caption, credit", [
    ("The minister at the lectern. Still from a video posted on X by @DanaWhitlockMP", ("@DanaWhitlockMP", "X")),
    ("Still from a video posted to TikTok by @marlowwalks.", ("@marlowwalks", "TikTok")),
    ("Officers at the square. Image taken from a video shared on Instagram by @city.watcher",
     ("@city.watcher", "Instagram")),
    ("Screenshot from a video posted on YouTube by @RiversideNewsTV", ("@RiversideNewsTV", "YouTube")),
], ids=["x", "tiktok", "instagram-taken", "youtube-screenshot"])
def test_newuser47b_5_a_still_from_an_accounts_video_credits_the_account(caption, credit):
    """"Still from a video posted on X by @name" gave no credit at all: the account whose video the still is, and its
    platform, were lost, where "Video still via X/@name" was read as that account's post."""
    from resolver.extract import find_all

    html = f'<html><body><figure><img src="/a.jpg"><figcaption>{caption}</figcaption></figure></body></html>'
    _, credits = find_all(html, "html")
    assert [(c.creator, c.organization, c.kind) for c in credits] == [(*credit, "social-post")], credits
    _, credits = find_all(f"Crowds gathered on Tuesday.\n\n{caption}\n\nThe council met on Wednesday.\n", "text")
    assert [(c.creator, c.organization, c.kind) for c in credits] == [(*credit, "social-post")], credits


def test_newuser47b_5_a_still_of_a_video_naming_no_account_is_no_credit():
    from resolver.extract import find_all

    for caption in ("Image taken from video.", "Still from a video posted on X by a resident",
                    "A still from a video posted on X by @DanaWhitlockMP shows the lectern, officials said"):
        html = f'<html><body><figure><img src="/a.jpg"><figcaption>{caption}</figcaption></figure></body></html>'
        assert [c for c in find_all(html, "html")[1] if c.kind == "social-post"] == [], caption


@pytest.mark.parametrize("url, what", [
    ("https://www.youtube.com/embed/videoseries?list=PLa1b2c3d4e5f6g7h8i9j0kLmNoPqRsTu",
     "a YouTube playlist (videos someone listed, which shows whatever the list holds when it is opened)"),
    ("https://www.youtube.com/clip/UgkxAbCdEfGhIjKlMnOpQrStUvWxYz012345",
     "a YouTube clip (a few seconds of a video, cut by a viewer), which names neither the video nor its time"),
    ("https://www.tiktok.com/@marlowwalks/live",
     "a TikTok live stream (the account's broadcast, which shows whatever is live when it is opened)"),
], ids=["playlist", "clip", "live"])
def test_newuser47b_6_fetch_of_a_playlist_clip_or_live_stream_says_what_it_is_and_asks_nothing(fakenet, tmp_path,
                                                                                                monkeypatch, url, what):
    """`fetch` asked youtube.com or tiktok.com for the page, then said "it is no post" alone, where the scan of the
    same link says what it is."""
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["www.youtube.com", "www.tiktok.com", *HOSTS])
    said: list[str] = []
    code, out = run("fetch", url, said=said)
    assert code == 1 and said == [f"error: cannot fetch {url}: it is {what}, no post to fetch; nothing was asked"], \
        (code, said)
    assert fakenet.hits == [], fakenet.hits
