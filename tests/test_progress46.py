"""The progress bar's count and time left over a corpus (newuser46b #1): the time left is said once the run's pace is
steady, and a resumed run counts what an earlier run finished."""

from resolver.cli import Pace, _of_total
from resolver.pipeline import Summary


def test_newuser46b_the_time_left_waits_for_a_steady_pace_and_leaves_out_the_start_up():
    """A flat folder of 1,500 read in 9 s said `1/1,500 articles, about 46 min left` at its first second: the pace
    was one article over the run's start-up (imports, the workers). Now the pace is measured from the first
    finished article, over ETA_MIN_ARTICLES at least and ETA_MIN_SECONDS, as rich estimates a speed over its
    samples, not from the start; until then no time left is said."""
    pace, summary = Pace(), Summary()
    said = {}
    for n in range(1, 1501):   # 1.8 s of start-up, then 200 articles a second
        pace.mark(1.8 + (n - 1) / 200)
        summary.articles = n
        if n in (1, 9, 100, 700):
            said[n] = _of_total(summary, 1500, pace.per_second(1.8 + (n - 1) / 200 + 0.001))
    assert said == {1: "1/1,500 articles", 9: "9/1,500 articles", 100: "100/1,500 articles",
                    700: "700/1,500 articles, about 4 s left"}


def test_newuser46b_a_slow_pace_is_measured_over_its_last_articles_not_its_first_minute():
    """At a tenth of an article a second (`--fetch`), a window of 30 s holds 3 articles: the pace is read over the
    last ETA_MIN_ARTICLES, and a run that has gone slower since is said to take longer."""
    pace, summary = Pace(), Summary()
    for n in range(1, 21):
        pace.mark(10.0 * n)
    summary.articles = 20
    assert _of_total(summary, 100, pace.per_second(200.0)) == "20/100 articles, about 13 min left"
    for n in range(21, 31):   # then one every 30 s
        pace.mark(200.0 + 30 * (n - 20))
    summary.articles = 30
    assert _of_total(summary, 100, pace.per_second(500.0)) == "30/100 articles, about 35 min left"


def test_newuser46b_a_resumed_run_counts_what_the_earlier_run_finished():
    """After a resume the bar counted from zero when the total was not known (`scanning: 670 articles`, the 1,020
    done earlier unsaid). It says them, with the total or without."""
    summary = Summary(articles=670, resumed=1020)
    assert _of_total(summary, 3074, None) == "1,690/3,074 articles (1,020 done earlier)"
    assert _of_total(summary, None, None) == "670 articles (1,020 done earlier)"
    assert _of_total(Summary(articles=670, repeated=3), None, None) == "670 articles"
