"""The kinds of the council's bodies and the roles held in them."""

from django.db import models


class BodyKind(models.TextChoices):
    STANDING = "thuong-truc", "Thường trực HĐND"
    COMMITTEE = "ban", "Ban của HĐND"
    DELEGATE_GROUP = "to-dai-bieu", "Tổ đại biểu"
    NA_DELEGATION = "doan-dbqh", "Đoàn đại biểu Quốc hội"


class MembershipRole(models.TextChoices):
    CHAIR = "chu-tich", "Chủ tịch"
    VICE_CHAIR = "pho-chu-tich", "Phó Chủ tịch"
    STANDING_MEMBER = "uy-vien-thuong-truc", "Ủy viên Thường trực"
    HEAD = "truong-ban", "Trưởng ban"
    DEPUTY_HEAD = "pho-truong-ban", "Phó Trưởng ban"
    MEMBER = "uy-vien", "Ủy viên"
    GROUP_LEADER = "to-truong", "Tổ trưởng"
    GROUP_DEPUTY = "to-pho", "Tổ phó"
    GROUP_MEMBER = "thanh-vien", "Thành viên"
    DELEGATION_HEAD = "truong-doan", "Trưởng đoàn"
    DELEGATION_DEPUTY = "pho-truong-doan", "Phó Trưởng đoàn"
    NA_DELEGATE = "dbqh", "Đại biểu Quốc hội"


# The roles each kind of body has, in the order its members are listed.
ROLES_OF_KIND = {
    BodyKind.STANDING: (
        MembershipRole.CHAIR,
        MembershipRole.VICE_CHAIR,
        MembershipRole.STANDING_MEMBER,
    ),
    BodyKind.COMMITTEE: (
        MembershipRole.HEAD,
        MembershipRole.DEPUTY_HEAD,
        MembershipRole.MEMBER,
    ),
    BodyKind.DELEGATE_GROUP: (
        MembershipRole.GROUP_LEADER,
        MembershipRole.GROUP_DEPUTY,
        MembershipRole.GROUP_MEMBER,
    ),
    BodyKind.NA_DELEGATION: (
        MembershipRole.DELEGATION_HEAD,
        MembershipRole.DELEGATION_DEPUTY,
        MembershipRole.NA_DELEGATE,
    ),
}

ROLE_RANK = {role: rank for roles in ROLES_OF_KIND.values() for rank, role in enumerate(roles)}


class Gender(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"
