from .choices import DocumentType, SessionStatus, SessionType, roman
from .documents import SessionDocument, SessionDocumentFile
from .pages import AgendaItem, CouncilIndexPage, SessionPage, TermPage
from .settings import CouncilSettings, LeadTimeRule

__all__ = [
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
