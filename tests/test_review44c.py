"""review44c: adversarial review of stop 43's fixnu43c (steps [origins] refused), fixnu43d (library promises) and
perf43 (offline start-up, CDX timestamps). Loopback servers only; nothing unmapped is contacted."""

import json

from werkzeug.wrappers import Response

from tests.test_refused_steps43 import NOT_CHECKED, _sealed


def test_fetch_of_a_short_link_the_config_refused_says_not_checked_not_error(fakenet, tmp_path, monkeypatch):
    """`fetch https://t.co/…` with t.co unmapped in a sealed run: the link is not followed, by the config's choice.
    Before, stderr said "error: cannot fetch …: the link could not be resolved (unmapped: …)" while the exit code
    was 0: an error line no failure stands behind (README: a step the config
    refused is said as not checked, no `error:` line)."""
    fakenet.route("news.test", "/", lambda r: Response("", status=200))
    run = _sealed(fakenet, tmp_path, monkeypatch, ["news.test"])
    said: list[str] = []
    code, out = run("fetch", "https://t.co/Zz98Yy76Xx", said=said)
    assert code == 0, (out, said)
    assert not [line for line in said if line.startswith("error:")], said
    assert NOT_CHECKED in out + "\n".join(said), (out, said)
    said = []
    code, out = run("fetch", "--json", "https://t.co/Zz98Yy76Xx", said=said)
    assert code == 0 and not [line for line in said if line.startswith("error:")], (out, said)
    [line] = [json.loads(line) for line in out.splitlines()]
    # the JSON keeps the kind, as every --json line of a refused step does ("unmapped: refused …")
    assert line["link"] == "https://t.co/Zz98Yy76Xx" and line["error"].startswith("unmapped: refused "), line


def test_a_report_never_says_the_sources_answered_a_post_no_source_was_asked(fakenet, tmp_path, monkeypatch):
    """A YouTube post in a sealed run, youtube.com unmapped: nothing was asked of it. Before, the report's heading,
    its badge, the summary's "Post status" and the archive check said "not known: the sources answered with errors"
    (a claim of answers no source gave); only its Status row said it was not checked. The JSON keeps code "error"."""
    from tests.waybacknet import serve

    serve(fakenet, [])
    run = _sealed(fakenet, tmp_path, monkeypatch, ["web.archive.org", "archive.org"])
    article = ('<html><body><p>The council met.</p>'
               '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></body></html>')
    code, out = run("report", "--format", "md", "article.html", article=article)
    assert code == 0, out
    assert "answered with errors" not in out, out
    assert f"### 1. youtube video: {NOT_CHECKED}" in out, out
    assert f"| Post status | {NOT_CHECKED} 1 |" in out, out
    code, out = run("report", "--format", "json", "article.html", article=article)
    report = json.loads(out)
    [embed] = report["embeds"]
    assert embed["status"]["code"] == "error" and embed["status"]["words"] == NOT_CHECKED, embed["status"]
    assert report["summary"]["by_status"] == {NOT_CHECKED: 1}, report["summary"]
    [archive] = [c for c in embed["checks"] if c["name"] == "archive"]
    assert "answered with errors" not in archive["evidence"] and "no source was asked" in archive["evidence"], archive


def test_a_config_file_naming_one_origin_twice_is_refused_as_settings_in_code_are(tmp_path):
    """`[origins]` with "https://T.co" and "https://t.co" (one origin, two spellings, two targets): Settings made in
    code refuse it (InvalidSetting: which target is meant cannot be told); the config file kept the last one read,
    silently, so the run went to a server the user may not have meant."""
    import pytest

    from resolver.errors import ConfigError, InvalidSetting
    from resolver.settings import Settings, load_settings

    two = {"https://T.co": "http://127.0.0.1:8001", "https://t.co/": "http://127.0.0.1:8002"}
    with pytest.raises(InvalidSetting, match="names one origin twice"):
        Settings(origins=two)
    config = tmp_path / "config.toml"
    config.write_text("[origins]\n" + "".join(f'"{k}" = "{v}"\n' for k, v in two.items()))
    with pytest.raises(ConfigError, match="names one origin twice") as refused:
        load_settings(config, env={})
    assert "https://T.co" in str(refused.value) and "https://t.co/" in str(refused.value)
    # one spelling each: the same normalised settings either way
    config.write_text('[origins]\n"https://T.co:443/" = "http://127.0.0.1:8001/"\n')
    assert load_settings(config, env={}).origins == Settings(origins={"https://T.co:443/": "http://127.0.0.1:8001/"}
                                                             ).origins == {"https://t.co": "http://127.0.0.1:8001"}


