"""Admin screens of the portal's own."""

from django.template.response import TemplateResponse


def editor_guide(request):
    """The editor guide (Hướng dẫn biên tập), served by the portal itself."""
    return TemplateResponse(request, "core/admin/editor_guide.html")
