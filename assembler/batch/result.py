"""What a batch run did, and the Dutch report of it the CLI prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assembler.dutch import plural
from assembler.dutch import seconds as seconds_text


@dataclass(frozen=True)
class Failure:
    naam: str
    bestand: str
    reden: str


@dataclass
class BatchResult:
    """What a run did; summary() is the Dutch report the CLI prints."""

    regio: str
    outdir: Path
    gemaakt: list[str] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)
    mislukt: list[Failure] = field(default_factory=list)
    niet_gestart: list[str] = field(default_factory=list)
    bestanden: list[tuple[str, Path, bool]] = field(default_factory=list)  # label, path, written this run
    regio_melding: str | None = None
    regio_fout: str | None = None  # the regional outputs could not be made; the previous ones stay
    wijzigingen: int = 0  # changes since the previous run, listed on the overview's "Wijzigingen" sheet
    site_melding: str | None = None
    seconden: float = 0.0
    regio_seconden: dict[str, float] = field(default_factory=dict)  # per regional output made this run
    piek_per_worker_kb: dict[int, int] = field(default_factory=dict)
    piek_verloop: list[tuple[int, int]] = field(default_factory=list)  # (pid, peak KB) after each build

    @property
    def ok(self) -> bool:
        return not self.mislukt and not self.site_melding and not self.regio_fout

    def summary(self) -> str:
        lines = [
            f"Regio {self.regio}: {plural(len(self.gemaakt), 'gemeente', 'gemeenten')} gemaakt, "
            f"{len(self.overgeslagen)} overgeslagen (ongewijzigd), {len(self.mislukt)} mislukt "
            f"in {seconds_text(self.seconden)}."
        ]
        if self.mislukt:
            lines.append("Mislukt:")
            lines += [f"  - {f.naam} ({f.bestand}): {f.reden}" for f in self.mislukt]
        if self.niet_gestart:
            lines.append(
                "Niet gemaakt omdat de batch stopte na de eerste fout (--stop-bij-fout): "
                + ", ".join(self.niet_gestart)
            )
        if self.regio_melding:
            lines.append(self.regio_melding)
        if self.regio_fout:
            lines.append(self.regio_fout)
        if self.wijzigingen:
            lines.append(
                f"{plural(self.wijzigingen, 'wijziging', 'wijzigingen')} sinds de vorige run; "
                "zie het blad Wijzigingen in het overzicht."
            )
        if self.site_melding:
            lines.append(self.site_melding)
        for label, path, written in self.bestanden:
            lines.append(f"{label}: {path} ({'bijgewerkt' if written else 'ongewijzigd'})")
        return "\n".join(lines)
