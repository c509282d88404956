"""Included by config/urls.py under ``so-do-trang/``."""

from django.urls import path

from . import views

urlpatterns = [path("", views.site_map, name="site_map")]
