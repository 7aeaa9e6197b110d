"""A newspaper archivist's findings (newuser44d), fixed by fixnu45e: the scan table's author column and the JSON's
author_name gave the prose's words as the post's author ("Councilman Rory Vance" from "Councilman Rory Vance replied
on Twitter" beside a link), where the report said "the article names … beside it" (#9). The table and the JSON now
say the name is the article's words beside the link (`author_name_from`), and the report's reading is kept."""

from __future__ import annotations

import json

import jsonschema

from tests.test_report import SCHEMA
from tests.test_verdicts import reporter  # noqa: F401 - a fixture

URL = "https://twitter.com/roryvance/status/45127890123456789"
PAGE = ("<html><head><meta charset='utf-8'><title>Council</title></head><body><h1>Library vote</h1>"
        f"<p>Councilman Rory Vance replied <a href='{URL}'>on Twitter</a> within minutes.</p>"
        '<blockquote class="twitter-tweet"><p>Shame on them.</p>&mdash; Elm Neighbors (@elmneighbors) '
        '<a href="https://twitter.com/elmneighbors/status/45123456789012345">March 3, 2011</a></blockquote>'
        "</body></html>")


def test_newuser44d_9_a_name_beside_a_link_is_said_the_articles_words_in_json_and_the_table(reporter):
    code, out = reporter("scan", "--json", "article.html", article=PAGE)
    assert code == 0, out
    beside, signed = json.loads(out.splitlines()[0])["embeds"]
    assert (beside["detector"], beside["author_name"], beside["author_name_from"]) == (
        "html-link", "Councilman Rory Vance", "article-words-beside-link"), beside
    assert "author_name_from" not in signed   # an embed code's signature names the post's author
    code, out = reporter("scan", "article.html")
    assert "article names beside it: Councilman Rory Vance" in out and "Councilman Rory Vance" in out, out
    row = next(line for line in out.splitlines() if "Councilman Rory Vance" in line)
    assert "article names beside it: Councilman Rory Vance" in row, out
    code, out = reporter("report", "--offline", "--format", "json", "article.html")
    report = json.loads(out)
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    [linked, _] = report["embeds"]
    assert (linked["author_name"], linked["author_name_from"]) == ("Councilman Rory Vance", "article-words-beside-link")
