"""The writer process of test_store's several-processes test, in a module of its own: a spawned process imports the
module its target comes from, and test_store's imports (hypothesis, pytest) cost each writer ~0.35 s of CPU."""

from __future__ import annotations

from cache import Cache


def write(path: str, worker: int, count: int, article: dict, embed: dict, credit: dict) -> None:
    """`count` articles of its own, each with 3 embeds and a credit, recorded one at a time into the cache at `path`."""
    store = Cache(path)
    for i in range(count):
        store.record_article({**article, "sha256": f"{worker:04d}{i:060d}"}, [embed] * 3, [credit],
                             source=f"w{worker}-{i}", tool_version="t")
    store.close()
