"""Start-up (#14): a plain one-file scan into a database that is up to date, printing into a pipe, loads none of
what it does not use: no event loop, no process pool, no rich, no sqlite-utils, no HTTP stack. (The time it takes
is measured by scripts/bench_startup.py, not here.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNUSED = ("asyncio", "concurrent.futures.process", "rich", "sqlite_utils", "httpx", "numpy", "bs4",
          # what only a path it does not take needs: gzipped JSON Lines, a config file, the warm runs' memos, a
          # Decimal to store, a CSV export
          "gzip", "tomllib", "resolver.memo", "decimal", "csv", "base64",
          # the WARC module: a scan of files reads no WARC record and replays nothing
          "resolver.warc",
          # hyperscan: a small page's needles are found without it (perf35b: importing it and compiling the page
          # needles' database were 6-8 ms of a one-file scan)
          "hyperscan",
          # the HTTP module: the run's end asked it for the length of a wait worth a line, with no retry to say
          # (#14: its import and its dataclasses, about 3% of a one-file scan)
          "resolver.http",
          # perf41: the end-page readings, whose one phrase the report quoted (loaded by the report's import, 1 to 3%
          # of a one-file scan's imports), and glob, for an output file's leftovers only
          "resolver.end_pages", "glob",
          # ftfy: only a page holding a letter mojibake starts with ("Ã", "â€") has it judged (newuser44d #4)
          "ftfy")
PAGE = ('<p>The bridge reopened.</p><blockquote class="twitter-tweet"><p>Bridge reopened</p>&mdash; Riverton Roads '
        '(@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022</a>'
        '</blockquote><p>(Photo: Bea Example/Riverton Post)</p>')
CODE = """import runpy, sys
sys.argv = ["embed-resolver", *sys.argv[1:]]
try:
    runpy.run_module("resolver", run_name="__main__")
except SystemExit:
    pass
