"""Settings: one loader, called once by the CLI or a library user. Nothing reads the environment at import.

Order: defaults < TOML file (--config, else EMBED_RESOLVER_CONFIG, else the user config dir) < environment < flags.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from resolver.errors import ConfigError, InvalidSetting, UnsafeSecret

APP_NAME = "embed-resolver"


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "config.toml"


def default_db_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME)) / "cache.db"


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Every endpoint is a plain URL; `origins` points any origin at another server."""

    db_path: Path | None = None
    # [network]
    allow_private: bool = False
    timeout: float = 15.0
    connect_timeout: float = 10.0
    deadline: float = 60.0            # wall-clock cap for one fetch, body included
    # wall-clock cap for one link's whole chain, every hop and retry included (0: none): a chain of slow hops, each
    # within `deadline`, held one link for up to (max_redirects + 1) x (retries + 1) x deadline (review30n)
    link_deadline: float = 120.0
    max_redirects: int = 10
    max_body_bytes: int = 20_000_000
    concurrency: int = 16
    per_host: int = 4
    retries: int = 3
    retry_max_wait: float = 60.0
    cache_ttl_days: float = 30.0
    # days a post's error the source will answer again the same way (a 4xx other than 408 and 429) is reused: a
    # short TTL, as what it means is not documented (TikTok's oEmbed 400, newuser29 #7); config key `error_ttl`
    error_ttl_days: float = 1.0
    user_agent: str | None = None
    # [fetch]
    x_methods: tuple[str, ...] = ("x-api", "syndication", "oembed")   # tried in order; the first that answers wins
    max_media_bytes: int = 25_000_000
    max_image_pixels: int = 40_000_000   # an image with more pixels is refused before it is decoded (#12)
    # Minutes a media download that failed for a reason that may pass (no answer in time, a broken connection, a 429
    # or 5xx answer) is kept before an online run downloads it again; a lasting failure is kept for cache_ttl_days.
    failure_ttl_minutes: float = 30.0
    # [origins]: "https://t.co" = "http://127.0.0.1:8765"
    origins: Mapping[str, str] = field(default_factory=dict)
    # [origins] only_configured: a request to an origin `origins` does not map is refused before any name lookup or
    # connection (a test or court run contacts nothing else; newuser31 #5)
    only_configured_origins: bool = False
    # [origins] keep_limits: a request sent to a mapped origin draws on the rate budget ([limits]) of the service whose
    # URL it was (true: a mirror or proxy may pass it on to the service), or, false, on that of the URL contacted (a
    # loopback server, a mirror with limits of its own keyed in [limits] by its origin; newuser32c #9)
    origins_keep_limits: bool = True
    # [limits]: "https://web.archive.org/save" = 15 (requests a minute; 0 turns a budget off)
    limits: Mapping[str, float] = field(default_factory=dict)
    # [scan]
    article_budget: float = 20.0      # seconds one article's extraction may take before it is an error (0: none; #12)
    # bytes an article file or stdin may hold (0: no limit): judged before it is read, and a stream is read no
    # further (newuser30: `scan /dev/zero` read until the machine killed it)
    max_article_bytes: int = 50_000_000
    # [archive]
    save_timeout: float = 300.0       # how long to poll one Save Page Now job before giving up on it
    captures: int = 3                 # how many captures of a post to read at most (`--captures`)
    warc_path: Path | None = None
    # Secrets: never printed, logged or stored.
    x_bearer_token: str | None = field(default=None, repr=False)
    ia_access_key: str | None = field(default=None, repr=False)
    ia_secret_key: str | None = field(default=None, repr=False)
    meta_access_token: str | None = field(default=None, repr=False)   # Instagram/Facebook/Threads oEmbed
    config_path: Path | None = None

    def __post_init__(self) -> None:
        """The one check and normalisation of every field, however the Settings were made: a config file, the
        environment, `load_settings(overrides=…)` or `Settings(...)` in code (newuser43b #3, #4: made in code,
        `origins={"https://CDN.syndication.twimg.com/": …}` matched no request, and without only_configured the
        request went to the real host; `x_methods=("synd",)` said a live post not_found; `timeout="15"` was an
        internal TypeError mid-run). A bad value is an `InvalidSetting` (a ConfigError and a ValueError) naming
        the field. Secrets are checked when a Session is made of them (`check_secrets`): `cache stats` reads
        settings whose secret it never sends."""
        for name, value in _settled(self).items():
            object.__setattr__(self, name, value)

    def check_secrets(self) -> None:
        """An `UnsafeSecret` for a secret that cannot be sent or kept out of what is written (too short to redact,
        a character a header cannot carry): the check `load_settings` makes, for Settings made in code too."""
        _check_secrets({name: getattr(self, name) for name in _SECRETS})

    def database(self) -> Path:
        return self.db_path or default_db_path()


