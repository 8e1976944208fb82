#!/usr/bin/env python3
"""Generation benchmark: the user-event-bus plugin against jsonschema2pojo-maven-plugin, same schemas.

Two small Maven projects read the same N schemas (made by make_schemas.py). Each round runs every
scenario on both, interleaved (ours, theirs, ours, theirs...), timing whole Maven invocations:
  cold       mvn clean compile
  unchanged  mvn compile, nothing changed
  changed    one schema changed (a new optional property), then mvn compile
  gen-cold   mvn clean generate-sources          (generation alone)
  gen-one    one schema changed, mvn generate-sources
  startup    mvn validate                        (Maven's own start-up, subtracted where said)
It prints the median and the spread (min-max) of the per-round ratios ours/theirs, and ours' own
incremental ratio: (gen-one - startup) / (gen-cold - startup). The last line is the cold-build ratio.

usage: run.py [--schemas N] [--rounds R] [--repo DIR] [--thousand]
  --repo     a Maven local repository holding this project's artifacts (default: Maven's own; install
             them first with ./mvnw -q install -DskipTests -Dinvoker.skip)
  --thousand also generate 1,000 schemas with MAVEN_OPTS=-Xmx256m and report whether it passes
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))


def version():
    with open(os.path.join(ROOT, "pom.xml")) as pom:
        for line in pom:
            if "<version>" in line:
                return line.split("<version>")[1].split("</version>")[0]
    raise SystemExit("no version in pom.xml")


def property_of(name):
    with open(os.path.join(ROOT, "pom.xml")) as pom:
        for line in pom:
            if f"<{name}>" in line:
                return line.split(f"<{name}>")[1].split(f"</{name}>")[0]
    raise SystemExit(f"no {name} in pom.xml")


PLUGINS = """
    <pluginManagement><plugins>
      <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.1</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
    </plugins></pluginManagement>"""


def ours_pom(schemas):
    v = version()
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>ours</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>io.github.usereventbus</groupId><artifactId>user-event-bus-core</artifactId><version>{v}</version></dependency>
  </dependencies>
  <build>{PLUGINS}
    <plugins><plugin>
      <groupId>io.github.usereventbus</groupId><artifactId>user-event-bus-maven-plugin</artifactId><version>{v}</version>
      <executions><execution><goals><goal>generate</goal></goals></execution></executions>
      <configuration><packageName>bench.events</packageName><schemaDirectory>{schemas}</schemaDirectory></configuration>
    </plugin></plugins>
  </build>
</project>
"""


def theirs_pom(schemas):
    v, jackson = property_of("jsonschema2pojo.version"), property_of("jackson.version")
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>theirs</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>{jackson}</version></dependency>
  </dependencies>
  <build>{PLUGINS}
    <plugins><plugin>
      <groupId>org.jsonschema2pojo</groupId><artifactId>jsonschema2pojo-maven-plugin</artifactId><version>{v}</version>
      <executions><execution><goals><goal>generate</goal></goals></execution></executions>
      <configuration><sourceDirectory>{schemas}</sourceDirectory><targetPackage>bench.events</targetPackage>
        <includeJsr303Annotations>false</includeJsr303Annotations></configuration>
    </plugin></plugins>
  </build>
