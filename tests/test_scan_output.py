"""A scan's table output in a pipe is laid out without rich (#14), exactly as rich lays it out (#11: borderless
columns, never wrapped); on a terminal rich draws it, and page text is never read as console markup."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from resolver.article import from_bytes
from resolver.model import Credit, Embed
from resolver.pipeline import ArticleResult
from resolver.report import scan_plain, scan_tables

TWEET = Embed(platform="twitter", kind="post", url="https://twitter.com/riverton/status/1600000000000000001",
              detector="html-blockquote", span=(10, 200), post_id="1600000000000000001", author_handle="riverton",
              author_name="Riverton Roads", date="2022-12-06", text="The bridge reopened this morning",
              media_links=("https://pic.twitter.com/abc",))
VIDEO = Embed(platform="youtube", kind="video", url="https://www.youtube.com/watch?v=abcdefghijk",
              detector="html-iframe", span=(300, 380))
CREDIT = Credit(raw="(Photo: Ann Lee/Agency Press)", source="caption", span=(5, 33), creator="Ann Lee",
                organization="Agency Press", image="https://img.news.example/very/long/path/to/the/photo.jpg")


def result(embeds: tuple[Embed, ...], credits: tuple[Credit, ...], source: str = "story.html") -> ArticleResult:
    return ArticleResult(from_bytes(b"<p>a page</p>", source), embeds, credits)


def with_rich(found: ArticleResult) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=100_000, soft_wrap=True, highlight=False, force_terminal=False)
    for renderable in scan_tables(found, plain=True):
        console.print(renderable)
    return out.getvalue().splitlines()


CASES = {
    "embeds-and-credits": result((TWEET, VIDEO), (CREDIT, Credit("© Agency", "attribute", (40, 48)))),
    "nothing": result((), ()),
    "credits-only": result((), (CREDIT,)),
    "wide-and-accented": result((Embed("twitter", "post", "https://twitter.com/a/status/2", "text-signature", (0, 9),
                                       author_name="Zoë 中文名 👍🏽 👨\u200d👩\u200d👧", author_handle="a",
                                       text="Ça va? 東京 [2 media] e\u0301 ❤\ufe0f 🇫🇷",
                                       date_text="May 1"),), (), source="dossier/été.html"),
    "markup-in-page-text": result((Embed("twitter", "post", "https://twitter.com/b/status/3", "html-blockquote",
                                         (0, 9), text="[bold]not bold[/] and [/] [link=x]y[/link]",
                                         author_name="[red]Name"),), (Credit("[/] (Photo: X)", "text", (1, 5)),)),
    "control-characters": result((Embed("twitter", "post", "https://twitter.com/c/status/4?s=1\n2\x1b[31m",
                                        "html-link", (0, 9), author_name="Ann\rLee\x07", author_handle="c\u2028d"),),
                                 (Credit("(Photo: Ann\x1b[2J Lee)", "text", (1, 5), creator="Ann\x85Lee"),),
                                 source="in/story\n\x1b[31m.html"),
}


@pytest.mark.parametrize("found", CASES.values(), ids=CASES.keys())
def test_plain_output_is_what_rich_prints_into_a_pipe(found: ArticleResult) -> None:
    assert list(scan_plain(found)) == with_rich(found)


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_a_value_holding_control_characters_is_printed_escaped_on_its_line(terminal: bool) -> None:
    """A source, URL or name holding a line break was printed on two lines (the URL's second half alone, read as
    another row), and an ESC went to the terminal as it is, colouring or clearing it (#2): each is escaped."""
    found = CASES["control-characters"]
    if terminal:
        out = io.StringIO()
        console = Console(file=out, width=300, force_terminal=True, color_system=None)
        for renderable in scan_tables(found):
            console.print(renderable)
        printed = out.getvalue()
    else:
        printed = "\n".join(scan_plain(found))
    assert not any(c in printed for c in "\x1b\x07\r\x85\u2028")
    assert "in/story\\n\\x1b[31m.html  html" in printed
    assert "https://twitter.com/c/status/4?s=1\\n2\\x1b[31m" in printed
    assert "Ann\\rLee\\x07" in printed and "@c\\u2028d" in printed
    assert "(Photo: Ann\\x1b[2J Lee)" in printed and "Ann\\x85Lee" in printed


def test_page_text_that_looks_like_markup_is_printed_as_written_on_a_terminal() -> None:
    out = io.StringIO()
    console = Console(file=out, width=200, force_terminal=True, color_system=None)
    for renderable in scan_tables(CASES["markup-in-page-text"]):
        console.print(renderable)
    assert "[bold]not bold[/] and [/]" in out.getvalue() and "[red]Name" in out.getvalue()


def test_a_json_line_is_json_dumps_of_the_result_with_control_characters_escaped(capsys) -> None:
    """`scan --json` prints each result with one encoder made once, not looking for cycles, and without click's
    search for ANSI codes (#13): the line is `json.dumps(..., ensure_ascii=False)`, and an ESC in page text comes
    out escaped, never as a raw control character (so there is nothing to strip)."""
    import json
    from dataclasses import replace

    from resolver.cli import _emit

    tweet = replace(TWEET, text="red \x1b[31mALERT\x1b[0m — café ✓", author_name="Ann\tLee")
    found = result((tweet, VIDEO), (CREDIT,))
    _emit(found, as_json=True)
    line = capsys.readouterr().out
    assert line == json.dumps(found.to_json(), ensure_ascii=False) + "\n"
    assert "\x1b" not in line and "\\u001b[31mALERT" in line and "café ✓" in line


def test_a_json_line_is_one_line_for_every_reader_whatever_the_page_holds(capsys) -> None:
    """U+2028, U+2029 and U+0085 are valid raw in JSON, but `str.splitlines()` (and JavaScript before ES2019) cut a
    line at them: a post's text holding one split its article's JSON line in two. They come out escaped."""
    import json
    from dataclasses import replace

    from resolver.cli import _emit

    tweet = replace(TWEET, text="one\u2028two\u2029three\x85four — café")
    found = result((tweet,), ())
    _emit(found, as_json=True)
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1 and "\\u2028" in out and "\\u0085" in out and "café" in out
    assert json.loads(out) == json.loads(json.dumps(found.to_json(), ensure_ascii=False))


@pytest.mark.parametrize(("text", "shown"), [
    ("evil\u202egnp.exe", "evil\\u202egnp.exe"), ("a\u202ab\u202cc", "a\\u202ab\\u202cc"),
    ("\u2066@handle\u2069", "\\u2066@handle\\u2069"), ("שלום\u200fעולם", "שלום\u200fעולם"),
    ("a\u200db", "a\u200db"), ("a\nb\x1b", "a\\nb\\x1b"),
], ids=["override", "embedding", "isolate", "mark-kept", "joiner-kept", "controls"])
def test_odds28_a_bidi_override_is_shown_escaped(text: str, shown: str) -> None:
    """A bidi override, embedding or isolate (U+202A-U+202E, U+2066-U+2069) reorders what follows it on the line:
    "evil\\u202egnp.exe" read as "evilexe.png". It is shown escaped, as the other controls are (#2); the marks and
    joiners that right-to-left words and emoji need are not."""
    from resolver.report import escaped_controls

    assert escaped_controls(text) == shown
