"""Template helpers of the news listings."""

from django import template

register = template.Library()


@register.filter
def archive_query(archive, page_number=None):
    """The listing's normalised query string for page ``page_number``:
    ``{{ archive|archive_query:articles.number }}`` → ``?nam=2019&page=2``."""
    if archive is None:
        return f"?page={page_number}" if page_number and int(page_number) > 1 else ""
    return archive.query(page=int(page_number) if page_number else 1)
