from .letters import (
    CONTENT_FIELDS,
    ELIGIBILITY_FIELDS,
    FIGURE_FIELDS,
    FIGURE_LABELS,
    FIGURES,
    HANDLING_FIELDS,
    MAX_COUNT,
    LetterMonth,
    LetterReport,
    Problem,
    ReceivingBody,
    letter_month_problems,
)
from .pages import LetterStatisticsIndexPage

__all__ = [
    "CONTENT_FIELDS",
    "ELIGIBILITY_FIELDS",
    "FIGURE_FIELDS",
    "FIGURE_LABELS",
    "FIGURES",
    "HANDLING_FIELDS",
    "MAX_COUNT",
    "LetterMonth",
    "LetterReport",
    "LetterStatisticsIndexPage",
    "Problem",
    "ReceivingBody",
    "letter_month_problems",
]
