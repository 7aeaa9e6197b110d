"""review35r5: fixnu35c's reports an editor or a court can rely on, checked adversarially. A replayed answer names the
server that answered it as the WARC recorded it, not the replay run's [origins] (nothing was contacted); a source
that answered no words of why (a 404) does not contradict a gone post's reason; a Threads answer a WARC holds
replays with no token, as an Instagram one does."""

import json
from pathlib import Path

from tests.test_verdicts import reporter  # noqa: F401  (the fixture)

from tests.cliworld import World, write_config
from tests.test_secrets import INSTAGRAM, THREADS, serve_everything

CAPTURES = Path(__file__).parent / "fixtures" / "captures"
SCHEMA = Path(__file__).parents[1] / "schema" / "report.schema.json"


def _embeds(out: str) -> list:
    """A JSON report's embeds, the report checked against schema/report.schema.json first."""
    import jsonschema

    report = json.loads(out)
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    return report["embeds"]


def _recorded(fakenet, tmp_path, url: str, *, token: str = "tok-SECRET35r5"):
    """A `scan --fetch --warc` of an article linking `url`, with the Meta token set: (article, WARC)."""
    serve_everything(fakenet)
    source = tmp_path / "article.txt"
    source.write_text(f"The council posted: {url}\n")
    warc = tmp_path / "run.warc.gz"
    done = World(fakenet, tmp_path)("scan", "--fetch", "--warc", str(warc), str(source),
                                    env={"META_ACCESS_TOKEN": token})
    assert done.exit_code == 0, done.output
    return source, warc


def test_a_replayed_answer_names_the_server_the_warc_recorded_not_the_replay_runs_origins(fakenet, tmp_path):
    """A replay contacts nothing, yet its citations said "via configured origin <the replay run's mapping>" (a
    server that never answered), and a replay with no [origins] said nothing, though the WARC records
    (WARC-Embed-Resolver-Contacted-URI) that a configured origin answered."""
    source, warc = _recorded(fakenet, tmp_path, INSTAGRAM)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    again = World(fakenet, elsewhere)
    write_config(again.config, "http://127.0.0.1:9")   # the replay run's mapping: never contacted
    hits = len(fakenet.hits)
    done = again("--replay", str(warc), "report", "--format", "json", str(source),
                 env={"META_ACCESS_TOKEN": "anything-at-all"})
    assert done.stdout, done.output
    [embed] = _embeds(done.stdout)
    [source_] = embed["post"]["sources"]
    assert source_["warc_file"] and len(fakenet.hits) == hits
    assert (source_["contacted_origin"], source_["overridden_origin"]) == (fakenet.origin, "https://graph.facebook.com"), \
        source_
    markdown = again("--replay", str(warc), "report", str(source), env={"META_ACCESS_TOKEN": "anything-at-all"}).stdout
    assert "127.0.0.1:9" not in markdown and f"via configured origin {fakenet.origin} for graph.facebook.com" in markdown
    # no [origins] at all in the replay run: the WARC's record still says who answered
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "config.toml").write_text("[network]\nretries = 0\n")
    plain = World(fakenet, bare)
    (bare / "config.toml").write_text("[network]\nretries = 0\n")
    done = plain("--replay", str(warc), "report", "--format", "json", str(source), env={"META_ACCESS_TOKEN": "anything-at-all"})
    [embed] = _embeds(done.stdout)
    assert embed["post"]["sources"][0]["contacted_origin"] == fakenet.origin, embed["post"]["sources"]


def test_a_threads_answer_the_warc_holds_replays_with_no_token_set(fakenet, tmp_path):
    """graph.threads.net takes the token in its query: the WARC keeps that URL with access_token=REDACTED, so a
    replay with no token asked for a URL without it, found nothing, and said "needs META_ACCESS_TOKEN" (fixnu35c
    fixed Instagram and Facebook only, whose token travels in a header)."""
    source, warc = _recorded(fakenet, tmp_path, THREADS)
    assert b"SECRET35r5" not in __import__("gzip").open(warc).read()
    (tmp_path / "replay").mkdir()
    again = World(fakenet, tmp_path / "replay")
    hits = len(fakenet.hits)
    done = again("--replay", str(warc), "report", "--format", "json", str(source))
    [embed] = _embeds(done.stdout)
    assert (embed["platform"], embed["post"]["status"]) == ("threads", "available"), embed["post"]
    assert embed["post"]["sources"][0]["warc_file"] and len(fakenet.hits) == hits   # nothing sent
    # a Threads post the WARC does not hold is a replay's miss, its tokenless request named (Meta needs no token
    # since June 2026, newuser41a #4), and nothing is sent
    other = tmp_path / "other.txt"
    other.write_text("The council posted: https://www.threads.net/@riverwatch/post/C9zZzZz9yYy\n")
    done = again("--replay", str(warc), "report", "--format", "json", str(other))
    [embed] = _embeds(done.stdout)
    reason = embed["post"]["reason"]
    assert reason.startswith("not-in-warc: not in the replayed WARC files") and "access_token" not in reason, reason
    assert len(fakenet.hits) == hits


