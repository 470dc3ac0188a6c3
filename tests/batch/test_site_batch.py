"""`assembler batch --site` over whole regions (the fixture region, the contract when present) and the command line."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from assembler.batch.run import run_batch
from tests.builders.site.helpers import EXIT_URL, TODAY, build, check_links, make_region, read
from tests.conftest import CONTRACT, CONTRACT_MISSING, FIXTURE_REGION, Invoke


@pytest.mark.parametrize("folder", [FIXTURE_REGION, CONTRACT], ids=["oeverland", "contract"])
def test_whole_region_builds_a_self_contained_site(tmp_path: Path, folder: Path) -> None:
    if not (folder / "regio.yaml").is_file():
        pytest.skip(CONTRACT_MISSING)
    # Under the edition rules these regions' municipalities print as concepts (stand-in texts, numbers
    # nobody checked), and a concept comes on the site only when the region file says so: a copy says so.
    source = tmp_path / "bron"
    shutil.copytree(folder, source)
    region = source / "regio.yaml"
    region.write_text(region.read_text(encoding="utf-8") + "site:\n  concepten_publiceren: true\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_batch(
        region,
        out,
        jobs=2,
        today=TODAY,
        formats=("docx", "html"),
        echo=lambda line: None,
        site=True,
    )
    assert result.ok, result.summary()
    site = out / "site"
    check_links(site, EXIT_URL)
    municipalities = [p.parent.name for p in site.glob("*/index.html") if p.parent.name != "toegankelijkheid"]
    index = read(site / "index.html")
    assert sorted(
        href
        for _, href in index.links
        if href.endswith("/index.html") and "/" in href and not href.startswith(("toegankelijkheid", "#"))
    ) == sorted(f"{m}/index.html" for m in municipalities)
    assert len(municipalities) == len(result.gemaakt)
    # Without site.url there is no address to put in a sitemap.
    assert not (site / "sitemap.xml").exists()
    # The manifest lists every file of the site with its hash, as it does the documents.
    listed = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["site"]["uitvoer"]
    on_disk = sorted(p.relative_to(out).as_posix() for p in site.rglob("*") if p.is_file())
    assert sorted(listed) == on_disk
    for rel, entry in listed.items():
        data = (out / rel).read_bytes()
        assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "grootte": len(data)}


def test_cli_site_flag_and_summary(tmp_path: Path, run: Invoke) -> None:
    region = make_region(tmp_path, site=False)
    out = tmp_path / "uit"
    result = run("batch", region, "-o", out, "-j", "1", "--site")
    assert result.exit_code == 0, result.output
    assert "Website:" in result.output
    check_links(out / "site", EXIT_URL)
    assert not (out / "site" / ".assembler-uitvoer.json").exists()


def test_a_failing_municipality_keeps_its_last_page(tmp_path: Path) -> None:
    region = make_region(tmp_path)
    out = tmp_path / "uit"
    assert build(region, out, formats=("html",)).ok
    page = (out / "site" / "testveld" / "index.html").read_bytes()
    profile = tmp_path / "gemeenten" / "testveld.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("soort: gemeente", "soort: gemeenteX"), encoding="utf-8"
    )
    result = build(region, out, formats=("html",))
    assert [f.naam for f in result.mislukt] == ["Testveld"]
    assert (out / "site" / "testveld" / "index.html").read_bytes() == page
    check_links(out / "site", EXIT_URL)


def test_a_file_in_site_that_the_toolkit_did_not_make_is_not_overwritten(tmp_path: Path) -> None:
    region = make_region(tmp_path)
    out = tmp_path / "uit"
    (out / "site").mkdir(parents=True)
    (out / "site" / "index.html").write_text("eigen pagina", encoding="utf-8")
    result = build(region, out, formats=("html",))
    assert not result.ok
    assert "niet door de toolkit gemaakt" in result.summary()
    assert (out / "site" / "index.html").read_text(encoding="utf-8") == "eigen pagina"


def test_a_municipality_that_leaves_the_region_leaves_the_site(tmp_path: Path) -> None:
    region = make_region(tmp_path)
    out = tmp_path / "uit"
    assert build(region, out, formats=("html",)).ok
    region.write_text(
        region.read_text(encoding="utf-8").replace("  - gemeenten/testveld.yaml\n", ""), encoding="utf-8"
    )
    assert build(region, out, formats=("html",)).ok
    assert not (out / "site" / "testveld").exists()
    assert "testveld" not in (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "testveld" not in (out / "site" / "sitemap.xml").read_text(encoding="utf-8")
    shutil.rmtree(out)
