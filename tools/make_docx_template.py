"""Generates templates/routekaart.docx, the docxtpl template of the Routekaart, so it can be rebuilt exactly.

Run `python tools/make_docx_template.py` after changing the layout or the fixed Dutch text;
the national content itself lives in templates/content/*.yaml, never in this template.
Styles are real Word styles (Title, Heading 1-3, List Bullet, "Routekaart Tabel", ...) so a
communications officer can restyle the document in Word; the builder recolours them at render time.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

# The shared kit is a sibling script, not a package module.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_kit import (
    DASH,
    About,
    Idioms,
    Loop,
    Row,
    W,
    Writer,
    blank_document,
    package,
    simple_field,
)
from outline_kit import OutlineWriter

from assembler.model.routekaart import CHAPTERS  # docx_kit has put the repository on the path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "templates" / "routekaart.docx"
OUTLINE = ROOT / "templates" / "routekaart-outline.xml"

# ---------------------------------------------------------------------------
# Page set-up, header and footer

# Left and right of the tab in the running header; the footer's left part and the words before the
# page number ("pagina N van M"). The outline of the ODF edition uses the same.
HEADER = ("{{ gemeente }} · {{ titel }}", "versie {{ versie }}")
FOOTER = ("{{ status_tekst }}", "pagina ")


def page_setup(document: Document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.header_distance = section.footer_distance = Mm(11)
    # The cover has no header or footer; every later page does.
    section.different_first_page_header_footer = True

    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.add_run(HEADER[0])
    header.add_run(f"\t{HEADER[1]}")

    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run(f"{FOOTER[0]}\t{FOOTER[1]}")
    footer._p.append(parse_xml(simple_field("PAGE", "2")))
    footer._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve"> van </w:t></w:r>'))
    footer._p.append(parse_xml(simple_field("NUMPAGES", "2")))


# ---------------------------------------------------------------------------
# The document


def word_only(paragraph: Any, apply: Callable[[Paragraph], None]) -> None:
    """Direct formatting only the Word template carries. The outline of the ODF edition takes a
    paragraph's text, style, space before and keep; its styles (builders/odf/styles.py) do the rest."""
    if isinstance(paragraph, Paragraph):
        apply(paragraph)


def _after(points: float) -> Callable[[Paragraph], None]:
    def apply(paragraph: Paragraph) -> None:
        paragraph.paragraph_format.space_after = Pt(points)

    return apply


def _size(points: float) -> Callable[[Paragraph], None]:
    def apply(paragraph: Paragraph) -> None:
        paragraph.runs[0].font.size = Pt(points)

    return apply


def _not_bold(paragraph: Paragraph) -> None:
    paragraph.runs[0].font.bold = False


