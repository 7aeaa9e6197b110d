"""The forms a saved article comes in besides HTML and text (newuser37b #1, #3, #4, #8): an MHTML web archive or an
e-mail (MIME, quoted-printable), a Safari .webarchive (binary plist), a ZIP (a Word .docx, a Google Docs "Web page
(zipped)"), a PDF, and a browser's "Save page as… complete" folder. Each is read as the page it holds, or refused
with what it is and what to do; never scanned as the container's bytes."""

import hashlib
import io
import json
import plistlib
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from resolver.article import from_bytes, from_path
from resolver.cli import cli
from resolver.errors import InputError
from resolver.pipeline import scan, scan_file

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Harbour fire</title></head><body><article>"
        "<h1>Fire at Millbrook harbour</h1><p>A warehouse on the quay burned through the night, the fire service "
        "said on Wednesday morning.</p><figure><img src='https://cdn.gazette.example/fire.jpg' alt='Smoke'>"
        "<figcaption>Smoke over the quay. (AP Photo/Renée Núñez)</figcaption></figure>"
        "<blockquote class='twitter-tweet'><p lang='en' dir='ltr'>Keep clear of the quay — crews are “still” at "
        "work.</p>&mdash; Millbrook Harbour (@MillbrookHarbour) <a href='https://twitter.com/MillbrookHarbour/status/"
        "1610690000000000001'>January 4, 2023</a></blockquote><p>Photo: Ann Lee/Millbrook Gazette</p>"
        "</article></body></html>")
TWEET = "https://twitter.com/MillbrookHarbour/status/1610690000000000001"


@pytest.fixture
def run(tmp_path):
    def invoke(*args):
        return CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--db", str(tmp_path / "forms.db"), *args],
                                                        catch_exceptions=False)
    return invoke


def _creators(result):
    return sorted(credit.creator for credit in result.credits)


def _email(*, html: str | None = PAGE, text: str | None = None, cte: str = "quoted-printable",
           charset: str = "utf-8") -> bytes:
    message = EmailMessage()
    message["From"] = "Desk Editor <desk@gazette.example>"
    message["To"] = "reporter@gazette.example"
    message["Subject"] = "Fwd: harbour fire draft"
    if text is not None:
        message.set_content(text, cte=cte, charset=charset)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html", cte=cte, charset=charset)
        else:
            message.add_alternative(html, subtype="html", cte=cte, charset=charset)
    return bytes(message)


# -- MHTML and e-mail (newuser37b #1) ------------------------------------------------------------------------

def test_an_mhtml_page_is_read_as_its_html_part_decoded():
    """Chrome's "Save as… single file": quoted-printable with soft line breaks ("Gazett=") inside the credit, the
    tweet's class as class=3D"twitter-tweet". It was scanned as HTML with its QP left in: the tweet blockquote
    missed, "(AP Photo/…)" lost, and "Riverton Gazett=" given as an organisation."""
    result = scan_file(FIXTURES / "saved_page_chrome.mhtml")
    assert result.article.kind == "html" and result.article.encoding == "utf-8"
    tweets = [embed for embed in result.embeds if embed.platform == "twitter" and embed.post_id]
    assert [embed.post_id for embed in tweets] == ["1610690000000000001"]
    assert tweets[0].detector == "html-blockquote"
    assert _creators(result) == ["Ann Lee", "Renée Fox"]
    assert "=" not in "".join(credit.raw for credit in result.credits)


@pytest.mark.parametrize("cte", ["quoted-printable", "base64"])
def test_an_email_is_read_as_its_html_part(cte):
    data = _email(text=f"Here is the draft. Tweet: {TWEET}\n", cte=cte)
    result = scan(data, source="draft.eml")
    assert result.article.kind == "html"
    assert any(embed.post_id == "1610690000000000001" and embed.detector == "html-blockquote"
               for embed in result.embeds)
    assert _creators(result) == ["Ann Lee", "Renée Núñez"]


