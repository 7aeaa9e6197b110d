"""A newspaper archivist's findings (newuser44d), fixed by fixnu45e: mojibake already inside a UTF-8 page ("â€™",
"Ã©": UTF-8 read once as Windows-1252, then saved as UTF-8 again) went into every output unflagged: a tweet's text
"Dadâ€™s mill", a credit's creator "RenÃ©e CaÃ±o" with split_confidence high (#4).

The fixtures are small fictional pages; the post's server is the loopback fake internet."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.test_report import SCHEMA
from tests.test_verdicts import POST, blockquote, quoted, reporter, text_check  # noqa: F401 - reporter: a fixture

BROKEN = "Dad\u00e2\u20ac\u2122s mill is gone. Thank you firefighters \u00e2\u20ac\u201d all of you."   # Dadâ€™s … â€”
RIGHT = "Dad\u2019s mill is gone. Thank you firefighters \u2014 all of you."
PAGE = ('<html><head><meta charset="utf-8"><title>Mill fire</title></head><body><h1>Mill fire</h1>'
        "<p>The owner\u00e2\u20ac\u2122s son tweeted after the fire that took the mill on Tuesday night.</p>"
        f"{blockquote(POST, BROKEN)}"
        '<p class="credit">Photo by Ren\u00c3\u00a9e Ca\u00c3\u00b1o / The Daily Courier</p></body></html>')


def test_newuser44d_4_the_mojibake_is_found_and_undone_in_the_scan_with_a_warning():
    from resolver.pipeline import scan

    data = scan(PAGE, source="mill.html").to_json()
    [embed], [credit] = data["embeds"], data["credits"]
    assert embed["text"] == RIGHT
    assert (credit["raw"], credit["creator"], credit["organization"]) == (
        "Photo by Ren\u00c3\u00a9e Ca\u00c3\u00b1o / The Daily Courier", "Ren\u00e9e Ca\u00f1o", "The Daily Courier")
    [said] = [w for w in data["warnings"] if w["kind"] == "mojibake"]
    assert said["examples"][0] == {"written": "\u00e2\u20ac\u2122", "read_as": "\u2019"}
    assert (said["embeds"], said["credits"]) == ([0], [0])
    assert said["message"].startswith("the page's text holds mojibake (\"\u00e2\u20ac\u2122\" for \"\u2019\"")
    assert "the text or author of embed 1 and the names of credit 1 are given repaired (ftfy)" in said["message"]


@pytest.mark.parametrize("page", [
    "<p>S\u00c3O PAULO \u2014 Jos\u00e9 Pe\u00f1a said: voil\u00e0\u2026 caf\u00e9\u00bb</p>",   # real letters
    "<p>Ela disse \u201cN\u00c3O\u201d ao plano.</p>",   # "Ã”" alone reads as "Ô"; here it is a word and a quote
    "<p>Plain English, with \u201ccurly quotes\u201d and a dash \u2014 nothing else.</p>",
    # a script's comment holds mojibake: no words of the article
    "<script>// Alterar para 0 se n\u00c3\u00a3o houver espa\u00c3\u00a7o</script><p>Plain words.</p>",
    "<p>\u00c4rzte in \u00d6sterreich, \u00c5land, \u00cele-de-France, \u0420\u043e\u0441\u0441\u0438\u044f.</p>",
])
def test_newuser44d_4_real_letters_are_no_mojibake(page):
    from resolver.pipeline import scan

    assert [w for w in scan(page, source="p.html").to_json()["warnings"] if w["kind"] == "mojibake"] == []


def test_newuser44d_4_scan_and_the_reports_say_it_and_the_quote_is_checked_repaired(fakenet, reporter):
    """The article's copy of the post in mojibake is compared as its repaired reading (which the post's own text
    matches), and every output says it was repaired."""
    out = quoted(fakenet, reporter, BROKEN, RIGHT, "json", "md", "html")
    check = text_check(out["json"])
    assert check["result"] == "pass", check
    assert check["evidence"].endswith("the article's words were compared as repaired of the page's mojibake (UTF-8 "
                                      "once read as Windows-1252: see the article's mojibake warning), not as the "
                                      "page writes them"), check
    report = json.loads(out["json"])
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    [said] = [w for w in report["article"]["warnings"] if w["kind"] == "mojibake"]
    assert said["embeds"] == [0]
    assert "**Mojibake**: the page's text holds mojibake (" in out["md"], out["md"]
    assert "<strong>Mojibake</strong>: the page" in out["html"]
    code, text = reporter("scan", "article.html")
    assert code == 0 and "warning: the page's text holds mojibake (" in text, text