def cover(w: Idioms) -> None:
    """The PDF and HTML cover's elements in their order (templates/html/routekaart.html.j2):
    municipality, logo, title with the name under it and a rule, what the document is about,
    then status, date and version, the other details, and what to do in acute danger."""
    municipality = w.p(
        "", "Omslaggegevens", bold_prefix="Gemeente {{ gemeente }}{% if regio %}, regio {{ regio }}{% endif %}"
    )
    municipality.paragraph_format.space_before = Mm(20)  # the PDF cover's padding above it
    w.tag("{%p if logo_afbeelding %}")
    logo = w.p("{{ logo_afbeelding }}")
    logo.paragraph_format.space_before = Pt(18)
    word_only(logo, _after(24))
    w.tag("{%p endif %}")
    # Title and name are two Title paragraphs: one border group, so the rule runs under the name.
    title = w.p("{{ titel }}", "Title", keep=True)
    title.paragraph_format.space_before = Pt(30)
    word_only(title, _after(0))
    word_only(title, _size(28))
    name = w.p("{{ gemeente }}", "Title")
    name.paragraph_format.space_before = Pt(0)
    word_only(name, _size(34))
    w.p("Over {{ praktijken|map(attribute='naam')|map('lower')|opsomming }}", "Omslaggegevens")
    status = (
        "{% if vastgesteld_op_tekst %}Vastgesteld{% if vastgesteld_door %} door {{ vastgesteld_door }}"
        "{% endif %}{% else %}{{ status_tekst }}{% endif %}"
    )
    first = w.p(f"\t{status}", "Omslagregel", bold_prefix="Status")
    first.paragraph_format.space_before = Pt(42)
    w.p("\t{{ datum|datum }}", "Omslagregel", bold_prefix="Datum")
    w.p("\t{{ versie }}", "Omslagregel", bold_prefix="Versie")
    w.tag("{%p if herzien_voor_tekst %}")
    w.p("\t{{ herzien_voor_tekst }}", "Omslagregel", bold_prefix="Herzien vóór")
    w.tag("{%p endif %}")
    w.p(
        "\t{{ eigenaar.naam }}{% if eigenaar.functie %}, {{ eigenaar.functie }}{% endif %}",
        "Omslagregel",
        bold_prefix="Eigenaar",
    )
    w.tag("{%p if eigenaar.email or eigenaar.telefoon %}")
    w.p(
        "\t{% if eigenaar.email %}{{r mail(eigenaar.email) }}{% endif %}"
        "{% if eigenaar.email and eigenaar.telefoon %}, {% endif %}{{ eigenaar.telefoon or '' }}",
        "Omslagregel",
        bold_prefix="Contact",
    )
    w.tag("{%p endif %}")
    w.tag("{%p if website %}")
    w.p("\t{{r link(website) }}", "Omslagregel", bold_prefix="Website")
    w.tag("{%p endif %}")
    acute = w.p("{{ acuut_tekst }}", "Waarschuwing", keep=True)
    acute.paragraph_format.space_before = Pt(36)
    word_only(acute, _after(0))
    advice = w.p(
        "Advies of een melding: {{ veilig_thuis.naam }}, {{ veilig_thuis.telefoon }}, "
        "{{ veilig_thuis.bereikbaarheid }}.",
        "Waarschuwing",
    )
    word_only(advice, _not_bold)


def contents(w: Idioms) -> None:
    w.p("Inhoud", "TOC Heading")
    w.toc((1, 2), "Kies ‘Veld bijwerken’ (F9) om de inhoudsopgave te vullen.")


def concept(w: Idioms) -> None:
    """Why this edition is a concept, before anything else is read (CONCEPT is also in every header)."""
    w.tag("{%p if concept_redenen %}")
    w.p("{{ concept_uitleg }}", "Waarschuwing", bold_prefix="{{ concept_tekst }}. ")
    w.p("Waarom dit een concept is:", keep=True)
    w.bullets("concept_redenen", "{{ reden }}", "reden")
    w.tag("{%p endif %}")


def inleiding(w: Idioms) -> None:
    w.h(CHAPTERS["inleiding"], 1)
    concept(w)
    w.paras("inleiding")
    w.h("Maatwerk", 2)
    w.paras("maatwerk")
    w.h("Leeswijzer", 2)
    w.paras("leeswijzer")


def partner_table(w: Idioms, expr: str, var: str = "partner") -> None:
    w.table(
        ["Partner", "Rol", "Telefoon", "E-mail"],
        [40, 46, 29, 55],
        Loop(
            f"{var} in {expr}",
            [
                f"{{{{ {var}.naam }}}}",
                f"{{{{ {var}.rol or {var}.type_label }}}}",
                [
                    f"{{{{ {var}.telefoon or '{DASH}' }}}}{{% if {var}.spoed %}} (spoed: {{{{ {var}.spoed }}}})"
                    "{% endif %}",
                    f"{{%p if {var}.gecontroleerd_op %}}",
                    (f"gecontroleerd op {{{{ {var}.gecontroleerd_op|datum }}}}", "Tabelnoot"),
                    "{%p endif %}",
                ],
                f"{{% if {var}.email %}}{{{{r mail({var}.email) }}}}{{% else %}}{DASH}{{% endif %}}",
            ],
        ),
    )


def organisation_table(w: Idioms, expr: str) -> None:
    w.table(
        ["Organisatie", "Wat zij doet", "Contact"],
        [45, 80, 45],
        Loop(
            f"org in {expr}",
            [
                "{{ org.naam }}",
                "{{ org.rol }}",
                [
                    "{%p if org.telefoon %}",
                    "{{ org.telefoon }}{% if org.telefoon_toelichting %} ({{ org.telefoon_toelichting }})"
                    "{% endif %}",
                    "{%p endif %}",
                    "{%p if org.website %}",
                    "{{r link(org.website) }}",
                    "{%p endif %}",
                    "{%p if org.email %}",
                    "{{r mail(org.email) }}",
                    "{%p endif %}",
                    "{%p if not org.telefoon and not org.website and not org.email %}",
                    "Via Veilig Thuis of de eigen ketenpartners",
                    "{%p endif %}",
                    (
                        "Bron: {{ org.bron_domein }}{% if org.gecontroleerd_op %}, gecontroleerd op "
                        "{{ org.gecontroleerd_op|datum }}{% endif %}",
                        "Tabelnoot",
                    ),
                ],
            ],
        ),
    )


