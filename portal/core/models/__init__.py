from .admin_units import AdministrativeUnit
from .authors import Author
from .links import LinkFields
from .pages import BasePage
from .settings import RelatedAgencyLink, SiteSettings

__all__ = [
    "AdministrativeUnit",
    "Author",
    "BasePage",
    "LinkFields",
    "RelatedAgencyLink",
    "SiteSettings",
]
