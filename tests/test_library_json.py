"""The library's `to_json()` is what the CLI's `--json` prints: only JSON's types (newuser36b #2)."""

import json

from cache import Store
from resolver import pipeline, session, settings
from resolver.inputs import InputSpec, iter_items
from tests import xfixtures as fx
from tests.test_cli_fetch import setup

JSON_TYPES = (dict, list, str, int, float, bool, type(None))


def not_json(value, where="$"):
    """Every place in `value` holding something other than JSON's types, with its path."""
    if not isinstance(value, JSON_TYPES):
        return [f"{where}: {type(value).__name__}"]
    if isinstance(value, dict):
        return [bad for k, v in value.items() for bad in ([f"{where}: key {k!r}"] if not isinstance(k, str) else [])
                + not_json(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [bad for i, v in enumerate(value) for bad in not_json(v, f"{where}[{i}]")]
    return []


def test_to_json_after_a_fetch_is_the_cli_json_line(fakenet, tmp_path):
    """Before, a post's media, references, edits, links and versions were tuples: `to_json() == json.loads(line)`
    was False for every article with a post, and `post["media"] == []` too."""
    invoke = setup(fakenet, tmp_path)
    article = tmp_path / "story.html"
    article.write_text(f'<p>Traffic news.</p>{fx.OEMBED_TWEET["html"]}<p>(AP Photo/Jane Doe)</p>')
    assert invoke("scan", "--fetch", "--json", str(article)).exit_code == 0
    cli_line = invoke("scan", "--fetch", "--offline", "--json", str(article))
    assert cli_line.exit_code == 0, cli_line.output
    found = []
    with Store(tmp_path / "c.db") as store:
        run = session.Session(settings.load_settings(tmp_path / "config.toml"), store=store,
                              mode=session.Mode(offline=True))
        pipeline.run(iter_items(InputSpec(files=(str(article),))), session=run, steps=pipeline.Steps(fetch=True),
                     emit=lambda o: found.append(o.to_json()))
    [data] = found
    assert not_json(data) == []
    assert data["posts"] and data["posts"][0]["media"] and data["posts"][0]["edits"] == []
    assert data == json.loads(cli_line.stdout)


def test_every_post_field_is_a_json_type():
    """A post with every container filled (media with variants, references, edits, links, versions)."""
    from resolver.fetch.records import Media, PostRecord, Version
    link = {"url": "https://t.co/a", "expanded_url": "https://example.org/", "display_url": "example.org"}
    post = PostRecord("twitter", "5", "https://twitter.com/a/status/5", "available", "x-api",
                      media=(Media("https://pbs.twimg.com/media/a.jpg", "video", variants=({"url": "v.mp4"},)),),
                      references=({"type": "quoted", "id": "4"},), fetch_ids=(1, 2), edits=("3", "5"),
                      links=(link,), versions=(Version("3", "available", "x-api", links=(link,)),))
    assert not_json(post.to_json()) == []
    assert not_json(PostRecord("twitter", "6", "https://twitter.com/a/status/6", "deleted", "syndication").to_json()) == []