print(",".join(m for m in {unused!r} if m in sys.modules), file=sys.stderr)
"""
# The regular expressions a plain scan of a small HTML page never tries, compiled only when first used (#14): the
# Instagram caption lines (8 ms of a one-file scan's start-up), plain text's URL scanner, the "Credit: " before an
# inline element, and smaller ones. Printed: those of them compiled at the end of the run.
DEFERRED = ("resolver.extract.text.INSTAGRAM_RE", "resolver.extract.text.OTHER_INSTAGRAM_RE",
            "resolver.extract.text.URL_RE", "resolver.extract.text.BARE_INSTANCE_RE",
            "resolver.extract.text.BARE_PATH_RE", "resolver.extract.credits.PREFIX_END_RE",
            # a post's text cut from a page's prose, and the image URLs held in its scripts' JSON
            *(f"resolver.extract.tweet_text.{name}" for name in (
                "GLUED_COLON_RE", "GLUED_COMMA_RE", "GLUED_SENTENCE_RE", "GLUED_WORDS_RE", "INTRO_RE", "LINK_RE", "MEDIA_LINK_RE", "SENTENCE_END_RE",
                "WORD_START_RE")),
            *(f"resolver.extract.script_credits.{name}" for name in (
                "ATTRIBUTE_NAME_RE", "ESCAPE_RE", "HASH_SEGMENT_RE", "IMAGE_PATH_RE", "LITERAL_RE",
                "OTHER_STORIES_KEY_RE", "OTHER_STORIES_RE", "OWN_MEDIA_KEY_RE", "PLAIN_PATH_RE", "RUN_RE",
                "SIZE_SUFFIX_RE", "TOKEN_RE")),
            "resolver.extract.credits.LABEL_WORD_RE", "resolver.extract.credits.POSITION_RE",
            "resolver.extract.dates.CREATED_AT_RE",
            # a flattened tweet's signature: widgets.js keeps the date in a link, where no signature is read (3 ms)
            "resolver.extract.text.SIGNATURE_RE",
            # perf31: what a page with no figure, no credit class and no secret to redact never tries (8 ms in all)
            *(f"resolver.extract.html_credits.{name}" for name in (
                "CREDIT_CLASS_RE", "PLACEHOLDER_IMAGE_RE", "IMAGE_ATTR_RE", "PICTURE_WORD_END_RE", "SOURCE_NEXT_RE",
                "SOURCE_SLOT_RE", "NOT_FOOTER_RE", "MARKUP_RE", "CREDIT_ATTR_NAME_RE", "ATTRIBUTE_RE", "WEAK_CLASS_RE",
                "SITE_FOOTER_RE")),
            *(f"resolver.extract.credit_names.{name}" for name in (
                "PERSON_RE", "_RELATION_BEFORE_RE", "COURTESY_AFTER_RE", "_FOR_OUTLET_RE", "_LIST_GAP_RE",
                "_TITLED_RE", "_SENT_BY_RE")),
            *(f"resolver.extract.credits.{name}" for name in (
                "PLACE_AFTER_RE", "RIGHTS_NOTICE_RE", "_NON_ASCII_PHOTO_WORD_RE", "PLACE_BEFORE_RE",
                "COPYRIGHT_REFERENCE_RE")),
            *(f"resolver.extract.html.{name}" for name in ("CAPTURE_BEFORE_RE", "CARD_HEADER_WORDS_RE",
                                                           "HOSTED_TWEET_RE")),
            "resolver.extract.spans._LAYOUT_RE", "resolver.extract.needles.LETTER_REFERENCE_RE",
            "resolver.extract.needles.WRITES_LETTERS_RE", "resolver.article.META_CHARSET_RE",
            "resolver.placeholders.TAIL_RE", "resolver.extract.text.BYLINE_RE",
            "resolver.platforms.mastodon.REMOTE_USER", "resolver.platforms.mastodon.MARKER_RE",
            "resolver.report._MD_SPECIAL_RE", "resolver.report._MD_BLOCK_START_RE",
            *(f"resolver.redact.{name}" for name in ("_TOKEN", "_CUT", "_UNIT_RE")),
            # perf37: what a small HTML page never tries, 6 ms of a one-file scan's start-up in all: plain text's
            # signature ends and invisible characters, the credit forms it holds none of, charset repairs, other
            # platforms' ids, the corpus and output files' own patterns
            *(f"resolver.article.{name}" for name in ("SURE_UTF8_RE", "UTF8_SEQUENCE_RE",
                                                      "_QUOTE_CLOSING_A_WORD_RE")),
            *(f"resolver.credit_language.{name}" for name in ("MARKUP_RE", "UNREAD_LETTER_RE")),
            *(f"resolver.extract.credit_names.{name}" for name in ("PICTURE_WORD_RE", "SMALL_ORG_START_RE",
                                                                   "UNNAMED_RE", "_AGENCY_PHOTO_RE", "_DASHED_RE",
                                                                   "_JOINED_NAMES_RE", "_MARKS_RE")),
            *(f"resolver.extract.credits.{name}" for name in ("AGENCY_PHOTO_RE", "BRACKET_BREAK_RE",
                                                              "HYPHENATED_RE", "MARKS_RE", "_WORD_BEFORE_RE")),
            *(f"resolver.extract.html.{name}" for name in ("CAPTURE_PREFIX_RE", "CLASS_OR_ID_RE",
                                                           "FURNITURE_MARK_RE", "INSTAGRAM_HANDLE_RE",
                                                           "ISO_DAY_RE", "PLACEHOLDER_SRC_RE", "QUERY_VALUE_RE",
                                                           "RAW_TEXT_TAG_RE", "SCHEME_BEFORE_RE", "WRITTEN_AS_RE")),
            *(f"resolver.extract.html_credits.{name}" for name in ("BRACKETED_TAIL_RE", "COMMENTS_RE",
                                                                   "CREDIT_WORD_RE", "FOOTER_PART_RE",
                                                                   "HIDDEN_LABEL_RE")),
            *(f"resolver.extract.script_credits.{name}" for name in ("ANCHOR_RE",)),
            *(f"resolver.extract.spans.{name}" for name in ("_REF_RE",)),
            *(f"resolver.extract.text.{name}" for name in ("BUTTON_WORDS_RE", "CLOSING_TAIL_RE",
                                                           "DATELINE_DASH_RE", "GLUE_RE", "HOST_JOINER_RE",
                                                           "HOST_RE", "ID_RUN_RE", "INVISIBLE_RE", "LEADING_RE",
                                                           "NEXT_URL_RE", "NUMERIC_DATE_END_RE", "PROSE_WORD_RE",
                                                           "REDDIT_REMNANT_SUB_RE", "TRAILING_RE", "WORD_BREAK_RE",
                                                           "WRAPPED_DATE_END_RE", "WRAPPED_RE")),
            *(f"resolver.inputs.{name}" for name in ("_RECORD_HEAD",)),
            *(f"resolver.platforms.bluesky.{name}" for name in ("ACTOR",)),
            *(f"resolver.platforms.urls.{name}" for name in ("_ESCAPED_UNRESERVED", "MOMENT_RE")),
            *(f"resolver.platforms.youtube.{name}" for name in ("COMMENT_ID", "GLUED_ID")),
            *(f"resolver.prose_links.{name}" for name in ("BEFORE_IN_HTML", "BEFORE_IN_TEXT")),
            *(f"resolver.redact.{name}" for name in ("PLAIN_URL", "URL_HEAD", "URL_IN_TEXT")),
            *(f"resolver.targets.{name}" for name in ("_HOST_AND_PATH",)),
            # perf37, second pass: smaller ones (about 2 ms in all): other platforms' ids, the report's and the
            # archive's own patterns, charset checks, credit forms
            *(f"resolver.article.{name}" for name in ("_ESCAPED_RE", "_ISO2022_JP_RE", "_NO_WORD_NO_SPACE_RE",
                                                      "_TWO_LETTERS_BEYOND_ASCII_RE")),
            *(f"resolver.extract.__init__.{name}" for name in ("LONE_CR_RE",)),
            *(f"resolver.extract.credit_names.{name}" for name in ("INITIALS_RE", "ONE_WORD_ORG_RE", "_COMMA_RE",
                                                                   "_VIA_RE")),
            *(f"resolver.extract.credits.{name}" for name in ("ALL_RIGHTS_RE", "COMMA_RE", "SENTENCE_BEFORE_RE",
                                                              "WHOLE_CREDIT_RE", "WHOLE_NAME_RE", "_WORDS_RE")),
            *(f"resolver.extract.dates.{name}" for name in ("PERSIAN_DIGIT_RE",)),
            *(f"resolver.extract.dom.{name}" for name in ("_GLUED_RE",)),
            *(f"resolver.extract.html.{name}" for name in ("AMPERSAND_RE", "REDDIT_USER_RE", "SCRIPT_MARK_RE")),
            *(f"resolver.extract.html_credits.{name}" for name in ("BLANKS_THEN_EQUALS_RE", "NOT_NAME_RE",
                                                                   "PHOTOGRAPHER_CLASS_RE", "QUOTE_OR_END_RE",
                                                                   "RELATED_CLASS_RE", "TAG_NAME_RE")),
            *(f"resolver.extract.script_credits.{name}" for name in ("QUOTE_RE",)),
            *(f"resolver.extract.spans.{name}" for name in ("_MARKS_RE", "_TABLE_TAG_RE")),
            *(f"resolver.extract.text.{name}" for name in ("HEADING_RE", "LIST_NUMBER_RE")),
            *(f"resolver.inputs.{name}" for name in ("TRUNCATED_REASON_RE",)),
            *(f"resolver.placeholders.{name}" for name in ("EMBED_CODE_LEAD_RE", "EMBED_CODE_TAIL_RE")),
            *(f"resolver.platforms.bluesky.{name}" for name in ("RECORD_KEY", "TID")),
            *(f"resolver.platforms.facebook.{name}" for name in ("DIGITS", "POST_ID", "TOKEN")),
            *(f"resolver.platforms.instagram.{name}" for name in ("COMMENT_ID", "PUBLIC_CODE", "SHORTCODE", "USER")),
            *(f"resolver.platforms.mastodon.{name}" for name in ("LEGACY_STATUS_ID", "STATUS_ID", "TOP_LABEL")),
            *(f"resolver.platforms.reddit.{name}" for name in ("NAME", "POST_ID", "TOKEN")),
            *(f"resolver.platforms.telegram.{name}" for name in ("CHANNEL", "MESSAGE_ID", "PRIVATE_CHAT")),
            *(f"resolver.platforms.vimeo.{name}" for name in ("HASH",)),
            *(f"resolver.platforms.x.{name}" for name in ("MEDIA_CODE_RE",)),
            *(f"resolver.platforms.youtube.{name}" for name in ("CLIP_ID", "UPLOADS_LIST", "VIDEO_ID")),
            *(f"resolver.prose_links.{name}" for name in ("COMMENT_RE",)),
            *(f"resolver.readable.{name}" for name in ("_RELATED_RE",)),
            *(f"resolver.report.{name}" for name in ("CAPTURE_STAMP_RE", "_FAILED_ITEM_RE", "_SHORT_HASH_RE",
                                                     "_URL_RE")),
            # perf41: the last compiled at import that a small HTML page never tries (22 with the Instagram footer
            # handle's, about 1.5 ms in all): saved pages' MIME and plist headers, other platforms' ids, a shell's
            # escapes, words of forms it holds none of
            *(f"resolver.saved_pages.{name}" for name in ("_XML_PLIST_RE", "_CID_RE", "_BOUNDARY_RE",
                                                          "_MIME_VERSION_RE", "_CONTENT_TYPE_RE")),
            *(f"resolver.extract.html_credits.{name}" for name in ("RUN_TAG_RE", "HTML_WORD_RE")),
            *(f"resolver.extract.credit_names.{name}" for name in ("_VIA_FOR_RE", "_ON_RE")),
            "resolver.extract.html.TAG_RE", "resolver.redact._SPLITS", "resolver.targets._SHELL_ESCAPE",
            "resolver.platforms.instagram.STORY_ID", "resolver.platforms.threads.SHORTCODE",
            "resolver.platforms.threads.USER", "resolver.platforms.tiktok.POST_ID", "resolver.platforms.tiktok.CODE",
            "resolver.platforms.vimeo.VIDEO_ID", "resolver.prose_links.CODE_RE", "resolver.report._RECORD_SOURCE_RE",
            "resolver.credit_language.LETTER_RE",
            # the tool's own files told apart in a folder walk (fix47c, late47b): a file named walks no folder
            *(f"resolver.own_files.{name}" for name in ("_SUMMARY", "_SOFTWARE", "_MD_REPORT", "_MD_INDEX",
                                                        "_HTML_GENERATOR", "_HTML_OLDER", "_JSON_REPORT",
                                                        "_JSON_INDEX", "_REPORT_OPENING", "_INDEX_NOTE", "_TABLE_FIRST",
                                                        # output's: an -o file's articles found by it (fix48a)
                                                        "TABLE_HEAD")),
            # East Asian credits' and quotes' words (late47a, review48a): an English page tries none
            *(f"resolver.extract.credits.{name}" for name in ("_CJK_LETTER_RE", "_CAME_FROM_RE", "_CAME_FILE_RE",
                                                              "_FILE_LABEL_END_RE")),
            "resolver.extract.beside.JA_SPOKEN_AFTER_RE",
            # perf48a: podcast links (read only where the needle pass finds their hosts), other scripts' digits in a
            # URL, a platform's account in a credit, and the public bodies' names (asked only of a name holding one of
            # their words, or beyond ASCII)
            *(f"resolver.platforms.podcasts.{name}" for name in ("SPOTIFY_RE", "APPLE_RE", "APPLE_EPISODE_RE")),
            "resolver.platforms._DIGITS_RE",
            *(f"resolver.extract.credit_names.{name}" for name in ("_ACCOUNT_RE", "_PLATFORM_SPACE_ACCOUNT_RE",
                                                                   "_DOMAIN_HANDLE_RE", "PUBLIC_BODY_RE")))
# A fresh process's one-file scan, then what its end finds, each check a line of its own on stderr, read in this
# order: the freeze count (gc.freeze, FROZEN's check), the deferred patterns compiled, the lazy dataclasses built, what
# the scan's own imports made that the collector still walks (SETTLED's check).
FRESH = """import gc, importlib, re, runpy, sys
sys.argv = ["embed-resolver", *sys.argv[1:]]
try:
    runpy.run_module("resolver", run_name="__main__")
