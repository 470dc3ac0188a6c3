"""The practices come from the content data: one added to praktijken.yaml is offered in profiles."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from ruamel.yaml import YAML

from assembler.national import PRACTICES, national_content
from assembler.resources import content_dir
from tests.conftest import BASE_PROFILE, ROOT, edit


def test_practices_are_the_keys_of_the_content_file_in_its_order() -> None:
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load((content_dir() / "praktijken.yaml").read_text(encoding="utf-8"))
    assert tuple(data) == PRACTICES
    assert tuple(national_content().praktijken) == PRACTICES


def test_a_practice_added_to_the_data_alone_is_offered_and_built(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(content_dir(), content)
    yaml = YAML()
    practices = yaml.load((content / "praktijken.yaml").read_text(encoding="utf-8"))
    extra = dict(practices["huwelijksdwang"])
    extra["naam"] = "Proefpraktijk"
    extra["afkorting"] = "PP"
    practices["proefpraktijk"] = extra
    with (content / "praktijken.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(practices, out)
    profile = tmp_path / "proef.yaml"
    profile.write_text(
        edit(BASE_PROFILE, "  eergerelateerd_geweld:\n", "  proefpraktijk: {}\n  eergerelateerd_geweld:\n"),
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        import assembler.resources as resources
        resources.content_dir = lambda: Path({str(content)!r})
        from assembler.profile.reading import load_profile
        from assembler.model.tailor import tailor
        from assembler.national import load_content
        profile = load_profile(Path({str(profile)!r}))
        model = tailor(profile, load_content(Path({str(content)!r})))
        print([p.naam for p in model.praktijken])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Proefpraktijk" in done.stdout
