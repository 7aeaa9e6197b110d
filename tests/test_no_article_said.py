"""A run whose named targets gave no article, and what says so (newuser34b #3, #4, #5; #11, #13): a JSON line where
the articles' lines go, messages that count what they name, and skipped files told apart in the Python API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ARTICLE = ('<html><body><p>The harbour council met.</p><blockquote class="twitter-tweet"><p>Harbour news</p>'
           '&mdash; Desk (@harbour_desk) <a href="https://twitter.com/harbour_desk/status/1500000000000000001">'
           'March 1, 2023</a></blockquote></body></html>')


def scan(tmp_path: Path, *args: str, input: bytes | None = None) -> Result:
    from resolver.cli import cli

    return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", *args], input=input)


@pytest.fixture
def targets(tmp_path: Path) -> Path:
    (tmp_path / "onlybin").mkdir()
    (tmp_path / "onlybin" / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4)
    (tmp_path / "onlybin" / "empty.html").write_bytes(b"")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.html").write_text(ARTICLE)
    return tmp_path


@pytest.mark.parametrize("args, stdin, source", [
    (("onlybin",), None, "onlybin"),
    (("empty.html",), None, "empty.html"),
    (("-",), b"", "-"),
    (("--glob", "*.txt", "desk"), None, "desk"),
], ids=["folder-of-skipped-files", "named-empty-file", "empty-stdin", "glob-matching-nothing"])
def test_a_named_target_with_no_article_gets_its_json_line(targets: Path, monkeypatch, args, stdin, source) -> None:
    monkeypatch.chdir(targets)
    result = scan(targets, "--json", *args, input=stdin)
    assert result.exit_code == 1
    [line] = [json.loads(line) for line in result.stdout.splitlines()]
    assert line["source"] == source and line["error"].startswith(f"input: no article in {source}") \
        or line["error"].startswith(f"input: no article from {source}")
    assert line["error"] == "input: " + result.stderr.splitlines()[-1].removeprefix("error: ")


def test_the_json_line_goes_to_the_output_file_too(targets: Path, monkeypatch) -> None:
    monkeypatch.chdir(targets)
    result = scan(targets, "--json", "-o", str(targets / "out.jsonl"), "onlybin")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((targets / "out.jsonl").read_text())["source"] == "onlybin"


def test_no_article_messages_count_what_they_name(targets: Path, monkeypatch) -> None:
    monkeypatch.chdir(targets)
    assert scan(targets, "onlybin").stderr.splitlines()[-1] == "error: no article in onlybin (2 files skipped)"
    # a file: "from", and its skip said on the line above (was "no article in empty.html (1 file skipped)")
    assert scan(targets, "empty.html").stderr.splitlines()[-1] == "error: no article from empty.html (skipped)"
    # the folder whose files --glob left out is no file skipped (was "(1 file skipped)")
    assert scan(targets, "--glob", "*.txt", "desk").stderr.splitlines()[-1] == \
        "error: no article in desk (no file matches --glob)"


def test_archive_summary_says_one_credit(tmp_path: Path) -> None:
    from resolver.cli import _summary_line
    from resolver.pipeline import Summary

    line = _summary_line("archive", Summary(articles=1, embeds=1, credits=1), 1.0)
    assert line.startswith("archived 1 article in 1.0 s (1.0/s): 1 embed, 1 credit")


def test_api_scan_of_bytes_names_no_stdin() -> None:
    from resolver.errors import InputError
    from resolver.pipeline import scan

    with pytest.raises(InputError, match=r"^cannot scan <bytes>: "):
        scan(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError, match=r"^cannot scan feed-item-7: "):
        scan(b"\x00\x01\x02" * 100, source="feed-item-7")
    assert scan(ARTICLE).article.source == "<bytes>"


def test_api_skipped_files_are_told_apart_from_failures(targets: Path) -> None:
    from resolver import pipeline, session, settings
    from resolver.inputs import InputSpec, iter_items

    outcomes: list = []
    run = session.Session(settings.load_settings(env={}), mode=session.Mode(offline=True))
    pipeline.run(iter_items(InputSpec(files=(str(targets / "onlybin"), str(targets / "desk"),
                                             str(targets / "missing.html")))), session=run, emit=outcomes.append)
    got = sorted((Path(o.to_json()["source"]).name, o.skipped, o.to_json().get("skipped")) for o in outcomes)
    assert got == [("empty.html", True, True), ("missing.html", False, None), ("scan.pdf", True, True),
                   ("story.html", False, None)]
    # README's pipeline.run example prints what `scan --json` prints: no line for a skipped file
    printed = [json.dumps(o.to_json()) for o in outcomes if not o.skipped]
    assert len(printed) == 2
