"""What a first-time user pastes or types as a name (newuser37b #6, #7, #10): a URL copied with the curly quotes of a
word processor or a chat, a URL broken over two lines, a path dragged in with its quotes, a "~" the shell did not
expand, a trailing space, a path with a space left unquoted. Each is read as meant, or refused with a hint that
names the mistake, never the generic "a URL needs http:// or https://" and never a fetch of another URL."""

import json

import pytest

from cache import Store
from resolver.errors import InputError
from resolver.targets import classify
from tests.cliworld import lines
from tests.fakenet import page, redirect
from tests.test_cli_targets import POST, STORY_HTML, world  # noqa: F401 - the fixture

STORY = "https://news.example/riverton-flood"


@pytest.mark.parametrize("name", [f"“{STORY}”", f"{STORY}”", f"{STORY}’", f"«{STORY}»", f"‘{STORY}’",
                                  f"„{STORY}“", f"  {STORY}” "],
                         ids=["curly-pair", "trailing-double", "trailing-single", "guillemets", "single-pair",
                              "german", "spaces-too"])
def test_typographic_quotes_around_a_url_are_left_out_and_said(world, fakenet, name):
    fakenet.route("news.example", "/riverton-flood", page(STORY_HTML))
    result = world("scan", "--json", name)
    assert result.exit_code == 0, result.output
    assert lines(result.stderr) == [f"warning: {name.strip()} read as {STORY} (the quote marks around it left out)"]
    assert json.loads(result.stdout)["source"] == STORY
    assert {path for host, path in fakenet.hits if host == "news.example"} == {"/riverton-flood"}
    assert not any("%E2" in path or "%C2" in path for _, path in fakenet.hits)


def test_a_trailing_curly_quote_on_a_link_to_resolve_is_never_fetched(world, fakenet):
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect(POST))
    result = world("resolve", "--json", "https://t.co/Zz98Yy76Xx”")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["canonical_url"] == POST
    assert ("t.co", "/Zz98Yy76Xx") in fakenet.hits
    assert not any("%E2" in path for _, path in fakenet.hits)


def test_a_file_whose_name_has_curly_quotes_is_still_that_file(world, tmp_path):
    (tmp_path / "“quoted”.html").write_text(STORY_HTML)
    result = world("scan", "--json", "“quoted”.html")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


@pytest.mark.parametrize("name", [f"{STORY}”", f"“{STORY}”", f"{STORY}»"])
def test_the_library_refuses_a_url_still_in_curly_quotes(name):
    """A library caller gets no silent fix: an error naming the quote, not a URL with %E2%80%9D fetched."""
    with pytest.raises(InputError) as caught:
        classify(name)
    assert "quote mark" in str(caught.value) and "remove" in str(caught.value)
    from resolver.targets import pasted

    assert pasted(name) == STORY


@pytest.mark.parametrize(("name", "said"), [
    ("https://news.example/riverton flood",
     "error: cannot read https://news.example/riverton flood: this URL looks broken: it has a space inside "
     "(copy the link again, whole)"),
    ("https://news.example/riverton-\nflood",
     "error: cannot read https://news.example/riverton-\\nflood: this URL looks broken: it has a line break inside "
     "(copy the link again, whole)"),
], ids=["space", "newline"])
@pytest.mark.parametrize("command", ["scan", "resolve", "fetch"])
def test_a_url_with_a_space_or_line_break_inside_is_one_plain_error(world, fakenet, command, name, said):
    result = world(command, name)
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == [said]
    assert "non-printable" not in result.output and "ASCII" not in result.output
    assert fakenet.hits == []
    assert Store(world.db).count("fetches") == 0


def test_a_path_with_quote_marks_around_it_is_named_as_such(world, tmp_path):
    folder = tmp_path / "My Stories"
    folder.mkdir()
    (folder / "story2.txt").write_text("A story.\n")
    name = f"'{folder / 'story2.txt'}'"
    result = world("scan", name)
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == [f"error: cannot read {name}: no such file: the name has quote marks ' around it "
                                    f"(a file {folder / 'story2.txt'} exists: remove the quote marks)"]


def test_a_tilde_the_shell_did_not_expand_is_named(world, tmp_path):
    (tmp_path / "story1.html").write_text(STORY_HTML)
    result = world("scan", "~/story1.html", env={"HOME": str(tmp_path)})
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == [
        "error: cannot read ~/story1.html: no such file: ~ means your home folder only outside quotes "
        f"(a file {tmp_path / 'story1.html'} exists: write ~/ outside the quotes, or the full path)"]


def test_a_trailing_space_is_named(world, tmp_path):
    (tmp_path / "story1.html").write_text(STORY_HTML)
    result = world("scan", "story1.html ")
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == ["error: cannot read 'story1.html ': no such file: the name ends in a space "
                                    "(a file story1.html exists)"]


def test_backslashes_inside_quotes_are_named(world, tmp_path):
    (tmp_path / "My Stories").mkdir()
    (tmp_path / "My Stories" / "story2.txt").write_text("A story.\n")
    result = world("scan", r"My\ Stories/story2.txt")
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == [r"error: cannot read My\ Stories/story2.txt: no such file: inside quotes, a "
                                    "space or a bracket needs no backslash (a file My Stories/story2.txt exists)"]
    (tmp_path / "My Stories" / "story2 (from CMS).txt").write_text("A story.\n")
    result = world("scan", r"My\ Stories/story2\ \(from\ CMS\).txt")
    assert lines(result.stderr)[0].endswith("(a file My Stories/story2 (from CMS).txt exists)"), result.stderr


