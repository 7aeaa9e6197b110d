"""A video or podcast fact-checker's findings (newuser41a), fixed by fixnu41b: what YouTube's oEmbed answer tells (and
does not), a re-upload under another channel than the one the article credits, captures named but not read, podcast
episodes the tool does not check, gone videos said alike on every platform. Every answer comes from a loopback server
in the provider's own shape (YouTube's oEmbed: title, author_name, author_url, type "video", html)."""

import json

import jsonschema
import pytest

from tests import xfixtures as fx
from tests.fakenet import page
from tests.test_fetch import json_page
from tests.test_report import SCHEMA
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

HOSTS = ["www.youtube.com", "i.ytimg.com", "www.tiktok.com", "graph.facebook.com", "web.archive.org", "archive.org",
         "open.spotify.com", "podcasts.apple.com", "embed.podcasts.apple.com"]
# A video blocked for copyright, not only an age-restricted or region-blocked one, answers 200 while embedding is
# allowed (Tyrrrz/YoutubeExplode#163): "can be embedded; age or region limits not known" said it would play elsewhere.
YOUTUBE_AVAILABLE = ("exists and its owner allows embedding, per YouTube's oEmbed; whether it plays (age, region, "
                     "copyright or other limits) is not known")


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


def youtube_answer(**fields) -> dict:
    return fx.YOUTUBE_OEMBED | fields


def thumbnail(fakenet) -> None:
    fakenet.route("i.ytimg.com", "/vi/AbCdEfGhIjK/hqdefault.jpg", page(fx.jpeg(), content_type="image/jpeg"))


def iframe(video: str = "AbCdEfGhIjK", title: str = "YouTube video player") -> str:
    return f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{video}" title="{title}"></iframe>'


