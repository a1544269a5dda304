#!/usr/bin/env python3
"""berth-runtime run vs runc run on one busybox bundle running `true`.

Alternates the two runtimes in one run (so both see the same machine state),
and reports median wall time, the ratio, and the peak resident size of each
runtime process (ru_maxrss from wait4, which covers the runtime and the
container init it reaps).

usage: sudo bench/runtime-run.py [--runs N] [--runtime PATH]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from common import ROOT, build_release


def make_bundle(work, runtime):
    bundle = os.path.join(work, "bundle")
    subprocess.run([os.path.join(ROOT, "scripts/make-busybox-rootfs"), os.path.join(bundle, "rootfs")], check=True)
    subprocess.run([runtime, "spec", "--bundle", bundle], check=True)
    path = os.path.join(bundle, "config.json")
    with open(path) as handle:
        text = handle.read()
    with open(path, "w") as handle:
        handle.write(text.replace('"sh"\n', '"true"\n'))
    return bundle


def timed_run(command):
    """Runs a command; returns (seconds, exit status)."""
    start = time.perf_counter()
    code = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode
    return time.perf_counter() - start, code


def peak_rss(command, work):
    """Peak resident KiB of the runtime and the container init it reaps.

    Measured through GNU time: a process's maxrss survives exec, so a child
    forked straight from this (large) Python process would report Python's size.
    """
    out = os.path.join(work, "rss")
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out] + command, check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    with open(out) as handle:
        return int(handle.read().split()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--runtime", help="berth-runtime binary (default: build release)")
    parser.add_argument("--runc", default=shutil.which("runc") or "/usr/sbin/runc")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("runtime-run: needs root")
    runtime = args.runtime or build_release("berth-runtime")
    work = tempfile.mkdtemp(prefix="berth-bench-")
    try:
        bundle = make_bundle(work, runtime)
        engines = {
            "berth-runtime": lambda i: [runtime, "--root", os.path.join(work, "berth-state"), "run", "--bundle", bundle, f"b{i}"],
            "runc": lambda i: [args.runc, "--root", os.path.join(work, "runc-state"), "run", "--bundle", bundle, f"r{i}"],
        }
        samples = {name: [] for name in engines}
        peaks = {name: [] for name in engines}
        for i in range(-3, args.runs):  # three warm-up rounds
            for name, command in engines.items():
                elapsed, code = timed_run(command(i + 3))
                if code != 0:
                    sys.exit(f"{name} run failed with exit code {code}")
                if i >= 0:
                    samples[name].append(elapsed * 1000)
        for i in range(10):
            for name, command in engines.items():
                peaks[name].append(peak_rss(command(args.runs + 10 + i), work))
        berth = statistics.median(samples["berth-runtime"])
        runc = statistics.median(samples["runc"])
        print(f"runs: {args.runs} each, alternated; {os.cpu_count()} cores; kernel {os.uname().release}")
        print("| runtime | median ms | p90 ms | peak RSS (max of 10) |")
        print("|---|---|---|---|")
        for name in engines:
            values = sorted(samples[name])
            p90 = values[int(len(values) * 0.9) - 1]
            print(f"| {name} | {statistics.median(values):.2f} | {p90:.2f} | {max(peaks[name]) / 1024:.1f} MiB |")
        print(f"ratio berth-runtime / runc (median): {berth / runc:.2f}")
    finally:
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
