"""One editing session: the file opened, what the form holds now, its problems and its preview, saving.

Checking is `validate`'s own (profile/reading.check_municipality and check_region with the
card check of pipeline/preflight), run on the form's data as if it stood in the file.
Saving writes with the workbook import's YAML writer (comments, key order and untouched
values stay) and refuses when the file changed on disk since it was read.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.builders.base import BuildContext
from assembler.builders.registry import make
from assembler.dutch import plural
from assembler.errors import ProfileError
from assembler.model.cards import Card, cards_for
from assembler.model.tailor import tailor
from assembler.national import NationalContent, national_content
from assembler.pipeline.output import atomic_write
from assembler.pipeline.preflight import card_problems
from assembler.pipeline.workbook_import import FieldChange, field_changes
from assembler.problems import Problem, sort_problems
from assembler.profile.loader import Document, Path_, load_document, parse_document, read_text
from assembler.profile.reading import Checked, Profile, Region, check_municipality, check_region, load_region
from assembler.profile.workbook.update import updated_text

from .form import Form, Inherited, apply_action, read_form, without_empty_rows

# The previews the editor shows, by the registry output that draws each.
PREVIEWS = {"routekaart": "html", "kaarten": "kaarten"}


@dataclass(frozen=True)
class OnDisk:
    """A file as it was read: its text, its raw data, its size and modification time."""

    text: str
    data: dict[str, Any]

    @classmethod
    def read(cls, path: Path, display: str) -> OnDisk:
        text = read_text(path, display)
        return cls(text, parse_document(text, path, display).data)


@dataclass(frozen=True)
class EditableFile:
    """A file this session may open and write: the one named on the command line, or a member of its region."""

    label: str
    path: Path
    display: str


@dataclass
class Outcome:
    """What the latest check of the form's data found, and the preview of the last data that loaded."""

    revision: int
    problems: list[Problem]
    checked_in: float  # seconds
    preview_revision: int
    pages: dict[str, str] = field(default_factory=dict)
    cards: tuple[Card, ...] = ()
    previewed: str = ""  # the municipality the preview shows
    preview_in: float = 0.0

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass(frozen=True)
class Saved:
    """What a save did: written or refused, in words, with the fields that changed."""

    ok: bool
    message: str
    changes: tuple[FieldChange, ...] = ()


