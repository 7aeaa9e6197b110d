"""One run, one loop, typed results (#13): a run's articles share one client and one set of rate budgets, the
event loop is started once, results keep the same JSON keys whatever ran, and the Python API of the README."""

import asyncio
import json

import pytest
from click.testing import CliRunner

from resolver import pipeline
from resolver.archive import ArchiveOptions
from resolver.budgets import Budgets
from resolver.cli import cli
from resolver.inputs import InputSpec, iter_items
from resolver.session import Mode, Session
from tests.fakenet import redirect
from tests.test_archive import serve_wayback, settings_for
from tests.test_fetch import json_page

SAVE = "https://web.archive.org/save"
FIRST, SECOND = "1600000000000000011", "1600000000000000022"


def article(post_id: str) -> str:
    return (f"Bridge reopened this morning. https://twitter.com/RivertonRoads/status/{post_id}\n"
            "— Riverton Roads (@RivertonRoads) December 6, 2022\n")


def linked_article(link: str) -> str:
    return f"Bridge reopened this morning. {link}\n— Riverton Roads (@RivertonRoads) December 6, 2022\n"


class FakeClock:
    """A monotonic clock that moves only when someone sleeps on it; each sleep is noted with what the server
    had seen by then."""

    def __init__(self, seen: list[str]) -> None:
        self.now = 0.0
        self.seen = seen
        self.sleeps: list[tuple[float, list[str]]] = []

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append((seconds, list(self.seen)))
        self.now += seconds
        await asyncio.sleep(0)


def test_two_articles_of_one_run_share_one_save_page_now_budget(fakenet, store, tmp_path):
    saved: list[str] = []

    def submit(request):
        saved.append(request.form["url"])
        job = f"job-{len(saved)}"   # its success names the URL submitted, as Save Page Now's does (fix47a)
        fakenet.route("web.archive.org", f"/save/status/{job}", json_page(
            {"status": "success", "job_id": job, "original_url": request.form["url"], "timestamp": "20260101000000"}))
        return json_page({"url": request.form["url"], "job_id": job})(request)
    serve_wayback(fakenet)                                           # no capture anywhere: both posts need a save
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", json_page({}, 404))
    fakenet.route("web.archive.org", "/save", submit)
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s", x_methods=("syndication",))
    clock = FakeClock(saved)
    # One Save Page Now request a minute; CDX unlimited here, so the only wait is the save's (the not-found posts'
    # archived copies are looked up through CDX too, #9).
    budgets = Budgets({SAVE: 1, "https://web.archive.org/cdx": 0}, clock=clock.time, sleep=clock.sleep)
    paths = []
    for name, post_id in (("first.txt", FIRST), ("second.txt", SECOND)):
        paths.append(tmp_path / name)
        paths[-1].write_text(article(post_id))
    steps = pipeline.Steps(archive=ArchiveOptions(save=True, live_copy=False, poll_every=0.01))
    outcomes = []
    summary = pipeline.run(iter_items(InputSpec(files=tuple(str(p) for p in paths))),
                           session=Session(settings, store=store, budgets=budgets), steps=steps, emit=outcomes.append,
                           options=pipeline.RunOptions(window=1))   # one article after the other: a fixed order
    assert summary.articles == 2 and summary.failed == 0
    assert saved == [f"https://twitter.com/RivertonRoads/status/{FIRST}", f"https://twitter.com/RivertonRoads/status/{SECOND}"]
    # The second article's save waited a minute for the token the first one took, and only that save waited.
    assert clock.sleeps == [(pytest.approx(60.0), saved[:1])]
    assert budgets.bucket_for(SAVE).tokens == pytest.approx(0.0)
    assert [o.archives[0].saved.status for o in outcomes] == ["success", "success"]


def test_a_scan_of_many_articles_starts_one_loop_and_builds_one_client(fakenet, tmp_path, monkeypatch):
    from resolver import http

    fakenet.route("t.co", "/a1", redirect("https://twitter.com/a/status/11"))
    fakenet.route("t.co", "/a2", redirect("https://twitter.com/a/status/22"))
    config = tmp_path / "config.toml"
    config.write_text(f'[network]\nretries = 0\n[origins]\n"https://t.co" = "{fakenet.origin}"\n')
    for i in (1, 2):
        (tmp_path / f"a{i}.txt").write_text(linked_article(f"https://t.co/a{i}"))
    loops, clients = [], []
    real_run, real_make_client = asyncio.run, http.make_client
    monkeypatch.setattr(asyncio, "run", lambda main: loops.append(main) or real_run(main))
    monkeypatch.setattr(http, "make_client", lambda *a, **k: clients.append(a) or real_make_client(*a, **k))
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "scan", "--resolve",
                                      "--json", str(tmp_path / "a1.txt"), str(tmp_path / "a2.txt")])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["resolutions"][0]["post"]["post_id"] for line in result.stdout.splitlines()] == ["11", "22"]
    assert len(loops) == 1 and len(clients) == 1


