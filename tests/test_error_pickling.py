"""Every exception the package raises on purpose survives pickling as itself (interrupts31, newuser31b finding 4):
a worker process hands its item's failure back pickled, and one whose copy could not be made came back as
"internal error: WorkerError", failing the run where one worker skipped the file with a warning."""

from __future__ import annotations

import importlib
import inspect
import pickle
import pkgutil

import pytest

import cache
import resolver
from cache.store import CacheError
from resolver.errors import EmbedResolverError

# Arguments for the classes whose constructor is not Exception's (message first).
BUILT_WITH = {
    "resolver.article.TooLarge": (("story.html", 2000, 2621), {}),
}


def every_module() -> None:
    for package in (resolver, cache):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            importlib.import_module(info.name)


def subclasses(base: type) -> list[type]:
    found, todo = [], [base]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found and sub.__module__.split(".")[0] in ("resolver", "cache"):
                found.append(sub)
                todo.append(sub)
    return found


every_module()
CLASSES = sorted({*subclasses(EmbedResolverError), *subclasses(CacheError)},
                 key=lambda c: f"{c.__module__}.{c.__qualname__}")


def build(cls: type) -> BaseException:
    name = f"{cls.__module__}.{cls.__qualname__}"
    if name in BUILT_WITH:
        args, kwargs = BUILT_WITH[name]
        return cls(*args, **kwargs)
    own = [k for k in cls.__mro__ if "__init__" in vars(k) and k not in (Exception, BaseException, object)]
    if own:   # a constructor of its own: the message first, the rest with defaults, or in the table above
        parameters = list(inspect.signature(own[0].__init__).parameters.values())[2:]
        assert all(p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                   for p in parameters), f"{name}: add its arguments to BUILT_WITH"
    return cls("cannot scan story.html: something went wrong")


def test_every_error_class_was_found() -> None:
    names = {c.__name__ for c in CLASSES}
    assert {"InputError", "TooLarge", "NotDecodable", "EmptyInput", "FetchError", "ScanTimedOut", "OutputChanged",
            "NewerCacheError", "MergeError"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_an_error_comes_back_from_pickling_as_itself(cls: type) -> None:
    exc = build(cls)
    if isinstance(exc, EmbedResolverError) and hasattr(exc, "url"):
        exc.url = "https://news.example/story"
    copy = pickle.loads(pickle.dumps(exc))
    assert type(copy) is cls
    assert str(copy) == str(exc) and copy.args == exc.args
    assert vars(copy) == vars(exc)


def test_too_large_keeps_its_message() -> None:
    copy = pickle.loads(pickle.dumps(build(resolver.article.TooLarge)))
    assert str(copy) == ("cannot scan story.html: 2,621 bytes is more than the 2,000-byte limit "
                         "([scan] max_article_bytes)")
