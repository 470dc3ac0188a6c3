"""The address behind the QR code stands printed on the card, also on a credit card, so nobody has to trust the code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from assembler.pipeline.municipality import build_profile


def test_credit_card_prints_the_short_address_beside_the_qr_code(
    profile: Callable[..., Path], tmp_path: Path
) -> None:
    path = profile()  # the base profile: credit cards, qr https://www.testdam.test/qr
    result = build_profile(path, tmp_path / "uit", ("kaarten",))
    loose = next(p for p in result.files if not p.name.endswith("-a4.pdf"))
    texts = [page.extract_text() for page in PdfReader(loose).pages]
    backs = [t for t in texts if "testdam.test/qr" in t]
    assert backs, texts[:2]
    assert not any("https://" in t for t in backs)
