"""The `assembler` command: parses arguments, calls the library, turns expected errors into messages."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from assembler import __version__
from assembler.builders.registry import DEFAULT_FORMATS, Kind, of_kind, suffixes
from assembler.cli import catalogue
from assembler.cli.group import Count, Group, interrupted
from assembler.dutch import enumeration, plural
from assembler.errors import AssemblerError, ProfileError
from assembler.problems import Problem

# click's own texts (Gebruik:, Fout:, Onbekende optie ...) in Dutch, before any command is declared.
catalogue.install()

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_OUTPUT = Path("output")
# The --formaat choices: every municipal output in the registry (builders/registry.py).
FORMATS = ",".join(DEFAULT_FORMATS)
# What `wijzigingen -o` can write: the registry's outputs of that kind, by the file's extension.
CHANGES = enumeration((f"{e.suffix} ({e.label})" for e in of_kind(Kind.CHANGES)), voegwoord="of")


def _echo_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)


def _summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{plural(errors, 'fout', 'fouten')}, {plural(warnings, 'waarschuwing', 'waarschuwingen')}"


def friendly(func: F) -> F:
    """Expected errors become a Dutch message and exit 1; nothing shows a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ProfileError as exc:
            _echo_problems(exc.problems)
            click.echo(f"Niet gelukt: {_summary(exc.problems)}.", err=True)
            sys.exit(exc.exit_code)
        except AssemblerError as exc:
            click.echo(f"Fout: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            interrupted()
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except BrokenPipeError:
            # The reader went away (`assembler check-content | head`): stop quietly, as other tools do.
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces a closed stream until exit
            sys.exit(141)
        except Exception as exc:
            if os.environ.get("ASSEMBLER_DEBUG"):
                raise
            click.echo(
                f"Interne fout ({type(exc).__name__}: {exc}). Dit is een fout in de toolkit, niet in "
                "uw profiel; meld hem met dit bericht. Zet ASSEMBLER_DEBUG=1 voor details.",
                err=True,
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--hulp", "--help"], "max_content_width": 100},
)
@click.version_option(
    __version__, "--versie", "--version", message="assembler %(version)s", help="Toon het versienummer en stop."
)
def main() -> None:
    """Routekaart schadelijke praktijken: controleer profielen en maak per gemeente
    de routekaart (Word, PDF, HTML) en zakkaarten."""
    # SIGTERM (a stopped CI job, `kill`) ends the run like Ctrl-C: temporary files are
    # removed on the way out and earlier outputs stay as they were.
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def file_option(
    metavar: str,
    help: str,
    default: Path | None = None,
    check: Callable[[click.Context, click.Parameter, Path | None], Path | None] | None = None,
) -> Callable[[F], F]:
    """-o/--uitvoer for a command that writes one file; `check` refuses a wrong kind of file before
    any work (a usage error, exit 2)."""
    return click.option(
        "-o",
        "--uitvoer",
        type=click.Path(path_type=Path),
        default=default,
        show_default=default is not None,
        metavar=metavar,
        callback=check,
        help=help,
    )


@main.dutch_command("controleer", english="validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PAD...")
@click.option("--streng", "--strict", "strict", is_flag=True, help="Waarschuwingen tellen als fouten.")
@click.option("--json", "as_json", is_flag=True, help="Problemen als JSON, voor andere programma's.")
@friendly
def validate(paths: tuple[Path, ...], strict: bool, as_json: bool) -> None:
    """Controleer gemeenteprofielen en regiobestanden.

    Een regiobestand neemt alle gemeenten mee die het noemt. Geeft elk probleem met
    bestand, regel, kolom en veld.
    """
    from assembler.pipeline.preflight import card_problems
    from assembler.profile.reading import check_files

    checked = check_files(list(paths), extra=card_problems)
    problems = checked.problems
    count = len(checked.files)
    failed = any(p.is_error for p in problems) or (strict and bool(problems))
    if as_json:
        click.echo(
            json.dumps(
                {"geldig": not failed, "problemen": [p.as_json() for p in problems]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        _echo_problems(problems)
        if failed:
            click.echo(f"Niet geldig: {_summary(problems)}.", err=True)
        else:
            click.echo(
                f"Geldig: {plural(count, 'bestand', 'bestanden')} gecontroleerd, {_summary(problems)}."
            )
    sys.exit(1 if failed else 0)


@main.dutch_command("nieuw", english="init")
@click.argument("naam", required=False, default="Voorbeeldgemeente", metavar="[NAAM]")
@file_option("BESTAND", "Bestand om te schrijven (standaard <slug>.yaml).")
@click.option("--overschrijven", is_flag=True, help="Een bestaand bestand vervangen.")
@friendly
def init(naam: str, uitvoer: Path | None, overschrijven: bool) -> None:
    """Schrijf een startprofiel met uitleg bij elk veld."""
    from assembler.naming import slug
    from assembler.pipeline.output import atomic_write
    from assembler.profile.schemadoc import starter_profile

    target = uitvoer or Path(f"{slug(naam)}.yaml")
    if target.exists() and not overschrijven:
        raise AssemblerError(f"{target} bestaat al; kies een andere naam of gebruik --overschrijven")
    atomic_write(target, starter_profile(naam).encode("utf-8"))
    click.echo(
        f"Startprofiel geschreven: {target}. Vul het aan en controleer het met 'assembler controleer {target}'."
    )


@main.dutch_command("schema")
@click.option(
    "--markdown",
    "as_markdown",
    is_flag=True,
    default=True,
    help="De profielreferentie als Markdown (standaard).",
)
@friendly
def schema(as_markdown: bool) -> None:
    """Druk de profielreferentie af (bron van docs/profiel.md)."""
    from assembler.profile.schemadoc import schema_markdown

    click.echo(schema_markdown(), nl=False)


def _formats(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    """--formaat checked before any work: an unknown format is a usage error (exit 2)."""
    from assembler.pipeline.municipality import parse_formats

    try:
        return parse_formats(value)
    except AssemblerError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def _changes_target(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """wijzigingen -o: a file of a kind the registry has no changes document for is a usage error
    (exit 2), before anything is compared."""
    allowed = dict.fromkeys(suffixes(Kind.CHANGES) + suffixes(Kind.REGION_CHANGES))
    if value is not None and value.suffix.lower() not in allowed:
        choices = enumeration(allowed, voegwoord="of")
        raise click.BadParameter(f"{value}: kies een bestand dat eindigt op {choices}", ctx, param)
    return value


def _workbook_target(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """export -o: a workbook is .xlsx or .ods; anything else is a usage error (exit 2)."""
    from assembler.profile.workbook import SUFFIXES

    if value is not None and value.suffix.lower() not in SUFFIXES:
        choices = enumeration(SUFFIXES, voegwoord="of")
        raise click.BadParameter(f"{value}: een werkmap krijgt de extensie {choices}", ctx, param)
    return value


# -o for every command that writes into an output folder.
output_option = click.option(
    "-o",
    "--uitvoer",
    "outdir",
    type=click.Path(path_type=Path),
    default=None,
    metavar="MAP",
    help="Uitvoermap (standaard output/).",
)


def _report_build(result: Any) -> None:
    _echo_problems(result.problems)
    for warning in result.warnings:
        click.echo(f"waarschuwing: {warning}", err=True)
    for path in result.files:
        click.echo(f"geschreven: {path}")


@main.dutch_command("maak", english="build")
@click.argument("profile", type=click.Path(path_type=Path), metavar="PROFIEL")
@output_option
@click.option(
    "--formaat",
    "formats",
    default=None,
    callback=_formats,
    metavar="FORMATEN",
    help=f"Komma-gescheiden: {FORMATS} (standaard alle).",
)
@click.option(
    "--sjabloon",
    type=click.Path(path_type=Path),
    default=None,
    metavar="BESTAND",
    help="Eigen Word-sjabloon in plaats van het standaardsjabloon.",
)
@click.option("--streng", "--strict", "strict", is_flag=True, help="Stop bij waarschuwingen.")
@friendly
def build(
    profile: Path, outdir: Path | None, formats: tuple[str, ...], sjabloon: Path | None, strict: bool
) -> None:
    """Maak de routekaart (en zakkaarten) van één gemeente."""
    from assembler.pipeline.municipality import build_profile

    _refuse_warnings(profile, strict)
    result = build_profile(profile, outdir or DEFAULT_OUTPUT, formats, template=sjabloon, lock=True)
    _report_build(result)


@main.dutch_command("kaarten", english="cards")
@click.argument("profile", type=click.Path(path_type=Path), metavar="PROFIEL")
@output_option
@click.option("--streng", "--strict", "strict", is_flag=True, help="Stop bij waarschuwingen.")
@friendly
def cards(profile: Path, outdir: Path | None, strict: bool) -> None:
    """Maak alleen de zakkaarten van één gemeente (los en op A4)."""
    from assembler.pipeline.municipality import build_profile

    _refuse_warnings(profile, strict)
    result = build_profile(profile, outdir or DEFAULT_OUTPUT, ("kaarten",), lock=True)
    _report_build(result)


def _refuse_warnings(profile: Path, strict: bool) -> None:
    if not strict:
        return
    from assembler.profile.reading import check_paths

    problems = check_paths([profile])
    if problems:
        raise ProfileError(problems)


@main.dutch_command("inhoud", english="check-content")
@click.argument("pad", required=False, type=click.Path(path_type=Path))
@friendly
def check_content(pad: Path | None) -> None:
    """Toon versie en herkomst van de landelijke inhoud: elk contact met bron en controledatum.

    Met een regiobestand of gemeenteprofiel: precies welke nummers in die routekaarten nog
    moeten worden nagekeken, met de pagina om ze mee te vergelijken.
    """
    import datetime as dt

    from assembler.national import national_content, report_lines

    if pad is None:
        lines = report_lines(national_content(), dt.date.today())
    else:
        from assembler.pipeline.pending import pending_lines

        lines = pending_lines(pad)
    for line in lines:
        click.echo(line)


@main.dutch_command("controleer-sjabloon", english="check-template")
@click.argument("template", type=click.Path(path_type=Path), metavar="SJABLOON")
@friendly
def check_template(template: Path) -> None:
    """Controleer een eigen Word-sjabloon vóór gebruik: kapotte tags en onbekende variabelen."""
    from assembler.builders.word.check import check_template_file

    issues = check_template_file(template)
    for issue in issues:
        click.echo(issue, err=True)
    if issues:
        click.echo(
            f"Sjabloon niet bruikbaar: {plural(len(issues), 'probleem', 'problemen')}.",
            err=True,
        )
        sys.exit(1)
    click.echo(f"Sjabloon in orde: {template}")


@main.dutch_command("sjabloon")
@file_option("BESTAND", "Waar het standaardsjabloon komt.", default=Path("routekaart-sjabloon.docx"))
@click.option("--overschrijven", is_flag=True, help="Een bestaand bestand vervangen.")
@click.option(
    "--markdown",
    "as_markdown",
    is_flag=True,
    help="Alleen de lijst van namen, als Markdown (bron van docs/sjabloon.md); schrijft geen sjabloon.",
)
@friendly
def sjabloon(uitvoer: Path, overschrijven: bool, as_markdown: bool) -> None:
    """Schrijf het standaard Word-sjabloon en toon elke naam die een eigen sjabloon mag gebruiken.

    Begin een eigen sjabloon met een kopie van het standaardsjabloon; de lijst noemt elke
    waarde en lijst uit de routekaart met wat ze betekent.
    """
    from assembler.builders.word.variables import INTRO, default_template, listing, markdown
    from assembler.pipeline.output import atomic_write

    if as_markdown:
        click.echo(markdown(), nl=False)
        return
    if uitvoer.suffix.lower() != ".docx":
        raise click.BadParameter("een Word-sjabloon krijgt de extensie .docx", param_hint="'-o' / '--uitvoer'")
    if uitvoer.exists() and not overschrijven:
        raise AssemblerError(f"{uitvoer} bestaat al; kies een andere naam of gebruik --overschrijven")
    atomic_write(uitvoer, default_template().read_bytes())
    click.echo(f"Standaardsjabloon geschreven: {uitvoer}.")
    click.echo()
    for line in INTRO:
        click.echo(line)
    click.echo()
    for line in listing():
        click.echo(line)
    click.echo()
    click.echo(
        f"Controleer uw aangepaste sjabloon met 'assembler controleer-sjabloon {uitvoer}' en gebruik het "
        f"met 'sjabloon: {uitvoer}' in het profiel of 'assembler maak PROFIEL --sjabloon {uitvoer}'."
    )


@main.dutch_command("regio", english="batch")
@click.argument("region", type=click.Path(path_type=Path), metavar="REGIO")
@output_option
@click.option(
    "-j",
    "--processen",
    "--jobs",
    "jobs",
    type=Count(1, 64),
    default=None,
    metavar="AANTAL",
    help="Aantal werkprocessen (standaard het aantal processorkernen).",
)
@click.option(
    "--alleen", multiple=True, metavar="GEMEENTE", help="Alleen deze gemeente (naam of slug); mag vaker."
)
@click.option("--forceer", "--force", "force", is_flag=True, help="Alles opnieuw maken, ook wat niet is veranderd.")
@click.option(
    "--stop-bij-fout", "--fail-fast", "fail_fast", is_flag=True, help="Stop bij de eerste gemeente die mislukt."
)
@click.option(
    "--formaat",
    "formats",
    default=None,
    callback=_formats,
    metavar="FORMATEN",
    help=(
        f"Komma-gescheiden: {FORMATS} (standaard alle). Het regiodocument komt mee als "
        "Word-bestand bij docx en als PDF bij pdf; het overzicht wordt altijd gemaakt."
    ),
)
@click.option(
    "--site",
    is_flag=True,
    help="Maak ook de regionale website in de map site/ (vanzelf als het regiobestand een site-deel heeft).",
)
@friendly
def batch(
    region: Path,
    outdir: Path | None,
    jobs: int | None,
    alleen: tuple[str, ...],
    force: bool,
    fail_fast: bool,
    formats: tuple[str, ...],
    site: bool,
) -> None:
    """Maak alles voor alle gemeenten van een regio, plus het regiodocument (Word en PDF) en een overzicht.

    Een volgende run in dezelfde map zet op het blad Wijzigingen van het overzicht wat er per
    gemeente is veranderd sinds de vorige run.
    """
    from assembler.batch.run import run_batch

    result = run_batch(
        region,
        outdir or DEFAULT_OUTPUT,
        jobs=jobs,
        only=alleen,
        force=force,
        fail_fast=fail_fast,
        echo=lambda line: click.echo(line, err=True),
        formats=formats,
        site=site,
    )
    click.echo(result.summary())
    sys.exit(0 if result.ok else 1)


@main.dutch_command("exporteer", english="export")
@click.argument("profile", type=click.Path(path_type=Path), metavar="PROFIEL")
@file_option(
    "WERKMAP",
    "Werkmap om te schrijven: .xlsx (Excel) of .ods (LibreOffice) (standaard <profiel>.xlsx naast het "
    "profiel).",
    check=_workbook_target,
)
@click.option("--overschrijven", is_flag=True, help="Een bestaande werkmap vervangen.")
@friendly
def export_command(profile: Path, uitvoer: Path | None, overschrijven: bool) -> None:
    """Zet een gemeenteprofiel of regiobestand in een werkmap om in te vullen (Excel of LibreOffice).

    Elk blad heeft uitleg per cel en keuzelijsten waar de keuze vastligt. De werkmap van een
    regio heeft ook een set bladen per gemeente. Met -o x.ods wordt het een ODF-rekenblad.
    """
    from assembler.pipeline.output import atomic_write
    from assembler.profile.workbook import export_workbook

    target = uitvoer or profile.with_suffix(".xlsx")
    if target.exists() and not overschrijven:
        raise AssemblerError(f"{target} bestaat al; kies een andere naam of gebruik --overschrijven")
    atomic_write(target, export_workbook(profile, target.suffix.lower()))
    click.echo(
        f"Werkmap geschreven: {target}. Vul hem in en lees hem terug met 'assembler importeer {target} {profile}'."
    )


@main.dutch_command("importeer", english="import")
@click.argument("workbook", type=click.Path(path_type=Path), metavar="WERKMAP")
@click.argument("profile", type=click.Path(path_type=Path), metavar="PROFIEL")
@click.option(
    "--werkmap-wint",
    "book_wins",
    is_flag=True,
    help="Bij een veld dat sinds de export zowel in de werkmap als in het profiel is gewijzigd, "
    "de waarde uit de werkmap nemen.",
)
@click.option(
    "--ander-profiel",
    "other_profile",
    is_flag=True,
    help="De werkmap met opzet inlezen in een ander profielbestand dan waarvan hij is gemaakt.",
)
@friendly
def import_command(workbook: Path, profile: Path, book_wins: bool, other_profile: bool) -> None:
    """Lees een ingevulde werkmap terug in het profiel (YAML).

    Opmerkingen, volgorde en ongewijzigde waarden in het profiel blijven staan. Wat sinds de
    export in het profiel is veranderd, blijft staan; een veld dat in beide is veranderd, wordt
    geweigerd met beide waarden. Bij een fout wordt niets geschreven en staan blad en cel in de
    melding. De werkmap van een regio werkt ook elk gemeenteprofiel bij.
    """
    from assembler.pipeline.workbook_import import describe, import_workbook

    result = import_workbook(workbook, profile, book_wins=book_wins, other_profile=other_profile)
    _echo_problems(result.warnings)
    if result.kept:
        click.echo("Sinds de export in het profiel gewijzigd en bewaard:")
        for change in result.kept:
            click.echo(f"  {change.file}: {describe(change)}")
    if not result.changes:
        click.echo(f"Geen wijzigingen: {profile} is niet aangeraakt.")
        return
    if result.report is not None:
        _echo_changes(result.report)
    else:
        click.echo("Het profiel had voor de import fouten; daarom alleen de gewijzigde cellen.")
    click.echo("Gewijzigde cellen:")
    for path in result.written:
        click.echo(f"  {path}:")
        for change in result.changes:
            if change.file == str(path):
                click.echo(f"    {describe(change)}")
    count = len(result.changes)
    files = len(result.written)
    click.echo(
        f"Bijgewerkt: {plural(count, 'wijziging', 'wijzigingen')} in {plural(files, 'bestand', 'bestanden')}."
    )


@main.dutch_command("bewerk")
@click.argument("profile", type=click.Path(path_type=Path), metavar="PROFIEL")
@output_option
@click.option(
    "--poort", type=Count(0, 65535), default=0, metavar="POORT", help="Poort (standaard een vrije poort)."
)
@click.option("--geen-browser", is_flag=True, help="Open de browser niet; de link wordt alleen getoond.")
@friendly
def bewerk(profile: Path, outdir: Path | None, poort: int, geen_browser: bool) -> None:
    """Vul een gemeenteprofiel of regiobestand in de browser in, met de routekaart en de kaarten ernaast.

    De editor draait alleen op deze computer (127.0.0.1), met een geheime link. Elke wijziging
    wordt gecontroleerd zoals 'assembler controleer' dat doet; opslaan houdt opmerkingen en
    volgorde in het bestand. Stop met Ctrl-C.
    """
    from assembler.editor.serve import serve

    try:
        serve(profile, outdir or DEFAULT_OUTPUT, port=poort, open_browser=not geen_browser, echo=click.echo)
    except KeyboardInterrupt:
        click.echo("Editor gestopt.", err=True)


@main.dutch_command("wijzigingen")
@click.argument("oud", type=click.Path(path_type=Path), metavar="OUD")
@click.argument("nieuw", type=click.Path(path_type=Path), metavar="NIEUW")
@file_option(
    "BESTAND", f"Schrijf ook de nieuwe routekaart met de wijzigingen erin: {CHANGES}.", check=_changes_target
)
@friendly
def wijzigingen(oud: Path, nieuw: Path, uitvoer: Path | None) -> None:
    """Wat is er veranderd tussen twee edities?

    Vergelijk twee gemeenteprofielen of twee regiobestanden (na het samenvoegen met de regio)
    en noem elke wijziging: partners, telefoonnummers en e-mailadressen (oud en nieuw),
    prioriteit, regie, coördinator, praktijken, handvatten en lokale teksten. Van twee
    regiobestanden wordt -o een webpagina met een deel per gemeente.
    """
    from assembler.pipeline.compare import check_target, compare_files, write_changes_document

    if uitvoer is not None:
        check_target(nieuw, uitvoer)
    comparison = compare_files(oud, nieuw)
    _echo_changes(comparison)
    if uitvoer is not None:
        write_changes_document(oud, nieuw, uitvoer)
        click.echo(f"geschreven: {uitvoer}")


def _echo_changes(comparison: Any) -> None:
    total = len(comparison.changes)
    several = len(comparison.groups) > 1
    for heading, changes in comparison.groups:
        if several and changes:
            click.echo(f"{heading}:")
        for change in changes:
            click.echo(f"  - {change.text}" if several else f"- {change.text}")
    if total == 0:
        click.echo("Geen wijzigingen.")
    else:
        click.echo(f"{plural(total, 'wijziging', 'wijzigingen')}.")


if __name__ == "__main__":  # pragma: no cover
    main()
