"""reports36: what the fetch table and the reports say when sources answer differently (#9), a replayed report's
exit code and what it says was not replayed (#5), replay rows of old caches (#5), and which captures count as a
post's snapshots (#4). Every network path against loopback servers (tests/fakenet.py, tests/waybacknet.py)."""

import json
import re

from tests.fakenet import page
from tests.test_cited_answers import ARTICLE, _texts
from tests.test_fetch import by_id, json_page
from tests.test_verdicts import DELETED, POST, blockquote, reporter, tweet  # noqa: F401  (the fixture)
from tests.waybacknet import Capture, serve

WITHHELD = {"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post is withheld in your country."}}}
OEMBED = {"url": f"https://twitter.com/river_desk/status/{POST}", "author_name": "River Desk",
          "author_url": "https://twitter.com/river_desk", "type": "rich", "html": blockquote(POST, "Road closed.")}


def _said(out: str) -> str:
    """A table's text on one line (rich wraps long lines)."""
    return " ".join(out.split())


def test_a_tombstone_beside_a_404_is_no_disagreement_in_fetchs_own_table(fakenet, reporter):  # noqa: F811
    """`fetch --all-methods` of a deleted post printed "methods disagree on status: {'syndication': 'deleted',
    'oembed': 'not_found'}": both say the post is gone, the 404 only gives no reason. The report stopped calling it
    a disagreement in stop 35 (review35r5); the fetch table now says it as the report does."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    code, out = reporter("fetch", "--all-methods", "article.html", article=ARTICLE)
    assert code == 0, out
    said = _said(out)
    assert "disagree" not in said and "{" not in said, said
    assert "oembed said not found, which gives no reason: no contradiction of deleted" in said, said


def test_sources_that_do_disagree_are_named_in_words_in_fetchs_own_table(fakenet, reporter):  # noqa: F811
    """A 200 beside a 404 is a disagreement: said with each method's answer in words, not as a Python dict."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    code, out = reporter("fetch", "--all-methods", "article.html", article=ARTICLE)
    said = _said(out)
    assert "the sources disagree on what the post is: syndication said available; oembed said not found" in said, said
    assert "{" not in said, said


