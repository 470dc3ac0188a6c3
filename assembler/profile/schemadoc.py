"""Writes the starter profile and the profile reference from the schema's own Dutch descriptions."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterator
from typing import Any

from assembler.national import load_content_info
from assembler.profile.schema import GEMEENTE, REGIO, SCHEMA_VERSION

WIDTH = 88

# Fields the starter profile lists but leaves switched off. Paths must point at a
# file that exists; free text left out gives the national standard text, which beats a
# sample sentence that could end up in a real document unnoticed; and a starter is a
# concept, so it claims no adoption, no akkoord, no history, no check and no local choice
# a municipality has not made (those print as standard choices until it does).
_OFF_IN_STARTER = {
    "regio",
    "logo",
    "sjabloon",
    "inleiding",
    "lokale_situatie",
    "afspraken",
    "vastgesteld_op",
    "vastgesteld_door",
    "akkoord_vereist",
    "akkoorden",
    "geschiedenis",
    "herzien_voor",
    "akkoord",
    "gecontroleerd_op",
    "controles",
    "functie",
    "rol",
    "spoed",
    "adres",
    "bereikbaarheid",
    "veilig_thuis",
    "werkafspraken",
    "handvatten",
}
_OFF_IN_STARTER_PATHS = {
    ("ketenaanpak", "deskundigheidsbevordering"),
    ("ketenaanpak", "regie"),
    ("ketenaanpak", "sleutelpersonen"),
    ("ketenaanpak", "coordinator"),
}

_CHECK_NAMES = {
    "phone": "telefoonnummer",
    "email": "e-mailadres",
    "url": "webadres (http:// of https://)",
    "color": "kleurcode (#RRGGBB)",
}
_TYPE_NAMES = {
    "string": "tekst",
    "integer": "geheel getal",
    "boolean": "ja/nee (true of false)",
    "date": "datum (JJJJ-MM-DD)",
    "dict": "groep velden",
}
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}
_PLAIN = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f .,'()/&@:+-]*")


def _meta(rule: dict[str, Any]) -> dict[str, Any]:
    meta = rule.get("meta") or {}
    return meta if isinstance(meta, dict) else {}


def _item_rule(rule: dict[str, Any]) -> dict[str, Any]:
    item = rule.get("schema")
    return item if isinstance(item, dict) and isinstance(item.get("type"), str) else {}


def _is_group_list(rule: dict[str, Any]) -> bool:
    return rule.get("type") == "list" and _item_rule(rule).get("type") == "dict"


def _allowed(rule: dict[str, Any]) -> list[Any]:
    if rule.get("type") == "list":
        return list(_item_rule(rule).get("allowed") or [])
    return list(rule.get("allowed") or [])


def type_name(rule: dict[str, Any]) -> str:
    """The field's type in the words a policy officer uses."""
    kind = rule.get("type")
    if kind == "list":
        item = _item_rule(rule)
        if item.get("type") == "dict":
            return "lijst van groepen velden"
        return "lijst van keuzes" if item.get("allowed") else "lijst van teksten"
    if rule.get("check_with") in _CHECK_NAMES:
        return _CHECK_NAMES[rule["check_with"]]
    if "regex" in rule:
        return "id (kleine letters, cijfers en streepjes)"
    if "allowed" in rule and kind == "string":
        return "keuze"
    name = _TYPE_NAMES.get(str(kind), str(kind))
    if kind == "string" and "maxlength" in rule:
        name += f", hooguit {rule['maxlength']} tekens"
    return name


