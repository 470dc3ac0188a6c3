"""Hostile input: every case is refused with its reason or rendered safely, and nothing is read or written where it should not be."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import lxml.html
import pypdf
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from markupsafe import Markup
from PIL import Image
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from assembler.builders.web.weasy import render_pdf
from assembler.builders.word.builder import check_docx, render_docx
from assembler.builders.word.env import finalize
from assembler.errors import BuildError, OutputError, ProfileError, TemplateError
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.municipality import build_profile
from assembler.pipeline.output import TEMP_PREFIX
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE, FIXTURE_REGION, Invoke, edit, line_of

# ---------------------------------------------------------------------------
# Watching the process: which files it opens and whether it touches the network

_SEEN: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _SEEN is not None and event in ("open", "socket.connect", "socket.getaddrinfo"):
        _SEEN.append(f"{event} {args[0]!s}")


sys.addaudithook(_audit)  # permanent by design; it records only inside `watched()`


@contextlib.contextmanager
def watched() -> Iterator[list[str]]:
    """Every file opened and every connection tried while the block runs."""
    global _SEEN
    _SEEN = seen = []
    try:
        yield seen
    finally:
        _SEEN = None


def touched(seen: list[str], *paths: str) -> list[str]:
    return [entry for entry in seen if any(path in entry for path in paths)]


def files_under(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def temp_files(root: Path) -> list[Path]:
    return sorted(root.rglob(f"{TEMP_PREFIX}*"))


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------
# Names that look like paths


@pytest.mark.parametrize(
    ("naam", "folder"),
    [
        ("../../etc", "etc"),
        ("/etc/passwd", "etc-passwd"),
        ("..", "gemeente"),
        ("C:\\Windows\\System32", "c-windows-system32"),
        ("~/.ssh/authorized_keys", "ssh-authorized-keys"),
    ],
)
def test_a_name_like_a_path_becomes_a_folder_inside_the_output(
    profile, tmp_path: Path, naam: str, folder: str
) -> None:
    path = profile(("naam: Testdam\n", f"naam: {quoted(naam)}\n"))
    out = tmp_path / "uit" / "diep"
    before = files_under(tmp_path)
    result = build_profile(path, out, ("docx",))
    assert result.folder == (out / folder).resolve()
    after = files_under(tmp_path)
    new = [p for p in after if p not in before]
    assert new and all(out.resolve() in p.resolve().parents for p in new), new
    assert all(after[p] == data for p, data in before.items())  # nothing else changed
    assert result.files == [out.resolve() / folder / f"routekaart-{folder}.docx"]
    assert docx.Document(str(result.files[0])).core_properties.title.endswith(naam)


def test_a_symlinked_municipality_folder_pointing_outside_is_refused(profile, tmp_path: Path) -> None:
    outside = tmp_path / "elders"
    outside.mkdir()
    out = tmp_path / "uit"
    out.mkdir()
    (out / "testdam").symlink_to(outside)
    with pytest.raises(OutputError, match="buiten de uitvoermap"):
        build_profile(profile(), out, ("docx",))
    assert list(outside.iterdir()) == []


# ---------------------------------------------------------------------------
# Logos: only PNG or JPEG, at most 5 MB and 10 000 px a side, judged by content


def logo_profile(profile, value: str) -> tuple[Path, int]:
    path = profile(("naam: Testdam\n", f"naam: Testdam\nlogo: {quoted(value)}\n"))
    return path, line_of(path.read_text(encoding="utf-8"), "logo:")


@pytest.mark.parametrize("value", ["../" * 40 + "etc/passwd", "/etc/passwd"], ids=["traversal", "absolute"])
def test_a_logo_path_to_a_system_file_is_refused(run: Invoke, profile, tmp_path: Path, value: str) -> None:
    path, line = logo_profile(profile, value)
    result = run("validate", path)
    assert result.exit_code == 1
    assert (
        f"{path}:{line}:7: logo: logo is geen PNG- of JPEG-afbeelding (gekeken naar de inhoud"
        in result.output
    )
    out = tmp_path / "uit"
    assert run("build", path, "-o", out).exit_code == 1
    assert not out.exists()


SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
<image xlink:href="file:///etc/passwd" width="10" height="10"/>
<use href="http://example.com/x.svg#a"/>
</svg>
"""


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"], ids=["svg", "svg-named-png"])
def test_an_svg_logo_with_an_external_reference_is_refused(
    run: Invoke, profile, tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_text(SVG, encoding="utf-8")
    path, line = logo_profile(profile, name)
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"{path}:{line}:7: logo: logo is geen PNG- of JPEG-afbeelding" in result.output


def test_a_12000_pixel_logo_is_refused_with_its_size(run: Invoke, profile, tmp_path: Path) -> None:
    Image.new("1", (12_000, 8)).save(tmp_path / "breed.png")
    path, line = logo_profile(profile, "breed.png")
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"{path}:{line}:7: logo: logo is 12000 × 8 pixels; hooguit 10000 pixels per zijde" in result.output


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size it does not have: the header of a decompression bomb."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + struct.pack(">I", 0)
        + b"IEND"
        + struct.pack(">I", zlib.crc32(b"IEND"))
    )


