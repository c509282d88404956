"""What each subject brings to the house, declared by the subject itself.

A subject (news, council, oversight, people…) is one app under ``portal/``. In
its ``AppConfig.ready()`` it calls ``register_subject(Subject(...))`` with:

- ``searchable``: the models whose rows the public search finds, each with the
  function that turns a row into its search document (text, date, facets) and
  the ``prefetch_related`` lookups that function needs;
- ``search_groups``: page types offered as the search page's section filter
  ("chuyên mục"): a result belongs to the nearest such ancestor;
- ``menu``: the sections it adds to the main navigation, and the page type of
  each section's sub-menu;
- ``cache_models``: models whose rows public pages show, so that a change to
  one makes every cached page stale. Snippets need not be listed: every
  registered snippet does so unless it is exempt;
- ``exempt``: models that are none of these (or snippets no page shows), each
  with the reason;
- ``upload_checks``: functions every uploaded image and document goes through
  before anything is stored (``check(file, title, user, collection=…, media=…)``
  raises a ``ValidationError`` with the message for the uploader; ``media`` is
  "document" or "image" for a new file, None for a replaced one);
- ``publish_checks``: functions every page goes through before its content is
  saved live, and in the page editor (``check(page)`` raises a ``ValidationError``);
- ``submission_checks``: what an item must carry before it goes to review
  (``check(page)`` returns its problems, one sentence each, saying where); the
  page editor shows them when the item is submitted, and the workflow's
  automatic-checks step returns the item with them.
- ``home_blocks``: what it shows on the home page below the news (``block(day)``
  returns a ``HomeBlock(template, context)`` or ``None`` when it has nothing to show
  that day);
- ``page_blocks``: what it shows on another subject's pages (``block(page, day)``
  returns a ``HomeBlock`` or ``None``): a delegate's page lists the supervision
  activities and receptions the oversight subject knows of, without people
  importing oversight;
- ``page_images``: the pictures an item shows (``images(page)`` returns
  ``PageImage(where, image, lead)`` for each, ``lead`` for the one a listing and a
  share show), so the newsroom checks their quality without knowing the subject.

The base (``core``, ``search``, the menu, the page cache) reads only this
module and imports no subject. Page types, settings and registered snippets
invalidate the page cache without being listed; a model with a ``ParentalKey``
is part of its parent (saved with its revision) and needs no entry of its own.
``tests/test_registry.py`` walks every ``portal`` model and fails on one the
registry does not account for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


def _model(model_or_label):
    if isinstance(model_or_label, str):
        return apps.get_model(model_or_label)
    return model_or_label


@dataclass(frozen=True)
class Searchable:
    """A model the public search finds: ``document(instance) -> SearchDocument``
    (``portal.search.documents``), with the lookups ``document`` reads.

    A page's URL and visibility are the page's own. A model that is not a page
    says where a visitor finds a row (``url(instance)``) and whether a visitor
    may see it (``visible(instance)``; every row when left out).
    """

    model: type
    document: Callable
    prefetch: tuple[str, ...] = ()
    url: Callable | None = None
    visible: Callable | None = None

    def __post_init__(self):
        from wagtail.models import Page

        if not issubclass(self.model, Page) and self.url is None:
            raise ValueError(f"{self.model.__name__}: a searchable record needs url()")


@dataclass(frozen=True)
class MenuSection:
    """Pages of ``page_type`` directly under the home page are sections of the main
    navigation (whatever their "show in menus" box says); their descendants of
    ``item_type`` form the section's sub-menu, announced as ``item_label``."""

    page_type: type
    item_type: type | None = None
    item_label: str = ""


@dataclass(frozen=True)
class Subject:
    label: str
    searchable: tuple[Searchable, ...] = ()
    search_groups: tuple[type, ...] = ()
    menu: tuple[MenuSection, ...] = ()
    cache_models: tuple = ()
    exempt: dict = field(default_factory=dict)
    upload_checks: tuple = ()
    publish_checks: tuple = ()
    submission_checks: tuple = ()
    page_images: tuple = ()
    home_blocks: tuple = ()
    page_blocks: tuple = ()


@dataclass(frozen=True)
class HomeBlock:
    """A block a subject shows on the home page (or on another subject's page): its
    template and that template's context."""

    template: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PageImage:
    """One picture of an item: where it is (for messages), the image, and whether it
    is the item's lead picture."""

    where: str
    image: object
    lead: bool = False


_SUBJECTS: dict[str, Subject] = {}
_LISTENERS: list[Callable[[Subject], None]] = []