except SystemExit:
    pass
print("frozen=" + str(gc.get_freeze_count()), file=sys.stderr)
def compiled(name):
    module, _, attribute = name.rpartition(".")
    pattern = getattr(importlib.import_module(module), attribute)
    return isinstance(pattern, re.Pattern) or pattern.compiled
print("compiled=" + ",".join(name for name in {deferred!r} if compiled(name)), file=sys.stderr)
from resolver.lazy import built
def kind(name):
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)
print("built=" + ",".join(name for name in {lazy!r} if built(kind(name))), file=sys.stderr)
from resolver.extract import credits, find_all
print("settled=" + ",".join(name for name, made in (("find_all", find_all), ("credits.PATTERNS", credits.PATTERNS))
                            if any(o is made for o in gc.get_objects())), file=sys.stderr)
"""


def migrated(args: list[str]) -> None:
    """The database of ARGS made and brought up to date by the same command run before, in this process: only what
    the child run after it loads is checked, and this run is not (it made the database a child's run did)."""
    from click.testing import CliRunner

    from resolver.cli import cli

    result = CliRunner().invoke(cli, args, prog_name="embed-resolver")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("output", [[], ["--json"]], ids=["table", "json"])
def test_a_plain_one_file_scan_loads_nothing_it_does_not_use(tmp_path: Path, output: list[str]) -> None:
    page = tmp_path / "story.html"
    page.write_text(PAGE)
    args = ["--db", str(tmp_path / "c.db"), "scan", *output, str(page)]
    migrated(args)
    done = subprocess.run([sys.executable, "-c", CODE.format(unused=UNUSED), *args], capture_output=True, text=True,
                          cwd=ROOT)
    assert "RivertonRoads" in done.stdout
    assert done.stderr.strip().splitlines()[-1:] == [""] or done.stderr.strip() == "", done.stderr


FRESH_SCANS = pytest.mark.xdist_group("startup-fresh-scans")
_FRESH: dict[str, tuple[str, dict[str, str]]] = {}


@pytest.fixture
def fresh_scan(tmp_path_factory: pytest.TempPathFactory):
    """`fresh_scan(FORM)`: one child's `scan [--json] story.html` into a new database (what the tests below each ran
    in a child of their own, the same command), run once a test process and shared: its stdout, and what its end
    printed of each check (COMPILED's deferred patterns compiled, BUILT's lazy dataclasses built, FROZEN's freeze
    count, SETTLED's objects of the scan's imports the collector walks), by name. The checks read the one finished run in FRESH's order; each test asserts its own (FRESH_SCANS puts
    them in one xdist worker so that the child is made once)."""
    def run(form: str) -> tuple[str, dict[str, str]]:
        if form not in _FRESH:
            where = tmp_path_factory.mktemp(f"fresh-{form}")
            page = where / "story.html"
            page.write_text(PAGE)
            args = ["--db", str(where / "c.db"), "scan", *(["--json"] if form == "json" else []), str(page)]
            done = subprocess.run([sys.executable, "-c", FRESH.format(deferred=DEFERRED, lazy=LAZY_DATACLASSES),
                                   *args], capture_output=True, text=True, cwd=ROOT)
            said: dict[str, str] = {}
            for line in done.stderr.splitlines():
                name, _, value = line.partition("=")
                said[name if name in ("compiled", "built", "frozen", "settled") and name not in said
                     else f"? {line}"] = value
            _FRESH[form] = (done.stdout, said)
        return _FRESH[form]
    return run


def said_only(said: dict[str, str], name: str) -> str:
    """What the shared run printed for check NAME, once sure its stderr held nothing but the four checks' lines (a
    warning, a traceback or anything else printed by the run fails each test, as each child's stderr did)."""
    assert sorted(said) == ["built", "compiled", "frozen", "settled"], said
    return said[name]


@FRESH_SCANS
@pytest.mark.parametrize("output", ["table", "json"])
def test_a_plain_one_file_scan_compiles_no_pattern_it_does_not_try(fresh_scan, output: str) -> None:
    stdout, said = fresh_scan(output)
    assert "RivertonRoads" in stdout and "Bea Example" in stdout
    assert said_only(said, "compiled") == "", said


def test_a_deferred_pattern_compiles_once_and_finds_what_it_did() -> None:
    from resolver.extract import text

    line = "A post shared by Riverton Roads (@rivertonroads) on Dec 6, 2022 at 9:15am PST"
    assert [m["handle"] for m in text.instagram_lines(line)] == ["rivertonroads"]
    assert text.INSTAGRAM_RE.compiled and text.INSTAGRAM_RE.pattern.startswith("A")
    assert text.BARE_PATH_RE.match("x /@jane/1", 2) is not None and text.BARE_PATH_RE.match("x /@jane/1", 1) is None


def test_a_lazy_pattern_answers_as_the_compiled_pattern_does() -> None:
    import copy
    import re

    from resolver.lazy import LazyPattern

    lazy, plain = LazyPattern(r"(?P<w>b\w+)", re.IGNORECASE), re.compile(r"(?P<w>b\w+)", re.IGNORECASE)
    text = "a Bee, a bat and abba"
    assert not lazy.compiled and copy.copy(lazy).pattern == lazy.pattern and not lazy.compiled
    assert [m.span() for m in lazy.finditer(text, 3)] == [m.span() for m in plain.finditer(text, 3)]
    assert lazy.compiled and lazy.findall(text) == plain.findall(text) and lazy.sub("-", text) == plain.sub("-", text)
    assert lazy.search(text, 0, 3) is None and lazy.match(text, 2)["w"] == "Bee" and lazy.fullmatch("bat")
    assert lazy.split(text) == plain.split(text) and lazy.subn("-", text) == plain.subn("-", text)
    # every searching method of a compiled pattern is one a lazy pattern answers (a pattern made lazy where it was
    # split would raise on the one input reaching the split: mypy sees Any there); the internal `scanner` left out
    from resolver.lazy import _METHODS
    assert {m for m in dir(plain) if not m.startswith("_") and callable(getattr(plain, m))} - {"scanner"} == set(_METHODS)


def test_help_loads_neither_pathlib_nor_what_a_scan_does_not_use() -> None:
    """`--help` is mostly click's own import (#14): pathlib and what it imports are left for a command given paths;
    shutil (bz2, lzma), which click imports for the terminal's width, too (perf42)."""
    done = subprocess.run([sys.executable, "-c", CODE.format(unused=(*UNUSED, "pathlib", "urllib.parse", "shutil")),
                           "--help"],
                          capture_output=True, text=True, cwd=ROOT)
    assert "Usage: embed-resolver" in done.stdout
    assert done.stderr.strip() == "", done.stderr


@pytest.mark.parametrize("columns", [None, "60", "100", "79", "30", "0", "-3", "wide"])
def test_the_help_width_is_the_one_click_finds(monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    """perf42 (#14): the command gives click the help's width, found as click's formatter finds it through shutil."""
    import click

    from resolver.cli import help_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert click.formatting.FORCED_WIDTH is None
    assert help_width() == click.formatting.HelpFormatter().width
    monkeypatch.setattr(click.formatting, "FORCED_WIDTH", 80)   # as click's CliRunner: its own width is left to it
    assert help_width() is None


def test_the_command_s_help_is_click_s_own(tmp_path: Path) -> None:
    """The installed command's help (with the width it computes) is the one click's own `main` writes, word for
    word, at a narrow width, where lines wrap."""
    env = {**os.environ, "COLUMNS": "60"}
    command = subprocess.run([sys.executable, "-m", "resolver", "scan", "--help"], capture_output=True, text=True,
                             cwd=ROOT, env=env)
    own = subprocess.run([sys.executable, "-c", "from resolver.cli import cli; cli.main(['scan', '--help'], "
                          "prog_name='python -m resolver')"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert command.returncode == own.returncode == 0 and "Usage: python -m resolver scan" in command.stdout
    assert command.stdout == own.stdout and "Show this message and\n" in own.stdout   # wrapped: not at 80


def test_options_share_one_path_type_of_each_kind() -> None:
    """perf42 (#14): each click.Path made looks its name up in gettext (the locale directories searched each time);
    the 24 path options share the four kinds there are."""
    import click

    from resolver.cli import PathType, cli

    def types(command: click.Command) -> list[PathType]:
        found = [p.type for p in command.params if isinstance(p.type, PathType)]
        for sub in getattr(command, "commands", {}).values():
            found += types(sub)
        return found

    found = types(cli)
    assert len(found) >= 20 and len({id(t) for t in found}) == 4


def test_path_options_still_give_pathlib_paths(tmp_path: Path) -> None:
    import click
    from click.testing import CliRunner

    from resolver.cli import PathType

    @click.command()
    @click.option("--out", type=PathType(dir_okay=False))
    def show(out: Path) -> None:
        click.echo(f"{type(out).__name__} {out.name}")

    assert CliRunner().invoke(show, ["--out", str(tmp_path / "a.db")]).output == "PosixPath a.db\n"


def test_a_cache_command_loads_no_redaction(tmp_path: Path) -> None:
    """The settings load the redaction rules only when a secret is set: a command that opens no session, as
    `cache stats`, never redacts, and loaded them (and logging) with the settings."""
    db, page = str(tmp_path / "c.db"), tmp_path / "story.html"
    page.write_text(PAGE)
    migrated(["--db", db, "scan", str(page)])
    done = subprocess.run([sys.executable, "-c", CODE.format(unused=("resolver.redact", "logging")), "--db", db,
                           "cache", "stats"], capture_output=True, text=True, cwd=ROOT)
    assert "articles" in done.stdout.lower(), done.stdout + done.stderr
    assert done.stderr.strip() == "", done.stderr


def test_the_credit_prefix_holds_the_photo_s_words_once():
    """dates33 (#14): PREFIX wrote PHOTO (about 250 characters of words in 13 languages) in four branches, 2,206
    characters compiled at import (PREFIX_RE) and in the keyword and bracket credit patterns of every page with a
    credit (the keyword pattern 3,049 characters, 4 ms). Its four continuations now follow one PHOTO."""
    from resolver.extract import credits

    assert credits.PREFIX.count(credits.OTHER_PHOTO_WORD) == 1   # PHOTO's
    # the "写真＝" branch holds only the Han and Hangul words, which a credit joins with "=" (newuser44a #6: the
    # Ukrainian words made PREFIX 1,336 characters where it held them all)
    assert credits.PREFIX.count(credits.EQUALS_PHOTO_WORD) == 1 and "Фото" not in credits.EQUALS_PHOTO_WORD
    assert len(credits.PREFIX) < 1300


@FRESH_SCANS
def test_the_command_puts_what_importing_made_out_of_the_collector_s_reach(fresh_scan) -> None:
    """perf37 (#14): `python -m resolver` and the installed command freeze what the imports made before the command
    runs (no collection walks it again: 3.7% of a one-file scan's instructions); the scan answers as before."""
    import tomllib

    stdout, said = fresh_scan("table")
    assert "RivertonRoads" in stdout and "Bea Example" in stdout
    assert int(said_only(said, "frozen")) > 10_000, said   # the modules' objects, not a few
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["embed-resolver"] == "resolver.__main__:main"


@FRESH_SCANS
def test_the_scan_puts_what_its_own_imports_made_out_of_the_collector_s_reach(fresh_scan) -> None:
    """perf48a (#14): the pipeline and its extractors, imported when the scan runs (after the command line's freeze),
    are imported with no collection and frozen too: no collection while the scan runs walks them (2.3% of a one-file
    scan's instructions)."""
    stdout, said = fresh_scan("table")
    assert "RivertonRoads" in stdout and "Bea Example" in stdout
    assert said_only(said, "settled") == "", said


def test_imports_settled_leaves_the_collector_as_it_was_and_freezes_only_in_the_command_s_process() -> None:
    import gc

    from resolver.lazy import OWN_PROCESS, imports_settled

    assert not OWN_PROCESS[0]   # a test process is no command's own
    before, enabled = gc.get_freeze_count(), gc.isenabled()
    with imports_settled():
        assert not gc.isenabled()
        made = [[] for _ in range(100)]
    assert gc.isenabled() == enabled and gc.get_freeze_count() == before and made
    gc.disable()
    try:
        with pytest.raises(ValueError), imports_settled():
            raise ValueError("an import that fails")
        assert not gc.isenabled()   # left off, as it was
    finally:
        if enabled:
            gc.enable()
    with pytest.raises(ValueError), imports_settled():
        raise ValueError("an import that fails")
    assert gc.isenabled() == enabled and gc.get_freeze_count() == before


def test_a_caller_of_the_cli_in_its_own_process_keeps_its_collector(tmp_path: Path) -> None:
    """Only the command's own process freezes: `cli.main` called by a library user or a test (CliRunner) leaves the
    collector as it was, or every object of a long-lived caller would stay uncollected."""
    import gc

    from click.testing import CliRunner

    from resolver.cli import cli

    page = tmp_path / "story.html"
    page.write_text(PAGE)
    before = gc.get_freeze_count()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", str(page)])
    assert result.exit_code == 0 and "RivertonRoads" in result.output, result.output
    # no freeze made (it would move every tracked object there: tens of thousands more); the count may fall, as
    # objects the test session froze after collection (tests/conftest.py) are freed while the command runs
    assert gc.get_freeze_count() <= before


# perf42: the dataclasses a plain one-file scan never makes, built when first made (about 0.7 ms each, 6% of the
# scan's instructions): a shard, a failure and its steps, a rate or retry wait, the notes of a page it cannot read
LAZY_DATACLASSES = ("resolver.model.Place", "resolver.targets.Entry", "resolver.extract.incomplete.FailedStep",
                    "resolver.extract.beside._Block", "resolver.readable.ThinPage", "resolver.saved_pages.Inner",
                    "resolver.inputs.Shard", "resolver.credit_language.CreditLanguageNotRead",
                    "resolver.prose_links.LinksNotFollowed", "resolver.session.RateWaits",
                    "resolver.session.RetryWaits", "resolver.pipeline.ForEmbed", "resolver.pipeline.Failure",
                    "resolver.platforms.podcasts.Episode", "resolver.report.StepFailure")
@FRESH_SCANS
def test_a_plain_one_file_scan_builds_no_dataclass_it_does_not_make(fresh_scan) -> None:
    stdout, said = fresh_scan("table")
    assert "RivertonRoads" in stdout and "Bea Example" in stdout
    assert said_only(said, "built") == "", said


def test_a_lazy_dataclass_is_the_dataclass_once_made() -> None:
    import copy
    import dataclasses
    import pickle

    from resolver.lazy import built, lazy_dataclass

    @lazy_dataclass(frozen=True)
    class Wait:
        host: str
        seconds: float = 0.0
        spans: tuple[int, ...] = dataclasses.field(default=(), compare=False)

    @dataclasses.dataclass(frozen=True)
    class Plain:
        host: str
        seconds: float = 0.0
        spans: tuple[int, ...] = dataclasses.field(default=(), compare=False)

    assert not built(Wait) and not dataclasses.is_dataclass(Wait)
    wait, plain = Wait("a.example", spans=(1,)), Plain("a.example", spans=(1,))
    assert built(Wait) and dataclasses.is_dataclass(Wait)
    assert [f.name for f in dataclasses.fields(Wait)] == [f.name for f in dataclasses.fields(Plain)]
    assert repr(wait) == repr(plain).replace("Plain", "Wait") and wait == Wait("a.example") and wait != Wait("b")
    assert hash(wait) == hash(Wait("a.example", 0.0)) and Wait("a.example", 2).seconds == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        wait.host = "b"   # type: ignore[misc]
    with pytest.raises(TypeError):
        Wait()   # type: ignore[call-arg]
    assert dataclasses.replace(wait, seconds=1.0) == Wait("a.example", 1.0) and copy.copy(wait) == wait
    assert Wait("a.example", 3) == Wait("a.example", 3)   # made again: its __new__ takes the arguments every time

    from resolver.pipeline import Failure   # lazy too: made here, or in another test of this process
    failure = Failure("story.html", "not an article", kind="input")
    assert pickle.loads(pickle.dumps(failure)) == failure


def test_a_lazy_dataclass_unpickled_first_is_built() -> None:
    """The process pool hands results back pickled: a process that never made one builds the class on unpickling."""
    import pickle

    from resolver.pipeline import Failure

    data = pickle.dumps(Failure("story.html", "not an article", kind="input", stage="read"))
    done = subprocess.run([sys.executable, "-c", "import pickle, sys\nfrom resolver.lazy import built\n"
                           "from resolver.pipeline import Failure\nassert not built(Failure)\n"
                           "failure = pickle.loads(sys.stdin.buffer.read())\n"
                           "print(built(Failure), failure == Failure('story.html', 'not an article'), repr(failure))"],
                          input=data, capture_output=True, cwd=ROOT)
    assert done.stdout.decode().split(" ", 2)[:2] == ["True", "True"], done.stderr.decode()
    assert "Failure(source='story.html'" in done.stdout.decode()


OFFLINE_RUNS = """import sys
from resolver.cli import cli
for args in sys.argv[1:]:
    try:
        cli.main(args.split("|"), prog_name="embed-resolver")
    except SystemExit as end:
        print("exit", end.code)
print("httpx" in sys.modules, "resolver.transport" in sys.modules, file=sys.stderr)
"""


def test_an_offline_run_asking_for_plain_urls_imports_no_http_client(tmp_path: Path) -> None:
    """`resolve`, `fetch` and `archive` with --offline answer "not cached" from the cache alone: they imported httpx
    and built the client (about half of their start-up, #14) to be answered so by its transport."""
    db = str(tmp_path / "c.db")
    runs = [f"--db|{db}|resolve|--offline|https://t.co/Zz98Yy76Xx",
            f"--db|{db}|fetch|--offline|https://twitter.com/RivertonRoads/status/1600000000000000001",
            f"--db|{db}|archive|--offline|--json|https://twitter.com/RivertonRoads/status/1600000000000000001"]
    done = subprocess.run([sys.executable, "-c", OFFLINE_RUNS, *runs], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.count("exit 3") == 3 and "not_cached" in done.stdout, done.stdout + done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False False", done.stderr
