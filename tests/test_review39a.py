"""review39a (stop 39): wrong answers found in stop 38's work, each a test that failed on main at 38804d43.

Fixtures are fictional. A wrong FAIL of a photo credit is the worst outcome: it tells an editor or a court that a
correctly credited photo is misattributed.
"""

import pytest

from resolver.provenance import credit_checks

IMAGE = "https://news.example/img/harbour.jpg"


def check_of(creator: str | None, organization: str | None, inside: dict[str, str]) -> dict[str, str]:
    [found] = credit_checks({"image": IMAGE, "creator": creator, "organization": organization}, {"credit": inside})
    return found


@pytest.mark.parametrize("creator, organization, inside", [
    ("Wafa Haddad", "Reuters", {"byline": "Wafa Haddad", "copyright": "© Wafa Haddad"}),
    ("Mena Saleh", "AP", {"byline": "Mena Saleh", "credit_line": "Mena Saleh"}),
    ("Efe Yilmaz", "AFP", {"byline": "EFE YILMAZ", "copyright": "EFE YILMAZ 2024"}),
], ids=["wafa-a-first-name", "mena-a-first-name", "efe-in-capitals"])
def test_a_photographer_whose_name_is_an_agencys_is_no_agency_in_the_file(creator, organization, inside):
    """The file's organisation fields hold only the photographer's name (the creator the caption names): nothing
    to compare, a pass, as for "© Tom Alder". On main, "Wafa" in "© Wafa Haddad" was read as the WAFA agency and
    the credit failed: "the file names WAFA"."""
    found = check_of(creator, organization, inside)
    assert found["result"] == "pass", found


@pytest.mark.parametrize("creator, inside", [
    ("Jane Moss", {"byline": "Jane Moss", "credit_line": "Courtesy of the J. Paul Getty Museum"}),
    ("Jane Moss", {"byline": "Jane Moss", "credit_line": "Isna Hotel"}),
    ("Jane Moss", {"byline": "Jane Moss", "source": "Wafa Studios"}),
    ("Jane Moss", {"byline": "Jane Moss", "credit_line": "EFE Photography"}),
    (None, {"credit_line": "Courtesy of the J. Paul Getty Museum"}),
    (None, {"credit_line": "Anadolu Efes"}),
], ids=["getty-museum", "isna-hotel", "wafa-studios", "efe-photography", "no-creator-getty-museum",
        "no-creator-a-club"])
def test_an_agency_name_inside_another_organisations_name_fails_nothing(creator, inside):
    """"J. Paul Getty Museum" is no Getty Images, "Isna Hotel" no ISNA: the file names an organisation the table does
    not know, so whether it is the caption's AP is not known (a warn), never "the file names Getty Images" (a fail
    on main)."""
    found = check_of(creator, "AP", inside)
    assert found["result"] == "warn", found
    assert "does not" not in found["evidence"], found


@pytest.mark.parametrize("creator, organization, inside", [
    ("Jane Moss", "AFP", {"byline": "Jane Moss", "credit_line": "Getty Images"}),
    ("Jane Moss", "Getty Images", {"byline": "Jane Moss", "credit_line": "AFP", "source": "AFP"}),
    ("Jane Moss", "Getty Images", {"byline": "Jane Moss", "credit_line": "Anadolu Agency"}),
    (None, "Getty Images", {"credit_line": "AFP"}),
], ids=["afp-beside-getty", "getty-beside-afp", "getty-beside-anadolu", "no-creator"])
def test_getty_images_beside_an_agency_it_distributes_warns_not_fails(creator, organization, inside):
    """Getty Images sells other agencies' photos (AFP's, Anadolu's): a page crediting "Getty Images" for a file that
    says "AFP" names the agency's distributor, not another photographer's agency. Not known to be one, so a warn."""
    found = check_of(creator, organization, inside)
    assert found["result"] == "warn", found
    assert "Getty Images" in found["evidence"] and "distributes" in found["evidence"], found


