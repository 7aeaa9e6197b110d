"""Every lookup a report's archive claim rests on is cited, with its URL, UTC time, fetch-log id and full body hash,
in every format (newuser33 #1, #3, #4, #7, #8, #11): a court exhibit's reader must find each one."""

import html
import json
import re

import pytest

from cache import Store
from tests.test_fetch import by_id, json_page
from tests.test_verdicts import DELETED, POST, blockquote, reporter, tweet  # noqa: F401  (the fixture)
from tests.waybacknet import serve

TIME = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"


def _deleted_post_reports(fakenet, reporter):  # noqa: F811
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [])
    code, _ = reporter("scan", "--fetch", "article.html",
                       article=f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>")
    assert code == 0
    return {fmt: reporter("report", "--format", fmt, "article.html")[1] for fmt in ("json", "md", "html")}


def test_a_no_copy_claim_cites_every_url_form_it_looked_under(fakenet, reporter, tmp_path):  # noqa: F811
    """"No archived copy ... also on x.com and mobile.twitter.com, nor among its syndication and oEmbed answers"
    cited only the twitter.com lookup: the x.com, mobile.twitter.com, syndication and oEmbed capture lists were
    asked and recorded, and cited nowhere (newuser33 #1)."""
    out = _deleted_post_reports(fakenet, reporter)
    embed = json.loads(out["json"])["embeds"][0]
    check = next(c for c in embed["checks"] if c["name"] == "archive")
    assert "also on x.com and mobile.twitter.com, nor among its syndication and oEmbed answers" in check["evidence"]
    cited = {lookup["fetch_id"]: lookup for lookup in embed["archive_lookups"]}
    with Store(tmp_path / "c.db") as store:
        lists = [row for row in store.db.query("select * from fetches where url like '%cdx%'")]
    forms = {"twitter.com", "x.com", "mobile.twitter.com", "cdn.syndication.twimg.com", "publish.twitter.com"}
    assert len(lists) >= len(forms)
    for row in lists:   # every capture list asked is cited, with its URL looked up, time and full hash
        assert row["id"] in cited, (row["url"], sorted(cited))
        assert cited[row["id"]]["body_sha256"] == row["body_sha256"] and len(row["body_sha256"]) == 64
        assert cited[row["id"]]["fetched_at"] == row["fetched_at"]
    assert {re.sub(r"^https://([^/]+)/.*", r"\1", lookup["url"]) for lookup in cited.values()} >= forms
    page = html.unescape(re.sub(r"<[^>]+>", "", out["html"]))
    for text in (out["md"], page):
        for row in lists:
            assert f"fetch #{row['id']}," in text, (row, text)


def test_an_availability_lookup_near_a_date_that_found_nothing_is_cited(fakenet, reporter, tmp_path):  # noqa: F811
    """The availability query sent with `&timestamp=` (near the article's date) found nothing and was cited nowhere:
    the query rebuilt without it matched no fetch (newuser33 #3)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    serve(fakenet, [])
    article = f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>"
    assert reporter("scan", "--fetch", "article.html", article=article)[0] == 0
    out = {fmt: reporter("report", "--format", fmt, "article.html")[1] for fmt in ("json", "md", "html")}
    with Store(tmp_path / "c.db") as store:
        asked = list(store.db.query("select * from fetches where url like 'https://archive.org/wayback/available%'"))
    assert asked and all("&timestamp=" in row["url"] for row in asked), asked
    cited = {lookup["fetch_id"]: lookup for lookup in json.loads(out["json"])["embeds"][0]["archive_lookups"]}
    for row in asked:
        assert cited.get(row["id"], {}).get("service") == "availability", (row["url"], cited)
        assert cited[row["id"]]["query"] == row["url"] and cited[row["id"]]["body_sha256"] == row["body_sha256"]
    page = html.unescape(re.sub(r"<[^>]+>", "", out["html"]))
    for text in (out["md"], page):
        assert all(re.search(rf"availability lookup of https://twitter.com/river_desk/status/{POST}, {TIME}, "
                             rf"fetch #{row['id']},", text) for row in asked), text


def test_live_and_archived_differ_cites_the_live_answer_not_the_time_it_was_recorded(fakenet, reporter, tmp_path):  # noqa: F811
    """"Live and archived differ ... live (TIME)" gave the observation's recording time, which is no fetch's, beside
    the archived-copy check citing the same answer by its fetch: two times for one answer (newuser33 #4)."""
    from tests.test_verdicts import ORIGINAL_WORDS, edited_embed, original_capture

    embed = edited_embed(fakenet, reporter, [original_capture()], ORIGINAL_WORDS)
    [found] = [d for d in embed["post"]["differences"] if d["field"] == "text"]
    with Store(tmp_path / "c.db") as store:
        fetch = store.fetch(found["live_source"]["fetch_id"])
    assert found["live_source"]["method"] == "syndication" and found["live_at"] == fetch["fetched_at"]
    cited = f"syndication, {fetch['fetched_at']}, fetch #{fetch['id']})"
    md = reporter("report", "article.html")[1]
    page = html.unescape(reporter("report", "--format", "html", "article.html")[1])
    for text in (md, page):
        [line] = [line for line in text.splitlines() if "Live and archived differ" in line]
        assert f"live ({cited}" in line, line
