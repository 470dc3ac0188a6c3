"""The batch manifest records which national content version the documents rest on."""

from __future__ import annotations

from assembler.batch.manifest import toolkit_fingerprint
from assembler.national import national_content


def test_fingerprint_names_the_content_version_and_date() -> None:
    info = national_content().info
    fingerprint = toolkit_fingerprint()
    assert fingerprint["landelijke_inhoud_versie"] == info.versie
    assert fingerprint["landelijke_inhoud_datum"] == info.datum.isoformat()
    assert fingerprint["landelijke_inhoud"] == national_content().digest
