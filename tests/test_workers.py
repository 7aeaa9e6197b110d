"""Extraction in worker processes, and the bounded ordered window between it and network work."""

from __future__ import annotations

import asyncio
import json
import os
from contextlib import aclosing
from pathlib import Path

import pytest

from resolver.inputs import InputSpec, iter_items
from resolver.workers import Extractor, extract_item, extract_items, ordered_map

FIXTURES = Path(__file__).parent / "fixtures"


def collect(items, work, window):
    async def main():
        async with aclosing(ordered_map(items, work, window=window)) as results:
            return [r async for r in results]
    return asyncio.run(main())


def fixture_items(folder: Path, count: int) -> list:
    """The first `count` fixture pages copied into `folder` as 0.html, 1.html...; the items a scan of it reads."""
    for n, page in enumerate(sorted(FIXTURES.glob("*.html"))[:count]):
        (folder / f"{n}.html").write_bytes(page.read_bytes())
    return list(iter_items(InputSpec(files=(str(folder),))))


def test_results_come_in_input_order_whatever_order_they_finish_in() -> None:
    async def work(n: int) -> int:
        await asyncio.sleep(0.001 * (10 - n))
        return n * n
    assert collect(range(10), work, window=4) == [n * n for n in range(10)]


def test_the_window_bounds_work_in_flight_and_input_read_ahead() -> None:
    running, most, read = 0, 0, []

    def source():
        for n in range(20):
            read.append(n)
            yield n

    async def work(n: int) -> int:
        nonlocal running, most
        running += 1
        most = max(most, running)
        assert len(read) <= n + 3 + 1   # never more than the window ahead of the one being finished
        await asyncio.sleep(0.001)
        running -= 1
        return n

    assert collect(source(), work, window=3) == list(range(20))
    assert most == 3


def test_a_failure_cancels_the_work_still_running() -> None:
    cancelled = []

    async def work(n: int) -> int:
        if n == 1:
            raise ValueError("boom")
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            cancelled.append(n)
            raise
        return n

    with pytest.raises(ValueError, match="boom"):
        collect(range(10), work, window=4)
    assert sorted(cancelled) == [0, 2, 3]


