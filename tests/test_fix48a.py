"""fix48a: answers left wrong or silent by stop 47. Fixtures are small and fictional: invented accounts, lists and
texts in the real services' URL forms."""

from __future__ import annotations

import pytest

from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

HOSTS = ["web.archive.org", "archive.org", "www.youtube.com", "youtube.com", "linevoom.line.me", "line.me",
         "timeline.line.me"]


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


# 2. A YouTube playlist's own page, `youtube.com/playlist?list=<id>` (the form YouTube's oEmbed provider entry lists
# beside `watch`), was no embed at all: an article linking its council's playlist said "0 embeds".
LIST = "PLr1vErT0nC0unc1lM33t1ngs2021xYz0"
PLAYLIST = f"https://www.youtube.com/playlist?list={LIST}"


@pytest.mark.parametrize("url, kind", [
    (PLAYLIST, "playlist"),
    (f"https://youtube.com/playlist?list={LIST}&si=AbCdEf", "playlist"),
    (f"https://m.youtube.com/playlist?list={LIST}", "playlist"),
    (f"https://www.youtube-nocookie.com/embed/videoseries?list={LIST}", "playlist"),
    ("https://www.youtube.com/playlist?list=UUabcdefghijklmnopqrstuv", "timeline"),
    ("https://www.youtube.com/playlist", None),
    ("https://www.youtube.com/playlist?list=", None),
], ids=["www", "bare-host-share", "mobile", "nocookie-player", "uploads", "no-list", "empty-list"])
def test_fix48a_2_a_playlist_page_is_a_playlist(url, kind):
    from resolver.platforms import parse_url

    ref = parse_url(url)
    if kind is None:
        assert ref is None, ref
        return
    assert ref is not None and (ref.platform, ref.kind) == ("youtube", kind), ref
    assert ref.url == f"https://www.youtube.com/playlist?list={ref.post_id}" and ref.post_id in url, ref


def test_fix48a_2_a_playlist_an_article_links_is_reported_and_fetch_asks_nothing(run, fakenet):
    import json

    article = ('<html><body><article><p>The council met on Monday and voted to close the bridge.</p>'
               f'<p>Its meetings are on <a href="{PLAYLIST}">YouTube</a>.</p>'
               '<p>Follow the council: <a href="https://www.youtube.com/playlist?list=UUabcdefghijklmnopqrstuv">'
               'its uploads</a>.</p></article></body></html>')
    code, out = run("scan", "--json", "article.html", article=article)
    assert code == 0, out
    embeds = json.loads(out)["embeds"]
    assert [(e["platform"], e["kind"], e["url"], e["post_id"]) for e in embeds] == [
        ("youtube", "playlist", PLAYLIST, LIST)], embeds
    said: list[str] = []
    code, out = run("fetch", PLAYLIST, said=said)
    what = "a YouTube playlist (videos someone listed, which shows whatever the list holds when it is opened)"
    assert code == 1 and said == [f"error: cannot fetch {PLAYLIST}: it is {what}, no post to fetch; nothing was asked"]
    assert fakenet.hits == [], fakenet.hits


# 3. A signature whose handle is longer than X's 15 characters ("(@rivertoncouncil1)", 16) gave no embed and no word:
# the flattened post was lost, where its form is X's widget's. Kept, the account not named, and said.
SIGNED16 = ("The council met on Monday and voted to close the bridge.\n\n"
            "Road closed until Friday while crews repair the deck. — Riverton Council (@rivertoncouncil1) May 3, 2021\n")
TOO_LONG = ("its signature names @rivertoncouncil1, 16 characters, where an X handle has at most 15: no X account is "
            "spelt so (a copy may have changed or added a letter), so the account is not named")


