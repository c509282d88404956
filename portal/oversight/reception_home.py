"""This week's receptions on the home page (a registered home block)."""

from portal.core.registry import HomeBlock


def week_block(day):
    from .reception_selectors import schedule_page, week_receptions

    page = schedule_page()
    if page is None:
        return None
    monday, sunday, entries = week_receptions(day)
    return HomeBlock(
        "oversight/includes/reception_week.html",
        {"page": page, "monday": monday, "sunday": sunday, "receptions": entries},
    )
