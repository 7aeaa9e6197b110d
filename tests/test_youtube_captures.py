"""A removed YouTube video cited in an article, recovered from its archived watch page (#9, #11): before, its Wayback
captures were listed and never read ("1 snapshot(s), not read: whether it holds the post is not known", newuser41a
#8); now they are read as X's, Telegram's, Mastodon's and Bluesky's are: the title, channel, upload day and
description taken from a capture that names the video, never from one of another video, of the channel's page, of
YouTube's home page after a redirect, of the consent page or of a "Video unavailable" page.

The fixtures are small fictional watch pages in the shapes YouTube served (see resolver/fetch/youtube_pages.py): the
2014-2019 desktop page (`#watch7-content` microdata with a day-only datePublished, `#eow-title`, `.yt-user-info a`,
`#eow-description`, a relative canonical link) and the 2021 on page (head tags, the microdata with the author's
`link[itemprop=name]` and an uploadDate with its zone, and `ytInitialPlayerResponse`)."""

from __future__ import annotations

import json
from html import escape

import pytest

from resolver.fetch import wayback, youtube_pages
from tests.fakenet import page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

HOSTS = ["www.youtube.com", "web.archive.org", "archive.org"]
VIDEO = "Rm0vedClip2"
WATCH = f"https://www.youtube.com/watch?v={VIDEO}"
TITLE = "Riverton flood: the levee breach at dawn"
CHANNEL = "Riverton Fire Department"
DESCRIPTION = "Crews opened the spillway at 5:40 a.m.\nFootage: Engine 4's helmet camera."


def watch_2017(video: str = VIDEO, *, title: str = TITLE, channel: str = CHANNEL,
               description: str = DESCRIPTION) -> bytes:
    """The desktop watch page before 2020: microdata in #watch7-content (a day, no time), the body's title,
    channel and whole description."""
    lines = "<br>".join(escape(line) for line in description.split("\n"))
    return (f'<!DOCTYPE html><html lang="en"><head><title>{escape(title)} - YouTube</title>'
            f'<link rel="canonical" href="/watch?v={video}">'
            f'<meta property="og:url" content="https://www.youtube.com/watch?v={video}">'
            f'<meta property="og:title" content="{escape(title)}">'
            f'<meta property="og:description" content="{escape(description[:30])}...">'
            '<meta property="og:video:tag" content="Storm Chasers Weekly"></head><body>'
            '<div id="watch7-content" class="watch-main-col" itemscope itemid="" '
            'itemtype="http://schema.org/VideoObject">'
            f'<link itemprop="url" href="https://www.youtube.com/watch?v={video}">'
            f'<meta itemprop="name" content="{escape(title)}">'
            f'<meta itemprop="description" content="{escape(description[:30])}...">'
            '<meta itemprop="channelId" content="UCfictionalRiverton00001">'
            f'<meta itemprop="videoId" content="{video}">'
            '<span itemprop="author" itemscope itemtype="http://schema.org/Person">'
            '<link itemprop="url" href="http://www.youtube.com/user/RivertonFD"></span>'
            '<meta itemprop="datePublished" content="2017-03-14"></div>'
            f'<span id="eow-title" class="watch-title" title="{escape(title)}">{escape(title)}</span>'
            f'<div class="yt-user-info"><a href="/channel/UCfictionalRiverton00001">{escape(channel)}</a></div>'
            f'<div id="watch-description-text"><p id="eow-description">{lines}</p></div></body></html>').encode()


def watch_2023(video: str = VIDEO, *, title: str = TITLE, channel: str = CHANNEL, description: str = DESCRIPTION,
               playable: dict | None = None) -> bytes:
    """The watch page from 2021 on: head tags, the microdata (the author's name and @handle URL, a time with its
    zone), and the player's data with the whole description."""
    player = {"playabilityStatus": playable or {"status": "OK"},
              "videoDetails": {"videoId": video, "title": title, "author": channel,
                               "channelId": "UCfictionalRiverton00001", "shortDescription": description},
              "microformat": {"playerMicroformatRenderer": {
                  "ownerProfileUrl": "http://www.youtube.com/@rivertonfire",
                  "uploadDate": "2023-03-14T05:52:10-07:00"}}}
    return (f'<!DOCTYPE html><html lang="en"><head><title>{escape(title)} - YouTube</title>'
            f'<link rel="canonical" href="https://www.youtube.com/watch?v={video}">'
            f'<meta property="og:url" content="https://www.youtube.com/watch?v={video}">'
            f'<meta property="og:title" content="{escape(title)}">'
            f'<meta property="og:video:url" content="https://www.youtube.com/embed/{video}">'
            '<meta property="og:video:tag" content="Storm Chasers Weekly"></head><body>'
            '<div id="watch7-content" itemscope itemid="" itemtype="http://schema.org/VideoObject">'
            f'<link itemprop="url" href="https://www.youtube.com/watch?v={video}">'
            f'<meta itemprop="name" content="{escape(title)}"><meta itemprop="videoId" content="{video}">'
            '<span itemprop="author" itemscope itemtype="http://schema.org/Person">'
            '<link itemprop="url" href="http://www.youtube.com/@rivertonfire">'
            f'<link itemprop="name" content="{escape(channel)}"></span>'
            '<meta itemprop="uploadDate" content="2023-03-14T05:52:10-07:00"></div>'
            f'<script>var ytInitialPlayerResponse = {json.dumps(player)};var meta = document.createElement'
            "('meta');</script></body></html>").encode()