@pytest.mark.parametrize("where", ["text", "html"])
def test_fix48a_3_a_16_character_handle_in_a_signature_keeps_the_post_unnamed_and_said(where):
    from resolver.extract import find_all

    page = SIGNED16 if where == "text" else "<html><body>" + "".join(
        f"<p>{line}</p>" for line in SIGNED16.split("\n") if line) + "</body></html>"
    [embed] = find_all(page, where)[0]
    assert (embed.platform, embed.kind, embed.post_id, embed.author_handle, embed.author_name, embed.date) == (
        "twitter", "post", None, None, "Riverton Council", "2021-05-03"), embed
    assert embed.text == "Road closed until Friday while crews repair the deck.", embed.text
    assert embed.id_doubt == TOO_LONG, embed.id_doubt
    # 15 characters is an X handle, read as ever
    [embed] = find_all(SIGNED16.replace("rivertoncouncil1", "rivertoncouncil"), "text")[0]
    assert (embed.author_handle, embed.id_doubt) == ("rivertoncouncil", None), embed


def test_fix48a_3_the_scan_says_the_handle_is_no_x_handle(run):
    code, out = run("scan", "article.txt", article=SIGNED16, name="article.txt")
    assert code == 0, out
    assert "1 embed" in out and "rivertoncouncil1" in out, out
    assert "at most 15" in " ".join(out.split()), out


# 1. LINE VOOM's posts (LINE's timeline, renamed in 2021): an article linking one said nothing of it ("0 embeds"),
# where Weibo's and Naver Blog's are said not supported. The forms: a post's page `linevoom.line.me/post/<post id>`
# and `linevoom.line.me/post/<home id>/<post id>` (`timeline.line.me/post/<home id>/<post id>` before the rename),
# and LINE's URL scheme for an official account's post, `line.me/R/home/public/post?id=<LINE ID>&postId=<post id>`
# (LINE's developer docs). The ids are invented.
LINE_POST = "https://linevoom.line.me/post/1170123456789012345"
LINE_PAGE = (
    '<!doctype html><html><head><title>Singer thanks fans</title></head><body><article>'
    f'<p>The singer thanked her fans on <a href="{LINE_POST}">LINE VOOM</a> '
    '(<a href="https://linevoom.line.me/post/_dAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab/1170123456789012345">again</a>);'
    ' her label answered in <a href="https://line.me/R/home/public/post?id=rivertonlabel&amp;postId=1169000000000000042">'
    'a post</a>, and in 2019 she wrote on <a href="https://timeline.line.me/post/_dZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zy/'
    '1151234567890123456">her timeline</a>.</p>'
    '<p><a href="https://linevoom.line.me/user/_dAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab">Her page</a>, '
    '<a href="https://line.me/R/home/public/main?id=rivertonlabel">the label\'s</a>, '
    '<a href="https://line.me/R/ti/p/@rivertonlabel">add friend</a>, '
    '<a href="https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fnews.example%2Fa">share</a>.</p>'
    '</article></body></html>')


def test_fix48a_1_line_voom_posts_are_found_once_each_by_their_ids():
    from resolver.platforms import unsupported

    assert [(f.service, f.key, f.url, f.kind) for f in unsupported.found(LINE_PAGE)] == [
        ("LINE VOOM", "1170123456789012345", LINE_POST, "post"),
        ("LINE VOOM", "1169000000000000042",
         "https://line.me/R/home/public/post?id=rivertonlabel&postId=1169000000000000042", "post"),
        ("LINE VOOM", "1151234567890123456",
         "https://timeline.line.me/post/_dZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zy/1151234567890123456", "post")]
    # a name in prose, another host, an id run on, a scheme link naming no post
    assert unsupported.found("linevoom.line.me/post/1170123456789012345 https://notlinevoom.line.me/post/"
                             "1170123456789012345 https://linevoom.line.me/post/1170123456789012345x "
                             "https://line.me/R/home/public/post?id=rivertonlabel "
                             "https://evil.line.me/R/home/public/post?id=a&postId=1169000000000000042") == []