@pytest.mark.parametrize("side", [12_000, 40_000])
def test_a_decompression_bomb_is_refused_without_decoding_it(
    run: Invoke, profile, tmp_path: Path, side: int
) -> None:
    (tmp_path / "bom.png").write_bytes(png_header(side, side))
    path, line = logo_profile(profile, "bom.png")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Pillow's DecompressionBombWarning must not reach the user
        start = time.perf_counter()
        result = run("validate", path)
    assert time.perf_counter() - start < 5
    assert result.exit_code == 1
    assert f"{path}:{line}:7: logo: logo is {side} × {side} pixels; hooguit 10000" in result.output


# ---------------------------------------------------------------------------
# YAML


def test_a_yaml_alias_bomb_is_refused_quickly(run: Invoke, write) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    path = write("\n".join(["soort: gemeente", *lines]) + "\n")
    start = time.perf_counter()
    result = run("validate", path)
    assert time.perf_counter() - start < 2
    assert result.exit_code == 1
    assert f"{path}:2:4: a: anker '&a' wordt niet ondersteund; schrijf de waarden voluit" in result.output
    with pytest.raises(ProfileError):
        load_profile(path)


# ---------------------------------------------------------------------------
# Templates: the sandbox, and the check that finds the same escapes before a render

ESCAPES = {
    "mro": ("{{ ''.__class__.__mro__ }}", "'\"\".__class__' is afgeschermd", "'__class__' is afgeschermd"),
    "class": (
        "{{ gemeente.__class__ }}",
        "'gemeente.__class__' is afgeschermd",
        "'__class__' is afgeschermd",
    ),
    "globals": (
        "{{ cycler.__init__.__globals__ }}",
        "'cycler.__init__' is afgeschermd",
        "'__init__' is afgeschermd",
    ),
    "subclasses": (
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
        "'().__class__' is afgeschermd",
        "'__class__' is afgeschermd",
    ),
    "attr": (
        "{{ gemeente|attr('__class__') }}",
        "'attr('__class__')' is afgeschermd",
        "'__class__' is afgeschermd",
    ),
    "format": (
        "{{ '{0.__class__}'.format(gemeente) }}",
        "'{0.__class__}' is afgeschermd",
        "'__class__' is afgeschermd",
    ),
    "origin": (
        "{{ veilig_thuis.telefoon.origin }}",
        "'veilig_thuis.telefoon.origin' is afgeschermd",
        "'origin' is afgeschermd",
    ),
    "read-file": (
        "{{ logo.read_text() }}",
        "'logo.read_text' is afgeschermd: een sjabloon kan geen bestanden lezen of schrijven",
        "'read_text' is afgeschermd",
    ),
    "write-file": (
        "{{ logo_afbeelding.tpl.save('/tmp/routekaart-sandbox-escape.docx') }}",
        "'logo_afbeelding.tpl' bestaat niet",
        "'tpl' is afgeschermd",
    ),
    "include": (
        "{% include '/etc/passwd' %}",
        "een Word-sjabloon kan geen andere sjablonen invoegen",
        "kan geen andere sjablonen of bestanden invoegen ('/etc/passwd'",
    ),
    "import": (
        "{% import '../../../etc/passwd' as p %}",
        "een Word-sjabloon kan geen andere sjablonen invoegen",
        "kan geen andere sjablonen of bestanden invoegen ('../../../etc/passwd'",
    ),
    "extends": (
        "{% extends '/etc/passwd' %}",
        "een Word-sjabloon kan geen andere sjablonen invoegen",
        "kan geen andere sjablonen of bestanden invoegen ('/etc/passwd'",
    ),
}


