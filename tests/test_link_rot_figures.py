"""The link-rot view's figures per outlet, platform and post year, checked against a truth table (corpus33, #13, #6):
a small generated corpus of X posts of three years, YouTube videos and Reddit threads, embedded by articles of two
outlets, scanned and fetched by the tool against one loopback server answering each post as the table says (in
syndication's, oEmbed's and CDX's formats). The figures the test expects are counted from the table alone, never
from the database. Also: the as-of time (and source) of the answer each row's status rests on, in the views, their
export and `scan --json`."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import Counter
from datetime import datetime, timezone

from werkzeug.wrappers import Request, Response

from cache import utc_now
from tests import xfixtures as fx
from tests.cliworld import World
from tests.corpusdb import snowflake
from tests.corpusnet import no_limits
from tests.waybacknet import serve

OUTLETS = ("harbour.example", "valley.example")
YEARS = (2019, 2020, 2021)
# The truth of each X post: what syndication answers for it (oEmbed answers 404 for any post not available, 503
# for the busy ones); and of each video and thread: whether its oEmbed finds it.
X_TRUTHS = ("available", "deleted", "suspended", "not_found", "error")
KNOWN_GONE = {"deleted", "suspended"}
MONTH = {2019: "March 1, 2019", 2020: "March 1, 2020", 2021: "March 1, 2021"}


def truth_table(seed: int = 33) -> dict:
    """Posts (platform, id, year or None, truth) and articles (outlet, the posts they embed), drawn at random from a
    fixed seed; every truth appears in every year."""
    rng = random.Random(seed)
    posts = []
    for year in YEARS:
        for n, truth in enumerate(X_TRUTHS * 2):
            posts.append(("twitter", snowflake(year, 100 * year + n), year, truth))
    for n in range(6):
        posts.append(("youtube", f"Vid{n:03d}RivrX"[:11], None, "available" if n % 3 else "not_found"))
        posts.append(("reddit", f"1r{n}xq{n}", None, "available" if n % 2 else "not_found"))
    articles = []
    for n in range(40):
        outlet = OUTLETS[n % 2]
        articles.append((outlet, rng.sample(posts, rng.randint(1, 3))))
    return {"posts": posts, "articles": articles}


def embed_html(platform: str, post_id: str, year: int | None) -> str:
    if platform == "twitter":
        return (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Water over the weir</p>&mdash; Weir Watch '
                f'(@WeirWatch) <a href="https://twitter.com/WeirWatch/status/{post_id}?ref_src=twsrc%5Etfw">'
                f'{MONTH[year or 2019]}</a></blockquote>')
    if platform == "youtube":
        return f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{post_id}"></iframe>'
    return (f'<blockquote class="reddit-embed-bq"><a href="https://www.reddit.com/r/weirwatch/comments/{post_id}/'
            f'levels/">Levels</a><br> by <a href="https://www.reddit.com/user/weirfan/">u/weirfan</a></blockquote>')


def corpus_jsonl(table: dict) -> str:
    lines = []
    for n, (outlet, posts) in enumerate(table["articles"]):
        html = (f"<html><head><title>Story {n}</title></head><body><h1>Story {n}</h1><p>The weir report.</p>"
                f"{''.join(embed_html(p, i, y) for p, i, y, _ in posts)}</body></html>")
        lines.append(json.dumps({"url": f"https://www.{outlet}/news/story-{n}.html", "html": html}))
    return "\n".join(lines) + "\n"


def serve_truth(fakenet, table: dict) -> None:
    truth = {(p, i): t for p, i, _, t in table["posts"]}
    year_of = {i: y for p, i, y, _ in table["posts"] if p == "twitter"}

    def syndication(request: Request) -> Response:
        post_id = request.args["id"]
        said = truth[("twitter", post_id)]
        if said == "error":
            return Response("<html>Service Unavailable</html>", status=503, content_type="text/html")
        data = {"available": fx.SYNDICATION_TWEET | {
                    "id_str": post_id, "created_at": f"{year_of[post_id]}-03-01T10:00:00.000Z",
                    "edit_control": {"edit_tweet_ids": [post_id]}, "mediaDetails": [],
                    "user": fx.SYNDICATION_TWEET["user"] | {"screen_name": "WeirWatch"}},
                "deleted": fx.TOMBSTONE_DELETED,
                "suspended": {"__typename": "TweetTombstone", "tombstone": {"text": {
                    "text": "This Post is from a suspended account. Learn more"}}},
                "not_found": {}}[said]
        return Response(json.dumps(data), content_type="application/json; charset=utf-8")

    def x_oembed(request: Request) -> Response:
        post_id = request.args.get("url", "").rsplit("/", 1)[-1].split("?")[0]
        if truth.get(("twitter", post_id)) == "error":
            return Response("<html>busy</html>", status=503, content_type="text/html")
        return Response("<html>Not found</html>", status=404, content_type="text/html")

    def other_oembed(platform: str):
        def answer(request: Request) -> Response:
            url = request.args.get("url", "")
            found = next((t for (p, i), t in truth.items() if p == platform and i in url), "not_found")
            if found != "available":
                return Response("<html>Not Found</html>", status=404, content_type="text/html")
            data = (fx.YOUTUBE_OEMBED if platform == "youtube" else
                    {"provider_url": "https://www.reddit.com/", "version": "1.0", "title": "Levels",
                     "provider_name": "reddit", "type": "rich", "author_name": "weirfan", "html": "<blockquote/>"})
            return Response(json.dumps(data), content_type="application/json")
        return answer

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", syndication)
    fakenet.route("publish.twitter.com", "/oembed", x_oembed)
    fakenet.route("www.youtube.com", "/oembed", other_oembed("youtube"))
    fakenet.route("www.reddit.com", "/oembed", other_oembed("reddit"))
    serve(fakenet, [])


def expected_rows(table: dict) -> dict[tuple, dict]:
    """The view's figures counted from the truth table: per outlet, platform and the post's own year (None: a
    video's or a thread's, which nothing the tool reads dates)."""
    counts: dict[tuple, Counter] = {}
    for outlet, posts in table["articles"]:
        for platform, _, year, truth in posts:
            c = counts.setdefault((outlet, platform, str(year) if year else None), Counter())
            c["embeds"] += 1
            c["embeds_checked"] += truth != "error"
            c["status_unknown"] += truth == "error"
            c["dead"] += truth in KNOWN_GONE
            c["not_found"] += truth == "not_found"
    return {key: {**c, "dead_percent": round(100 * c["dead"] / c["embeds_checked"], 1) if c["embeds_checked"]
                  else None} for key, c in counts.items()}


def view_rows(world: World, view: str) -> list[dict]:
    result = world("cache", "export", view, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def scanned(fakenet, tmp_path, table: dict, *, code: int = 1) -> tuple[World, str, str, list[dict]]:
    serve_truth(fakenet, table)
    world = World(fakenet, tmp_path, extra=no_limits())
    feed = tmp_path / "corpus.jsonl"
    feed.write_text(corpus_jsonl(table))
    before = utc_now()
    result = world("scan", "--resolve", "--fetch", "--json", "--jsonl", str(feed))
    after = utc_now()
    assert result.exit_code == code, result.output   # 1: the busy posts' fetches failed
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return world, before, after, lines


def test_corpus33_the_dead_rate_per_outlet_platform_and_post_year_is_the_truth_tables(fakenet, tmp_path):
    """Every row's counts and dead rate are the ones the truth table gives; the year is the post's own (an X post's
    answer's date or its id's time: the articles here are all of 2022), the same rule on every platform, and a
    video's or a thread's, which no answer dates, is empty (null), never the article's nor a guess: that row's
    `embeds` is the count of embeds of no known year. Before, the view had no platform column (X, YouTube and Reddit
    rot mixed in one row) and called its year `year`, its meaning stated nowhere a reader of the export looks."""
    table = truth_table()
    world, _, _, _ = scanned(fakenet, tmp_path, table)
    rows = view_rows(world, "dead_embeds_by_outlet_year")
    got = {(r["outlet"], r["platform"], r["post_year"]): {k: r[k] for k in (
        "embeds", "embeds_checked", "status_unknown", "dead", "not_found", "dead_percent")} for r in rows}
    want = expected_rows(table)
    assert got == {key: {k: c.get(k, 0) for k in ("embeds", "embeds_checked", "status_unknown", "dead",
                                                  "not_found", "dead_percent")} for key, c in want.items()}
    assert len(rows) == len(got)   # one row each
    assert {r["platform"] for r in rows} == {"twitter", "youtube", "reddit"}
    assert all(r["post_year"] is None for r in rows if r["platform"] != "twitter")
    assert list(rows[0])[:3] == ["outlet", "platform", "post_year"]


def test_corpus33_each_link_rot_row_says_as_of_when_and_from_which_source_its_statuses_were_answered(fakenet,
                                                                                                     tmp_path):
    """The figures rest on answers of a given time: each row says the oldest and the newest (UTC ISO 8601) of the
    answers its checked embeds' statuses rest on, and which sources gave them. Before, neither the view nor its export
    said as of when (only `stats`, in one line for the whole cache)."""
    table = truth_table()
    world, before, after, _ = scanned(fakenet, tmp_path, table)
    for row in view_rows(world, "dead_embeds_by_outlet_year"):
        if row["embeds_checked"]:
            assert before <= row["status_as_of_oldest"] <= row["status_as_of_newest"] <= after, row
            assert row["status_as_of_newest"].endswith("Z")
            want = {"twitter": {"syndication"}, "youtube": {"oembed"}, "reddit": {"oembed"}}[row["platform"]]
            assert set(row["status_sources"].split(", ")) == want, row
        else:   # nothing checked: no answer the figures rest on
            assert (row["status_as_of_oldest"], row["status_as_of_newest"], row["status_sources"]) == (None,) * 3
    gone = view_rows(world, "gone_accounts_most_cited")
    assert gone and all(before <= r["status_as_of_oldest"] <= r["status_as_of_newest"] <= after for r in gone)
    assert all(r["status_sources"] == "syndication" for r in gone)


def test_corpus33_a_failed_ask_later_leaves_the_as_of_of_the_answer_the_status_rests_on(fakenet, tmp_path):
    """A week later a --refresh run finds every source refusing (400): the deleted post stays deleted in the views
    (an error is no answer about it), and their rows say the status rests on the first run's answer, by
    syndication, not on the post's last observation (the failed ask), which the posts table's last_observed_at
    holds. `scan --json` says what the run got, the failure, as of that ask, in that run; the next run, the status
    still within cache_ttl, answers with it from the cache as the views count it (runs34: it said the refusal)."""
    table = {"posts": [("twitter", snowflake(2020, 7), 2020, "deleted")], "articles": []}
    table["articles"] = [("harbour.example", table["posts"]), ("valley.example", table["posts"])]
    world, before, after, _ = scanned(fakenet, tmp_path, table, code=0)
    world.fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                        lambda request: Response("<html>Bad Request</html>", status=400, content_type="text/html"))
    world.fakenet.route("publish.twitter.com", "/oembed",
                        lambda request: Response("<html>Bad Request</html>", status=400, content_type="text/html"))
    feed = tmp_path / "corpus.jsonl"
    result = world("scan", "--resolve", "--fetch", "--refresh", "--json", "--jsonl", str(feed))
    assert result.exit_code == 1, result.output
    con = sqlite3.connect(world.db)
    [(status, last)] = con.execute("SELECT status, last_observed_at FROM posts").fetchall()
    [(answered,)] = con.execute("SELECT observed_at FROM post_observations WHERE status = 'deleted'").fetchall()
    assert status == "deleted" and last > after and before <= answered <= after
    # this run's answer is the failure: its articles say so, as of the failed ask
    said = [(p["status"], p["status_as_of"]) for line in result.stdout.splitlines()
            if line.startswith("{") for p in json.loads(line)["posts"]]
    assert said == [("error", last)] * 2, said
    # a refusal an earlier run got after a status within cache_ttl: the next run answers with that status, from
    # the cache, as of the answer it rests on, as the views below count it (runs34)
    again = world("scan", "--resolve", "--fetch", "--json", "--jsonl", str(feed))
    said = [(p["status"], p["from_cache"], p["status_as_of"]) for line in again.stdout.splitlines()
            if line.startswith("{") for p in json.loads(line)["posts"]]
    assert said == [("deleted", True, answered)] * 2, said
    [row, _] = view_rows(world, "dead_embeds_by_outlet_year")
    assert (row["dead"], row["status_as_of_oldest"], row["status_as_of_newest"], row["status_sources"]) == (
        1, answered, answered, "syndication")
    [risk, _] = view_rows(world, "at_risk_embeds")
    assert (risk["post_status"], risk["status_as_of"], risk["status_source"]) == ("deleted", answered, "syndication")
    csv = world("cache", "export", "at_risk_embeds")
    assert csv.exit_code == 0 and "status_as_of,status_source" in csv.stdout.splitlines()[0]
    assert f"{answered},syndication" in csv.stdout


def test_corpus33_scan_json_says_as_of_when_each_posts_status_was_answered(fakenet, tmp_path):
    """`scan --json` gave a post's status with no time: a status from the cache (`from_cache: true`) read as if
    observed now. Each post now has `status_as_of`, the time of the answer its status rests on (as the views say):
    the fetch's own time in the run that asked, the same time when a later run reads it from the cache; null for a
    post never fetched."""
    post = snowflake(2021, 9)
    table = {"posts": [("twitter", post, 2021, "deleted")], "articles": []}
    table["articles"] = [("harbour.example", table["posts"])]
    world, before, after, lines = scanned(fakenet, tmp_path, table, code=0)
    [line] = lines
    [fetched] = line["posts"]
    assert fetched["status"] == "deleted" and fetched["from_cache"] is False
    assert before <= fetched["status_as_of"] <= after
    con = sqlite3.connect(world.db)
    [(answered,)] = con.execute("SELECT observed_at FROM post_observations WHERE method = 'syndication'").fetchall()
    assert fetched["status_as_of"] == answered
    again = world("scan", "--resolve", "--fetch", "--json", "--jsonl", str(tmp_path / "corpus.jsonl"))
    [cached] = [json.loads(x) for x in again.stdout.splitlines() if x.startswith("{")][0]["posts"]
    assert (cached["from_cache"], cached["status_as_of"]) == (True, answered)
    (tmp_path / "never.jsonl").write_text(json.dumps({"url": "https://www.harbour.example/x.html", "html":
                                                      embed_html("twitter", snowflake(2021, 10), 2021)}) + "\n")
    offline = world("scan", "--fetch", "--offline", "--json", "--jsonl", str(tmp_path / "never.jsonl"))
    [never] = [json.loads(x) for x in offline.stdout.splitlines() if x.startswith("{")][0]["posts"]
    assert (never["status"], never["status_as_of"]) == ("unknown", None)
    assert datetime.fromisoformat(answered.replace("Z", "+00:00")).tzinfo == timezone.utc


def test_corpus33_stats_say_how_many_embeds_have_no_known_post_year(fakenet, tmp_path):
    """The rows of no known year are one per outlet and platform, easily missed at the top of a long table: `stats`
    says under the view how many embeds of the whole view they are, by platform (its rows shown or not)."""
    table = truth_table()
    world, _, _, _ = scanned(fakenet, tmp_path, table)
    undated = Counter(p for _, posts in table["articles"] for p, _, year, _ in posts if year is None)
    total = sum(len(posts) for _, posts in table["articles"])
    result = world("stats", "--limit", "1")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    by_platform = ", ".join(f"{platform} {n}" for platform, n in sorted(undated.items()))
    assert (f"{sum(undated.values())} of the {total} embeds have no known post year (post_year empty: "
            f"{by_platform})") in said, said