@pytest.mark.parametrize("organization, inside", [
    ("Pool via Reuters", {"byline": "Jane Moss", "credit_line": "Pool/AP"}),
    ("AP", {"byline": "Jane Moss", "credit_line": "Handout via Reuters"}),
    ("Pool/AFP", {"byline": "Jane Moss", "credit_line": "POOL", "source": "Reuters"}),
], ids=["pool", "handout", "pool-in-capitals"])
def test_a_pool_or_handout_photo_sent_by_two_agencies_warns_not_fails(organization, inside):
    """A pool or handout photo is sent out by several agencies at once: AP's copy and Reuters' copy are one photo,
    so another agency than the file's is no misattribution shown."""
    found = check_of("Jane Moss", organization, inside)
    assert found["result"] == "warn", found
    assert "pool" in found["evidence"].lower() or "handout" in found["evidence"].lower(), found


@pytest.mark.parametrize("creator, organization, inside", [
    ("Jane Moss", "Reuters", {"byline": "Jane Moss", "credit_line": "Jane Moss/AP"}),
    ("Wafa Haddad", "Reuters", {"byline": "Wafa Haddad", "credit_line": "Wafa Haddad/AP"}),
    ("Jane Moss", "Reuters", {"byline": "Jane Moss", "copyright": "Copyright 2024 The Associated Press. All rights "
                                                                  "reserved."}),
    ("Jane Moss", "AP", {"byline": "Jane Moss", "credit_line": "Xinhua News Agency"}),
    (None, "Reuters", {"credit_line": "AP Photo/Jane Moss"}),
], ids=["credit-line", "photographer-named-like-an-agency", "copyright-notice", "news-agency-words", "no-creator"])
def test_another_agency_named_whole_still_fails(creator, organization, inside):
    """The fix keeps the fail it was made for: the file names another agency, as a whole name."""
    assert check_of(creator, organization, inside)["result"] == "fail"


