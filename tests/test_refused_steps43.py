"""A step `[origins] only_configured` refused (its origin unmapped) is not checked, by the user's own config: said so
("not checked: refused by [origins] …"), no `error:` line and no exit 1, in every command, as report's refused
archive lookups already were (newuser43b #9, fixnu42a). Before, `scan --fetch --archive` in a sealed run said an
`error:` line for each page copy refused and for a post every method of which was refused, and exited 1; `resolve`
and `fetch` of a URL whose origin is not mapped did too. A refusal beside a real failure is still that failure.
Loopback servers in the services' formats; nothing unmapped is contacted (refused before any name lookup)."""

from werkzeug.wrappers import Response

from resolver.fetch import FetchOptions, Target, fetch_posts
from resolver.report import scan_view, step_failure_items
from tests import xfixtures as fx
from tests.test_fetch import by_id, json_page
from tests.test_origins import _refusing_session
from tests.test_verdicts import blockquote, cli_on_fakenet

NOT_CHECKED = "not checked: refused by [origins]"
YOUTUBE = Target("youtube", "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")


def _lines(result):
    return [" ".join(text for text, _ in line) for line in scan_view(result) if isinstance(line, list)]


def test_a_post_every_method_of_which_was_refused_is_not_checked_not_failed(fakenet, store):
    from resolver.pipeline import ForEmbed, scan

    fakenet.route("news.test", "/", lambda r: Response("", status=200))
    session, resolver = _refusing_session(fakenet.settings(["news.test"], retries=0, only_configured_origins=True),
                                          store)
    [post] = session.run(lambda s: fetch_posts([YOUTUBE], session=s, options=FetchOptions(media=False,
                                                                                           archived=False)))
    assert post.record.status == "error" and post.refused and not post.failed, post.record
    result = scan(f"Watch: {YOUTUBE.url}\n", kind="text").replaced(posts=(ForEmbed(0, post),))
    assert not result.failed and list(step_failure_items(result)) == []
    said = [line for line in _lines(result) if "dQw4w9WgXcQ" in line]
    assert any(NOT_CHECKED in line for line in said), said
    assert resolver.asked == []


def test_a_refusal_beside_a_real_failure_is_that_failure(fakenet, store):
    """Syndication answered 503, oEmbed was refused: the post failed (the 503), and says oEmbed was not asked."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({fx.POST_ID: [lambda r: Response("busy", status=503)]}))
    session, _ = _refusing_session(fakenet.settings(["cdn.syndication.twimg.com"], retries=0,
                                                    only_configured_origins=True), store)
    target = Target("twitter", fx.POST_ID, f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    [post] = session.run(lambda s: fetch_posts([target], session=s, options=FetchOptions(media=False,
                                                                                         archived=False)))
    assert post.record.status == "error" and post.failed and not post.refused, post.record
    assert "503" in post.record.reason and "oembed not asked: its origin is not mapped" in post.record.reason


def _sealed(fakenet, tmp_path, monkeypatch, hosts):
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, hosts)
    config = tmp_path / "config.toml"
    config.write_text(config.read_text().replace("[origins]\n", "[origins]\nonly_configured = true\n"))
    return run


def test_resolve_and_fetch_of_an_unmapped_url_say_not_checked_and_exit_0(fakenet, tmp_path, monkeypatch):
    fakenet.route("news.test", "/", lambda r: Response("", status=200))
    run = _sealed(fakenet, tmp_path, monkeypatch, ["news.test"])
    for command, url in (("resolve", "https://bit.ly/3xAmpLe"), ("fetch", YOUTUBE.url)):
        said: list[str] = []
        code, out = run(command, url, said=said)
        assert code == 0, (command, out, said)
        assert not [line for line in said if line.startswith("error:")], said
        assert NOT_CHECKED in out + "\n".join(said), (command, out, said)


def test_scan_fetch_archive_in_a_sealed_run_exits_0_saying_what_was_not_checked(fakenet, tmp_path, monkeypatch):
    """The page copy of the post's URL (twitter.com unmapped) and a YouTube post (youtube.com unmapped)."""
    from tests.test_verdicts import POST, tweet
    from tests.waybacknet import serve

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Hello"))]}))
    serve(fakenet, [])
    run = _sealed(fakenet, tmp_path, monkeypatch, ["cdn.syndication.twimg.com", "web.archive.org", "archive.org"])
    article = (f"<html><body><p>The council met.</p>{blockquote(POST, 'Hello')}"
               f'<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></body></html>')
    said: list[str] = []
    code, out = run("scan", "--fetch", "--archive", "article.html", article=article, said=said)
    assert not [line for line in said if line.startswith("error:")], said
    assert code == 0, (out, said)
    assert f"page copy {NOT_CHECKED}" in out, out
    assert any("dQw4w9WgXcQ" in line and NOT_CHECKED in line for line in out.splitlines()), out


def test_report_says_a_refused_source_in_the_status_not_as_could_not_be_reached(fakenet, tmp_path, monkeypatch):
    """A deleted post, syndication unmapped (oEmbed's 404 the status), and a YouTube post, youtube.com unmapped:
    exit 0, no "Could not be reached" line for either; the statuses say what was not asked."""
    from tests.waybacknet import serve

    fakenet.route("publish.twitter.com", "/oembed", lambda r: Response("", status=404))
    serve(fakenet, [])
    run = _sealed(fakenet, tmp_path, monkeypatch, ["publish.twitter.com", "web.archive.org", "archive.org"])
    article = (f"<html><body><p>The council met.</p>{blockquote(fx.GONE_ID, 'Hello')}"
               f'<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></body></html>')
    said: list[str] = []
    code, out = run("report", "--format", "md", "article.html", article=article, said=said)
    assert code == 0 and not [line for line in said if line.startswith("error:")], (out, said)
    assert "Could not be reached" not in out, out
    assert "| Status | — | not found (oEmbed answered 404; syndication not asked: its origin is not mapped" in out, out
    assert f"| Status | — | {NOT_CHECKED} (its origin is not mapped in [origins]" in out, out