UNAVAILABLE = ('<!DOCTYPE html><html><head><title>YouTube</title><meta property="og:title" content="YouTube"></head>'
               '<body><script>var ytInitialPlayerResponse = {"responseContext":{},"playabilityStatus":{"status":'
               '"ERROR","reason":"Video unavailable","errorScreen":{}}};</script></body></html>').encode()
UNAVAILABLE_2016 = ('<!DOCTYPE html><html><head><title>YouTube</title><link rel="canonical" '
                    f'href="/watch?v={VIDEO}"></head><body><div id="player-unavailable"><h1 id="unavailable-message" '
                    'class="message">This video has been removed by the user.</h1></div></body></html>').encode()
CHANNEL_PAGE = ('<!DOCTYPE html><html><head><title>Riverton Fire Department - YouTube</title>'
                '<link rel="canonical" href="https://www.youtube.com/channel/UCfictionalRiverton00001">'
                '<meta property="og:url" content="https://www.youtube.com/@rivertonfire">'
                '<meta property="og:type" content="profile"><meta property="og:title" content="Riverton Fire '
                'Department"></head><body></body></html>').encode()
HOME_PAGE = ('<!DOCTYPE html><html><head><title>YouTube</title><link rel="canonical" href="https://www.youtube.com/">'
             '<meta property="og:url" content="https://www.youtube.com/"><meta property="og:description" '
             'content="Enjoy the videos and music you love."></head><body></body></html>').encode()
CONSENT = ('<!DOCTYPE html><html><head><title>Before you continue to YouTube</title></head><body><form '
           'action="https://consent.youtube.com/save"><button>Accept all</button></form></body></html>').encode()


def read(body: bytes, status: int = 200):
    return youtube_pages.read_capture(VIDEO, status, "text/html; charset=utf-8", body, "wayback", WATCH)


def test_a_2023_watch_page_gives_the_videos_title_channel_upload_time_and_whole_description():
    record, form, notes = read(watch_2023())
    assert (record.status, form, record.text) == ("available", "player-response", f"{TITLE}\n\n{DESCRIPTION}")
    assert (record.author_name, record.author_handle, record.author_id, record.created_at) == (
        CHANNEL, "rivertonfire", "UCfictionalRiverton00001", "2023-03-14T12:52:10Z"), record
    assert record.url == WATCH and notes == (youtube_pages.TITLE_AND_DESCRIPTION,), notes


def test_a_2017_watch_page_gives_its_day_as_a_note_never_as_a_time_and_no_handle_from_a_user_url():
    record, form, notes = read(watch_2017())
    assert (record.status, form, record.text) == ("available", "watch-microdata", f"{TITLE}\n\n{DESCRIPTION}")
    assert (record.author_name, record.author_handle, record.created_at) == (CHANNEL, None, None), record
    assert "the page gives the upload day 2017-03-14, no time or time zone: no date is taken from it" in notes


def test_a_page_with_only_the_cut_description_says_it_is_cut_and_the_tags_are_never_the_channel():
    body = watch_2017().replace(b'<p id="eow-description">', b'<p id="other">').replace(
        b'<div class="yt-user-info">', b'<div class="other">')
    record, _, notes = read(body)
    assert record.text == f"{TITLE}\n\n{DESCRIPTION[:30]}...", record
    assert record.author_name is None, record   # og:video:tag "Storm Chasers Weekly" is a keyword, no channel
    assert "the description is cut short on the captured page: its first words only" in notes