def praktijken(w: Idioms) -> None:
    w.h(CHAPTERS["praktijken"], 1)
    w.p(
        "Dit hoofdstuk beschrijft {% if praktijken|length == 1 %}de schadelijke praktijk{% else %}"
        "de {{ praktijken|length|getal }} schadelijke praktijken{% endif %} waarop {{ gemeente }} zich richt: "
        "{{ praktijken|map(attribute='naam')|map('lower')|opsomming }}."
    )
    w.p(
        "Per praktijk staat wat die inhoudt, aan welke signalen en risicofactoren u haar herkent, welke "
        "wetgeving geldt, welke extra aandachtspunten de meldcode kent en wat u wel en niet doet. Daarna "
        "volgen de organisaties die kunnen helpen, de situatie in {{ gemeente }} en de lokale en regionale "
        "partners. Een routeschema laat steeds zien welke weg een signaal aflegt en wie daarbij betrokken is."
    )
    w.tag("{%p for praktijk in praktijken %}")
    w.h(
        "{{ praktijk.naam }}{% if praktijk.afkorting %} ({{ praktijk.afkorting }}){% endif %}",
        2,
        page_break=True,
    )
    w.tag("{%p if praktijk.prioriteit_label %}")
    w.p(
        "{{ gemeente }} geeft deze praktijk prioriteit {{ praktijk.prioriteit_label|lower }}.",
        "Toelichting",
    )
    w.tag("{%p endif %}")
    w.paras("praktijk.omschrijving")

    w.tag("{%p if praktijk.feiten %}")
    w.h("Feiten en cijfers", 3)
    w.bullets("praktijk.feiten")
    w.tag("{%p endif %}")

    w.h("Signalen", 3)
    w.tag("{%p if praktijk.signalen %}")
    w.tag("{%p for groep in praktijk.signalen %}")
    w.p("{{ groep.kop }}", "Heading 4")
    w.bullets("groep.items")
    w.tag("{%p endfor %}")
    w.tag("{%p else %}")
    w.p(
        "Voor deze praktijk zijn geen afzonderlijke signalen beschreven. Neem elk vermoeden serieus en "
        "volg de meldcode."
    )
    w.tag("{%p endif %}")

    w.tag("{%p if praktijk.risicofactoren %}")
    w.h("Risicofactoren", 3)
    w.p("De kans op {{ praktijk.naam|lower }} is groter als een of meer van deze factoren spelen:")
    w.bullets("praktijk.risicofactoren")
    w.tag("{%p endif %}")

    w.h("Wat de wet zegt", 3)
    w.paras("praktijk.wetgeving")

    w.h("De meldcode bij {{ praktijk.naam|lower }}", 3)
    w.paras("praktijk.meldcode")

    w.h("Bij acuut gevaar", 3)
    w.bullets("praktijk.acuut")

    w.h("Wel en niet doen", 3)
    w.tag("{%p if praktijk.wel_doen %}")
    w.p("Wel doen", "Heading 4")
    w.bullets("praktijk.wel_doen")
    w.tag("{%p endif %}")
    w.p("Niet doen", "Heading 4")
    w.bullets("praktijk.niet_doen")

    w.h("Landelijke organisaties bij {{ praktijk.naam|lower }}", 3)
    w.tag("{%p if praktijk.organisaties %}")
    w.p(
        "Deze landelijke organisaties spelen een rol bij {{ praktijk.naam|lower }}. Wat zij doen en voor wie "
        "zij er zijn, staat in het hoofdstuk Betrokken organisaties. Voor advies en melden bij een casus is "
        "Veilig Thuis het aanspreekpunt.",
        keep=True,
    )
    w.bullets(
        "praktijk.organisaties",
        "{{ org.naam }}{% if org.telefoon %}, telefoon {{ org.telefoon }}{% endif %}"
        "{% if org.website %}: {{r link(org.website) }}{% endif %}",
        "org",
    )
    w.tag("{%p else %}")
    w.p(
        "Voor advies over {{ praktijk.naam|lower }} is {{ veilig_thuis.naam }} het aanspreekpunt, "
        "telefoon {{ veilig_thuis.telefoon }}."
    )
    w.tag("{%p endif %}")

    w.h("De situatie in {{ gemeente }}", 3)
    w.paras("praktijk.lokale_situatie")

    w.h("Partners in {{ gemeente }} en de regio", 3)
    w.tag("{%p if praktijk.partners %}")
    w.p(
        "{% if praktijk.partners|length == 1 %}Bij {{ praktijk.naam|lower }} is deze partner betrokken:"
        "{% else %}Bij {{ praktijk.naam|lower }} werken deze partners samen:{% endif %}",
        keep=True,
    )
    partner_table(w, "praktijk.partners")
    w.tag("{%p else %}")
    w.p(
        "Voor {{ praktijk.naam|lower }} zijn nog geen lokale of regionale partners vastgelegd. Professionals "
        "kunnen voor advies terecht bij {{ veilig_thuis.naam }}, telefoon {{ veilig_thuis.telefoon }}."
    )
    w.tag("{%p endif %}")

    w.h("Route bij signalen", 3)
    w.p(
        "Het schema laat zien welke weg een signaal van {{ praktijk.naam|lower }} in {{ gemeente }} aflegt "
        "en wie er bij elke stap betrokken is. Bij direct gevaar geldt altijd: bel 112.",
        keep=True,
    )
    picture = w.p("{{ routeschema(praktijk) }}")
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    w.p("Route bij signalen van {{ praktijk.naam|lower }} in {{ gemeente }}.", "Caption")

    w.tag("{%p endfor %}")