def test_a_run_that_needs_no_request_builds_no_client(store, monkeypatch):
    from resolver import http
    from resolver.resolve import resolve_many
    from resolver.settings import Settings

    monkeypatch.setattr(http, "make_client", lambda *a, **k: pytest.fail("a client was built"))
    [found] = Session(Settings(), store=store).run(
        lambda s: resolve_many(["https://twitter.com/a/status/20"], session=s))    # a post URL needs no request
    assert found.post.post_id == "20"


def test_json_keys_are_the_same_whatever_ran(tmp_path, fakenet):
    fakenet.route("t.co", "/a1", redirect("https://twitter.com/a/status/11"))
    config = tmp_path / "config.toml"
    config.write_text(f'[network]\nretries = 0\n[origins]\n"https://t.co" = "{fakenet.origin}"\n')
    plain, linked = tmp_path / "plain.txt", tmp_path / "linked.txt"
    plain.write_text("Nothing embedded here.\n")
    linked.write_text(linked_article("https://t.co/a1"))

    def scan(*args):
        result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "scan", "--json",
                                          *args])
        return [json.loads(line) for line in result.stdout.splitlines()]
    steps = ("resolutions", "posts", "credited_images", "archives", "identifications")
    only_scan, resolved = scan(str(plain)), scan("--resolve", str(plain), str(linked))
    assert set(only_scan[0]) == set(resolved[0]) == set(resolved[1])
    assert [only_scan[0][k] for k in steps] == [None] * 5                     # no step ran: null
    assert [resolved[0][k] for k in steps] == [[], None, None, None, None]     # ran, found nothing: []
    assert len(resolved[1]["resolutions"]) == 1 and resolved[1]["unavailable"] is False


def test_python_api_scans_text_bytes_and_files(tmp_path):
    html = ('<blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads (@RivertonRoads) '
            '<a href="https://twitter.com/RivertonRoads/status/20">December 6, 2022</a></blockquote>')
    from_text = pipeline.scan(html)
    assert [e.post_id for e in from_text.embeds] == ["20"] and from_text.resolutions is None
    assert pipeline.scan(html.encode()).to_json()["embeds"] == from_text.to_json()["embeds"]
    path = tmp_path / "story.html"
    path.write_text(html)
    assert pipeline.scan_file(path).embeds == from_text.embeds


KIND_ERROR = "kind must be 'html' or 'text' (or None: sniffed), not {!r}"


@pytest.mark.parametrize("call, error, message", [
    (lambda: pipeline.scan("<p>x</p>", kind="pdf"), ValueError, KIND_ERROR.format("pdf")),
    (lambda: pipeline.scan("<p>x</p>", kind="txt"), ValueError, KIND_ERROR.format("txt")),
    (lambda: pipeline.scan("<p>x</p>", kind=1), ValueError, KIND_ERROR.format(1)),
    (lambda: pipeline.scan_file("examples/article.html", kind="pdf"), ValueError, KIND_ERROR.format("pdf")),
    (lambda: pipeline.scan(None), TypeError, "content must be str or bytes, not NoneType"),
    (lambda: pipeline.scan({"a": 1}), TypeError, "content must be str or bytes, not dict"),
    (lambda: pipeline.scan("x", source=None), TypeError, "source must be str, not NoneType"),
    (lambda: pipeline.scan_file("examples/article.html", encoding=8), TypeError, "encoding must be str, not int"),
    (lambda: list(iter_items(None)), TypeError, "spec must be an InputSpec, not NoneType"),
    (lambda: list(iter_items(("examples/",))), TypeError, "spec must be an InputSpec, not tuple"),
    (lambda: pipeline.scan_file(None), TypeError, "path must be str or os.PathLike, not NoneType"),
    (lambda: pipeline.scan_file(b"examples/article.html"), TypeError, "path must be str or os.PathLike, not bytes"),
    (lambda: pipeline.RunOptions(workers="2"), TypeError, "RunOptions workers: expected an int, not str ('2')"),
    (lambda: pipeline.RunOptions(workers=None), TypeError, "RunOptions workers: expected an int, not NoneType (None)"),
    (lambda: pipeline.RunOptions(workers=2.5), TypeError, "RunOptions workers: expected an int, not float (2.5)"),
    (lambda: pipeline.RunOptions(workers=True), TypeError, "RunOptions workers: expected an int, not bool (True)"),
    (lambda: pipeline.RunOptions(workers=0), ValueError, "RunOptions workers: must be at least 1, not 0"),
    (lambda: pipeline.RunOptions(workers=-1), ValueError, "RunOptions workers: must be at least 1, not -1"),
    (lambda: pipeline.RunOptions(window="8"), TypeError, "RunOptions window: expected an int or None, not str ('8')"),
    (lambda: pipeline.RunOptions(window=0), ValueError, "RunOptions window: must be at least 1, not 0"),
], ids=["pdf", "txt", "int", "file-pdf", "none", "dict", "source", "encoding", "spec-none", "spec-tuple",
        "file-none", "file-bytes", "workers-str", "workers-none", "workers-float", "workers-bool", "workers-0",
        "workers-negative", "window-str", "window-0"])
