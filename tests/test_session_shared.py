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
    session = Session(settings_for(fakenet), store=store)
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
    session = Session(settings_for(fakenet), store=store)
    nested: list[BaseException] = []

    def emit(outcome) -> None:
        try:
            pipeline.run(_story(tmp_path, "b.txt", "Lev33AtDusk"), session=session, steps=pipeline.Steps(fetch=True))
        except SessionBusy as error:
            nested.append(error)
    summary = pipeline.run(_story(tmp_path, "a.txt", "Lev33AtDawn"), session=session,
                           steps=pipeline.Steps(fetch=True), emit=emit)
    assert summary.articles == 1 and summary.failed == 0 and len(nested) == 1