def wetgeving(w: Idioms) -> None:
    w.h(CHAPTERS["wetgeving"], 1)
    w.paras("wetgeving_inleiding")
    w.tag("{%p for wet in wetten %}")
    w.h("{{ wet.naam }}", 2)
    w.paras("wet.kern")
    w.tag("{%p endfor %}")
    w.h("De meldcode in {{ meldcode.stappen|length|getal }} stappen", 2)
    w.paras("meldcode.inleiding")
    w.tag("{%p for stap in meldcode.stappen %}")
    w.p("{{ stap.uitleg }}", "List Number", bold_prefix="{{ stap.naam }}. ")
    w.tag("{%p endfor %}")
    w.tag("{%p if meldcode.afwegingskader %}")
    w.h("Het afwegingskader", 3)
    w.paras("meldcode.afwegingskader")
    w.tag("{%p endif %}")


def organisaties(w: Idioms) -> None:
    w.h(CHAPTERS["organisaties"], 1)
    w.p(
        "Bij de aanpak van schadelijke praktijken werken landelijke, regionale en lokale organisaties samen. "
        "Dit hoofdstuk zet ze op een rij, met hun rol en hoe u ze bereikt."
    )
    w.h("Landelijk", 2)
    w.p("{{ organisaties_inleiding_landelijk }}", keep=True)
    w.tag("{%p if organisaties %}")
    organisation_table(w, "organisaties")
    w.tag("{%p else %}")
    w.p("Voor landelijke expertise is {{ veilig_thuis.naam }} het eerste aanspreekpunt.")
    w.tag("{%p endif %}")

    w.h("Regionaal", 2)
    w.p("{{ organisaties_inleiding_regionaal }}")
    w.h("{{ veilig_thuis.naam }}", 3)
    w.p(
        "{{ veilig_thuis.telefoon }}{% if veilig_thuis.bereikbaarheid %} ({{ veilig_thuis.bereikbaarheid }})"
        "{% endif %}",
        bold_prefix="Telefoon: ",
    )
    w.tag("{%p if veilig_thuis.email %}")
    w.p("{{r mail(veilig_thuis.email) }}", bold_prefix="E-mail: ")
    w.tag("{%p endif %}")
    w.tag("{%p if veilig_thuis.website %}")
    w.p("{{r link(veilig_thuis.website) }}", bold_prefix="Website: ")
    w.tag("{%p endif %}")
    w.tag("{%p if veilig_thuis.adres %}")
    w.p("{{ veilig_thuis.adres }}", bold_prefix="Adres: ")
    w.tag("{%p endif %}")
    w.tag("{%p if veilig_thuis.aandachtsfunctionaris_vgv %}")
    w.p(
        "{{ veilig_thuis.aandachtsfunctionaris_vgv.naam }}"
        "{% if veilig_thuis.aandachtsfunctionaris_vgv.telefoon %}, telefoon "
        "{{ veilig_thuis.aandachtsfunctionaris_vgv.telefoon }}{% endif %}"
        "{% if veilig_thuis.aandachtsfunctionaris_vgv.email %}, e-mail "
        "{{r mail(veilig_thuis.aandachtsfunctionaris_vgv.email) }}{% endif %}",
        bold_prefix="Aandachtsfunctionaris VGV: ",
    )
    w.tag("{%p endif %}")
    w.tag("{%p if veilig_thuis.gecontroleerd_op %}")
    w.p("{{ veilig_thuis.gecontroleerd_op|datum }}", bold_prefix="Gecontroleerd op: ")
    w.tag("{%p endif %}")
    w.p(
        "De afspraken van {{ veilig_thuis.naam }} met de gemeenten staan in het hoofdstuk Wat regelt de "
        "gemeente, onder Voor Veilig Thuis.",
        bold_prefix="Afspraken: ",
    )
    w.h("Regionale partners", 3)
    w.tag("{%p if partners_regionaal %}")
    w.p(
        "{% if partners_regionaal|length == 1 %}Deze partner werkt{% else %}Deze partners werken{% endif %} "
        "voor alle gemeenten in de regio:",
        keep=True,
    )
    partner_table(w, "partners_regionaal")
    w.tag("{%p else %}")
    w.p("Naast {{ veilig_thuis.naam }} zijn er geen regionale partners vastgelegd.")
    w.tag("{%p endif %}")

    w.h("Lokaal", 2)
    w.tag("{%p if partners_lokaal %}")
    w.p("{{ organisaties_inleiding_lokaal }}", keep=True)
    partner_table(w, "partners_lokaal")
    w.tag("{%p else %}")
    w.p(
        "{{ gemeente }} heeft in deze routekaart nog geen eigen lokale partners vastgelegd. Professionals "
        "kunnen terecht bij {{ veilig_thuis.naam }} en bij de regionale partners hierboven."
    )
    w.tag("{%p endif %}")