def test_an_email_in_a_one_byte_charset_is_decoded_in_its_parts_charset():
    result = scan(_email(html=PAGE.replace("charset='utf-8'", "").replace("—", "-").replace("“", '"')
                         .replace("”", '"'), charset="iso-8859-1"), source="draft.eml")
    assert result.article.encoding in ("iso-8859-1", "cp1252", "latin-1")
    assert "Renée Núñez" in _creators(result)


def test_a_plain_text_email_is_read_as_text():
    result = scan(_email(html=None, text="Road closed. pic.twitter.com/Zz98Yy76Xx\n— Millbrook Roads "
                                        "(@MillbrookRoads) December 6, 2022\n(Photo Credit:Nicole Laskavi/MOD)\n"),
                  source="note.eml")
    assert result.article.kind == "text"
    assert [embed.author_handle for embed in result.embeds if embed.post_id or embed.author_handle] == [
        "MillbrookRoads"]
    assert _creators(result) == ["Nicole Laskavi"]


def test_an_email_with_no_html_or_text_part_is_refused():
    message = EmailMessage()
    message["From"] = "a@gazette.example"
    message["Subject"] = "photo"
    message.set_content(b"\xff\xd8\xff\xe0" + bytes(60), maintype="image", subtype="jpeg")
    with pytest.raises(InputError) as refused:
        from_bytes(bytes(message), "photo.eml")
    assert str(refused.value) == ("cannot scan photo.eml: it looks like an e-mail with no HTML or text part, not an "
                                  "article: open it and save the page or the text as HTML or .txt")


def test_an_mhtml_page_whose_root_is_named_by_start_is_read_as_that_part():
    """RFC 2557: multipart/related's `start` names the root part; a frame's page saved before it is not the page."""
    frame = "<html><body><p>Ad frame. <a href='https://twitter.com/Ads/status/1600000000000000009'>x</a></p></body></html>"
    data = (b'MIME-Version: 1.0\nContent-Type: multipart/related; type="text/html"; start="<root@x>"; boundary="B"\n\n'
            b"--B\nContent-Type: text/html\nContent-ID: <frame@x>\n\n" + frame.encode() +
            b"\n--B\nContent-Type: text/html; charset=utf-8\nContent-ID: <root@x>\n\n" + PAGE.encode() + b"\n--B--\n")
    result = scan(data, source="page.mht")
    assert [embed.post_id for embed in result.embeds if embed.post_id] == ["1610690000000000001"]


def test_an_email_whose_page_is_an_attachment_is_refused_naming_it():
    """"See the attached page" and the page attached: scanning the note would be "0 embeds" for the wrong text."""
    message = EmailMessage()
    message["From"] = "desk@gazette.example"
    message["Subject"] = "draft"
    message.set_content("See the attached page.\n")
    message.add_attachment(PAGE.encode(), maintype="text", subtype="html", filename="harbour-fire.html")
    with pytest.raises(InputError) as refused:
        from_bytes(bytes(message), "draft.eml")
    assert str(refused.value) == ("cannot scan draft.eml: it looks like an e-mail whose web page is an attachment "
                                  "(harbour-fire.html), not an article: save the attachment and scan it")


READ_FROM = ("this file is an MHTML web archive: what was read is its HTML part, decoded (quoted-printable); the "
             "sha256 is that page's, not the file's")


def test_a_page_read_out_of_a_container_says_so_in_every_output(run, tmp_path):
    """What is hashed and quoted is the page read, not the file: `sha256sum page.mhtml` will not match the sha256 a
    report gives, and the report must say why (a wrong-looking hash is a provenance question in court)."""
    import hashlib

    source = FIXTURES / "saved_page_chrome.mhtml"
    whole = hashlib.sha256(source.read_bytes()).hexdigest()
    said = f"{READ_FROM} (the file's own: {whole})"
    result = scan_file(source)
    assert result.article.container == "an MHTML web archive"
    assert {"kind": "read-from-container", "container": "an MHTML web archive", "container_sha256": whole,
            "message": said} in result.to_json()["warnings"]
    assert f"  note: {said}" in run("scan", str(source)).output.splitlines()
    markdown, html = tmp_path / "r.md", tmp_path / "r.html"
    assert run("report", "--offline", "-o", str(markdown), str(source)).exit_code == 0
    assert f"- **Read from a container**: {said}" in markdown.read_text().splitlines()
    assert run("report", "--offline", "--format", "html", "-o", str(html), str(source)).exit_code == 0
    assert "<strong>Read from a container</strong>: this file is an MHTML web archive" in html.read_text()
    assert "read-from-container" not in json.dumps(scan(PAGE).to_json())


