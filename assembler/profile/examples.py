"""Example values left in a profile: the starter profile's made-up names and the reserved `.example` domain.

`assembler init` marks every name it makes up with "(voorbeeld)" and uses addresses on
`.example`, a domain that never exists. Such a value is fine while a profile is being filled
in, but it must not reach a published routekaart unnoticed, so `validate` names each one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from assembler.problems import Problem
from assembler.profile.loader import Document, iter_paths
from assembler.profile.schema import EXAMPLE_MARK

EXAMPLE_DOMAIN = "example"
# Fields holding an address: their host decides.
_ADDRESS_FIELDS = {"email", "website", "qr", "url", "pagina"}


def example_host(value: str) -> bool:
    """Whether an e-mail address or URL lies on the reserved `.example` domain."""
    host = value.rsplit("@", 1)[-1] if "@" in value and "://" not in value else urlparse(value).hostname or ""
    host = host.lower().rstrip(".")
    return host == EXAMPLE_DOMAIN or host.endswith("." + EXAMPLE_DOMAIN)


def example_name(value: Any) -> bool:
    """Whether a text is one the starter profile made up (it carries the example mark)."""
    return isinstance(value, str) and EXAMPLE_MARK in value


def is_example_contact(raw: Mapping[str, Any]) -> bool:
    """A partner or Veilig Thuis that is still the starter's example, not a real organisation."""
    return example_name(raw.get("naam"))


def example_values(doc: Document) -> list[Problem]:
    """A warning with its place for every example value still in the file."""
    problems = []
    for path, value in iter_paths(doc.data):
        if not isinstance(value, str) or not path:
            continue
        field = str(path[-1]) if not isinstance(path[-1], int) else str(path[-2]) if len(path) > 1 else ""
        if field in _ADDRESS_FIELDS and example_host(value):
            problems.append(
                doc.problem(
                    path,
                    f"'{value}' is een voorbeeldadres (het domein .example bestaat niet); vul het adres "
                    "van de organisatie zelf in of laat het veld weg",
                    warning=True,
                )
            )
        elif example_name(value):
            problems.append(
                doc.problem(
                    path,
                    f"'{value}' is een voorbeeldwaarde uit het startprofiel; vervang haar door de "
                    "gegevens van uw gemeente",
                    warning=True,
                )
            )
    return problems
