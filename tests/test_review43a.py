"""review43a: what the adversarial review of stop 42's photo-credit work (fixnu42a, fixnu42b) found wrong, each a
test that failed before its fix."""

import pytest

from resolver.article import from_bytes
from resolver.model import Credit
from resolver.workers import images_at

STORY = "https://news.example/news/story.html"


def _page(head: str, body: str = "") -> str:
    return (f'<!doctype html><html><head><title>Fire</title>{head}</head><body>{body}<figure><img src="img/a.jpg">'
            "<figcaption>Firefighters. (AP Photo/Jane Doe)</figcaption></figure></body></html>")


def _placed(html: str, url: str | None = STORY) -> str | None:
    article = from_bytes(html.encode(), "story.html", kind="html")
    [credit] = images_at([Credit(raw="AP Photo/Jane Doe", source="caption", span=(0, 1), image="img/a.jpg")], url,
                         article)
    return credit.image


@pytest.mark.parametrize("where", [
    pytest.param('<!-- <base href="https://old.example/"> -->', id="comment"),
    pytest.param("<script>document.write('<base href=\"https://old.example/\">')</script>", id="script"),
    pytest.param('<meta name="x" content=\'<base href="https://old.example/">\'>', id="attribute-value"),
    pytest.param("<textarea><base href='https://old.example/'></textarea>", id="textarea"),
    pytest.param('<svg><base href="https://old.example/"></base></svg>', id="svg"),
    pytest.param('<math><base href="https://old.example/"></base></math>', id="mathml"),
])
def test_a_base_href_a_browser_never_reads_does_not_move_the_image(where):
    """A browser reads the first <base> element; words that only look like one (in a comment, a script's string, an
    attribute's value, a textarea, an SVG or MathML element of that name) move no address: the image was fetched from
    another host, and its file's credit held against the caption as if it were the page's photo."""
    assert _placed(_page(where)) == "https://news.example/news/img/a.jpg"


def test_the_first_base_element_is_the_one_read():
    assert _placed(_page('<!-- <base href="https://old.example/"> --><base href="/assets/">'
                         '<base href="https://other.example/">')) == "https://news.example/assets/img/a.jpg"


@pytest.mark.parametrize("base", ["javascript:void(0)", "data:text/html,x"])
def test_a_data_or_javascript_base_is_passed_over_as_a_browser_does(base):
    """HTML: a base whose URL is data: or javascript: gives the document's own URL as the base. It left the address
    relative, and the report said the article's URL was not known, of an article read by its URL."""
    assert _placed(_page(f'<base href="{base}">')) == "https://news.example/news/img/a.jpg"


@pytest.mark.parametrize(("one", "other"), [("PA", "EPA"), ("PA", "SIPA"), ("EPA", "PA")])
def test_one_photographers_two_agencies_whose_names_share_letters_are_both_kept(one, other):
    """Two credits of one photographer in one paragraph are one statement only when one's organisation holds the
    other's by its words: "PA" is no part of "EPA", and the PA photo's credit was lost to the EPA one's."""
    from resolver.extract import find_all

    text = f"Story\n\nThe rally in London. Jane Doe/{one}\nThe march in Athens. Jane Doe/{other}\n\nMore words here.\n"
    found = [(c.creator, c.organization) for c in find_all(text, "text")[1]]
    assert ("Jane Doe", one) in found and ("Jane Doe", other) in found, found


def test_one_photographers_statement_naming_more_still_holds_the_shorter():
    from resolver.extract import find_all

    text = "Story\n\nA march. / AFP / JANE DOE (Photo credit should read JANE DOE/AFP/Getty Images)\n\nMore words.\n"
    assert [(c.creator, c.organization) for c in find_all(text, "text")[1]] == [("JANE DOE", "AFP/Getty Images")]


BIG, THUMB = "https://n.example/img/fire-1200x800.jpg", "https://n.example/img/fire-90x60.jpg"
CROP = "https://n.example/img/fire-1200x630.jpg"


