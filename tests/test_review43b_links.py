"""review43b: a look-alike host in the form a browser copies it, IDNA's ASCII ("xn--twtter-qvf.com" for "twіtter.com"
with a Cyrillic і: Chrome and Firefox show a host mixing scripts so, and copy it so). Written in Unicode the link is
said for what it is (fixleft42a); written so it gave no embed and no word. A real host in another script (an instance
"мастодон.рф", "café.social") is no disguise in either form."""

from __future__ import annotations

import pytest

from tests.test_fixleft42a import _in_text


def _idna(host: str) -> str:
    return host.encode("idna").decode("ascii")


@pytest.mark.parametrize("host, path, platform, letter", [
    ("tw\u0456tter.com", "/MoInfo/status/1765127646213058617", "twitter", "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"),
    ("t.m\u0435", "/warmonitor/4525", "telegram", "CYRILLIC SMALL LETTER IE"),
    ("bsky.\u0430pp", "/profile/jay.bsky.team/post/3k44deefqdk2g", "bluesky", "CYRILLIC SMALL LETTER A"),
    ("inst\u0430gram.com", "/p/Cabcdef/", "instagram", "CYRILLIC SMALL LETTER A"),
    ("m\u0430stodon.social", "/@Gargron/109876543210123456", "mastodon", "CYRILLIC SMALL LETTER A"),
], ids=["x", "telegram", "bluesky", "instagram", "mastodon"])
def test_a_lookalike_host_written_in_idnas_ascii_form_is_said(host, path, platform, letter):
    written = _idna(host)
    assert written.startswith(("xn--", "t.xn--", "bsky.xn--")), written
    [embed] = _in_text(f"https://{written}{path}")
    assert (embed.platform, embed.post_id) == (platform, None), embed
    assert embed.id_doubt.startswith(f"its link goes to {written}, shown as {host} ({letter} U+"), embed.id_doubt


@pytest.mark.parametrize("host", ["\u043c\u0430\u0441\u0442\u043e\u0434\u043e\u043d.\u0440\u0444", "caf\u00e9.social"])
def test_a_real_instance_in_another_script_written_in_idnas_ascii_form_is_no_disguise(host):
    [embed] = _in_text(f"https://{_idna(host)}/@ivan/109876543210987654")
    assert embed.platform == "mastodon" and embed.post_id == f"{_idna(host)}/109876543210987654", embed
    assert "shown as" not in (embed.id_doubt or "") and "passes for" not in (embed.id_doubt or ""), embed