_NETWORK_KEYS = {f.name for f in fields(Settings)} - {"db_path", "origins", "x_bearer_token", "ia_access_key",
                                                      "ia_secret_key", "config_path", "meta_access_token",
                                                      "x_methods", "max_media_bytes", "only_configured_origins", "max_image_pixels", "limits",
                                                      "origins_keep_limits",
                                                      "failure_ttl_minutes",
                                                      "save_timeout", "warc_path", "article_budget",
                                                      "max_article_bytes"}
X_METHODS = ("x-api", "syndication", "oembed")
# Config keys holding a secret: a message about them never shows their value (#11).
_SECRET_KEYS = frozenset({"bearer_token", "ia_access_key", "ia_secret_key", "access_token"})


def normalise_origin(value: str, *, where: str) -> str:
    """'https://T.co/' -> 'https://t.co'; an origin is scheme://host[:port] and nothing else."""
    split = urlsplit(value.strip())
    if split.scheme not in ("http", "https") or not split.hostname or split.path not in ("", "/") or split.query:
        raise ConfigError(f"{where}: {value!r} is not an origin like https://t.co or http://127.0.0.1:8765")
    return origin_of(value.strip())


def origin_of(url: str) -> str:
    """scheme://host[:port] of an http(s) URL, as [origins] keys are written: the host in lower case, no default
    port, no user info ('https://Example.com:443/x' -> 'https://example.com')."""
    split = urlsplit(url)
    default_port = {"http": 80, "https": 443}.get(split.scheme)
    host = split.hostname or ""
    host = host if ":" not in host else f"[{host}]"
    port = f":{split.port}" if split.port and split.port != default_port else ""
    return f"{split.scheme}://{host}{port}"


ONLY_CONFIGURED = "only_configured"   # [origins] only_configured = true: no origin [origins] does not map is contacted
KEEP_LIMITS = "keep_limits"   # [origins] keep_limits = false: a mapped origin is budgeted as itself, not as its service
# [network] config key -> Settings field. Not [fetch] failure_ttl (minutes a media download's passing failure is kept)
_TTL_FIELDS = {"cache_ttl": "cache_ttl_days", "error_ttl": "error_ttl_days"}
# Every section and key a config file may hold ([origins] and [limits] map URLs, so any key): a typo is an error,
# not a setting silently never applied.
_SECTIONS: dict[str, frozenset[str] | None] = {
    "network": frozenset(_NETWORK_KEYS | set(_TTL_FIELDS)),
    "fetch": frozenset({"max_media_bytes", "max_image_pixels", "failure_ttl"}),
    "scan": frozenset({"article_budget", "max_article_bytes"}), "archive": frozenset({"save_timeout", "warc"}), "cache": frozenset({"db"}),
    "origins": None, "limits": None, "x": frozenset({"bearer_token", "methods"}), "meta": frozenset({"access_token"}),
    "internet_archive": frozenset({"ia_access_key", "ia_secret_key"})}


def _known_only(data: dict[str, Any], path: Path) -> None:
    for name, found in data.items():
        if name not in _SECTIONS:
            raise ConfigError(f"config file {path}: unknown section [{name}]; the sections are "
                              + ", ".join(f"[{known}]" for known in _SECTIONS))
        keys = _SECTIONS[name]
        if keys is not None and isinstance(found, dict) and set(found) - keys:
            raise ConfigError(f"config file {path}: unknown [{name}] keys: {', '.join(sorted(set(found) - keys))}")


