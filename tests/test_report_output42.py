"""`report -o out/one.md FOLDER`: newuser42a #13. Several articles' reports go into a folder, as -o's help says; a
name ending like a report file (.md, .json, .html) made a folder of that name, and said "wrote 20 reports and an
index to out/one.md". Now a usage error (exit 2) that says where several reports go; a folder of that name that
exists already is used, as before. No network: the error comes before any step."""

import pytest
from click.testing import CliRunner

from resolver.cli import cli


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.html", "b.html"):
        (folder / name).write_text("<html><body><p>The harbour at dawn. Photo: Ann Lee/AP</p></body></html>")
    return folder


@pytest.mark.parametrize("name", ["one.md", "one.JSON", "one.html"])
def test_a_file_name_for_several_reports_is_a_usage_error(articles, tmp_path, name):
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "-o", str(out / name),
                                      str(articles)])
    assert result.exit_code == 2, result.output
    assert (f"-o {out / name} names a file, but several articles give several reports, which go into a folder "
            f"with an index: give -o a folder (e.g. -o {out})") in " ".join(result.output.split()), result.output
    assert not (out / name).exists()


def test_a_folder_that_exists_is_used_whatever_its_name(articles, tmp_path):
    out = tmp_path / "reports.md"
    out.mkdir()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "-o", str(out),
                                      str(articles)])
    assert result.exit_code == 0, result.output
    assert (out / "index.md").exists()
