"""review46b: stop 45's review fixes reread (review45a, review45c): a licence before a spaced dash or a space, ..."""

import pytest

from resolver.extract import find_all


def _credits(line: str):
    return [(c.creator, c.organization, c.kind) for c in
            find_all(f"The chef posted a new menu on Friday.\n{line}\nMore text follows here.", "text")[1]]


@pytest.mark.parametrize("line, expected", [
    ("Photo: CC BY 2.0 — Jane Doe", ("Jane Doe", None)),
    ("Photo: CC BY-SA 4.0 – Jane Doe", ("Jane Doe", None)),
    ("Photo: CC BY 2.0 Jane Doe via Flickr", ("Jane Doe", "Flickr")),
    ("Photo: CC0 Jane Doe", ("Jane Doe", None)),
    ("Photo: CC BY 2.0 by Jane Doe", ("Jane Doe", None)),
    ("Photo: CC-BY 2.0 Jane Doe", ("Jane Doe", None)),
    ("Photo: CC BY-SA 3.0 DE / Jane Doe", ("Jane Doe", None)),
    ("Photo: Jane Doe, CC BY-SA 3.0 DE", ("Jane Doe", None)),
], ids=["em-dash", "en-dash", "space-via", "cc0-space", "by", "cc-hyphen", "port-before", "port-after"])
def test_a_licence_before_a_dash_or_a_space_leaves_the_creator_after_it(line, expected):
    """The spaced dash cut the value to "CC BY 2.0", which review45c's rule then dropped as a licence alone: the
    credit vanished (before it, the licence was the photographer); a licence and a space before the name gave none."""
    assert [(creator, org) for creator, org, _ in _credits(line)] == [expected]


def test_a_placeholder_two_lazy_pictures_share_never_makes_the_uncredited_one_credited():
    """Two lazy <img>s, one src placeholder: the credit of the first is tied to the placeholder (html_credits reads
    src), and every address of an <img> was held against the credits (review45c), so the second, uncredited, picture
    was never listed. A placeholder several pictures name is none's own: the credit is said to be tied to no image."""
    from tests.test_review45c import CAPTION, _uncredited

    body = (f'<figure><img src="/img/lazy.gif" data-src="/img/a.jpg">{CAPTION}</figure>'
            '<figure><img src="/img/lazy.gif" data-src="/img/b.jpg"><figcaption>The bridge.</figcaption></figure>')
    assert "https://news.example/img/b.jpg" in _uncredited(body, page_url="https://news.example/story")


@pytest.mark.parametrize("container", ["css-1ad2x9", "sc-3ad1c0e2-0 kJbKf", "dcr-9gpt4k", "header lead"])
def test_a_picture_in_a_container_whose_generated_class_holds_ad_is_still_an_article_picture(container):
    """review45c's advert slots ("ad", "div-gpt-ad-1") were read in any class between two non-letters: the hash of a
    generated class name ("css-1ad2x9", styled-components' "sc-3ad1c0e2-0") made an uncredited picture an advert's,
    never listed."""
    from tests.test_review45c import CAPTION, _uncredited

    body = (f'<figure><img src="/img/a.jpg">{CAPTION}</figure><div class="{container}"><figure>'
            '<img src="/img/b.jpg"><figcaption>The bridge.</figcaption></figure></div>')
    assert _uncredited(body, page_url="https://news.example/story") == \
        ["https://news.example/img/other.jpg", "https://news.example/img/b.jpg"]


def test_a_picture_whose_name_holds_an_ad_services_letters_is_still_an_article_picture():
    """"roadservice-crew.jpg" holds "adservice", "headsystem.jpg" "adsystem": review45c's ad-service addresses were
    read anywhere in the address, and the og:image and the body's picture were never listed (review46b)."""
    from tests.test_review45c import CAPTION, _uncredited

    body = (f'<figure><img src="/img/a.jpg">{CAPTION}</figure><figure><img src="/img/headsystem.jpg">'
            '<figcaption>The bridge.</figcaption></figure>')
    assert _uncredited(body, og="https://news.example/img/roadservice-crew.jpg",
                       page_url="https://news.example/story") == \
        ["https://news.example/img/roadservice-crew.jpg", "https://news.example/img/headsystem.jpg"]
    assert _uncredited(body + '<img src="https://c.amazon-adsystem.com/x.jpg">', page_url="https://news.example/story") \
        == ["https://news.example/img/other.jpg", "https://news.example/img/headsystem.jpg"]
