"""Shared helpers for the benchmark scripts."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_release(product):
    """Builds `product` in release mode and returns the binary's path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, product)


DOCKER = "/usr/local/bin/docker"


def wait_for_engine(env):
    """Waits until the engine at env["DOCKER_HOST"] answers `docker version`."""
    import sys
    import time
    for _ in range(120):
        if subprocess.run([DOCKER, "version"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return
        time.sleep(0.25)
    sys.exit(f"engine at {env['DOCKER_HOST']} did not come up")


def start_engines(work, berthd):
    """A private berthd and a private reference dockerd (its own socket, data
    root and containerd; no bridge, no iptables), each with the busybox rootfs
    imported as `busybox`. Returns ({"berthd": env, "dockerd": env}, processes)."""
    rootfs = os.path.join(work, "rootfs")
    subprocess.run([os.path.join(ROOT, "scripts/make-busybox-rootfs"), rootfs], check=True, stdout=subprocess.DEVNULL)
    tar = os.path.join(work, "rootfs.tar")
    subprocess.run(["tar", "-C", rootfs, "-cf", tar, "."], check=True)
    base = dict(os.environ, DOCKER_CONFIG=os.path.join(work, "cfg"))
    engines = {
        "berthd": dict(base, DOCKER_HOST=f"unix://{work}/berth.sock"),
        "dockerd": dict(base, DOCKER_HOST=f"unix://{work}/docker.sock"),
    }
    processes = [
        subprocess.Popen([berthd, "--host", engines["berthd"]["DOCKER_HOST"], "--data-root", f"{work}/berth-root"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen(["dockerd", "--host", engines["dockerd"]["DOCKER_HOST"], "--data-root", f"{work}/docker-root",
                          "--exec-root", f"{work}/docker-exec", "--pidfile", f"{work}/docker.pid", "--bridge=none",
                          "--iptables=false", "--ip6tables=false"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    for env in engines.values():
        wait_for_engine(env)
        with open(tar, "rb") as handle:
            subprocess.run([DOCKER, "import", "-", "busybox"], stdin=handle, env=env, check=True, stdout=subprocess.DEVNULL)
    return engines, processes


def rss_kib(pid):
    """A process's VmRSS in KiB (0 when gone)."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pids_matching(*needles):
    """Processes whose command line contains every needle."""
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


def stop_engines(work, processes):
    """Stops the engines, kills anything still tied to `work`, unmounts and removes it."""
    import shutil
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
