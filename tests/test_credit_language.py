"""A page in a language whose credit words are not read (credits36; fixnu35a left it, README said "nothing in the
output says the language was not read"): scan --json and the reports say so, rather than "No photo credit was
found" as if the page had none. Pure finding tested with strings; the outputs through the CLI."""

import json
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st
import pytest
from click.testing import CliRunner

from resolver.cli import cli
from resolver.credit_language import credit_language_not_read

GREEK = ("Η γέφυρα άνοιξε ξανά μετά από τρεις μήνες εργασιών. Οι κάτοικοι της πόλης περίμεναν ώρες για να "
         "περάσουν. Φωτογραφία: Γιώργος Παππάς. ") * 3
HINDI = "नदी पर बना पुल तीन महीने के काम के बाद फिर से खुल गया। शहर के लोग घंटों इंतज़ार करते रहे। फोटो: राहुल शर्मा " * 3


def html(body: str, lang: str | None) -> str:
    attribute = f' lang="{lang}"' if lang else ""
    return f'<!doctype html><html{attribute}><head><title>t</title></head><body><article><p>{body}</p></article></body></html>'


@pytest.mark.parametrize("content,kind,language,script", [
    (html(GREEK, "el"), "html", "el", None),
    (html("Die Brücke ist wieder offen.", "hu-HU"), "html", "hu", None),   # the lang says it, whatever the words
    (html(GREEK, None), "html", None, "Greek"),
    (GREEK, "text", None, "Greek"),
    (HINDI, "text", None, "Devanagari"),
], ids=["greek-lang", "hungarian-lang-region", "greek-letters-no-lang", "greek-text", "hindi-text"])
def test_credits36_a_language_the_credit_reader_does_not_cover_is_found(content, kind, language, script):
    found = credit_language_not_read(content, kind)
    assert found is not None and (found.language, found.script) == (language, script)
    assert "credit words" in found.message and "not read" in found.message


@pytest.mark.parametrize("content,kind", [
    (html("The bridge reopened. Photo: Jane Doe/Reuters", "en-GB"), "html"),
    (html("Die Brücke ist wieder offen. Foto: dpa", "de"), "html"),
    (html("Мост снова открыт. Фото: ТАСС", "ru"), "html"),
    (html("Most je ponovo otvoren. Foto: Hina", "hr"), "html"),   # "Foto:" is read: Croatian is covered
    (html(GREEK, "en"), "html"),    # the page's own lang is taken at its word
    ("The bridge reopened after three months. A few words: Ωμέγα.", "text"),   # a Greek word is no Greek page
    ("平日のダイヤで運転を再開した。写真：共同通信", "text"),
    (html("The bridge reopened.", "x-default"), "html"),
], ids=["english", "german", "russian", "croatian", "lang-en", "one-greek-word", "japanese", "no-language"])
def test_credits36_a_covered_or_unknown_language_says_nothing(content, kind):
    assert credit_language_not_read(content, kind) is None


def run(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *args])
    assert result.exit_code == 0, result.output
    return result.stdout



# review36c: the letters' test measured an unread script against the other letters beyond ASCII only, so an English
# page with no lang quoting a Greek or Hindi sentence, or a maths text with α, β, θ, was "written mostly in Greek
# letters" (a false alarm in the report). The page's words are measured, markup out, English letters counted.
ENGLISH = "The committee met on Tuesday to discuss the budget and the new rules for the port of the city. " * 30


@pytest.mark.parametrize("content,kind", [
    (ENGLISH + GREEK[:300], "text"),
    (html(ENGLISH + GREEK[:300], None), "html"),
    ("The values of α and β in the equation with θ, λ and μ are small. " * 40, "text"),
    (ENGLISH + HINDI, "text"),
], ids=["english-quoting-greek", "english-html-quoting-greek", "maths-letters", "english-quoting-hindi"])
def test_review36c_an_english_page_with_a_quote_in_another_script_says_nothing(content, kind):
    assert credit_language_not_read(content, kind) is None


def test_review36c_a_greek_page_with_no_lang_after_a_long_head_is_found():
    """The counter-case: a Greek page whose head (scripts, styles, all ASCII) fills the first characters is still
    found by its words."""
    head = "<script>var config = {analytics: true, region: 'europe'};</script>" * 600
    content = f"<!doctype html><html><head>{head}</head><body><p>{GREEK * 3}</p></body></html>"
    found = credit_language_not_read(content, "html")
    assert found is not None and found.script == "Greek"


