"""The head of the Editorial Board and the files held for them.

- The group "Trưởng ban Biên tập" marks the board's head ("Trưởng ban"): its members
  confirm or refuse the files stamped as declassified (portal.editorial.holding).
  Administrators give it in *Cài đặt › Người dùng › Vai trò*; it carries admin access
  only, the head's board work comes from "Ban Biên tập".
- ``HeldUpload``: a declassified file waiting for the head, in a storage outside the
  media (STORAGES["held_uploads"]).
"""

import django.db.models.deletion
import portal.editorial.models
from django.conf import settings
from django.db import migrations, models


HEAD_GROUP = "Trưởng ban Biên tập"


def create_head_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=HEAD_GROUP)
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access admin"}
    )
    group.permissions.add(access_admin)


def remove_head_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=HEAD_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_internal_circulation_collection"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HeldUpload",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("document", "Tài liệu"), ("image", "Ảnh")],
                        max_length=10,
                        verbose_name="Loại",
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        max_length=255,
                        storage=portal.editorial.models.held_storage,
                        upload_to=portal.editorial.models.held_file_name,
                        verbose_name="Tệp",
                    ),
                ),
                ("file_name", models.CharField(max_length=255, verbose_name="Tên tệp")),
                ("size", models.PositiveBigIntegerField(verbose_name="Dung lượng (byte)")),
                ("title", models.CharField(max_length=255, verbose_name="Tiêu đề")),
                ("where", models.CharField(max_length=255, verbose_name="Vị trí dấu giải mật")),
                (
                    "uploaded_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm tải lên"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Chờ xác nhận"),
                            ("confirmed", "Đã xác nhận"),
                            ("refused", "Đã từ chối"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="Trạng thái",
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="Thời điểm quyết định"
                    ),
                ),
                ("comment", models.TextField(blank=True, verbose_name="Nhận xét")),
                (
                    "object_id",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="Mã tài liệu/ảnh đã tạo"
                    ),
                ),
                (
                    "collection",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.collection",
                        verbose_name="Thư mục dự định",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người quyết định",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="held_uploads",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người tải lên",
                    ),
                ),
            ],
            options={
                "verbose_name": "Tài liệu giải mật chờ xác nhận",
                "verbose_name_plural": "Tài liệu giải mật chờ xác nhận",
                "ordering": ["uploaded_at", "pk"],
            },
        ),
        migrations.RunPython(create_head_group, remove_head_group),
    ]