def test_withheld_beside_available_says_withheld_in_some_countries_and_available_elsewhere(fakenet, reporter):  # noqa: F811
    """Syndication's tombstone "withheld in your country" beside oEmbed's 200: the report warned "the sources
    disagree … which the other contradicts: not sure". Both are true at once: a post withheld in the country it was
    asked from is shown elsewhere. The Status row, the status check (now a pass, both answers cited) and the fetch
    table say exactly that."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(WITHHELD)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page(OEMBED))
    serve(fakenet, [])
    code, out = reporter("fetch", "--all-methods", "article.html", article=ARTICLE)
    assert code == 0, out
    said = _said(out)
    assert "disagree" not in said, said
    assert ("withheld in some countries, available elsewhere: syndication said withheld in some countries; oembed "
            "said available") in said, said
    code, out = reporter("report", "--format", "json", "article.html")
    [embed] = json.loads(out)["embeds"]
    ids = {s["method"]: s["fetch_id"] for s in embed["post"]["sources"]}
    [check] = [c for c in embed["checks"] if c["name"] == "status"]
    assert check["result"] == "pass", check
    assert re.search(rf"withheld in some countries, available elsewhere: syndication said withheld in some countries"
                     rf": \S.* \([^)]*fetch #{ids['syndication']}[^)]*\); oembed said available \([^)]*fetch "
                     rf"#{ids['oembed']}[^)]*\): a post withheld where it was asked from is shown in other "
                     rf"countries, so the answers do not contradict each other", check["evidence"]), check
    for text in _texts(reporter):
        status = next(line for line in text.splitlines() if "Status" in line and "withheld" in line)
        assert "disagree" not in status, status
        assert f"available elsewhere: oembed said available (fetch #{ids['oembed']})" in status, status
        assert "warn status" not in text, text


def _replayed(fakenet, tmp_path, *args: str):
    """A `scan --fetch --warc` of an article linking an Instagram post (its archive never asked: no lookup in the
    WARC), then `--replay WARC report ARGS` of it from another folder: (result, number of requests before)."""
    from tests.cliworld import World
    from tests.test_review35r5 import _recorded
    from tests.test_secrets import INSTAGRAM

    source, warc = _recorded(fakenet, tmp_path, INSTAGRAM)
    (tmp_path / "replay").mkdir()
    hits = len(fakenet.hits)
    return World(fakenet, tmp_path / "replay")("--replay", str(warc), "report", *args, str(source)), hits


def test_a_replayed_report_whose_archive_lookup_is_in_no_warc_says_it_was_not_replayed_and_exits_0(fakenet, tmp_path):
    """`--replay run.warc.gz report` of a post whose answer the WARC holds but whose archive lookup it does not
    exited 1 with "error: … archive lookup … not-in-warc", as if the archive had failed: it was never asked. A replay
    answers from its files only; what they do not hold is no failure, as what `report --offline` cannot reach: the
    report says which facts were replayed and which were not, and exits 0 (README: exit codes)."""
    done, hits = _replayed(fakenet, tmp_path, "--format", "json")
    assert done.exit_code == 0, done.output
    assert "error:" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    [embed] = report["embeds"]
    assert embed["post"]["status"] == "available" and embed["post"]["sources"][0]["warc_file"]
    assert len(fakenet.hits) == hits
    [archive] = [c for c in embed["checks"] if c["name"] == "archive"]
    assert archive["evidence"].startswith("not known: not looked up: not in the replayed WARC files ("), archive
    assert "failed" not in archive["evidence"] and "replayed from WARC" not in archive["evidence"], archive
    # the report names what was not replayed, and every fact it states was replayed
    assert any("archive lookup of https://www.instagram.com/p/" in line and "not in the replayed WARC files" in line
               for line in report["unreachable"]), report["unreachable"]
    (tmp_path / "md").mkdir()
    done, _ = _replayed(fakenet, tmp_path / "md")
    assert done.exit_code == 0 and "error:" not in done.stderr, done.output
    said = _said(done.stdout.replace("\\", ""))
    assert "replayed from WARC" in said and "the archive lookup failed" not in said, said


def test_a_replayed_answer_an_older_version_recorded_says_which_server_answered_is_not_known(fakenet, tmp_path):
    """Before review35r5's fix (e993801, stop 35) a `--replay` run recorded as `contacted_url` its OWN [origins]
    mapping of the URL (OriginOverrideTransport wrapped ReplayTransport), never the WARC record's
    WARC-Embed-Resolver-Contacted-URI: such rows made every later report say "via configured origin <the replay
    run's mapping>", a server that never answered. The row cannot tell which server did (the record can), so the
    migration marks every replayed answer recorded before it, and the reports say it is not known, never a guess."""
    import sqlite3

    from tests.cliworld import World, write_config
    from tests.test_review35r5 import _embeds, _recorded
    from tests.test_secrets import INSTAGRAM

    source, warc = _recorded(fakenet, tmp_path, INSTAGRAM)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    again = World(fakenet, elsewhere)
    write_config(again.config, "http://127.0.0.1:9")   # the replay run's mapping: never contacted
    done = again("--replay", str(warc), "report", "--format", "json", str(source),
                 env={"META_ACCESS_TOKEN": "anything-at-all"})
    assert done.exit_code == 0, done.output
    # the cache as a version before the fix left it: the replay run's mapping as the server contacted
    with sqlite3.connect(again.db) as con:
        con.execute("UPDATE fetches SET contacted_url = replace(contacted_url, ?, 'http://127.0.0.1:9') "
                    "WHERE via = 'warc' AND contacted_url LIKE ?", [fakenet.origin, fakenet.origin + "%"])
        assert con.total_changes, "the replayed answer names the recording's server"
        columns = [r[1] for r in con.execute("PRAGMA table_info(fetches)")]
        if "contacted_unknown" in columns:   # the migration that marks such rows, undone: the cache is older
            con.execute("ALTER TABLE fetches DROP COLUMN contacted_unknown")
            con.execute("DELETE FROM _sqlite_migrations WHERE name LIKE '%_replayed_answers_contacted_not_known'")
    done = again("report", "--offline", "--format", "json", str(source))
    assert done.exit_code == 0, done.output
    [embed] = _embeds(done.stdout)
    [said] = embed["post"]["sources"]
    assert (said["contacted_origin"], said["overridden_origin"]) == (None, None), said
    assert said["contacted_unknown"].startswith("replayed before cache v"), said
    markdown = again("report", "--offline", str(source)).stdout
    assert "127.0.0.1:9" not in markdown, markdown
    assert "which server answered is not known: replayed before cache v" in _said(markdown.replace("\\", "")), markdown
    # a replay recorded now names the recording's server, as review35r5 made it
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    again = World(fakenet, fresh)
    done = again("--replay", str(warc), "report", "--format", "json", str(source))
    [said] = _embeds(done.stdout)[0]["post"]["sources"]
    assert said["contacted_origin"] == fakenet.origin and "contacted_unknown" not in said, said


def test_captures_of_a_posts_likes_retweets_photo_and_analytics_pages_are_not_its_snapshots(fakenet, store):
    """A prefix list of `twitter.com/<handle>/status/<id>` also lists `/likes`, `/retweets`, `/photo/1`, `/analytics`
    (archive35's prefix lookup): they counted as the post's snapshots ("5 snapshots") and could be the closest, though
    none is the post's own page (a list of likers holds no post). Only the post's page counts: `?s=20` and a trailing
    slash are its page; online and offline (the kept list read again) alike."""
    from resolver import archive
    from resolver.session import Mode, Session
    from tests import xfixtures as fx
    from tests.test_archive import settings_for

    page_ = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
    serve(fakenet, [Capture("20221206060000", page_, b"<html>the post</html>"),
                    Capture("20221206070000", page_ + "?s=20", b"<html>the post, shared</html>"),
                    Capture("20221206080000", page_ + "/", b"<html>the post again</html>"),
                    Capture("20221207060000", page_ + "/likes", b"<html>likers</html>"),
                    Capture("20221207070000", page_ + "/retweets", b"<html>reposters</html>"),
                    Capture("20221207080000", page_ + "/photo/1", b"<html>photo</html>"),
                    Capture("20221208060000", page_ + "/analytics", b"<html>analytics</html>")])
    settings = settings_for(fakenet)
    for offline in (False, True):
        found = Session(settings, store=store, mode=Mode(offline=offline)).run(
            lambda s: archive.lookup(page_, session=s))
        assert found.error is None, found.error
        assert sorted(s.timestamp for s in found.snapshots) == ["20221206060000", "20221206070000",
                                                                "20221206080000"], (offline, found.snapshots)
        assert found.closest is None or found.closest.timestamp.startswith("20221206"), found.closest
