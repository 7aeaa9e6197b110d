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
        "made, 4 failed (the article and a source disagree) and 2 warned (a doubt to weigh).",
        "- **What to do next**: read each failed check and each check marked warn (⚠️) below before using these "
        "embeds.",
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
        "- **What to do next**: nothing: every post's status is known and no check failed or warned."]
    assert not any("Not known" in line for line in in_short(clean))


# -- review38a: every sentence true of the counts it is made from ----------------------------------------------------
def _report(*, named: int, known: int, checks: dict[str, int], unreachable: list[str] | None = None,
            offline: bool = False, embeds: int | None = None, credits: int = 0) -> dict:
    return {"summary": {"embeds": named if embeds is None else embeds, "credits": credits,
                        "by_platform": {"twitter": named} if named else {},
                        "posts": {"named": named, "status_known": known, "status_not_known": named - known},
                        "checks": {"pass": 0, "warn": 0, "fail": 0, "skip": 0} | checks, "failed": []},
            "unreachable": unreachable or [], "answers": {"offline": offline, "count": 0}}


def _said(report: dict, label: str) -> str:
    [line] = [line for line in in_short(report) if line.startswith(f"- **{label}**: ")]
    return line.removeprefix(f"- **{label}**: ")


def test_review38a_a_post_whose_status_is_not_known_is_never_said_known_in_what_to_do():
    """A flattened post that kept no link (status "not identified") is in no "could not be reached" line: the block
    said "The status of 0 of the 1 post is known", then "What to do next: nothing: every post's status is known"."""
    said = _said(_report(named=1, known=0, checks={"skip": 6}, offline=True), "What to do next")
    assert "every post's status is known" not in said
    assert said == "see why the status of 1 post is not known (its Status below)."


def test_review38a_checks_that_warned_are_said_and_read_before_nothing_is_left_to_do():
    """A deleted post identified by its words at 0.75 confidence (two warns, no fail) was "none failed" and "What to
    do next: nothing": an editor read it as cleared."""
    report = _report(named=1, known=1, checks={"pass": 5, "warn": 2, "skip": 1})
    assert _said(report, "Checked against the sources") == (
        "the status of 1 of the 1 post is known; 7 of the 8 checks could be made, none failed and 2 warned (a doubt "
        "to weigh).")
    assert _said(report, "What to do next") == "read each check marked warn (⚠️) below before using these embeds."
    both = _report(named=2, known=2, checks={"pass": 8, "warn": 2, "fail": 4, "skip": 1})
    assert _said(both, "Checked against the sources") == (
        "the status of 2 of the 2 posts is known; 14 of the 15 checks could be made, 4 failed (the article and a "
        "source disagree) and 2 warned (a doubt to weigh).")
    assert _said(both, "What to do next") == (
        "read each failed check and each check marked warn (⚠️) below before using these embeds.")


def test_review38a_an_article_with_nothing_found_says_there_was_nothing_to_check():
    """No embed and no credit: "nothing yet. The status of 0 of the 0 posts is known" promised a later check, and
    "every post's status is known" was said of no post."""
    report = _report(named=0, known=0, checks={})
    assert _said(report, "Checked against the sources") == "nothing to check: no post and no photo credit was found."
    assert _said(report, "What to do next") == "nothing: no embedded post or photo credit was found to check."


def test_review38a_a_flattened_posts_report_never_says_its_status_is_known(fakenet, tmp_path, monkeypatch):
    """The report of an article whose one post kept no link, made --offline, as a user gets it."""
    from tests.test_verdicts import HOSTS, REMNANT, cli_on_fakenet, remnant_world

    remnant_world(fakenet)
    reporter = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = reporter("report", "--offline", "--format", "md", "remnant.txt", article=REMNANT, name="remnant.txt")
    assert code == 0 and fakenet.hits == []
    said = block(out)
    assert said[1] == ("- **Checked against the sources**: nothing yet. The status of 0 of the 1 post is known; 0 of "
                       "the 6 checks could be made, and none failed.")
    assert said[2] == "- **What to do next**: see why the status of 1 post is not known (its Status below)."


