"""Run Python code in a child process and measure its peak resident memory.

The peak is the child's VmHWM (Linux /proc/self/status), read by the child as it ends. Not ru_maxrss from
getrusage or wait4: Linux carries the RSS of the address space a process was forked from into that figure at
exec, so a child of a 230 MB pytest process reports at least 230 MB whatever it does.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys

FOOTER = """
import json as _json, sys as _sys
_peak = [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
print(_json.dumps({"result": result, "peak_kb": _peak}))
"""


def _limit_address_space() -> None:
    # Before a fix, a bomb asks for GiBs: let the child fail with MemoryError instead of hurting the machine.
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def run_measured(code: str, *args: str) -> tuple[object, int]:
    """(the value `code` leaves in `result`, the child's peak RSS in KB)."""
    done = subprocess.run([sys.executable, "-c", code + FOOTER, *args], capture_output=True,
                          preexec_fn=_limit_address_space, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    answer = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return answer["result"], answer["peak_kb"]
