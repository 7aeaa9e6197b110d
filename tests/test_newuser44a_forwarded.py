"""A conflict-monitoring analyst's finding (newuser44a #4), fixed by fixnu44c: a forwarded Telegram post was reported
as the forwarding channel's own words ("✅ pass author: the link names @frontnews_ua …").

Telegram's widget and web preview mark a forward in the message's bubble, before its words, as captured pages of
t.me show it: `<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from&nbsp;<a
class="tgme_widget_message_forwarded_from_name" href="https://t.me/<channel>/<n>"><span dir="auto">NAME</span></a>
</div>`; a forward from an account that hides itself names it in a `<span class=
"tgme_widget_message_forwarded_from_name">` with no link. The fixtures are small fictional pages in that markup."""

from __future__ import annotations

import json

import jsonschema

from cache import Store
from tests.fakenet import page
from tests.test_report import SCHEMA
from tests.test_telegram_source import message, preview_page, read, widget_page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

HOSTS = ["t.me", "web.archive.org", "archive.org", "cdn4.telesco.pe"]
TEXT = "Колонна техники замечена у моста утром."
FORWARD = ('<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from&nbsp;<a '
           'class="tgme_widget_message_forwarded_from_name" href="https://t.me/Voenkor_Fict/5531"><span dir="auto">'
           'Военкор Фикция</span></a></div>')
HIDDEN = ('<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from&nbsp;<span '
          'class="tgme_widget_message_forwarded_from_name">Пух</span></div>')
ARTICLE = ('<html lang="uk"><body><p>Канал «Річковий дозор» <a href="https://t.me/riverwatch/4521">написав</a>: '
           f'«{TEXT[:-1]}».</p></body></html>')
SAID = "a forward: its words are Военкор Фикция's (https://t.me/Voenkor_Fict/5531), which @RiverWatch forwarded"


def test_newuser44a_4_the_widget_reads_whom_a_forward_is_from():
    record, form = read(widget_page(message("RiverWatch/4521", TEXT, extra=FORWARD)))
    assert (record.status, form, record.text, record.author_handle) == ("available", "widget", TEXT, "RiverWatch")
    assert record.references == ({"type": "forwarded_from", "id": "voenkor_fict/5531", "handle": "Voenkor_Fict",
                                  "name": "Военкор Фикция", "url": "https://t.me/Voenkor_Fict/5531"},)
    record, _ = read(widget_page(message("RiverWatch/4521", TEXT, extra=HIDDEN)))
    assert record.references == ({"type": "forwarded_from", "name": "Пух"},)
    record, _ = read(widget_page(message("RiverWatch/4521", TEXT)))
    assert record.references == ()
    # a forward on the web preview is its message's alone, never its neighbour's
    record, form = read(preview_page(message("RiverWatch/4520", "Сосед", widget=False, extra=FORWARD),
                                     message("RiverWatch/4521", TEXT, widget=False)))
    assert (form, record.text, record.references) == ("web-preview", TEXT, ())


def test_newuser44a_4_fetch_scan_and_reports_say_a_post_is_a_forward_and_of_whom(fakenet, tmp_path, monkeypatch):
    fakenet.route("t.me", "/riverwatch/4521?embed=1&mode=tme",
                  page(widget_page(message("RiverWatch/4521", TEXT, extra=FORWARD))))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("fetch", "https://t.me/riverwatch/4521")
    assert code == 0 and f"  {SAID}" in out, out
    code, out = run("fetch", "--json", "--offline", "https://t.me/riverwatch/4521")
    assert [r for r in json.loads(out)["references"] if r["type"] == "forwarded_from"][0]["name"] == "Военкор Фикция"
    with Store(tmp_path / "c.db") as store:   # recorded: the post's view and its observation
        [row] = store.db.query("SELECT record FROM posts WHERE post_id = 'riverwatch/4521'")
        [obs] = store.db.query("SELECT record FROM post_observations WHERE method = 'telegram-widget'")
    for record in (row["record"], obs["record"]):
        assert json.loads(record)["references"][0]["url"] == "https://t.me/Voenkor_Fict/5531", record
    code, out = run("scan", "--fetch", "a.html", article=ARTICLE, name="a.html")
    assert code == 0 and SAID in out, out
    code, md = run("report", "--offline", "a.html")
    assert f"| Forwarded from | — | {SAID}, not its own |" in md, md
    [author] = [line for line in md.splitlines() if "**author**" in line]
    assert author == ("- ⚠️ warn **author**: the post is a forward: its words are Военкор Фикция's "
                      "(https://t.me/Voenkor_Fict/5531), which @RiverWatch forwarded, not its own; the link names "
                      "@RiverWatch (Речной дозор), the account that posted it; the article's naming of the speaker "
                      "was not read"), author
    code, out = run("report", "--offline", "--format", "json", "a.html")
    report = json.loads(out)
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    [embed] = report["embeds"]
    assert embed["post"]["references"][0]["type"] == "forwarded_from"
    assert [c["result"] for c in embed["checks"] if c["name"] == "author"] == ["warn"]
    code, html = run("report", "--offline", "--format", "html", "a.html")
    assert "Forwarded from" in html and "Военкор Фикция" in html


def test_newuser44a_4_an_archived_copy_of_a_forward_says_so_too(fakenet, tmp_path, monkeypatch):
    """A deleted forward read from its archived web preview: the author check rests on the capture, and says whose
    words they are."""
    fakenet.route("t.me", "/riverwatch/4521?embed=1&mode=tme",
                  page(widget_page('<div class="tgme_widget_message_error">Post not found</div>')))
    serve(fakenet, [Capture("20240307093000", "https://t.me/s/RiverWatch/4521",
                            preview_page(message("RiverWatch/4521", TEXT, widget=False, extra=FORWARD)).encode())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, md = run("report", "a.html", article=ARTICLE, name="a.html")
    [author] = [line for line in md.splitlines() if "**author**" in line]
    assert "warn" in author and "the post is a forward: its words are Военкор Фикция's" in author, author
    # the post's table says it too, citing the capture read (review45a: the row looked for a copy "available", which
    # an archived copy no longer says since it says "archived-copy", and was never written; written, it cited the
    # live widget's answer "Post not found", which holds no forward)
    [row] = [line for line in md.splitlines() if line.startswith("| Forwarded from |")]
    assert row.startswith(f"| Forwarded from | — | {SAID}, not its own | wayback capture of 2024-03-07T09:30:00Z "
                          "(web-preview), "), row
    assert "telegram-widget" not in row, row