def test_paths_in_code_are_read_as_the_config_file_reads_them(tmp_path, monkeypatch):
    """`[cache] db = "~/news.db"` is the user's home; `Settings(db_path="~/news.db")` was a folder named "~" in the
    working directory: another cache, whose answers the config file's runs never saw."""
    from resolver.settings import Settings, load_settings

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config = tmp_path / "config.toml"
    config.write_text('[cache]\ndb = "~/news.db"\n[archive]\nwarc = "~/run.warc.gz"\n')
    from_file = load_settings(config, env={})
    in_code = Settings(db_path="~/news.db", warc_path="~/run.warc.gz")
    assert (in_code.db_path, in_code.warc_path) == (from_file.db_path, from_file.warc_path) \
        == (tmp_path / "home" / "news.db", tmp_path / "home" / "run.warc.gz")


def test_fetch_of_a_post_no_method_of_which_was_asked_names_none_as_answering(fakenet, tmp_path, monkeypatch):
    """`fetch` of an X post in a sealed run, syndication and oEmbed unmapped: before, its first line said "not
    checked: refused by [origins]  via syndication", as if syndication had answered; each is said not asked."""
    fakenet.route("news.test", "/", lambda r: Response("", status=200))
    run = _sealed(fakenet, tmp_path, monkeypatch, ["news.test"])
    code, out = run("fetch", "https://twitter.com/RivertonRoads/status/1600000000000000001")
    first = out.splitlines()[0]
    assert code == 0 and NOT_CHECKED in first, out
    assert "via " not in first and first.endswith("(syndication, oembed not asked)"), first


def test_a_refused_page_copy_beside_a_failed_lookup_is_no_failure_of_its_own(fakenet, tmp_path, monkeypatch):
    """`archive URL` in a sealed run: the CDX and availability lookups answer 503 (a failure: exit 1, its error
    line), the page copy of the URL is refused (news.example unmapped). Before, stdout said "page copy not checked"
    while stderr said "error: page copy of … failed: unmapped: …": the refusal listed as a second failure."""
    fakenet.route("web.archive.org", "/cdx/search/cdx", lambda r: Response("busy", status=503))
    fakenet.route("archive.org", "/wayback/available", lambda r: Response("busy", status=503))
    run = _sealed(fakenet, tmp_path, monkeypatch, ["web.archive.org", "archive.org"])
    said: list[str] = []
    code, out = run("archive", "https://news.example/story", said=said)
    errors = [line for line in said if line.startswith("error:")]
    assert code == 1 and f"page copy {NOT_CHECKED}" in out, (out, said)
    assert errors == ["error: archive lookup failed for https://news.example/story: cdx: HTTP 503"], said


def test_a_refused_post_beside_its_failed_archive_lookup_is_not_said_to_have_failed(fakenet, tmp_path, monkeypatch):
    """`fetch --all-methods` of an X post in a sealed run: its methods unmapped (not checked), the archive lookup
    mapped and answering 503 (a failure: exit 1). Before, stderr also said "post … could not be fetched: unmapped:
    refused …": the refusal listed as a failure because another step beside it failed."""
    fakenet.route("web.archive.org", "/cdx/search/cdx", lambda r: Response("busy", status=503))
    fakenet.route("archive.org", "/wayback/available", lambda r: Response("busy", status=503))
    run = _sealed(fakenet, tmp_path, monkeypatch, ["web.archive.org", "archive.org"])
    said: list[str] = []
    post = "https://twitter.com/RivertonRoads/status/1600000000000000001"
    code, out = run("fetch", "--all-methods", "--no-media", post, said=said)
    errors = [line for line in said if line.startswith("error:")]
    assert NOT_CHECKED in out, (out, said)
    assert code == 1 and errors and all("archive lookup failed" in line for line in errors), (out, said)