def _other_warc(path):
    """A WARC file with one response record of another page: a file of the same name that is not the one cited."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record("https://elsewhere.example/", "response",
                                                      payload=__import__("io").BytesIO(b"another page " * 400),
                                                      http_headers=headers))


def test_two_warc_files_of_one_name_in_two_folders_are_each_listed_with_its_own_hash(fakenet, tmp_path):
    """`scan --archive` writes archive.warc.gz beside the database; `archive --warc court/archive.warc.gz` another
    file of the same name. The header listed one file per name: the second file's records were counted under the
    first's path and sha256, and the court's file was never named (review39a)."""
    import hashlib
    import json

    from tests.cliworld import World
    from tests.test_exhibit38 import STORY, serve_gone_post

    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    assert world("scan", "--archive", str(story)).exit_code == 0
    court = tmp_path / "court" / "archive.warc.gz"
    court.parent.mkdir()
    assert world("archive", "--warc", str(court), str(story)).exit_code == 0
    made = world("report", "--format", "json", "--offline", str(story))
    assert made.exit_code == 0, made.output
    listed = json.loads(made.stdout)["warc_files_cited"]
    assert sorted(entry["path"] for entry in listed) == sorted([str(tmp_path / "archive.warc.gz"), str(court)]), listed
    for entry in listed:
        assert entry["sha256"] == hashlib.sha256(open(entry["path"], "rb").read()).hexdigest(), entry


def test_a_file_of_the_cited_name_that_does_not_hold_the_cited_records_is_said_not_to(fakenet, tmp_path):
    """The WARC beside the database was replaced by another file of its name (a cache moved beside another case's
    WARC, or the file begun anew): the header named it, with its sha256, as the file to hand over, though none of
    the cited records is in it. Each cited record is now looked for at its offset: the entry counts those not there
    (`records_not_found`) and the header says so (review39a)."""
    import json

    from tests.cliworld import World
    from tests.test_exhibit38 import STORY, serve_gone_post

    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    assert world("scan", "--archive", str(story)).exit_code == 0
    held = world("report", "--format", "json", "--offline", str(story))
    [entry] = json.loads(held.stdout)["warc_files_cited"]
    assert entry["records_not_found"] == 0, entry
    _other_warc(tmp_path / "archive.warc.gz")
    made = world("report", "--format", "json", "--offline", str(story))
    assert made.exit_code == 0, made.output
    [entry] = json.loads(made.stdout)["warc_files_cited"]
    assert entry["records_not_found"] == entry["records"] > 0, entry
    markdown = world("report", "--format", "md", "--offline", str(story))
    [line] = [line for line in markdown.stdout.splitlines() if line.startswith("- **WARC files cited**")]
    assert f"does not hold {entry['records']} of them" in line, line


@pytest.mark.parametrize("rewrite", ["in-place", "truncated-and-rewritten-longer"])
def test_a_warc_files_sha256_is_of_its_bytes_now_after_a_rewrite_that_keeps_its_inode(tmp_path, rewrite):
    """`file_sha256` hashes only the bytes appended since its last hash of a file (same path and inode), taking the
    start as unchanged: a file rewritten in place (`cp` over it, a crash's torn tail cut and new records appended
    past the old end) got the old start's hash, a sha256 of bytes that no longer exist, in a report's header
    (review39a)."""
    import hashlib

    from resolver.provenance import file_sha256

    path = tmp_path / "exhibit.warc.gz"
    path.write_bytes(b"A" * 70_000)
    assert file_sha256(path) == (hashlib.sha256(b"A" * 70_000).hexdigest(), 70_000)
    inode = path.stat().st_ino
    if rewrite == "in-place":
        with open(path, "r+b") as stream:
            stream.write(b"B" * 10)
        now = b"B" * 10 + b"A" * 69_990
    else:
        with open(path, "wb") as stream:   # truncates, keeps the inode
            stream.write(b"C" * 80_000)
        now = b"C" * 80_000
    assert path.stat().st_ino == inode
    assert file_sha256(path) == (hashlib.sha256(now).hexdigest(), len(now))
    with open(path, "ab") as stream:   # a run appending: the hash goes on from where it ended, and is the file's
        stream.write(b"D" * 100)
    assert file_sha256(path) == (hashlib.sha256(now + b"D" * 100).hexdigest(), len(now) + 100)


def test_a_reports_rate_limit_times_are_iso_with_z_as_every_other_time(fakenet, tmp_path):
    """The README says a report gives every time as ISO 8601 ending in Z, "never '… UTC'"; a 429's "asked to wait
    until 2026-11-30 13:47:40 UTC" (http.utc_time, in errors a report shows) kept the old form (review39a)."""
    import re

    from tests.cliworld import World
    from tests.fakenet import page
    from tests.test_exhibit38 import STORY

    busy = page("", 429, **{"Retry-After": "3600"})
    for host, route in (("cdn.syndication.twimg.com", "/tweet-result"), ("publish.twitter.com", "/oembed"),
                        ("twitter.com", "/RivertonRoads/status/1600000000000000002")):
        fakenet.route(host, route, busy)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    made = world("report", "--format", "md", str(story))
    assert "asked to wait until" in made.stdout, made.stdout
    assert not re.search(r"\d\d:\d\d(:\d\d)? UTC", made.stdout), re.findall(r".{60}\d\d:\d\d:\d\d UTC", made.stdout)
    assert re.search(r"asked to wait until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", made.stdout), made.stdout


def test_report_compare_says_its_comparison_when_a_step_failed_too(fakenet, tmp_path):
    """`report --compare OLD.json` "says on stderr whether the report made now concludes what an earlier JSON report
    did" (README); exit 1 wins over its 6. When a step failed (a rate limit here), the run exited 1 before comparing
    and said nothing of the comparison (review39a)."""
    from tests.cliworld import World
    from tests.fakenet import page
    from tests.test_exhibit38 import STORY

    busy = page("", 429, **{"Retry-After": "3600"})
    for host, route in (("cdn.syndication.twimg.com", "/tweet-result"), ("publish.twitter.com", "/oembed"),
                        ("twitter.com", "/RivertonRoads/status/1600000000000000002")):
        fakenet.route(host, route, busy)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    old = tmp_path / "old.json"
    assert world("report", "--format", "json", "-o", str(old), str(story)).exit_code == 1
    again = world("report", "--format", "md", "--compare", str(old), str(story))
    assert again.exit_code == 1, again.output
    assert f"same verdicts, statuses and hashes as {old}" in again.stderr or f"differs from {old}" in again.stderr, \
        again.stderr


