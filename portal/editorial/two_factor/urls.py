"""The two-factor screens, mounted under the admin (``register_admin_urls``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("xac-thuc-hai-buoc/", views.manage, name="portal_two_factor_manage"),
    path("xac-thuc-hai-buoc/xac-minh/", views.verify, name="portal_two_factor_verify"),
    path("xac-thuc-hai-buoc/dang-ky/", views.enrol, name="portal_two_factor_enrol"),
    path(
        "xac-thuc-hai-buoc/dat-lai/<int:user_id>/",
        views.reset,
        name="portal_two_factor_reset",
    ),
]
