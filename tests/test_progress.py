"""What a run has finished, per input item: the store side of resume."""

from __future__ import annotations

from cache import Store


def test_items_marked_done_are_done_for_that_job_only(tmp_path) -> None:
    store = Store(tmp_path / "c.db")
    store.mark_done("scan", [{"key": "/in/a.html|10|1", "source": "a.html"},
                             {"key": "/in/feed.jsonl@0", "source": "feed.jsonl:1", "outcome": "failed"}])
    assert store.is_done("scan", "/in/a.html|10|1")
    assert not store.is_done("scan", "/in/feed.jsonl@0")      # a failed item is tried again
    assert not store.is_done("scan+fetch", "/in/a.html|10|1") and not store.is_done("scan", "/in/b.html|10|1")
    assert store.finished_any("scan") and not store.finished_any("scan+fetch")
    store.mark_done("scan", [{"key": "/in/feed.jsonl@0", "source": "feed.jsonl:1", "article_id": None}])
    assert store.done_count("scan") == 2 and store.count("progress") == 2
    store.mark_done("other", [{"key": "k"}])
    store.forget_progress("scan")
    assert store.done_count("scan") == 0 and store.done_count("other") == 1
    store.mark_done("failing", [{"key": "k", "outcome": "failed"}])
    assert not store.finished_any("scan") and not store.finished_any("failing")   # a failed item is no reason to look


def test_source_url_sets_the_outlet_host(tmp_path) -> None:
    store = Store(tmp_path / "c.db")
    article_id, _ = store.record_article({"sha256": "a" * 64, "kind": "html", "encoding": "utf-8",
                                          "encoding_detected": 0, "bytes": 1}, [], [], source="x#1", tool_version="t")
    store.record_source_url(article_id, "x#1", "https://WWW.News.Example:8443/a?b=c")
    store.record_source_url(article_id, "not-a-source", "https://elsewhere.example/")
    assert [(r["url"], r["host"]) for r in store.db["article_sources"].rows] == [
        ("https://WWW.News.Example:8443/a?b=c", "news.example")]


def test_secrets28_a_progress_key_carrying_a_secret_is_its_redacted_form_and_keeps_two_such_keys_apart() -> None:
    """An item key carrying a secret was kept as a sha256 of it, secret and all: a guessed token could be checked
    against the database. Now it is its redacted form, the same whatever the token (nothing made from it), the same
    again in a later run (resume finds it), and two keys differing only in the secret stay apart by their order."""
    from resolver.pipeline import ProgressKeys
    from resolver.redact import Redactor

    def run(token: str) -> list[str]:
        keys = ProgressKeys(Redactor(secrets=(token,)))
        given = [f"https://news.example/{token}/story", "https://news.example/plain", f"https://news.example/a?sig={token}",
                 "https://news.example/a?sig=other", f"https://news.example/{token}/story"]
        return [keys(key) for key in given]
    made = run("Zx9tokSECRET1234abcd")
    assert made == ["redacted:https://news.example/REDACTED/story", "https://news.example/plain",
                    "redacted:https://news.example/a?sig=REDACTED", "redacted#2:https://news.example/a?sig=REDACTED",
                    "redacted:https://news.example/REDACTED/story"]
    assert run("Another7token8wxyz") == made == run("Zx9tokSECRET1234abcd")


def test_fixsec28_progress_keys_are_numbered_by_the_input_s_order_whatever_the_shard_and_no_url_makes_one() -> None:
    """Two inputs differing only in a secret were numbered in the order each process met them: two shards of a dask
    run (recording under one job) gave both the key `redacted:X`, and a rerun with other --shards skipped the one
    not finished as done; a URL's own fragment "#2" made the key of another's second (review28c #8). Now an input's
    number is its place among the inputs of that redacted form, every shard counting every input, and the number
    sits where no URL can: before the first colon."""
    from resolver import pipeline
    from resolver.inputs import InputSpec, Shard
    from resolver.session import Session
    from resolver.settings import Settings

    base = "https://news.example/a?access_token="
    given = (f"{base}T1", f"{base}T4", f"{base}T5", f"{base}T3#2")   # T1 and T4 land in two shards of 2

    def keys(shard: Shard | None) -> dict[str, str]:
        session = Session(Settings(), store=None)
        items = pipeline.items_of(InputSpec(files=given, shard=shard), session=session,
                                  options=pipeline.RunOptions(job="scan:test"))
        return {item.url: item.key for item in items}
    alone = keys(None)
    redacted = "https://news.example/a?access_token=REDACTED"
    assert [alone[url] for url in given] == [f"redacted:{redacted}", f"redacted#2:{redacted}",
                                             f"redacted#3:{redacted}", f"redacted:{redacted}#2"]
    for count in (2, 3):
        shards = [keys(Shard(k, count)) for k in range(1, count + 1)]
        assert len({url for shard in shards for url in shard}) == len(given)   # each input in one shard
        assert {url: key for shard in shards for url, key in shard.items()} == alone, count