def test_workers_find_what_this_process_finds(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    pages = sorted(FIXTURES.glob("*.html"))
    feed.write_text("".join(json.dumps({"html": p.read_text(), "url": f"https://n.example/{p.stem}"}) + "\n"
                            for p in pages))
    items = list(iter_items(InputSpec(files=(str(FIXTURES),), jsonl=(str(feed),), globs=("*.html",))))
    here = [extract_item(i) for i in items]

    async def main():
        with Extractor(2) as extractor:
            async with aclosing(ordered_map(items, extractor, window=4)) as results:
                return [r async for r in results]

    there = asyncio.run(main())
    assert there == here and sum(len(r.embeds) for r in there) > 10
    assert there[-1].loaded.url == f"https://n.example/{pages[-1].stem}"


def test_a_bad_input_fails_alone_in_a_worker(tmp_path: Path) -> None:
    (tmp_path / "bin.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (item,) = iter_items(InputSpec(files=(str(tmp_path / "bin.html"),)))

    async def main():
        with Extractor(2) as extractor:
            return await extractor(item)

    from resolver.errors import InputError

    with pytest.raises(InputError, match="it looks like a PNG image"):
        asyncio.run(main())


def test_grouped_items_find_what_this_process_finds_each_failing_alone(tmp_path: Path, monkeypatch) -> None:
    """Items sent GROUP at a time: the same results in the same order, fewer tasks than items, and an item that
    cannot be read fails alone in its group. A group not yet full is sent when one of its results is asked."""
    from concurrent.futures import ProcessPoolExecutor

    from resolver.errors import InputError

    fixture_items(tmp_path, 6)
    (tmp_path / "2b.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    items = list(iter_items(InputSpec(files=(str(tmp_path),))))
    assert len(items) == 7 and items[3].source.endswith("2b.html")
    tasks, submit = [], ProcessPoolExecutor.submit

    def counted(self, fn, *args, **kwargs):
        tasks.append(fn.__name__)
        return submit(self, fn, *args, **kwargs)
    monkeypatch.setattr(ProcessPoolExecutor, "submit", counted)
    monkeypatch.setattr(Extractor, "GROUP", 4)
    with Extractor(2) as extractor:
        pending = [extractor.submit(item, grouped=True) for item in items]
        assert [p.done() for p in pending][-2:] == [False, False]   # the last two wait for their group to fill
        outcomes = []
        for item, p in zip(items, pending):
            try:
                outcomes.append(extractor.result(item, p))
            except InputError as exc:
                outcomes.append(exc)
    # The first item is done here (a one-article run pays for no pool); then a group of 4 and one of 2.
    assert tasks == ["extract_items", "extract_items"]
    assert isinstance(outcomes[3], InputError) and "PNG image" in str(outcomes[3])
    here = [extract_item(item) for n, item in enumerate(items) if n != 3]
    assert [o for n, o in enumerate(outcomes) if n != 3] == here and sum(len(r.embeds) for r in here) > 3


class TwoPartError(Exception):
    """Pickled as its message alone: its copy cannot be made again (its __init__ takes two arguments)."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")


class HeldError(Exception):
    """Cannot be pickled at all: it holds a lock (as an exception holding a parser's node or a handle would)."""

    def __init__(self, message: str) -> None:
        import threading

        super().__init__(message)
        self.lock = threading.Lock()


def _as_python_pickles(monkeypatch) -> None:
    """Pickling as Python does it for the two exceptions above. Once dask has been imported in the process (the
    datasette test loads it), tblib's reducers for every exception class are installed process-wide and make
    both of them copyable: they would not test what a worker does with an exception it cannot hand back."""
    import copyreg

    for kind in (TwoPartError, HeldError):
        monkeypatch.delitem(copyreg.dispatch_table, kind, raising=False)


def odd_failures(item, *args):
    """extract_item, but two items raise exceptions a worker cannot hand back as they are (forked workers take the
    patch of resolver.workers)."""
    name = Path(item.source).name
    if name == "1.html":
        raise TwoPartError(name, "a bug")
    if name == "2.html":
        raise HeldError(f"{name}: another bug")
    return extract_item(item, *args)


def test_an_exception_a_worker_cannot_hand_back_fails_its_item_alone(tmp_path: Path, monkeypatch) -> None:
    """In a group, an item's exception that cannot be pickled, or whose copy cannot be made again, is its own
    failure (with its type and message), not its group's, nor the run's ("a worker process died")."""
    from resolver import workers

    items = fixture_items(tmp_path, 5)
    monkeypatch.setattr(workers, "extract_item", odd_failures)
    _as_python_pickles(monkeypatch)
    with Extractor(2) as extractor:
        pending = [extractor.submit(item, grouped=True) for item in items]
        outcomes = []
        for item, p in zip(items, pending):
            try:
                outcomes.append(extractor.result(item, p))
            except Exception as exc:  # noqa: BLE001 - the outcome looked at
                outcomes.append(exc)
    assert [type(o).__name__ for o in outcomes] == ["Extracted", "WorkerError", "WorkerError", "Extracted",
                                                    "Extracted"]
    assert [str(o) for o in outcomes[1:3]] == ["TwoPartError: 1.html: a bug", "HeldError: 2.html: another bug"]
    assert [o for n, o in enumerate(outcomes) if n in (0, 3, 4)] == [extract_item(items[n]) for n in (0, 3, 4)]


def test_an_item_sent_alone_sends_the_group_being_filled_first(tmp_path: Path) -> None:
    """Files (grouped) then standard input (each item alone, more may be slow to come): the files' last group is
    sent when the first item of standard input is, not held back until that input ends."""
    import time

    items = fixture_items(tmp_path, 4)
    with Extractor(2) as extractor:
        extractor.submit(items[0])                                    # here: the pool starts on the second
        grouped = [extractor.submit(item, grouped=True) for item in items[1:3]]
        alone = extractor.submit(items[3])
        extractor.result(items[3], alone)
        deadline = time.monotonic() + 10
        while not all(p.done() for p in grouped) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert all(p.done() for p in grouped)


def test_an_exception_a_worker_cannot_hand_back_fails_an_item_sent_alone_alone(tmp_path: Path, monkeypatch) -> None:
    """The same for items sent one at a time (standard input, the event loop): the pool is not broken by one."""
    from resolver import workers

    items = fixture_items(tmp_path, 4)
    monkeypatch.setattr(workers, "extract_item", odd_failures)
    _as_python_pickles(monkeypatch)
    outcomes = []
    with Extractor(2) as extractor:
        for item in items:
            try:
                outcomes.append(asyncio.run(extractor(item)))
            except Exception as exc:  # noqa: BLE001 - the outcome looked at
                outcomes.append(exc)
    assert [type(o).__name__ for o in outcomes] == ["Extracted", "WorkerError", "WorkerError", "Extracted"]
    assert [str(o) for o in outcomes[1:3]] == ["TwoPartError: 1.html: a bug", "HeldError: 2.html: another bug"]


MAIN_PID = os.getpid()


def dying(item, *args):
    """extract_item, but a worker process dies on it (as the kernel's OOM killer would end it)."""
    if os.getpid() != MAIN_PID:
        os._exit(1)
    return extract_item(item, *args)


def test_a_worker_that_died_is_said_so_by_what_is_submitted_after_it(tmp_path: Path, monkeypatch) -> None:
    """Once a worker died the pool takes nothing more: an item submitted then (alone, or its group sent) fails with
    the one-line WorkerCrashed, not the pool's own BrokenProcessPool (an "internal error" for the user)."""
    from resolver import workers
    from resolver.workers import WorkerCrashed

    items = fixture_items(tmp_path, 4)
    monkeypatch.setattr(workers, "extract_item", dying)
    with Extractor(2) as extractor:
        extractor.submit(items[0])                                   # here
        with pytest.raises(WorkerCrashed, match="a worker process died"):
            extractor.result(items[1], extractor.submit(items[1]))
        with pytest.raises(WorkerCrashed, match=f"cannot scan {items[2].source}: a worker process died"):
            extractor.submit(items[2])
        extractor.submit(items[3], grouped=True)
        with pytest.raises(WorkerCrashed, match="a worker process died"):
            extractor.send()


@pytest.mark.parametrize("data, encoding", [
    (("<p>Café “quoted” — 東京</p>" * 60).encode(), None),                               # UTF-8
    (b"\xef\xbb\xbf" + "<p>Café with a BOM</p>".encode() * 60, None),                     # utf-8-sig
    (("<p>Café in UTF-16</p>" * 60).encode("utf-16"), None),                            # a UTF-16 BOM
    (b'<meta charset="windows-1252">' + b"<p>Caf\xe9 \x93declared\x94</p>" * 60, None),  # a declared charset
    (b"<p>Caf\xe9 and \x81 undecodable, \xff\xfe bytes \x9d</p>" * 40, None),           # detected, replaced
    (b"<p>Caf\xe9 given</p>" * 80, "latin-1"),                                         # --encoding
], ids=["utf-8", "utf-8-bom", "utf-16-bom", "declared", "detected", "given"])
def test_an_article_sent_back_by_a_worker_carries_its_bytes_and_decodes_them_to_the_same_text(
        tmp_path: Path, data: bytes, encoding: str | None) -> None:
    """A worker's article comes back without its text (#14: unpickling it was most of what receiving an article
    cost the main process); the text, decoded again when something asks for it, is exactly what was scanned, and
    the hash is not computed again."""
    import pickle

    (tmp_path / "page.html").write_bytes(data)
    (item,) = iter_items(InputSpec(files=(str(tmp_path),)))
    found = extract_item(item, encoding=encoding)
    assert len(found.loaded.article.text) > 1000
    sent = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(sent) < len(data) + 1000   # the bytes, not the text beside them
    received = pickle.loads(sent).loaded.article
    assert "text" not in received.__dict__ and received.__dict__["sha256"] == found.loaded.article.sha256
    assert (received.text, received.encoding, received.data) == (
        found.loaded.article.text, found.loaded.article.encoding, data)
    assert received == found.loaded.article


def test_a_run_that_does_not_read_the_pages_gets_back_their_hash_and_size_and_not_their_bytes(tmp_path: Path) -> None:
    """`Extractor(texts=False)` (a scan: it records and prints what was found, never the page): a worker keeps the
    page and sends back what a run records of it. Receiving a page's bytes was most of what an article cost the
    main process (#14). Asking such an article for its bytes or text is an error, never an empty page."""
    import pickle

    from resolver.article import PageNotKept

    pages = sorted(FIXTURES.glob("*.html"))
    items = list(iter_items(InputSpec(files=tuple(str(p) for p in pages))))
    here = [extract_item(i) for i in items]

    async def main(texts: bool) -> list:
        with Extractor(2, texts=texts) as extractor:
            async with aclosing(ordered_map(items, extractor, window=4)) as results:
                return [r async for r in results]

    kept, thin = asyncio.run(main(True)), asyncio.run(main(False))
    assert kept == here
    assert [(t.embeds, t.credits, t.loaded.url, t.loaded.record_id) for t in thin] == [
        (h.embeds, h.credits, h.loaded.url, h.loaded.record_id) for h in here]
    for t, h in zip(thin, here, strict=True):
        article, original = t.loaded.article, h.loaded.article
        assert (article.source, article.kind, article.encoding, article.encoding_detected, article.sha256,
                article.size) == (original.source, original.kind, original.encoding, original.encoding_detected,
                                  original.sha256, len(original.data))
        assert len(pickle.dumps(t)) < len(pickle.dumps(h)) - len(original.data) // 2
        for name in ("data", "text", "utf8"):
            with pytest.raises(PageNotKept, match="was not kept"):
                getattr(article, name)
    assert sum(len(t.embeds) for t in thin) > 10


def test_a_pool_stopped_by_an_error_is_wound_down_before_the_run_goes_on(tmp_path: Path) -> None:
    """On an error (a closed stdout, Ctrl-C) queued work is dropped, and the pool's manager thread has finished
    before the run goes on to exit: left running, it closed its wake-up pipe while the interpreter's exit woke it,
    and about one `scan | head -n 1` in twenty under load printed "OSError: [Errno 9] Bad file descriptor" from
    concurrent.futures' exit handler (a Python 3.11 race, fixed upstream in 3.12: gh-125451)."""
    import threading

    pages = sorted(FIXTURES.glob("*.html"))
    items = list(iter_items(InputSpec(files=tuple(str(p) for p in pages))))
    with pytest.raises(BrokenPipeError):
        with Extractor(2) as extractor:
            pending = [extractor.submit(item, grouped=True) for item in items]
            extractor.send()
            extractor.result(items[1], pending[1])
            raise BrokenPipeError
    managers = [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]
    assert managers == []


def _held_extraction(*args, **kwargs):
    """extract_items in a worker once the file named by $HELD_UNTIL exists: nothing comes back before then."""
    import time

    while not os.path.exists(os.environ["HELD_UNTIL"]):
        time.sleep(0.005)
    return extract_items(*args, **kwargs)


def most_in_flight(spec: InputSpec, tmp_path: Path, monkeypatch, *, texts: bool) -> int:
    """A run of `spec` with two workers whose extraction is held for half a second (the main process fills its
    window in a few milliseconds): the most articles it had submitted and not yet handed on. Every article is
    handed on, found."""
    import threading

    from resolver import pipeline, workers
    from resolver.session import Session
    from resolver.settings import Settings

    released = tmp_path / "released"
    monkeypatch.setenv("HELD_UNTIL", str(released))   # the workers are forked with it
    send, submit = Extractor.send, Extractor.submit

    def held_send(self) -> None:   # the pool (started in a send) runs the held extraction
        original = workers.extract_items
        workers.extract_items = _held_extraction
        try:
            send(self)
        finally:
            workers.extract_items = original
    submitted, emitted, most = [0], [], [0]

    def counted(self, item, **kwargs):
        submitted[0] += 1
        most[0] = max(most[0], submitted[0] - len(emitted))
        return submit(self, item, **kwargs)
    monkeypatch.setattr(Extractor, "send", held_send)
    monkeypatch.setattr(Extractor, "submit", counted)
    timer = threading.Timer(0.5, released.touch)
    timer.start()
    try:
        pipeline.run(iter_items(spec), session=Session(Settings()), emit=emitted.append,
                     options=pipeline.RunOptions(workers=2, texts=texts))
    finally:
        timer.cancel()
        released.touch()
    assert len(emitted) == 240 and all(isinstance(o, pipeline.ArticleResult) and o.embeds for o in emitted)
    return most[0]


@pytest.mark.parametrize("texts", [True, False])
def test_a_run_that_keeps_no_page_lets_its_workers_run_a_batch_further_ahead(tmp_path: Path, monkeypatch,
                                                                            texts: bool) -> None:
    """While its workers are busy a run fills its window: two groups a worker in flight, and, for a run that keeps
    no page (a scan), a batch's worth more, so that the workers go on while the batch commits (#13: they waited with
    a full window). A run that keeps its pages (a report) holds no more of them than before."""
    from resolver import pipeline

    page = (FIXTURES / "documented_embed_markup.html").read_bytes()
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(240):
        (articles / f"{n:03}.html").write_bytes(page)
    most = most_in_flight(InputSpec(files=(str(articles),)), tmp_path, monkeypatch, texts=texts)
    in_flight = 2 * 2 * Extractor.GROUP + (0 if texts else pipeline.Chunk.ARTICLES)
    assert most == in_flight + 1   # the window full, and the next article submitted before the oldest is settled


def test_a_line_arriving_on_stdin_while_work_is_in_flight_is_taken_at_once() -> None:
    """Standard input's reading thread wakes the loop when a line is there: the line's work starts while the work
    before it is still in flight. Before, a line was read only when some work in flight ended: a stream's next
    article waited for the previous one's requests."""
    import threading

    from resolver.inputs import StdinLines

    read, write = os.pipe()
    lines = StdinLines(os.fdopen(read, "rb", buffering=0))

    async def main() -> list:
        loop = asyncio.get_running_loop()
        arrived, second = asyncio.Event(), asyncio.Event()
        lines.on_change(lambda: loop.call_soon_threadsafe(arrived.set))

        async def work(line: bytes) -> bytes:
            if line == b"one\n":
                await asyncio.wait_for(second.wait(), 5)   # ends only once the next line's work has started
            else:
                second.set()
            return line
        os.write(write, b"one\n")

        def later() -> None:
            os.write(write, b"two\n")
            os.close(write)
        threading.Timer(0.2, later).start()
        async with aclosing(ordered_map(lines, work, window=4, more_ready=lambda: lines.ready(0),
                                        arrived=arrived)) as results:
            return [r async for r in results]
    assert asyncio.run(main()) == [b"one\n", b"two\n"]


def test_a_run_holding_many_pages_read_already_does_not_run_further_ahead(tmp_path: Path, monkeypatch) -> None:
    """The batch's worth of articles more in flight is for pages still on disk: JSON Lines records (read, and held
    until handed on) that hold more than Chunk.BYTES between them keep the window at two groups a worker, so
    memory stays flat however large the records."""
    from resolver import pipeline
    from resolver.inputs import JsonlFields

    monkeypatch.setattr(pipeline.Chunk, "BYTES", 100_000)   # a small budget, for a small test
    page = (FIXTURES / "documented_embed_markup.html").read_text()
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"html": page + " " * 2000}) + "\n" for _ in range(240)))
    most = most_in_flight(InputSpec(jsonl=(str(feed),), fields=JsonlFields()), tmp_path, monkeypatch, texts=False)
    records = len(feed.read_bytes()) // 240
    assert 2 * 2 * Extractor.GROUP < most <= 2 * 2 * Extractor.GROUP + 100_000 // records + 2