def test_a_path_with_a_space_split_in_two_says_it_needs_quotes(world, tmp_path):
    (tmp_path / "My Stories").mkdir()
    (tmp_path / "My Stories" / "story2 (from CMS).txt").write_text("A story.\n")
    result = world("scan", "My", "Stories/story2")
    assert result.exit_code == 1, result.output
    hint = "a path with spaces needs quotes: \"My Stories/...\""
    assert [line for line in lines(result.stderr) if line.startswith("error:")] == [f"error: cannot read My: no such file ({hint})",
                                    f"error: cannot read Stories/story2: no such file ({hint})"]


def test_a_plain_missing_name_keeps_the_url_hint(world):
    result = world("scan", "nosuch.html")
    assert lines(result.stderr) == ["error: cannot read nosuch.html: no such file (a URL needs http:// or https://)"]


@pytest.mark.parametrize(("given", "starts"), [("markdown", "# "), ("md", "# "), ("json", "{"), ("html", "<!DOCTYPE"),
                                                ("HTML", "<!DOCTYPE"), ("Markdown", "# ")])
def test_report_format_takes_its_long_names(world, tmp_path, given, starts):
    (tmp_path / "story1.html").write_text(STORY_HTML)
    result = world("report", "--offline", "--format", given, "story1.html")
    assert result.exit_code in (0, 3), result.output
    assert result.stdout.lstrip().startswith(starts), result.stdout[:200]


def test_report_help_lists_the_format_names(world):
    result = world("report", "--help")
    assert "[md|markdown|json|html]" in " ".join(result.output.split()), result.output


@pytest.mark.parametrize("command", ["scan", "report", "fetch"])
def test_a_mistyped_option_suggests_only_close_matches(world, command):
    """`--ofline` was answered "Did you mean one of: '--engine', '--offline'?": --engine is no likely meaning."""
    result = world(command, "--ofline", "story.html")
    assert result.exit_code == 2
    assert lines(result.stderr)[-1] == "error: No such option '--ofline'. Did you mean '--offline'?"


@pytest.mark.parametrize(("typo", "said"), [
    ("--josn", "Did you mean '--json'?"),
    ("--resolv", "Did you mean '--resolve'?"),
    ("--jsn", "(Did you mean one of: '--json', '--jsonl'?)"),   # both as close
    ("--fetchh", "Did you mean '--fetch'?"),
])
def test_a_mistyped_option_keeps_its_close_match(world, typo, said):
    result = world("scan", typo, "story.html")
    assert result.exit_code == 2
    assert lines(result.stderr)[-1] == f"error: No such option '{typo}'. {said}"


# -- inputs38 -------------------------------------------------------------------------------------------------------

def test_inputs38_links_on_stdin_in_curly_quotes_are_repaired_as_an_arguments_are(world, fakenet):
    """`resolve -` read “https://t.co/…” from a pasted list as a bad line ("a URL needs http:// or https://") and a
    link ending in ” was fetched with %E2%80%9D on its path (fixnu37c): each line gets the argument's repair and its
    notice, the line's number named."""
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect(POST))
    fakenet.route("t.co", "/Aa11Bb22Cc", redirect(POST))
    result = world("resolve", "--json", "-", input="“https://t.co/Zz98Yy76Xx”\nhttps://t.co/Aa11Bb22Cc’\n")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["canonical_url"] for line in result.stdout.splitlines()] == [POST, POST]
    assert lines(result.stderr) == [
        "warning: -:1: “https://t.co/Zz98Yy76Xx” read as https://t.co/Zz98Yy76Xx (the quote marks around it left out)",
        "warning: -:2: https://t.co/Aa11Bb22Cc’ read as https://t.co/Aa11Bb22Cc (the quote marks around it left out)"]
    assert {("t.co", "/Zz98Yy76Xx"), ("t.co", "/Aa11Bb22Cc")} <= set(fakenet.hits)
    assert not any("%E2" in path for _, path in fakenet.hits)


def test_inputs38_report_dash_o_dash_is_stdout(world, tmp_path):
    """`report -o - story.html` wrote a file named "-" (as `scan -o -` did before newuser35c #4)."""
    (tmp_path / "story1.html").write_text(STORY_HTML)
    result = world("report", "--offline", "-o", "-", "story1.html")
    assert result.exit_code in (0, 3), result.output
    assert result.stdout.startswith("# "), result.stdout[:200]
    assert not (tmp_path / "-").exists()
    (tmp_path / "story2.html").write_text(STORY_HTML.replace("Riverton", "Millbrook"))
    several = world("report", "--offline", "-o", "-", "story1.html", "story2.html")
    assert several.exit_code == 2, several.output
    assert "-o -" in several.stderr and "one article" in several.stderr
    assert not (tmp_path / "-").exists()


def test_inputs38_cache_metadata_dash_o_dash_is_stdout(world, tmp_path):
    """`cache metadata -o -` wrote a file named "-"."""
    (tmp_path / "story1.html").write_text(STORY_HTML)
    assert world("scan", "story1.html").exit_code == 0
    result = world("cache", "metadata", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "tables" in json.loads(result.stdout)["databases"]["c"]
    assert not (tmp_path / "-").exists()