def _two_credits(first: str, second: str) -> list[dict]:
    return [{"raw": "Jane Doe/AP", "span": (10, 21), "image": first, "source": "caption", "form": "slash",
             "creator": "Jane Doe", "organization": "AP"},
            {"raw": "Tom Alder/Reuters", "span": (40, 57), "image": second, "source": "attribute",
             "form": "og:image:alt", "creator": "Tom Alder", "organization": "Reuters"}]


def _other_credits(first: str, second: str, images: dict) -> list[list[str]]:
    from resolver.provenance import other_credits

    return [[k["evidence"] for k in checks] for checks in other_credits(_two_credits(first, second), images)]


def test_a_thumbnail_whose_perceptual_hash_is_a_few_bits_off_is_not_said_to_be_another_photo():
    """A 90x60 thumbnail of a 1200x800 JPEG hashed 2 bits from it (measured with imagehash on a made photo): the two
    credits naming different people were taken for two photos' and nothing was said. A near hash is no proof either
    way (a one-colour picture and a two-colour one hash 2 bits apart): it is said not to be known."""
    images = {BIG: {"sha256": "a" * 64, "phash": "cd13215ed166a7b8"},
              THUMB: {"sha256": "b" * 64, "phash": "cd13215ed166a7bb"}}   # 2 bits apart
    [first, second] = _other_credits(BIG, THUMB, images)
    assert len(first) == 1 and len(second) == 1, (first, second)
    assert first[0].startswith("credit 2 (attribute og:image:alt) credits Tom Alder / Reuters an image whose address "
                               f"names this photo at another size ({THUMB})"), first
    assert first[0].endswith("whether they are one photo is not known"), first


def test_another_crop_of_one_photo_by_its_address_is_never_silently_two_photos():
    """og:image is most often a crop of the page's photo (1200x630): its perceptual hash is far from the photo's
    (20 to 24 bits measured), so "another file, another hash" cannot say it is another photo. Nothing was said of
    two credits naming different people for one photo by its address (newuser35b #6's warning lost)."""
    images = {BIG: {"sha256": "a" * 64, "phash": "cd13215ed166a7b8"},
              CROP: {"sha256": "b" * 64, "phash": "c21c2e51de69a7b8"}}   # 24 bits apart
    [first, second] = _other_credits(BIG, CROP, images)
    assert len(first) == 1 and len(second) == 1, (first, second)
    assert "whether they are one photo is not known" in first[0], first
    assert CROP in first[0] and BIG in second[0]


def test_two_versions_by_their_query_whose_files_differ_are_still_two_photos():
    """fixnu42a's rule kept: `?v=4` and `?v=5` whose files and pictures differ are two photos."""
    images = {f"{BIG}?v=4": {"sha256": "a" * 64, "phash": "cd13215ed166a7b8"},
              f"{BIG}?v=5": {"sha256": "b" * 64, "phash": "32ecdea12e995847"}}
    assert _other_credits(f"{BIG}?v=4", f"{BIG}?v=5", images) == [[], []]


def test_a_gone_post_no_archive_was_asked_for_is_never_said_to_have_no_copy_found(fakenet, tmp_path, monkeypatch):
    """`report --no-archive` of an article whose tweet is gone: its archive check said no archive was asked, while
    "What to do next" said "note that 1 post is not found (no archived copy was found)", a lookup never made."""
    from tests import xfixtures as fx
    from tests.cliworld import World, lines
    from tests.fakenet import page
    from tests.test_exit_codes import HARBOUR, article
    from tests.test_report_no_archive42 import ARCHIVE_HOSTS
    from tests.waybacknet import serve

    monkeypatch.chdir(tmp_path)
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(iptc={(2, 80): b"Bea Example"}),
                                                           content_type="image/jpeg"))
    serve(fakenet, [])
    world = World(fakenet, tmp_path)
    result = world("report", "--no-archive", article(tmp_path, HARBOUR, "harbour.html"))
    assert result.exit_code == 0, result.output
    assert not [h for h in fakenet.hits if h[0] in ARCHIVE_HOSTS], fakenet.hits
    [todo] = [line for line in lines(result.stdout) if line.startswith("- **What to do next**")]
    assert "no archived copy was found" not in todo, todo
    # nor its archived-copy check that no capture "could be read", of captures never looked for
    assert ("- ➖ skip **archived-copy**: the post is not found; not read: this report was made with --no-archive, "
            "which asks no archive, so whether a capture holds its words is not known") in lines(result.stdout)
    assert "1 post is not found (whether an archived copy exists is not known: its archive check says why)" in todo