def test_text_that_starts_with_a_header_like_line_is_still_text():
    article = from_bytes(b"Subject: the flood\nMIME-less notes. Photo: Ann Lee/Reuters\n", "notes.txt")
    assert article.kind == "text" and article.text.startswith("Subject: the flood")


# -- Safari .webarchive (newuser37b #3) ----------------------------------------------------------------------

def _webarchive(data: bytes, encoding: str = "UTF-8", mime: str = "text/html") -> bytes:
    return plistlib.dumps({"WebMainResource": {
        "WebResourceData": data, "WebResourceMIMEType": mime, "WebResourceTextEncodingName": encoding,
        "WebResourceURL": "https://gazette.example/harbour-fire", "WebResourceFrameName": ""}},
        fmt=plistlib.FMT_BINARY)


def test_a_safari_webarchive_is_read_as_its_main_resource_in_its_encoding():
    """It was read as cp1252 HTML: "JosÃ© NÃºÃ±ez", "â€œ", said unsure only between two codepages."""
    result = scan(_webarchive(PAGE.encode("utf-8")), source="fire.webarchive")
    assert result.article.kind == "html" and not result.article.encoding_detected
    assert _creators(result) == ["Ann Lee", "Renée Núñez"]
    [tweet] = [embed for embed in result.embeds if embed.post_id]
    assert "crews are “still” at work" in (tweet.text or "")


def test_a_webarchive_names_its_encoding_when_it_is_not_utf8():
    page = PAGE.replace("charset='utf-8'", "").replace("—", "-").replace("“", '"').replace("”", '"')
    result = scan(_webarchive(page.encode("cp1252"), encoding="windows-1252"), source="fire.webarchive")
    assert "Renée Núñez" in _creators(result)


def test_a_binary_plist_that_is_no_webarchive_is_refused():
    with pytest.raises(InputError) as refused:
        from_bytes(plistlib.dumps({"Name": "x"}, fmt=plistlib.FMT_BINARY), "prefs.plist")
    assert str(refused.value) == ("cannot scan prefs.plist: it looks like a property list (plist), not a Safari web "
                                  "archive, not an article (HTML or text)")


# -- ZIP: .docx and a Google Docs "Web page (zipped)"; PDF (newuser37b #8) ----------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_docx_is_refused_saying_what_it_is_and_what_to_do():
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    with pytest.raises(InputError) as refused:
        from_bytes(data, "story2.docx")
    assert str(refused.value) == (
        "cannot scan story2.docx: it looks like a Word document (.docx), not an article (HTML or text): in Word, save "
        "it as Web Page (.htm) or Plain Text (.txt), and scan that")


def test_a_zip_holding_one_web_page_is_read_as_that_page():
    """Google Docs' "Web page (.html, zipped)": the page and its images/ folder."""
    data = _zip({"FloodStory.html": PAGE.encode("utf-8"), "images/image1.png": b"\x89PNG\r\n\x1a\n" + bytes(40)})
    result = scan(data, source="FloodStory.zip")
    assert result.article.kind == "html"
    assert _creators(result) == ["Ann Lee", "Renée Núñez"]


