"""The admin's search backend: Wagtail's database backend, reading Vietnamese.

On PostgreSQL it is Wagtail's own backend with ``SEARCH_CONFIG = "portal_vi"``
(unaccent and "đ" folded by the text-search configuration), used for its
autocomplete column too (the page explorer searches by autocompletion). On SQLite it is
Wagtail's FTS5 backend with the query's "đ" folded to "d", as the FTS table's
rows are (migration ``portal_search.0006``); FTS5 removes the other marks itself.
So "dai bieu", "cho moi" and "ba be" find "đại biểu", "Chợ Mới" and "Ba Bể" in the
page explorer, the image and document libraries and every chooser.
"""

from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as _database_backend
from modelsearch.query import Phrase, PlainText

_D = str.maketrans({"đ": "d", "Đ": "D"})


def fold_d(query):
    """The query with "đ" written "d", as the SQLite FTS rows are."""
    if isinstance(query, PlainText):
        return PlainText(
            query.query_string.translate(_D), operator=query.operator, boost=query.boost
        )
    if isinstance(query, Phrase):
        return Phrase(query.query_string.translate(_D))
    return query


@cache
def _sqlite_backend_class():
    # Imported only on SQLite: the module reads a model that exists only there.
    from modelsearch.backends.database.sqlite import sqlite

    class FoldingCompiler(sqlite.SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(fold_d(query), config=config)

    class FoldingAutocompleteCompiler(sqlite.SQLiteAutocompleteQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(fold_d(query), config=config)

    class VietnameseSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = FoldingCompiler
        autocomplete_query_compiler_class = FoldingAutocompleteCompiler

    return sqlite.SQLiteSearchBackend, VietnameseSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = _database_backend(params)
    if connection.vendor == "postgresql" and getattr(backend, "config", None):
        # Wagtail autocompletes (the page explorer's search) with the stock
        # ``simple`` configuration, which keeps the marks; ``portal_vi`` copies
        # ``simple`` (no stemming) and folds them, so it serves both.
        backend.autocomplete_config = backend.config
    if connection.vendor == "sqlite":
        stock, vietnamese = _sqlite_backend_class()
        if type(backend) is stock:  # FTS5 available (else Wagtail's fallback backend)
            return vietnamese(params)
    return backend