def test_fix48a_1_line_voom_posts_are_said_not_supported_and_asked_nothing(run, fakenet):
    import json

    code, out = run("scan", "article.html", article=LINE_PAGE)
    assert code == 0, out
    assert ("note: 3 posts (LINE VOOM 3) not checked: LINE VOOM posts are not supported (no source of LINE VOOM is "
            f"read); first {LINE_POST}") in " ".join(out.split()), out
    why = "LINE VOOM posts are not supported (no source of LINE VOOM is read)"
    for url in (LINE_POST, "https://line.me/R/home/public/post?id=rivertonlabel&postId=1169000000000000042"):
        said: list[str] = []
        code, out = run("fetch", url, said=said)
        assert code == 1 and said == [f"error: cannot fetch {url}: {why}; nothing was asked"], (code, said)
        code, out = run("resolve", "--json", url)
        assert code == 1 and json.loads(out)["error"] == f"input: cannot resolve {url}: {why}; nothing was asked"
    assert fakenet.hits == [], fakenet.hits


def test_fix48a_1_line_voom_posts_tried_where_the_scan_found_their_needles_are_those_of_the_page(monkeypatch):
    from resolver import extract
    from resolver.extract import needles

    monkeypatch.setattr(needles, "_SMALL_LEFT", [0])   # hyperscan's pass, whatever this process searched before
    from resolver.article import from_bytes
    from resolver.extract import html
    from resolver.platforms import unsupported

    article = from_bytes(LINE_PAGE.replace("</article>", '<a href="https://line.me/R/home/public/post?id=a&amp;'
                                           'postId=1169000000000000077">x</a><blockquote class="twitter-tweet"><a href='
                                           '"https://twitter.com/u/status/1">x</a></blockquote></article>').encode(), "a.html", kind="html")
    page = article.text
    extract.find_all(page, "html", utf8=article.utf8)
    held = html.unsupported_held(page)
    assert held is not None and len(held["line.me/R/home/public/post?"]) == 2 and held["linevoom.line.me/post/"], held
    assert unsupported.found(page, held) == unsupported.found(page)
    assert len(unsupported.found(page)) == 4


# 4. A later `scan` of a folder read as articles some of the tool's own outputs: a `scan` table written with -o (its
# posts found again as a fake article's), a Markdown report whose "Generated by" line falls past its first 4 KiB (a long
# "In short"), an HTML report written before reports named their generator whose meta line falls past 4 KiB, and a
# report run's `.index-entries.jsonl` (left by a run stopped before it wrote its index).
def _own_scanned(tmp_path, corpus):
    import json

    from tests.test_fix47c import run as invoke

    result = invoke("--db", str(tmp_path / "later.db"), "scan", "--offline", "--json", str(corpus))
    assert result.exit_code == 0, result.output
    return sorted(json.loads(line)["source"] for line in result.stdout.splitlines()), result.stderr


def _corpus_with_story(tmp_path):
    from tests.test_fix47c import page

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.html").write_text(page(1))
    return corpus


def _report(tmp_path, corpus, fmt: str, name: str) -> bytes:
    from tests.test_fix47c import run as invoke

    wrote = invoke("--db", str(tmp_path / "c.db"), "report", "--offline", "--format", fmt, "-o", str(tmp_path / name),
                   str(corpus / "story.html"))
    assert wrote.exit_code == 0, wrote.output
    return (tmp_path / name).read_bytes()


@pytest.mark.parametrize("name", ["scan.txt", "scan-output", "scan.log"])
def test_fix48a_4_a_scan_table_written_with_o_is_left_out_and_said(tmp_path, name):
    from resolver import own_files
    from tests.test_fix47c import run as invoke

    corpus = _corpus_with_story(tmp_path)
    wrote = invoke("--db", str(tmp_path / "c.db"), "scan", "--offline", "-o", str(tmp_path / name),
                   str(corpus / "story.html"))
    assert wrote.exit_code == 0, wrote.output
    (corpus / name).write_bytes((tmp_path / name).read_bytes())
    assert own_files.kind_of(corpus / name) == own_files.TABLE_OUTPUT
    sources, stderr = _own_scanned(tmp_path, corpus)
    assert sources == [str(corpus / "story.html")], sources
    assert "1 file the tool wrote left out, not articles (1 scan output file)" in stderr, stderr


