"""A saved page gzipped (`story.html.gz`: a newsroom's archive, a crawler's dump) is read as the page it holds, as a
zipped page is, its sha256 the page's and the note saying the gzip file's own; a gzip bomb is refused in bounded
memory (newuser39b #4: 1,000 of 100,100 files were skipped, "it looks like gzip data, not an article", exit 0)."""

import gzip
import hashlib
import json

from click.testing import CliRunner

from resolver.article import from_bytes, from_path

PAGE = ("<html><head><meta charset='utf-8'></head><body><article><p>The café reopened.</p>"
        '<blockquote class="twitter-tweet"><p>Bridge reopened this morning.</p>&mdash; Riverton Roads '
        '(@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022'
        "</a></blockquote><figure><img src='https://news.example/img/h.jpg'><figcaption>The harbour. (Photo: Bea "
        "Example/Riverton Post)</figcaption></figure></article></body></html>").encode()


def test_a_gzipped_page_is_read_as_its_page_and_says_the_files_own_sha256(tmp_path):
    path = tmp_path / "story.html.gz"
    path.write_bytes(gzip.compress(PAGE))
    article = from_path(path)
    assert article.data == PAGE and article.kind == "html" and "café" in article.text
    assert article.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert article.container_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.read_from.startswith("this file is a gzip file: what was read is the page it holds, gunzipped")
    assert article.read_from.endswith(f"(the file's own: {article.container_sha256})")


def test_scan_of_a_folder_reads_the_gzipped_page(tmp_path, monkeypatch):
    from resolver.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.html.gz").write_bytes(gzip.compress(PAGE))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", "--json", "in"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout)
    assert [e["post_id"] for e in line["embeds"]] == ["1600000000000000001"] and len(line["credits"]) == 1
    [note] = [w for w in line["warnings"] if w["kind"] == "read-from-container"]
    assert note["container"] == "a gzip file"
    assert "skipped" not in result.stderr


def test_a_gzipped_text_file_is_read_as_text(tmp_path):
    text = "Bridge reopened. https://twitter.com/RivertonRoads/status/1600000000000000001\n".encode()
    article = from_bytes(gzip.compress(text), "story.txt.gz")
    assert article.kind == "text" and article.data == text


def test_a_damaged_or_cut_gzip_file_is_refused_saying_what_to_do():
    whole = gzip.compress(PAGE)
    for data in (whole[: len(whole) // 2], b"\x1f\x8b\x08\x00not really gzip at all"):
        try:
            from_bytes(data, "story.html.gz")
        except Exception as exc:   # an InputError, one line
            assert "a gzip file that cannot be read" in str(exc) and "gunzip" in str(exc), str(exc)
        else:
            raise AssertionError("read a damaged gzip file")


def test_a_gzipped_warc_is_still_sent_to_warc_input(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n"))
    try:
        from_path(path)
    except Exception as exc:
        assert "--warc-input" in str(exc)
    else:
        raise AssertionError("read a WARC file as an article")


BOMB_CHILD = """
import sys
from resolver.article import from_bytes
from resolver.errors import InputError

try:
    from_bytes(open(sys.argv[1], "rb").read(), "bomb.html.gz")
    result = "read"
except InputError as exc:
    result = str(exc)
"""


def test_a_gzip_bomb_is_refused_in_bounded_memory(tmp_path):
    """400 KB that gunzips to 400 MB: refused at the article limit, never held whole."""
    import zlib

    from tests.memory import run_measured

    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(b"".join(compressor.compress(zeros) for _ in range(400)) + compressor.flush())
    said, peak_kb = run_measured(BOMB_CHILD, str(path))
    assert said.startswith("cannot scan bomb.html.gz: it looks like a gzip file whose page is past the 50,000,000-byte"
                           " limit"), said
    assert peak_kb < 200 * 1024, f"peak RSS {peak_kb // 1024} MB"


def test_gzipped_json_lines_is_still_sent_to_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"url": "https://news.example/a", "html": "<p>x</p>"}\n'))
    try:
        from_path(path)
    except Exception as exc:
        assert "--jsonl" in str(exc), str(exc)
    else:
        raise AssertionError("read a JSON Lines file as an article")
