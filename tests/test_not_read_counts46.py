"""The posts of services the tool does not read (Tumblr, Flickr, VK, OK, Rutube, podcast episodes) and those of closed
services (Storify, Vine, Google+) were said in each article's note, and counted nowhere else: a corpus run's summary
line said "N embeds, M credits", the report's summary said "Embeds 0" for a page of three Storify/Vine/Google+ embeds,
so a run's totals did not add up to what its articles hold (fixnu45a's "left"). They are counted now: in the run's
summary line, in the report's JSON `summary.not_read` and in the Markdown and HTML summary tables."""

from __future__ import annotations

import json

from click.testing import CliRunner

from resolver import report
from resolver.cli import cli
from tests.test_newuser44d_services import LIVE, PAGE
from tests.test_video_checks41 import PODCASTS


def _run(tmp_path, *args):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_corpus_runs_summary_line_counts_the_posts_of_services_not_read(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "closed.html").write_text(PAGE)     # Storify, Vine, Google+
    (folder / "live.html").write_text(LIVE)       # a Tumblr post, a Flickr photo
    (folder / "podcasts.html").write_text(PODCASTS)
    code, _, err = _run(tmp_path, "scan", "--json", str(folder))
    [line] = [line for line in err.splitlines() if line.startswith("scanned 3 articles")]
    assert "; 7 posts of services not read (not checked: Storify 1, Vine 1, Google+ 1, Tumblr 1, Flickr 1, " \
           "podcast episodes 2), 3 of them of closed services" in line, line


def test_the_reports_summary_counts_them_in_json_markdown_and_html(tmp_path):
    page = tmp_path / "closed.html"
    page.write_text(PAGE)
    code, out, _ = _run(tmp_path, "report", "--offline", "--format", "json", str(page))
    data = json.loads(out)
    assert data["summary"]["not_read"] == {"count": 3, "by_service": {"Storify": 1, "Vine": 1, "Google+": 1},
                                           "closed": 3}, data["summary"]
    assert "| Posts of services not read | 3 (Storify 1, Vine 1, Google+ 1), 3 of them of closed services: not " \
           "checked |" in report.markdown(data)
    assert "<tr><th scope=\"row\">Posts of services not read</th><td>3 (Storify 1, Vine 1, Google+ 1), 3 of them of " \
           "closed services: not checked</td></tr>" in report.html_page(data)


def test_a_page_of_none_counts_none_and_shows_no_row(tmp_path):
    page = tmp_path / "plain.html"
    page.write_text("<html><body><p>Nothing embedded here at all, only words.</p></body></html>")
    code, out, _ = _run(tmp_path, "report", "--offline", "--format", "json", str(page))
    data = json.loads(out)
    assert data["summary"]["not_read"] == {"count": 0, "by_service": {}, "closed": 0}
    assert "Posts of services not read" not in report.markdown(data)