def _from_toml(path: Path) -> dict[str, Any]:
    import tomllib   # a run with no config file does not load it (#14)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    values: dict[str, Any] = {}

    def section(name: str) -> dict[str, Any]:
        found = data.get(name, {})
        if not isinstance(found, dict):
            raise ConfigError(f"config file {path}: [{name}] must be a table")
        return found

    def text(name: str, key: str) -> str:
        value = section(name)[key]
        if not isinstance(value, str):
            shown = " (its value is not shown)" if key in _SECRET_KEYS else f", not {value!r}"
            raise ConfigError(f"config file {path}: [{name}] {key} must be a string{shown}")
        return value

    _known_only(data, path)
    network = section("network")
    for key, value in network.items():
        values[_TTL_FIELDS.get(key, key)] = value
    origins = dict(section("origins"))
    for key, name in ((ONLY_CONFIGURED, "only_configured_origins"), (KEEP_LIMITS, "origins_keep_limits")):
        if key in origins:   # the keys of [origins] that are no origin
            flag = origins.pop(key)
            if not isinstance(flag, bool):
                raise ConfigError(f"config file {path}: [origins] {key} must be true or false, not {flag!r}")
            values[name] = flag
    if not all(isinstance(v, str) for v in origins.values()):
        raise ConfigError(f"config file {path}: [origins] maps origin strings to origin strings")
    values["origins"] = {normalise_origin(k, where=str(path)): normalise_origin(v, where=str(path))
                         for k, v in origins.items()}
    if len(values["origins"]) < len(origins):   # as Settings in code refuse it (review44c: the last one read was kept)
        raise ConfigError(f"config file {path}: [origins] names one origin twice, written two ways: "
                          + ", ".join(sorted(origins)) + "; which target is meant cannot be told")
    limits = section("limits")
    if not isinstance(limits, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0
                                               for v in limits.values()):
        raise ConfigError(f"config file {path}: [limits] maps URL prefixes to requests a minute (numbers >= 0)")
    for key in limits:   # a prefix is matched on request URLs: one that is no URL never matches, a limit never applied
        if not key.startswith(("http://", "https://")):
            raise ConfigError(f"config file {path}: [limits] key {key!r} is no URL prefix "
                              f"(like \"https://web.archive.org/save\")")
    values["limits"] = {k: float(v) for k, v in limits.items()}
    values.update(section("scan"))
    archive = section("archive")
    if "save_timeout" in archive:
        values["save_timeout"] = archive["save_timeout"]
    if "warc" in archive:
        values["warc_path"] = Path(text("archive", "warc")).expanduser()
    if "db" in section("cache"):
        values["db_path"] = Path(text("cache", "db")).expanduser()
    x_section = section("x")
    if "bearer_token" in x_section:
        values["x_bearer_token"] = text("x", "bearer_token")
    if "methods" in x_section:
        methods = x_section["methods"]
        if not isinstance(methods, list) or not methods or any(m not in X_METHODS for m in methods):
            raise ConfigError(f"config file {path}: [x] methods is a list drawn from {', '.join(X_METHODS)}")
        values["x_methods"] = tuple(methods)
    values.update({k: v for k, v in section("fetch").items() if k in ("max_media_bytes", "max_image_pixels")})
    if "failure_ttl" in section("fetch"):
        values["failure_ttl_minutes"] = section("fetch")["failure_ttl"]
    if "access_token" in section("meta"):
        values["meta_access_token"] = text("meta", "access_token")
    values.update({k: text("internet_archive", k) for k in ("ia_access_key", "ia_secret_key")
                   if k in section("internet_archive")})
    return _check(values, where=lambda key: f"config file {path}: [{_section_of(key)}] {_config_key(key)}")


def _config_key(key: str) -> str:
    """A setting's name in the config file."""
    return "failure_ttl" if key == "failure_ttl_minutes" else next(
        (name for name, field_ in _TTL_FIELDS.items() if field_ == key), key)


def _section_of(key: str) -> str:
    return next((name for name, keys in _SECTIONS.items() if keys and _config_key(key) in keys), "network")


def _check(values: dict[str, Any], *, where: Callable[[str], str] = str) -> dict[str, Any]:
    """Types and ranges, so a typo in the config is a one-line error and not a crash mid-run. `where` names a key
    in a message (a config file's values: the file, the section and the key as written there)."""
    numeric = {"timeout", "connect_timeout", "deadline", "link_deadline", "retry_max_wait", "cache_ttl_days", "error_ttl_days",
               "save_timeout", "article_budget", "failure_ttl_minutes"}
    integral = {"max_redirects", "max_body_bytes", "concurrency", "per_host", "retries", "max_media_bytes",
                "max_image_pixels", "max_article_bytes", "captures"}   # captures: read by no check before (review44c)
    for key, value in values.items():
        if key in numeric | integral:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"{where(key)} must be a non-negative number, not {value!r}")
            if key in integral and value != int(value):   # 1.5 redirects was silently 1
                raise ConfigError(f"{where(key)} must be a whole number, not {value!r}")
            values[key] = int(value) if key in integral else float(value)
        if key in ("concurrency", "per_host", "max_image_pixels", "captures") and values[key] < 1:
            raise ConfigError(f"{where(key)} must be at least 1")
        if key == "allow_private" and not isinstance(value, bool):
            raise ConfigError(f"{where(key)} must be true or false, not {value!r}")
    return values