def _scalar(value: Any, *, flow: bool = False) -> str:
    """One value as YAML text that reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v, flow=True) for v in value) + "]"
    text = str(value)
    risky = (
        text.lower() in _YAML_WORDS
        or ": " in text
        or text.endswith((":", " "))
        or (flow and any(c in text for c in ",[]{}:"))
    )
    if _PLAIN.fullmatch(text) and not risky:
        return text
    return json.dumps(text, ensure_ascii=False)


def _example_text(rule: dict[str, Any]) -> str:
    example = _meta(rule).get("voorbeeld")
    if rule.get("type") == "date" and isinstance(example, str):
        # Dates stay unquoted so that YAML reads them as dates, as a user would write them.
        return dt.date.fromisoformat(example).isoformat()
    return _scalar(example)


def _comment(rule: dict[str, Any], indent: str) -> list[str]:
    parts = [str(_meta(rule).get("beschrijving", "")).strip()]
    if rule.get("required"):
        parts.append("Verplicht.")
    options = _allowed(rule)
    if options and len(options) > 1:
        parts.append("Kies uit: " + ", ".join(str(o) for o in options) + ".")
    if "standaard" in _meta(rule):
        parts.append(f"Standaard: {_scalar(_meta(rule)['standaard'], flow=True)}.")
    return textwrap.wrap(
        " ".join(p for p in parts if p),
        width=WIDTH,
        initial_indent=f"{indent}# ",
        subsequent_indent=f"{indent}# ",
        break_on_hyphens=False,
    )


def _starter_lines(
    fields: dict[str, Any],
    path: tuple[str, ...],
    indent: str,
    first: str = "",
    off: bool = False,
    values: dict[tuple[str, ...], str] | None = None,
) -> Iterator[str]:
    """The fields of one mapping; ``first`` is the '- ' that opens a list item. A field switched off
    is written with '# ' before it, and so is everything below it."""
    inner = indent + " " * len(first)
    values = values or {}
    for number, (name, rule) in enumerate(fields.items()):
        here = (*path, name)
        field_off = off or name in _OFF_IN_STARTER or here in _OFF_IN_STARTER_PATHS
        own_indent = indent if number == 0 else inner
        dash = first if number == 0 else ""
        yield from _comment(rule, own_indent)
        lead = f"{own_indent}{'# ' if field_off else ''}{dash}"
        if rule.get("type") == "dict":
            yield f"{lead}{name}:"
            yield from _starter_lines(rule["schema"], here, inner + "  ", off=field_off, values=values)
        elif _is_group_list(rule):
            yield f"{lead}{name}:"
            yield from _starter_lines(
                _item_rule(rule)["schema"], here, inner + "  ", first="- ", off=field_off, values=values
            )
        else:
            yield f"{lead}{name}: {values.get(here, _example_text(rule))}"


def starter_profile(naam: str) -> str:
    """A municipality profile to start from, with a Dutch comment on every field.

    Every field of the schema is listed in schema order with its description as a
    comment and its example as value; fields that need a file or that fall back to
    standard text are written but switched off with '# '.
    """
    safe_name = " ".join(str(naam).split()) or "Voorbeeldgemeente"
    header = [
        f"# Gemeenteprofiel van {safe_name} voor de Routekaart schadelijke praktijken.",
        "#",
        "# Boven elk veld staat wat erin hoort. Vervang de voorbeeldwaarden door de gegevens",
        "# van uw gemeente: namen met '(voorbeeld)', adressen op .example en nummers met",
        "# netnummer 0123 bestaan niet, en 'assembler validate' wijst elke voorbeeldwaarde",
        "# aan die nog in het profiel staat. Regels die met '# veld:' beginnen staan uit:",
        "# haal '# ' weg om zo'n veld te gebruiken. Niets invullen bij een tekstveld geeft",
        "# de landelijke standaardtekst.",
        "#",
        "# Dit profiel is een concept: de routekaart krijgt CONCEPT op elke pagina tot ze is",
        "# vastgesteld (vastgesteld_op), met akkoord van de partners en Veilig Thuis.",
        "#",
        "# Controleer het profiel met: assembler controleer <dit bestand>",
        "# Alle velden met uitleg: docs/profiel.md (of: assembler schema).",
        "",
    ]
    lines = list(header)
    # A starter is a concept written against the national text a build prints now.
    values: dict[tuple[str, ...], str] = {
        ("document", "status"): "concept",
        ("document", "landelijke_versie"): _scalar(load_content_info().versie),
    }
    for name, rule in GEMEENTE.items():
        if name == "naam":
            lines += _comment(rule, "")
            lines.append(f"naam: {_scalar(safe_name)}")
            continue
        lines += _starter_lines({name: rule}, (), "", values=values)
        if rule.get("type") == "dict" or _is_group_list(rule):
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# --- the reference -----------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _rows(fields: dict[str, Any], prefix: str) -> Iterator[str]:
    for name, rule in fields.items():
        path = f"{prefix}{name}"
        meta = _meta(rule)
        options = ", ".join(f"`{o}`" for o in _allowed(rule))
        example = _example_text(rule) if meta.get("voorbeeld") is not None else ""
        default = f"`{_scalar(meta['standaard'], flow=True)}`" if "standaard" in meta else ""
        yield (
            f"| `{path}` | {_cell(type_name(rule))} | {'ja' if rule.get('required') else 'nee'} | "
            f"{options} | {default} | {_cell(str(meta.get('beschrijving', '')))} | "
            f"{_cell(f'`{example}`') if example else ''} |"
        )
        if rule.get("type") == "dict":
            yield from _rows(rule["schema"], f"{path}.")
        elif _is_group_list(rule):
            yield from _rows(_item_rule(rule)["schema"], f"{path}[].")


def _table(fields: dict[str, Any]) -> list[str]:
    return [
        "| Veld | Type | Verplicht | Toegestane waarden | Standaard | Beschrijving | Voorbeeld |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *_rows(fields, ""),
    ]


_INTRO = f"""\
# Profielreferentie

