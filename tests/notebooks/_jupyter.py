"""What the notebook and browser tests share: paths and a kernel of this venv.

Notebooks ask for the ``python3`` kernel. Jupyter looks it up in its data
paths, where a ``python3`` kernelspec of another Python (say in
``~/.local/share/jupyter``) could come first; :func:`kernel_env` writes one
that starts ``sys.executable`` - the venv the tests run in - into a temporary
folder that is searched first (``JUPYTER_PATH``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SAMPLE = ROOT / "data" / "sample"
NAMES = (
    "01_capture.ipynb",
    "02_my_trends.ipynb",
    "03_coach_overview.ipynb",
    "04_review_session.ipynb",
)
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def write_kernelspec(data_dir: Path) -> Path:
    """A ``python3`` kernelspec under ``data_dir/kernels`` that runs this interpreter."""
    folder = data_dir / "kernels" / "python3"
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": KERNELSPEC["display_name"],
        "language": "python",
        "metadata": {"debugger": False},
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def kernel_env(base: Path) -> dict[str, str]:
    """Environment variables for a Jupyter process that uses only this venv's kernel.

    Config, runtime and IPython folders are temporary too, so that a user's
    own Jupyter settings (a password, another kernel) cannot change the test.
    """
    data_dir = base / "jupyter-data"
    write_kernelspec(data_dir)
    for sub in ("jupyter-config", "jupyter-runtime", "ipython"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    return {
        "JUPYTER_PATH": str(data_dir),
        "JUPYTER_CONFIG_DIR": str(base / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(base / "jupyter-runtime"),
        "IPYTHONDIR": str(base / "ipython"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # quiets a debugpy warning on kernel start
    }


def tree_digest(folder: Path) -> str:
    """A digest of every file's path and bytes under ``folder``: to check nothing wrote there."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(os.fsencode(path.relative_to(folder)))
        h.update(path.read_bytes())
    return h.hexdigest()
