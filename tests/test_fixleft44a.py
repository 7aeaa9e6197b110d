"""fixleft44a (stop 44): photo-credit gaps the stop-43 reviewers found and left (review43a43, fixname4343,
newuser42a #11), each a test that failed before its fix. Fixtures fictional."""

import pytest

from resolver.extract import find_all


def figure(caption: str, src: str = "https://img.wire.example/p1.jpg") -> str:
    return ('<!doctype html><html lang="en"><body><article><p>Story words here about the day.</p><figure>'
            f'<img src="{src}"><figcaption>{caption}</figcaption></figure>'
            "<p>More words.</p></article></body></html>")


def split_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.kind, c.split_confidence) for c in find_all(content, kind)[1]]


# Item 1 (review43a43 "left"): a photographer's credit lent by her own studio gave no credit at all.
@pytest.mark.parametrize("caption", [
    "Photo by Jane Doe, courtesy of Jane Doe Photography",
    "The mayor at the harbour. Photo by Jane Doe, courtesy of Jane Doe Photography",
    "Photo: Jane Doe, courtesy of Jane Doe Photography",
    "(Photo by Jane Doe, courtesy of Jane Doe Photography)",
], ids=["alone", "after-words", "colon", "brackets"])
def test_a_photographer_lent_by_her_own_studio_is_one_person_and_a_lender(caption):
    """Jane Doe made the picture; her studio lent it (the holder): one person and one lender, never two people."""
    assert split_of(figure(caption)) == [("Jane Doe", "Jane Doe Photography", "courtesy", "high")]


def test_a_photographer_lent_by_her_studio_in_scraped_text_too():
    text = "Story words.\n\nThe mayor at the harbour. Photo by Jane Doe, courtesy of Jane Doe Photography\n\nMore.\n"
    assert split_of(text, "text") == [("Jane Doe", "Jane Doe Photography", "courtesy", "high")]


# Item 1: a screen grab or a video still taken from a platform names the platform, never as the photographer, as
# "Photo: Screenshot via X" is read.
@pytest.mark.parametrize("caption, platform", [
    ("Photo: Screen grab via X", "X"),
    ("The candidate's post. Photo: Screen grab via X", "X"),
    ("Screen grab via YouTube", "YouTube"),
    ("The flood in the valley. Screen grab via YouTube", "YouTube"),
    ("Video still via Instagram", "Instagram"),
    ("The crash on the motorway. Video still via Instagram", "Instagram"),
    ("(Video still via TikTok)", "TikTok"),
    # read before: guards
    ("Screengrab: TikTok", "TikTok"),
    ("Image: screenshot / X", "X"),
    ("Photo: Screenshot via X", "X"),
])
def test_a_screen_grab_or_video_still_via_a_platform_names_the_platform(caption, platform):
    # a screen grab's kind is "screenshot", a video still's none (newuser46a #7)
    kind = None if "still" in caption else "screenshot"
    assert split_of(figure(caption)) == [(None, platform, kind, "high")]


@pytest.mark.parametrize("line", ["Photo: Screen grab via X", "Video still via Instagram"])
def test_a_screen_grab_in_scraped_text_names_the_platform(line):
    kind = None if "still" in line else "screenshot"   # newuser46a #7
    assert split_of(f"Story words.\n\nThe post. {line}\n\nMore.\n", "text") == [(None, line.split()[-1], kind, "high")]


def test_still_is_no_credit_word_in_prose():
    """"still" after "video" only opens a credit as "Video still via/from/:" (guard)."""
    page = figure("The video still shows the crowd at the gate.")
    assert split_of(page) == []


@pytest.mark.parametrize("caption", [
    "Photo by Jane Doe, courtesy of the family",
    "The victim in 2019. Photo: Jane Doe, courtesy of the family",
])
def test_a_photographer_lent_by_a_family_in_a_caption_is_her_credit(caption):
    """A caption's "Photo by Jane Doe, courtesy of the family" gave no credit (its small "family" failed the strict
    check), though a credit element's same words gave Jane Doe (credits29c #4). The family is no organisation; one
    named by its name is who lent it (fixleft46a), as "Courtesy of the Hale family" alone is read."""
    assert split_of(figure(caption)) == [("Jane Doe", None, "courtesy", "high")]


def test_a_photographer_lent_by_a_family_named_by_its_name_is_her_credit_and_its_loan():
    assert split_of(figure("Photo: Jane Doe, courtesy of the Hale family")) == \
        [("Jane Doe", "the Hale family", "courtesy", "high")]


