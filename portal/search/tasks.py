"""Background work of the search index (Django's tasks API: immediate in
development and tests, ``manage.py db_worker`` in production)."""

from django_tasks import task


@task()
def reindex_pages(page_ids: list[int]) -> int:
    """Bring the index in step for these pages (rows a search found stale)."""
    from .services import index_pages

    return index_pages(page_ids)