SITE_SAYS = {   # YouTube's own description of itself, which the head of a video with no description carries
    "en": "Enjoy the videos and music you love, upload original content, and share it all with friends, family, and "
          "the world on YouTube.",
    "fr": "Profitez des vidéos et de la musique que vous aimez, mettez en ligne des contenus originaux, et "
          "partagez-les avec vos amis, vos proches et le monde entier.",
    "es": "Disfruta los videos y la música que te encantan, sube contenido original y compártelo con tus amigos, "
          "familiares y el resto del mundo en YouTube.",
}


def _with_site_description(body: bytes, said: str) -> bytes:
    return body.replace(b"</head>", f'<meta name="description" content="{escape(said)}">'
                                    f'<meta property="og:description" content="{escape(said)}"></head>'.encode())


@pytest.mark.parametrize("language", sorted(SITE_SAYS))
def test_a_video_with_no_description_is_never_given_youtubes_own_description_of_itself(language):
    # review43c: a video whose description is empty ("shortDescription": "") has the site's own blurb in its head,
    # in the capture's language; it was read as the video's description, the text "<title>\n\nEnjoy the videos
    # and music you love…" shown as the video's words
    said = SITE_SAYS[language]
    record, form, notes = read(_with_site_description(watch_2023(description=""), said))
    assert (record.status, form, record.text) == ("available", "player-response", TITLE), record
    assert notes == (), notes
    old = watch_2017(description="").replace(b'<meta property="og:description" content="...">', b"").replace(
        b'<meta itemprop="description" content="...">', b"")
    record, form, notes = read(_with_site_description(old, said))
    assert (record.status, form, record.text) == ("available", "watch-microdata", TITLE), record
    assert youtube_pages.TITLE_AND_DESCRIPTION not in notes, notes


def test_the_videos_date_is_the_day_it_was_published_never_the_day_its_file_was_uploaded_before():
    # review43c: a video uploaded on 10 January, kept private and published on 14 March has both days on its page
    # (the player's uploadDate and publishDate, the microdata's uploadDate and datePublished); its "Archived date"
    # was the upload, two months before anyone could see it: footage said to be older than it was
    body = watch_2023().replace(b'"uploadDate": "2023-03-14T05:52:10-07:00"',
                                b'"uploadDate": "2023-01-10T09:00:00-08:00", '
                                b'"publishDate": "2023-03-14T05:52:10-07:00"').replace(
        b'<meta itemprop="uploadDate" content="2023-03-14T05:52:10-07:00">',
        b'<meta itemprop="uploadDate" content="2023-01-10T09:00:00-08:00">'
        b'<meta itemprop="datePublished" content="2023-03-14T05:52:10-07:00">')
    assert body.count(b"2023-01-10") == 2, body
    record, form, _ = read(body)
    assert (form, record.created_at) == ("player-response", "2023-03-14T12:52:10Z"), record
    microdata_only = body[:body.index(b"<script>")] + b"</body></html>"
    record, form, _ = read(microdata_only)
    assert (form, record.created_at) == ("watch-microdata", "2023-03-14T12:52:10Z"), record


def test_a_2020_page_setting_the_players_data_as_a_window_property_is_read_from_it():
    # review43c: pages of 2020 set it as `window["ytInitialPlayerResponse"] = {…};`, which was not read: the whole
    # description, and the player's word that the video was unavailable, were left for the head's
    body = watch_2023(description=DESCRIPTION + "\nMore at the county's page.").replace(
        b"var ytInitialPlayerResponse = ", b'window["ytInitialPlayerResponse"] = ')
    record, form, _ = read(body)
    assert (form, record.text) == ("player-response", f"{TITLE}\n\n{DESCRIPTION}\nMore at the county's page."), record
    gone = UNAVAILABLE.replace(b"var ytInitialPlayerResponse = ", b'window["ytInitialPlayerResponse"] = ').replace(
        b"</head>", f'<link rel="canonical" href="{WATCH}"><meta property="og:title" content="{TITLE}"></head>'.encode())
    record, form, _ = read(gone)
    assert (record.status, form, record.text) == ("unknown", "none", None), record


