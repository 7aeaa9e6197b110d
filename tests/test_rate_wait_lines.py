"""Waits for a service's rate budget are said once a service, then summed up (newuser32c #9: 133 "web.archive.org:
waiting 2 s for the rate limit" lines of 164 on stderr); -v says each. Budgets on a fake clock (the `Budgets` seam:
a sleep moves the clock), links followed against the loopback 'internet'."""

from __future__ import annotations

import re

import pytest

from resolver import budgets as budgets_module
from resolver.budgets import Budgets
from resolver.resolve import resolve_many
from resolver.session import QuietReporter, Session
from resolver.settings import Settings
from tests.cliworld import World
from tests.fakenet import redirect
from tests.test_pipeline import FakeClock

END = "https://twitter.com/RivertonRoads/status/1600000000000000001"
LIMITS = {"https://t.co": 6, "https://bit.ly": 6}   # a request every 10 s, one saved up at most


class Said(QuietReporter):
    def __init__(self) -> None:
        self.lines: list[str] = []

    def status(self, message: str) -> None:
        self.lines.append(message)


def links(fakenet, n: int = 4) -> list[str]:
    for i in range(n):
        fakenet.route("t.co", f"/w{i}", redirect(END))
        fakenet.route("bit.ly", f"/w{i}", redirect(END))
    return [f"https://{host}/w{i}" for host in ("t.co", "bit.ly") for i in range(n)]


@pytest.mark.parametrize("each", [False, True], ids=["once-a-service", "each-wait"])
def test_a_service_s_rate_waits_are_said_once_then_summed_up(fakenet, store, each):
    urls = links(fakenet)
    clock = FakeClock([])
    said = Said()
    session = Session(fakenet.settings(hosts=["t.co", "bit.ly"], concurrency=1), store=store, reporter=said,
                      budgets=Budgets(LIMITS, clock=clock.time, sleep=clock.sleep))
    session.each_wait = each
    session.run(lambda s: resolve_many(urls, session=s))
    waits = [line for line in said.lines if "for the rate limit" in line]
    if each:
        assert len(waits) == 6   # three waits a service, each said
    else:
        assert [line.split(":")[0] for line in waits] == ["t.co", "bit.ly"]
        assert waits[0].startswith("t.co: waiting ") and waits[0].endswith(
            " s for the rate limit (further waits for it are summed up at the end; -v shows each); [origins] sends "
            f"it to {fakenet.origin} with t.co's budget ([origins] keep_limits = false budgets it as the origin "
            "contacted)")
    assert session.rate_waited() == ["t.co: waited 25 s in all for the rate limit (3 waits)",
                                     "bit.ly: waited 25 s in all for the rate limit (3 waits)"]


