"""A run collects the youngest generation less often while its loop runs (#14), and puts the collector's
thresholds back after, also when runs overlap in threads or a run fails."""

from __future__ import annotations

import gc
import threading

import pytest

from resolver import session as session_module
from resolver.session import Session
from resolver.settings import Settings


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


async def threshold_now(session: Session) -> tuple[int, ...]:
    return gc.get_threshold()


def test_a_run_raises_the_young_threshold_and_puts_it_back(thresholds):
    assert Session(Settings()).run(threshold_now) == (session_module.YOUNG_OBJECTS, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_is_kept(thresholds):
    gc.set_threshold(50_000, 5, 5)
    assert Session(Settings()).run(threshold_now) == (50_000, 5, 5)
    assert gc.get_threshold() == (50_000, 5, 5)


def test_collection_turned_off_stays_off(thresholds):
    gc.set_threshold(0, 10, 10)   # threshold 0: no automatic collection
    assert Session(Settings()).run(threshold_now) == (0, 10, 10)
    assert gc.get_threshold() == (0, 10, 10)


def test_a_failed_run_puts_it_back(thresholds):
    async def fail(session: Session) -> None:
        raise RuntimeError("boom")
    with pytest.raises(RuntimeError):
        Session(Settings()).run(fail)
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_runs_put_it_back_after_the_last(thresholds):
    """Run A starts, run B starts, A ends: B still runs with the raised threshold; when B ends it is put back."""
    import asyncio

    a_in, b_in, a_go, a_done = (threading.Event() for _ in range(4))
    seen_by_b = []

    async def a(session: Session) -> None:
        a_in.set()
        await asyncio.to_thread(a_go.wait, 5)

    async def b(session: Session) -> None:
        b_in.set()
        await asyncio.to_thread(a_done.wait, 5)
        seen_by_b.append(gc.get_threshold()[0])
    first = threading.Thread(target=Session(Settings()).run, args=(a,))
    second = threading.Thread(target=Session(Settings()).run, args=(b,))
    first.start()
    assert a_in.wait(5)
    second.start()
    assert b_in.wait(5)
    a_go.set()
    first.join(60)
    assert not first.is_alive()   # b looks once a's session has ended (a join of 5 s went on if it had not)
    a_done.set()
    second.join(60)
    assert not second.is_alive()
    assert seen_by_b == [session_module.YOUNG_OBJECTS]
    assert gc.get_threshold() == (700, 10, 10)


def test_a_scan_in_this_thread_raises_the_young_threshold_and_puts_it_back(thresholds, tmp_path, store):
    """A plain scan runs in this thread, with no event loop (`pipeline.scan_here`): the collector walked what a
    chunk of articles keeps (their embeds' rows and JSON) every 700 allocations, 9 us an article outside
    extraction and 14-19 with it (#14). It collects less often there too, and puts the threshold back."""
    from resolver import pipeline
    from resolver.inputs import InputSpec

    for n in range(3):
        (tmp_path / f"a{n}.html").write_text(f"<p>Article {n}</p>")
    seen = []
    session = Session(Settings(), store=store)
    options = pipeline.RunOptions(workers=1, job="gc")
    items = pipeline.items_of(InputSpec(files=(str(tmp_path),), globs=("*.html",)), session=session,
                              options=options)
    summary = pipeline.run(items, session=session, options=options,
                           emit=lambda outcome: seen.append(gc.get_threshold()))
    assert summary.articles == 3
    assert seen == [(session_module.YOUNG_OBJECTS, 10, 10)] * 3
    assert gc.get_threshold() == (700, 10, 10)
