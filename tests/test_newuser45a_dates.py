"""Dates a Spanish-language desk reads (newuser45a #10, #11): the scan table printed a date it did not read
("05/09/2022", day or month first) as written among ISO dates, with no word that it was not read (the JSON's `date`
is null); a failed date check whose article day has its day and month swapped from the post's said nothing of it."""

from __future__ import annotations

import pytest

from resolver.article import from_bytes
from resolver.model import Embed
from resolver.pipeline import ArticleResult
from resolver.provenance import date_checks
from resolver.report import scan_plain

POST_ID = "1501860411601846281"   # minted 2022-03-10T10:00:00Z


def table_of(date_text: str, date: str | None = None) -> str:
    embed = Embed("twitter", "post", f"https://twitter.com/alc_fict/status/{POST_ID}", "text-signature", (0, 9),
                  post_id=POST_ID, author_handle="alc_fict", date_text=date_text, date=date)
    return "\n".join(scan_plain(ArticleResult(from_bytes(b"<p>x</p>", "fechas.txt"), (embed,), ())))


@pytest.mark.parametrize("date_text, date, shown", [
    ("05/09/2022", None, "05/09/2022 (not read: day/month order unknown)"),
    ("6 Δεκ 2022", None, "6 Δεκ 2022 (not read)"),
    ("12 de septiembre de 2022", "2022-09-12", "2022-09-12"),
])
def test_the_scan_table_says_a_date_shown_and_not_read(date_text, date, shown):
    assert shown in table_of(date_text, date)


def checks_of(said: str) -> dict[str, dict[str, str]]:
    embed = {"platform": "twitter", "post_id": POST_ID, "date": said, "date_text": "3 de octubre de 2022",
             "detector": "html-blockquote"}
    post = {"platform": "twitter", "post_id": POST_ID, "status": "available", "text": "Texto.",
            "created_at": "2022-03-10T10:00:00Z", "method": "syndication", "field_sources": {}}
    return {c["name"]: c for c in date_checks(embed, post)}


def test_a_failed_date_whose_day_and_month_swapped_are_the_posts_says_so():
    checks = checks_of("2022-10-03")
    for name in ("date", "snowflake-date"):
        assert checks[name]["result"] == "fail", checks
        assert checks[name]["evidence"].endswith(" (day and month swapped?)"), checks[name]


@pytest.mark.parametrize("said", ["2022-10-04", "2022-03-12"])
def test_another_wrong_day_gets_no_such_hint(said):
    checks = checks_of(said)
    assert checks["date"]["result"] == "fail" and "swapped" not in checks["date"]["evidence"], checks