@pytest.mark.parametrize("body, said", [
    (watch_2023("OtherVid999", title="Cute cats compilation"),
     "the captured page is the video OtherVid999 (https://www.youtube.com/watch?v=OtherVid999), not this one"),
    (watch_2017("OtherVid999"),
     "the captured page is the video OtherVid999 (https://www.youtube.com/watch?v=OtherVid999), not this one"),
    (UNAVAILABLE, "the capture shows YouTube's notice “Video unavailable” in the video's place, not the video"),
    (watch_2023(playable={"status": "ERROR", "reason": "This video has been removed by the uploader"}),
     "the capture shows YouTube's notice “This video has been removed by the uploader” in the video's place, not "
     "the video"),
    (UNAVAILABLE_2016, "the capture shows YouTube's notice “This video has been removed by the user.” in the video's "
                       "place, not the video"),
    (CHANNEL_PAGE, "the capture shows the channel page https://www.youtube.com/@rivertonfire, not the video"),
    (HOME_PAGE, "the capture shows YouTube's home page (the video's URL redirected there), not the video"),
    (CONSENT, "the capture shows YouTube's consent page, not the video"),
], ids=["another-video", "another-video-2017", "unavailable", "removed-notice", "removed-2016", "channel", "home",
        "consent"])
def test_a_capture_of_another_page_is_never_taken_as_the_video(body, said):
    record, form, _ = read(body)
    assert (record.status, record.text, record.author_name, record.reason, form) == ("unknown", None, None, said,
                                                                                     "none")


def test_a_capture_that_is_youtubes_404_is_not_found_then():
    record, form, _ = read(b"<html><body>404 Not Found</body></html>", status=404)
    assert (record.status, form) == ("not_found", "none")


def test_only_this_videos_pages_are_its_captures_and_the_archive_reader_dispatches_to_them():
    assert youtube_pages.names_post(f"{WATCH}&feature=youtu.be", VIDEO)
    assert youtube_pages.names_post(f"https://m.youtube.com/watch?v={VIDEO}", VIDEO)
    assert youtube_pages.names_post(f"https://www.youtube.com/shorts/{VIDEO}", VIDEO)
    assert not youtube_pages.names_post(f"https://www.youtube.com/watch?v={VIDEO.lower()}", VIDEO)   # another id
    assert not youtube_pages.names_post("https://www.youtube.com/@rivertonfire", VIDEO)
    assert wayback.capture_queries(VIDEO, []) == [f"www.youtube.com/watch?v={VIDEO}",
                                                  f"m.youtube.com/watch?v={VIDEO}", f"www.youtube.com/shorts/{VIDEO}"]
    assert wayback.read(VIDEO, 200, "text/html", watch_2023(), WATCH).record.text.startswith(TITLE)
    assert not youtube_pages.is_video_id("12345678901")   # eleven digits: an X post's id
    assert wayback.capture_queries("12345678901", [])[0] == "twitter.com/i/status/12345678901"


# -- the whole path: scan --fetch, then report --offline ------------------------------------------------------------

ARTICLE = ('<html><body><p>The fire department posted the footage that morning.</p>'
           f'<iframe src="https://www.youtube.com/embed/{VIDEO}" title="{escape(TITLE)}"></iframe>'
           f'<p>Video: {CHANNEL} / YouTube</p></body></html>')


def _video_gone(fakenet) -> None:
    fakenet.route("www.youtube.com", "/oembed", page("Not Found", 404, content_type="text/html"))


