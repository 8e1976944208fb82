#!/usr/bin/env python3
"""Cold start, what a Lambda user feels: fresh JVMs doing their first event, ours against hand-written.

  publisher   PublisherGenerated (generated facade, validation on, the publisher's own async client)
              against PublisherHandWritten (SDK sync client and Jackson), each publishing one event to a
              local PutEvents endpoint that this script serves (the service's JSON wire format)
  subscriber  SubscriberGenerated (the generated dispatcher reads an SQS message body) against
              SubscriberHandWritten (Jackson reads the envelope and binds the detail)

Each program prints the milliseconds from its JVM's start to its first event done. Every round runs the
four programs interleaved (the order reversed in even rounds); the script prints the medians with their
spread and the median of the per-round differences, ours minus hand-written (target: at most +50 ms),
and, last, one line with both differences.

usage: run.py [--rounds R] [--smoke] [--variants]
  --variants  also run PublisherGenerated with the SDK's sync client, and without validation, to see
              where the publisher's extra time goes
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


def run(cp, program, *args):
    out = subprocess.run(["java", "-cp", cp, PKG + program.split(":")[0], *args], check=True, capture_output=True, text=True,
                         env={**os.environ, "AWS_REGION": "us-east-1"}).stdout
    for line in out.splitlines():
        if line.startswith("first-event-ms="):
            return int(line.split("=")[1])
    raise SystemExit(f"{program} printed no first-event-ms: {out}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--smoke", action="store_true", help="one round, to check the script works")
    parser.add_argument("--variants", action="store_true")
    args = parser.parse_args()
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
    times = {p: [] for p, _ in programs}
    try:
        for r in range(rounds):
            for program, program_args in (programs if r % 2 == 0 else list(reversed(programs))):
                times[program].append(run(cp, program, *program_args))
            print(f"  round {r + 1}: " + ", ".join(f"{p} {times[p][-1]} ms" for p, _ in programs), flush=True)
    finally:
        server.shutdown()
        os.unlink(envelope)
    print(f"cold start, {rounds} round(s), ms from JVM start to the first event done, median (min-max):")
    for program, _ in programs:
        t = times[program]
        print(f"  {program:34s} {statistics.median(t):.0f} ({min(t)}-{max(t)})")
    summary = []
    for side in ("Publisher", "Subscriber"):
        diffs = [a - b for a, b in zip(times[side + "Generated"], times[side + "HandWritten"])]
        median = statistics.median(diffs)
        print(f"  {side.lower()}: ours - hand-written {median:+.0f} ms ({min(diffs):+d} to {max(diffs):+d})"
              f"  target <= +50 ms: {'met' if median <= 50 else 'missed'}")
        summary.append(f"{side.lower()} {median:+.0f} ms")
    print("ours - hand-written: " + ", ".join(summary))


if __name__ == "__main__":
    main()