def test_fix48a_4_a_markdown_report_generated_past_4_kib_is_left_out(tmp_path):
    from resolver import own_files

    corpus = _corpus_with_story(tmp_path)
    text = _report(tmp_path, corpus, "md", "r.md").decode()
    # a long "In short" (as a report of many embeds and sources writes it) puts the article's lines past 4 KiB
    longer = text.replace("## In short\n\n", "## In short\n\n" + "- **Found in the article**: more words.\n" * 120, 1)
    assert longer.encode().find(b"- Generated by embed-resolver") > own_files.HEAD
    (corpus / "r.md").write_text(longer)
    assert own_files.kind_of(corpus / "r.md") == own_files.REPORT
    # an older report's opening, before it had an "In short" block, is one too
    older = text[:text.index("## In short")] + text[text.index("- Article: "):]
    (corpus / "older.md").write_text(older)
    assert own_files.kind_of(corpus / "older.md") == own_files.REPORT
    sources, stderr = _own_scanned(tmp_path, corpus)
    assert sources == [str(corpus / "story.html")], sources
    assert "2 files the tool wrote left out, not articles (2 reports)" in stderr, stderr


def test_fix48a_4_an_older_html_report_generated_past_4_kib_is_left_out(tmp_path):
    from resolver import own_files

    corpus = _corpus_with_story(tmp_path)
    text = _report(tmp_path, corpus, "html", "r.html").decode()
    generator = next(line for line in text.splitlines(keepends=True) if 'name="generator"' in line)
    # written before reports named their generator, with a longer style sheet
    older = text.replace(generator, "").replace("</style>", "\n" + "p{margin:0}\n" * 200 + "</style>", 1)
    assert older.encode().find(b"Generated by embed-resolver") > own_files.HEAD
    (corpus / "old.html").write_text(older)
    assert own_files.kind_of(corpus / "old.html") == own_files.REPORT
    sources, stderr = _own_scanned(tmp_path, corpus)
    assert sources == [str(corpus / "story.html")], sources
    assert "1 file the tool wrote left out, not articles (1 report)" in stderr, stderr


def test_fix48a_4_a_report_runs_index_entries_are_left_out(tmp_path):
    from resolver import cli as cli_module
    from resolver import own_files

    import json

    corpus = _corpus_with_story(tmp_path)
    report = json.loads(_report(tmp_path, corpus, "json", "r.json"))
    (tmp_path / "reports").mkdir()
    for name in ("story.md", "story2.md"):   # as a report run appends each report's entry, stopped before its index
        cli_module._note_in_index(tmp_path / "reports", name, cli_module._index_entry(report))
    notes = (tmp_path / "reports" / cli_module.INDEX_NOTES).read_bytes()
    # A walk skips the hidden name (on main too); a copy without its dot, as a copy of the folder may name it, was
    # warned "it looks like JSON Lines (give it to --jsonl)" and skipped
    (corpus / cli_module.INDEX_NOTES).write_bytes(notes)
    (corpus / cli_module.INDEX_NOTES.lstrip(".")).write_bytes(notes)
    for name in (cli_module.INDEX_NOTES, cli_module.INDEX_NOTES.lstrip(".")):
        assert own_files.kind_of(corpus / name) == own_files.INDEX_NOTES
    sources, stderr = _own_scanned(tmp_path, corpus)
    assert sources == [str(corpus / "story.html")], sources
    assert "1 file the tool wrote left out, not articles (1 unfinished report index)" in stderr, stderr


def test_fix48a_4_an_article_opening_as_the_tools_files_do_is_still_read(tmp_path):
    from resolver import own_files
    from tests.test_fix47c import page

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.txt").write_text("story.html  html  sha256 is what we keep of each page\n" + page(2))
    (corpus / "about.md").write_text("# Provenance report: how we check\n\n" + "- Article: a note\n" * 400 + page(3))
    for name in ("notes.txt", "about.md"):
        assert own_files.kind_of(corpus / name) is None, name
    sources, stderr = _own_scanned(tmp_path, corpus)
    assert sources == [str(corpus / "about.md"), str(corpus / "notes.txt")], sources
    assert "left out" not in stderr, stderr
