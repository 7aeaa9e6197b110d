"""A flattened post signed with a wrong date: identification looks only at the posts minted near that date, and its
verdict says so (newuser42b #11: "not identified: no candidate's words match the remnant", with no word that only
the days around the article's date were searched, when the wrong date is what a fact-checker is checking)."""

import json
import re

from tests.test_fetch import by_id, json_page
from tests.test_verdicts import reporter, snowflake, tweet  # noqa: F401 (reporter is a fixture)
from tests.waybacknet import Capture, classic_page, serve

SIGNED = snowflake("2021-05-03T15:20:00Z")   # a post of the day the article gives, with other words
POSTED = snowflake("2021-06-20T08:00:00Z")   # the post the article quotes, posted weeks later
WORDS = "Water over the road on Mill Lane this morning."


def test_a_post_not_found_near_the_articles_date_says_only_that_window_was_searched(fakenet, reporter):
    def page(post_id: str, text: str) -> Capture:
        return Capture("20210703120000", f"https://twitter.com/river_desk/status/{post_id}",
                       classic_page(post_id, "river_desk", "River Desk", text, epoch=1620033160))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        SIGNED: [json_page(tweet(SIGNED, "Council meeting on flood defences moved to Thursday."))],
        POSTED: [json_page(tweet(POSTED, WORDS))]}))
    serve(fakenet, [page(SIGNED, "x"), page(POSTED, "x")])
    article = f"Flooding news.\n\n{WORDS} — River Desk (@river_desk) 3 May 2021\n\nMore.\n"
    code, out = reporter("report", "--format", "json", "remnant.txt", article=article, name="remnant.txt")
    [embed] = json.loads(out)["embeds"]
    [check] = [c for c in embed["checks"] if c["name"] == "identification"]
    assert re.sub(r"best \d\.\d\d", "best N", check["evidence"]).startswith(
        "not identified: no candidate's words match the remnant (best N); only posts minted within a day of "
        "2021-05-03, the date the article gives (2021-05-02 to 2021-05-04), were looked at: if that date is wrong, "
        "the post was not among them"), check["evidence"]
