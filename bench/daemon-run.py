#!/usr/bin/env python3
"""`docker run --rm busybox true` against berthd vs against dockerd, plus RSS.

Builds release binaries, starts a private berthd and a private reference
dockerd (Debian's docker.io: own socket and data root, no bridge, no iptables),
imports the same busybox rootfs into both, then alternates the stock docker CLI
between the two engines (`--network none` on both: Berth has no networking in
this run, and dockerd then skips its bridge work too). Also times
`berth run --rm busybox true`, and reads resident sizes: idle berthd vs
dockerd + containerd, and one berth-shim vs one containerd-shim per running
container.

usage: sudo bench/daemon-run.py [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from common import DOCKER, build_release, pids_matching, rss_kib, start_engines, stop_engines

def timed(command, env):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr.decode()}")
    return elapsed


def median_ms(values):
    return statistics.median(values) * 1000


def p90_ms(values):
    return sorted(values)[int(len(values) * 0.9) - 1] * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    if os.getuid() != 0:
        sys.exit("run as root")
    berthd = build_release("berthd")
    for product in ("berth-runtime", "berth-shim", "berth-init", "berth"):
        build_release(product)
    berth = os.path.join(os.path.dirname(berthd), "berth")
    work = tempfile.mkdtemp(prefix="berth-bench-daemon-")
    processes = []
    try:
        engines, processes = start_engines(work, berthd)
        berth_env, docker_env = engines["berthd"], engines["dockerd"]
        run = [DOCKER, "run", "--rm", "--network", "none", "busybox", "true"]
        for _ in range(3):
            timed(run, berth_env)
            timed(run, docker_env)
            timed([berth, "run", "--rm", "busybox", "true"], berth_env)
        berth_times, docker_times, cli_times = [], [], []
        for _ in range(args.runs):
            berth_times.append(timed(run, berth_env))
            docker_times.append(timed(run, docker_env))
            cli_times.append(timed([berth, "run", "--rm", "busybox", "true"], berth_env))

        # Idle: berthd trims its code working set after 3 s without requests.
        time.sleep(6)
        berthd_rss = rss_kib(processes[0].pid)
        docker_pids = [processes[1].pid] + pids_matching("containerd", f"{work}/docker-exec")
        docker_rss = sum(rss_kib(pid) for pid in set(docker_pids))

        for host_env in (berth_env, docker_env):
            for index in range(3):
                subprocess.run([DOCKER, "run", "-d", "--network", "none", "--name", f"idle{index}", "busybox", "sleep", "300"],
                               env=host_env, check=True, stdout=subprocess.DEVNULL)
        time.sleep(1)
        shim_rss = [rss_kib(pid) for pid in pids_matching("berth-shim", f"{work}/berth-root")]
        containerd_shim_rss = [rss_kib(pid) for pid in pids_matching("containerd-shim", work)]
        for host_env in (berth_env, docker_env):
            subprocess.run([DOCKER, "rm", "-f", "idle0", "idle1", "idle2"], env=host_env, stdout=subprocess.DEVNULL)

        print(f"runs: {args.runs} alternated")
        print("| engine / command | median | p90 |")
        print("|---|---|---|")
        print(f"| berthd ← `docker run --rm busybox true` | {median_ms(berth_times):.1f} ms | {p90_ms(berth_times):.1f} ms |")
        print(f"| dockerd 20.10 ← `docker run --rm busybox true` | {median_ms(docker_times):.1f} ms | {p90_ms(docker_times):.1f} ms |")
        print(f"| berthd ← `berth run --rm busybox true` | {median_ms(cli_times):.1f} ms | {p90_ms(cli_times):.1f} ms |")
        print(f"ratio berthd/dockerd (docker CLI): {median_ms(berth_times) / median_ms(docker_times):.3f}")
        print(f"ratio berth CLI/dockerd: {median_ms(cli_times) / median_ms(docker_times):.3f}")
        print(f"idle berthd RSS: {berthd_rss / 1024:.1f} MiB; dockerd + containerd RSS: {docker_rss / 1024:.1f} MiB")
        if shim_rss:
            print(f"berth-shim RSS per running container: {statistics.median(shim_rss) / 1024:.2f} MiB (n={len(shim_rss)})")
        if containerd_shim_rss:
            print(f"containerd-shim RSS per running container: {statistics.median(containerd_shim_rss) / 1024:.2f} MiB (n={len(containerd_shim_rss)})")
    finally:
        stop_engines(work, processes)


if __name__ == "__main__":
    main()