def one_paragraph_template(path: Path, text: str, header: bool = False) -> Path:
    document = docx.Document()
    if header:  # a concept is marked in the header, so a template for one needs a header
        document.sections[0].header.paragraphs[0].text = "Routekaart {{ gemeente }}"
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Routekaart {{ gemeente }}")
    document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def brugstad():
    """The fixture municipality with a logo, so `logo` and `logo_afbeelding` hold something."""
    return tailor(load_profile(FIXTURE_REGION / "gemeenten" / "brugstad.yaml"), national_content())


@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_check_template_flags_the_escape_with_its_place(run: Invoke, tmp_path: Path, case: str) -> None:
    source, checked, _ = ESCAPES[case]
    template = one_paragraph_template(tmp_path / "buur.docx", source)
    result = run("check-template", template)
    assert result.exit_code == 1
    assert f"buur.docx: alinea 3 (hoofdstuk 'Inleiding'): {checked}" in result.output


@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_the_sandbox_refuses_the_escape_even_without_the_check(brugstad, tmp_path: Path, case: str) -> None:
    source, _, refused = ESCAPES[case]
    template = one_paragraph_template(tmp_path / "buur.docx", source)
    with watched() as seen, pytest.raises(TemplateError) as caught:
        render_docx(brugstad, template, lambda p: (b"", ""))
    message = str(caught.value)
    assert message.startswith("buur.docx: ")
    assert refused in message
    assert "Traceback" not in message and "object is unsafe" not in message  # Dutch, not Jinja's English
    assert touched(seen, "/etc/passwd") == []
    assert not Path("/tmp/routekaart-sandbox-escape.docx").exists()


def test_a_build_with_an_escaping_template_writes_nothing(run: Invoke, profile, tmp_path: Path) -> None:
    template = one_paragraph_template(tmp_path / "buur.docx", "{{ gemeente.__class__.__mro__ }}")
    out = tmp_path / "uit"
    result = run("build", profile(), "--formaat", "docx", "--sjabloon", template, "-o", out)
    assert result.exit_code == 1
    assert "Fout: eigen sjabloon niet bruikbaar (1 probleem)" in result.output
    assert "'gemeente.__class__' is afgeschermd" in result.output
    assert not out.exists()


ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


def with_extra_part(path: Path, name: str, data: bytes) -> Path:
    """The same .docx with one more part in its zip."""
    with zipfile.ZipFile(path) as package:
        members = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for info, content in members:
            package.writestr(info, content)
        package.writestr(name, data)
    return path