def test_the_cli_says_a_service_s_first_wait_and_the_sum_at_the_end(fakenet, tmp_path, monkeypatch):
    urls = links(fakenet)
    clock = FakeClock([])
    monkeypatch.setattr(budgets_module, "DEFAULT_LIMITS", LIMITS)
    monkeypatch.setattr(Budgets.__init__, "__kwdefaults__", {"clock": clock.time, "sleep": clock.sleep})
    folder = tmp_path / "stories"
    folder.mkdir()
    for i, url in enumerate(urls):
        (folder / f"{i}.txt").write_text(f"Bridge reopened. {url}\n— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    world = World(fakenet, tmp_path)
    # one worker: the articles' links are asked in input order (t.co's four, then bit.ly's), so each service waits
    # three times; with a pool an article's links are asked when its extraction ends, and t.co's waits, moving the
    # clock, refilled bit.ly's budget between its links (one wait, no sum: failed once in a fresh clone's suite)
    quiet = world("scan", "--resolve", "--concurrency", "1", "--workers", "1", str(folder))
    assert quiet.exit_code == 0, quiet.output
    waits = [line for line in quiet.stderr.splitlines() if "rate limit" in line]
    assert [w.split(":")[0] for w in waits] == ["t.co", "bit.ly", "t.co", "bit.ly"]
    assert all(": waiting " in w for w in waits[:2]), waits
    for line, service in zip(waits[2:], ("t.co", "bit.ly"), strict=True):
        # links queued for one budget wait at the same time: the run's time waiting, not their sum (newuser33 #10)
        assert re.fullmatch(rf"{service}: (waited \d+ s in all for the rate limit \([23] waits\)|requests waited for "
                            rf"the rate limit during \d+ s of the run \([23] waits at times at once, \d+ s summed\))",
                            line), line
    (tmp_path / "c.db").unlink()
    verbose = world("scan", "--resolve", "--concurrency", "1", "--workers", "1", "-v", str(folder))
    each = [line for line in verbose.stderr.splitlines() if "waiting" in line]
    assert len(each) >= 2 and not any("summed up" in line for line in each)   # each said as it starts


def test_newuser33_concurrent_waits_are_said_as_the_time_they_took_not_their_sum(store):
    """newuser33 #10: "web.archive.org: waited 43 s in all for the rate limit (8 waits)" after a run of 17.8 s: the
    waits of requests waiting at the same time were summed. The line says the run's time spent waiting (the union
    of the waits), and the sum only beside it, saying the waits overlapped."""
    session = Session(Settings(), store=store)
    for start, end in [(0.0, 10.0), (0.0, 10.0), (5.0, 12.0), (20.0, 23.0)]:
        session.waited_for_rate("web.archive.org", start, end)
    for start, end in [(0.0, 4.0), (4.0, 9.0)]:
        session.waited_for_rate("t.co", start, end)
    assert session.rate_waited() == [
        "web.archive.org: requests waited for the rate limit during 15 s of the run (4 waits at times at once, "
        "30 s summed)",
        "t.co: waited 9 s in all for the rate limit (2 waits)"]


def test_runs33_a_mapped_origin_keeps_its_service_s_budget_unless_keep_limits_is_false(fakenet, store, tmp_path):
    """newuser32c #9: a service mapped to a loopback server kept the real service's rate budget (278 s of waits for
    web.archive.org's in a run against one). That stays the default, on purpose: [origins] may point at a mirror or
    a proxy that passes requests on to the service. `[origins] keep_limits = false` budgets a mapped request as the
    URL contacted: a loopback server with no limit waits for nothing, and a limit keyed by the mirror's own origin
    applies."""
    from dataclasses import replace

    from resolver.settings import load_settings

    urls = links(fakenet)

    def waited(settings, limits) -> list[str]:
        clock = FakeClock([])
        session = Session(settings, store=None, budgets=Budgets(limits, clock=clock.time, sleep=clock.sleep))
        session.run(lambda s: resolve_many(urls, session=s))
        return session.rate_waited()
    settings = fakenet.settings(hosts=["t.co", "bit.ly"], concurrency=1)
    assert settings.origins_keep_limits is True and len(waited(settings, LIMITS)) == 2   # the default: as before
    own = replace(settings, origins_keep_limits=False)
    assert waited(own, LIMITS) == []   # the loopback origin has no limit of its own
    # the mirror's own limit: both services' requests go to the one origin, and draw on its one budget (7 waits)
    assert waited(own, {fakenet.origin: 6}) == ["t.co: waited 25 s in all for the rate limit (3 waits)",
                                                "bit.ly: waited 40 s in all for the rate limit (4 waits)"]
    config = tmp_path / "config.toml"
    config.write_text('[origins]\n"https://t.co" = "http://127.0.0.1:8765"\nkeep_limits = false\n')
    loaded = load_settings(config, env={})
    assert (loaded.origins_keep_limits, loaded.origins) == (False, {"https://t.co": "http://127.0.0.1:8765"})
    config.write_text('[origins]\nkeep_limits = "no"\n')
    with pytest.raises(Exception, match=r"\[origins\] keep_limits must be true or false, not 'no'"):
        load_settings(config, env={})


def test_review33r3_a_wait_for_a_mapped_origin_s_own_budget_names_that_budget(fakenet, store):
    """With `[origins] keep_limits = false` a mapped request waits for the budget of the origin contacted, but the
    first wait's line said it went there "with t.co's budget" and told the user to set keep_limits = false, the
    setting already in force: a wrong account of why the run waited."""
    from dataclasses import replace

    urls = links(fakenet)
    clock = FakeClock([])
    said = Said()
    settings = replace(fakenet.settings(hosts=["t.co", "bit.ly"], concurrency=1), origins_keep_limits=False)
    session = Session(settings, store=store, reporter=said, budgets=Budgets({fakenet.origin: 6}, clock=clock.time,
                                                                             sleep=clock.sleep))
    session.run(lambda s: resolve_many(urls, session=s))
    waits = [line for line in said.lines if "for the rate limit" in line]
    assert [line.split(":")[0] for line in waits] == ["t.co", "bit.ly"]
    for line, service in zip(waits, ("t.co", "bit.ly"), strict=True):
        assert line.endswith(f" s for the rate limit (further waits for it are summed up at the end; -v shows each); "
                             f"[origins] sends it to {fakenet.origin}, whose own budget it draws on ([origins] "
                             "keep_limits = false)"), line
        assert f"{service}'s budget" not in line


def test_newuser36b_a_long_run_of_waits_says_a_line_a_minute(fakenet, store):
    """newuser36b #3: a nightly `scan --fetch` spent 235 s of its run on web.archive.org's budget with one "waiting
    2 s" line at its start: nothing for a log for minutes. While a service's waits go on, a line a minute (on the
    budgets' clock) says what it waits for and how long so far; -v still says each, and the sum closes the run."""
    urls = [u for u in links(fakenet, 16) if "t.co" in u]
    clock = FakeClock([])
    said = Said()
    session = Session(fakenet.settings(hosts=["t.co"], concurrency=1), store=store, reporter=said,
                      budgets=Budgets(LIMITS, clock=clock.time, sleep=clock.sleep))
    session.run(lambda s: resolve_many(urls, session=s))
    waits = [line for line in said.lines if "rate limit" in line]
    assert len(waits) == 3, waits   # 15 waits (5 s, then 10 s each): the first, then one a minute later and two
    assert waits[0].startswith("t.co: waiting 5 s for the rate limit (further waits"), waits
    for line, (so_far, count) in zip(waits[1:], [(65, 7), (125, 13)], strict=True):
        assert line == (f"t.co: still waiting for the rate limit, {so_far} s of the run so far ({count} waits); the "
                        "next is 10 s (a line a minute while it waits; -v shows each)"), line
    assert session.rate_waited() == ["t.co: waited 145 s in all for the rate limit (15 waits)"]


def test_newuser37_a_real_wait_not_foretold_then_a_long_one_is_said_not_an_error(fakenet, store):
    """newuser37 #4: a batch report ended articles with "internal error: KeyError: 'web.archive.org'". A request whose
    wait was foretold short (under a second: no line) really waited longer, queued behind another for the same
    budget; its wait was recorded without anything said of it, and the service's next long wait read when a line
    last said one, of which there was none. A wait is never an error: that next wait is the service's first line.
    Against the loopback 'internet', t.co's budget a request every 10 s (one saved up), on a fake clock."""
    import asyncio

    urls = links(fakenet, 3)[:3]
    clock = FakeClock([])
    budgets = Budgets({"https://t.co": 6}, clock=clock.time, sleep=clock.sleep)
    asyncio.run(budgets.acquire("https://t.co/earlier"))   # a request of the run took a token at 0 s (0.5 left)
    clock.now = 4.5                                         # ... and 4.5 s later two links come at once
    said = Said()
    session = Session(fakenet.settings(hosts=["t.co"], concurrency=2), store=store, reporter=said, budgets=budgets)
    first = session.run(lambda s: resolve_many(urls[:2], session=s))
    assert [r.error for r in first] == [None, None]
    assert said.lines == [] and len(session.rate_waits["t.co"].spans) == 1   # a real wait (10 s), foretold 0 s
    [then] = session.run(lambda s: resolve_many(urls[2:], session=s))      # the budget is spent: 10 s foretold
    assert then.error is None, then.error
    assert said.lines == ["t.co: waiting 10 s for the rate limit (further waits for it are summed up at the end; -v "
                          f"shows each); [origins] sends it to {fakenet.origin} with t.co's budget ([origins] "
                          "keep_limits = false budgets it as the origin contacted)"]
    assert session.rate_waited() == ["t.co: waited 20 s in all for the rate limit (2 waits)"]


def test_newuser37_a_wait_recorded_before_any_was_said_is_no_key_error(store):
    """The same at the session: a wait recorded (`waited_for_rate`) before any line said one, then a long wait."""
    said = Said()
    session = Session(Settings(), store=store, reporter=said)
    session.waited_for_rate("web.archive.org", 0.0, 2.0)
    session.waiting_for_rate("web.archive.org", 5.0)
    session.waiting_for_rate("web.archive.org", 5.0)
    assert said.lines == ["web.archive.org: waiting 5 s for the rate limit (further waits for it are summed up at the "
                          "end; -v shows each)"]


def test_batch37_backoffs_under_a_second_are_said_once_they_add_up(store):
    """CLOSING-stop36 "Batch runs": a retry's backoff under a second printed nothing, so hundreds of them against a
    flaky server (minutes in all) left no trace in a log. Each is still not said alone; a line once they add up to
    a minute more than a line said, and the whole at the end."""
    from resolver.http import say_retry

    said = Said()
    session = Session(Settings(retries=3), store=store, reporter=said)
    for _ in range(250):
        say_retry(session, "https://t.co/flaky", 1, 0.5, "it answered HTTP 503")
    say_retry(session, "https://bit.ly/once", 1, 0.4, "it answered HTTP 503")   # under a second in all: no line
    assert said.lines == [
        "t.co: 120 retries so far, 60 s of waits before them in all (each under a second is not said; a line each "
        "further minute of them)",
        "t.co: 240 retries so far, 120 s of waits before them in all (each under a second is not said; a line each "
        "further minute of them)"]
    # made at once (no time passed between them): said as the time of the run they took, their sum beside it
    # (newuser46b #5: "215 retries waited 207.1 s in all" read as the whole run spent waiting)
    [line] = session.retry_waited()
    assert re.fullmatch(r"t\.co: 250 retries waited during [01] s of the run \(250 waits at times at once, 125 s "
                        r"summed; 250 under a second each, not said one by one\)", line), line


def test_batch37_the_cli_says_at_its_end_how_long_its_short_retries_waited(fakenet, tmp_path):
    """The same through the command line against a loopback server that answers 503: every backoff is under a
    second (retry_max_wait = 0.9), none is a line, and the summary of them is the last line."""
    from tests.fakenet import page

    folder = tmp_path / "stories"
    folder.mkdir()
    for i in range(6):
        fakenet.route("t.co", f"/busy{i}", page("busy", 503))
        (folder / f"{i}.txt").write_text(f"Bridge reopened. https://t.co/busy{i}\n— Riverton Roads (@RivertonRoads) "
                                         "December 6, 2022\n")
    world = World(fakenet, tmp_path, extra="retry_max_wait = 0.9", retries=3)
    run = world("scan", "--resolve", str(folder))
    assert run.exit_code == 1, run.output
    assert not any(": retry " in line for line in run.stderr.splitlines()), run.stderr
    # Up to 3 retries a link, 18 in all; fewer when a link's retries reach their time limit (retry_max_wait times
    # the attempts: a loaded machine's slow answers cut the last ones, 15 seen at load 30), every one under a second.
    # their links were asked at once: said as the time of the run the waits took, their sum beside it (newuser46b #5)
    said = re.fullmatch(r"t\.co: (\d+) retries waited (?:\d+\.\d s in all before them \(|during \d+ s of the run \(\d+ "
                        r"waits at times at once, \d+ s summed; )(\d+) under a second each, not said one by one\)",
                        run.stderr.splitlines()[-1])
    assert said is not None and said[1] == said[2] and 1 <= int(said[1]) <= 18, run.stderr


def test_review38a_a_retry_counted_costs_the_same_however_many_came_before(store):
    """Each retry summed every wait its host's retries had had (`sum` of a list kept whole): 50,000 retries against a
    dead host in a corpus run were 1.25 billion additions, seconds of CPU in the request path, and a list as long."""
    import time

    session = Session(Settings(retries=3), store=store, reporter=Said())
    started = time.process_time()
    for _ in range(50_000):
        session.retrying("t.co", 0.001, said=False)
    assert time.process_time() - started < 1.5
    session.retrying("t.co", 2.0, said=True)
    [line] = session.retry_waited()
    assert re.fullmatch(r"t\.co: 50,001 retries waited during [23] s of the run \(50,001 waits at times at once, 52 s "
                        r"summed; 50,000 under a second each, not said one by one\)", line), line
