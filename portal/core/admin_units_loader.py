"""Installs the committed administrative-unit list (fixtures/administrative_units.json).

Rows are matched by ``code``, so loading twice changes nothing and a corrected
fixture updates the rows in place. Used by a data migration (with the historical
model) and by the demo command.
"""

import datetime
import json
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "administrative_units.json"

_FIELDS = ("name", "kind", "valid_from", "valid_to", "is_demo", "source")


def read_fixture(path: Path = FIXTURE) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["units"]


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def load_administrative_units(model=None, path: Path = FIXTURE) -> int:
    """Create or update every unit of the fixture; returns how many rows changed."""
    if model is None:
        from .models import AdministrativeUnit as model

    rows = read_fixture(path)
    existing = {
        unit.code: unit for unit in model.objects.filter(code__in=[r["code"] for r in rows])
    }
    changed = 0
    # First pass: the units themselves; second pass: links between them.
    for row in rows:
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "valid_from": _date(row.get("valid_from")),
            "valid_to": _date(row.get("valid_to")),
            "is_demo": bool(row.get("is_demo")),
            "source": row.get("source", ""),
        }
        unit = existing.get(row["code"])
        if unit is None:
            existing[row["code"]] = model.objects.create(code=row["code"], **values)
            changed += 1
        elif any(getattr(unit, field) != values[field] for field in _FIELDS):
            for field, value in values.items():
                setattr(unit, field, value)
            unit.save(update_fields=list(_FIELDS))
            changed += 1
    for row in rows:
        unit = existing[row["code"]]
        parent = existing[row["parent"]] if row.get("parent") else None
        successor = existing[row["successor"]] if row.get("successor") else None
        parent_id = parent.pk if parent else None
        successor_id = successor.pk if successor else None
        if unit.parent_id != parent_id or unit.successor_id != successor_id:
            unit.parent_id, unit.successor_id = parent_id, successor_id
            unit.save(update_fields=["parent", "successor"])
            changed += 1
    return changed