class Session:
    """The editor's state: one file open at a time, guarded by a lock (requests come on several threads)."""

    def __init__(
        self,
        path: Path,
        today: dt.date | None = None,
        content: NationalContent | None = None,
        check_cards: bool = True,
    ) -> None:
        self.today = today
        self.content = content or national_content()
        self.extra: Callable[[Profile], list[Problem]] | None = card_problems if check_cards else None
        self.lock = threading.RLock()
        root = load_document(path)  # an unreadable file is refused before anything starts
        self.files = [EditableFile(str(root.data.get("naam") or path.stem), path.absolute(), str(path))]
        if root.data.get("soort") == "regio":
            for rel in root.data.get("gemeenten") or []:
                member = path.absolute().parent / str(rel)
                if isinstance(rel, str) and member.is_file():
                    label = str(load_document(member).data.get("naam") or member.stem)
                    self.files.append(EditableFile(label, member, str(path.parent / rel)))
        self.revision = 0
        self.sample = 0  # for a region: which municipality the preview shows
        self._regions: dict[tuple[Path, int, int], Region] = {}
        self.open(0)

    # --- the file open now ---------------------------------------------------------------

    def open(self, index: int) -> None:
        """Open one of the editable files; what was not saved in the other is dropped."""
        with self.lock:
            self.current = self.files[index]
            self.index = index
            self.disk = OnDisk.read(self.current.path, self.current.display)
            self.working = copy.deepcopy(self.disk.data)
            self.focus: str | None = None
            self.preview: Outcome | None = None
            self._recheck()

    @property
    def kind(self) -> str:
        return "regio" if self.disk.data.get("soort") == "regio" else "gemeente"

    @property
    def unsaved(self) -> bool:
        return without_empty_rows(self.working) != self.disk.data

    @property
    def allowed(self) -> tuple[Path, ...]:
        """Every file this session may write: the editable files (the outputs go through the build)."""
        return tuple(f.path for f in self.files)

    def change(self, pairs: Mapping[str, list[str]], action: str | None = None) -> Outcome:
        """The form as submitted (and a row action): checked, and previewed when it loads."""
        with self.lock:
            data = read_form(self.kind, self.working, Form(pairs))
            self.focus = None
            if action:
                data, self.focus = apply_action(self.kind, data, action)
            if data != self.working or action:
                self.working = data
                self._recheck()
            return self.outcome

    def reload(self) -> None:
        """Read the file again from disk; unsaved changes are dropped."""
        self.open(self.index)

    def choose_sample(self, index: int) -> None:
        with self.lock:
            self.sample = index
            self._recheck()

    # --- checking and the preview ----------------------------------------------------------

    def _recheck(self) -> None:
        self.revision += 1
        started = _clock()
        checked = self._check()
        seconds = _clock() - started
        profile = self._previewed(checked)
        previous = self.preview
        self.outcome = Outcome(self.revision, sort_problems(checked.problems), seconds, previous.preview_revision if previous else 0)
        if previous is not None:
            self.outcome.pages, self.outcome.cards = previous.pages, previous.cards
            self.outcome.previewed, self.outcome.preview_in = previous.previewed, previous.preview_in
        if profile is not None:
            self.profile = profile
            started = _clock()
            model = tailor(profile, self.content)
            context = BuildContext(content=self.content, roots=(profile.source.parent,))
            pages = {name: make(output, context).preview(model) or "" for name, output in PREVIEWS.items()}
            self.outcome.pages = pages
            self.outcome.cards = cards_for(model, self.content)
            self.outcome.preview_revision = self.revision
            self.outcome.previewed = profile.naam
            self.outcome.preview_in = _clock() - started
            self.preview = self.outcome

    def _document(self) -> Document:
        return Document(self.current.path, self.current.display, copy.deepcopy(self.working))

    def _check(self) -> Checked:
        doc = self._document()
        if self.kind == "regio":
            return check_region(self.current.path, self.today, self.extra, document=doc)
        return check_municipality(
            self.current.path,
            self.today,
            self.extra,
            display=self.current.display,
            region=self._region(self.working.get("regio")),
            document=doc,
        )

    def _previewed(self, checked: Checked) -> Profile | None:
        if not checked.profiles:
            return None
        if self.kind == "regio":
            return checked.profiles[min(self.sample, len(checked.profiles) - 1)]
        return checked.profiles[0]

    def _region(self, rel: Any) -> Region | None:
        """The municipality's region, read once and again only when its file changed."""
        if not isinstance(rel, str):
            return None
        path = self.current.path.parent / rel
        try:
            stat = path.stat()
        except OSError:
            return None  # load_profile names the missing file
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in self._regions:
            try:
                display = str(Path(self.current.display).parent / rel)
                self._regions = {key: load_region(path, display, self.today)}
            except ProfileError:
                return None  # load_profile reads it again and names its problems
        return self._regions[key]

    def inherited(self, path: Path_) -> Inherited | None:
        """What the region or the schema fills in for a field the municipality leaves open."""
        profile = getattr(self, "profile", None)
        if self.kind == "regio" or profile is None or profile.source != self.current.path:
            return None
        if any(isinstance(p, int) for p in path) or len(path) < 2:
            return None
        source = profile.herkomst.get(f"{path[0]}.{path[1]}") if len(path) == 2 else None
        if source is None and path[0] == "veilig_thuis" and profile.region is not None:
            source = "regio"
        if source is None:
            return None
        value: Any = profile.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if value in (None, "", []):
            return None
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        if isinstance(value, bool):
            text = "ja" if value else "nee"
        return Inherited(text, source)

    def inherited_rows(self) -> dict[Path_, tuple[str, ...]]:
        """The regional partners a municipality takes over, by name and id."""
        profile = getattr(self, "profile", None)
        if self.kind == "regio" or profile is None or profile.source != self.current.path:
            return {}
        regional = [p for p in profile.data.get("partners") or [] if p.get("herkomst") == "regio"]
        return {("partners",): tuple(f"{p['naam']} ({p['id']})" for p in regional)}

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> Saved:
        with self.lock:
            path, display = self.current.path, self.current.display
            try:
                now: OnDisk | None = OnDisk.read(path, display)
            except ProfileError:
                now = None
            if now is None or now.text != self.disk.text:
                return Saved(False, _conflict(display, now), _changed_on_disk(self.disk, now, display))
            wanted = without_empty_rows(self.working)
            if wanted == self.disk.data:
                return Saved(True, f"Geen wijzigingen: {display} is niet aangeraakt.")
            text = updated_text(self.disk.text, self.disk.data, wanted)
            try:
                written = parse_document(text, path, display).data
            except ProfileError:
                written = {}
            if written != wanted:
                return Saved(False, f"Het bijgewerkte profiel {display} kon niet goed worden geschreven; er is niets veranderd.")
            atomic_write(path, text.encode("utf-8"))
            changes = tuple(field_changes(self.disk.data, wanted, display))
            self.disk = OnDisk(text, written)
            self.working = copy.deepcopy(written)
            self._recheck()
            errors = self.outcome.errors
            after = (
                f" Let op: het profiel heeft nog {plural(errors, 'fout', 'fouten')}; "
                "'assembler maak' maakt er pas documenten van als die zijn opgelost."
                if errors
                else ""
            )
            return Saved(
                True,
                f"Opgeslagen: {plural(len(changes), 'wijziging', 'wijzigingen')} in {display}.{after}",
                changes,
            )


def _conflict(display: str, now: OnDisk | None) -> str:
    if now is None:
        return (
            f"Niet opgeslagen: {display} is sinds het openen veranderd en is nu geen leesbaar profiel "
            "(of is weg). Er is niets overschreven."
        )
    return (
        f"Niet opgeslagen: {display} is veranderd sinds de editor het las, door iemand anders of een "
        "ander programma. Er is niets overschreven. Lees het bestand opnieuw in (uw wijzigingen hier "
        "gaan dan verloren) of breng ze daarna opnieuw aan."
    )


def _changed_on_disk(before: OnDisk, now: OnDisk | None, display: str) -> tuple[FieldChange, ...]:
    if now is None:
        return ()
    return tuple(field_changes(before.data, now.data, display))


def _clock() -> float:
    import time

    return time.perf_counter()