def test_check_template_refuses_what_word_would_fetch_or_run(run: Invoke, tmp_path: Path) -> None:
    template = tmp_path / "buur.docx"
    document = docx.Document()
    document.add_heading("Inleiding", 1)
    paragraph = document.add_paragraph("Routekaart {{ gemeente }}")
    paragraph._p.append(
        parse_xml(
            f"<w:fldSimple {nsdecls('w')} w:instr=' INCLUDETEXT \"C:\\\\Users\\\\x\\\\geheim.docx\" '>"
            "<w:r><w:t>x</w:t></w:r></w:fldSimple>"
        )
    )
    document.part._settings_part.relate_to(  # Word's "attached template", fetched on opening
        "https://kwaad.example/sjabloon.dotm", ATTACHED_TEMPLATE, is_external=True
    )
    document.save(str(template))
    with_extra_part(template, "word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    result = run("check-template", template)
    assert result.exit_code == 1
    out = result.output
    assert "buur.docx: bevat macro's of ingesloten programmaonderdelen (word/vbaProject.bin)" in out
    assert (
        "buur.docx: verwijst naar een extern bestand dat Word bij het openen ophaalt "
        "(attachedTemplate: https://kwaad.example/sjabloon.dotm)"
    ) in out
    assert (
        "buur.docx: word/document.xml: veld INCLUDETEXT haalt bij het bijwerken een ander bestand op" in out
    )
    built = run(
        "build",
        FIXTURE_REGION / "gemeenten" / "dijkmond.yaml",
        "--formaat",
        "docx",
        "--sjabloon",
        template,
        "-o",
        tmp_path / "uit",
    )
    assert built.exit_code == 1
    assert "Fout: eigen sjabloon niet bruikbaar (3 problemen)" in built.output
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{{ 10 ** 100000 }}", "machtsverheffen tot meer dan 64"),
        ("{{ 'x' * 100000000 }}", "herhalen met * tot meer dan 100000 tekens"),
        ("{% for i in range(10**5 * 10) %}{% endfor %}", "range() met meer dan 100000 stappen"),
        ("{{ 1 / 0 }}", "deling door nul"),
    ],
)
def test_a_template_cannot_exhaust_memory_or_crash(
    brugstad, tmp_path: Path, source: str, reason: str
) -> None:
    template = one_paragraph_template(tmp_path / "buur.docx", source)
    with pytest.raises(TemplateError, match=re.escape(reason)):
        render_docx(brugstad, template, lambda p: (b"", ""))


def test_safe_cannot_smuggle_profile_text_into_the_document_xml(profile, tmp_path: Path) -> None:
    # A Word field that reads a local file when the reader's Word updates fields.
    field = "</w:t></w:r><w:fldSimple w:instr='INCLUDETEXT \"/etc/passwd\"'><w:r><w:t>x</w:t></w:r></w:fldSimple><w:r><w:t>"
    template = tmp_path / "eigen.docx"
    # The tags read as open placeholders ('<w:t>'), so this edition prints as a concept.
    one_paragraph_template(
        template, "{% for a in inleiding %}{{ a|safe }} {{ a|urlize }}{% endfor %}", header=True
    )
    path = profile(
        ("inleiding: In Testdam ligt het accent op preventie.", f"inleiding: {quoted(field)}"),
        ("naam: Testdam\n", "naam: Testdam\nsjabloon: eigen.docx\n"),
    )
    result = build_profile(path, tmp_path / "uit", ("docx",))
    data = result.files[0].read_bytes()
    check_docx("x.docx", data)
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "fldSimple" not in re.sub(r"&lt;.*?&gt;", "", body)  # only as escaped text
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    # The national framing comes first in `inleiding`; the local text follows it in the same paragraph.
    assert any(t.endswith(f"{field} {field}") for t in texts)


def test_the_output_filter_never_passes_a_character_xml_forbids() -> None:
    assert str(finalize("a\x01b\x0bc\ud800d\uffffe")) == "a b c d e"
    # Markup from |e or a macro is already escaped; forbidden characters and references to them go too.
    assert str(finalize(Markup("a\x02b &#1; &#x1f; &#65; &amp;"))) == "a b     &#65; &amp;"


