"""review44d: stop 43's unreviewed merges read again (fixleft43a's TikTok captures, fixleft43b's quotes and report
items, suite43d's and the lead's suite machinery); each test here failed before its fix."""

from __future__ import annotations

import json

from tests.test_tiktok_captures import ARTICLE, HOSTS, PAGE, VIDEO, _video_gone, universal
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve


def test_a_tiktok_capture_made_before_the_videos_id_was_minted_is_not_taken_as_the_video(fakenet, tmp_path,
                                                                                         monkeypatch):
    """A TikTok id's top 32 bits are the second it was minted (7299990000111122223: 2023-11-11T00:09:30Z), as an X
    id's are its time: a capture Wayback made on 2023-11-01 cannot show the video, whatever its page state holds (a
    misdated capture, or another page's). Before, it was read as the video (its caption shown, the archived-copy check
    passed), where an X post's such capture is said not to show it."""
    _video_gone(fakenet)
    serve(fakenet, [Capture("20231101000000", PAGE, universal())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    [copy] = post["archived"]
    assert (copy["status"], copy["text"]) == ("unknown", None), copy
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text |" not in md, md
    assert "before the post's id 7299990000111122223 was minted (2023-11-11T00:09:30Z)" in md, md


def test_a_tiktok_ids_time_is_its_top_32_bits_and_a_number_that_holds_none_gives_none():
    from datetime import datetime, timezone

    from resolver.platforms import tiktok

    assert tiktok.id_time(VIDEO) == datetime(2023, 11, 11, 0, 9, 30, tzinfo=timezone.utc)
    assert tiktok.id_time("6537000000000000000") == datetime(2018, 3, 25, 21, 38, 37, tzinfo=timezone.utc)
    for not_timed in ("123", "99999999999", "", "７２９９", str(1 << 64), "1" * 30):
        assert tiktok.id_time(not_timed) is None, not_timed


def test_a_t_co_link_an_earlier_resolve_followed_to_a_gone_or_unseen_page_is_said_so(fakenet, tmp_path):
    """fixleft43b's "Links followed" said each t.co link an earlier `resolve` followed as "→ <where it ended>", and
    never what the end answered: a link whose end answered 404 (gone) or 403 (its page not seen: `resolve` says whether
    it is there is not known) read as a page the link leads to. Now the end's answer is said with it, as `resolve`
    says it (JSON: `gone`, `unsure`)."""
    from tests.fakenet import page
    from tests.test_fixleft43b import cli_run as cli_run_fixture

    fakenet.route("t.co", "/Gone404x", page("Not Found", 404, content_type="text/html"))
    fakenet.route("t.co", "/Wall403x", page("Forbidden", 403, content_type="text/html"))
    run = cli_run_fixture.__wrapped__(fakenet, tmp_path)   # type: ignore[attr-defined]
    article = tmp_path / "roundup.txt"
    article.write_text("Round-up\n\nThe senator's post was at https://t.co/Gone404x and the minutes at "
                       "https://t.co/Wall403x.\n", encoding="utf-8")
    run("resolve", "--text-links", str(article))
    data = json.loads(run("report", "--format", "json", str(article)))
    warnings = {w["kind"]: w for w in data["article"]["warnings"]}
    said = {f["url"]: f for f in warnings["links-followed"]["links"]}
    assert said["https://t.co/Gone404x"]["gone"] is True and said["https://t.co/Gone404x"]["unsure"] is None, said
    assert said["https://t.co/Wall403x"]["gone"] is False, said
    assert "whether it is there is not known" in said["https://t.co/Wall403x"]["unsure"], said
    markdown = run("report", str(article))
    assert "https://t.co/Gone404x → https://t.co/Gone404x (its end answered 404: the page is gone; resolved " \
           in markdown, markdown
    assert "https://t.co/Wall403x → https://t.co/Wall403x (https://t.co/Wall403x answered 403: its page was not " \
           "seen, so whether it is there is not known; resolved " in markdown, markdown
    import jsonschema   # the JSON report follows its published schema, the links-followed warning too

    from tests.test_report import SCHEMA

    jsonschema.validate(data, json.loads(SCHEMA.read_text()))


FAKE_PYTHON3 = r'''#!/bin/sh
# the machine's python3, as scripts/_venv uses it: `-m venv [--without-pip] DIR`, and `-m pip --python` (offline: fails)
echo "python3 $*" >>"$CALLS"
if [ "$1 $2" = "-m venv" ]; then
    shift 2; pip=yes
    if [ "$1" = --without-pip ]; then pip=; shift; fi
    mkdir -p "$1/bin" "$1/lib/python3.11/site-packages"
    cp "$FAKE_VENV_PYTHON" "$1/bin/python"
    [ -z "$pip" ] || { mkdir -p "$1/lib/python3.11/site-packages/pip"; : >"$1/lib/python3.11/site-packages/pip/__init__.py"; }
    exit 0
fi
exit 1
'''
FAKE_VENV_PYTHON = r'''#!/bin/sh
# a venv's python: `-m pip` works only where the venv holds pip
here=$(dirname "$0")/..
echo "venv-python $*" >>"$CALLS"
if [ "$1 $2" = "-m pip" ]; then
    [ -f "$here/lib/python3.11/site-packages/pip/__init__.py" ] || { echo "No module named pip" >&2; exit 1; }
    exit 0
fi
exit 1
'''


def test_a_venv_a_stopped_setup_left_without_pip_is_made_again_not_left_broken(tmp_path):
    """suite43d's scripts/_venv makes .venv with no pip (`venv --without-pip`), then asks the machine's pip to put pip
    in. A setup stopped between the two (Ctrl-C, a CI timeout), or one whose fallback `venv` failed (Debian with no
    python3-venv: ensurepip missing), left a .venv with a python and no pip: every later scripts/test and scripts/demo
    skipped making it ("bin/python is there") and failed on "No module named pip" until .venv was deleted by hand.
    Now a .venv still to be installed into that holds no pip is made again. The machine's python3 here is a stand-in
    script (the test sends nothing anywhere: its pip fails as an offline one does)."""
    import os
    import shutil
    import subprocess
    from pathlib import Path

    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(Path(__file__).parents[1] / "scripts" / "_venv", project / "scripts" / "_venv")
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").write_text(FAKE_PYTHON3)
    (bin_dir / "python3").chmod(0o755)
    (tmp_path / "venv-python").write_text(FAKE_VENV_PYTHON)
    (tmp_path / "venv-python").chmod(0o755)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "CALLS": str(tmp_path / "calls"),
           "FAKE_VENV_PYTHON": str(tmp_path / "venv-python"), "HOME": str(tmp_path)}
    subprocess.run([str(bin_dir / "python3"), "-m", "venv", "--without-pip", ".venv"], cwd=project, env=env,
                   check=True)   # the setup stopped here, before pip went in
    run = subprocess.run(["bash", "-c", "set -eu; . scripts/_venv test"], cwd=project, env=env,
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, (run.stderr, (tmp_path / "calls").read_text())
    assert (project / ".venv" / ".installed-test").exists()
    assert (project / ".venv" / "lib" / "python3.11" / "site-packages" / "pip" / "__init__.py").exists()
    # installed, the stamp is what says so: a .venv whose pip is gone then is not made again (nothing to install)
    shutil.rmtree(project / ".venv" / "lib" / "python3.11" / "site-packages" / "pip")
    (tmp_path / "calls").write_text("")
    run = subprocess.run(["bash", "-c", "set -eu; . scripts/_venv test"], cwd=project, env=env,
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 0 and (tmp_path / "calls").read_text() == "", run.stderr
    assert os.path.exists(project / ".venv" / "bin" / "python")


def test_a_tiktok_capture_with_no_caption_made_before_the_id_gives_no_account_or_time():
    """A capture of the video's page with no caption gives the video's account and posting time, no words: made
    before the video's id was minted, it cannot show the video, and gives neither (its account and time were shown
    as the video's)."""
    from resolver.fetch import wayback
    from tests.test_tiktok_captures import CAPTION, universal as page_of

    body = page_of().replace(CAPTION.encode(), b"")
    row = {"id": 7, "url": wayback.raw_url("20231101000000", PAGE), "status": 200,
           "headers": json.dumps({"content-type": "text/html; charset=utf-8",
                                  "memento-datetime": "Wed, 01 Nov 2023 00:00:00 GMT"})}
    copy = wayback.copy_from_fetch(VIDEO, row, body, None, platform="tiktok")
    assert copy is not None
    record = copy.record
    assert (record.platform, record.status, record.author_handle, record.author_name, record.created_at) == (
        "tiktok", "unknown", None, None, None), record
    assert "before the post's id 7299990000111122223 was minted" in (record.reason or ""), record
    assert record.url == f"https://www.tiktok.com/@/video/{VIDEO}", record   # no handle the capture gave either
    later = wayback.copy_from_fetch(VIDEO, row | {"url": wayback.raw_url("20231201093000", PAGE)}, body, None,
                                    platform="tiktok")
    assert later is not None and (later.record.author_handle, later.record.created_at) == (
        "rivertonfire", "2023-11-14T09:32:10Z"), later.record   # made after it: its account and time, as before


def test_a_markdown_links_title_after_a_post_url_is_no_quote_of_the_post():
    """fixleft43b reads a quote opened with a space after a bare post URL. A Markdown link's title is written so
    (`[the post](https://…/status/N "Mayor Whitfield on X")`, as html2text and readers write an `<a title>`): it was
    read as the article quoting the post, and the text check warned "the words quoted beside the link are mostly not
    the post's" of an article that quotes nothing. A quote after the URL that closes the link's parenthesis is its
    title, not read; one after a bare URL still is."""
    from resolver.extract import find_all

    url = "https://twitter.com/MayorWhitfield/status/1635717429457846273"
    for said in (f'Read [the mayor\'s post]({url} "Mayor Whitfield on X") for more.\n',
                 f'Read [the mayor\'s post]({url}  “Mayor Whitfield on X” ) for more.\n'):
        [embed], _ = find_all(said, "text")
        assert (embed.post_id, embed.text) == ("1635717429457846273", None), (said, embed)
    [embed], _ = find_all(f'The mayor: {url} "Funded in full by the federal grant." (Dec. 6)\n', "text")
    assert (embed.text, embed.text_confidence) == ("Funded in full by the federal grant.", "uncertain"), embed
    [embed], _ = find_all(f'(The mayor: {url}: "Funded in full by the federal grant.")\n', "text")
    assert (embed.text, embed.text_confidence) == ("Funded in full by the federal grant.", "high"), embed


def test_a_capture_made_before_the_id_stays_no_copy_after_reparse(fakenet, tmp_path, monkeypatch):
    """`fetch --reparse` read each kept capture again with `wayback.read`, which does not hold a capture against the
    time the post's id was minted (newuser43a #8, X; review44d, TikTok): the capture's observation became an archived
    copy again, and `stats`' at_risk_embeds stopped listing the removed video while its report said no capture shows
    it. A reparse says of it what the fetch said."""
    _video_gone(fakenet)
    serve(fakenet, [Capture("20231101000000", PAGE, universal())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")

    def at_risk() -> list[str]:
        code, out = run("stats", "--json")
        return [row["post_id"] for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')
                for row in [json.loads(line)]]
    assert VIDEO in at_risk()
    run("fetch", "--reparse")
    assert VIDEO in at_risk()   # still no copy of it
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text |" not in md and "it cannot show that post" in md, md


def test_a_tiktok_pages_createtime_before_the_videos_id_was_minted_is_no_date_of_it():
    """TikTok mints a video's id when it is uploaded (its top 32 bits: 2023-11-11T00:09:30Z here) and posts it then or
    later: a page state giving a createTime days before that is no time the video was posted, and was shown as its
    "Archived date" (and the date checks held against it). The time is not taken, and the note says why; the
    caption and account are read as before."""
    from resolver.fetch import tiktok_pages
    from tests.test_tiktok_captures import CAPTION, HANDLE, NAME

    item = {"id": VIDEO, "desc": CAPTION, "createTime": "1698796800",   # 2023-11-01T00:00:00Z
            "author": {"id": "6800000000000000001", "uniqueId": HANDLE, "nickname": NAME}}
    record, form, notes = tiktok_pages.read_capture(VIDEO, 200, "text/html", universal(item=item), "wayback", PAGE)
    assert (record.status, record.text, record.author_handle, record.created_at) == ("available", CAPTION, HANDLE,
                                                                                     None), record
    assert notes == ("the captured page gives the video's createTime as 2023-11-01T00:00:00Z, before its id was "
                     "minted (2023-11-11T00:09:30Z): no date is taken",), notes
    for later in ("1699661370", "1699661340", str(1699661370 + 9 * 86400)):   # the id's second, a clock's minute, a
        record, _, notes = tiktok_pages.read_capture(   # video scheduled days after its upload: its time, as before
            VIDEO, 200, "text/html", universal(item=item | {"createTime": later}), "wayback", PAGE)
        assert record.created_at is not None and notes == (), (later, record, notes)


def test_a_t_co_link_that_leads_to_one_of_the_reports_embeds_is_said_to_be_checked_there(fakenet, tmp_path):
    """fixleft43b's "Links followed" said of every followed link's post "not among this report's embeds nor checked
    here", even when the post was the article's own embed, checked in the report (a t.co link in the prose beside
    the post's URL). Now it names the embed (JSON: `embed`, numbered as the report numbers them)."""
    from tests.test_fixleft43b import URL, WORDS
    from tests.test_fixleft43b import cli_run as cli_run_fixture

    fakenet.route("t.co", "/SameOne1", redirect_to(URL))
    fakenet.route("t.co", "/Other0001", redirect_to("https://twitter.com/CityClerk/status/1635717429457846275"))
    run = cli_run_fixture.__wrapped__(fakenet, tmp_path)   # type: ignore[attr-defined]
    article = tmp_path / "a.txt"
    article.write_text(f"Round-up\n\nThe mayor wrote {URL}: \"{WORDS}\"\n\nShared again at https://t.co/SameOne1 "
                       "and the minutes at https://t.co/Other0001.\n", encoding="utf-8")
    run("resolve", "--text-links", str(article))
    markdown = run("report", str(article))
    assert f"https://t.co/SameOne1 → {URL} (the twitter post of embed 1, checked there; resolved " in markdown, markdown
    assert ("https://t.co/Other0001 → https://twitter.com/CityClerk/status/1635717429457846275 (a twitter post, not "
            "among this report's embeds nor checked here; ") in markdown, markdown
    data = json.loads(run("report", "--format", "json", str(article)))
    said = {f["url"]: f["embed"] for w in data["article"]["warnings"] if w["kind"] == "links-followed"
            for f in w["links"]}
    assert said == {"https://t.co/SameOne1": 1, "https://t.co/Other0001": None}, said


def redirect_to(url: str):
    from tests.fakenet import redirect

    return redirect(url)