@pytest.mark.parametrize(("members", "said"), [
    ({"a.html": b"<p>a</p>", "b.html": b"<p>b</p>"}, "a ZIP archive holding 2 web pages"),
    ({"notes.txt": b"x", "photo.jpg": b"\xff\xd8\xff"}, "a ZIP archive holding no web page"),
], ids=["two-pages", "no-page"])
def test_another_zip_is_refused_saying_to_unzip_it(members, said):
    with pytest.raises(InputError) as refused:
        from_bytes(_zip(members), "bundle.zip")
    assert str(refused.value) == (f"cannot scan bundle.zip: it looks like {said}, not an article (HTML or text): "
                                  f"unzip it and scan the files it holds")


def test_a_pdf_refusal_says_what_to_do():
    with pytest.raises(InputError) as refused:
        from_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)), "story2.pdf")
    assert str(refused.value) == (
        "cannot scan story2.pdf: it looks like a PDF document, not an article (HTML or text): scan the article's web "
        "page (its URL, or the page saved as HTML), or copy the PDF's text into a .txt file and scan that")


def test_the_refusals_exit_1_and_a_folder_walk_goes_on(run, tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "a.docx").write_bytes(_zip({"word/document.xml": b"<w:document/>"}))
    (folder / "b.mhtml").write_bytes((FIXTURES / "saved_page_chrome.mhtml").read_bytes())
    result = run("scan", "--json", str(folder / "a.docx"))
    assert result.exit_code == 1 and "a Word document (.docx)" in result.stderr
    result = run("scan", "--json", str(folder))
    assert result.exit_code == 0, result.output
    [line] = [json.loads(line) for line in result.stdout.splitlines()]
    assert line["source"] == str(folder / "b.mhtml") and line["kind"] == "html"
    assert "a Word document (.docx)" in result.stderr and "skipped" in result.stderr


# -- a browser's "Save page as… complete" folder (newuser37b #4) --------------------------------------------

def _saved_page(folder: Path, name: str = "Festival returns", assets: str = "_files") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_text(PAGE, encoding="utf-8")
    files = folder / f"{name}{assets}"
    files.mkdir()
    (files / "widgets.js").write_text("twttr.load('https://twitter.com/i/status/1111111111111111111');\n")
    (files / "embed.js").write_text("// https://www.tiktok.com/@someone/video/7000000000000000009\n")
    (files / "style.css").write_text("body{margin:0}\n")
    (files / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))


@pytest.mark.parametrize("assets", ["_files", "-Dateien", "_fichiers", "_archivos"])
def test_a_saved_pages_asset_folder_is_skipped_saying_so(run, tmp_path, assets):
    """Its widgets.js was an article with a "twitter post", embed.js one with a TikTok post, style.css one with
    none: all in the run's counts and the report's index."""
    _saved_page(tmp_path / "saved", assets=assets)
    result = run("scan", "--json", str(tmp_path / "saved"))
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["source"]).name for line in lines] == ["Festival returns.html"]
    assert "1111111111111111111" not in result.stdout and "tiktok" not in result.stdout
    said = [line for line in result.stderr.splitlines() if "not articles" in line]
    assert said == [f"warning: {tmp_path / 'saved'}: 4 files not read, not articles: the folder "
                    f"'Festival returns{assets}' (the files a browser saved with 'Festival returns.html'); skipped"]


def test_scripts_and_style_sheets_in_a_folder_are_skipped_saying_so(run, tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "story.txt").write_text("Road closed. (Photo: Jane Doe/Reuters)\n")
    (folder / "app.js").write_text("load('https://twitter.com/i/status/1111111111111111111')\n")
    (folder / "site.css").write_text("body{margin:0}\n")
    result = run("scan", "--json", str(folder))
    assert result.exit_code == 0, result.output
    assert [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()] == ["story.txt"]
    assert (f"warning: {folder}: 2 files not read, not articles: 1 script (.js); 1 style sheet (.css); skipped"
            in result.stderr)


def test_a_folder_named_files_with_no_page_beside_it_is_walked(run, tmp_path):
    folder = tmp_path / "d" / "case_files"
    folder.mkdir(parents=True)
    (folder / "story.txt").write_text("Road closed. (Photo: Jane Doe/Reuters)\n")
    result = run("scan", "--json", str(tmp_path / "d"))
    assert [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()] == ["story.txt"]


