"""`dead_embeds_by_outlet_year.post_year` of a Bluesky post from its key, a TID (the time it was made, as an X id's
snowflake carries its time), when no answer or date line gave one (newuser38b #5: every Bluesky post named by a link
was in the "no known year" bucket). Fixtures are fictional."""

import pytest
from click.testing import CliRunner

from cache import Store
from resolver.cli import cli
from resolver.platforms.bluesky import tid_time


@pytest.mark.parametrize("key", ["3jzfcijpj2z2a", "3mgpk77abcd2u", "2zzzzzzzzzzzz", "jzzzzzzzzzzzz"],
                         ids=["2023", "2026", "1970s", "first-char-j"])
def test_a_bluesky_posts_year_is_its_keys(tmp_path, key):
    story = tmp_path / "story.txt"
    story.write_text(f"The mayor posted an update.\n\nhttps://bsky.app/profile/jane.example.com/post/{key}\n\nMore.\n")
    scanned = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(story)])
    assert scanned.exit_code == 0, scanned.output
    with Store(tmp_path / "c.db") as store:
        rows = [dict(r) for r in store.db.query("SELECT platform, post_year, embeds FROM dead_embeds_by_outlet_year")]
    assert rows == [{"platform": "bluesky", "post_year": str(tid_time(key).year), "embeds": 1}]


def test_a_bluesky_key_that_is_no_tid_gives_no_year(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The mayor posted.\n\nhttps://bsky.app/profile/jane.example.com/post/3kriverton22\n\nMore.\n")
    CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(story)])
    with Store(tmp_path / "c.db") as store:
        assert [r["post_year"] for r in store.db.query("SELECT post_year FROM dead_embeds_by_outlet_year")] == [None]