def ketenaanpak(w: Idioms) -> None:
    w.h(CHAPTERS["ketenaanpak"], 1)
    w.paras("ketenaanpak_inleiding")
    w.h("Regie en coördinatie", 2)
    w.p("{{ regie_tekst }}")
    w.tag("{%p if regie_noot %}")
    w.p("{{ regie_noot }}")
    w.tag("{%p endif %}")
    w.p("{{ coordinator_tekst }}")
    w.tag("{%p if coordinator and (coordinator.telefoon or coordinator.email) %}")
    w.p(
        "{% if coordinator.telefoon %}telefoon {{ coordinator.telefoon }}{% endif %}"
        "{% if coordinator.telefoon and coordinator.email %}, {% endif %}"
        "{% if coordinator.email %}e-mail {{r mail(coordinator.email) }}{% endif %}",
        bold_prefix="Contact {{ coordinator.naam }}: ",
    )
    w.tag("{%p endif %}")

    w.tag("{%p for stap in stappen %}")
    w.h("{{ stap.naam }}", 2)
    w.h("Doel", 3)
    w.paras("stap.doel")
    w.tag("{%p if stap.aandachtspunten %}")
    w.h("Aandachtspunten", 3)
    w.bullets("stap.aandachtspunten")
    w.tag("{%p endif %}")
    w.h("Afspraken in {{ gemeente }}", 3)
    # A stand-in text opens with its own "Standaardtekst:" marker (ketenstappen.yaml).
    w.paras("stap.afspraken")
    w.h("Partners", 3)
    w.tag("{%p if stap.partners %}")
    w.p(
        "{% if stap.partners|length == 1 %}In deze stap is deze partner betrokken:{% else %}In deze stap "
        "werken deze partners samen:{% endif %}",
        keep=True,
    )
    partner_table(w, "stap.partners")
    w.tag("{%p endif %}")
    w.tag("{%p if stap.geen_lokale_partner %}")
    after_table = w.p("{{ stap.geen_lokale_partner }}")
    after_table.paragraph_format.space_before = Pt(8)  # Word puts no space between a table and the next line
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")

    w.tag("{%p if sleutelpersonen_tekst %}")
    w.h("Sleutelpersonen", 2)
    w.p("{{ sleutelpersonen_tekst }}")
    w.tag("{%p endif %}")
    w.h("Deskundigheidsbevordering", 2)
    w.paras("deskundigheidsbevordering")
    w.tag("{%p if not deskundigheidsbevordering_eigen %}")
    w.p(
        "Dit is de standaardtekst: {{ gemeente }} heeft nog geen eigen afspraken over training en "
        "voorlichting vastgelegd."
    )
    w.tag("{%p endif %}")


