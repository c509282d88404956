from .choices import BodyKind, Gender, MembershipRole
from .constituencies import Constituency
from .pages import BodyPage, DelegatePage, Membership, PeopleIndexPage

__all__ = [
    "BodyKind",
    "BodyPage",
    "Constituency",
    "DelegatePage",
    "Gender",
    "Membership",
    "MembershipRole",
    "PeopleIndexPage",
]
