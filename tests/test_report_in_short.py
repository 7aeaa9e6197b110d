"""The Markdown report opens with a short block an editor can read (newuser37b #10): what is sure, what is not, what
to do next, in plain words, the jargon of the lines below it explained. Before, its first lines were "From the cache:
made --offline, nothing was asked; no recorded answer was used" and "➖ skip 14"."""

from resolver.report import in_short
from tests.cliworld import lines
from tests.test_cli_targets import STORY_HTML, world  # noqa: F401 - the fixture


def block(markdown: str) -> list[str]:
    """The lines of the "In short" section, blank lines left out."""
    start = markdown.index("## In short")
    end = markdown.index("\n## ", start + 1)
    return [line for line in markdown[start:end].splitlines()[1:] if line]


def test_an_offline_report_says_what_is_sure_what_is_not_and_what_to_do(world, tmp_path):
    (tmp_path / "story.html").write_text(STORY_HTML)
    result = world("report", "--offline", "story.html")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.index("## In short") < text.index("- Article:")   # the first thing read
    assert block(text) == [
        "- **Found in the article**: 1 embedded post (twitter 1) and 1 photo credit, read from the article itself.",
        "- **Checked against the sources**: the status of 0 of the 1 post is known; 1 of the 8 checks could be made, "
        "and none failed.",
        "- **Not known**: 5 things could not be reached (listed under \"Could not be reached\" below): this report was "
        "made with --offline, from what earlier runs recorded, and they had recorded nothing for it.",
        "- **What to do next**: run the same command without --offline to look them up.",
        "- **Words used below**: a check marked \"skip\" (➖) could not be made, for want of what it compares; "
        "\"snowflake\" is the date read from an X post's number.",
    ]


def test_failed_checks_come_first_in_what_to_do():
    report = {"summary": {"embeds": 2, "credits": 1, "by_platform": {"twitter": 2},
                          "posts": {"named": 2, "status_known": 2, "status_not_known": 0},
                          "checks": {"pass": 8, "warn": 2, "fail": 4, "skip": 1}, "failed": ["a", "b", "c", "d"]},
              "unreachable": [], "answers": {"offline": False}}
    assert in_short(report) == [
        "- **Found in the article**: 2 embedded posts (twitter 2) and 1 photo credit, read from the article itself.",
        "- **Checked against the sources**: the status of 2 of the 2 posts is known; 14 of the 15 checks could be "
        "made, and 4 failed: the article and a source disagree.",
        "- **What to do next**: read each failed check below before using these embeds.",
        "- **Words used below**: a check marked \"skip\" (➖) could not be made, for want of what it compares; "
        "\"snowflake\" is the date read from an X post's number.",
    ]


def test_a_token_needed_is_named_and_a_clean_report_says_nothing_to_do():
    base = {"summary": {"embeds": 1, "credits": 0, "by_platform": {"instagram": 1},
                        "posts": {"named": 1, "status_known": 0, "status_not_known": 1},
                        "checks": {"pass": 0, "warn": 0, "fail": 0, "skip": 3}, "failed": []},
            "unreachable": ["instagram post CjXyZ12AbCd: not fetched: needs META_ACCESS_TOKEN"],
            "answers": {"offline": False}}
    said = in_short(base)
    assert said[1] == ("- **Checked against the sources**: nothing yet. The status of 0 of the 1 post is known; 0 of "
                       "the 3 checks could be made, and none failed.")
    assert said[2] == "- **Not known**: 1 thing could not be reached (listed under \"Could not be reached\" below)."
    assert said[3] == "- **What to do next**: set META_ACCESS_TOKEN (see the README's Configuration) and run again."
    clean = {**base, "unreachable": [],
             "summary": {**base["summary"], "posts": {"named": 1, "status_known": 1, "status_not_known": 0},
                         "checks": {"pass": 3, "warn": 0, "fail": 0, "skip": 0}}}
    assert [line for line in in_short(clean) if "What to do" in line] == [
        "- **What to do next**: nothing: every post's status is known and no check failed."]
    assert not any("Not known" in line for line in in_short(clean))
