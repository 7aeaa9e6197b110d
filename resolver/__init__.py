"""embed-resolver: find, resolve, fetch and archive the posts and photo credits embedded in news articles."""

__version__ = "0.1.0"
