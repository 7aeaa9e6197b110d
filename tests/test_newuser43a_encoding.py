"""A windows-1256 page labelled iso-8859-1 (a server's default) though it says lang="ar" (newuser43a #3). Read by its
label it was mojibake, the author "åíÆÉ ÇáãæÇäÆ", the date unread, a quote check asking "a translation?", with no
word; the same bytes unlabelled or labelled utf-8 were guessed right. Now the page's language overrules a Western
label when that language's encoding reads the bytes into its letters: read as cp1256, guessed, and every output
names the label and how to choose ("--encoding cp1256" / "--encoding iso-8859-1")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resolver.article import from_bytes
from resolver.cli import cli

AUTHOR, WORDS = "هيئة الموانئ", "الميناء مغلق حتى إشعار آخر"


def arabic_page(label: str | None, lang: str = "ar", encoding: str = "cp1256") -> bytes:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">' if label else ""
    return (f'<!doctype html><html lang="{lang}" dir="rtl"><head>{meta}<title>خبر</title></head><body><p>نشر الحساب '
            f'الرسمي تغريدة قال فيها إن الميناء مغلق.</p><blockquote class="twitter-tweet"><p lang="ar" dir="rtl">'
            f'{WORDS}</p>&mdash; {AUTHOR} (@PortsAuth) <a href="https://twitter.com/PortsAuth/status/'
            f'1570000000000000001">13 سبتمبر 2022</a></blockquote></body></html>').encode(encoding)


@pytest.mark.parametrize("label,declared", [("iso-8859-1", None), ("windows-1252", None), (None, "ISO-8859-1")],
                         ids=["meta-latin-1", "meta-cp1252", "header-latin-1"])
def test_a_western_label_on_arabic_bytes_of_an_arabic_page_is_overruled(label, declared):
    article = from_bytes(arabic_page(label), "p.html", declared=declared)
    assert (article.encoding, article.encoding_detected) == ("cp1256", True)
    assert AUTHOR in article.text and WORDS in article.text
    assert article.encoding_label == (label or declared) and article.page_language == "ar"
    assert "--encoding cp1256" in article.encoding_label_said


@pytest.mark.parametrize("page", [
    # French words a lang="ar" page quotes read alike in windows-1256: no Arabic letter, the label stands
    '<html lang="ar"><head><meta charset="iso-8859-1"></head><body><p>Café crème à la française, déjà vu.</p></body>'
    '</html>'.encode("latin-1"),
    # the page says it is French: its Western label stands, whatever the bytes
    arabic_page("iso-8859-1", lang="fr"),
    # no language said: the label stands
    arabic_page("iso-8859-1", lang="x").replace(b' lang="x"', b""),
], ids=["french-words", "french-page", "no-lang"])
def test_the_label_stands_without_strong_evidence(page):
    article = from_bytes(page, "p.html")
    assert article.encoding in ("cp1252", "iso-8859-1") and not article.encoding_detected
    assert article.encoding_label is None and article.encoding_label_said is None


def test_the_user_naming_the_label_reads_it_by_the_label():
    article = from_bytes(arabic_page("iso-8859-1"), "p.html", encoding="iso-8859-1")
    assert (article.encoding, article.encoding_label) == ("iso-8859-1", None)


def test_scan_says_the_label_is_likely_wrong(tmp_path: Path):
    source = tmp_path / "port.html"
    source.write_bytes(arabic_page("iso-8859-1"))
    runner = CliRunner()
    shown = runner.invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(source)],
                          env={"COLUMNS": "400"})
    assert shown.exit_code == 0, shown.output
    assert "(encoding guessed: cp1256)" in shown.output and AUTHOR in shown.output
    assert "  warning: the page is labelled iso-8859-1, which reads its letters as Latin ones, but it says it is in " \
           "language 'ar'" in shown.output, shown.output
    as_json = runner.invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", "--json", str(source)])
    [said] = [w for w in json.loads(as_json.output.splitlines()[0])["warnings"]
              if w["kind"] == "encoding-label-overruled"]
    assert (said["label"], said["encoding"]) == ("iso-8859-1", "cp1256")
    [embed] = json.loads(as_json.output.splitlines()[0])["embeds"]
    assert embed["author_name"] == AUTHOR