@pytest.mark.parametrize("how", ["jsonl-record", "stdin", "path-with-a-space", "warc-record"])
def test_in_shorts_text_links_command_is_one_that_runs(fakenet, tmp_path, how):
    """In short's "What to do next" names `embed-resolver resolve --text-links <source>` for t.co links no embed
    carries. For an article from a JSON Lines record ("arts.jsonl:1"), a WARC record ("crawl.warc.gz#0"), or stdin
    ("-") that command is refused (no such file, no article file), and a path with a space was given unquoted (two
    names): the step now names the file to save for those, and quotes a path (review39a)."""
    import shlex

    from tests.cliworld import World

    text = "The council said more at https://t.co/AbC123xyz today."
    world = World(fakenet, tmp_path)
    if how == "jsonl-record":
        source = tmp_path / "arts.jsonl"
        source.write_text(json_line({"text": text}) + "\n")
        made = world("report", "--offline", "--format", "md", "-o", str(tmp_path / "out"), "--jsonl", str(source))
    elif how == "warc-record":
        source = tmp_path / "crawl.warc.gz"
        _warc_of_page(source, "https://news.example/story", "<html><body><p>The council said more at <a href=\"https://t.co/AbC123xyz\">https://t.co/AbC123xyz</a> "
                      "today.</p></body></html>")
        made = world("report", "--offline", "--format", "md", "-o", str(tmp_path / "out"), "--warc-input", str(source))
    elif how == "stdin":
        made = world("report", "--offline", "--format", "md", "-", input=text)
    else:
        source = tmp_path / "my story.txt"
        source.write_text(text)
        made = world("report", "--offline", "--format", "md", str(source))
    out = "".join(p.read_text() for p in sorted((tmp_path / "out").glob("*.md")) if p.name != "index.md") \
        if how in ("jsonl-record", "warc-record") else made.stdout
    [step] = [line for line in out.splitlines() if line.startswith("- **What to do next**")]
    assert "`" in step, step
    command = step.split("`")[1]
    assert command.startswith("embed-resolver resolve --text-links "), step
    named = shlex.split(command)[3:]
    if how == "path-with-a-space":
        assert named == [str(source)], step
    else:
        assert named == ["FILE"] and "saved as a file" in step, step


def json_line(value):
    import json

    return json.dumps(value)


def _warc_of_page(path, url, html):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))


@pytest.mark.parametrize("said", [
    "Replying to @CityDesk {words}",
    "Replying to @CityDesk and @PortAuthority {words}",
], ids=["one-handle", "two-handles"])
def test_a_replys_replying_to_line_in_an_embeds_paragraph_is_no_fail(said):
    """A reply's "Replying to @CityDesk", which X shows above a reply's words and a page copying the rendered post
    puts in its embed code's <p>, is the platform's line, not words the page put in the author's mouth: a warn (glued
    on?), as a signature or "Show this thread" is, not the fail "words the post never said" (review39a)."""
    from resolver.provenance import text_check

    words = "The harbour contract was signed in public, with every bid published."
    post = {"status": "available", "text": words, "archived": [], "post_id": "1764653270430658617",
            "author_handle": "MaraQuill"}
    checked = text_check({"text": said.format(words=words), "detector": "html-blockquote",
                          "text_confidence": "high"}, post)
    assert checked["result"] == "warn", checked


def test_words_beside_a_replying_to_line_still_fail():
    from resolver.provenance import text_check

    words = "The harbour contract was signed in public, with every bid published."
    post = {"status": "available", "text": words, "archived": [], "post_id": "1764653270430658617",
            "author_handle": "MaraQuill"}
    checked = text_check({"text": f"Replying to @CityDesk Officials admit: {words}", "detector": "html-blockquote",
                          "text_confidence": "high"}, post)
    assert checked["result"] == "fail", checked


@pytest.mark.parametrize("creator, organization, inside", [
    ("Jane Moss", "Getty Images", {"byline": "Jane Moss", "credit_line": "Getty Center, Los Angeles"}),
    (None, "Getty Images", {"credit_line": "Courtesy of the J. Paul Getty Museum"}),
], ids=["getty-center", "no-creator-getty-museum"])
def test_an_agency_word_inside_another_organisations_name_is_no_match_either(creator, organization, inside):
    """The same word run read the other way: "Getty Images" beside the file's "Getty Center" passed, "organisation
    matches the file"; the Getty Center is no Getty Images, so whether they are one is not known (a warn)."""
    found = check_of(creator, organization, inside)
    assert found["result"] == "warn", found