def test_forbidden_characters_from_content_or_a_template_give_a_valid_document(
    brugstad, tmp_path: Path
) -> None:
    # National content is trusted, but a stray control character in it must not break the file.
    model = dataclasses.replace(
        brugstad, acuut_tekst="Bel\x01 112\x0c bij direct gevaar.", status="vastgesteld"
    )
    template = one_paragraph_template(
        tmp_path / "eigen.docx",
        '{{ acuut_tekst }}|{{ "x\\x07y"|e }}|{% macro m(v) %}[{{ v }}]{% endmacro %}{{ m("p\\x08q") }}',
    )
    data = render_docx(model, template, lambda p: (b"", ""))
    check_docx("eigen.docx", data)
    assert docx.Document(io.BytesIO(data)).paragraphs[2].text == "Bel  112  bij direct gevaar.|x y|[p q]"


def test_markup_in_profile_text_stays_text_in_the_web_page(profile, tmp_path: Path) -> None:
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)><!-- ]]>'
    path = profile(
        ("naam: Sociaal wijkteam Testdam", f"naam: {quoted(evil)}"),
        ("inleiding: In Testdam ligt het accent op preventie.", f"inleiding: {quoted(evil)}"),
    )
    result = build_profile(path, tmp_path / "uit", ("html",))
    page = lxml.html.document_fromstring(result.files[0].read_bytes())
    assert page.xpath("//script") == []
    assert page.xpath("//*[@onerror]") == []
    assert page.xpath("//img[@src='x']") == []
    assert evil in page.text_content()


# ---------------------------------------------------------------------------
# WeasyPrint's resources: templates and the profile's folder only, no network


def test_weasyprint_reads_nothing_outside_the_allowed_folders(tmp_path: Path) -> None:
    allowed = tmp_path / "profiel"
    allowed.mkdir()
    Image.new("RGB", (4, 4), "red").save(allowed / "goed.png")
    (allowed / "link.png").symlink_to("/etc/hostname")
    (allowed / "kwaad.svg").write_text(SVG, encoding="utf-8")
    html = f"""<html><head><style>@import url(file:///etc/passwd);
    body {{ background: url("file:///etc/hostname") }}</style>
    <link rel="stylesheet" href="../../../../../../../../etc/passwd"></head><body><p>Hallo</p>
    <img src="file://{allowed}/goed.png" alt="goed">
    <img src="file:///etc/hostname" alt="systeem">
    <img src="http://example.com/x.png" alt="net">
    <img src="file://{allowed}/link.png" alt="link">
    <img src="file://{allowed}/kwaad.svg" alt="svg"></body></html>"""
    with watched() as seen, pytest.raises(BuildError) as caught:
        render_pdf(html, "testdocument", roots=(allowed,))
    message = str(caught.value)
    assert "testdocument: onderdeel ontbreekt of is onjuist" in message
    assert "/etc/passwd ligt buiten de toegestane mappen" in message
    assert "/etc/hostname ligt buiten de toegestane mappen" in message
    assert "alleen lokale bestanden zijn toegestaan, niet http://example.com/x.png" in message
    assert touched(seen, str(allowed / "goed.png"))  # the watch works: the allowed file was read
    assert touched(seen, "/etc/passwd", "/etc/hostname") == []
    assert [e for e in seen if e.startswith("socket")] == []


# ---------------------------------------------------------------------------
# Control characters in every text field

INVISIBLE = "\u200b\u202e\x00"  # zero-width space, right-to-left override, NUL
STRUCTURED = {
    "id", "type", "telefoon", "spoed", "email", "website", "hoofdkleur", "soort", "regie",
    "coordinator", "formaat", "qr", "prioriteit", "versie", "partners", "praktijken", "stappen",
    "doelgroepen",
}  # fmt: skip
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")


def _spoil(node: object, key: str | None = None) -> object:
    """Every string gets invisible controls; free text also gets a vertical tab and a form feed for spaces."""
    if isinstance(node, dict):
        for k in list(node):
            node[k] = _spoil(node[k], k)
        return node
    if isinstance(node, list):
        return [_spoil(item, key) for item in node]
    if isinstance(node, str):
        text = node[:1] + INVISIBLE + node[1:]
        if key not in STRUCTURED:
            words = text.split(" ")
            text = "".join(w + "\v\f"[i % 2] for i, w in enumerate(words[:-1])) + words[-1]
        return DoubleQuotedScalarString(text)
    return node