def test_a_bare_report_file_name_for_several_reports_suggests_a_folder_of_its_own(tmp_path, monkeypatch):
    """`report -o one.md DIR` suggested "-o ." (the name's parent): several reports and an index.json into the
    folder the user stands in, over any index there."""
    from click.testing import CliRunner

    from resolver.cli import cli

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.html", "b.html"):
        (folder / name).write_text("<html><body><p>The harbour at dawn. Photo: Ann Lee/AP</p></body></html>")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "-o", "one.md",
                                      "articles"])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "give -o a folder (e.g. -o one)" in said, said


COURTESY = {"raw": "Photo courtesy of Jane Doe", "creator": None, "organization": "Jane Doe", "kind": "courtesy",
            "image": "https://n.example/a.jpg", "source": "caption", "span": (0, 26)}


def test_a_courtesy_credit_whose_lender_the_file_names_as_its_creator_passes():
    """"Photo courtesy of Jane Doe" over a file whose By-line is Jane Doe: the lender is held in the organisation
    since stop 42 (it is not said to be who made it), and the check said "nothing comparable", of the one name both
    give (a pass before)."""
    from resolver.provenance import credit_checks

    [found] = credit_checks(COURTESY, {"sha256": "a" * 64, "credit": {"byline": "Jane Doe"}})
    assert (found["result"], found["evidence"]) == (
        "pass", "the article names who lent the picture, 'Jane Doe', and the file's creator field holds that name "
                "(byline: Jane Doe)"), found


def test_a_courtesy_credit_beside_a_file_naming_another_creator_says_the_lender_is_no_creator():
    from resolver.provenance import credit_checks

    [found] = credit_checks(COURTESY, {"sha256": "a" * 64, "credit": {"byline": "Tom Alder"}})
    assert (found["result"], found["evidence"]) == (
        "skip", "the article names only who lent the picture, 'Jane Doe', not who made it, and the file names no "
                "organisation: nothing to hold the lender against (file: byline: Tom Alder)"), found


def test_several_reports_into_an_existing_file_is_a_usage_error_before_any_work(tmp_path, monkeypatch):
    """`report -o outfile DIR` where outfile is a file: each report failed ("cannot write outfile/a-….md: Not a
    directory"), then "reported on 2 articles", exit 1."""
    from click.testing import CliRunner

    from resolver.cli import cli

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.html", "b.html"):
        (folder / name).write_text("<html><body><p>The harbour at dawn. Photo: Ann Lee/AP</p></body></html>")
    (tmp_path / "outfile").write_text("kept\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "-o", "outfile",
                                      "articles"])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "-o outfile is a file, but several articles give several reports" in said, said
    assert (tmp_path / "outfile").read_text() == "kept\n"
    assert not (tmp_path / "c.db").exists()   # refused before any work


