"""Each article's extraction has a time budget (#12, `[scan] article_budget`, 20 s by default): past it, the
article is an error (an `errors` row, one stderr line) and the batch goes on, in this process and in worker
processes alike. The slow article is made slow by a test hook (a detector that never returns), not timed."""

import json

import pytest
from click.testing import CliRunner

from cache import Store
from resolver import extract
from resolver.cli import cli
from resolver.settings import ConfigError, load_settings
from tests.cliworld import lines

PAGE = ('<html><body><p>Bridge reopened. (Photo: Bea Example/Riverton Post)</p>'
        '<p><a href="https://twitter.com/RivertonRoads/status/1600000000000000001">post</a></p></body></html>')


@pytest.fixture
def stuck_on_slow(monkeypatch):
    """A detector that never returns on a page saying SLOW: only the budget's timer can stop it."""
    real = extract.find_all

    def find_all(text, kind, **options):
        while "SLOW" in text:
            pass
        return real(text, kind, **options)
    monkeypatch.setattr(extract, "find_all", find_all)


@pytest.mark.parametrize("workers", ["1", "2"], ids=["in-process", "worker-processes"])
def test_an_article_past_its_budget_is_an_error_and_the_batch_goes_on(tmp_path, stuck_on_slow, workers):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in {"a.html": PAGE, "b.html": PAGE + "SLOW", "c.html": PAGE + "<p>more</p>"}.items():
        (articles / name).write_text(text, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text("[scan]\narticle_budget = 0.5\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "scan", "--json",
                                      "--workers", workers, str(articles)])
    assert result.exit_code == 1, result.output
    printed = [json.loads(line) for line in lines(result.stdout)]
    assert [r["source"] for r in printed] == [str(articles / name) for name in ("a.html", "b.html", "c.html")]
    assert printed[1]["error"].startswith(f"timeout: {articles / 'b.html'}: scanning took longer")   # its line (#11)
    line, summary = lines(result.stderr)
    assert line == (f"error: {articles / 'b.html'}: scanning took longer than 0.5 s, the article's time budget "
                    "([scan] article_budget in the config)")
    assert summary.endswith("; 1 failed")
    [error] = Store(tmp_path / "c.db").errors()
    assert (error["source"], error["kind"], error["stage"]) == (str(articles / "b.html"), "timeout", "scan")


def test_the_budget_is_read_from_the_config(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[scan]\narticle_budget = 5\n", encoding="utf-8")
    assert load_settings(env={}, path=config).article_budget == 5.0
    assert load_settings(env={}).article_budget == 20.0
    config.write_text("[scan]\narticle_budgte = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown \[scan\] keys: article_budgte"):
        load_settings(env={}, path=config)
    config.write_text("[scan]\narticle_budget = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="article_budget must be a non-negative number"):
        load_settings(env={}, path=config)


def test_fetch_over_articles_keeps_the_budget_too(tmp_path, stuck_on_slow):
    """`fetch articles/` scans each article as `scan` does: before, it had no budget, and one slow page hung it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in {"a.html": PAGE, "b.html": PAGE + "SLOW"}.items():
        (articles / name).write_text(text, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text("[scan]\narticle_budget = 0.5\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "fetch", "--offline",
                                      "--json", str(articles)])
    assert result.exit_code == 1, result.output
    printed = [json.loads(line) for line in lines(result.stdout)]
    assert [r.get("post_id") for r in printed] == ["1600000000000000001", None]
    assert printed[1]["error"].startswith(f"timeout: {articles / 'b.html'}: scanning took longer")   # its line (#11)
    assert lines(result.stderr) == [f"error: {articles / 'b.html'}: scanning took longer than 0.5 s, the article's "
                                    "time budget ([scan] article_budget in the config)"]


def test_a_run_installs_the_alarm_handler_once_not_once_an_article(tmp_path, monkeypatch):
    """Installing and putting back the SIGALRM handler for each article cost 4 us an article (#14): a run installs
    it once, whatever its number of articles, puts back the handler it found, and leaves no timer running."""
    import signal

    real = signal.signal
    installed = []

    def counting(number, handler):
        if number == signal.SIGALRM:
            installed.append(handler)
        return real(number, handler)

    def mine(number, frame):
        pass
    monkeypatch.setattr(signal, "signal", counting)
    found = real(signal.SIGALRM, mine)
    try:
        for count in (2, 6):
            articles = tmp_path / f"articles{count}"
            articles.mkdir()
            for i in range(count):
                (articles / f"{i}.html").write_text(PAGE, encoding="utf-8")
            installed.clear()
            result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--json", "--workers", "1",
                                              str(articles)])
            assert result.exit_code == 0, result.output
            assert len(lines(result.stdout)) == count
            assert len(installed) == 2 and installed[-1] is mine, (count, installed)
            assert signal.getsignal(signal.SIGALRM) is mine and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        real(signal.SIGALRM, found)


def test_an_alarm_interrupts_only_the_article_being_timed():
    """With the handler installed for a run, an alarm that comes between articles (the timer ran out as one ended)
    interrupts nothing; one during an article's extraction ends it."""
    import os
    import signal

    from resolver.workers import ScanTimedOut, budget_alarm, time_budget

    with budget_alarm():
        os.kill(os.getpid(), signal.SIGALRM)   # handled at once: no article is being timed
        with pytest.raises(ScanTimedOut, match=r"^story\.html: scanning took longer than 5 s"):
            with time_budget(5, "story.html"):
                os.kill(os.getpid(), signal.SIGALRM)
        with time_budget(5, "next.html"):
            pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