Dit bestand is gemaakt met `assembler schema --markdown` uit de beschrijvingen in het
schema zelf (`assembler/profile/schema.py`). Pas het niet met de hand aan: wijzig het schema en
maak het bestand opnieuw met `assembler schema --markdown > docs/profiel.md`.

Er zijn twee soorten bestanden, allebei YAML in UTF-8:

- een **gemeenteprofiel** (`soort: gemeente`): de keuzes en contacten van één gemeente;
- een **regiobestand** (`soort: regio`): de Veilig Thuis-regio, met de regionale partners en
  standaardkeuzes die elke gemeente in de regio erft, en de lijst van gemeenteprofielen.

Een nieuw gemeenteprofiel met uitleg bij elk veld maakt u met `assembler nieuw "Naam"`.
Controleren doet u met `assembler controleer bestand.yaml`; een regiobestand neemt alle
gemeenten mee die het noemt.

Zo leest u de tabellen: `a.b` is veld `b` binnen groep `a`; `partners[].id` is het veld
`id` van elke partner in de lijst `partners`. "Verplicht: ja" geldt zodra de groep erboven
er staat. Het profielformaat heeft versie {SCHEMA_VERSION} (`schema_versie: {SCHEMA_VERSION}`).
"""

_RULES = """\
## Erven van de regio

Een gemeenteprofiel met `regio:` erft van het regiobestand:

- de Veilig Thuis-gegevens; wat de gemeente zelf onder `veilig_thuis` invult, gaat voor;
- de regionale partners; een lokale partner met hetzelfde `id` vervangt de regionale;
- de `standaard`-keuzes (`kaarten`, `ketenaanpak`, `huisstijl`); elk veld dat de gemeente
  zelf invult, gaat voor.

Wat gemeente noch regio invult, krijgt de waarde uit de kolom "Standaard" van de tabellen.

Een gemeente zonder `regio:` is op zichzelf geldig.

## Controles over velden heen

Na het erven wordt ook gecontroleerd:

- elk partner-id in `ketenaanpak.coordinator` en `ketenaanpak.*.partners` bestaat;
- elk `id` komt één keer voor;
- `document.herzien_voor` ligt na `document.vastgesteld_op`;
- de paden in `regio`, `logo`, `sjabloon` en `gemeenten` bestaan, gezien vanaf de map van
  het bestand dat ze noemt;
- het logo is echt een PNG- of JPEG-afbeelding (gekeken naar de inhoud, niet naar de naam);
- elke `document.akkoorden[].partner` is een bekende partner of `veilig_thuis`;
- een controle onder `controles` is gedaan op een eigen website van de organisatie
  (`pagina`), en niet in de toekomst;
- een routekaart met `status: vastgesteld` bevat geen open invulplek zoals `<naam>`.

## Vastgesteld of concept

Een routekaart wordt alleen als vastgesteld gedrukt als alle drie gelden:

1. `document.landelijke_versie` (of, zonder dat veld, de versie die op `vastgesteld_op` gold)
   is de versie van de landelijke inhoud die de toolkit afdrukt, en `vastgesteld_op` ligt niet
   vóór die versie;
2. er staat geen standaardtekst meer in (eigen `afspraken` bij elke ketenstap, een eigen
   `lokale_situatie` bij elke praktijk, eigen `deskundigheidsbevordering`, een keuze voor
   `sleutelpersonen`, en een regie die de gemeente of de regio koos) en geen open invulplek
   (`<…>`);
3. Veilig Thuis en elke partner in de routes gaven akkoord voor deze `document.versie`
   (`akkoord` bij de partner of bij `veilig_thuis`, of een rij in `document.akkoorden`), of
   `document.akkoord_vereist: false` zegt dat de vaststelling dat niet vroeg.

Anders is het een concept: CONCEPT op elke pagina en kaart, de status "Concept: herziening van
versie X (vastgesteld op …)" en de redenen in het document; bij een herziening ook de landelijke
wijzigingen sinds de versie waarop de vorige vaststelling rustte. `validate` noemt elke reden
met bestand en regel als waarschuwing; `--strict` laat ze als fout tellen.

## Waarschuwingen

Deze punten houden het profiel niet tegen, maar verdienen aandacht
(`assembler controleer --streng` laat ze wel als fout tellen):

- `gecontroleerd_op` ontbreekt of is ouder dan twaalf maanden;
- een ketenstap heeft geen lokale partner;
- een praktijk met `prioriteit: hoog` heeft geen lokale partner;
- een telefoonnummer met een onbekend netnummer, zoals het verzonnen 0123;
- een voorbeeldwaarde die er nog staat: een adres op het niet-bestaande domein `.example` of
  een naam met "(voorbeeld)" uit `assembler init`;
