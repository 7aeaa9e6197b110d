"""An article's reading, kept when one of its steps fails (#10, #13).

A bug in one detector used to lose the whole article: an upper-case Turkish month raised KeyError in the date reader,
and `scan` said "internal error: KeyError: 'mayis'" with no embed and no credit (newuser32b #1). Each step of a
page's reading (an embed detector, the credit readers, the date reader, span mapping...) is now a `step`: inside
`collecting`, what it raises is recorded as a `FailedStep` and the step gives its `fallback` (nothing found, or its
input unchanged), and the other steps' results are kept; the article says its reading is incomplete, and which step
failed. Outside `collecting` (a library call of a detector, a test) a step raises as any function does: nothing is
swallowed where nobody would say so. Only `Exception` is caught, and not all of it: KeyboardInterrupt, MemoryError
(the run cannot go on) and the scan's time budget (`ScanTimedOut`, an `EmbedResolverError`: the article's outcome)
pass through.

A try per step and per page, never per element: the guard costs nothing measurable (bench_scan).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import field
from functools import wraps
from typing import Any, ParamSpec, TypeVar, cast

from resolver.lazy import lazy_dataclass

P = ParamSpec("P")
T = TypeVar("T")


@lazy_dataclass(frozen=True)
class FailedStep:
    """One step of an article's reading that raised: its name ("embeds: html structure", "dates"), the exception's
    type and one-line message; `detail`, its traceback (shown with EMBED_RESOLVER_DEBUG=1, kept in the errors
    table), is not part of what the article says."""

    step: str
    kind: str
    message: str
    detail: str = field(default="", repr=False, compare=False)

    @property
    def line(self) -> str:
        """"dates (KeyError: 'mayis')": the step and what it raised, on one line."""
        return f"{self.step} ({self.kind}: {self.message})" if self.message else f"{self.step} ({self.kind})"

    def to_json(self) -> dict[str, Any]:
        return {"step": self.step, "error": f"{self.kind}: {self.message}" if self.message else self.kind}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FailedStep:
        """The failure a cache row or a JSON line recorded (`to_json`)."""
        kind, _, message = str(data.get("error", "")).partition(": ")
        return cls(str(data.get("step", "")), kind, message)


_FAILED: ContextVar[list[FailedStep] | None] = ContextVar("failed_steps", default=None)


@contextmanager
def collecting() -> Iterator[list[FailedStep]]:
    """Within the block, a failing `step` is recorded in the list yielded (each step once) instead of raising."""
    failed: list[FailedStep] = []
    token = _FAILED.set(failed)
    try:
        yield failed
    finally:
        _FAILED.reset(token)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


def record(name: str, exc: Exception) -> None:
    """Record that step `name` raised `exc`, when a reading is collecting; else raise it again."""
    failed = _FAILED.get()
    if failed is None:
        raise exc
    if all(f.step != name for f in failed):   # a step failing on each of a page's chunks is said once
        failed.append(FailedStep(name, type(exc).__name__, _one_line(str(exc)),
                                  "".join(traceback.format_exception(exc))))


def step(name: str, fallback: Callable[..., object]) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A step of a page's reading: what it raises inside `collecting` is recorded under `name`, and the step gives
    `fallback(*args, **kwargs)` instead (what it would give finding nothing, or its input unchanged)."""

    def decorate(run: Callable[P, T]) -> Callable[P, T]:
        @wraps(run)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> T:
            return _guarded(name, run, args, kwargs, lambda: fallback(*args, **kwargs))

        return guarded

    return decorate


def _passes(exc: Exception) -> bool:
    """An exception that is no step's bug: the scan's time budget or an input refused (the article's outcome), and
    MemoryError, an Exception that the process, not the step, is out of memory (the run cannot go on)."""
    from resolver.errors import EmbedResolverError

    return isinstance(exc, (EmbedResolverError, MemoryError))


def attempt(name: str, run: Callable[..., T], *args: Any, fallback: object, **kwargs: Any) -> T:
    """`run(*args, **kwargs)` as step `name` of a page's reading (see `step`), giving `fallback` (a value of what
    `run` returns) if it raises inside `collecting`: for a function that is a step where the reading calls it, and
    a helper elsewhere (the text detectors, which the HTML scan also runs on each loose block)."""
    return _guarded(name, run, args, kwargs, lambda: fallback)


def _guarded(name: str, run: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any],
             fallback: Callable[[], object]) -> T:
    """`run(*args, **kwargs)`; inside `collecting`, what it raises (but what `_passes`) is recorded under `name` and
    `fallback()` is given instead: the one guard of `step` and `attempt`."""
    try:
        return run(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - one step's bug must not lose the article's other findings (#10)
        if _FAILED.get() is None or _passes(exc):
            raise
        record(name, exc)
        return cast(T, fallback())


def none(*_: object, **__: object) -> None:
    """The fallback of a step that reads one value: it read none."""
    return None
