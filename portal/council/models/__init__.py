from .choices import DocumentType, SessionStatus, SessionType, roman
from .documents import SessionDocument, SessionDocumentFile
from .pages import AgendaItem, CouncilIndexPage, SessionPage, TermPage
from .resolutions import (
    ActionKind,
    RelationKind,
    Resolution,
    ResolutionAction,
    ResolutionCounter,
    ResolutionField,
    ResolutionFile,
    ResolutionKind,
    ResolutionRelation,
    ResolutionStatus,
)
from .settings import CouncilSettings, LeadTimeRule

__all__ = [
    "ActionKind",
    "RelationKind",
    "Resolution",
    "ResolutionAction",
    "ResolutionCounter",
    "ResolutionField",
    "ResolutionFile",
    "ResolutionKind",
    "ResolutionRelation",
    "ResolutionStatus",
    "AgendaItem",
    "CouncilIndexPage",
    "CouncilSettings",
    "DocumentType",
    "LeadTimeRule",
    "SessionDocument",
    "SessionDocumentFile",
    "SessionPage",
    "SessionStatus",
    "SessionType",
    "TermPage",
    "roman",
]