def test_credits36_scan_json_and_the_reports_say_the_language_was_not_read(tmp_path):
    """"No photo credit was found." on a Greek page whose caption says "Φωτογραφία: Γιώργος Παππάς" implied the page
    had none: the warning is in scan --json's `warnings`, in the report's article, and its Markdown and HTML say the
    language's credit words were not read where they say no credit was found."""
    page = tmp_path / "greek.html"
    page.write_text(html(GREEK, "el"), encoding="utf-8")
    [line] = run(tmp_path, "scan", "--offline", "--json", str(page)).splitlines()
    [warning] = [w for w in json.loads(line)["warnings"] if w["kind"] == "credit-language-not-read"]
    assert warning["language"] == "el" and warning["script"] is None
    assert warning["message"] == ('the page is in Greek (lang="el"): credit words in Greek are not read, so a credit '
                                  "written in them is not found")
    data = json.loads(run(tmp_path, "report", "--offline", "--format", "json", str(page)))
    jsonschema.validate(data, json.loads((Path(__file__).parents[1] / "schema" / "report.schema.json").read_text()))
    assert [w["kind"] for w in data["article"]["warnings"]] == ["credit-language-not-read"]
    markdown = run(tmp_path, "report", "--offline", "--format", "md", str(page))
    assert "No photo credit was found in the words read: the page is in Greek" in markdown
    assert "No photo credit was found." not in markdown
    assert "credit words in Greek are not read" in run(tmp_path, "report", "--offline", "--format", "html", str(page))


def test_credits37_scans_table_and_summary_line_say_the_language_was_not_read(tmp_path):
    """The reports and scan --json's article lines said a page's credit words were not read; scan's own table (plain
    columns into a pipe) and the summary line on stderr, with or without --json, said nothing (credits36 left it)."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "greek.html").write_text(html(GREEK, "el"), encoding="utf-8")
    (folder / "english.html").write_text(html("The bridge reopened. Photo: Jane Doe/Riverton Wire", "en"),
                                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(folder)])
    assert result.exit_code == 0, result.output
    [said] = [line for line in result.stdout.splitlines() if "credit words in Greek are not read" in line]
    assert said.strip().startswith("warning: the page is in Greek")
    assert "1 article in a language whose credit words are not read" in result.stderr
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", "--json", str(folder)])
    assert result.exit_code == 0, result.output
    assert "1 article in a language whose credit words are not read" in result.stderr
    english = CliRunner().invoke(cli, ["--db", str(tmp_path / "d.db"), "scan", "--offline", str(folder / "english.html"),
                                       str(folder / "english.html")])
    assert "not read" not in english.stdout + english.stderr


# #14: the letters' pass (a regex over a page's first 200,000 characters) cost a non-ASCII page more than hashing it
# (0.27 ms against 0.11 ms, the corpus' mean). Given the page's UTF-8 bytes, the bytes that can lead an unread
# letter's encoding are counted first (one C pass); fewer than ENOUGH, and no letter pass is made. The answer is the
# same with or without the bytes.
class _NoLetterPass:
    def findall(self, *args, **kwargs):
        raise AssertionError("the letters' pass ran")


@pytest.mark.parametrize("content", [
    html("Die Brücke ist wieder offen — «Foto: dpa», 12 °C, “quoted” …", None),
    html("Мост снова открыт. Фото: ТАСС. 平日のダイヤで運転を再開した。", None),
    "The bridge reopened — “Photo: Jane Doe” … " * 50,
], ids=["latin-typography", "cyrillic-and-cjk", "text"])
def test_a_page_with_too_few_bytes_that_lead_an_unread_letter_gets_no_letter_pass(content, monkeypatch):
    from resolver import credit_language

    kind = "text" if content.startswith("The bridge") else "html"
    monkeypatch.setattr(credit_language, "UNREAD_LETTER_RE", _NoLetterPass())
    assert credit_language_not_read(content, kind, utf8=content.encode()) is None


def test_the_lead_bytes_are_those_of_every_unread_letter():
    from resolver.credit_language import UNREAD_LEAD_BYTES, UNREAD_LETTER_RE

    letters = [chr(point) for point in range(0x80, 0x3000) if UNREAD_LETTER_RE.match(chr(point))]
    assert len(letters) > 2000
    assert {letter.encode()[0] for letter in letters} <= set(UNREAD_LEAD_BYTES)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([GREEK[:40], HINDI[:30], "Ωμέγα ", "α", "Photo: Jane Doe ", "Фото ", "“x” ",
                                  "<p>", "</p>", "平日 ", "ẞ ", "\u1e00", "\u0800", "\u0b95"]), max_size=60),
       st.sampled_from(["html", "text"]), st.sampled_from(["", "el", "en", "und"]))
def test_the_answer_is_the_same_with_the_page_bytes_or_without(pieces, kind, lang):
    content = "".join(pieces) * 3
    if kind == "html":
        content = html(content, lang or None)
    assert credit_language_not_read(content, kind, utf8=content.encode()) == credit_language_not_read(content, kind)