_FLAGS = ("allow_private", "only_configured_origins", "origins_keep_limits")
_PATHS = ("db_path", "warc_path", "config_path")
_TEXTS = ("user_agent", "x_bearer_token", "ia_access_key", "ia_secret_key", "meta_access_token")


def _settled(settings: Settings) -> dict[str, Any]:
    """The fields of `settings` whose value is to be put as it is written (a number as its type, an origin as
    `normalise_origin` writes it, a path as a Path): an InvalidSetting for a value no config file could give."""
    def where(key: str) -> str:
        return f"Settings({key}=…)"

    def bad(key: str, what: str) -> InvalidSetting:
        return InvalidSetting(f"{where(key)} {what}")
    numbers = {f.name: getattr(settings, f.name) for f in fields(Settings) if f.type in ("float", "int")}
    try:
        settled = _check(numbers, where=where)
    except ConfigError as error:
        raise InvalidSetting(str(error)) from None
    settled = {k: v for k, v in settled.items()
               if type(v) is not type(getattr(settings, k)) or v != getattr(settings, k)}
    for key in _FLAGS:
        if not isinstance(getattr(settings, key), bool):
            raise bad(key, f"must be True or False, not {getattr(settings, key)!r}")
    for key in _PATHS:
        path = getattr(settings, key)
        if path is not None and not isinstance(path, Path):
            if not isinstance(path, (str, os.PathLike)):
                raise bad(key, f"must be a path (a str or a pathlib.Path), not {type(path).__name__}")
            path = Path(path)
        if path is not None and key != "config_path" and str(path).startswith("~"):
            with suppress(RuntimeError):   # no home to be found: kept as written
                path = path.expanduser()   # "~/news.db" is the home's, as the config file reads it (review44c)
        if path is not getattr(settings, key):
            settled[key] = path
    for key in _TEXTS:
        value = getattr(settings, key)
        if value is not None and not isinstance(value, str):
            shown = " (its value is not shown)" if key in _SECRETS else f", not {value!r}"
            raise bad(key, f"must be a str or None{shown}")
    methods: object = settings.x_methods   # what was given, whatever the annotation says
    if isinstance(methods, str) or not isinstance(methods, (tuple, list)) or not methods \
            or any(m not in X_METHODS for m in methods):
        raise bad("x_methods", f"must be a sequence drawn from {', '.join(map(repr, X_METHODS))}, not {methods!r}")
    if not isinstance(methods, tuple):
        settled["x_methods"] = tuple(methods)
    origins = settings.origins
    if not isinstance(origins, Mapping) or not all(isinstance(k, str) and isinstance(v, str)
                                                   for k, v in origins.items()):
        raise bad("origins", "maps origin strings to origin strings, as {\"https://t.co\": \"http://127.0.0.1:8765\"}")
    try:
        normal = {normalise_origin(k, where=where("origins")): normalise_origin(v, where=where("origins"))
                  for k, v in origins.items()}
    except ConfigError as error:
        raise InvalidSetting(str(error)) from None
    if len(normal) < len(origins):   # two spellings of one origin: which of their targets is meant cannot be told
        raise bad("origins", "names one origin twice, written two ways: " + ", ".join(sorted(origins)))
    if normal != origins:
        settled["origins"] = normal
    limits = settings.limits
    if not isinstance(limits, Mapping) or not all(
            isinstance(k, str) and k.startswith(("http://", "https://")) and isinstance(v, (int, float))
            and not isinstance(v, bool) and v >= 0 for k, v in limits.items()):
        raise bad("limits", "maps URL prefixes (like \"https://web.archive.org/save\") to requests a minute "
                  "(numbers >= 0)")
    if any(type(v) is not float for v in limits.values()):
        settled["limits"] = {k: float(v) for k, v in limits.items()}
    return settled


