"""A credited image the page names by a relative address (`/img/x.jpg`, `../img/x.jpg`, `//host/x.jpg`, or under
`<base href>`): newuser42a #1. `report https://news.example/news/story.html` never asked for either image (the
download took only `http(s)://` addresses) and said "What to do next: nothing", exit 0, over a file whose IPTC
By-line contradicts the caption. An article read by URL has its images' addresses made absolute as a browser makes
them; one read from a file with no known URL says the image could not be checked, and why. Every request goes to
the loopback server (tests/fakenet.py), the guard and `[origins]` holding for the address made as for any other."""

import json

import pytest

from tests import xfixtures as fx
from tests.cliworld import World, lines
from tests.fakenet import page
from tests.waybacknet import serve

STORY = "https://news.example/news/story.html"
PAGE = ('<!doctype html><html lang="en"><head><title>Harbour fire</title>{base}</head><body><article>'
        '<h1>Harbour fire</h1><p>A fire broke out at the harbour on Sunday night, and crews fought it for hours, '
        'officials said on Monday.</p>'
        '<figure><img src="{first}"><figcaption>Firefighters at the harbour. (AP Photo/Jane Doe)</figcaption></figure>'
        '<figure><img data-src="{second}" class="lazy"><figcaption>Smoke over the bay. Peter Smith/AFP via Getty '
        'Images</figcaption></figure><p>The cause of the fire is not yet known, the harbour master said.</p>'
        '</article></body></html>')
DOE = fx.jpeg(iptc={(2, 80): b"Jane Doe", (2, 110): b"AP"})
LOPEZ = fx.jpeg(iptc={(2, 80): b"Maria Lopez", (2, 110): b"AFP"})


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = World(fakenet, tmp_path)
    serve(fakenet, [])   # the archive answers: no capture
    return made


def _images(fakenet, first: str, second: str) -> None:
    fakenet.route("news.example", first, page(DOE, content_type="image/jpeg"))
    fakenet.route("news.example", second, page(LOPEZ, content_type="image/jpeg"))


def _credit_checks(report: dict) -> list[tuple[str | None, str]]:
    return [((c["image_metadata"] or {}).get("url"),
             next(k["result"] for k in c["checks"] if k["name"] == "image-metadata")) for c in report["credits"]]


@pytest.mark.parametrize(("first", "second", "base"), [
    ("/img/ap_doe.jpg", "../img/smith_wrong.jpg", ""),
    ("//news.example/img/ap_doe.jpg", "./../img/smith_wrong.jpg", ""),
    ("img/ap_doe.jpg", "img/smith_wrong.jpg", '<base href="/">'),
], ids=["root-and-parent", "scheme-relative", "base-href"])
def test_a_relative_image_of_an_article_read_by_url_is_fetched_and_checked(world, fakenet, first, second, base):
    _images(fakenet, "/img/ap_doe.jpg", "/img/smith_wrong.jpg")
    fakenet.route("news.example", "/news/story.html", page(PAGE.format(first=first, second=second, base=base)))
    result = world("report", "--format", "json", STORY)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert _credit_checks(report) == [("https://news.example/img/ap_doe.jpg", "pass"),
                                      ("https://news.example/img/smith_wrong.jpg", "fail")]
    assert [c["image"] for c in report["credits"]] == ["https://news.example/img/ap_doe.jpg",
                                                       "https://news.example/img/smith_wrong.jpg"]
    assert ("news.example", "/img/smith_wrong.jpg") in fakenet.hits


def test_the_base_href_is_read_against_the_page_url_where_its_redirects_ended(world, fakenet):
    fakenet.route("news.example", "/go", lambda request: page("", 301, Location=STORY)(request))
    fakenet.route("news.example", "/news/story.html",
                  page(PAGE.format(first="a.jpg", second="../b.jpg", base='<base href="/assets/x/">')))
    _images(fakenet, "/assets/x/a.jpg", "/assets/b.jpg")
    result = world("report", "--format", "json", "https://news.example/go")
    assert result.exit_code == 0, result.output
    assert _credit_checks(json.loads(result.stdout)) == [("https://news.example/assets/x/a.jpg", "pass"),
                                                         ("https://news.example/assets/b.jpg", "fail")]


def test_a_relative_image_made_absolute_is_still_held_to_only_configured(world, fakenet):
    """The address made absolute is on an origin `only_configured` leaves unmapped: not asked, and said so."""
    config = world.config.read_text().replace("[origins]\n", "[origins]\nonly_configured = true\n")
    world.config.write_text(config + '"https://elsewhere.example" = "http://127.0.0.1:9"\n')
    fakenet.route("news.example", "/news/story.html", page(PAGE.format(
        first="/img/ap_doe.jpg", second="//cdn.unmapped.example/b.jpg", base="")))
    _images(fakenet, "/img/ap_doe.jpg", "/img/smith_wrong.jpg")
    result = world("report", "--format", "json", STORY)
    report = json.loads(result.stdout)
    [_, second] = report["credits"]
    assert second["image"] == "https://cdn.unmapped.example/b.jpg"
    [check] = [c for c in second["checks"] if c["name"] == "image-metadata"]
    assert check["result"] == "skip" and "not asked: its origin is not mapped in [origins]" in check["evidence"]
    assert not [h for h in fakenet.hits if h[0] == "cdn.unmapped.example"]


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_relative_image_of_a_file_says_it_could_not_be_checked_and_why(world, fakenet, tmp_path, fmt):
    source = tmp_path / "story.html"
    source.write_text(PAGE.format(first="/img/ap_doe.jpg", second="https://news.example/img/smith_wrong.jpg",
                                  base=""))
    _images(fakenet, "/img/ap_doe.jpg", "/img/smith_wrong.jpg")
    result = world("report", "--format", fmt, str(source))
    assert result.exit_code == 0, result.output
    why = ("its address /img/ap_doe.jpg is relative, and the article's own URL is not known: the image could not "
           "be checked; give the article's URL rather than a file to check it")
    if fmt == "json":
        report = json.loads(result.stdout)
        [first, second] = report["credits"]
        assert first["image"] == "/img/ap_doe.jpg"   # as the page wrote it: no address is guessed
        assert [(c["result"], c["evidence"]) for c in first["checks"] if c["name"] == "image-metadata"] == [
            ("skip", why)]
        assert _credit_checks(report)[1] == ("https://news.example/img/smith_wrong.jpg", "fail")
    else:
        assert f"- ➖ skip **image-metadata**: {why}" in lines(result.stdout)
        [todo] = [line for line in lines(result.stdout) if line.startswith("- **What to do next**")]
        assert ("note that 1 credited image could not be checked: its address is relative and the article's URL is "
                "not known; give the article's URL rather than a file to check it") in todo, todo
    assert ("news.example", "/img/ap_doe.jpg") not in fakenet.hits


def test_a_file_whose_only_doubt_is_a_relative_image_is_never_nothing_to_do(world, tmp_path):
    source = tmp_path / "story.html"
    source.write_text(PAGE.format(first="/img/a.jpg", second="../img/b.jpg", base=""))
    result = world("report", "--offline", str(source))
    [todo] = [line for line in lines(result.stdout) if line.startswith("- **What to do next**")]
    assert "nothing" not in todo and "2 credited images could not be checked" in todo, todo
