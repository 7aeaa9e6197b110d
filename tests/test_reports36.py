"""reports36: what the fetch table and the reports say when sources answer differently (#9), a replayed report's
exit code and what it says was not replayed (#5), replay rows of old caches (#5), and which captures count as a
post's snapshots (#4). Every network path against loopback servers (tests/fakenet.py, tests/waybacknet.py)."""

import json
import re

from tests.fakenet import page
from tests.test_cited_answers import ARTICLE, _texts
from tests.test_fetch import by_id, json_page
from tests.test_verdicts import DELETED, POST, blockquote, reporter, tweet  # noqa: F401  (the fixture)
from tests.waybacknet import serve

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