def test_captures_is_checked_as_every_other_number_is(tmp_path):
    """`captures` (how many archived captures of a post are read, `--captures N`, N >= 1) was the one number no check
    read: `Settings(captures="3")` was taken, then a TypeError mid-run; `captures = 0` read no capture of a gone post
    whatever the archive held (the lookup then said no copy was read); a config file's `[network] captures` alike."""
    import pytest

    from resolver.errors import ConfigError, InvalidSetting
    from resolver.settings import Settings, load_settings

    for bad in ("3", 0, -1, 2.5, True):
        with pytest.raises(InvalidSetting, match=r"Settings\(captures=…\)"):
            Settings(captures=bad)
    assert Settings(captures=5.0).captures == 5 and type(Settings(captures=5.0).captures) is int
    config = tmp_path / "config.toml"
    for bad in ('"3"', "0"):
        config.write_text(f"[network]\ncaptures = {bad}\n")
        with pytest.raises(ConfigError, match="captures"):
            load_settings(config, env={})


def test_a_link_asked_in_another_spelling_of_the_same_request_is_found_in_the_cache(fakenet, tmp_path, monkeypatch):
    """`resolve https://t.co/abc`, then `resolve --offline` of the same link typed otherwise: the host or scheme in
    capitals, the default port (httpx sends each as the same request). Before, each was "not_cached:
    offline, and this URL was never resolved" (exit 3), which the cache contradicts; now the cached chain. Another
    request (http, a trailing dot, another path) is not this link's answer, nor is one with a fragment (it may name
    what the link is: twitter.com/#!/user/status/1)."""
    from tests.fakenet import page, redirect
    from tests.test_verdicts import cli_on_fakenet

    fakenet.route("t.co", "/abc", redirect("https://news.test/story"))
    fakenet.route("news.test", "/story", page("<p>story</p>"))
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["t.co", "news.test"])
    assert run("resolve", "--json", "https://t.co/abc")[0] == 0
    for form in ("https://T.CO/abc", "HTTPS://t.co/abc", "https://t.co:443/abc", "https://T.co:0443/abc"):
        code, out = run("resolve", "--offline", "--json", form)
        said = json.loads(out)
        assert (code, said["url"], said["final_url"], said["error"]) == (0, form, "https://news.test/story", None), out
    for other in ("http://t.co/abc", "https://t.co./abc", "https://t.co/ABC", "https://t.co/abc#top",
                  "https://t.co:8443/abc"):
        code, out = run("resolve", "--offline", "--json", other)
        assert code == 3 and "never resolved" in json.loads(out)["error"], out


def test_a_gone_post_whose_archive_lookup_the_config_refuses_is_not_asked_again_every_run(fakenet, store):
    """A deleted post (syndication's tombstone), web.archive.org unmapped in a sealed run: its lookup was refused.
    Before, every later online run asked syndication again (the refused lookup read as a passing failure), for as long
    as the config refused the archive; now the cached answer holds until a run maps the archive, which asks again."""
    from resolver.fetch import FetchOptions, Target, fetch_posts
    from tests import xfixtures as fx
    from tests.test_fetch import by_id, json_page
    from tests.test_origins import _refusing_session
    from tests.waybacknet import serve

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({fx.GONE_ID: [json_page(fx.TOMBSTONE_DELETED)] * 3}))
    serve(fakenet, [])
    gone = Target("twitter", fx.GONE_ID, f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}")

    def fetched(hosts):
        session, _ = _refusing_session(fakenet.settings(hosts, retries=0, only_configured_origins=True), store)
        before = len(fakenet.hits)
        [post] = session.run(lambda s: fetch_posts([gone], session=s, options=FetchOptions(media=False)))
        return post, sorted({host for host, _ in fakenet.hits[before:]})
    post, asked = fetched(["cdn.syndication.twimg.com"])
    assert (post.record.status, asked) == ("deleted", ["cdn.syndication.twimg.com"]), post.archive_lookup
    assert post.archive_lookup.startswith("error: unmapped: refused https://web.archive.org/") and not post.failed
    post, asked = fetched(["cdn.syndication.twimg.com"])
    assert (post.record.status, post.record.from_cache, asked) == ("deleted", True, []), post.archive_lookup
    post, asked = fetched(["cdn.syndication.twimg.com", "web.archive.org", "archive.org"])   # mapped: asked again
    assert post.record.status == "deleted" and "web.archive.org" in asked, asked