def test_a_script_named_on_the_command_line_is_still_read(tmp_path):
    (tmp_path / "notes.js").write_text("Road closed. (Photo: Jane Doe/Reuters)\n")
    assert from_path(tmp_path / "notes.js").kind == "text"


def test_a_folder_of_only_scripts_holds_no_article_and_says_why(run, tmp_path):
    """The line of what was left out is no folder "none of whose files --glob matched": that was what a folder of
    only scripts ended with, "(no file matches --glob)", no --glob given."""
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "a.js").write_text("load('https://twitter.com/i/status/1111111111111111111')\n")
    result = run("scan", str(folder))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {folder}: 1 file not read, not articles: 1 script (.js); skipped",
        f"error: no article in {folder} (1 file skipped)"]


# -- review38a: a ZIP's members are read in bounded memory ---------------------------------------------------------
ODT_BOMB_CHILD = """
import sys
from resolver.article import from_bytes
from resolver.errors import InputError

try:
    from_bytes(open(sys.argv[1], "rb").read(), "bomb.odt")
    result = "read"
except InputError as exc:
    result = str(exc)
"""


def test_review38a_a_zip_whose_mimetype_member_is_a_bomb_is_judged_in_bounded_memory(tmp_path):
    """The OpenDocument check read the whole `mimetype` member to look at its first bytes: a ZIP of 400 KB whose
    `mimetype` decompresses to 400 MB took 800 MB of memory (a 50 MB one, under the article limit, some 50 GB)."""
    from tests.memory import run_measured

    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as member:
            member.write(b"application/vnd.oasis.opendocument.text")
            zeros = bytes(1 << 20)
            for _ in range(400):
                member.write(zeros)
        archive.writestr("content.xml", b"<office:document-content/>")
    said, peak_kb = run_measured(ODT_BOMB_CHILD, str(path))
    assert said == ("cannot scan bomb.odt: it looks like an OpenDocument file (.odt), not an article (HTML or text): "
                    "save it as HTML or plain text (.txt), and scan that")
    assert peak_kb < 200 * 1024, f"peak RSS {peak_kb // 1024} MB"


def test_review38a_an_mhtml_pages_frames_are_read_at_the_addresses_they_were_saved_from():
    """Chrome saves each frame of the page as a part of its own and points the page's <iframe> at it by a `cid:`
    address (src="cid:frame-…@mhtml.blink"), the frame's own address kept in that part's Content-Location: a YouTube
    video or an Instagram post embedded in an iframe was scanned as no embed at all, exit 0. The page is read with
    each such address put back, and the note says so (its sha256 is that of the page so read)."""
    page = ("<!doctype html><html><body><article><p>The harbour master filmed it.</p>"
            "<iframe width='560' height='315' src=\"cid:frame-7C1E@mhtml.blink\" title='YouTube video player'>"
            "</iframe><p>Photo: Ann Lee/Millbrook Gazette</p></article></body></html>")
    frame = "<html><body><div id='player'>video</div></body></html>"
    data = (b'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://gazette.example/fire\r\nMIME-Version: 1.0\r\n'
            b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="B"\r\n\r\n'
            b"--B\r\nContent-Type: text/html\r\nContent-ID: <frame-A1@mhtml.blink>\r\n"
            b"Content-Location: https://gazette.example/fire\r\n\r\n" + page.encode() +
            b"\r\n--B\r\nContent-Type: text/html\r\nContent-ID: <frame-7C1E@mhtml.blink>\r\n"
            b"Content-Location: https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed&start=3\r\n\r\n"
            + frame.encode() + b"\r\n--B--\r\n")
    result = scan(data, source="fire.mhtml")
    assert [(embed.platform, embed.post_id) for embed in result.embeds] == [("youtube", "dQw4w9WgXcQ")]
    assert "cid:" not in result.article.text
    assert result.article.read_from == (
        "this file is an MHTML web archive: what was read is its HTML part, decoded, its 1 frame's cid: address put "
        "back as the address it was saved from; the sha256 is that page's, not the file's (the file's own: "
        f"{hashlib.sha256(data).hexdigest()})")