def test_an_oembed_404_beside_a_deleted_posts_tombstone_is_no_disagreement(fakenet, reporter):  # noqa: F811
    """`fetch --all-methods` of a deleted post: syndication's tombstone says deleted, oEmbed answers 404, as it does
    for every gone post. The status check warned "the sources disagree on what the post is … which the other
    contradicts: not sure" and the Status row said "the sources disagree": a 404 says no reason, so it contradicts no
    reason given (the fetch's own ranking never lets it outweigh one). A post the sources call available and gone
    still warns (test_cited_answers)."""
    from tests.fakenet import page
    from tests.test_cited_answers import ARTICLE, _texts
    from tests.test_fetch import by_id, json_page
    from tests.test_verdicts import DELETED, POST
    from tests.waybacknet import serve

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    code, out = reporter("fetch", "--all-methods", "article.html", article=ARTICLE)
    code, out = reporter("report", "--format", "json", "article.html")
    [embed] = _embeds(out)
    assert embed["post"]["status"] == "deleted" and {s["method"] for s in embed["post"]["sources"]} >= {"oembed"}
    assert [c for c in embed["checks"] if c["name"] == "status"] == [], embed["checks"]
    for text in _texts(reporter):
        status = next(line for line in text.splitlines() if "Status" in line and "deleted" in line)
        assert "disagree" not in status, status


def test_a_request_an_override_sent_elsewhere_that_got_no_answer_says_which_server_failed(fakenet, tmp_path,
                                                                                         monkeypatch):
    """A request [origins] sent to another server that refused the connection (or timed out) was cited as the public
    service's failure, with no "via configured origin": contacted_url was the URL asked, since no answer named the
    server contacted, and the header said the override had "answered". The report then said
    cdn.syndication.twimg.com could not be reached, though it was never asked."""
    from tests.fakenet import page
    from tests.test_cited_answers import ARTICLE
    from tests.test_verdicts import HOSTS, cli_on_fakenet
    from tests.waybacknet import serve

    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    config = tmp_path / "config.toml"
    closed = "http://127.0.0.1:9"   # loopback, nothing listening: the connection is refused
    config.write_text(config.read_text().replace(f'"https://cdn.syndication.twimg.com" = "{fakenet.origin}"',
                                                 f'"https://cdn.syndication.twimg.com" = "{closed}"'))
    assert closed in config.read_text()
    code, out = run("report", "--format", "json", "article.html", article=ARTICLE)
    [embed] = _embeds(out)
    assert embed["post"]["status"] == "not_found", embed["post"]
    [failed] = [s for s in embed["post"]["sources"] if s["method"] == "syndication"]
    assert failed["status"] == "error" and failed["contacted_origin"] == closed, failed
    markdown = run("report", "article.html")[1].replace("\\", "")
    status = next(line for line in markdown.splitlines() if line.startswith("| Status"))
    assert f"fetch #{failed['fetch_id']}, after 1 try, via configured origin {closed} for cdn.syndication.twimg.com" \
        in status, status
    assert f"https://cdn.syndication.twimg.com (sent to {closed})" in markdown and "answered by" not in markdown


def _named_elsewhere(fakenet, reporter, capture_of: str, body: bytes):  # noqa: F811
    """A deleted post whose CDX lists fail (503), the availability answer naming a capture of `capture_of` (not the
    post's URL): the JSON report's embed."""
    from werkzeug.wrappers import Response

    from tests.fakenet import page
    from tests.test_cited_answers import ARTICLE
    from tests.test_fetch import by_id, json_page
    from tests.test_verdicts import DELETED, POST
    from tests.waybacknet import Capture, serve

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [Capture("20210503100000", capture_of, body)])
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("Service Unavailable", status=503))
    fakenet.route("archive.org", "/wayback/available", lambda request: Response(json.dumps({
        "url": request.args.get("url"), "archived_snapshots": {"closest": {
            "status": "200", "available": True, "timestamp": "20210503100000",
            "url": f"http://web.archive.org/web/20210503100000/{capture_of}"}}}), content_type="application/json"))
    code, out = reporter("report", "--format", "json", "article.html", article=ARTICLE)
    [embed] = _embeds(out)
    assert ("web.archive.org", f"/web/20210503100000id_/{capture_of}") in fakenet.hits   # it was read
    return embed