@pytest.mark.parametrize("caption", [
    "Jane Doe, courtesy of the family, spoke at the vigil.",
    "Photo: Jane Doe, courtesy of the mayor's office staff and his friends at the harbour today",
])
def test_courtesy_words_in_a_sentence_still_credit_no_one(caption):
    assert split_of(figure(caption)) == []


@pytest.mark.parametrize("caption, studio", [
    ("Photo: Jane Doe Photography", "Jane Doe Photography"),
    ("Credit: Riverton Photography", "Riverton Photography"),
])
def test_a_studio_named_photography_is_an_organisation_not_a_person(caption, studio):
    """"Photo: Jane Doe Photography" gave the creator "Jane Doe Photography", sure, as if a person had that name."""
    assert [(c.creator, c.organization) for c in find_all(figure(caption), "html")[1]] == [(None, studio)]


def test_a_screen_grab_in_a_paragraph_of_its_own_is_read():
    page = ("<html><body><article><p>Story words about the day.</p><p>The flood in the valley. Screen grab via "
            "YouTube</p><p>More.</p></article></body></html>")
    assert split_of(page) == [(None, "YouTube", "screenshot", "high")]   # its kind: newuser46a #7


# Item 2 (fixname4343 "left alone"): two credits of one photo naming its photographer in two scripts warned "the page
# credits it in more than one way", saying neither the scripts nor that they may be one name transliterated.
def _credit(raw, creator, source, organization=None, start=0):
    return {"raw": raw, "creator": creator, "organization": organization, "source": source, "form": None,
            "image": "https://img.news.example/p1.jpg", "span": [start, start + len(raw)], "kind": None}


@pytest.mark.parametrize("caption, latin, script", [
    ("Іван Петренко", "Ivan Petrenko", "Cyrillic"),
    ("محمد سالم", "Mohammed Salem", "Arabic"),
    ("יוסי כהן", "Yossi Cohen", "Hebrew"),
])
def test_two_credits_of_one_photo_in_two_scripts_say_they_may_be_one_name(caption, latin, script):
    from resolver.provenance import other_credits

    credits = [_credit(latin, latin, "json-ld"), _credit(f"Фото: {caption}", caption, "caption", start=100)]
    [[first], [second]] = other_credits(credits)
    assert first["result"] == second["result"] == "warn"
    assert first["evidence"] == (
        f"credit 2 (caption) credits this image to {caption}: the page credits it in more than one way, or one way in "
        f"two scripts: not known: '{latin}' (Latin letters) and '{caption}' ({script} letters) are written in "
        "different scripts and may be one person's name transliterated, which cannot be told"), first
    assert second["evidence"].startswith(f"credit 1 (json-ld) credits this image to {latin}: the page credits it in "
                                         f"more than one way, or one way in two scripts: not known: '{caption}' "
                                         f"({script} letters) and '{latin}' (Latin letters)"), second


def test_two_scripts_beside_two_agencies_still_say_the_agencies_differ():
    from resolver.provenance import other_credits

    credits = [_credit("Ivan Petrenko/AP", "Ivan Petrenko", "json-ld", "AP"),
               _credit("Фото: Іван Петренко/Reuters", "Іван Петренко", "caption", "Reuters", start=100)]
    [[first], _] = other_credits(credits)
    assert first["evidence"] == (
        "credit 2 (caption) credits this image to Іван Петренко / Reuters: the page credits it in more than one way: "
        "the organisations differ ('AP', 'Reuters'); the names 'Ivan Petrenko' (Latin letters) and 'Іван Петренко' "
        "(Cyrillic letters) are written in different scripts and may be one person's name transliterated, which "
        "cannot be told"), first


@pytest.mark.parametrize("one, other", [
    ("Jane Doe", "Ann Lee"),             # one script, two names
    ("Ivan Petrov", "Іvаn Реtrоv"),      # look-alike letters (Cyrillic І а Р е о): no transliteration
])
def test_names_in_one_script_or_look_alike_letters_say_nothing_of_scripts(one, other):
    from resolver.provenance import other_credits

    [[first], _] = other_credits([_credit(one, one, "json-ld"), _credit(other, other, "caption", start=100)])
    assert first["evidence"] == f"credit 2 (caption) credits this image to {other}: the page credits it in more " \
                                "than one way"


def test_the_report_says_the_two_scripts_beside_both_credits(tmp_path):
    from click.testing import CliRunner

    from resolver.cli import cli

    page = tmp_path / "two.html"
    page.write_text('<html lang="uk"><head><script type="application/ld+json">{"@context":"https://schema.org",'
                    '"@type":"ImageObject","contentUrl":"https://img.news.example/p1.jpg","creditText":"Ivan Petrenko"}'
                    '</script></head><body><article><p>Words of the story.</p><figure>'
                    '<img src="https://img.news.example/p1.jpg"><figcaption>Фото: Іван Петренко</figcaption></figure>'
                    "</article></body></html>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", str(page)])
    said = " ".join(result.output.split())
    assert said.count("or one way in two scripts: not known:") == 2, said
    assert "'Іван Петренко' (Cyrillic letters) and 'Ivan Petrenko' (Latin letters) are written in different scripts" \
        in said, said