def test_review38a_a_webarchive_in_xml_form_is_read_as_its_main_resource():
    """`plutil -convert xml1 page.webarchive` (to read or diff it) keeps it a web archive Safari opens, its page base64
    inside <data>: it was scanned as text, the page unread, "0 embeds", exit 0."""
    data = plistlib.dumps({"WebMainResource": {"WebResourceData": PAGE.encode("utf-8"),
                                               "WebResourceMIMEType": "text/html",
                                               "WebResourceTextEncodingName": "UTF-8"}}, fmt=plistlib.FMT_XML)
    result = scan(data, source="fire.webarchive")
    assert result.article.kind == "html" and result.article.container == "a Safari web archive"
    assert [embed.post_id for embed in result.embeds if embed.post_id] == ["1610690000000000001"]
    other = plistlib.dumps({"CFBundleName": "Notes"}, fmt=plistlib.FMT_XML)   # a plist that is no web archive
    with pytest.raises(InputError) as refused:
        from_bytes(other, "Info.plist")
    assert "a property list (plist), not a Safari web archive" in str(refused.value)


def _nested_mime(depth: int, lines: int = 0) -> bytes:
    parts = [b'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b0"\n\n']
    parts += [b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i - 1, i) for i in range(1, depth)]
    parts.append(b"--b%d\nContent-Type: text/html\n\n<p>x</p>\n" % (depth - 1) + b"<p>line</p>\n" * lines)
    parts += [b"--b%d--\n" % i for i in range(depth - 1, -1, -1)]
    return b"".join(parts)


@pytest.mark.parametrize(("depth", "lines"), [(3000, 0), (200, 100_000)], ids=["past-recursion", "slow"])
def test_review38a_a_message_nested_hundreds_deep_is_refused_at_once(depth, lines):
    """Python's email parser checks each line against every boundary it is inside, and recurses a level per part:
    200 KB of parts nested 3,000 deep ended in "internal error: RecursionError" after 5 s, and 1.2 MB nested 200
    deep took 19 s (a 50 MB one, under the article limit, some 13 minutes). An MHTML file has one multipart
    section, an e-mail a few: one with more than MAX_MULTIPARTS is refused before it is parsed."""
    import time

    started = time.process_time()
    with pytest.raises(InputError) as refused:
        from_bytes(_nested_mime(depth, lines), "deep.mhtml")
    assert time.process_time() - started < 1.0
    assert str(refused.value) == (
        f"cannot scan deep.mhtml: it looks like a saved web page (MHTML) of {depth:,} multipart sections (more than "
        f"64), not an article (HTML or text): open it in a browser or a mail program and save the page as HTML")


# -- inputs38: what a walk left out is counted file by file ----------------------------------------------------------

def test_inputs38_a_walks_files_left_out_as_no_article_are_counted_each(run, tmp_path):
    """The run's last line said "1 skipped" for two saved pages' folders and a script, 9 files (fixnu37a): the one
    line saying what a folder left out stood for one input. Now it counts the files it says were not read, and "no
    article in FOLDER" says as many."""
    folder = tmp_path / "saved"
    _saved_page(folder, "One")
    _saved_page(folder, "Two")
    (folder / "app.js").write_text("load('https://twitter.com/i/status/1111111111111111111')\n")
    result = run("scan", str(folder))
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if "not articles" in line]
    assert warning.startswith(f"warning: {folder}: 9 files not read, not articles: ")
    [last] = [line for line in result.stderr.splitlines() if line.startswith("scanned ")]
    assert last.endswith("; 9 skipped"), last
    only = tmp_path / "code"
    only.mkdir()
    for name in ("a.js", "b.js", "c.css"):
        (only / name).write_text("x\n")
    result = run("scan", str(only))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"error: no article in {only} (3 files skipped)"


