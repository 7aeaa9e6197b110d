"""`scan --fetch` holds each credit against the file of its image by the report's rule (`provenance.credit_checks`,
one code path), and flags a disagreement: newuser42a #10. It printed `credited image …alder_reuters.jpg … credit:
… credit_line: REUTERS` above the table row `Tom Alder/AP` with no mark, only `report` failing it; and `--fetch`'s
help spoke of posts alone. Every request goes to the loopback server (tests/fakenet.py)."""

import json

import pytest

from tests import xfixtures as fx
from tests.cliworld import World, lines
from tests.fakenet import page
from tests.waybacknet import serve

PAGE = ('<html><body><article><p>A fire broke out at the harbour on Sunday night, and crews fought it for hours, '
        'officials said on Monday.</p>'
        '<figure><img src="https://news.example/img/alder.jpg"><figcaption>The harbour. Tom Alder/AP</figcaption>'
        '</figure><figure><img src="https://news.example/img/doe.jpg"><figcaption>The bay. Jane Doe/AP</figcaption>'
        '</figure><figure><img src="/img/rel.jpg"><figcaption>The quay. Ann Lee/AP</figcaption></figure>'
        '</article></body></html>')


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fakenet.route("news.example", "/img/alder.jpg", page(fx.jpeg(iptc={(2, 80): b"Tom Alder", (2, 110): b"REUTERS"}),
                                                         content_type="image/jpeg"))
    fakenet.route("news.example", "/img/doe.jpg", page(fx.jpeg(iptc={(2, 80): b"Jane Doe", (2, 110): b"AP"}),
                                                       content_type="image/jpeg"))
    serve(fakenet, [])
    return World(fakenet, tmp_path)


def test_scan_fetch_flags_a_file_credit_that_contradicts_the_page_as_the_report_does(world, tmp_path):
    source = tmp_path / "story.html"
    source.write_text(PAGE)
    report = json.loads(world("report", "--format", "json", str(source)).stdout)
    [failed] = [(n, c) for n, credit in enumerate(report["credits"], 1) for c in credit["checks"]
                if c["name"] == "image-metadata" and c["result"] == "fail"]
    result = world("scan", "--fetch", str(source), env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    said = [line for line in lines(result.stdout) if "image-metadata" in line]
    number, check = failed
    assert said == [
        f"  credit {number} (Tom Alder/AP): ❌ fail image-metadata: {check['evidence']}",
        "  credit 3 (Ann Lee/AP): ➖ skip image-metadata: its address /img/rel.jpg is relative, and the article's own "
        "URL is not known: the image could not be checked; give the article's URL rather than a file to check it",
    ], result.stdout


def test_fetch_help_says_it_reads_credited_images(world):
    helped = " ".join(world("scan", "--help").output.split())
    assert "credited image" in helped and "IPTC/EXIF/XMP" in helped, helped