def register_subject(subject: Subject) -> Subject:
    """Add (or, under the same label, replace) a subject; listeners hear of it at once."""
    subject = Subject(
        label=subject.label,
        searchable=tuple(subject.searchable),
        search_groups=tuple(_model(model) for model in subject.search_groups),
        menu=tuple(subject.menu),
        cache_models=tuple(_model(model) for model in subject.cache_models),
        exempt={_model(model): reason for model, reason in subject.exempt.items()},
        upload_checks=tuple(subject.upload_checks),
        publish_checks=tuple(subject.publish_checks),
        submission_checks=tuple(subject.submission_checks),
        page_images=tuple(subject.page_images),
        home_blocks=tuple(subject.home_blocks),
        page_blocks=tuple(subject.page_blocks),
    )
    _SUBJECTS[subject.label] = subject
    _bump_version()
    for listener in _LISTENERS:
        listener(subject)
    return subject


def unregister_subject(label: str) -> None:
    _SUBJECTS.pop(label, None)
    _bump_version()


_version = 0


def _bump_version():
    global _version
    _version += 1


def version() -> int:
    """A number that changes whenever a subject is registered or removed."""
    return _version


def on_subject_registered(listener: Callable[[Subject], None]) -> None:
    """Call ``listener`` for every subject registered so far and every one to come."""
    _LISTENERS.append(listener)
    for subject in list(_SUBJECTS.values()):
        listener(subject)


def subjects() -> list[Subject]:
    return list(_SUBJECTS.values())


# --- what the base reads ---------------------------------------------------------


def searchable_for(model) -> Searchable | None:
    """The registration that covers ``model`` (or one of its parents), if any."""
    for subject in _SUBJECTS.values():
        for searchable in subject.searchable:
            if issubclass(model, searchable.model):
                return searchable
    return None


def searchable_models() -> list[type]:
    return [searchable.model for subject in _SUBJECTS.values() for searchable in subject.searchable]


def search_group_types() -> list[type]:
    return [model for subject in _SUBJECTS.values() for model in subject.search_groups]


def menu_sections() -> list[MenuSection]:
    return [section for subject in _SUBJECTS.values() for section in subject.menu]


def cache_models() -> list[type]:
    return [model for subject in _SUBJECTS.values() for model in subject.cache_models]


def upload_checks() -> list:
    return [check for subject in _SUBJECTS.values() for check in subject.upload_checks]


def publish_checks() -> list:
    return [check for subject in _SUBJECTS.values() for check in subject.publish_checks]


def submission_checks() -> list:
    return [check for subject in _SUBJECTS.values() for check in subject.submission_checks]


def home_blocks(day) -> list[HomeBlock]:
    """The subjects' home page blocks for ``day``, in the order the subjects registered."""
    return [
        block
        for subject in _SUBJECTS.values()
        for make in subject.home_blocks
        if (block := make(day)) is not None
    ]


def page_blocks(page, day) -> list[HomeBlock]:
    """What the subjects show on ``page`` for ``day``, in the order they registered."""
    return [
        block
        for subject in _SUBJECTS.values()
        for make in subject.page_blocks
        if (block := make(page, day)) is not None
    ]


def page_images(page) -> list[PageImage]:
    """Every picture the subjects say ``page`` shows."""
    return [
        found
        for subject in _SUBJECTS.values()
        for images in subject.page_images
        for found in images(page)
        if found.image is not None
    ]


def exemption(model) -> str | None:
    for subject in _SUBJECTS.values():
        if model in subject.exempt:
            return subject.exempt[model]
    return None


def _snippet_models():
    from wagtail.snippets.models import get_snippet_models

    return get_snippet_models()


def account_for(model) -> str | None:
    """How the registry accounts for ``model``, or ``None`` if it does not.

    Pages and settings invalidate the page cache by their kind; a model with a
    ``ParentalKey`` is saved with its parent's revision or form, so it is
    accounted for when its parent is.
    """
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Page

    if issubclass(model, Page):
        return "page"
    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return "setting"
    if searchable_for(model) is not None:
        return "searchable"
    if model in cache_models():
        return "cache model"
    if model in _snippet_models():
        return "snippet" if exemption(model) is None else f"exempt snippet: {exemption(model)}"
    reason = exemption(model)
    if reason is not None:
        return f"exempt: {reason}"
    for model_field in model._meta.get_fields():
        parent = getattr(model_field, "related_model", None)
        if isinstance(model_field, ParentalKey) and parent is not model:
            if account_for(parent) is not None:
                return f"part of {parent._meta.label}"
    return None
