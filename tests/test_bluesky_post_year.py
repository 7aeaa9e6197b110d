"""`dead_embeds_by_outlet_year.post_year` of a Bluesky post from its key, a TID (the time it was made, as an X id's
snowflake carries its time), when no answer or date line gave one (newuser38b #5: every Bluesky post named by a link
was in the "no known year" bucket). Fixtures are fictional."""

from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from cache import Store
from resolver.cli import cli
from resolver.platforms.bluesky import tid_time

if TYPE_CHECKING:
    from datetime import datetime


def dead_view_of_a_post_linked_by(tmp_path, key: str) -> list[dict]:
    """The dead view's rows after an offline scan of a story linking one Bluesky post by its record key."""
    story = tmp_path / "story.txt"
    story.write_text(f"The mayor posted an update.\n\nhttps://bsky.app/profile/jane.example.com/post/{key}\n\nMore.\n")
    scanned = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(story)])
    assert scanned.exit_code == 0, scanned.output
    with Store(tmp_path / "c.db") as store:
        rows = [dict(r) for r in store.db.query("SELECT platform, post_year, embeds FROM dead_embeds_by_outlet_year")]
    return rows


@pytest.mark.parametrize("key", ["3jzfcijpj2z2a", "3mgpk77abcd2u"], ids=["2023", "2026"])
def test_a_bluesky_posts_year_is_its_keys(tmp_path, key):
    rows = dead_view_of_a_post_linked_by(tmp_path, key)
    assert rows == [{"platform": "bluesky", "post_year": str(tid_time(key).year), "embeds": 1}]


def test_a_bluesky_key_that_is_no_tid_gives_no_year(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The mayor posted.\n\nhttps://bsky.app/profile/jane.example.com/post/3kriverton22\n\nMore.\n")
    CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(story)])
    with Store(tmp_path / "c.db") as store:
        assert [r["post_year"] for r in store.db.query("SELECT post_year FROM dead_embeds_by_outlet_year")] == [None]


def _key_of(when: "datetime") -> str:
    """A TID made at `when` (clock id 0): 53 bits of microseconds since 1970 before 10 bits of clock id."""
    from resolver.platforms.bluesky import TID_ALPHABET

    value = int(when.timestamp() * 1_000_000) << 10
    return "".join(TID_ALPHABET[(value >> (5 * (12 - at))) & 31] for at in range(13))


@pytest.mark.parametrize("when", ["2005-09-04T12:00:00", "2019-06-01T00:00:00", "2100-01-01T00:00:00", "max"],
                         ids=["2005", "2019-before-bluesky", "2100-future", "largest-tid-year-2255"])
def test_review39b_a_key_made_before_bluesky_or_after_now_gives_no_year(tmp_path, when):
    """A key is the client's to choose (atproto's TID spec: anyone can make one of any time): one of a time no
    Bluesky post was made in, before the network (2022) or after now, says no year a post was made in; v74 said
    2005 for "2zzzzzzzzzzzz" and 2255 for "jzzzzzzzzzzzz" (review39b)."""
    from datetime import datetime, timezone

    key = "bzzzzzzzzzzzz" if when == "max" else _key_of(datetime.fromisoformat(when).replace(tzinfo=timezone.utc))
    assert tid_time(key) is not None
    rows = dead_view_of_a_post_linked_by(tmp_path, key)
    assert rows == [{"platform": "bluesky", "post_year": None, "embeds": 1}]


def test_review39b_a_key_made_today_gives_this_years_year(tmp_path):
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    key = _key_of(now)
    assert tid_time(key).year == now.year
    story = tmp_path / "story.txt"
    story.write_text(f"Posted.\n\nhttps://bsky.app/profile/jane.example.com/post/{key}\n\nMore.\n")
    CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(story)])
    with Store(tmp_path / "c.db") as store:
        assert [r["post_year"] for r in store.db.query("SELECT post_year FROM dead_embeds_by_outlet_year")] == [
            str(now.year)]
