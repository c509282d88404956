"""The holding area's storage (``STORAGES["held_uploads"]``, ``holding.py``)."""

from django.core.files.storage import FileSystemStorage


class HeldFileStorage(FileSystemStorage):
    """Files on disk that no URL reaches: there is no address to build one from. Its
    folder (``PORTAL_HELD_UPLOADS_ROOT``) lies outside ``MEDIA_ROOT``."""

    def url(self, name):
        raise ValueError("Tệp đang chờ xác nhận không có địa chỉ công khai.")
