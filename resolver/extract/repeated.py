"""A pure rule's answers about the short texts a page repeats, kept while that page is read (#14).

A page writes one caption in several places (an image's alt, its lazy-load copy in <noscript>, the figcaption), a
credit line under every photo, and the same few names in each: the credit rules read each of them anew, a fifth
of their calls on the corpus. Answers are kept for one page only (`one_page`, around `extract.find_all`): nothing
is held between pages, and a page is read as it would be on its own (a benchmark timing a page again times the
rules again). Only short texts are kept (captions, attribute values, names); a long one is read each time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar, cast

P = ParamSpec("P")
T = TypeVar("T")

_ANSWERS: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("repeated_answers", default=None)


@contextmanager
def one_page() -> Iterator[None]:
    """Keep the `remembered` rules' answers until the block ends (one page's reading); each thread its own."""
    token = _ANSWERS.set({})
    try:
        yield
    finally:
        _ANSWERS.reset(token)


def remembered(*, longest: int) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Inside `one_page`, answer a pure rule of one text (its only positional argument, up to `longest` characters)
    and hashable keyword options from its first answer; outside it, or for a longer text, ask the rule. A list
    answer is given to each caller as a list of its own (a caller may extend it); its items must be immutable."""

    def decorate(rule: Callable[P, T]) -> Callable[P, T]:
        @wraps(rule)
        def kept(*args: P.args, **kwargs: P.kwargs) -> T:
            answers = _ANSWERS.get()
            if answers is None or len(args) != 1 or not isinstance(args[0], str) or len(args[0]) > longest:
                return rule(*args, **kwargs)
            key = (rule, args[0], *sorted(cast(dict[str, Any], kwargs).items()))
            if key not in answers:
                answer = rule(*args, **kwargs)
                answers[key] = (True, tuple(answer)) if isinstance(answer, list) else (False, answer)
            listed, value = answers[key]
            return cast(T, list(value) if listed else value)

        return kept

    return decorate


def each_call_one_page(read: Callable[P, T]) -> Callable[P, T]:
    """`read` (a page's whole reading, `extract.find_all`) inside `one_page`: each call keeps its own answers."""

    @wraps(read)
    def reading(*args: P.args, **kwargs: P.kwargs) -> T:
        with one_page():
            return read(*args, **kwargs)

    return reading
