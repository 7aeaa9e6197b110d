"""review45e: adversarial review of stop 45's Instagram capture reader (fixnu45b) and mojibake repair (fixnu45e)."""

from __future__ import annotations

import json

from resolver.fetch import instagram_pages
from tests.test_fetch import json_page
from tests.test_instagram_captures45 import ARTICLE, CAPTION, GRAPH_100, HOSTS, NAME, PAGE, head
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

CUT_TITLE = head(title=f'{NAME} on Instagram: "secret menu 🤫 back for one')


def test_a_quote_of_a_whole_caption_beside_a_capture_cut_short_is_said_unchecked_past_the_cut(fakenet, tmp_path,
                                                                                            monkeypatch):
    """The capture's head gives the caption cut short (no closing quote): the article's words after the cut are not
    known, never "words that are not the post's … glued on by the page or a scraper?"; the copy's text ends with the
    cut's mark in every output (JSON, Markdown, fetch)."""
    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(GRAPH_100, 400))
    serve(fakenet, [Capture("20230402093000", PAGE, CUT_TITLE)])
    article = ARTICLE.replace("<p>The café has since made the post private.</p>",
                              f"<p>The café announced it on Instagram, writing: “{CAPTION}”</p>")
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=article, name="a.html")
    code, out = run("report", "--offline", "--format", "json", "a.html")
    [embed] = json.loads(out)["embeds"]
    text = {c["name"]: c for c in embed["checks"]}["text"]
    assert text["result"] == "warn", text
    assert "not the post's" not in text["evidence"] and "glued on" not in text["evidence"], text
    assert '"week only #foodie" after them cannot be checked: the source\'s text is cut there' in text["evidence"], text
    [copy] = embed["post"]["archived"]
    assert copy["text"] == "secret menu 🤫 back for one…" and instagram_pages.CUT in copy["notes"], copy
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text | — | secret menu 🤫 back for one… |" in md, md
