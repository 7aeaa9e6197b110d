"""One bad input never stops a batch (#11): page text never becomes XPath, a failure in one article is recorded
(an `errors` row, one stderr line naming the file) while the rest go on, and the exit code says so; directory
walking survives link loops and reports broken links."""

import json
import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cache import Store
from resolver import extract
from resolver.cli import cli
from tests.cliworld import lines

GOOD = ("<html><body><p>Bridge reopened. (Photo: Bea Example/Riverton Post)</p>"
        '<blockquote class="twitter-tweet"><p>x</p>&mdash; Riverton Roads (@RivertonRoads) '
        '<a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022</a></blockquote>'
        "</body></html>")
CONTROL_IN_CLASS = '<html><body><div class="photo-credit\x01">Photo: Cal Sample/Riverton Wire</div></body></html>'


def scan(tmp_path, *args):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", *args])


def folder(tmp_path, files):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in files.items():
        (articles / name).write_text(text, encoding="utf-8")
    return articles


def test_a_control_character_in_a_class_value_is_just_text(tmp_path):
    articles = folder(tmp_path, {"a.html": GOOD, "b.html": CONTROL_IN_CLASS, "c.html": GOOD.replace("Bea", "Dee")})
    result = scan(tmp_path, "--json", str(articles))
    assert result.exit_code == 0, result.output
    assert len(lines(result.stdout)) == 3
    assert Store(tmp_path / "c.db").count("articles") == 3
    [credit] = json.loads(lines(result.stdout)[1])["credits"]
    assert credit["creator"] == "Cal Sample"


def trip_on_boom(monkeypatch) -> None:
    """The detector raises RuntimeError("the detector tripped") on an article holding "BOOM": a bug of one article's."""
    real = extract.find_all

    def find_all(text, kind, **options):
        if "BOOM" in text:
            raise RuntimeError("the detector tripped")
        return real(text, kind, **options)
    monkeypatch.setattr(extract, "find_all", find_all)


def test_a_failure_in_one_article_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    trip_on_boom(monkeypatch)
    articles = folder(tmp_path, {"a.html": GOOD, "b.html": GOOD + "BOOM", "c.html": GOOD + "<p>more</p>"})
    result = scan(tmp_path, "--json", str(articles))
    assert result.exit_code == 1
    printed = [json.loads(line) for line in lines(result.stdout)]
    assert [r["source"] for r in printed] == [str(articles / name) for name in ("a.html", "b.html", "c.html")]
    assert printed[1] == {"source": str(articles / "b.html"),   # the failed article's own line (#11)
                          "error": f"RuntimeError: {articles / 'b.html'}: internal error: RuntimeError: the detector "
                                   "tripped"}
    line, summary = lines(result.stderr)   # one line for the article that failed, then the run's summary line
    assert line == f"error: {articles / 'b.html'}: internal error: RuntimeError: the detector tripped"
    assert summary.startswith("scanned 2 articles in ") and summary.endswith("; 1 failed")
    store = Store(tmp_path / "c.db")
    assert store.count("articles") == 2
    [error] = store.errors()
    assert error["source"] == str(articles / "b.html") and error["kind"] == "RuntimeError"
    assert error["message"] == "the detector tripped" and error["stage"] == "scan" and error["article_id"] is None


def test_a_link_loop_scans_each_file_once(tmp_path):
    articles = folder(tmp_path, {"a.html": GOOD})
    os.symlink(articles, articles / "loop")
    result = scan(tmp_path, "--json", str(articles))
    assert result.exit_code == 0, result.output
    assert len(lines(result.stdout)) == 1


def test_a_broken_link_is_warned_about_and_the_batch_goes_on(tmp_path):
    articles = folder(tmp_path, {"a.html": GOOD})
    os.symlink(tmp_path / "gone.html", articles / "b.html")
    result = scan(tmp_path, "--json", str(articles))
    assert result.exit_code == 0
    assert len(lines(result.stdout)) == 1
    warning, summary = lines(result.stderr)
    assert warning == f"warning: broken link {articles / 'b.html'} -> {tmp_path / 'gone.html'}; skipped"
    assert summary.startswith("scanned 1 article in ") and summary.endswith("; 1 skipped")


@pytest.mark.parametrize("option", [None, "--jsonl", "--warc-input"])
def test_newuser46b_a_link_to_itself_named_is_said_as_a_loop_not_a_traceback(tmp_path, option):
    """newuser46b #7: a link to itself named on the command line (a SOURCE, --jsonl or --warc-input) ended the run
    with "internal error: RuntimeError: Symlink loop from …" (Path.resolve() while naming the job). Now the input
    fails with its own line, as a missing file does, and the run's exit code says so."""
    os.symlink(tmp_path / "self", tmp_path / "self")
    result = scan(tmp_path, "--offline", *([option] if option else []), str(tmp_path / "self"))
    assert (result.exit_code, result.stderr.splitlines()) == (1, [
        f"error: cannot read {tmp_path / 'self'}: it is a link loop (a link that leads back to itself)"])


# Names and values as a hostile or broken page may have them: anything but NUL-free-ness is fair game, and the
# words the credit and embed passes look for are mixed in so those passes run.
NAMES = st.one_of(st.sampled_from(["div", "img", "blockquote", "figcaption", "script", "span", "p", "a", "iframe"]),
                  st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12))
