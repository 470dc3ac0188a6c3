"""The Routekaart as an OpenDocument text (.odt): the Word edition's content and structure, written
natively with odfdo, for municipalities that publish editable documents in ODF as the Forum
Standaardisatie's "pas toe of leg uit" list asks."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from assembler.builders.base import Builder
from assembler.builders.odf.document import OdfWriter
from assembler.builders.odf.outline import fill_outline
from assembler.builders.odf.package import MIMETYPE, package_bytes
from assembler.errors import BuildError
from assembler.model.routekaart import Routekaart

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def render_odt(model: Routekaart) -> bytes:
    document = OdfWriter(model, fill_outline(model)).write()
    return package_bytes(document, model)


def check_odt(name: str, data: bytes) -> None:
    """Reopen the package as an office suite would: mimetype first and stored, every XML part sound,
    and text in the body."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            first = package.infolist()[0]
            if first.filename != MIMETYPE or first.compress_type != zipfile.ZIP_STORED:
                raise BuildError(f"{name}: het ODF-bestand begint niet met een onverpakt 'mimetype'")
            if package.read(MIMETYPE) != ODT_MIMETYPE:
                raise BuildError(f"{name}: het ODF-bestand is geen tekstdocument")
            broken = package.testzip()
            if broken is not None:
                raise BuildError(f"{name}: onderdeel {broken} in het ODF-bestand is beschadigd")
            parts = {n: etree.fromstring(package.read(n)) for n in package.namelist() if n.endswith(".xml")}
    except BuildError:
        raise
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, IndexError) as exc:
        raise BuildError(f"{name}: het gemaakte ODF-bestand is niet geldig ({exc})") from exc
    content = parts.get("content.xml")
    if (
        content is None
        or not "".join(t for p in content.iter(f"{TEXT}p", f"{TEXT}h") for t in p.itertext()).strip()
    ):
        raise BuildError(f"{name}: het gemaakte ODF-bestand bevat geen tekst")


class OdtBuilder(Builder[Routekaart]):
    """The ODF edition; a municipality's own Word template (`sjabloon`) shapes only the Word edition."""

    def render(self, model: Routekaart) -> dict[str, bytes]:
        return {self.filenames(model)[0]: render_odt(model)}

    def check(self, model: Routekaart, name: str, data: bytes) -> None:
        check_odt(name, data)