def test_newuser41a_5_a_youtube_video_oembed_answers_is_said_to_exist_and_embed_not_to_be_viewable(fakenet, run):
    """An age-restricted or region-blocked video answers YouTube's oEmbed 200 as any other: "available" said more than
    the answer knows. The words say what it knows, in every format; the code and its tone stay."""
    fakenet.route("www.youtube.com", "/oembed", json_page(fx.YOUTUBE_OEMBED))
    thumbnail(fakenet)
    article = f"<html><body><p>The timelapse.</p>{iframe()}</body></html>"
    code, out = run("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    status = json.loads(out)["embeds"][0]["status"]
    assert (status["code"], status["tone"], status["words"]) == ("available", "ok", YOUTUBE_AVAILABLE)
    for fmt in ("md", "html"):
        code, out = run("report", "--format", fmt, "article.html")
        assert code == 0, out
        assert YOUTUBE_AVAILABLE in out.replace("&#x27;", "'"), fmt
        assert ": available" not in out and ">available<" not in out, fmt


REUPLOAD = youtube_answer(title="INSANE fire drone footage (not mine)", author_name="ViralClipsDaily",
                          author_url="https://www.youtube.com/@ViralClipsDaily")


def _author_check(fakenet, run, answer: dict, after: str, title: str = "YouTube video player") -> dict:
    fakenet.route("www.youtube.com", "/oembed", json_page(answer))
    thumbnail(fakenet)
    article = f"<html><body><p>The department's own footage.</p>{iframe(title=title)}{after}</body></html>"
    code, out = run("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    return next(c for c in json.loads(out)["embeds"][0]["checks"] if c["name"] == "author")


def test_newuser41a_6_a_youtube_video_credited_to_another_channel_than_its_own_warns(fakenet, run):
    """A re-upload: the article credits the department ("Video: … / YouTube"), oEmbed names another channel. The check
    skipped, "the article names no handle", and the report read 0 failed. A display name alone: a warn, no fail."""
    author = _author_check(fakenet, run, REUPLOAD, "<p>Video: Riverton Fire Department / YouTube</p>",
                           title="Riverton Fire Department: Route 9 fire, drone view")
    assert author["result"] == "warn", author
    assert "“Riverton Fire Department”" in author["evidence"] and "@ViralClipsDaily" in author["evidence"]
    assert "re-upload" in author["evidence"]


def test_a_youtube_channel_sharing_one_word_of_the_credited_name_is_no_pass(fakenet, run):
    """A re-upload whose channel shares a word with the credited name ("Riverton") passed: one word of the name
    found in the channel's was taken as the credited channel. A pass needs every word of the credited name in the
    channel's name or handle; a part of it warns, saying which words the channel does not hold."""
    partial = youtube_answer(title="Route 9 fire", author_name="Riverton Clips",
                             author_url="https://www.youtube.com/@RivertonClips")
    author = _author_check(fakenet, run, partial, "<p>Video: Riverton Fire Department / YouTube</p>")
    assert author["result"] == "warn", author
    assert "“Riverton Fire Department”" in author["evidence"] and "@RivertonClips" in author["evidence"]
    assert "fire, department" in author["evidence"], author


@pytest.mark.parametrize("line, name", [
    ("(Video: Riverton Roads Video via YouTube)", "Riverton Roads Video"),
    # "YouTube channel" names the channel's platform, no word its name must hold (review42a: warned a re-upload)
    ("Video by Riverton Roads Video's YouTube channel", "Riverton Roads Video's YouTube channel"),
])
def test_newuser41a_6_a_youtube_video_credited_to_its_own_channel_passes(fakenet, run, line, name):
    author = _author_check(fakenet, run, fx.YOUTUBE_OEMBED, f"<p>{line}</p>")
    assert author["result"] == "pass", author
    assert f"“{name}”" in author["evidence"]


def test_newuser41a_6_an_embed_title_the_article_gives_is_said_beside_the_videos_title_when_no_one_is_credited(
        fakenet, run):
    author = _author_check(fakenet, run, REUPLOAD, "<p>The fire spread fast.</p>",
                           title="Riverton Fire Department: Route 9 fire, drone view")
    assert author["result"] == "skip", author
    assert "“Riverton Fire Department: Route 9 fire, drone view”" in author["evidence"]
    assert "“INSANE fire drone footage (not mine)”" in author["evidence"]


def test_newuser41a_8_archive_says_the_closest_capture_it_names_was_not_read(fakenet, run):
    """`archive` named a capture "closest" (another video, as it happened) and neither its text nor --json said that
    nothing had read it."""
    from tests.test_archive import serve_wayback

    video = "https://www.youtube.com/watch?v=Rm0vedClip2"
    serve_wayback(fakenet, [("20260303120000", video)])
    fakenet.route("www.youtube.com", "/watch", lambda request: page("<html><title>gone</title></html>", 404))
    code, out = run("archive", video)
    closest = next(line for line in out.splitlines() if "closest:" in line)
    assert "not read" in closest, out
    code, out = run("archive", "--json", video)
    found = json.loads(out.splitlines()[0])
    assert found["closest"]["url"].endswith(video) and found["closest_read"] is False, found


def test_newuser41a_8_fetch_help_names_the_platforms_whose_captures_it_reads():
    """`fetch --help` said "gone posts' copies are always read": only the platforms of CAPTURES_READ have theirs read."""
    from click.testing import CliRunner

    from resolver.cli import cli
    from resolver.fetch import CAPTURES_READ

    said = " ".join(CliRunner().invoke(cli, ["fetch", "--help"]).stdout.split())
    assert "gone posts' copies are always read" not in said
    names = {"twitter": "X", "youtube": "YouTube", "tiktok": "TikTok"}
    for platform in CAPTURES_READ:
        assert names.get(platform, platform.capitalize()) in said, platform
    assert "other platforms' captures are listed, not read" in said


SPOTIFY_EMBED = "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk?utm_source=generator&amp;t=720"
APPLE_EMBED = "https://embed.podcasts.apple.com/us/podcast/riverton-weekly/id1535809341?i=1000578812345&amp;t=300"
PODCASTS = (f'<html><body><p>The engineer repeated the claim on a podcast:</p><iframe src="{SPOTIFY_EMBED}" '
            f'height="152"></iframe><p>And on Apple Podcasts:</p><iframe src="{APPLE_EMBED}" height="175"></iframe>'
            '<p>Listen at <a href="https://podcasts.apple.com/us/podcast/riverton-weekly/id1535809341?i=1000578812345">'
            'Apple Podcasts</a> or <a href="https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=ab12">Spotify'
            '</a>.</p></body></html>')


def test_newuser41a_9_podcast_episodes_are_read_one_each_by_their_platforms_ids():
    from resolver.platforms import podcasts

    found = podcasts.episodes(PODCASTS)
    assert [(e.service, e.episode) for e in found] == [("Spotify", "4rOoJ6Egrf8K2IrywzwOMk"),
                                                        ("Apple Podcasts", "1000578812345")]
    assert podcasts.episodes("<p>A spotify.com artist: https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF</p>") == []
    assert podcasts.is_podcast("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=ab12")
    assert podcasts.is_podcast("https://podcasts.apple.com/us/podcast/riverton-weekly/id1535809341")
    assert not podcasts.is_podcast("https://open.spotify.com/track/4rOoJ6Egrf8K2IrywzwOMk")


def test_newuser41a_9_podcast_episodes_an_article_embeds_are_said_not_supported_in_scan_and_reports(run):
    """Spotify and Apple Podcasts episode embeds vanished from every output, with no word that they were not read."""
    code, out = run("scan", "article.html", article=PODCASTS)
    assert code == 0, out
    assert "2 podcast episodes (Spotify 1, Apple Podcasts 1) not checked: podcast episodes are not supported" in out
    code, out = run("scan", "--json", "article.html")
    [said] = [w for w in json.loads(out.splitlines()[0])["warnings"] if w["kind"] == "podcasts-not-supported"]
    assert said["count"] == 2 and said["first"].startswith("https://open.spotify.com/embed/episode/"), said
    code, out = run("report", "--offline", "article.html")
    assert "**Not supported**: 2 podcast episodes" in out, out
    code, out = run("report", "--offline", "--format", "json", "article.html")
    report = json.loads(out)
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    assert [w["count"] for w in report["article"]["warnings"] if w["kind"] == "podcasts-not-supported"] == [2]


def test_newuser41a_9_fetch_of_a_podcast_episode_says_it_is_not_supported_and_asks_nothing(fakenet, run):
    said: list[str] = []
    code, out = run("fetch", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=ab12", said=said)
    assert code == 1 and said == ["error: cannot fetch https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=ab12: "
                                  "podcast episodes (Spotify, Apple Podcasts) are not supported; nothing was asked"], said
    assert not [hit for hit in fakenet.hits if "spotify" in hit[0]], fakenet.hits


@pytest.mark.parametrize("url", ["https://youtu.be/FLOODbrief1?t=92", "https://www.tiktok.com/@riverton_fire/video/7366666666666666666"])
def test_newuser41a_12_report_of_a_posts_url_points_to_fetch_and_asks_nothing(fakenet, run, url):
    """`report https://youtu.be/…` fetched the video's page as an article and said "cannot read …: HTTP 404"."""
    said: list[str] = []
    code, out = run("report", url, said=said)
    assert code == 1, out
    assert any(f"cannot read {url}: it is a post's URL, not an article; `embed-resolver fetch URL` fetches the post"
               in line for line in said), said
    assert not [hit for hit in fakenet.hits if hit[0] in ("youtu.be", "www.youtube.com", "www.tiktok.com")], fakenet.hits


GRAPH_400 = {"error": {"message": "(#100) The parameter url is required or the URL is not supported", "type":
                       "OAuthException", "code": 100, "fbtrace_id": "AfictionalTraceId0001"}}


@pytest.mark.parametrize("platform, body, said", [
    ("tiktok", {"code": 400, "message": "Something went wrong"},
     "oEmbed answered HTTP 400: “Something went wrong” (TikTok answers so for a video it will not give: removed, "
     "private or restricted, or a URL it cannot read: not known which, or a fault of its own)"),
    ("instagram", GRAPH_400,
     "oEmbed answered HTTP 400: Graph's error 100 “(#100) The parameter url is required or the URL is not supported” "
     "(Meta answers so for a post it will not embed: removed, private or restricted, or a URL it cannot read: not "
     "known which)"),
    ("facebook", {"error": {"message": "Application request limit reached", "type": "OAuthException", "code": 4}},
     "rate-limited by the oEmbed endpoint (Graph's error 4 “Application request limit reached”)"),
    ("youtube", {"error": "bad"}, "oEmbed answered HTTP 400"),
])
def test_newuser41a_7_a_platforms_refusal_is_said_in_its_own_words_and_what_it_means(platform, body, said):
    """A deleted TikTok (400) and a Meta post Graph will not give (400, code 100) read "oEmbed answered HTTP 400", no
    more: what the platform said, and what that is known to mean, were left out."""
    from resolver.fetch import oembed

    record = oembed.parse(platform, "1", "https://example.invalid/1", 400, "application/json",
                          json.dumps(body).encode())
    assert (record.status, record.reason) == ("error", said)


@pytest.mark.parametrize("platform", ["instagram", "facebook", "threads"])
def test_a_graph_refusal_of_the_caller_is_not_said_to_be_a_private_post(platform):
    """Graph answers 403 with its error object when it refuses the caller (code 10: no permission to use the feature;
    code 4 or 613: rate limits), as Meta's oEmbed may now that it is asked with no token: it was read as YouTube's 401,
    "private, or its owner turned embedding off (not known which)", a fact about the post Graph never stated. Graph's
    own words are quoted, and the answer is an error of the source."""
    from resolver.fetch import oembed

    body = {"error": {"message": "(#10) This endpoint requires the 'Meta oEmbed Read' feature", "type": "OAuthException",
                      "code": 10, "fbtrace_id": "AfictionalTraceId0002"}}
    record = oembed.parse(platform, "1", "https://example.invalid/1", 403, "application/json", json.dumps(body).encode())
    assert record.status == "error", record
    assert record.reason == ("oEmbed answered HTTP 403: Graph's error 10 “(#10) This endpoint requires the 'Meta oEmbed "
                             "Read' feature”"), record.reason
    youtube = oembed.parse("youtube", "AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK", 401, "text/html",
                           b"Unauthorized")
    assert (youtube.status, youtube.reason) == ("unknown", "oEmbed answered 401: private, or its owner turned "
                                                           "embedding off (not known which)")


def test_a_graph_rate_limit_is_asked_again_by_the_next_run_not_kept_for_a_day(fakenet, run, monkeypatch):
    """Graph says its rate limits with a 4xx and its error object (code 4, "Application request limit reached"), not a
    429: now that Meta is asked with no token (1,000 requests an endpoint an hour), an hour's run past it had every
    later post kept as a lasting refusal for `error_ttl` (a day), no run asking again. A rate limit passes, as a 429."""
    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    limited = {"error": {"message": "(#4) Application request limit reached", "type": "OAuthException", "code": 4,
                         "is_transient": True, "fbtrace_id": "AfictionalTraceId0003"}}
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(limited, 400), json_page(INSTAGRAM_OEMBED))
    code, out = run("fetch", "--json", "https://www.instagram.com/p/C9aBcDeFgHi/")
    assert code == 1 and json.loads(out.splitlines()[0])["reason"].startswith("rate-limited by the oEmbed endpoint "
                                                                              "(Graph's error 4 “(#4) Application"), out
    code, out = run("fetch", "--json", "https://www.instagram.com/p/C9aBcDeFgHi/")
    assert code == 0 and json.loads(out.splitlines()[0])["status"] == "available", out
    assert len([hit for hit in fakenet.hits if hit[0] == "graph.facebook.com"]) == 2


def test_newuser41a_7_graphs_message_is_shown_with_the_token_it_echoes_redacted(fakenet, run, monkeypatch):
    token = "EAAfictionalMetaToken41b"
    monkeypatch.setenv("META_ACCESS_TOKEN", token)
    echoed = {"error": GRAPH_400["error"] | {"message": f"(#100) Invalid URL for access_token={token}"}}
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(echoed, 400))
    said: list[str] = []
    code, out = run("fetch", "--json", "https://www.instagram.com/p/C9aBcDeFgHi/", said=said)
    assert code == 1, out
    reason = json.loads(out.splitlines()[0])["reason"]
    assert reason.startswith("oEmbed answered HTTP 400: Graph's error 100 “(#100) Invalid URL for access_token="), reason
    assert token not in out + "\n".join(said)


INSTAGRAM_OEMBED = {"version": "1.0", "type": "rich", "provider_name": "Instagram",
                    "provider_url": "https://www.instagram.com/", "width": 658,
                    "html": '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/'
                            'C9aBcDeFgHi/?utm_source=ig_embed"><p><a href="https://www.instagram.com/p/C9aBcDeFgHi/">'
                            'A post shared by Riverton Fire (@riverton_fire)</a></p></blockquote>'}
FACEBOOK_VIDEO_OEMBED = {"version": "1.0", "type": "video", "provider_name": "Facebook",
                         "provider_url": "https://www.facebook.com", "width": 500, "height": 280,
                         "html": '<div class="fb-video" data-href="https://www.facebook.com/RivertonFD/videos/'
                                 '1234567890/"></div>'}


def _asked(fakenet, path: str) -> list:
    from werkzeug.wrappers import Response

    seen: list = []

    def answer(request):
        seen.append((request.path, dict(request.args), request.headers.get("Authorization")))
        body = INSTAGRAM_OEMBED if "instagram" in request.path else FACEBOOK_VIDEO_OEMBED
        return Response(json.dumps(body), content_type="application/json")
    fakenet.route("graph.facebook.com", path, answer)
    return seen


def test_newuser41a_4_instagram_is_asked_without_a_token_now_meta_needs_none(fakenet, run, monkeypatch):
    """Meta lifted the token requirement of its oEmbed APIs on June 15, 2026 (its oembed-post, oembed-video and
    instagram-oembed references): every Instagram post read "not fetched: needs META_ACCESS_TOKEN"."""
    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    seen = _asked(fakenet, "/v16.0/instagram_oembed")
    code, out = run("fetch", "--json", "https://www.instagram.com/p/C9aBcDeFgHi/")
    assert code == 0, out
    post = json.loads(out.splitlines()[0])
    assert (post["status"], post["author"]["handle"]) == ("available", "riverton_fire"), post
    [(path, args, authorization)] = seen
    assert authorization is None and "access_token" not in args and args["url"].endswith("/p/C9aBcDeFgHi/")


def test_newuser41a_4_a_token_set_is_sent_and_a_facebook_video_goes_to_oembed_video(fakenet, run, monkeypatch):
    monkeypatch.setenv("META_ACCESS_TOKEN", "EAAfictionalMetaToken41b")
    seen = _asked(fakenet, "/v16.0/oembed_video")
    for url in ("https://www.facebook.com/RivertonFD/videos/1234567890/", "https://www.facebook.com/reel/1234567891"):
        code, out = run("fetch", "--json", url)
        assert code == 0, out
    assert [(path, authorization) for path, _, authorization in seen] == [
        ("/v16.0/oembed_video", "Bearer EAAfictionalMetaToken41b")] * 2


def test_newuser41a_4_every_meta_oembed_endpoint_keeps_within_metas_tokenless_rate():
    """Tokenless, Meta allows 1,000 requests an endpoint an hour: each endpoint's budget stays under it."""
    from resolver.budgets import DEFAULT_LIMITS
    from resolver.fetch import oembed

    endpoints = [p.endpoint for p in oembed.PROVIDERS.values() if p.token_optional] + [oembed.FACEBOOK_VIDEO_ENDPOINT]
    assert len(endpoints) == 4
    for endpoint in endpoints:
        assert 0 < DEFAULT_LIMITS[endpoint] * 60 <= 1000, endpoint


def test_newuser41a_7_the_index_counts_the_posts_gone_or_not_found(fakenet, run, tmp_path):
    """A removed video is no failed check: the index read "Failed checks 0" for an article whose video was gone."""
    from werkzeug.wrappers import Response

    fakenet.route("www.youtube.com", "/oembed", lambda request: Response("Not Found", status=404)
                  if "Rm0vedClip2" in request.args["url"] else Response(json.dumps(fx.YOUTUBE_OEMBED),
                                                                        content_type="application/json"))
    thumbnail(fakenet)
    (tmp_path / "gone.html").write_text(f"<html><body><p>Removed since.</p>{iframe('Rm0vedClip2')}</body></html>")
    (tmp_path / "here.html").write_text(f"<html><body><p>Still up.</p>{iframe()}</body></html>")
    for fmt in ("md", "html"):
        code, out = run("report", "--format", fmt, "-o", str(tmp_path / fmt), str(tmp_path / "gone.html"),
                        str(tmp_path / "here.html"))
        assert code == 0, out
    lines = (tmp_path / "md" / "index.md").read_text().splitlines()
    assert "| Failed checks | Posts gone, restricted or not found |" in lines[2]
    assert "| 1 | 0 | 0 | 1 of 1 |" in next(line for line in lines if "gone.html" in line)
    assert "| 1 | 0 | 0 | 0 of 1 |" in next(line for line in lines if "here.html" in line)
    assert "<th scope=\"col\">Posts gone, restricted or not found</th>" in (tmp_path / "html" / "index.html").read_text()


@pytest.mark.parametrize("line, name", [
    ("Video: Riverton Fire Department / YouTube", "Riverton Fire Department"),
    ("(Video: Riverton Roads Video via YouTube)", "Riverton Roads Video"),
    ("Video by Jane Roe", "Jane Roe"),
    ("Video credit: Jane Roe.", "Jane Roe"),
    ("Footage courtesy of Jane Roe on YouTube", "Jane Roe"),
    ("Video: the council meeting, in full", None),   # a caption, no credit: no platform after it
    ("Videos of the bridge show the damage.", None),
    # a caption in a sentence, no credit (review42a: "the article credits “the Riverton Fire Department shows …”")
    ("Video by the Riverton Fire Department shows flames near Route 9.", None),
])
def test_newuser41a_6_a_credit_line_names_whom_it_credits_and_a_caption_names_no_one(line, name):
    from resolver.article import from_bytes
    from resolver.provenance import video_credit

    page = f"<html><body>{iframe()}<p>{line}</p></body></html>"
    start = page.index("<iframe")
    credited, title = video_credit(from_bytes(page.encode(), "a.html"), (start, page.index("</iframe>") + 9))
    assert (credited[0] if credited else None, title) == (name, None)


def test_newuser41a_5_fetch_and_scan_say_what_youtubes_oembed_tells_too(fakenet, run):
    fakenet.route("www.youtube.com", "/oembed", json_page(fx.YOUTUBE_OEMBED))
    thumbnail(fakenet)
    code, out = run("fetch", "https://www.youtube.com/watch?v=AbCdEfGhIjK")
    assert code == 0 and f"available ({YOUTUBE_AVAILABLE})" in " ".join(out.split()), out
    code, out = run("scan", "--fetch", "article.html", article=f"<html><body><p>The timelapse.</p>{iframe()}</body></html>")
    assert code == 0 and f"AbCdEfGhIjK: available ({YOUTUBE_AVAILABLE}) (via oembed)" in " ".join(out.split()), out


@pytest.mark.parametrize("line", ["Video courtesy of the Sheriff", "Video: The Governor / YouTube", "Video by YouTube"])
def test_a_credit_line_naming_no_one_the_check_can_hold_is_no_pass(fakenet, run, line):
    """A credit line whose every word is a title, a joining word or a platform ("the Sheriff") left no word to weigh
    against the channel, and the check passed: "the article credits “the Sheriff”; the video's channel is
    @ViralClipsDaily", a re-upload's channel said to be the credited one. Nothing compared: a skip, saying why."""
    author = _author_check(fakenet, run, REUPLOAD, f"<p>{line}</p>")
    assert author["result"] == "skip", author
    assert "@ViralClipsDaily" in author["evidence"] and "names no one" in author["evidence"], author


FOOTER = ('<html><body><p>The minutes of the meeting.</p><footer><ul>'
          '<li><a href="https://open.spotify.com/show/0AbCdEfGhIjKlMnOpQrStU"><svg aria-label="Spotify"></svg></a></li>'
          '<li><a href="https://podcasts.apple.com/us/podcast/the-riverton-hour/id1234567890"><svg '
          'aria-label="Apple Podcasts"></svg></a></li></ul></footer></body></html>')


def test_a_sites_links_to_its_own_podcast_shows_are_no_podcast_episodes():
    """A site's footer icons linking to its podcast's show pages (as a news site's footer in the corpus does) were said
    "2 podcast episodes (Spotify 1, Apple Podcasts 1) not checked" on every article: the page names no episode. A show's
    page linked is no episode, as an account's page linked is no post; a show's player embedded is named, as a show."""
    from resolver.platforms import podcasts

    assert podcasts.episodes(FOOTER) == []
    players = ('<iframe src="https://open.spotify.com/embed/show/0AbCdEfGhIjKlMnOpQrStU"></iframe>'
               '<iframe src="https://embed.podcasts.apple.com/us/podcast/the-riverton-hour/id1234567890"></iframe>')
    found = podcasts.episodes(players)
    assert [e.service for e in found] == ["Spotify", "Apple Podcasts"]
    assert podcasts.not_supported_note(found).startswith("2 podcast shows (Spotify 1, Apple Podcasts 1) not checked")
    both = podcasts.episodes(players + PODCASTS)
    assert podcasts.not_supported_note(both).startswith("4 podcast episodes or shows (Spotify 2, Apple Podcasts 2) not")


def test_a_credit_line_under_the_next_embed_is_not_the_first_videos(fakenet, run):
    """Two videos one after the other, a credit line under the second: the first one's "first line after the embed"
    ran past the second embed to that line, and the first video (another channel's) was warned "may be a re-upload"
    of a channel the article credits only for the second. A line after another embed is that embed's."""
    from werkzeug.wrappers import Response

    fakenet.route("www.youtube.com", "/oembed", lambda request: Response(json.dumps(
        REUPLOAD if "AbCdEfGhIjK" in request.args["url"] else fx.YOUTUBE_OEMBED | {"author_name": "Riverton Fire "
                                                                                    "Department"}),
        content_type="application/json"))
    thumbnail(fakenet)
    fakenet.route("i.ytimg.com", "/vi/ZyXwVuTsRqP/hqdefault.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    article = (f"<html><body><p>Two views of the fire.</p>{iframe()}{iframe('ZyXwVuTsRqP')}"
               "<p>Video: Riverton Fire Department / YouTube</p></body></html>")
    code, out = run("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    first, second = ({c["name"]: c for c in e["checks"]} for e in json.loads(out)["embeds"])
    assert first["author"]["result"] == "skip" and "credits" not in first["author"]["evidence"], first["author"]
    assert "“Riverton Fire Department”" in second["author"]["evidence"], second["author"]


def test_the_index_column_counting_restricted_posts_says_they_may_be_restricted(fakenet, tmp_path, monkeypatch):
    """The index's new column counts every post of the "gone" tone, an age-restricted, withheld or protected one too,
    under "Posts gone or not found": an age-restricted post that is there was said gone. The column says restricted."""
    from tests.test_verdicts import blockquote

    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["cdn.syndication.twimg.com", "publish.twitter.com",
                                                          "web.archive.org", "archive.org"])
    serve(fakenet, [])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", json_page(fx.TOMBSTONE_EMPTY))
    article = f"<html><body><p>The council met.</p>{blockquote('20', 'Road closed')}</body></html>"
    (tmp_path / "a.html").write_text(article)
    (tmp_path / "b.html").write_text("<html><body><p>No post here.</p></body></html>")   # an index: two reports
    code, out = run("report", "--format", "md", "-o", str(tmp_path / "md"), str(tmp_path / "a.html"),
                    str(tmp_path / "b.html"))
    assert code == 0, out
    lines = (tmp_path / "md" / "index.md").read_text().splitlines()
    header = lines[2].split(" | ")
    column = next(i for i, name in enumerate(header) if name.startswith("Posts gone"))
    assert header[column] == "Posts gone, restricted or not found", header
    row = next(line for line in lines if "a.html" in line).split(" | ")
    assert row[column] == "1 of 1", row


def test_an_index_line_from_a_report_made_before_the_gone_count_does_not_say_0_gone():
    """The index is written from each report's notes, which a run resumed under this version may hold from an earlier
    one: a summary with no `gone` count was said "0 of 2" posts gone, a count never made said to be 0. It is "—"."""
    from pathlib import Path

    from resolver.report import INDEX_COLUMNS, _index_row

    report = json.loads((Path(__file__).parent / "golden" / "report.json").read_text())
    column = INDEX_COLUMNS.index("Posts gone, restricted or not found") - 1
    named = report["summary"]["posts"]["named"]
    assert named and _index_row(report)[2][column] == f"{report['summary']['posts']['gone']} of {named}"
    del report["summary"]["posts"]["gone"]
    assert _index_row(report)[2][column] == "—"