def _sources(w: Idioms, item: str) -> None:
    """The official pages a handvat or topic rests on, with their addresses as links."""
    w.p(
        f"{{% if {item}.bronnen|length == 1 %}}Bron{{% else %}}Bronnen{{% endif %}}: "
        f"{{% for b in {item}.bronnen %}}{{{{ b.titel }}}} ({{{{ b.uitgever }}}}), {{{{r link(b.url) }}}}"
        "{% if not loop.last %}; {% else %}.{% endif %}{% endfor %}",
        "Toelichting",
    )


def _explained(w: Idioms, item: str, text: str) -> None:
    """A handvat or topic of "Voor Veilig Thuis": its name, what it means and the pages it rests on."""
    w.h(f"{{{{ {item}.naam }}}}", 3)
    w.p(f"{{{{ {item}.{text} }}}}")
    _sources(w, item)


def handvatten(w: Idioms) -> None:
    w.h(CHAPTERS["handvatten"], 1)
    w.paras("handvatten_inleiding")
    w.h("Overzicht", 2)
    w.table(
        ["Handvat", "Stand van zaken in {{ gemeente }}", "Wie"],
        [64, 62, 44],
        Loop("h in handvatten", ["{{ h.naam }}", "{{ h.status_tekst }}", "{{ h.wie or '–' }}"]),
    )
    w.tag("{%p for groep in handvatten_groepen %}")
    w.h("{{ groep.naam }}", 2)
    w.tag("{%p for h in groep.handvatten %}")
    _explained(w, "h", "wat")
    w.p("{{ h.status_tekst }}", bold_prefix="Stand van zaken in {{ gemeente }}: ")
    w.tag("{%p if h.wie %}")
    w.p("{{ h.wie }}", bold_prefix="Wie: ")
    w.tag("{%p endif %}")
    w.p("{{ h.afspraak_tekst }}", bold_prefix="Afspraak: ")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")
    w.h("Voor Veilig Thuis", 2)
    w.paras("handvatten_veilig_thuis")
    w.tag("{%p for a in veilig_thuis_afspraken %}")
    _explained(w, "a", "uitleg")
    w.p("{{ a.afspraak_tekst }}", bold_prefix="Afspraak: ")
    w.tag("{%p endfor %}")


