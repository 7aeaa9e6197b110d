"""A thread's hyperscan searches keep one scratch space per database (#14): each page's needle pass and each prose
hint search allocated a new one (`hyperscan.Scratch`, about 10 us a page, two a page). Scratch space is not to be
shared between threads: each thread has its own, and pages searched at once in two threads find what each finds
alone."""

from __future__ import annotations

import threading

import pytest

from resolver.extract import html, needles
from resolver.extract.html_credits import PROSE_HINT_LITERALS

hyperscan = pytest.importorskip("hyperscan")

PAGES = [f'<html><body><p>Story {n}.</p><blockquote class="twitter-tweet"><p>Post {n}</p>&mdash; Ann (@ann) '
         f'<a href="https://twitter.com/ann/status/{1600000000000000000 + n}">May 1, 2024</a></blockquote>'
         f'<p>(Photo: Bea Example/Riverton Post) credit={n} {"é" * (n % 3)}</p></body></html>' * (1 + n % 4)
         for n in range(12)]


@pytest.fixture(autouse=True)
def searched_by_hyperscan(monkeypatch):
    monkeypatch.setattr(needles, "_SMALL_LEFT", [0])


def test_a_thread_allocates_one_scratch_space_per_database(monkeypatch):
    made = []
    real = hyperscan.Scratch

    def counted(database):
        made.append(database)
        return real(database)

    monkeypatch.setattr(hyperscan, "Scratch", counted)
    for page in PAGES:
        html.page_needles(page)
        needles.literal_starts(page, PROSE_HINT_LITERALS)
    assert len(made) == len({id(database) for database in made}) <= 2


def test_pages_searched_at_once_in_two_threads_find_what_each_finds_alone():
    alone = [(html.page_needles(page).starts, needles.literal_starts(page, PROSE_HINT_LITERALS)) for page in PAGES]
    found: dict[int, list[object]] = {0: [], 1: []}

    def search(which: int) -> None:
        for _ in range(30):
            for page in PAGES[which::2]:
                found[which].append((html.page_needles(page).starts, needles.literal_starts(page, PROSE_HINT_LITERALS)))

    threads = [threading.Thread(target=search, args=(which,)) for which in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for which in (0, 1):
        assert found[which] == alone[which::2] * 30