VALUES = st.one_of(st.sampled_from(["photo-credit", "twitter-tweet", "instagram-media", "application/ld+json",
                                    "https://twitter.com/a/status/1", "creditText"]),
                   st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
                   st.builds(lambda a, b: f"{a}credit{b}", st.text(max_size=5), st.text(max_size=5)))
ATTRS = st.one_of(st.sampled_from(["class", "data-credit", "itemprop", "type", "href", "src", "cite"]), NAMES)


@st.composite
def pages(draw):
    elements = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(NAMES)
        attrs = " ".join(f'{draw(ATTRS)}="{draw(VALUES)}"' for _ in range(draw(st.integers(0, 3))))
        elements.append(f"<{tag} {attrs}>{draw(VALUES)} (Photo: {draw(VALUES)})</{tag}>")
    return "<html><body>" + "".join(elements) + "</body></html>"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_extraction_never_raises_on_arbitrary_tags_attributes_and_values(html):
    embeds, credits = extract.find_all(html, "html")
    assert isinstance(embeds, list) and isinstance(credits, list)


BINARY = b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8


@pytest.mark.parametrize("command", [["report", "--offline", "-o", "out"], ["archive", "--offline"],
                                     ["scan", "--offline"]], ids=lambda c: c[0])
def test_a_skipped_file_leaves_no_traceback_on_stderr(tmp_path, command):
    """Before, `report` and `archive` over a folder holding a binary file printed "Future exception was never
    retrieved" and a traceback when the run ended (the worker pool's exception was never collected)."""
    import subprocess
    import sys

    articles = folder(tmp_path, {f"{n}.html": GOOD for n in "abc"})
    (articles / "b.bin.html").write_bytes(BINARY)
    done = subprocess.run([sys.executable, "-m", "resolver", "--db", str(tmp_path / "c.db"), *command[:1],
                           "--workers", "2", *command[1:], str(articles)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode in (0, 3), done.stderr
    assert [line for line in lines(done.stderr) if not line.startswith(("warning: ", "reported ", "archived ",
                                                                        "scanned ", "wrote ", "links: ", "posts: "))] == []


def test_fetch_over_a_folder_skips_what_is_no_article_and_goes_on(tmp_path):
    """Before, `fetch articles/` with one binary file among them ended at it ("error: cannot scan …"), fetching
    nothing of the others, and a broken link was dropped without a word."""
    articles = folder(tmp_path, {"a.html": GOOD})
    (articles / "b.html").write_bytes(BINARY)
    os.symlink(tmp_path / "gone.html", articles / "c.html")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "fetch", "--offline", "--json", str(articles)])
    assert result.exit_code == 3, result.output       # the one post was never fetched: not in the cache
    assert [json.loads(line)["post_id"] for line in lines(result.stdout)] == ["1600000000000000001"]
    assert lines(result.stderr) == [
        f"warning: cannot scan {articles / 'b.html'}: it looks like an executable, not an article (HTML or text); "
        "skipped",
        f"warning: broken link {articles / 'c.html'} -> {tmp_path / 'gone.html'}; skipped"]


def test_fetch_of_a_named_file_that_is_no_article_is_an_error_and_the_rest_goes_on(tmp_path):
    articles = folder(tmp_path, {"a.html": GOOD})
    (tmp_path / "b.html").write_bytes(BINARY)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "fetch", "--offline", "--json",
                                      str(tmp_path / "b.html"), str(articles)])
    assert result.exit_code == 1, result.output
    printed = [json.loads(line) for line in lines(result.stdout)]
    assert [r.get("post_id") for r in printed] == ["1600000000000000001", None]
    assert printed[1]["source"] == str(tmp_path / "b.html")   # the failed target's own line (#11)
    assert lines(result.stderr) == [f"error: cannot scan {tmp_path / 'b.html'}: it looks like an executable, not an "
                                    "article (HTML or text)"]


def test_newuser37_debug_prints_the_traceback_of_an_article_s_internal_error(tmp_path, monkeypatch):
    """newuser37 #4: `EMBED_RESOLVER_DEBUG=1` printed no traceback for an article's "internal error: KeyError: ..."
    in a batch: the failure kept only the exception's message, and the line said nothing of where it came from. The
    line stays one; the traceback follows it with the variable set, and only then."""
    trip_on_boom(monkeypatch)
    articles = folder(tmp_path, {"a.html": GOOD, "b.html": GOOD + "BOOM"})
    quiet = scan(tmp_path, str(articles))
    assert "Traceback" not in quiet.stderr and quiet.exit_code == 1
    monkeypatch.setenv("EMBED_RESOLVER_DEBUG", "1")
    (tmp_path / "c.db").unlink()
    loud = scan(tmp_path, str(articles))
    assert loud.exit_code == 1
    error = f"error: {articles / 'b.html'}: internal error: RuntimeError: the detector tripped"
    assert error in loud.stderr.splitlines()
    after = loud.stderr.split(error, 1)[1]
    assert after.lstrip("\n").startswith("Traceback (most recent call last):"), loud.stderr
    assert "in find_all" in after and "RuntimeError: the detector tripped" in after
    [row] = Store(tmp_path / "c.db").errors()
    assert row["message"] == "the detector tripped"   # the errors table keeps the message, as before