def keuzes(w: Idioms) -> None:
    w.h(CHAPTERS["afspraken"], 1)
    w.p(
        "Dit overzicht vat de keuzes samen die {{ gemeente }} voor deze routekaart heeft gemaakt. De "
        "eigenaar van het document bewaakt dat ze actueel blijven."
    )
    w.table(
        ["Onderwerp", "Keuze in {{ gemeente }}"],
        [60, 110],
        Loop(
            "praktijk in praktijken",
            [
                "{{ praktijk.naam }}",
                "{% if praktijk.prioriteit_label %}Opgenomen, prioriteit {{ praktijk.prioriteit_label|lower }}"
                "{% else %}Opgenomen, zonder vastgelegde prioriteit{% endif %}",
            ],
        ),
        Row(
            [
                "Regie over de ketenaanpak",
                "{{ regie_label|hoofdletter }}{% if regie_herkomst %} (standaardkeuze"
                "{% if regie_herkomst == 'regio' %} van de regio{% endif %}){% endif %}",
            ]
        ),
        Row(
            [
                "Coördinator",
                "{% if coordinator %}{{ coordinator.naam }}{% else %}Nog niet aangewezen{% endif %}",
            ]
        ),
        Loop(
            "stap in stappen",
            [
                "Ketenstap: {{ stap.naam|lower }}",
                "{% if stap.afspraken_eigen %}Eigen lokale afspraken{% else %}Standaardafspraken uit deze "
                "routekaart{% endif %}{% if stap.partners %}; {{ stap.partners|length|getal }} "
                "{% if stap.partners|length == 1 %}partner{% else %}partners{% endif %}{% endif %}",
            ],
        ),
        Row(
            [
                "Sleutelpersonen",
                "{% if sleutelpersonen is none %}Nog geen keuze vastgelegd"
                "{% elif sleutelpersonen_herkomst %}Niet zelf vastgelegd (standaardkeuze"
                "{% if sleutelpersonen_herkomst == 'regio' %} van de regio{% endif %}: "
                "{% if sleutelpersonen %}ja{% else %}nee{% endif %})"
                "{% elif sleutelpersonen %}De gemeente werkt met sleutelpersonen"
                "{% else %}De gemeente werkt (nog) niet met sleutelpersonen{% endif %}",
            ]
        ),
        Row(
            [
                "Deskundigheidsbevordering",
                "{% if deskundigheidsbevordering_eigen %}Eigen afspraken{% else %}Standaardtekst uit deze "
                "routekaart{% endif %}",
            ]
        ),
        Row(
            [
                "Zakkaarten: formaat",
                "{% if kaarten.formaat == 'a6' %}A6 (105 × 148 mm){% else %}Creditcard (85,6 × 54 mm)"
                "{% endif %}",
            ]
        ),
        Row(
            [
                "Zakkaarten: doelgroepen",
                "{% if kaarten.doelgroep_namen %}{{ kaarten.doelgroep_namen|opsomming(klein=True) }}"
                "{% else %}Nog niet gekozen{% endif %}",
            ]
        ),
        Row(
            [
                "Eigenaar van dit document",
                "{{ eigenaar.naam }}{% if eigenaar.functie %}, {{ eigenaar.functie }}{% endif %}"
                "{% if eigenaar.email %} ({{r mail(eigenaar.email) }}){% endif %}",
            ]
        ),
        Row(["Versie", "{{ versie }}. {{ status_tekst }}"]),
        Row(["Landelijke inhoud", "Versie {{ inhoud_versie }} van {{ inhoud_datum_tekst }}"]),
        Row(
            [
                "Herziening",
                "{% if herzien_voor_tekst %}Vóór {{ herzien_voor_tekst }}{% else %}Nog geen datum "
                "vastgesteld{% endif %}",
            ]
        ),
    )


def akkoord(w: Idioms) -> None:
    """The sign-off sheet, the version history and the national changes, on a page of their own."""
    w.tag("{%p if akkoorden %}")
    w.h("Akkoord van de partners", 2, page_break=True)
    w.p("{{ akkoord_inleiding }}")
    w.table(
        ["Partner", "Ketenstappen", "Schadelijke praktijken", "Akkoord"],
        [40, 38, 40, 52],
        Loop(
            "rij in akkoorden",
            [
                "{{ rij.naam }}{% if rij.herkomst == 'regionaal' %} (regionaal){% endif %}",
                "{{ rij.stappen|join(', ') }}",
                "{% if rij.praktijken %}{{ rij.praktijken|join(', ') }}{% else %}geen{% endif %}",
                "{{ rij.status_tekst|hoofdletter }}",
            ],
        ),
    )
    w.tag("{%p endif %}")
    w.tag("{%p if geschiedenis %}")
    w.h("Versiegeschiedenis", 2)
    w.p("{{ geschiedenis_inleiding }}")
    w.table(
        ["Versie", "Vastgesteld", "Landelijke inhoud", "Wat veranderde"],
        [22, 38, 30, 80],
        Loop(
            "editie in geschiedenis",
            [
                "{{ editie.versie }}",
                "{{ editie.datum_tekst }}",
                "{% if editie.landelijke_versie %}versie {{ editie.landelijke_versie }}{% else %}niet vastgelegd{% endif %}",
                "{{ editie.samenvatting or '' }}",
            ],
        ),
    )
    w.tag("{%p endif %}")
    w.tag("{%p if landelijke_wijzigingen %}")
    w.h("Landelijke wijzigingen", 2)
    w.p("{{ landelijke_wijzigingen_inleiding }}", keep=True)
    w.bullets(
        "landelijke_wijzigingen",
        "Versie {{ wijziging.versie }} ({{ wijziging.datum|datum }}). {{ wijziging.samenvatting }}"
        "{% if wijziging.hoofdstukken %} Hoofdstukken: "
        "{{ wijziging.hoofdstukken|join(', ') }}.{% endif %}",
        "wijziging",
    )
    w.tag("{%p endif %}")


