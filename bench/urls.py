"""The portal's URLs plus the benchmark's baseline: the smallest possible Django view."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns

MINIMAL_PATH = "/bench/minimal/"


def minimal(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path(MINIMAL_PATH.strip("/") + "/", minimal, name="bench_minimal")]
urlpatterns += portal_urlpatterns