</project>
"""


def mvn(project, goals, repo, env=None, check=True):
    command = [os.path.join(ROOT, "mvnw"), "-B", "-q", "-ntp", "-f", os.path.join(project, "pom.xml")]
    if repo:
        command.append(f"-Dmaven.repo.local={repo}")
    start = time.perf_counter()
    result = subprocess.run(command + goals, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0 and not check:
        return None
    if result.returncode != 0:
        sys.exit(f"{' '.join(goals)} failed in {project}:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    return elapsed


def change_one(schemas, round_number):
    path = os.path.join(schemas, "event-0001.json")
    with open(path) as f:
        text = f.read()
    marker = '"properties": {'
    text = text.replace(marker, marker + f'\n    "added{round_number}": {{"type": "string"}},', 1)
    with open(path, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemas", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repo", default=None)
    parser.add_argument("--thousand", action="store_true")
    args = parser.parse_args()
    repo = os.path.abspath(args.repo) if args.repo else None
    work = os.path.join(ROOT, "bench", "target", "generation")
    shutil.rmtree(work, ignore_errors=True)
    schemas = os.path.join(work, "schemas")
    subprocess.run([sys.executable, os.path.join(HERE, "make_schemas.py"), str(args.schemas), schemas], check=True)
    projects = {"ours": os.path.join(work, "ours"), "theirs": os.path.join(work, "theirs")}
    for name, pom in (("ours", ours_pom(schemas)), ("theirs", theirs_pom(schemas))):
        os.makedirs(projects[name])
        with open(os.path.join(projects[name], "pom.xml"), "w") as f:
            f.write(pom)
        mvn(projects[name], ["clean", "compile"], repo)  # warm-up: resolves plugins and dependencies

    scenarios = ["cold", "unchanged", "changed", "gen-cold", "gen-one", "startup"]
    times = {tool: {s: [] for s in scenarios} for tool in projects}
    for r in range(args.rounds):
        for tool, project in projects.items():  # interleaved: each scenario runs on both in turn
            times[tool]["cold"].append(mvn(project, ["clean", "compile"], repo))
            times[tool]["unchanged"].append(mvn(project, ["compile"], repo))
        change_one(schemas, r * 10 + 1)
        for tool, project in projects.items():
            times[tool]["changed"].append(mvn(project, ["compile"], repo))
        for tool, project in projects.items():
            times[tool]["gen-cold"].append(mvn(project, ["clean", "generate-sources"], repo))
        change_one(schemas, r * 10 + 2)
        for tool, project in projects.items():
            times[tool]["gen-one"].append(mvn(project, ["generate-sources"], repo))
            times[tool]["startup"].append(mvn(project, ["validate"], repo))

    print(f"{args.schemas} schemas, {args.rounds} rounds, seconds (median, min-max); ratio ours/theirs per round")
    for s in scenarios:
        o, t = times["ours"][s], times["theirs"][s]
        ratios = [a / b for a, b in zip(o, t)]
        print(f"  {s:10} ours {statistics.median(o):6.2f} ({min(o):.2f}-{max(o):.2f})"
              f"  theirs {statistics.median(t):6.2f} ({min(t):.2f}-{max(t):.2f})"
              f"  ratio {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
    gen_ratio = [(a - s) / (b - s2) for a, b, s, s2 in zip(times["ours"]["gen-cold"], times["theirs"]["gen-cold"],
                                                          times["ours"]["startup"], times["theirs"]["startup"])]
    print(f"  generation alone, less start-up: ratio {statistics.median(gen_ratio):.2f} ({min(gen_ratio):.2f}-{max(gen_ratio):.2f})")
    incremental = [(one - s) / (cold - s) for one, cold, s in zip(times["ours"]["gen-one"], times["ours"]["gen-cold"],
                                                                 times["ours"]["startup"])]
    print(f"  ours, one schema changed / clean generation, less start-up: {statistics.median(incremental):.2f}"
          f" ({min(incremental):.2f}-{max(incremental):.2f})")
    if args.thousand:
        big = os.path.join(work, "thousand")
        subprocess.run([sys.executable, os.path.join(HERE, "make_schemas.py"), "1000", os.path.join(big, "schemas")], check=True)
        with open(os.path.join(big, "pom.xml"), "w") as f:
            f.write(ours_pom(os.path.join(big, "schemas")))
        env = dict(os.environ, MAVEN_OPTS="-Xmx256m")
        seconds = mvn(big, ["generate-sources"], repo, env, check=False)
        print("  1,000 schemas generate with -Xmx256m: " + (f"yes, {seconds:.1f} s" if seconds is not None
                                                            else "no (the build failed; run it to see why)"))
    cold = [a / b for a, b in zip(times["ours"]["cold"], times["theirs"]["cold"])]
    print(f"cold build ratio ours/theirs: {statistics.median(cold):.2f} ({min(cold):.2f}-{max(cold):.2f})")


if __name__ == "__main__":
    main()
