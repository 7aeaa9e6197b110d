"""A post's photo or thumbnail on an origin `[origins] only_configured = true` leaves unmapped is not asked, by the
user's own config: said once, under its post, and no failure (exit 0), as an image offline never fetched is not
(newuser38b #6: each refusal was said twice, in the table and as an `error:` line, and the run exited 1 though
every post was fetched). Name resolution faked and a connect step that fails the test if called, as in
test_origins."""

from resolver.fetch import FetchOptions, fetch_posts
from resolver.report import post_failures, scan_view
from tests import xfixtures as fx
from tests.test_fetch import TWEET, by_id, json_page, serve_media
from tests.test_origins import _refusing_session

SERVICES = ["cdn.syndication.twimg.com", "publish.twitter.com", "api.twitter.com"]


def _fetched(fakenet, store, hosts):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    session, resolver = _refusing_session(fakenet.settings(hosts, retries=0, only_configured_origins=True), store)
    [post] = session.run(lambda s: fetch_posts([TWEET], session=s, options=FetchOptions()))
    assert set(resolver.asked) <= {"127.0.0.1"}
    return post


def test_a_photo_refused_unmapped_is_not_a_failure_and_is_said_once(fakenet, store):
    post = _fetched(fakenet, store, SERVICES)
    assert post.record.status == "available"
    assert post.media[0]["error"].startswith("unmapped: refused https://pbs.twimg.com/media/")
    assert not post.failed and list(post_failures(post)) == []


def test_the_scan_table_says_the_refusal_once(fakenet, store):
    from resolver.pipeline import ForEmbed, scan

    post = _fetched(fakenet, store, SERVICES)
    result = scan(f"Bridge reopened. https://twitter.com/RivertonRoads/status/{fx.POST_ID}\n", kind="text")
    result = result.replaced(posts=(ForEmbed(0, post),))
    lines = [" ".join(text for text, _ in line) for line in scan_view(result) if isinstance(line, list)]
    for item in post.media:   # a photo and a video's poster: each said once, "not asked"
        url = item.get("url") if item["type"] == "photo" else item.get("preview_url")
        said = [line for line in lines if url in line]
        assert len(said) == 1, "\n".join(lines)
        assert said[0].startswith("  #1 ") and " not asked: its origin is not mapped in [origins]" in said[0], said
    assert not result.failed


def test_a_photo_that_failed_otherwise_is_still_a_failure(fakenet, store):
    """A mapped media host answering 404 is a failure (exit 1), said as before."""
    from werkzeug.wrappers import Response

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    session, _ = _refusing_session(fakenet.settings(SERVICES + ["pbs.twimg.com", "video.twimg.com"], retries=0,
                                                    only_configured_origins=True), store)
    fakenet.route("pbs.twimg.com", "/media/x", lambda r: Response("gone", status=404))
    [post] = session.run(lambda s: fetch_posts([TWEET], session=s, options=FetchOptions()))
    assert post.media and post.media[0]["error"] and post.failed


def test_review39b_the_report_says_each_refusal_too(fakenet, tmp_path, monkeypatch):
    """`report` (Markdown and HTML) says under the post that its photo and poster were not asked, by the config's
    choice, as `scan` does: before, the report said nothing of them (only its JSON's media `error`), and the run exited
    0, so a report put in front of an editor did not tell that no image of the post was downloaded (review39b)."""
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import serve

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["cdn.syndication.twimg.com", "web.archive.org",
                                                          "archive.org"])
    config = tmp_path / "config.toml"
    config.write_text(config.read_text().replace("[origins]\n", "[origins]\nonly_configured = true\n"))
    article = ('<html><body><p>Bridge reopened.</p><blockquote class="twitter-tweet"><p>Bridge reopened this morning'
               '</p>&mdash; Riverton Roads (@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/'
               f'{fx.POST_ID}">December 6, 2022</a></blockquote></body></html>')
    photo = "https://pbs.twimg.com/media/FjRivertonBridge.jpg"
    for fmt in ("md", "html"):
        code, out = run("report", "--format", fmt, "article.html", article=article)
        assert code == 0, out
        said = [line for line in out.replace("<li>", "\n").splitlines() if photo in line and "not asked" in line]
        assert len(said) == 1, out
        assert "its origin is not mapped in [origins]" in said[0]


def test_newuser41a_14_the_scan_says_an_origins_refusal_once_for_every_embed(fakenet, store):
    """Under only_configured, each embed's thumbnail on one unmapped origin had its own long "not asked" line (30 in
    one run): the reason is said once an origin, naming the embeds and media it held back."""
    from resolver.pipeline import ForEmbed, scan

    post = _fetched(fakenet, store, SERVICES)
    link = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
    result = scan(f"Bridge reopened. {link}\nAgain: https://twitter.com/RivertonRoads/status/20\n", kind="text")
    assert len(result.embeds) == 2
    result = result.replaced(posts=(ForEmbed(0, post), ForEmbed(1, post)))
    lines = [" ".join(text for text, _ in line) for line in scan_view(result) if isinstance(line, list)]
    said = [line for line in lines if "not asked" in line]
    assert len(said) == 1, "\n".join(lines)
    assert said[0].startswith("  #1, #2 ") and said[0].count("its origin is not mapped in [origins]") == 1, said