def test_a_capture_the_availability_answer_names_of_the_login_wall_is_checked_as_any_capture(fakenet, reporter):  # noqa: F811
    """The capture fixnu35c reads when the lists failed is whatever the availability API names: here a capture of the
    login wall the post's URL redirected to. It is checked as every capture is, never taken for the post's words."""
    from tests.test_verdicts import POST

    login = f"https://twitter.com/i/flow/login?redirect_after_login=%2Friver_desk%2Fstatus%2F{POST}"
    embed = _named_elsewhere(fakenet, reporter, login, (CAPTURES / "login_wall_react.html").read_bytes())
    [copy] = embed["post"]["archived"]
    assert copy["status"] != "archived-copy" and not copy.get("text") and "login wall" in (copy.get("reason") or ""), copy
    checks = {c["name"]: c for c in embed["checks"]}
    assert checks["archived-copy"]["result"] != "pass" and checks["text"]["result"] != "pass", checks


def test_a_capture_the_availability_answer_names_of_another_post_is_not_this_posts_words(fakenet, reporter):  # noqa: F811
    """The availability API names a capture of another post's page (its closest match): its words are another post's,
    said so, never compared with the article's quote as this post's."""
    from tests.test_verdicts import POST
    from tests.waybacknet import classic_page

    other = str(int(POST) + 1)
    embed = _named_elsewhere(fakenet, reporter, f"https://twitter.com/river_desk/status/{other}",
                             classic_page(other, "river_desk", "River Desk", "Road closed.", epoch=1620033160))
    [copy] = embed["post"]["archived"]
    assert copy["status"] != "archived-copy" and other in (copy.get("reason") or ""), copy
    checks = {c["name"]: c for c in embed["checks"]}
    assert checks["archived-copy"]["result"] != "pass" and checks["text"]["result"] != "pass", checks


def test_a_failed_source_or_an_older_answer_is_no_disagreement(fakenet, reporter):  # noqa: F811
    """Cases fixnu35c's status check must not warn on: oEmbed's 503 beside syndication's 200 (no answer, not a
    disagreement: it is said as a source that failed), and a post available in one run and deleted in a later one (a
    change over time: the later run's answer is the status, and says when)."""
    from tests.fakenet import page
    from tests.test_cited_answers import ARTICLE
    from tests.test_fetch import by_id, json_page
    from tests.test_verdicts import DELETED, POST, tweet
    from tests.waybacknet import serve

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    fakenet.route("publish.twitter.com", "/oembed", page("busy", status=503))
    serve(fakenet, [])
    reporter("fetch", "--all-methods", "article.html", article=ARTICLE)
    [embed] = _embeds(reporter("report", "--format", "json", "article.html")[1])
    assert embed["post"]["status"] == "available" and "oembed" in {s["method"] for s in embed["post"]["sources"]}
    assert not [c for c in embed["checks"] if c["name"] == "status"], embed["checks"]
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    reporter("fetch", "--refresh", "article.html")
    [embed] = _embeds(reporter("report", "--format", "json", "article.html")[1])
    assert embed["post"]["status"] == "deleted", embed["post"]
    assert not [c for c in embed["checks"] if c["name"] == "status"], embed["checks"]
    assert "disagree" not in reporter("report", "article.html")[1]


def test_a_link_to_an_internationalised_host_is_no_configured_origin():
    """A hop to https://bücher.example/… is sent (and its fetch row's contacted_url kept) as the host's ASCII form,
    https://xn--bcher-kva.example/…: the same server. The citation said "via configured origin
    https://xn--bcher-kva.example for bücher.example", an [origins] override that never was."""
    import httpx

    from resolver.provenance import contacted

    for url in ("https://bücher.example/neu?x=1", "https://пример.рф/статья", "https://EXAMPLE.com:443/a b"):
        went = str(httpx.URL(url))   # what http.py records: the request's URL as httpx built it
        assert contacted({"url": url, "contacted_url": went}) == {"contacted_origin": None, "overridden_origin": None}
    # a real override still says so, an internationalised host's too
    assert contacted({"url": "https://bücher.example/neu", "contacted_url": "http://127.0.0.1:8735/neu"}) == {
        "contacted_origin": "http://127.0.0.1:8735", "overridden_origin": "https://bücher.example"}
