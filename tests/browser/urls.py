"""The portal's URLs plus uploaded media, for the browser tests' live server.

Test settings run with DEBUG off, so config.urls does not serve MEDIA_ROOT; the
browser still has to load the images the tests upload.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>(?!documents/).*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