def test_review38a_credits_alone_are_never_said_to_be_posts_whose_status_is_known():
    report = _report(named=0, known=0, checks={"pass": 2, "skip": 1}, credits=2)
    assert _said(report, "What to do next") == "nothing: there is no post to look up, and no check failed or warned."




# newuser38a #2, #6: "What to do next" said "nothing: every post's status is known and no check failed" when 0 of 1
# post's status was known, and when checks warned, a post was deleted (read only from an archived copy) or t.co links
# were never followed. Each of its sentences follows from the report's counts now.

def a_report(*, known: int = 1, named: int = 1, by_status: dict | None = None, warn: int = 0, fail: int = 0,
             embeds: list | None = None, warnings: list | None = None, source: str = "/news/story.html") -> dict:
    return {"summary": {"embeds": named, "credits": 0, "by_platform": {"twitter": named},
                        "by_status": by_status if by_status is not None else {"available": known},
                        "posts": {"named": named, "status_known": known, "status_not_known": named - known},
                        "checks": {"pass": 4, "warn": warn, "fail": fail, "skip": 1}, "failed": ["x"] * fail},
            "unreachable": [], "answers": {"offline": False}, "embeds": embeds or [],
            "article": {"source": source, "warnings": warnings or []}}


def next_step(report: dict) -> str:
    [line] = [line for line in in_short(report) if line.startswith("- **What to do next**: ")]
    return line.removeprefix("- **What to do next**: ")


def gone(words: str = "deleted", *, read: bool = True, listed: bool = True) -> dict:
    copy = {"capture": "https://web.archive.org/web/20240307081500id_/https://twitter.com/a/status/1",
            "status": "archived-copy", "text": "Words."}
    return {"status": {"code": words, "words": words, "tone": "gone"}, "same_post_as": None,
            "archived_copies": [{"url": "https://web.archive.org/web/20240307081500/x", "timestamp": "2024"}]
            if listed else [], "post": {"archived": [copy] if read else []}}


UNFOLLOWED = {"kind": "links-not-followed", "count": 3, "first": "https://t.co/Gone4Hw",
              "message": "3 t.co links in the text are in no embed and not followed (the first: https://t.co/Gone4Hw)"}


def test_nothing_to_do_only_when_every_status_is_known_and_no_check_failed_or_warned():
    assert next_step(a_report()) == "nothing: every post's status is known and no check failed or warned."
    assert next_step(a_report(named=0, known=0, by_status={})) == (
        "nothing: there is no post to look up, and no check failed or warned.")


def test_a_post_whose_status_is_not_known_is_never_nothing_to_do():
    """a10: "The status of 0 of the 1 post is known" and, on the next line, "every post's status is known"."""
    said = next_step(a_report(known=0, by_status={"not identified": 1}))
    assert said == "see why the status of 1 post is not known (its Status below)."
    assert "every post's status is known" not in "\n".join(in_short(a_report(known=0, by_status={"not identified": 1})))


def test_warnings_are_to_be_read():
    assert next_step(a_report(warn=2)) == "read each check marked warn (⚠️) below before using these embeds."


def test_a_gone_post_is_named_with_what_its_archived_copy_gave():
    assert next_step(a_report(by_status={"deleted": 1}, embeds=[gone()])) == (
        "note that 1 post is deleted (an archived copy was checked).")
    assert next_step(a_report(by_status={"deleted": 1}, embeds=[gone(read=False)])) == (
        "note that 1 post is deleted (an archived copy is listed, not read).")
    two = [gone(), gone("account suspended", read=False, listed=False)]
    assert next_step(a_report(named=2, known=2, by_status={"deleted": 1, "account suspended": 1}, embeds=two)) == (
        "note that 1 post is deleted (an archived copy was checked) and 1 account suspended (no archived copy was "
        "found).")