def test_python_api_refuses_what_it_cannot_read_naming_the_argument(call, error, message, monkeypatch):
    """newuser30 #6: `scan(h, kind="pdf")` read the page as text and said kind "pdf"; `scan(None)` and `scan({})` raised
    a TypeError or AttributeError from deep inside that named no argument."""
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).parent.parent)
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value) == message


def test_python_api_kind_is_case_folded():
    """newuser30 #6: `kind="HTML"` read the page as plain text (the blockquote's text and author lost) and said
    kind "HTML"."""
    html = ('<blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads (@RivertonRoads) '
            '<a href="https://twitter.com/RivertonRoads/status/20">December 6, 2022</a></blockquote>')
    result = pipeline.scan(html, kind="HTML")
    assert result.to_json()["kind"] == "html" and result.embeds == pipeline.scan(html, kind="html").embeds
    assert result.embeds[0].text == "Bridge reopened." and result.embeds[0].detector == "html-blockquote"
    assert pipeline.scan(bytearray(html.encode()), kind=" Text ").article.kind == "text"


@pytest.mark.parametrize("items, message", [
    (None, "items must be an iterable of inputs.Item (iter_items(InputSpec(...)) makes them), not NoneType"),
    ("examples/", "items must be an iterable of inputs.Item (iter_items(InputSpec(...)) makes them), not str"),
    (InputSpec(files=("examples/",)),
     "items must be an iterable of inputs.Item (iter_items(InputSpec(...)) makes them), not InputSpec"),
    (["examples/article.html"], "items must be an iterable of inputs.Item (iter_items(InputSpec(...)) makes them), not str"),
], ids=["none", "str", "spec", "list-of-paths"])
def test_pipeline_run_names_what_it_wants(items, message):
    run = Session(pipeline_settings(), mode=Mode(offline=True))
    with pytest.raises(TypeError) as raised:
        pipeline.run(items, session=run)
    assert str(raised.value) == message


@pytest.mark.parametrize("make, message", [
    (lambda: Session(None), "settings must be a settings.Settings (load_settings() makes one), not NoneType"),
    (lambda: Session(pipeline_settings(), store="cache.db"), "store must be a cache.Store or None, not str"),
    (lambda: Session(pipeline_settings(), mode=True), "mode must be a session.Mode, not bool"),
    (lambda: Mode(offline="no"), "Mode offline must be True or False, not str"),
    (lambda: Mode(refresh=1), "Mode refresh must be True or False, not int"),
], ids=["settings", "store", "mode", "offline-str", "refresh-int"])
def test_session_names_what_it_wants(make, message):
    """newuser30 #6, the README's other entries: `Session(None)` raised AttributeError ('limits'), and
    `Mode(offline="no")` ran offline (and `offline=""` online) without a word."""
    with pytest.raises(TypeError) as raised:
        make()
    assert str(raised.value) == message


def pipeline_settings():
    from resolver.settings import load_settings

    return load_settings(env={})


def test_the_readmes_pipeline_example_prints_json(capsys, monkeypatch):
    """The README's `pipeline.run` example printed `o.to_json()`, a dict's repr (`{'source': …, 'url': None …}`),
    not the JSON its words promise."""
    import re
    from pathlib import Path

    root = Path(__file__).parent.parent
    blocks = re.findall(r"```python\n(.*?)```", (root / "README.md").read_text(), re.S)
    [example] = [block for block in blocks if "pipeline.run(" in block and "ThreadPoolExecutor" not in block]
    monkeypatch.chdir(root)
    exec(example, {})
    printed = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in printed] == ["examples/article.html", "examples/article.txt"]