def test_a_request_only_configured_maps_is_never_taken_for_one_it_refuses():
    """`http.refused_unmapped` (no rate budget drawn for a request the transport refuses) read the origin its own
    way: a host written in punycode, its [origins] key in Unicode, was said refused, while the transport maps it and
    sends it, so it went out paced by no [limits] budget. It asks the transport's own reading now."""
    from dataclasses import replace

    import httpx

    from resolver.http import refused_unmapped
    from resolver.settings import Settings
    from resolver.transport import _origin

    settings = replace(Settings(), origins={"https://münchen.example": "http://127.0.0.1:9"},
                       only_configured_origins=True)
    url = "https://xn--mnchen-3ya.example/img/a.jpg"
    assert _origin(httpx.URL(url)) in settings.origins   # what OriginOverrideTransport maps by: it sends this one
    assert not refused_unmapped(url, settings)
    assert refused_unmapped("https://elsewhere.example/a.jpg", settings)


def test_a_gone_posts_capture_lists_only_configured_refused_are_not_said_to_have_failed(fakenet, tmp_path,
                                                                                         monkeypatch):
    """A sealed run (`[origins] only_configured`, the archive unmapped) of an article whose tweet is gone: the
    archive check said "not looked up: its origin is not mapped", while archived-copy said "not read: the archive's
    lists of its captures failed (unmapped: refused …)", a refusal of the user's own config called a failure."""
    import json

    from tests.cliworld import World
    from tests.test_exit_codes import HARBOUR, article

    monkeypatch.chdir(tmp_path)
    world = World(fakenet, tmp_path)
    config = "".join(line + "\n" for line in world.config.read_text().splitlines() if "archive.org" not in line)
    world.config.write_text(config.replace("[origins]\n", "[origins]\nonly_configured = true\n"))
    result = world("report", "--format", "json", article(tmp_path, HARBOUR, "harbour.html"))
    [embed] = json.loads(result.stdout)["embeds"]
    [found] = [c for c in embed["checks"] if c["name"] == "archived-copy"]
    assert found["result"] == "skip" and "failed" not in found["evidence"], found
    assert found["evidence"].startswith(
        "the post is not found; not read: the archive's lists of its captures were not asked: its origin is not "
        "mapped in [origins], and [origins] only_configured = true lets no other origin be contacted"), found
    assert not [h for h in fakenet.hits if "archive.org" in h[0]]


@pytest.mark.parametrize("caption", ["Photo: Screenshot via X", "Image: screenshot via X", "(Screenshot via X)",
                                     "(Screengrab via X)"])
def test_a_screenshot_via_x_after_another_credit_word_or_in_brackets_names_the_platform(caption):
    """fixnu42b #9 read "Screenshot via X" only when "Screenshot" was the credit's key: "Photo: Screenshot via X" and
    "(Screenshot via X)" still named X, the platform, as the photographer (uncertain), as "…via YouTube" never did."""
    from resolver.extract import find_all

    page = ('<html><body><article><p>Story words here about the day.</p><figure><img src="https://n.example/a.jpg">'
            f"<figcaption>The candidate's post. {caption}</figcaption></figure><p>More words.</p></article>"
            "</body></html>")
    assert [(c.creator, c.organization, c.split_confidence) for c in find_all(page, "html")[1]] == [
        (None, "X", "high")]


def test_no_archive_over_a_lookup_an_earlier_run_recorded_keeps_what_it_found():
    """`report --no-archive` after a run whose lookup listed no capture: the archive check cites that lookup ("no
    archived copy was found under …"), so archived-copy must not say that whether a capture holds the words is not
    known for want of a lookup: one was made, and listed none."""
    from resolver import provenance

    answered = [{"service": "cdx", "query": "https://web.archive.org/cdx/search/cdx?url=x&matchType=prefix",
                 "url": "https://twitter.com/a/status/1", "error": None}]
    token = provenance._NO_ARCHIVE.set(True)
    try:
        assert provenance._none_read({"status": "not_found"}, answered) == "no capture of it could be read"
        assert provenance._none_read({"status": "not_found"}, []).startswith(
            "not read: this report was made with --no-archive")
    finally:
        provenance._NO_ARCHIVE.reset(token)
