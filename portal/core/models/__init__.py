from .admin_units import AdministrativeUnit
from .authors import Author
from .pages import BasePage
from .settings import RelatedAgencyLink, SiteSettings

__all__ = ["AdministrativeUnit", "Author", "BasePage", "RelatedAgencyLink", "SiteSettings"]
