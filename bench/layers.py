#!/usr/bin/env python3
"""Layer extraction and layer creation: Berth's library vs GNU tar (+ gzip).

extract: a ~200 MiB layer tar (6000 small files in nested directories plus
         three 50 MiB files, part text, part random) unpacked into an empty
         directory on a tmpfs — `tar -xf` vs `berth-bench extract` (SafeExtractor).
create:  a ~100 MiB directory turned into a gzip layer —
         `tar -cf - . | gzip -6` vs `berth-bench layer` (LayerDiff + ParallelGzipSink).
The two sides alternate in one run; medians and throughput are reported.

usage: sudo bench/layers.py [--runs N]
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from common import build_release
WORDS = [w.encode() for w in "the quick brown fox jumps over a lazy dog container layer image berth swift".split()]


def text(rng, size):
    out = bytearray()
    while len(out) < size:
        out += rng.choice(WORDS) + b" "
    return bytes(out[:size])


def make_tree(path, small_files, large_files, large_size, seed):
    rng = random.Random(seed)
    for i in range(small_files):
        directory = os.path.join(path, f"d{i % 40}", f"e{i % 7}")
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"f{i}.txt"), "wb") as handle:
            handle.write(text(rng, rng.randint(1024, 16384)))
    for i in range(large_files):
        with open(os.path.join(path, f"large{i}.bin"), "wb") as handle:
            half = large_size // 2
            handle.write(text(rng, half))
            handle.write(os.urandom(large_size - half))


def tree_bytes(path):
    total = 0
    for directory, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(directory, name)) for name in files)
    return total


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("layers: needs root (tar keeps owners as root)")
    bench = build_release("berth-bench")
    work = tempfile.mkdtemp(prefix="berth-layers-bench-")
    try:
        source = os.path.join(work, "source")
        make_tree(source, 6000, 3, 50 << 20, seed=1)
        layer = os.path.join(work, "layer.tar")
        subprocess.run(["tar", "-C", source, "-cf", layer, "."], check=True)
        size = os.path.getsize(layer)
        upper = os.path.join(work, "upper")
        make_tree(upper, 3000, 1, 70 << 20, seed=2)
        upper_size = tree_bytes(upper)

        # Extract onto a tmpfs: on this machine's ext4, file creation cost swings
        # 10x from run to run with the block freeing left by the previous run,
        # which would drown the difference between the two tools.
        scratch = os.path.join(work, "scratch")
        os.makedirs(scratch)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2g", "berth-bench", scratch], check=True)
        results = {"tar -xf": [], "berth extract": [], "tar | gzip -6": [], "berth layer (gzip)": []}
        for _ in range(args.runs):
            for name, command in (("tar -xf", ["tar", "-xf", layer, "-C"]), ("berth extract", [bench, "extract", layer])):
                destination = os.path.join(scratch, "dest")
                shutil.rmtree(destination, ignore_errors=True)
                os.makedirs(destination)
                results[name].append(timed(command + [destination]))
            out = os.path.join(work, "out.tar.gz")
            results["tar | gzip -6"].append(timed(["sh", "-c", f"tar -C '{upper}' -cf - . | gzip -6 > '{out}'"]))
            results["berth layer (gzip)"].append(timed([bench, "layer", upper, out]))

        print(f"runs: {args.runs} each, alternated; {os.cpu_count()} cores")
        print(f"extract: layer tar {size / (1 << 20):.0f} MiB; create: directory {upper_size / (1 << 20):.0f} MiB")
        print("| operation | median s | throughput MiB/s |")
        print("|---|---|---|")
        for name, values in results.items():
            volume = size if "extract" in name or "-xf" in name else upper_size
            median = statistics.median(values)
            print(f"| {name} | {median:.3f} | {volume / (1 << 20) / median:.0f} |")
        extract_ratio = statistics.median(results["tar -xf"]) / statistics.median(results["berth extract"])
        create_ratio = statistics.median(results["tar | gzip -6"]) / statistics.median(results["berth layer (gzip)"])
        print(f"extraction throughput, berth / GNU tar: {extract_ratio:.2f}x")
        print(f"layer creation throughput, berth / tar|gzip: {create_ratio:.2f}x")
    finally:
        subprocess.run(["umount", os.path.join(work, "scratch")], stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
