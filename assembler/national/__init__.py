"""Loads the national standard content (templates/content/*.yaml) into frozen dataclasses.

The content is data with sources, kept apart from layout: updating a phone number
or a law means editing one YAML file, never a Word template. A national phone number
stands only in organisaties.yaml; every other text names it by a placeholder such as
``{nummer_veilig_thuis}`` (``nummer_`` and the organisation's id), filled in here when the
content is loaded, so a changed number reaches the routekaart and the cards alike. The
package reads as: `types` (the dataclasses), `loading` (the YAML files into them),
`checks` (sources and contact checks for check-content) and `handvatten` (what a
municipality arranges itself).
"""

from assembler.national.checks import (
    STALE_AFTER,
    ContactCheck,
    checks_off_own_domain,
    contact_checks,
    contact_status,
    own_source,
    report_lines,
    sources_off_own_domain,
    unofficial_sources,
)
from assembler.national.loading import (
    AUDIENCES,
    NUMBER_FIELDS,
    NUMBER_PLACEHOLDER,
    NUMBERED_ORGANISATIONS,
    PRACTICES,
    digest_of,
    load_content,
    load_content_info,
    national_content,
    numbers,
)
from assembler.national.types import (
    CONTENT_FILES,
    STEPS,
    CardText,
    ContentChange,
    ContentInfo,
    Law,
    Meldcode,
    MeldcodeStep,
    NationalContent,
    Organisation,
    PoliceRoute,
    PracticeContent,
    Profession,
    SignalGroup,
    Source,
    StepContent,
    Term,
    host_of,
    on_domain,
    version_key,
)

__all__ = [
    "AUDIENCES",
    "CONTENT_FILES",
    "NUMBERED_ORGANISATIONS",
    "NUMBER_FIELDS",
    "NUMBER_PLACEHOLDER",
    "PRACTICES",
    "STALE_AFTER",
    "STEPS",
    "CardText",
    "ContactCheck",
    "ContentChange",
    "ContentInfo",
    "Law",
    "Meldcode",
    "MeldcodeStep",
    "NationalContent",
    "Organisation",
    "PoliceRoute",
    "PracticeContent",
    "Profession",
    "SignalGroup",
    "Source",
    "StepContent",
    "Term",
    "checks_off_own_domain",
    "contact_checks",
    "contact_status",
    "digest_of",
    "host_of",
    "load_content",
    "load_content_info",
    "national_content",
    "numbers",
    "on_domain",
    "own_source",
    "report_lines",
    "sources_off_own_domain",
    "unofficial_sources",
    "version_key",
]
