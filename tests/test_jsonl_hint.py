"""`scan --jsonl out.jsonl page.html`, a user taking --jsonl for the output format, where out.jsonl does not exist:
the error says --jsonl reads JSON Lines input and what writes JSON (newuser38b #7: "cannot read out.jsonl: no such
file" sent the user to the README)."""

from click.testing import CliRunner

from resolver.cli import cli
from resolver.inputs import InputSpec, iter_items

HINT = "(--jsonl reads JSON Lines input, one article a line; --json writes JSON)"


def test_a_missing_jsonl_file_says_jsonl_reads_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text("<html><body><p>The council met.</p></body></html>")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", "--jsonl", "out.jsonl",
                                      "page.html"])
    assert result.exit_code == 1
    assert f"error: cannot read out.jsonl: no such file {HINT}" in result.stderr.splitlines()


def test_the_library_says_it_too():
    [item] = list(iter_items(InputSpec(jsonl=("/nonexistent-fixnu38b/out.jsonl",))))
    assert item.problem == f"cannot read /nonexistent-fixnu38b/out.jsonl: no such file {HINT}"


def test_a_missing_source_file_has_no_such_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", "nosuch.html"])
    assert result.exit_code == 1 and "--jsonl" not in result.stderr
