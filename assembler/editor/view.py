"""What the editor's page shows: the form with each problem beside its field, the summary, the contacts per card."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assembler.builders.registry import Kind, of_kind
from assembler.dutch import plural
from assembler.model.cards import CallEntry, Card
from assembler.problems import Problem

from .form import Group, build_form, controls, elements
from .session import Outcome, Session


@dataclass(frozen=True)
class Placed:
    """A problem and the form element it stands beside (None: it has no field in this form)."""

    problem: Problem
    target: str | None
    label: str


def place(problems: list[Problem], form: Group, display: str) -> list[Placed]:
    """Each problem beside the deepest form element its field path reaches, in the file's order."""
    by_name = {e.name: e for e in elements(form) if e.name}
    placed = []
    for problem in problems:
        target = None
        label = problem.path or "profiel"
        if problem.file == display and problem.path:
            parts = problem.path.split(".")
            for end in range(len(parts), 0, -1):
                element = by_name.get(".".join(parts[:end]))
                if element is not None:
                    target = element.id
                    break
        placed.append(Placed(problem, target, label))
    return placed


def messages(placed: list[Placed]) -> dict[str, list[dict[str, str]]]:
    """Per form element, the messages that stand beside it."""
    found: dict[str, list[dict[str, str]]] = {}
    for item in placed:
        if item.target is not None:
            found.setdefault(item.target, []).append(
                {"soort": item.problem.severity.value, "tekst": item.problem.message}
            )
    return found


def counts(outcome: Outcome) -> str:
    errors, warnings = outcome.errors, outcome.warnings
    if not errors and not warnings:
        return "Geen fouten of waarschuwingen."
    return f"{plural(errors, 'fout', 'fouten')}, {plural(warnings, 'waarschuwing', 'waarschuwingen')}."


@dataclass(frozen=True)
class Contact:
    """One number a card lists: why the contact rule put it there, and the field it came from."""

    label: str
    number: str
    reason: str
    field: str


def card_contacts(card: Card) -> list[Contact]:
    """The numbers on a card (both faces), each with the rule's reason and where the card model took it from."""
    entries: list[CallEntry] = [e for face in card.faces for e in face.bellen]
    found = []
    for entry in entries:
        name = ": ".join(part for part in (entry.label, entry.wie) if part)
        found.append(Contact(name, str(entry.telefoon or ""), entry.reden, entry.herkomst.veld))
    return found


def page_context(session: Session, csrf: str, notice: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the page template reads."""
    form = build_form(session.kind, session.working, session.inherited, session.inherited_rows())
    outcome = session.outcome
    placed = place(outcome.problems, form, session.current.display)
    return {
        "session": session,
        "form": form,
        "outcome": outcome,
        "placed": placed,
        "messages": messages(placed),
        "counts": counts(outcome),
        "csrf": csrf,
        "notice": notice,
        "formats": [(e.name, e.label) for e in of_kind(Kind.MUNICIPALITY)],
        "contacts": [(card, card_contacts(card)) for card in outcome.cards],
        "controls": list(controls(form)),
    }
