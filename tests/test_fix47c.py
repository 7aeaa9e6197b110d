"""fix47c: the CLI as a new user meets it (#13): a file option given a folder's name, the tool's own outputs in the
folder it scans, links inside redirect wrappers, wrapper tokens kept out of every output, a same-bytes copy deleted
since. Fixtures fictional; loopback only."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from resolver.cli import cli


def page(n: int) -> str:
    return (f'<html><body><p>Story {n}, long enough to be read as an article.</p><blockquote class="twitter-tweet"><p>'
            f'Words {n}</p>&mdash; Reporter (@reporter{n}) <a href="https://twitter.com/reporter{n}/status/'
            f'{1600000000000000000 + n}">December 6, 2022</a></blockquote></body></html>')


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# 1. A file option named with a trailing "/" ("outdir/", a folder that does not exist yet) was written as a file named
# "outdir": `--summary-json outdir/` exited 0 and left a file where the user meant a folder (so did -o, --db, --warc).
@pytest.mark.parametrize("option", ["--summary-json", "-o", "--db"])
def test_a_file_option_named_as_a_folder_is_refused(tmp_path, option):
    story = tmp_path / "story.html"
    story.write_text(page(1))
    folder = str(tmp_path / "outdir") + "/"
    args = ["--db", str(tmp_path / "c.db"), "scan", "--json", option, folder, str(story)]
    if option == "--db":
        args = ["--db", folder, "scan", "--json", str(story)]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "outdir/" in result.stderr and "a folder's name" in result.stderr, result.stderr
    assert not (tmp_path / "outdir").exists()


def test_a_summary_json_naming_a_folder_that_exists_is_refused(tmp_path):
    story = tmp_path / "story.html"
    story.write_text(page(1))
    (tmp_path / "outdir").mkdir()
    result = run("--db", str(tmp_path / "c.db"), "scan", "--json", "--summary-json", str(tmp_path / "outdir"),
                 str(story))
    assert result.exit_code == 2, result.output
    assert "is a directory" in result.stderr, result.stderr
    assert list((tmp_path / "outdir").iterdir()) == []
