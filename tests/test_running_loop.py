"""The library's sync entry points called where an event loop already runs in the thread, as in a Jupyter cell
(newuser38b #2: `pipeline.run` with any network step raised "asyncio.run() cannot be called from a running event
loop" and warned "coroutine … was never awaited"). The run's loop then runs on a worker thread, and the call waits
for it. Against a loopback server."""

import asyncio
import warnings

from resolver import pipeline
from resolver.inputs import InputSpec, iter_items
from resolver.session import Session
from tests.test_archive import settings_for
from tests.test_fetch import json_page


def test_pipeline_run_inside_a_running_event_loop_fetches_the_posts(fakenet, store, tmp_path):
    fakenet.route("www.youtube.com", "/oembed", json_page({
        "type": "video", "version": "1.0", "title": "Levee at dawn", "author_name": "Riverton Courier",
        "author_url": "https://www.youtube.com/@rivertoncourier", "html": "<iframe></iframe>"}))
    (tmp_path / "story.txt").write_text("The levee held overnight, officials said.\n\n"
                                        "https://www.youtube.com/watch?v=Lev33AtDawn\n")
    settings = settings_for(fakenet, article_budget=0)   # a budget: a BudgetNotKept warning (test_session_shared)
    outcomes: list = []

    async def cell() -> object:   # a notebook cell: a loop runs in this thread
        asyncio.get_running_loop()
        return pipeline.run(iter_items(InputSpec(files=(str(tmp_path / "story.txt"),))),
                            session=Session(settings, store=store), steps=pipeline.Steps(fetch=True),
                            emit=outcomes.append)
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # "coroutine … was never awaited" would fail the test
        summary = asyncio.run(cell())
    assert summary.articles == 1 and summary.failed == 0
    [result] = outcomes
    [found] = result.posts
    assert (found.value.record.post_id, found.value.record.status) == ("Lev33AtDawn", "available")
    assert any(host == "www.youtube.com" for host, _ in fakenet.hits)


def test_session_run_inside_a_running_event_loop_runs_the_job_on_a_worker_thread(fakenet):
    import threading

    threads = []

    async def job(session: Session) -> str:
        threads.append(threading.current_thread())
        return "done"

    async def cell() -> str:
        return Session(settings_for(fakenet)).run(job)
    assert asyncio.run(cell()) == "done"
    assert threads and threads[0] is not threading.main_thread()


def test_an_interrupt_while_waiting_cancels_the_run_on_its_thread(fakenet):
    """A notebook's "interrupt kernel" (KeyboardInterrupt in the waiting thread) cancels the run's task, as Ctrl-C
    cancels asyncio.run's, rather than waiting for the whole run to end."""
    import signal
    import threading

    cancelled = threading.Event()

    async def job(session: Session) -> str:
        main = threading.main_thread().ident
        threading.Timer(0.2, signal.pthread_kill, (main, signal.SIGINT)).start()   # a real signal, as Ctrl-C sends
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return "never"

    async def cell() -> str:   # a kernel's cell: Ctrl-C raises KeyboardInterrupt (asyncio.run's own handler waits)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        return Session(settings_for(fakenet)).run(job)
    if threading.current_thread() is not threading.main_thread():
        import pytest

        pytest.skip("Python runs a signal's handler in the main thread only")
    import pytest

    with pytest.raises(KeyboardInterrupt):
        asyncio.run(cell())
    assert cancelled.wait(5)


def test_review39b_an_error_of_the_job_on_its_thread_reaches_the_caller_as_itself(fakenet, store):
    """The job's own exception, raised on the worker thread, is raised to the caller (its type and words), and the
    cache's connection, used by the job on that thread, is usable again by the caller's thread afterwards."""
    import pytest

    class Broken(RuntimeError):
        pass

    async def job(session: Session) -> str:
        assert session.store is not None
        session.store.conn.execute("SELECT 1").fetchone()   # the caller's connection, on the worker thread
        raise Broken("the job's own words")

    async def cell() -> str:
        return Session(settings_for(fakenet), store=store).run(job)
    with pytest.raises(Broken, match="the job's own words"):
        asyncio.run(cell())
    assert store.conn.execute("SELECT 1").fetchone()[0] == 1


class Stopped(KeyboardInterrupt):
    """What a command's SIGTERM handler raises (`resolver.cli.Terminated`: SIGTERM taken as a Ctrl-C)."""


def test_sigterm_in_the_event_loop_cancels_the_run_at_an_await_as_ctrl_c_does(fakenet):
    """SIGTERM while the run's loop runs in the main thread: the run's task is cancelled, as asyncio.run's own
    handler does for Ctrl-C, and the command's handler raises its interrupt once the loop has ended. It raised at
    whatever line the main thread was on (CI, stop 39: inside asyncio's transport setup, "AttributeError:
    '_SelectorSocketTransport' object has no attribute '_closing'"; an outcome handed on and not marked finished, so
    printed twice by the re-run; a run that never ended)."""
    import os
    import signal
    import threading
    import time

    import pytest

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("Python runs a signal's handler in the main thread only")
    steps: list[str] = []

    async def job(session: Session) -> str:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)          # lines with no await: a signal must not land between them
        steps.append("the lines before the await all ran")
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            steps.append("cancelled at the await")
            raise
        return "never"

    def terminated(number: int, frame: object) -> None:
        raise Stopped()
    before = signal.signal(signal.SIGTERM, terminated)
    try:
        with pytest.raises(Stopped):
            Session(settings_for(fakenet)).run(job)
        assert steps == ["the lines before the await all ran", "cancelled at the await"]
        assert signal.getsignal(signal.SIGTERM) is terminated   # the command's handler is back
        # a second SIGTERM while the run is being cancelled stops it at once (a stuck clean-up is not waited for)
        steps.clear()

        async def stuck(session: Session) -> str:
            os.kill(os.getpid(), signal.SIGTERM)
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                steps.append("cancelled")
                os.kill(os.getpid(), signal.SIGTERM)
                await asyncio.sleep(30)   # a clean-up that does not end
            return "never"
        with pytest.raises(Stopped):
            Session(settings_for(fakenet)).run(stuck)
        assert steps == ["cancelled"]
    finally:
        signal.signal(signal.SIGTERM, before)


def test_sigterm_left_as_it_was_when_nothing_turns_it_into_an_interrupt(fakenet):
    """With SIGTERM's handler not a function (ignored, or the default, which ends the process), the run leaves it
    alone: an ignored SIGTERM stays ignored while the loop runs."""
    import os
    import signal
    import threading

    import pytest

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("Python runs a signal's handler in the main thread only")

    async def job(session: Session) -> str:
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.sleep(0.05)
        return "done"
    before = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        assert Session(settings_for(fakenet)).run(job) == "done"
    finally:
        signal.signal(signal.SIGTERM, before)