# Item 3 (newuser42a #11): the article's pictures that carry no credit were never named, so an editor could not tell
# "no credit found" from "not looked at". The report lists them; icons, logos, avatars, pixels and data: URIs never.
STORY = """<!doctype html><html lang="en"><head><title>Fire at the harbour</title>
<meta property="og:image" content="https://news.example/img/lead-1200x630.jpg">
<meta property="og:image" content="https://news.example/img/social-card.jpg">
<link rel="icon" href="/favicon.ico"></head><body>
<nav><img src="https://news.example/img/menu-photo.jpg"></nav>
<header><img src="https://news.example/img/site-logo.png" alt="News Example"></header>
<article><h1>Fire at the harbour</h1>
<figure><img src="https://news.example/img/lead.jpg"><figcaption>Firefighters. (AP Photo/Jane Doe)</figcaption></figure>
<p>Words of the story about the fire at the harbour, told at length for the readers of the paper.</p>
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://news.example/img/crowd.jpg"
 width="800" height="533"><figcaption>The crowd watched from the quay.</figcaption></figure>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">
<img src="https://track.example/p.gif" width="1" height="1">
<img src="https://news.example/img/share-icon.png">
<img class="author-avatar" src="https://news.example/img/ann.jpg">
<img src="https://news.example/img/badge.svg">
<img src="https://news.example/img/thumb.jpg" width="60" height="60">
<aside class="related"><img src="https://news.example/img/other-story.jpg"></aside>
<blockquote class="twitter-tweet"><p>A post</p><img src="https://pbs.twimg.example/media/x.jpg"></blockquote>
<div class="share-bar"><img src="https://news.example/img/fb.png"></div>
</article></body></html>"""


def test_the_articles_own_pictures_are_its_og_images_and_body_images_alone():
    from resolver.extract.shown_images import content_images_of

    assert [(i.url, i.where) for i in content_images_of(STORY)] == [
        ("https://news.example/img/lead-1200x630.jpg", "og:image"),
        ("https://news.example/img/social-card.jpg", "og:image"),
        ("https://news.example/img/lead.jpg", "article"),
        ("https://news.example/img/crowd.jpg", "article"),
    ]


def test_with_no_article_element_the_figures_pictures_are_read():
    from resolver.extract.shown_images import content_images_of

    page = ('<html><body><div class="logo"><img src="/l.png"></div><figure><img src="/a.jpg"></figure>'
            '<div itemprop="articleBody"><p>x</p><img src="/b.jpg"></div><img src="/c.jpg"></body></html>')
    assert [i.url for i in content_images_of(page)] == ["/a.jpg", "/b.jpg"]


def test_the_report_lists_the_pictures_no_credit_is_tied_to(tmp_path):
    import json

    from click.testing import CliRunner

    from resolver.cli import cli

    page = tmp_path / "story.html"
    page.write_text(STORY, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", str(page)])
    assert result.exit_code == 0, result.output
    said = result.output
    credits = said[said.index("## Photo credits"):]
    assert "**Pictures with no credit**: no credit found for 2 of the article's pictures (its og:image and the " \
           "pictures in its body were looked at; icons, logos, avatars, tracking pixels and data: URIs are not " \
           "counted):" in " ".join(credits.split()), credits
    listed = [line for line in credits.splitlines() if line.startswith("- `")]
    # the og:image crop of the credited lead photo is its photo at another size: credited
    assert listed == ["- `https://news.example/img/social-card.jpg` (the page's og:image)",
                      "- `https://news.example/img/crowd.jpg` (in the article)"], credits
    result = runner.invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", "json",
                                 str(page)])
    [warning] = [w for w in json.loads(result.stdout)["article"]["warnings"] if w["kind"] == "uncredited-images"]
    assert (warning["count"], warning["untied_credits"]) == (2, 0)
    result = runner.invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", "html",
                                 str(page)])
    assert "<strong>Pictures with no credit</strong>" in result.stdout
    assert "<code>https://news.example/img/crowd.jpg</code> (in the article)" in result.stdout


