"""With a site address in the region file, the card QR code leads to the municipality's own page there."""

from __future__ import annotations

from pathlib import Path

from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile, load_region
from tests.builders.site.helpers import SITE_URL, make_region


def _qr(region: Path, name: str) -> str | None:
    loaded = load_region(region)
    data = load_profile(region.parent / "gemeenten" / f"{name}.yaml", region=loaded)
    return tailor(data, national_content()).kaarten.qr


def test_qr_points_to_the_site_page_of_the_municipality(tmp_path: Path) -> None:
    region = make_region(tmp_path)
    assert _qr(region, "testveld") == f"{SITE_URL}testveld/"


def test_without_a_site_the_website_stays(tmp_path: Path) -> None:
    region = make_region(tmp_path, site=False)
    assert _qr(region, "testveld") == "https://www.testdam.test/schadelijke-praktijken"


def test_an_own_qr_address_wins(tmp_path: Path) -> None:
    region = make_region(tmp_path)
    path = tmp_path / "gemeenten" / "testdam.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  doelgroepen: [onderwijs, huisartsen]\n",
            "  doelgroepen: [onderwijs, huisartsen]\n  qr: https://www.testdam.test/eigen\n",
            1,
        ),
        encoding="utf-8",
    )
    assert _qr(region, "testdam") == "https://www.testdam.test/eigen"