def test_links_not_followed_name_the_command_that_follows_them():
    assert next_step(a_report(warnings=[UNFOLLOWED])) == (
        "follow the 3 t.co links in the text that no embed carries: `embed-resolver resolve --text-links "
        "/news/story.html`.")
    fetched = a_report(warnings=[UNFOLLOWED | {"count": 1}], source="https://news.example/story")
    assert next_step(fetched) == ("follow the 1 t.co link in the text that no embed carries: `embed-resolver resolve "
                                  "--text-links FILE` on the page saved as a file.")


def test_every_step_is_said_in_order_of_need():
    """newuser38a's a04 and a10 together: a fail, a warn, a deleted post, a post not identified, links not followed."""
    report = a_report(named=2, known=1, by_status={"deleted": 1, "not identified": 1}, warn=3, fail=1,
                      embeds=[gone()], warnings=[UNFOLLOWED])
    assert next_step(report) == (
        "read each failed check and each check marked warn (⚠️) below before using these embeds; see why the status "
        "of 1 post is not known (its Status below); note that 1 post is deleted (an archived copy was checked); "
        "follow the 3 t.co links in the text that no embed carries: `embed-resolver resolve --text-links "
        "/news/story.html`.")
def test_inputs38_the_html_report_opens_with_the_same_in_short_block(world, tmp_path):
    """The HTML report had no "In short" block (fixnu37c gave it to the Markdown report only): an editor handed the
    HTML page read "➖ SKIP 14" first. Now it opens with the same items, worded by the same function, before the
    article's lines."""
    import json
    from html import escape

    from resolver.report import in_short_items

    (tmp_path / "story.html").write_text(STORY_HTML)
    data = json.loads(world("report", "--offline", "--format", "json", "story.html").stdout)
    page = world("report", "--offline", "--format", "html", "story.html").stdout
    items = in_short_items(data)
    assert [label for label, _ in items][:2] == ["Found in the article", "Checked against the sources"]
    start = page.index('<h2 id="in-short">In short</h2>')
    assert start < page.index("sha256") and start < page.index('<h2 id="summary">')
    block = page[start:page.index("</ul>", start)]
    assert block.count("<li>") == len(items)
    for label, said in items:
        assert f"<li><strong>{escape(label)}</strong>: {escape(said)}</li>" in block
    markdown = world("report", "--offline", "story.html").stdout
    assert all(f"- **{label}**: {said}" in markdown for label, said in items)


def _clean(**article) -> dict:
    return {"summary": {"embeds": 0, "credits": 0, "by_platform": {},
                        "posts": {"named": 0, "status_known": 0, "status_not_known": 0},
                        "checks": {"pass": 0, "warn": 0, "fail": 0, "skip": 0}, "failed": []},
            "unreachable": [], "answers": {"offline": False}, "embeds": [], "article": article}


def test_review39b_a_page_that_may_not_be_the_article_is_not_nothing_to_do(tmp_path, world):
    """A login or paywall page (the report's own "Maybe no article" line) with no embed: In short said "What to do
    next: nothing: no embedded post or photo credit was found to check", which an editor reads as "the article embeds
    nothing" (review39b)."""
    (tmp_path / "thin.html").write_text("<html><body><p>Subscribe to read.</p></body></html>")
    result = world("report", "--offline", "thin.html")
    assert result.exit_code == 0, result.output
    [step] = [line for line in block(result.stdout) if line.startswith("- **What to do next**")]
    assert "nothing" not in step and "may not be the article" in step, step


def test_review39b_credit_words_not_read_and_steps_that_failed_are_next_steps():
    unread = {"kind": "credit-language-not-read", "language": "Turkish", "message": "…"}
    said = in_short(_clean(warnings=[unread]))
    assert "nothing" not in said[-2] and "photo credits" in said[-2] and "by eye" in said[-2], said
    said = in_short(_clean(warnings=[], incomplete=[{"step": "embeds: html", "error": "KeyError: 'x'"}]))
    assert "nothing" not in said[-2] and "embeds: html" in said[-2], said
    assert "nothing: no embedded post" in in_short(_clean(warnings=[]))[-2]