def bijlagen(w: Idioms) -> None:
    w.h(CHAPTERS["bijlagen"], 1)
    w.h("Contactlijst", 2)
    w.p("{{ contactlijst_inleiding }}")
    small = "Contactlijst"  # a smaller paragraph style, so the whole list fits on one page
    w.table(
        ["Naam", "Rol", "Telefoon", "E-mail", "Bereikbaar"],
        [34, 48, 26, 40, 22],
        Loop(
            "contact in contacten",
            [
                [
                    ("{{ contact.naam }}", small),
                    "{%p if contact.bron and contact.telefoon and not contact.gecontroleerd_op %}",
                    ("bron: {{ contact.bron_domein }}", small),
                    "{%p endif %}",
                ],
                [("{{ contact.rol|eerste_zin }}", small)],
                [
                    (
                        f"{{% if contact.telefoon %}}{{{{ contact.telefoon }}}}{{% else %}}{DASH}{{% endif %}}",
                        small,
                    ),
                    "{%p if contact.gecontroleerd_op %}",
                    ("gecontroleerd op {{ contact.gecontroleerd_op|datum }}", small),
                    "{%p endif %}",
                ],
                [
                    (
                        f"{{% if contact.email %}}{{{{r mail(contact.email) }}}}{{% else %}}{DASH}{{% endif %}}",
                        small,
                    )
                ],
                [
                    (
                        f"{{% if contact.bereikbaarheid %}}{{{{ contact.bereikbaarheid }}}}{{% else %}}{DASH}"
                        "{% endif %}",
                        small,
                    )
                ],
            ],
        ),
    )
    w.h("Begrippenlijst", 2, page_break=True)
    w.table(
        ["Begrip", "Uitleg"],
        [45, 125],
        Loop("begrip in begrippen", ["{{ begrip.term }}", "{{ begrip.uitleg }}"]),
    )
    w.h("Bronnen", 2, page_break=True)
    w.p(
        "De landelijke informatie in deze routekaart steunt op de volgende bronnen. Een datum staat er "
        "alleen bij als iemand de pagina zelf op die dag heeft nagekeken."
    )
    w.bullets(
        "bronnen",
        # A title that ends in its own question mark takes no comma after it.
        "{{ bron.titel }}{% if bron.titel[-1:] not in '?!' %},{% endif %} {{ bron.uitgever }}"
        "{% if bron.geraadpleegd %} (geraadpleegd op "
        "{{ bron.geraadpleegd|datum }}){% endif %}: {{r link(bron.url) }}",
        "bron",
    )
    w.p("Landelijke inhoud: versie {{ inhoud_versie }} van {{ inhoud_datum_tekst }}.")
    w.p("{{ controle_tekst }}")


ABOUT = About(
    title="Routekaart schadelijke praktijken",
    subject="Ketenaanpak schadelijke praktijken",
    keywords="schadelijke praktijken, routekaart, ketenaanpak",
    comments="Sjabloon voor de routekaart van een gemeente.",
)


SECTIONS = (
    cover,
    contents,
    inleiding,
    praktijken,
    wetgeving,
    organisaties,
    ketenaanpak,
    handvatten,
    keuzes,
    akkoord,
    bijlagen,
)


def build() -> bytes:
    document = blank_document(ABOUT, page_setup)
    writer = Writer(document)
    for section in SECTIONS:
        section(writer)
    return package(document)


def build_outline() -> bytes:
    """The same sections as the Word template, as the outline the ODF edition is made from."""
    writer = OutlineWriter()
    for section in SECTIONS:
        section(writer)
    running = [writer.running("header", *HEADER), writer.running("footer", *FOOTER, page_numbers=True)]
    return writer.text(running).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    parser.add_argument("--outline", type=Path, default=OUTLINE, help="where the ODF edition's outline goes")
    args = parser.parse_args()
    args.output.write_bytes(build())
    print(f"geschreven: {args.output}")
    args.outline.write_bytes(build_outline())
    print(f"geschreven: {args.outline}")


if __name__ == "__main__":
    main()
