"""The classpath of the bench module (its classes and its runtime dependencies), for the benchmark scripts."""
import os
import sys

TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "target")


def classpath():
    listing = os.path.join(TARGET, "classpath.txt")
    if not os.path.isfile(listing):
        sys.exit("bench/target/classpath.txt is missing: build first with"
                 " ./mvnw -q -Pbench -DskipTests -Dinvoker.skip package")
    with open(listing) as f:
        return os.path.join(TARGET, "classes") + os.pathsep + f.read().strip()
