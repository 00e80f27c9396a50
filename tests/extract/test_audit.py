"""The events stage's audit hook: drops are recorded only when a script asks."""

from __future__ import annotations

from diplonews.extract import extract
from diplonews.extract.events import audit

# "The minister proposed that the two sides meet soon": a wish, dropped by a gate.
WISH = "Hà Nội, ngày 5/3/2024. Bộ trưởng Ngoại giao Bùi Thanh Sơn đề xuất hai bên sớm gặp mặt."


def test_audit_records_nothing_when_off() -> None:
    assert audit.SINK is None
    extract(WISH, "wish")
    assert audit.SINK is None


def test_audit_reports_the_gate_and_the_sentence() -> None:
    audit.SINK = []
    try:
        extract(WISH, "wish")
        found = list(audit.SINK)
    finally:
        audit.SINK = None
    gates = {gate for gate, *_ in found}
    assert "hypothetical" in gates
    marked = next(s for gate, _, _, s, _ in found if gate == "hypothetical")
    assert "⟦gặp mặt⟧" in marked