def test_a_credit_tied_to_no_image_is_said_to_be_maybe_theirs():
    from resolver.article import from_bytes
    from resolver.model import Credit
    from resolver.workers import uncredited_images

    article = from_bytes(STORY.encode(), "story.html", kind="html")
    untied = Credit(raw="Photo: Ann Lee", source="text", span=(0, 14), creator="Ann Lee")
    found = uncredited_images(article, [untied], "https://news.example/news/story.html")
    # lead.jpg and its og:image crop are one picture, listed once
    assert found is not None and found["count"] == 3 and found["untied_credits"] == 1
    assert found["message"].endswith("; 1 credit on the page is tied to no image and may be theirs"), found


def test_relative_pictures_are_read_against_the_pages_url():
    from resolver.article import from_bytes
    from resolver.workers import uncredited_images

    page = '<html><body><article><p>Words.</p><figure><img src="../img/a.jpg"></figure></article></body></html>'
    found = uncredited_images(from_bytes(page.encode(), "p.html", kind="html"), [],
                              "https://news.example/news/story.html")
    assert found is not None and found["images"] == [{"url": "https://news.example/img/a.jpg", "where": "article"}]


def test_a_text_article_or_a_page_whose_pictures_are_all_credited_lists_none():
    from resolver.article import from_bytes
    from resolver.model import Credit
    from resolver.workers import uncredited_images

    assert uncredited_images(from_bytes(b"Words. Photo: Ann Lee/AP", "a.txt", kind="text"), [], None) is None
    page = '<html><body><article><figure><img src="https://n.example/a.jpg"></figure></article></body></html>'
    credit = Credit(raw="Ann Lee/AP", source="caption", span=(0, 10), creator="Ann Lee", organization="AP",
                    image="https://n.example/a.jpg")
    assert uncredited_images(from_bytes(page.encode(), "p.html", kind="html"), [credit], None) is None


def test_a_secret_in_an_uncredited_pictures_address_is_redacted():
    """The addresses are URLs the page gave, as a credit's image is: a configured secret in one is never kept."""
    from resolver.article import from_bytes
    from resolver.pipeline import ArticleResult, _redacted_page_urls
    from resolver.redact import Redactor
    from resolver.workers import uncredited_images

    page = ('<html><body><article><p>Words.</p><figure><img src="https://n.example/a.jpg?key=KEYfixleft44">'
            "</figure></article></body></html>")
    article = from_bytes(page.encode(), "p.html", kind="html")
    result = ArticleResult(article, (), (), uncredited=uncredited_images(article, [], None))
    redacted = _redacted_page_urls(result, Redactor(secrets=("KEYfixleft44",)))
    assert redacted.uncredited is not None
    assert "KEYfixleft44" not in str(redacted.uncredited) and "KEYfixleft44" not in str(redacted.warnings_json)


@pytest.mark.parametrize("url, content", [
    ("https://n.example/skins/gfx/fblogo.jpg", False),
    ("https://n.example/img/site-logo.png", False),
    ("https://n.example/favicon.ico", False),
    ("https://n.example/img/pixel.gif", False),
    ("data:image/png;base64,iVBORw0KGgo=", False),
    ("https://n.example/img/biologist-at-work.jpg", True),
    ("https://n.example/2019/07/lead.jpg?w=1200", True),
])
def test_an_address_naming_a_logo_icon_or_pixel_is_no_content_picture(url, content):
    from resolver.extract.shown_images import _content_address

    assert _content_address(url) is content


def test_one_picture_under_two_addresses_is_listed_once():
    from resolver.article import from_bytes
    from resolver.workers import uncredited_images

    page = ('<html><head><meta property="og:image" content="https://n.example/a-1200x630.jpg"></head><body><article>'
            '<p>Words.</p><figure><img src="https://n.example/a.jpg"></figure></article></body></html>')
    found = uncredited_images(from_bytes(page.encode(), "p.html", kind="html"), [], None)
    assert found is not None and found["images"] == [{"url": "https://n.example/a-1200x630.jpg", "where": "og:image"}]


def test_two_scripts_are_said_of_a_photo_under_another_size_too():
    """The warnings of two addresses of one photo by their shape (another size, another query) say the scripts too."""
    from resolver.provenance import other_credits

    credits = [_credit("Ivan Petrenko", "Ivan Petrenko", "json-ld"),
               {**_credit("Фото: Іван Петренко", "Іван Петренко", "caption", start=100),
                "image": "https://img.news.example/p1.jpg?v=2"}]
    [[first], _] = other_credits(credits)
    assert "the page credits it in more than one way, or one way in two scripts: not known: 'Ivan Petrenko' (Latin " \
           "letters) and 'Іван Петренко' (Cyrillic letters)" in first["evidence"], first
    assert first["evidence"].endswith("whether they are one photo is not known"), first
