from wagtail.snippets.models import register_snippet

from .models import NoticeKind

# A snippet invalidates cached pages by being one: the subject lists nothing.
register_snippet(NoticeKind)