def test_the_readmes_threads_example_runs_a_session_per_job(capsys, monkeypatch, tmp_path):
    """The README's thread-pool and asyncio example (newuser43b #2): a Session per job, one Store shared; both print
    each article's JSON, in order. Its cache goes to tmp_path, not the checkout."""
    import ast
    import re
    import warnings
    from pathlib import Path

    from resolver.errors import BudgetNotKept

    root = Path(__file__).parent.parent
    blocks = re.findall(r"```python\n(.*?)```", (root / "README.md").read_text(), re.S)
    [example] = [block for block in blocks if "ThreadPoolExecutor" in block]
    monkeypatch.chdir(root)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BudgetNotKept)   # read in threads: the budget is not kept, and says so
        exec(example.replace('Store("cache.db")', f"Store({str(tmp_path / 'c.db')!r})"), {})
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2
    for line in printed:
        assert [[r["source"] for r in out] for out in ast.literal_eval(line)] == [["examples/article.html"],
                                                                                  ["examples/article.txt"]]


def test_python_api_scans_text_with_a_lone_surrogate():
    """Text from JSON may hold a lone surrogate ("\\ud800"): `scan(text)` raised UnicodeEncodeError; it is "?", as
    in a JSON Lines record."""
    result = pipeline.scan("Bridge \ud800 open. pic.twitter.com/Zz98Yy76Xx — Ann Lee (@annlee_fict) December 6, 2022")
    assert result.article.text.startswith("Bridge ? open.") and result.embeds[0].author_name == "Ann Lee"


def test_offline_with_refresh_is_refused_before_anything_runs():
    from resolver.errors import UsageError

    with pytest.raises(UsageError, match="--offline and --refresh"):
        Mode(offline=True, refresh=True)


def test_replaced_result_keeps_the_made_once_json_only_of_what_it_does_not_replace():
    """`ArticleResult.replaced` copies the instance (#13) as `dataclasses.replace` would: the changed fields,
    the embeds' and credits' JSON kept unless the embeds or credits are what changed, and an unknown name refused."""
    first = pipeline.scan('<p>Photo: Bea Example / Riverton Post</p> pic.twitter.com/q3uNO4mJHi', source="a.txt")
    embeds_json, credits_json = first.embeds_json, first.credits_json
    second = first.replaced(article_id=7, resolutions=())
    assert second == pipeline.ArticleResult(first.article, first.embeds, first.credits, article_id=7, resolutions=(),
                                            thin=first.thin)   # 61 characters and a link only: warned (servers31)
    assert second.embeds_json is embeds_json and second.credits_json is credits_json
    assert first.article_id is None and first.resolutions is None
    third = second.replaced(credits=())
    assert third.embeds_json is embeds_json and third.credits_json == [] and third.resolutions == ()
    with pytest.raises(TypeError, match="no field 'nothing'"):
        first.replaced(nothing=1)


def test_a_run_asked_to_stop_reads_no_more_input_and_commits_what_it_finished(tmp_path, store):
    """`RunOptions.stop` (what a shard on a cluster polls, #13): once it says yes, no more input is read; the
    articles handed on are marked finished, so the same job run again skips them."""
    from resolver.settings import Settings

    paths = []
    for n in range(6):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(article(f"16000000000000001{n:02d}"))
    read = []

    def items():
        for item in iter_items(InputSpec(files=tuple(str(p) for p in paths))):
            read.append(item)
            yield item
    summary = pipeline.run(items(), session=Session(Settings(), store=store),
                           options=pipeline.RunOptions(job="stopped", stop=lambda: len(read) >= 2))
    assert summary.articles == len(read) == 2
    assert store.done_count("stopped") == 2


@pytest.mark.parametrize("make, os_error", [
    (lambda tmp: tmp / "missing.html", FileNotFoundError),
    (lambda tmp: tmp, IsADirectoryError),
], ids=["missing", "a-folder"])
def test_newuser33b_a_file_scan_file_cannot_open_is_the_os_error_python_callers_catch(tmp_path, make, os_error):
    """newuser33b #10: `scan_file("/missing")` raised InputError alone, which `except FileNotFoundError` / `except
    OSError` around a file call (what a Python user writes) did not catch. It is both: an InputError saying the one
    line the CLI says, and the OSError the open raised, with its errno and file name."""
    import errno
    import pickle

    from resolver.errors import InputError
    from resolver.pipeline import scan_file

    path = make(tmp_path)
    with pytest.raises(os_error) as raised:
        scan_file(path)
    assert isinstance(raised.value, InputError) and isinstance(raised.value, OSError)
    said = "no such file" if os_error is FileNotFoundError else "it is a directory"
    assert str(raised.value) == f"cannot read {path}: {said}"
    assert raised.value.errno == (errno.ENOENT if os_error is FileNotFoundError else errno.EISDIR)
    assert raised.value.filename == str(path)
    again = pickle.loads(pickle.dumps(raised.value))   # a worker hands it back pickled
    assert type(again) is type(raised.value) and str(again) == str(raised.value) and again.errno == raised.value.errno
