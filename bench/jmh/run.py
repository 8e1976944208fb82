#!/usr/bin/env python3
"""JMH benchmarks, each against its peer, in interleaved rounds.

Each round runs every benchmark method as its own JMH invocation (one fork), in the order A B C in odd
rounds and C B A in even ones, so that drift on this noisy machine hits both sides of a ratio alike. Per
round it computes each ratio; it prints the median and the spread (min-max) over the rounds, the
allocation per operation (JMH's GC profiler), and, last, one line with the ratios the targets are about.

  encode      EncodeBenchmark: ours / handWritten (target <= 1.3), ours / jacksonOnly, ns per event
  throughput  ThroughputBenchmark: publisherAutoBatching / handWrittenBatches (target >= 0.95),
              publisherAutoBatching / handWrittenOnePerCall (target >= 8), events per second; and
              publisherAutoBatchingUnvalidated / handWrittenBatches, what schema validation costs, and
              publisherTenPerCall / handWrittenBatches, ours with the peer's shape (10 events per call)

usage: run.py [--rounds R] [--suite encode|throughput|all] [--smoke]
Build first: ./mvnw -q -Pbench -DskipTests -Dinvoker.skip package
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from classpath import classpath  # noqa: E402  (bench/classpath.py)
PKG = "io.github.usereventbus.bench."

SUITES = {
    "encode": ("EncodeBenchmark", ["ours", "handWritten", "jacksonOnly"],
               [("ours", "handWritten", "<=", 1.3), ("ours", "jacksonOnly", None, None),
                ("handWritten", "jacksonOnly", None, None)], "ns/event"),
    "throughput": ("ThroughputBenchmark", ["publisherAutoBatching", "handWrittenBatches", "handWrittenOnePerCall",
                                           "publisherAutoBatchingUnvalidated", "publisherTenPerCall"],
                   [("publisherAutoBatching", "handWrittenBatches", ">=", 0.95),
                    ("publisherAutoBatching", "handWrittenOnePerCall", ">=", 8.0),
                    ("publisherAutoBatchingUnvalidated", "handWrittenBatches", None, None),
                    ("publisherTenPerCall", "handWrittenBatches", None, None)], "events/s"),
}


# On this 2-core machine the JIT compiler threads take one core for a long time: after 12 s of warm-up an
# async-profiler run of the throughput benchmark still found 33-43% of the CPU samples in C1/C2 compiler
# threads (more for ours, which has networknt's code to compile too); after 40 s, 2%. 40 s it is.
WARMUP = {"EncodeBenchmark": ["-wi", "3", "-w", "1s"], "ThroughputBenchmark": ["-wi", "40", "-w", "1s"]}


def run_one(cp, cls, method, smoke):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        result_file = out.name
    timing = ["-wi", "1", "-w", "200ms", "-i", "1", "-r", "200ms"] if smoke else [*WARMUP[cls], "-i", "5", "-r", "1s"]
    cmd = ["java", "-cp", cp, "org.openjdk.jmh.Main", f"{PKG}{cls}.{method}$", "-f", "1", *timing,
           "-prof", "gc", "-rf", "json", "-rff", result_file]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with open(result_file) as f:
        data = json.load(f)
    os.unlink(result_file)
    result = data[0]
    score = result["primaryMetric"]["score"]
    alloc = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    return score, alloc


def spread(values):
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--suite", default="all", choices=["all", *SUITES])
    parser.add_argument("--smoke", action="store_true", help="tiny runs, to check the script works")
    args = parser.parse_args()
    cp = classpath()
    summary = []
    for name in (SUITES if args.suite == "all" else [args.suite]):
        cls, methods, pairs, unit = SUITES[name]
        scores = {m: [] for m in methods}
        allocs = {m: [] for m in methods}
        for r in range(args.rounds):
            order = methods if r % 2 == 0 else list(reversed(methods))
            for m in order:
                score, alloc = run_one(cp, cls, m, args.smoke)
                scores[m].append(score)
                if alloc is not None:
                    allocs[m].append(alloc)  # JMH divides by @OperationsPerInvocation already
            print(f"  {name} round {r + 1}: " + ", ".join(f"{m} {scores[m][-1]:.0f}" for m in methods), flush=True)
        print(f"{cls}, {args.rounds} round(s), median (min-max):")
        for m in methods:
            line = f"  {m:24s} {spread(scores[m])} {unit}"
            if allocs[m]:
                line += f", {statistics.median(allocs[m]):.0f} B allocated per event"
            print(line)
        for a, b, op, target in pairs:
            ratios = [x / y for x, y in zip(scores[a], scores[b])]
            verdict = "" if target is None else f"  target {op} {target}: " + (
                "met" if (statistics.median(ratios) <= target if op == "<=" else statistics.median(ratios) >= target)
                else "missed")
            print(f"  {a} / {b}: {spread(ratios)}{verdict}")
            if target is not None:
                summary.append(f"{a}/{b} {statistics.median(ratios):.2f}")
    print("ratios: " + ", ".join(summary))


if __name__ == "__main__":
    main()
