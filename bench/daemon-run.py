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
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from common import ROOT, build_release

DOCKER = "/usr/local/bin/docker"


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pids_matching(*needles):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                text = handle.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if all(needle in text for needle in needles):
            found.append(int(entry))
    return found


def wait_for(host, env):
    for _ in range(120):
        if subprocess.run([DOCKER, "version"], env=dict(env, DOCKER_HOST=host), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            return
        time.sleep(0.25)
    sys.exit(f"engine at {host} did not come up")


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
    env = dict(os.environ, DOCKER_CONFIG=os.path.join(work, "cfg"))
    processes = []
    try:
        rootfs = os.path.join(work, "rootfs")
        subprocess.run([os.path.join(ROOT, "scripts/make-busybox-rootfs"), rootfs], check=True, stdout=subprocess.DEVNULL)
        tar = os.path.join(work, "rootfs.tar")
        subprocess.run(["tar", "-C", rootfs, "-cf", tar, "."], check=True)

        berth_host = f"unix://{work}/berth.sock"
        processes.append(subprocess.Popen([berthd, "--host", berth_host, "--data-root", f"{work}/berth-root"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        docker_host = f"unix://{work}/docker.sock"
        processes.append(subprocess.Popen(
            ["dockerd", "--host", docker_host, "--data-root", f"{work}/docker-root", "--exec-root", f"{work}/docker-exec",
             "--pidfile", f"{work}/docker.pid", "--bridge=none", "--iptables=false", "--ip6tables=false"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for(berth_host, env)
        wait_for(docker_host, env)
        for host in (berth_host, docker_host):
            with open(tar, "rb") as handle:
                subprocess.run([DOCKER, "import", "-", "busybox"], stdin=handle, env=dict(env, DOCKER_HOST=host),
                               check=True, stdout=subprocess.DEVNULL)

        run = [DOCKER, "run", "--rm", "--network", "none", "busybox", "true"]
        berth_env = dict(env, DOCKER_HOST=berth_host)
        docker_env = dict(env, DOCKER_HOST=docker_host)
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
        containerd_shim_rss = [rss_kib(pid) for pid in pids_matching("containerd-shim")
                               if os.path.exists(f"/proc/{pid}") and f"{work}" in open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")]
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
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for pid in pids_matching(work):
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        with open("/proc/self/mountinfo") as handle:
            mounts = [line.split()[4] for line in handle if line.split()[4].startswith(work)]
        for mount in sorted(mounts, reverse=True):
            subprocess.run(["umount", "-l", mount], stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
