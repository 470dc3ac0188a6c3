"""click's own texts in Dutch: a message catalogue for the strings click passes through gettext.

click marks every text it shows (``Usage:``, ``Error: ...``, ``No such option ...``) with
``gettext``, bound as ``_`` and ``ngettext`` in each of its modules. Those calls use the
process-wide gettext domain and the user's locale, so a catalogue installed the usual way
would depend on LANGUAGE or LANG and reach every other library in the process. Instead
:func:`install` points click's own ``_`` and ``ngettext`` at this catalogue: the command
speaks Dutch whatever the machine's locale. Keys are click's msgids, exactly as in its
source; tests/test_cli_dutch.py fails when an installed click has a msgid missing here.
"""

from __future__ import annotations

import gettext
import importlib

# click's msgid -> the Dutch text. Placeholders ({name}, %(prog)s) stay as they are.
MESSAGES: dict[str, str] = {
    # Help pages.
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze uitleg en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "(dynamic)": "(wisselend)",
    "deprecated": "verouderd",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Choice({choices})": "Keuze({choices})",
    # Usage errors.
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Uitleg: '{command} {option}'.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Missing command.": "Geef een opdracht.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Invalid start character for option ({option})": "Ongeldig beginteken voor een optie ({option})",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "Aborted!": "Afgebroken.",
    "unknown error": "onbekende fout",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    # Values of a type.
    "file": "Bestand",
    "directory": "Map",
    "path": "Pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "{value} is not in the range {range}.": "{value} ligt niet tussen de grenzen {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen geldige ja/nee-waarde. Mogelijk: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    # Prompts and the terminal.
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder het te vragen.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden verschillen.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "d": "d",  # days in a progress bar's time left: 'd' for dagen as well
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "Unknown color {colour!r}": "Onbekende kleur {colour!r}",
    "Unknown standard stream '{name}'": "Onbekende standaardstroom '{name}'",
    "{editor}: Editing failed": "{editor}: bewerken mislukt",
    "{editor}: Editing failed: {e}": "{editor}: bewerken mislukt: {e}",
    "Windows error: {error}": "Windows-fout: {error}",
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "Aanvullen in de shell werkt niet met Bash ouder dan 4.4."
    ),
    "Couldn't detect Bash version, shell completion is not supported.": (
        "Bash-versie niet gevonden; aanvullen in de shell werkt niet."
    ),
    # Deprecations.
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Let op: de opdracht {name!r} is verouderd.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Let op: {param_type} {name!r} is verouderd.{extra_message}"
    ),
    # Mistakes in a command's declaration (a programmer's, never a user's).
    "Name '{name}' defined twice": "Naam '{name}' staat er twee keer",
    "Could not determine name for option with declarations {decls!r}": (
        "Geen naam te vinden voor de optie met declaraties {decls!r}"
    ),
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?": (
        "Geen opties gedeclareerd maar wel een naam ({name}). Bedoelde u een argument, of '--{name}'?"
    ),
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "Ja/nee-optie {decl!r} kan niet dezelfde vlag gebruiken voor ja en nee."
    ),
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "Een argument heeft precies één declaratie, niet {length}: {decls}."
    ),
}

# click's (singular, plural) msgids -> the Dutch (singular, plural).
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van deze: {possibilities}?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args}).",
        "Onverwachte extra argumenten ({args}).",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Neemt {nargs} waarden, maar kreeg er 1.",
        "Neemt {nargs} waarden, maar kreeg er {len}.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} past niet bij het formaat {format}.",
        "{value!r} past niet bij de formaten {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} waarden nodig, maar er is {len_value} gegeven.",
        "{len_type} waarden nodig, maar er zijn {len_value} gegeven.",
    ),
}

# Every click module that binds gettext's functions at import.
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
)


class DutchClick(gettext.NullTranslations):
    """The catalogue as a gettext translation; an unknown msgid stays as it is."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        singular, plural = PLURALS.get((msgid1, msgid2), (msgid1, msgid2))
        # Dutch, like English, takes the singular for exactly one.
        return singular if n == 1 else plural


def install() -> None:
    """Have click speak Dutch in this process, whatever the locale."""
    translation = DutchClick()
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a module a later click dropped
            continue
        if hasattr(module, "_"):
            module._ = translation.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translation.ngettext  # type: ignore[attr-defined]
