#!/usr/bin/env python3
"""Cold start, what a Lambda user feels: fresh JVMs doing their first event, ours against hand-written.

  publisher   PublisherGenerated (generated facade, validation on, the publisher's own async client)
              against PublisherHandWritten (SDK sync client and Jackson), each publishing one event to a
              local PutEvents endpoint that this script serves (the service's JSON wire format)
  subscriber  SubscriberGenerated (the generated dispatcher reads an SQS message body) against
              SubscriberHandWritten (Jackson reads the envelope and binds the detail)

Each program prints the milliseconds from its JVM's start to its first event done. Every round runs the
four programs interleaved (the order reversed in even rounds), under two JIT settings: Lambda's (its Java 17
runtime stops tiered compilation at level 1) and the JVM's default. The script prints the medians with
their spread and the median of the per-round differences, ours minus hand-written (target, under Lambda's
setting: at most +50 ms), and, last, one line with all the differences.

usage: run.py [--rounds R] [--smoke] [--variants] [--serve PORT]
  --variants  also run PublisherGenerated with the SDK's sync client, and without validation, to see
              where the publisher's extra time goes
  --serve     only serve the PutEvents endpoint, for profiling a publisher program by hand
Build first: ./mvnw -q -Pbench -DskipTests -Dinvoker.skip package
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from classpath import classpath  # noqa: E402  (bench/classpath.py)
PKG = "io.github.usereventbus.bench.coldstart."


class PutEvents(BaseHTTPRequestHandler):
    """Acknowledges every entry of a PutEvents request, as the service does."""

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        entries = [{"EventId": str(uuid.uuid4())} for _ in request.get("Entries", [])]
        body = json.dumps({"FailedEntryCount": 0, "Entries": entries}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def envelope_file():
    with open(os.path.join(ROOT, "schemas", "src", "main", "schemas", "user-account-created.json")) as f:
        schema = json.load(f)
    envelope = {"version": "0", "id": str(uuid.uuid4()), "detail-type": schema["x-amazon-events-detail-type"],
                "source": schema["x-amazon-events-source"], "account": "123456789012",
                "time": "2026-11-29T12:00:00Z", "region": "eu-west-1", "resources": [],
                "detail": schema["examples"][0]}
    handle, path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(handle, "w") as f:
        json.dump(envelope, f)
    return path


# AWS Lambda's Java 17 runtime stops tiered compilation at level 1 (C1 only) by default, for faster cold starts
# (docs.aws.amazon.com/lambda/latest/dg/java-customization.html): that is what a Lambda user feels, and the
# target is about it. The JVM's own default (C1 and C2) is measured in the same rounds, for other hosts.
SETTINGS = [("lambda", ["-XX:TieredStopAtLevel=1"]), ("default-jit", [])]


def run(cp, program, jvm_options, *args):
    out = subprocess.run(["java", *jvm_options, "-cp", cp, PKG + program.split(":")[0], *args], check=True,
                         capture_output=True, text=True, env={**os.environ, "AWS_REGION": "us-east-1"}).stdout
    for line in out.splitlines():
        if line.startswith("first-event-ms="):
            return int(line.split("=")[1])
    raise SystemExit(f"{program} printed no first-event-ms: {out}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--smoke", action="store_true", help="one round, to check the script works")
    parser.add_argument("--variants", action="store_true")
    parser.add_argument("--serve", type=int, metavar="PORT",
                        help="only serve the PutEvents endpoint on this port until interrupted, to profile a program")
    args = parser.parse_args()
    if args.serve:
        print(f"PutEvents endpoint on http://127.0.0.1:{args.serve}; Ctrl-C stops it", flush=True)
        ThreadingHTTPServer(("127.0.0.1", args.serve), PutEvents).serve_forever()
    rounds = 1 if args.smoke else args.rounds
    cp = classpath()
    server = ThreadingHTTPServer(("127.0.0.1", 0), PutEvents)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    envelope = envelope_file()
    programs = [("PublisherGenerated", [endpoint]), ("PublisherHandWritten", [endpoint]),
                ("SubscriberGenerated", [envelope]), ("SubscriberHandWritten", [envelope])]
    if args.variants:
        programs += [("PublisherGenerated:sync-client", [endpoint, "sync-client"]),
                     ("PublisherGenerated:no-validation", [endpoint, "no-validation"])]
    runs = [(setting, program, program_args) for setting, _ in SETTINGS for program, program_args in programs]
    times = {(setting, p): [] for setting, p, _ in runs}
    options = dict(SETTINGS)
    try:
        for r in range(rounds):
            for setting, program, program_args in (runs if r % 2 == 0 else list(reversed(runs))):
                times[(setting, program)].append(run(cp, program, options[setting], *program_args))
            print(f"  round {r + 1}: " + ", ".join(f"{s}/{p} {times[(s, p)][-1]} ms" for s, p, _ in runs), flush=True)
    finally:
        server.shutdown()
        os.unlink(envelope)
    summary = []
    for setting, jvm_options in SETTINGS:
        print(f"cold start, {setting} ({' '.join(jvm_options) or 'no JIT option'}), {rounds} round(s),"
              " ms from JVM start to the first event done, median (min-max):")
        for program, _ in programs:
            t = times[(setting, program)]
            print(f"  {program:34s} {statistics.median(t):.0f} ({min(t)}-{max(t)})")
        for side in ("Publisher", "Subscriber"):
            diffs = [a - b for a, b in zip(times[(setting, side + "Generated")], times[(setting, side + "HandWritten")])]
            median = statistics.median(diffs)
            verdict = f"  target <= +50 ms: {'met' if median <= 50 else 'missed'}" if setting == "lambda" else ""
            print(f"  {side.lower()}: ours - hand-written {median:+.0f} ms ({min(diffs):+d} to {max(diffs):+d}){verdict}")
            summary.append(f"{setting} {side.lower()} {median:+.0f} ms")
    print("ours - hand-written: " + ", ".join(summary))


if __name__ == "__main__":
    main()
