"""The origins a run may contact (newuser31 #5, #11/#12): one table of the services the tool asks and the link hosts
it follows, `embed-resolver config origins`, the README's list checked against the table, and `[origins]
only_configured = true`, which refuses any origin [origins] does not map before a name is looked up or a
connection opened (tested with name resolution faked and a connect step that fails the test if called)."""

import inspect
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from resolver import archive, origins, platforms
from resolver.cli import cli
from resolver.errors import ConfigError
from resolver.fetch import atproto, oembed, syndication, telegram, wayback
from resolver.settings import load_settings
from tests.fakenet import page, redirect
from tests.test_guard import ConnectMustNotHappen

README = Path(__file__).resolve().parent.parent / "README.md"


def _origin(url: str) -> str:
    return re.match(r"https?://[^/]+", url).group(0)


@pytest.mark.parametrize("url", [
    "https://Cdn.Syndication.Twimg.com/tweet-result?id=1", "https://t.co:443/Ab12", "http://t.co:80/x",
    "https://user@web.archive.org/cdx/search/cdx", "http://127.0.0.1:8765/x", "http://[::1]:8080/x",
], ids=["host-case", "https-default-port", "http-default-port", "user-info", "port", "ipv6"])
def test_the_tables_origins_are_spelled_as_the_transport_spells_a_requests_origin(url):
    """`service_of` matches a refused request's origin (the transport's spelling) against the table's: the table's
    origins were made by a second, looser copy of the rule, which kept a default port and user info
    ("https://t.co:443") and so named no service for them. One rule now (settings.origin_of)."""
    import httpx

    from resolver.settings import normalise_origin
    from resolver.transport import _origin

    assert origins.origin_of(url) == _origin(httpx.URL(url))
    assert normalise_origin(origins.origin_of(url), where="test") == origins.origin_of(url)   # as a config key


def test_every_endpoint_the_code_asks_is_in_the_table():
    """The table is built from the constants each module asks, and holds nothing else among its services."""
    import tweepy.client

    asked = {_origin(syndication.BASE), _origin(archive.AVAILABILITY), _origin(archive.CDX), _origin(archive.SAVE),
             _origin(archive.WEB), _origin(wayback.WEB), _origin(atproto.BASE),
             _origin(telegram.BASE),
             *(_origin(p.endpoint) for p in oembed.PROVIDERS.values() if "{origin}" not in p.endpoint)}
    # tweepy's own host for the X API (the request it builds is not ours to read otherwise)
    assert f'"{origins.X_API}"' in inspect.getsource(tweepy.client.BaseClient.request)
    asked.add(origins.X_API)
    services = {o.origin for o in origins.table() if o.kind == "service"}
    assert services == asked


LINKS = ["https://t.co/Ab12Cd34Ef", "https://pic.twitter.com/Wt6pmPic01", "https://pic.x.com/Wt6pmPic01",
         "https://fb.watch/abcDEF123/", "https://www.facebook.com/share/p/1AbCdEfGhI/",
         "https://www.instagram.com/share/reel/BAbCdEfGh/", "https://www.reddit.com/r/news/s/AbCdEf1234",
         "https://vm.tiktok.com/ZMabc123/", "https://vt.tiktok.com/ZSabc123/", "https://www.tiktok.com/t/ZTabc123/"]


@pytest.mark.parametrize("url", LINKS)
def test_every_link_form_the_tool_follows_leads_to_a_listed_link_host(url):
    ref = platforms.parse_url(url)
    assert ref is not None and ref.kind in ("short-link", "media-link"), ref
    assert _origin(ref.url) in {o.origin for o in origins.table() if o.kind == "link"}


def test_every_listed_link_host_is_one_a_link_form_leads_to():
    followed = {_origin(platforms.parse_url(url).url) for url in LINKS}
    assert {o.origin for o in origins.table() if o.kind == "link"} == followed


