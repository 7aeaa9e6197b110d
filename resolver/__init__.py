"""embed-resolver: find, resolve, fetch and archive the posts and photo credits embedded in news articles."""

__version__ = "0.1.0"

import logging as _logging

# The library's log records (waits for a rate limit, retries, refused requests: resolver.http at INFO and WARNING)
# go where the application's logging sends them, and nowhere when it sets none up: never printed by us (Python's
# last-resort handler would print a WARNING on stderr; the CLI says these itself).
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
