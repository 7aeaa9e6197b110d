"""One Session shared by threads (newuser43b #2): a web app that made one at start and gave it to every request's
`asyncio.to_thread(pipeline.run, …)` got live posts said "not_found" (kept by the cache), "attached to a different
loop" internal errors, hangs, and a `NotCached` (a BaseException) out of `pipeline.run`. A session runs one job at a
time: a second, asked while the first runs, is refused at once with `SessionBusy`; after it, the session runs the
next. Real threads against a loopback server, which holds the first job's request until the second was asked: no
sleep decides the result."""

import threading

import pytest
from werkzeug.wrappers import Response

from resolver import pipeline
from resolver.errors import EmbedResolverError, SessionBusy
from resolver.inputs import InputSpec, iter_items
from resolver.session import Session
from tests.test_archive import settings_for
from tests.test_fetch import json_page

OEMBED = {"type": "video", "version": "1.0", "title": "Levee at dawn", "author_name": "Riverton Courier",
          "author_url": "https://www.youtube.com/@rivertoncourier", "html": "<iframe></iframe>"}


def _story(tmp_path, name: str, video: str):
    path = tmp_path / name
    path.write_text(f"The levee held overnight, officials said.\n\nhttps://www.youtube.com/watch?v={video}\n")
    return iter_items(InputSpec(files=(str(path),)))


def _statuses(outcomes):
    return [(found.value.record.post_id, found.value.record.status) for o in outcomes for found in o.posts]


def test_a_second_job_on_a_busy_session_is_refused_at_once_and_the_first_is_right(fakenet, store, tmp_path):
    asked, release = threading.Event(), threading.Event()

    def held(request):   # the first job's request waits here until the test has asked the session for a second
        asked.set()
        release.wait(10)
        return json_page(OEMBED)(request)
    fakenet.route("www.youtube.com", "/oembed", held, json_page(OEMBED))
    session = Session(settings_for(fakenet, article_budget=0), store=store)   # read in a thread: no budget (see below)
    first: list = []
    errors: list[BaseException] = []

    def request_thread() -> None:
        try:
            pipeline.run(_story(tmp_path, "a.txt", "Lev33AtDawn"), session=session, steps=pipeline.Steps(fetch=True),
                         emit=first.append)
        except BaseException as error:   # noqa: BLE001 - handed to the test's thread
            errors.append(error)
    worker = threading.Thread(target=request_thread)
    worker.start()
    try:
        assert asked.wait(10), "the first job never asked the server"
        with pytest.raises(SessionBusy, match="one Session per job") as refused:
            pipeline.run(_story(tmp_path, "b.txt", "Lev33AtDusk"), session=session, steps=pipeline.Steps(fetch=True))
        assert isinstance(refused.value, EmbedResolverError) and isinstance(refused.value, RuntimeError)

        async def job(s: Session) -> str:
            return "ran"
        with pytest.raises(SessionBusy):
            session.run(job)
    finally:
        release.set()
        worker.join(20)
    assert not worker.is_alive() and errors == []
    assert _statuses(first) == [("Lev33AtDawn", "available")]
    # the first job over, the session runs the next, from another thread
    second: list = []
    pipeline.run(_story(tmp_path, "c.txt", "Lev33AtDusk"), session=session, steps=pipeline.Steps(fetch=True),
                 emit=second.append)
    assert _statuses(second) == [("Lev33AtDusk", "available")]


def test_a_job_started_from_inside_the_sessions_own_job_is_refused(fakenet, store, tmp_path):
    """An `emit` that runs another job on the session it is called from (in the run's own thread) is refused too:
    the run would have shared its loop and flags with it."""
    fakenet.route("www.youtube.com", "/oembed", json_page(OEMBED))
    session = Session(settings_for(fakenet, article_budget=0), store=store)   # read in a thread: no budget (see below)
    nested: list[BaseException] = []

    def emit(outcome) -> None:
        try:
            pipeline.run(_story(tmp_path, "b.txt", "Lev33AtDusk"), session=session, steps=pipeline.Steps(fetch=True))
        except SessionBusy as error:
            nested.append(error)
    summary = pipeline.run(_story(tmp_path, "a.txt", "Lev33AtDawn"), session=session,
                           steps=pipeline.Steps(fetch=True), emit=emit)
    assert summary.articles == 1 and summary.failed == 0 and len(nested) == 1


def test_a_run_off_the_main_thread_says_its_article_budget_is_not_kept(tmp_path):
    """newuser43b #5: `[scan] article_budget` (a SIGALRM timer) cannot time a page read off the main thread; the same
    page was an error in the main thread and seconds of work in a pool thread, with no word. The run says so, as a
    BudgetNotKept warning; in the main thread, or with the budget 0 (the caller accepts none), nothing."""
    import warnings

    from resolver.errors import BudgetNotKept
    from resolver.settings import Settings

    (tmp_path / "a.txt").write_text("The levee held overnight.\n\nhttps://www.youtube.com/watch?v=Lev33AtDawn\n")

    def scan_in(thread: bool, budget: float) -> list[str]:
        session = Session(Settings(article_budget=budget))
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            def call() -> None:
                pipeline.run(iter_items(InputSpec(files=str(tmp_path / "a.txt"))), session=session)
            if thread:
                worker = threading.Thread(target=call, name="request-7")
                worker.start()
                worker.join(20)
            else:
                call()
        return [str(w.message) for w in said if issubclass(w.category, BudgetNotKept)]
    [said] = scan_in(True, 20.0)
    assert "article_budget (20 s) is not enforced: this run reads its articles off the main thread" in said
    assert scan_in(True, 0.0) == []
    if threading.current_thread() is threading.main_thread():
        assert scan_in(False, 20.0) == []
