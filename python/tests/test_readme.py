"""The README's Python examples run as written (from the repository root)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: Packages an example may need that nutgraf does not.
OPTIONAL = {"pandas", "pyarrow", "polars"}
BLOCKS = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_block_runs(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README
    except ImportError as e:
        # The data-frame example needs its optional readers.
        if e.name in OPTIONAL:
            pytest.skip(f"the example needs {e.name}: {e}")
        raise
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out


def test_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 2
