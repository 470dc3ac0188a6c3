"""`--formaat odt` in a batch: each municipality's ODF routekaart is written, packed in its zip and
recorded in the manifest with its hash; it is among the formats a batch makes by default."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

from assembler.batch.run import run_batch
from assembler.builders import DEFAULT_FORMATS
from tests.conftest import FIXTURE_REGION

SLUGS = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")


def test_the_odt_is_written_zipped_and_in_the_manifest(tmp_path: Path) -> None:
    assert "odt" in DEFAULT_FORMATS
    out = tmp_path / "uit"
    result = run_batch(
        FIXTURE_REGION / "regio.yaml",
        out,
        jobs=1,
        today=dt.date(2026, 11, 29),
        formats=("odt",),
        echo=lambda _: None,
    )
    assert result.ok, result.summary()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for slug in SLUGS:
        rel = f"{slug}/routekaart-{slug}.odt"
        data = (out / rel).read_bytes()
        with zipfile.ZipFile(out / f"{slug}.zip") as archive:
            assert archive.namelist() == [rel]
            assert archive.read(rel) == data
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert package.namelist()[0] == "mimetype"
        entry = manifest["gemeenten"][slug]["uitvoer"][rel]
        assert entry == {"grootte": len(data), "sha256": hashlib.sha256(data).hexdigest()}
