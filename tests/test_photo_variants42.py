"""Two credits of images whose addresses differ only in a query (`plain.jpg?v=4`, `plain.jpg?v=5`): newuser42a #12.
`other-credits` took them for one photo by their addresses ("credit 3 credits this image to Shutterstock: the page
credits it in more than one way"), while each credit listed its own URL. Now the files decide, when both were
fetched (the same sha256, or the same picture at another size by its perceptual hash); else the check says it is
not known whether they are one photo. Every request goes to the loopback server (tests/fakenet.py)."""

import json

import pytest

from tests import xfixtures as fx
from tests.cliworld import World
from tests.fakenet import page
from tests.waybacknet import serve

PAGE = ('<html><body><article><p>The race has tightened, polls show, and the count goes on into the night in '
        'every ward of the city, officials said.</p>'
        '<figure><img src="https://news.example/img/plain.jpg?v=4"><figcaption>A polling station. Image: '
        'Shutterstock</figcaption></figure>'
        '<figure><img src="https://news.example/img/plain.jpg?v=5"><figcaption>The city from above. Credit: '
        'NASA/JPL-Caltech</figcaption></figure></article></body></html>')
RED = fx.jpeg()


def _striped() -> bytes:
    """Another picture: black and white halves (a one-colour picture at another size has RED's perceptual hash)."""
    import io

    from PIL import Image

    image = Image.new("RGB", (64, 48), (0, 0, 0))
    image.paste((255, 255, 255), (0, 0, 32, 48))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


BLUE = _striped()


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    serve(fakenet, [])
    return World(fakenet, tmp_path)


def _others(world, tmp_path, *flags):
    source = tmp_path / "story.html"
    source.write_text(PAGE)
    result = world("report", "--format", "json", *flags, str(source))
    assert result.exit_code == 0, result.output
    return [[c["evidence"] for c in credit["checks"] if c["name"] == "other-credits"]
            for credit in json.loads(result.stdout)["credits"]]


def test_two_files_that_differ_are_two_photos(world, fakenet, tmp_path):
    fakenet.route("news.example", "/img/plain.jpg", lambda request: page(
        RED if request.args.get("v") == "4" else BLUE, content_type="image/jpeg")(request))
    assert _others(world, tmp_path) == [[], []]


def test_one_file_under_two_addresses_is_one_photo_and_said_so(world, fakenet, tmp_path):
    fakenet.route("news.example", "/img/plain.jpg", page(RED, content_type="image/jpeg"))
    [first, second] = _others(world, tmp_path)
    assert len(first) == 1 and len(second) == 1
    assert first[0].startswith("credit 2 (caption) credits this image to NASA/JPL-Caltech: the page credits it in "
                               "more than one way (its image https://news.example/img/plain.jpg?v=5 is the same "
                               "file, sha256 "), first


def test_not_fetched_says_it_is_not_known_whether_they_are_one_photo(world, tmp_path):
    [first, _] = _others(world, tmp_path, "--offline")
    assert first == ["credit 2 (caption) credits NASA/JPL-Caltech an image whose address differs from this one's "
                     "only in its query (https://news.example/img/plain.jpg?v=5): if it is the same photo, the page "
                     "credits it in more than one way; the files were not both fetched, so whether they are one "
                     "photo is not known"], first