def test_a_removed_youtube_video_is_recovered_from_its_archived_watch_page_and_its_credit_checked(
        fakenet, tmp_path, monkeypatch):
    """oEmbed answers 404; the watch page was captured twice: once as YouTube's home page (the removed video's URL
    redirected there), once as the video's page. The second is read: the title and description are shown, the capture
    cited, the credit line checked against its channel; offline reads them from the cache with no request."""
    _video_gone(fakenet)
    serve(fakenet, [Capture("20230315080000", WATCH, HOME_PAGE), Capture("20230401093000", WATCH, watch_2023())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    assert post["status"] == "not_found", post
    said = [(c["original"], c["status"], c["text"]) for c in post["archived"]]
    assert said == [(WATCH, "unknown", None), (WATCH, "archived-copy", f"{TITLE}\n\n{DESCRIPTION}")], said
    hits = len(fakenet.hits)
    code, md = run("report", "--offline", "a.html")
    assert len(fakenet.hits) == hits
    assert "listed, not read" not in md and "not read: whether" not in md, md
    assert f"| Archived text | — | {TITLE}" in md and "wayback capture of 2023-04-01T09:30:00Z" in md, md
    assert "(the capture shows YouTube's home page (the video's URL redirected there), not the video)" in md, md
    code, out = run("report", "--offline", "--format", "json", "a.html")
    [embed] = json.loads(out)["embeds"]
    [copy] = embed["archived_copies"]
    checks = {c["name"]: c for c in embed["checks"]}
    assert checks["archived-copy"]["result"] == "pass", checks["archived-copy"]
    assert "✅ pass **author**: per the capture of 2023-04-01T09:30:00Z: the article credits “Riverton Fire " \
           "Department” (“Video: Riverton Fire Department / YouTube”); the video's channel is @rivertonfire " \
           "(Riverton Fire Department)" in md, md
    assert "| Archived date | — | 2023-03-14T12:52:10Z | wayback capture of 2023-04-01T09:30:00Z (player-response)" \
           in md, md
    code, out = run("stats", "--json")   # the copy counted: the video is not at risk
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == VIDEO], at_risk


def test_a_removed_youtube_video_whose_only_capture_is_another_video_stays_unknown(fakenet, tmp_path, monkeypatch):
    """newuser41a #8: the only capture is of another video ("Cute cats compilation"): read, said not to be this video,
    no words taken; before, it was "1 snapshot(s), not read"."""
    _video_gone(fakenet)
    serve(fakenet, [Capture("20260303120000", WATCH, watch_2023("OtherVid999", title="Cute cats compilation"))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    code, md = run("report", "--offline", "a.html")
    assert "listed, not read" not in md and "| Archived text |" not in md and "Cute cats" not in md, md
    assert "(the captured page is the video OtherVid999 (https://www.youtube.com/watch?v=OtherVid999), not this " \
           "one)" in md, md
    assert "captured, but the capture does not show the post" in md, md


@pytest.mark.parametrize("captured", [f"https://www.youtube.com/shorts/{VIDEO}",
                                      f"https://m.youtube.com/watch?v={VIDEO}&feature=share"], ids=["shorts", "mobile"])
def test_a_removed_youtube_videos_copy_under_its_shorts_or_mobile_page_is_read_and_counted(
        fakenet, tmp_path, monkeypatch, captured):
    """The video's watch page was never captured, its Shorts page (or the mobile site's) was: the fetch lists it too,
    reads it, and stats counts it as the video's copy (m081: before, the video was listed at risk while the report
    showed the copy)."""
    _video_gone(fakenet)
    serve(fakenet, [Capture("20230401093000", captured, watch_2023()),
                    Capture("20230402093000", f"https://www.youtube.com/shorts/{VIDEO.lower()}", watch_2023())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    assert [(c["original"], c["status"]) for c in post["archived"]] == [(captured, "archived-copy")], post["archived"]
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == VIDEO], at_risk


def test_a_removed_youtube_video_with_no_capture_says_every_page_it_was_looked_up_under(fakenet, tmp_path, monkeypatch):
    """No capture of any of its pages: the archive check names the three lists asked, each cited, never a bare "no
    archived copy"."""
    _video_gone(fakenet)
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    code, md = run("report", "--offline", "a.html")
    assert f"at risk: the post is not found and no archived copy was found under {WATCH}, " \
           f"https://m.youtube.com/watch?v={VIDEO} and https://www.youtube.com/shorts/{VIDEO} (per the CDX lookup of " \
           f"URLs starting with {WATCH}" in md, md
    assert md.count("CDX lookup of URLs starting with https://www.youtube.com/shorts/") >= 1, md


@pytest.mark.parametrize("original, counted", [
    (f"https://www.youtube.com/watch?feature=share&v={VIDEO}", True),
    (f"https://m.youtube.com/watch?app=desktop&list=PLx&v={VIDEO}#t=5", True),
    (f"https://www.youtube.com/watch?feature=share&vv={VIDEO}", False),
    (f"https://www.youtube.com/watch?feature=share&v={VIDEO}x", False),
], ids=["v-after-feature", "v-last-mobile", "vv-is-no-v", "a-longer-id"])
def test_a_removed_videos_copy_under_a_watch_page_whose_v_is_not_first_is_counted(
        fakenet, tmp_path, monkeypatch, original, counted):
    """CLOSING-stop42: the fetch reads a capture of `watch?feature=share&v=…` as the video's page, but m081's view
    read the id only right after "watch?v=": the video was listed at risk while the report showed its copy (m085). The
    capture is listed under the watch page, then filed under the other form, as a CDX listing may give it."""
    import sqlite3

    _video_gone(fakenet)
    serve(fakenet, [Capture("20230401093000", WATCH, watch_2023())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    with sqlite3.connect(tmp_path / "c.db") as conn:
        assert conn.execute("UPDATE snapshots SET original = ? WHERE original = ?", [original, WATCH]).rowcount == 1
    conn.close()
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert bool([row for row in at_risk if row["post_id"] == VIDEO]) is not counted, at_risk