def test_inputs38_a_container_s_own_sha256_is_given_beside_the_pages(run, tmp_path):
    """A page read out of a container gave only the inner page's sha256 (fixnu37a): `sha256sum exhibit.mhtml` matched
    nothing in the output, and a court asks for the hash of the exhibit, the file the user gave. Now scan --json's
    warning has `container_sha256`, and its message (the scan's note, both reports' "Read from a container" line)
    names it; the article's own sha256 is still the page's."""
    import hashlib

    source = FIXTURES / "saved_page_chrome.mhtml"
    whole = hashlib.sha256(source.read_bytes()).hexdigest()
    result = run("scan", "--json", str(source))
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout)
    [warning] = [w for w in line["warnings"] if w["kind"] == "read-from-container"]
    assert warning["container_sha256"] == whole
    assert warning["message"].endswith(f"the sha256 is that page's, not the file's (the file's own: {whole})")
    assert line["sha256"] != whole
    assert f"the file's own: {whole})" in run("scan", str(source)).output
    markdown, html = tmp_path / "r.md", tmp_path / "r.html"
    assert run("report", "--offline", "-o", str(markdown), str(source)).exit_code == 0
    assert f"(the file's own: {whole})" in markdown.read_text()
    assert run("report", "--offline", "--format", "html", "-o", str(html), str(source)).exit_code == 0
    assert f"(the file&#x27;s own: {whole})" in html.read_text()
    zipped = tmp_path / "page.zip"
    zipped.write_bytes(_zip({"index.html": PAGE.encode()}))
    assert scan_file(zipped).to_json()["warnings"][-1]["container_sha256"] == hashlib.sha256(
        zipped.read_bytes()).hexdigest()


def test_inputs38_a_container_pages_json_report_meets_the_schema(run, tmp_path):
    """The JSON report's warning of a page read from a container was no kind the schema allows (fixnu37a)."""
    import jsonschema

    schema = json.loads((Path(__file__).parent.parent / "schema" / "report.schema.json").read_text())
    out = tmp_path / "r.json"
    assert run("report", "--offline", "--format", "json", "-o", str(out),
               str(FIXTURES / "saved_page_chrome.mhtml")).exit_code == 0
    jsonschema.validate(json.loads(out.read_text()), schema)


def test_inputs38_fetch_counts_each_file_a_walk_left_out_too(run, tmp_path):
    """`fetch FOLDER` of three scripts said "(1 file skipped)": its own count of the lines said, not the files."""
    only = tmp_path / "code"
    only.mkdir()
    for name in ("a.js", "b.js", "c.css"):
        (only / name).write_text("x\n")
    result = run("fetch", "--offline", str(only))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == f"error: no article in {only} (3 files skipped)"


def test_review39b_a_container_inside_a_warc_record_is_not_called_the_file(run, tmp_path):
    """A WARC record whose payload is a zipped page (a crawl of a .zip): the note said "this file is a ZIP archive …
    (the file's own: HASH)", HASH the record payload's, which `sha256sum crawl.warc.gz` never gives: a hash named as
    the exhibit's that is not (review39b). It names the record's payload now; a file given is still the file."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    payload = _zip({"index.html": PAGE.encode()})
    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")   # as served
        writer.write_record(writer.create_warc_record("https://gazette.example/fire.zip", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
    result = run("scan", "--json", "--warc-input", str(warc))
    assert result.exit_code == 0, result.output
    [warning] = [w for w in json.loads(result.stdout)["warnings"] if w["kind"] == "read-from-container"]
    inner = hashlib.sha256(payload).hexdigest()
    assert warning["container_sha256"] == inner != hashlib.sha256(warc.read_bytes()).hexdigest()
    assert "the file" not in warning["message"] and "this file" not in warning["message"], warning["message"]
    assert warning["message"].endswith(f"not the payload's (the WARC record's payload's own: {inner})")