- een reden waarom een routekaart die vastgesteld heet, als concept wordt gedrukt (zie
  hierboven), en een open invulplek in een concept;
- een controle onder `controles` van een ander nummer dan de landelijke inhoud afdrukt, of
  ouder dan twaalf maanden.

## Waarden

- Telefoonnummers zoals mensen ze schrijven, bijvoorbeeld 0123-456789, 088-1234567,
  0800-2000, 0900-8844, 14 020 (gemeentenummer), 112 of +31 20 123 4567. Zet ze tussen
  aanhalingstekens (`"0800-2000"`), dan blijft de voorloopnul staan. Het profiel houdt het
  nummer zoals u het typte; elk document drukt het in één vorm: het netnummer met een
  streepje (020-1234567, 0595-123410, 06-12345678, 0800-2000), 14 020 en 112 zoals ze zijn,
  een buitenlands nummer als +32 2 555 12 12. Er verandert geen cijfer, en de tel:-link
  belt precies dat nummer.
- Webadressen beginnen met `https://` (of `http://`).
- Datums als JJJJ-MM-DD, bijvoorbeeld `2026-09-01`; de datum moet bestaan.
- Kleuren als hexadecimale code, bijvoorbeeld `"#1F5C99"` (met aanhalingstekens, want `#`
  begint in YAML een opmerking).
"""


_SPREADSHEET = """\
## Werken met een spreadsheet

Wie liever in Excel of LibreOffice Calc werkt dan in YAML, zet een profiel of regiobestand
om in een werkmap, vult die in en leest hem terug:

```sh
assembler exporteer kreekmonde.yaml -o kreekmonde.xlsx
assembler importeer kreekmonde.xlsx kreekmonde.yaml
```

In LibreOffice kiest u `-o kreekmonde.ods`: een ODF-rekenblad met dezelfde bladen,
keuzelijsten en uitleg, dat net zo terugleest.

De import controleert de werkmap met dezelfde controles en meldingen als
`assembler controleer`, maar noemt blad en cel, zoals `Partners!G3`. Bij een fout wordt
niets geschreven. Anders wordt het YAML-bestand bijgewerkt: opmerkingen, volgorde en
ongewijzigde waarden blijven staan, en de import zegt wat er veranderde, in dezelfde woorden
als `assembler wijzigingen`, en in welke cel (oud -> nieuw). Een werkmap zonder wijzigingen
laat het bestand ongemoeid. De werkmap van een regiobestand bevat ook per gemeente een set
bladen (zoals "Kreekmonde Partners"); de import werkt dan het regiobestand en elk
gemeenteprofiel bij.

Spelregels: voeg geen bladen of kolommen toe, voeg geen cellen samen, gebruik geen formules
(ze worden niet uitgerekend maar geweigerd) en sla op als `.xlsx` of `.ods` zonder macro's.
Telefoonnummers zijn tekst; lijsten (praktijken, stappen, partners) scheidt u met komma's;
ja en nee kiest u uit de lijst in de cel. Datums zijn datumcellen die Excel en Calc tonen als
DD-MM-JJJJ; typ 15-10-2026 of 2026-10-15. Een lege cel laat het veld weg. Bij
`kaarten.doelgroepen` geeft een lege cel de standaard; typ `geen` voor geen enkele
kaartenset per beroepsgroep. Op de bladen Partners en Geschiedenis is elke rij één partner
of één eerdere editie: een lege rij telt niet mee, een gewiste rij haalt die partner of editie
uit het profiel. Stelt u een nieuwe editie vast, zet dan de vorige editie op het blad
Geschiedenis en de nieuwe versie en datum op het blad Gemeente.
"""


def _sheets_markdown() -> str:
    from assembler.profile.workbook.layout import GEMEENTE_SHEETS, INTRO_SHEET, REGIO_SHEETS

    lines = [_SPREADSHEET]
    for title, sheets in (("een gemeenteprofiel", GEMEENTE_SHEETS), ("een regiobestand", REGIO_SHEETS)):
        lines.append(f"De werkmap van {title} heeft naast het blad {INTRO_SHEET} deze bladen:\n")
        lines.append("| Blad | Inhoud |")
        lines.append("| --- | --- |")
        lines.extend(f"| {sheet.name} | {_cell(sheet.about)} |" for sheet in sheets)
        lines.append("")
    return "\n".join(lines)


def schema_markdown() -> str:
    """The profile reference (docs/profiel.md) in Markdown."""
    parts = [
        _INTRO,
        "## Gemeenteprofiel (`soort: gemeente`)\n",
        "\n".join(_table(GEMEENTE)) + "\n",
        "## Regiobestand (`soort: regio`)\n",
        "\n".join(_table(REGIO)) + "\n",
        _RULES,
        _sheets_markdown(),
    ]
    return "\n".join(parts)