def spoiled_profile() -> str:
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = False  # every control as an escape: "\v", "\0", "\u200B"
    data = yaml.load(BASE_PROFILE)
    _spoil(data)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def normal(text: str) -> str:
    return " ".join(text.split())


def docx_text(path: Path) -> str:
    """The body's text with line breaks (w:br) as whitespace."""
    body = docx.Document(str(path)).element.body
    return normal(
        " ".join(
            "".join(t.text or "" if t.tag == qn("w:t") else "\n" for t in p.iter(qn("w:t"), qn("w:br")))
            for p in body.iter(qn("w:p"))
        )
    )


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path), strict=True)
    return normal(" ".join(page.extract_text() for page in reader.pages))


def html_text(path: Path) -> str:
    return normal(lxml.html.document_fromstring(path.read_bytes()).text_content())


def check_spoiled_docx(spoiled: Path, clean: Path) -> None:
    data = spoiled.read_bytes()
    check_docx(spoiled.name, data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for member in package.namelist():
            if member.endswith((".xml", ".rels")):
                assert not FORBIDDEN.search(package.read(member).decode("utf-8")), member
    text = docx_text(spoiled)
    assert "Sociaal wijkteam Testdam" in text and "020-1234568" in text
    assert "In Testdam ligt het accent op preventie." in text
    assert text == docx_text(clean)
    # A vertical tab or form feed in a name is a line break where the name stands on its own.
    cells = [c.text for t in docx.Document(str(spoiled)).tables for r in t.rows for c in r.cells]
    assert "Sociaal\nwijkteam\nTestdam" in cells
    assert any(c.split("\n")[0] == "020-1234568" for c in cells)


def test_control_characters_in_every_text_field(tmp_path: Path) -> None:
    """The same profile twice, once with control characters in every text field, built in every
    format: the spoiled one gives valid files that read exactly like the clean one."""
    spoiled_yaml = spoiled_profile()
    for escape in ("\\v", "\\f", "\\0", "\\u200B", "\\u202E"):
        assert escape in spoiled_yaml
    assert spoiled_yaml.count("\\0") >= 30  # one NUL in every string of the profile
    built = {}
    for label, source in (("schoon", BASE_PROFILE), ("bedorven", spoiled_yaml)):
        (tmp_path / label).mkdir()
        (tmp_path / label / "testdam.yaml").write_text(source, encoding="utf-8")
        result = build_profile(tmp_path / label / "testdam.yaml", tmp_path / label / "uit")
        built[label] = {p.name: p for p in result.files}
    clean, spoiled = built["schoon"], built["bedorven"]
    assert sorted(spoiled) == sorted(clean)

    check_spoiled_docx(spoiled["routekaart-testdam.docx"], clean["routekaart-testdam.docx"])
    for name in ("routekaart-testdam.pdf", "zakkaarten-testdam.pdf", "zakkaarten-testdam-a4.pdf"):
        text = pdf_text(spoiled[name])
        assert "Testdam" in text and "020-1234568" in text, name
        assert not FORBIDDEN.search(text), name
        assert text == pdf_text(clean[name]), name
    html = spoiled["routekaart-testdam.html"]
    assert not FORBIDDEN.search(html.read_text(encoding="utf-8"))
    assert "Sociaal wijkteam Testdam" in html_text(html)
    assert html_text(html) == html_text(clean["routekaart-testdam.html"])


# ---------------------------------------------------------------------------
# No lost work: failures, hand-made files, interrupts


def test_a_failed_build_changes_nothing_and_leaves_no_temporary_files(profile, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    path = profile()
    build_profile(path, out, ("docx", "html"))
    before = files_under(out)
    bad = one_paragraph_template(tmp_path / "kapot.docx", "{{ gemeentenaam }}")
    with pytest.raises(TemplateError):
        build_profile(path, out, ("docx", "html"), template=bad)
    assert files_under(out) == before
    assert temp_files(out) == []


def test_a_full_disk_while_writing_changes_nothing(profile, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "uit"
    path = profile(("inleiding: In Testdam ligt het accent op preventie.", "inleiding: Eerste versie."))
    build_profile(path, out, ("docx", "html"))
    before = files_under(out)
    changed = profile(("inleiding: In Testdam ligt het accent op preventie.", "inleiding: Tweede versie."))
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        # The .docx is staged first; the disk is full when the .html follows.
        name = os.readlink(f"/proc/self/fd/{fd}")
        if TEMP_PREFIX in name and name.endswith(".html"):
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError, match=r"kan niet schrijven in .*No space left on device.*ongewijzigd"):
        build_profile(changed, out, ("docx", "html"))
    monkeypatch.undo()
    after = files_under(out)
    folder = out / "testdam"
    for name in ("routekaart-testdam.docx", "routekaart-testdam.html"):
        assert after[folder / name] == before[folder / name]
    assert temp_files(out) == []
    # The next run recognises its own files again and replaces them.
    build_profile(changed, out, ("docx", "html"))
    assert "Tweede versie." in (folder / "routekaart-testdam.html").read_text(encoding="utf-8")


def test_temporary_files_of_a_killed_run_are_cleared_by_the_next(profile, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    leftover = out / "testdam" / f"{TEMP_PREFIX}abc123.docx"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half")
    build_profile(profile(), out, ("docx",))
    assert temp_files(out) == []


def test_a_file_the_user_placed_is_never_overwritten(run: Invoke, profile, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    own = out / "testdam" / "routekaart-testdam.docx"
    own.parent.mkdir(parents=True)
    own.write_bytes(b"mijn eigen versie")
    result = run("build", profile(), "--formaat", "docx", "-o", out)
    assert result.exit_code == 1
    assert "staat al routekaart-testdam.docx, niet gemaakt door de toolkit" in result.output
    assert own.read_bytes() == b"mijn eigen versie"


def test_a_file_edited_by_hand_after_a_build_is_never_overwritten(
    run: Invoke, profile, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    path = profile()
    assert run("build", path, "--formaat", "docx", "-o", out).exit_code == 0
    target = out / "testdam" / "routekaart-testdam.docx"
    edited = target.read_bytes() + b"\n"
    target.write_bytes(edited)
    result = run("build", path, "--formaat", "docx", "-o", out)
    assert result.exit_code == 1
    assert "met de hand gewijzigd" in result.output
    assert target.read_bytes() == edited
    assert temp_files(out) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_an_interrupt_during_a_build_leaves_the_previous_outputs(tmp_path: Path, signum: int) -> None:
    out = tmp_path / "uit"
    profile = tmp_path / "testdam.yaml"
    profile.write_text(BASE_PROFILE, encoding="utf-8")
    formats = ("docx", "pdf")
    build_profile(profile, tmp_path / "vorige", formats)
    profile.write_text(
        edit(BASE_PROFILE, "In Testdam ligt het accent op preventie.", "Een nieuwe inleiding."),
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "assembler.cli",
        "build",
        str(profile),
        "-o",
        str(out),
        "--formaat",
        "docx,pdf",
    ]
    delay, outcomes = 1.0, []
    for _ in range(6):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(tmp_path / "vorige", out)
        before = files_under(out)
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # A shell's background job inherits SIGINT ignored, and Python then installs no handler
            # for it: give the build the default a user's terminal gives it.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        time.sleep(delay)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=120)
        outcomes.append((delay, process.returncode))
        if process.returncode == 130:
            assert "Afgebroken" in stderr and "Traceback" not in stderr
            assert files_under(out) == before
            assert temp_files(out) == []
            return
        # Too early (before Python's handler: the process dies of the signal) or too late (the
        # build had finished): retry.
        assert process.returncode in (0, -signum), (process.returncode, stderr)
        delay = delay * 1.5 if process.returncode == -signum else delay / 2
    pytest.fail(f"the signal never landed during a build: {outcomes}")
