#!/usr/bin/env python3
"""`docker exec CTR true` latency and 100 MB through `docker run -i cat`: berthd vs dockerd.

Same setup as bench/daemon-run.py (private berthd and private reference dockerd,
the same busybox image, `--network none`). Alternates the stock docker CLI
between the engines: exec latency over N runs into a running `sleep`
container, and the throughput of 100 MiB of random bytes piped through
`docker run -i --rm busybox cat` (no TTY), checked byte for byte.

usage: sudo bench/interactive.py [--runs N] [--megabytes M]
"""
import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time

from common import DOCKER, build_release, start_engines, stop_engines

def timed(command, env, stdin=None, stdout=subprocess.DEVNULL):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr.decode()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--megabytes", type=int, default=100)
    args = parser.parse_args()
    if os.getuid() != 0:
        sys.exit("run as root")
    berthd = build_release("berthd")
    for product in ("berth-runtime", "berth-shim", "berth-init"):
        build_release(product)
    work = tempfile.mkdtemp(prefix="berth-bench-interactive-")
    processes = []
    engines = {}
    try:
        engines, processes = start_engines(work, berthd)
        for engine_env in engines.values():
            subprocess.run([DOCKER, "run", "-d", "--network", "none", "--name", "target", "busybox", "sleep", "3000"],
                           env=engine_env, check=True, stdout=subprocess.DEVNULL)

        # The CLI's own floor for an exec: the same five requests answered at once by a stub.
        stub_socket = os.path.join(work, "stub.sock")
        stub = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "stub_engine.py"),
                                 stub_socket])
        processes.append(stub)
        for _ in range(50):
            if os.path.exists(stub_socket):
                break
            time.sleep(0.1)
        stub_env = dict(engines["berthd"], DOCKER_HOST=f"unix://{stub_socket}")

        # The CLI's own floor: one process start, a ping and one request.
        version_times = {name: [] for name in engines}
        for _ in range(args.runs):
            for name, engine_env in engines.items():
                version_times[name].append(timed([DOCKER, "version"], engine_env))
        exec_engines = dict(engines, stub=stub_env)
        exec_times = {name: [] for name in exec_engines}
        for _ in range(3):
            for engine_env in exec_engines.values():
                timed([DOCKER, "exec", "target", "true"], engine_env)
        for _ in range(args.runs):
            for name, engine_env in exec_engines.items():
                exec_times[name].append(timed([DOCKER, "exec", "target", "true"], engine_env))

        payload = os.path.join(work, "payload")
        with open(payload, "wb") as handle:
            handle.write(os.urandom(args.megabytes * 1024 * 1024))
        with open(payload, "rb") as handle:
            expected = hashlib.sha256(handle.read()).hexdigest()
        throughput = {name: [] for name in engines}
        for _ in range(5):
            for name, engine_env in engines.items():
                out = os.path.join(work, f"out-{name}")
                with open(payload, "rb") as source, open(out, "wb") as sink:
                    seconds = timed([DOCKER, "run", "-i", "--rm", "--network", "none", "busybox", "cat"], engine_env,
                                    stdin=source, stdout=sink)
                with open(out, "rb") as handle:
                    if hashlib.sha256(handle.read()).hexdigest() != expected:
                        sys.exit(f"{name}: output differs from input")
                throughput[name].append(args.megabytes / seconds)

        print(f"exec runs: {args.runs} alternated; cat: 5 × {args.megabytes} MiB alternated, sha256 checked")
        print("| engine | `docker exec target true` median | p90 | `run -i cat` median throughput |")
        print("|---|---|---|---|")
        for name in engines:
            values = sorted(exec_times[name])
            print(f"| {name} | {statistics.median(values) * 1000:.1f} ms | {values[int(len(values) * 0.9) - 1] * 1000:.1f} ms | "
                  f"{statistics.median(throughput[name]):.0f} MiB/s |")
        for name in engines:
            print(f"`docker version` against {name} (the CLI's floor): {statistics.median(version_times[name]) * 1000:.1f} ms")
        print(f"`docker exec target true` against the stub engine (the CLI's floor for an exec): "
              f"{statistics.median(exec_times['stub']) * 1000:.1f} ms")
        print(f"exec ratio berthd/dockerd: {statistics.median(exec_times['berthd']) / statistics.median(exec_times['dockerd']):.3f}")
        print(f"throughput ratio berthd/dockerd: {statistics.median(throughput['berthd']) / statistics.median(throughput['dockerd']):.2f}")
    finally:
        for engine_env in engines.values():
            subprocess.run([DOCKER, "rm", "-f", "target"], env=engine_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stop_engines(work, processes)


if __name__ == "__main__":
    main()