def test_the_readme_lists_every_origin_of_the_table_and_no_other():
    text = README.read_text(encoding="utf-8")
    section = text.split("<!-- origins table -->", 2)[1]
    listed = re.findall(r"^\| `(https?://[^`]+)` \|", section, flags=re.M)
    assert listed == [o.origin for o in origins.table()]
    for line in origins.NOT_FIXED:
        assert line.what in " ".join(section.split())   # as wrapped in the README


def _config(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_config_origins_lists_each_service_its_default_and_its_configured_origin(tmp_path):
    config = _config(tmp_path, '[origins]\n"https://cdn.syndication.twimg.com" = "http://127.0.0.1:8900"\n'
                               '"https://news.example" = "http://127.0.0.1:8901"\n')
    run = CliRunner(env={"COLUMNS": "200"})
    result = run.invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "config", "origins", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["only_configured"] is False and data["keep_limits"] is True   # mapped: the service's budget (runs33)
    rows = {r["origin"]: r for r in data["origins"]}
    assert [r["origin"] for r in data["origins"]] == [o.origin for o in origins.table()]
    assert rows["https://cdn.syndication.twimg.com"] == {
        "origin": "https://cdn.syndication.twimg.com", "kind": "service", "service": "X syndication",
        "used_for": rows["https://cdn.syndication.twimg.com"]["used_for"], "configured": "http://127.0.0.1:8900"}
    assert rows["https://pic.twitter.com"]["configured"] is None
    assert data["other_mapped"] == {"https://news.example": "http://127.0.0.1:8901"}
    assert [n["what"] for n in data["not_fixed"]] == [n.what for n in origins.NOT_FIXED]
    text = run.invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "config", "origins"])
    assert text.exit_code == 0, text.output
    assert re.search(r"https://cdn\.syndication\.twimg\.com +X syndication +http://127\.0\.0\.1:8900", text.output)
    assert re.search(r"https://pic\.twitter\.com +.* +default", text.output)


def test_config_origins_with_only_configured_says_which_would_be_refused(tmp_path):
    config = _config(tmp_path, '[origins]\nonly_configured = true\n"https://t.co" = "http://127.0.0.1:8900"\n')
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"),
                                                            "config", "origins"])
    assert result.exit_code == 0, result.output
    assert re.search(r"https://t\.co +.* +http://127\.0\.0\.1:8900", result.output)
    assert re.search(r"https://pic\.twitter\.com +.* +refused \(not mapped\)", result.output)
    assert "only_configured = true" in result.output
    assert "Rate limits ([limits]) of a mapped origin: the service's it stands for ([origins] keep_limits = true)" \
        in result.output


def test_only_configured_is_read_from_origins_and_must_be_true_or_false(tmp_path):
    path = _config(tmp_path, '[origins]\nonly_configured = true\n"https://t.co" = "http://127.0.0.1:8900"\n')
    settings = load_settings(env={}, path=path)
    assert settings.only_configured_origins is True and settings.origins == {"https://t.co": "http://127.0.0.1:8900"}
    assert load_settings(env={}, path=_config(tmp_path, "")).only_configured_origins is False
    with pytest.raises(ConfigError, match=r"\[origins\] only_configured must be true or false, not 'yes'"):
        load_settings(env={}, path=_config(tmp_path, '[origins]\nonly_configured = "yes"\n'))


def _recording_resolver():
    """Name resolution faked: numeric hosts (the [origins] targets) answer themselves; any name is recorded and
    fails the test."""
    asked = []

    async def resolve(host, port):
        asked.append(host)
        if re.fullmatch(r"[\d.]+", host):
            return [host]
        raise AssertionError(f"the run looked up the name {host}")
    resolve.asked = asked
    return resolve


def _refusing_session(settings, store):
    from resolver.session import Session

    resolver = _recording_resolver()
    session = Session(settings, store=store, resolver=resolver)
    session.client.transport.inner.backend.inner = ConnectMustNotHappen()   # the shared (unmapped) pool's connect
    return session, resolver


