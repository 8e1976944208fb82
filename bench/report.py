#!/usr/bin/env python3
"""Prints each benchmark's score and its ratio to the peer (handWrittenSdk) from JMH's JSON result."""
import json
import sys

results = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "bench/target/jmh.json"))
scores = {r["benchmark"].rsplit(".", 1)[1]: (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
          for r in results}
# each of ours against its peer: whole publishes against hand-written SDK code, CPU work against Jackson alone
peers = {"publisherValidating": "handWrittenSdk", "publisherWithoutValidation": "handWrittenSdk",
         "prepareWithValidation": "serialiseOnly"}
for name, (score, error) in sorted(scores.items()):
    peer = peers.get(name)
    ratio = f"   {score / scores[peer][0]:5.2f} x {peer}" if peer in scores else "   (peer)"
    print(f"{name:28s} {score:12.1f} ± {error:9.1f} ops/s{ratio}")
