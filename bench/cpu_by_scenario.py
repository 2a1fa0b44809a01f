"""CPU seconds each service process spends per scenario of a `bench/run.py` run: the figure that moves least
with the machine's load (req/s and latency move with what else runs on it). Runs bench/run.py with the
arguments given, reads utime + stime of requirements-svc, risk-svc and release-svc (/proc/<pid>/stat) each
time the run prints a scenario's result, and prints the difference per scenario; divide by the scenario's
requests (req/s × seconds, plus a few warm-up requests) for the CPU per request.

    .venv/bin/python bench/cpu_by_scenario.py /tmp/out.md --scale small \\
        --scenarios "item lookup,risk gate-query,gate,decide batch" --seconds 5

A scenario's figure also holds the process's background work (the decision snapshot's poll, the
scheduler) for the scenario's duration: compare it with the figure of a scenario that does not call the
process (release-svc during `item lookup`, say).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PIDS = re.compile(r"pids: requirements=(\d+) risk=(\d+) release=(\d+)")
RESULT = re.compile(r"\s+(\d+) ")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def main() -> None:
    out, args = sys.argv[1], sys.argv[2:]
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    with log.open("w") as sink:
        run = subprocess.Popen(
            [sys.executable, str(Path(__file__).parent / "run.py"), *args, "--out", out],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        pids: dict[str, int] = {}
        seen = 0
        marks: list[tuple[str, dict[str, float]]] = []
        while run.poll() is None:
            time.sleep(0.05)
            lines = log.read_text(errors="replace").splitlines()
            for line in lines[seen:]:
                if m := PIDS.search(line):
                    pids = dict(zip(("requirements", "risk", "release"), map(int, m.groups()), strict=True))
                if pids and (RESULT.match(line) or line.startswith("releases ")):
                    marks.append((line.strip()[:40], {k: cpu_seconds(v) for k, v in pids.items()}))
            seen = len(lines)
    print(log.read_text(errors="replace").splitlines()[-1])
    for (_, before), (label, after) in zip(marks, marks[1:], strict=False):
        print(f"{label:40s} " + "  ".join(f"{k} {after[k] - before[k]:.2f} s" for k in after))


if __name__ == "__main__":
    main()