REFUSED = ('unmapped: refused https://pic.twitter.com/Wt6pmPic01: its origin is not mapped in [origins], and '
           '[origins] only_configured = true lets no other origin be contacted (X media link); to allow it, add '
           '"https://pic.twitter.com" = "<origin>" to [origins]')


@pytest.mark.parametrize("how", ["typed", "redirect"])
def test_only_configured_refuses_an_unmapped_origin_with_no_lookup_and_no_connect(how, fakenet, store):
    """newuser31 #5: a config mapping 29 origins but not pic.twitter.com made the tool ask the system DNS server."""
    from resolver.resolve import resolve

    fakenet.route("news.test", "/story", redirect("https://pic.twitter.com/Wt6pmPic01", 301))
    fakenet.route("news.test", "/ok", page("<p>fine</p>"))
    settings = fakenet.settings(["news.test"], retries=0, only_configured_origins=True)
    session, resolver = _refusing_session(settings, store)
    url = "https://pic.twitter.com/Wt6pmPic01" if how == "typed" else "https://news.test/story"
    resolution = session.run(lambda s: resolve(url, session=s))
    assert resolution.error == REFUSED
    [row] = store.fetches_for("https://pic.twitter.com/Wt6pmPic01")
    assert (row["error_kind"], row["status"], row["contacted_url"]) == ("unmapped", None,
                                                                       "https://pic.twitter.com/Wt6pmPic01")
    assert "pic.twitter.com" not in resolver.asked
    # a mapped origin is still contacted (its loopback server answers)
    ok = session.run(lambda s: resolve("https://news.test/ok", session=s))
    assert ok.error is None and ok.final_url == "https://news.test/ok"
    assert set(resolver.asked) <= {"127.0.0.1"}


def test_a_refusal_for_an_unmapped_origin_is_not_kept_for_a_run_that_maps_it(fakenet, store):
    """The refusal is of this config, not of the link: a later run that maps the origin follows it."""
    from resolver.resolve import resolve

    fakenet.route("pic.twitter.com", "/Wt6pmPic01",
                  redirect("https://twitter.com/RivertonRoads/status/1600000000000000001/photo/1", 301))
    strict = fakenet.settings(["news.test"], retries=0, only_configured_origins=True)
    session, _ = _refusing_session(strict, store)
    assert session.run(lambda s: resolve("https://pic.twitter.com/Wt6pmPic01", session=s)).error == REFUSED
    session, _ = _refusing_session(fakenet.settings(["news.test", "pic.twitter.com"], retries=0,
                                                    only_configured_origins=True), store)
    again = session.run(lambda s: resolve("https://pic.twitter.com/Wt6pmPic01", session=s))
    assert again.error is None, again.error
    assert (again.from_cache, again.canonical_url) == (False, "https://twitter.com/RivertonRoads/status/1600000000000000001")


def test_a_photo_refused_unmapped_is_downloaded_by_a_run_that_maps_its_host(fakenet, store):
    """A media download refused by only_configured is the config's answer, not the file's: kept, it would have
    stood for the failure TTL (a lasting failure, for the cache TTL) in a run that maps the host."""
    from resolver.fetch import FetchOptions, fetch_posts
    from resolver.session import Session
    from tests import xfixtures as fx
    from tests.test_fetch import TWEET, by_id, json_page, serve_media

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    services = ["cdn.syndication.twimg.com", "publish.twitter.com", "api.twitter.com"]

    def run(hosts):
        session, resolver = _refusing_session(fakenet.settings(hosts, retries=0, only_configured_origins=True), store)
        [post] = session.run(lambda s: fetch_posts([TWEET], session=s, options=FetchOptions()))
        assert set(resolver.asked) <= {"127.0.0.1"}
        return post
    first = run(services)
    assert first.record.status == "available"
    assert first.media[0]["error"].startswith("unmapped: refused https://pbs.twimg.com/media/"), first.media[0]
    again = run(services + ["pbs.twimg.com", "video.twimg.com"])
    assert again.media[0]["error"] is None and again.media[0]["sha256"]