def _default_config(env: Mapping[str, str]) -> Path | None:
    """The default config file, if there is one. One that cannot even be looked at is an error naming it (newuser39b
    #9: `sudo -u` without -H keeps HOME, and the run stopped on "internal error: PermissionError")."""
    path = default_config_path()
    try:
        return path if path.is_file() else None
    except PermissionError:
        home = f" (HOME is {env['HOME']})" if env.get("HOME") else ""
        raise ConfigError(f"cannot read config file {path}: permission denied{home}; running as another user, give "
                          "that user's own HOME (`sudo -H -u USER`), or name a config file with --config or "
                          "$EMBED_RESOLVER_CONFIG") from None


def load_settings(path: str | os.PathLike[str] | None = None, *, env: Mapping[str, str] | None = None,
                  overrides: Mapping[str, Any] | None = None, check_secrets: bool = True) -> Settings:
    """Build Settings from the config file, the environment and explicit overrides (CLI flags), in that order.
    `path`: the config file, a str or a Path, positional or by keyword (newuser32c #8: `load_settings("config.toml")`
    was a TypeError); else $EMBED_RESOLVER_CONFIG, else the default file if there is one. A file that does not exist
    is a ConfigError. `check_secrets=False`: for a command that sends and stores no secret (`cache stats`), which a
    secret that cannot be used as given must not block (review27a #8)."""
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or a pathlib.Path of the config file, not {type(path).__name__}")
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    config = (Path(path) if path is not None and str(path) else None) or (Path(env["EMBED_RESOLVER_CONFIG"]) if env.get("EMBED_RESOLVER_CONFIG") else None)
    if config is None:
        config = _default_config(env)
    if config is not None:
        values.update(_from_toml(Path(config)))
        values["config_path"] = Path(config)
    if env.get("EMBED_RESOLVER_DB"):
        values["db_path"] = Path(env["EMBED_RESOLVER_DB"])
    for name, key in (("X_BEARER_TOKEN", "x_bearer_token"), ("IA_ACCESS_KEY", "ia_access_key"),
                      ("IA_SECRET_KEY", "ia_secret_key"), ("META_ACCESS_TOKEN", "meta_access_token")):
        if env.get(name):
            values[key] = env[name]
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    if check_secrets:
        _check_secrets(values)
    return replace(Settings(), **_check(values))


_SECRETS = {"x_bearer_token": "X_BEARER_TOKEN ([x] bearer_token)",
            "ia_access_key": "IA_ACCESS_KEY ([internet_archive] ia_access_key)",
            "ia_secret_key": "IA_SECRET_KEY ([internet_archive] ia_secret_key)",
            "meta_access_token": "META_ACCESS_TOKEN ([meta] access_token)"}


def _check_secrets(values: Mapping[str, Any]) -> None:
    """A secret travels in a header or a query string: printable ASCII only. Before, a stray non-ASCII character
    was "internal error: UnicodeEncodeError" at the first request (#11). The message never shows the value."""
    for key, name in _SECRETS.items():
        value = values.get(key)
        if isinstance(value, str) and not (value.isascii() and value.isprintable() and " " not in value):
            raise UnsafeSecret(f"{name} has a character an HTTP request cannot carry (a space, a line break, a "
                               "non-ASCII letter): check it was pasted whole; its value is not shown")
        if not isinstance(value, str) or not value:
            continue
        # Imported here, when a secret is set: a command that opens no session (`cache stats`...) never redacts
        from resolver.redact import MIN_TEXT_SECRET

        if len(value) < MIN_TEXT_SECRET:
            # Redaction does not look for so short a secret in free text (it would garble every message), so an
            # echo of it in a body, an error or a log line would be kept: refused, not used unprotected (#11).
            raise UnsafeSecret(f"{name} is {len(value)} character{'s' * (len(value) > 1)}: too short to redact "
                               f"safely (at least {MIN_TEXT_SECRET}; a real one is 16 or more): check it was pasted "
                               "whole; its value is not shown")


def user_agent(settings: Settings) -> str:
    """The User-Agent every request sends: the configured one, else the tool's with its version. Here, not in the
    transport, so a WARC's warcinfo says it without importing the HTTP client (#14)."""
    from resolver import __version__

    return settings.user_agent or f"embed-resolver/{__version__} (+https://pypi.org/project/embed-resolver/)"
