#!/usr/bin/env python3
"""Upload benchmark: the plugin's upload goal against `aws s3 sync` and `rclone copy`.

Every tool uploads generated Live update content to a local S3 sink (bench/sink.js) on 127.0.0.1, which adds
a fixed delay per request and counts the requests. Nothing leaves the machine. See bench/README.md.

The full run:  python3 bench/run.py
The smoke run: python3 bench/run.py --profile smoke
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timezone

import content
import report

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PLUGIN = "io.github.liveupdate:liveupdate-maven-plugin"
SCENARIOS = ["cold", "no-op", "fresh-checkout", "next-release"]
PREFIX = "game"
SEED = 1
# The keys every tool signs with. The sink checks no signature, so they are placeholders.
ACCESS_KEY_ID = "bench"
SECRET_ACCESS_KEY = "bench-secret"
REGION = "us-east-1"
COMMAND_TIMEOUT_SECONDS = 1800

# Each profile is a list of (resource count, delays in ms, repetitions, tools).
ALL_TOOLS = ["plugin", "plugin-zip", "plugin-64", "plugin-c1", "aws", "aws-tuned", "rclone", "rclone-tuned"]
COMPARED = ["plugin", "plugin-zip", "aws", "aws-tuned", "rclone", "rclone-tuned"]
PROFILES = {
    "full": [
        (1_000, [0, 20], 3, COMPARED),
        (10_000, [0, 20], 3, ALL_TOOLS),
        (100_000, [20], 1, ["plugin", "plugin-zip", "aws-tuned", "rclone-tuned"]),
    ],
    # The matrix that fits in about 45 minutes on a busy 2-core machine.
    "quick": [
        (1_000, [20], 2, COMPARED),
        (10_000, [20], 2, ALL_TOOLS),
        (100_000, [20], 1, ["plugin"]),
    ],
    "smoke": [(200, [0], 1, ["plugin"])],
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full", help="the run matrix (default: full)")
    parser.add_argument("--sizes", help="comma-separated resource counts, replacing the profile's")
    parser.add_argument("--delays", help="comma-separated delays in ms, replacing the profile's")
    parser.add_argument("--runs", type=int, help="repetitions of each tool, replacing the profile's")
    parser.add_argument("--tools", help="comma-separated tools, replacing the profile's: " + ", ".join(ALL_TOOLS))
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated scenarios (default: all)")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "bench"), help="output folder")
    parser.add_argument("--no-build", action="store_true", help="use the plugin already installed")
    parser.add_argument("--maven-repo", help="the local Maven repository that contains the plugin")
    parser.add_argument(
        "--maven-settings", help="a settings.xml for plugin runs; without it they run offline (mvn -o)"
    )
    parser.add_argument("--plugin-heap", default="256m", help="the Maven JVM's -Xmx for plugin runs (default 256m)")
    parser.add_argument("--plugin-concurrency", type=int, help="passes -Dliveupdate.concurrency (default: unset)")
    parser.add_argument("--put-rate-count", type=int, help="PUTs of the sink's own rate test (default by profile)")
    return parser.parse_args()


def matrix(args):
    rows = []
    for size, delays, runs, tools in PROFILES[args.profile]:
        rows.append((size, list(delays), runs, list(tools)))
    if args.sizes:
        # A size that the profile lists keeps its row; another size takes the first row's settings.
        by_size = {row[0]: row for row in rows}
        sizes = [int(value) for value in args.sizes.split(",")]
        rows = [(size,) + by_size.get(size, rows[0])[1:] for size in sizes]
    if args.delays:
        rows = [(size, [int(value) for value in args.delays.split(",")], runs, tools) for size, _, runs, tools in rows]
    if args.runs:
        rows = [(size, delays, args.runs, tools) for size, delays, _, tools in rows]
    if args.tools:
        chosen = args.tools.split(",")
        unknown = [tool for tool in chosen if tool not in ALL_TOOLS]
        if unknown:
            sys.exit(f"Unknown tools {unknown}: use {ALL_TOOLS}")
        rows = [(size, delays, runs, chosen) for size, delays, runs, _ in rows]
    return rows


def log(message):
    print(f"[bench {datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


# ---- machine and versions ----


def command_output(command, env=None):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
        return (result.stdout + result.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"


def machine_facts():
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_kib = 0
    with open("/proc/meminfo") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                memory_kib = int(line.split()[1])
    return {"nproc": os.cpu_count(), "memory_gib": round(memory_kib / 1024 / 1024, 1), "cpu": cpu}


def load_average():
    with open("/proc/loadavg") as loadavg:
        return float(loadavg.read().split()[0])


def first_line(text):
    return text.splitlines()[0] if text else text


# ---- tools ----


def clean_environment():
    """Returns this process's environment without AWS_* and RCLONE_* variables, so no tool finds real settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "RCLONE_"))}
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    return env


def find_aws():
    path = shutil.which("aws")
    if path and os.sep + "shims" + os.sep in path and shutil.which("pyenv"):
        real = command_output(["pyenv", "which", "aws"])
        if os.path.isfile(real):
            return real
    return path


def find_rclone():
    path = shutil.which("rclone")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("rclone not found: installing Debian's rclone package")
        installed = subprocess.run(["apt-get", "install", "-y", "rclone"], capture_output=True, text=True)
        if installed.returncode != 0:
            subprocess.run(["apt-get", "update"], capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "rclone"], capture_output=True)
    return shutil.which("rclone")


def plugin_version():
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    project = ElementTree.parse(os.path.join(ROOT, "pom.xml")).getroot()
    return project.find("m:version", namespace).text


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)
    return path


class Tools:
    """Builds the command and environment of each tool, with private configuration files under out/config."""

    def __init__(self, args, out, endpoint):
        self.args = args
        self.endpoint = endpoint
        self.config = os.path.join(out, "config")
        self.version = plugin_version()
        self.mvn = shutil.which("mvn")
        self.aws = find_aws()
        self.rclone = None
        self.notes = []
        self.project = write_file(
            os.path.join(self.config, "project", "pom.xml"),
            '<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
            "  <groupId>bench</groupId>\n  <artifactId>bench</artifactId>\n  <version>1</version>\n"
            "  <packaging>pom</packaging>\n</project>\n",
        )
        self.credentials = write_file(
            os.path.join(self.config, "aws", "credentials"),
            f"[default]\naws_access_key_id = {ACCESS_KEY_ID}\naws_secret_access_key = {SECRET_ACCESS_KEY}\n\n"
            f"[bench]\naws_access_key_id = {ACCESS_KEY_ID}\naws_secret_access_key = {SECRET_ACCESS_KEY}\n",
        )
        self.plugin_config = write_file(
            os.path.join(self.config, "aws", "plugin-config"), f"[profile bench]\nregion = {REGION}\n"
        )
        self.aws_config = {
            "aws": write_file(
                os.path.join(self.config, "aws", "config-defaults"),
                f"[default]\nregion = {REGION}\ns3 =\n  addressing_style = path\n",
            ),
            "aws-tuned": write_file(
                os.path.join(self.config, "aws", "config-tuned"),
                f"[default]\nregion = {REGION}\ns3 =\n  addressing_style = path\n  max_concurrent_requests = 64\n",
            ),
        }
        self.rclone_config = write_file(os.path.join(self.config, "rclone", "rclone.conf"), "")

    def available(self, tool):
        """Returns None when the tool can run, or why it cannot."""
        if tool.startswith("plugin"):
            return None if self.mvn else "mvn is not on PATH"
        if tool.startswith("aws"):
            return None if self.aws else "the aws command is not on PATH, so aws s3 sync was skipped"
        if tool.startswith("rclone"):
            if self.rclone is None:
                self.rclone = find_rclone() or ""
            return None if self.rclone else "rclone is not installed and could not be installed, so it was skipped"
        return f"unknown tool {tool}"

    def concurrency(self, tool):
        """Returns the number of uploads the tool runs at once by default or as tuned here."""
        return {
            "plugin": self.args.plugin_concurrency,
            "plugin-zip": self.args.plugin_concurrency,
            "plugin-64": 64,
            "plugin-c1": self.args.plugin_concurrency,
            "aws": 10,
            "aws-tuned": 64,
            "rclone": 4,
            "rclone-tuned": 64,
        }[tool]

    def command(self, tool, bucket, source):
        env = clean_environment()
        if tool.startswith("plugin"):
            command = [
                self.mvn, "-B", "-ntp", "-f", self.project,
                f"{PLUGIN}:{self.version}:upload",
                f"-Dliveupdate.source={source}",
                f"-Dliveupdate.bucket={bucket}",
                f"-Dliveupdate.prefix={PREFIX}",
                f"-Dliveupdate.endpoint={self.endpoint}",
                f"-Dliveupdate.region={REGION}",
                "-Dliveupdate.profile=bench",
                f"-Dliveupdate.credentialsFile={self.credentials}",
                f"-Dliveupdate.configFile={self.plugin_config}",
            ]  # fmt: skip
            if tool == "plugin-64":
                command.append("-Dliveupdate.concurrency=64")
            elif self.args.plugin_concurrency:
                command.append(f"-Dliveupdate.concurrency={self.args.plugin_concurrency}")
            if self.args.maven_repo:
                command.append(f"-Dmaven.repo.local={self.args.maven_repo}")
            # Offline, unless settings name where the plugin comes from, so no run checks a remote repository.
            command += ["-s", self.args.maven_settings] if self.args.maven_settings else ["-o"]
            env["MAVEN_OPTS"] = f"-Xmx{self.args.plugin_heap}"
            if tool == "plugin-c1":
                # Only the C1 JIT compiler: less compilation work in a JVM that lives for one upload.
                env["MAVEN_OPTS"] += " -XX:TieredStopAtLevel=1"
            return command, env
        if tool.startswith("aws"):
            env["AWS_CONFIG_FILE"] = self.aws_config[tool]
            env["AWS_SHARED_CREDENTIALS_FILE"] = self.credentials
            command = [
                self.aws, "s3", "sync", source, f"s3://{bucket}/{PREFIX}",
                "--endpoint-url", self.endpoint, "--only-show-errors", "--no-progress",
            ]  # fmt: skip
            return command, env
        env.update(
            {
                "RCLONE_CONFIG": self.rclone_config,
                "RCLONE_CONFIG_BENCH_TYPE": "s3",
                "RCLONE_CONFIG_BENCH_PROVIDER": "Other",
                "RCLONE_CONFIG_BENCH_ENV_AUTH": "false",
                "RCLONE_CONFIG_BENCH_ENDPOINT": self.endpoint,
                "RCLONE_CONFIG_BENCH_REGION": REGION,
                "RCLONE_CONFIG_BENCH_ACCESS_KEY_ID": ACCESS_KEY_ID,
                "RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
            }
        )
        command = [self.rclone, "copy", source, f"bench:{bucket}/{PREFIX}"]
        if tool == "rclone-tuned":
            command += ["--transfers", "64"]
        return command, env

    def versions(self):
        env = clean_environment()
        versions = {
            "java": first_line(command_output(["java", "-version"])),
            "mvn": first_line(command_output([self.mvn or "mvn", "-v"])),
            "node": command_output(["node", "--version"]),
            "python": sys.version.split()[0],
            "plugin": self.version,
        }
        if self.aws:
            versions["aws"] = first_line(command_output([self.aws, "--version"], env=env))
        if self.rclone:
            versions["rclone"] = first_line(command_output([self.rclone, "version"], env=env))
        return {key: re.sub(r"\x1b\[[0-9;]*m", "", value) for key, value in versions.items()}


# ---- the sink ----


class Sink:
    """The S3 sink process and its control paths."""

    def __init__(self, out):
        self.port_file = os.path.join(out, "sink.port")
        if os.path.exists(self.port_file):
            os.remove(self.port_file)
        self.log = open(os.path.join(out, "sink.log"), "w")
        self.process = subprocess.Popen(
            ["node", os.path.join(BENCH, "sink.js"), "--port-file", self.port_file],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while not os.path.exists(self.port_file) or not open(self.port_file).read():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"The S3 sink did not start: see {self.log.name}")
            time.sleep(0.05)
        self.port = int(open(self.port_file).read())
        self.endpoint = f"http://127.0.0.1:{self.port}"

    def call(self, method, path, body=None):
        request = urllib.request.Request(self.endpoint + path, method=method, data=body)
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.read()

    def counts(self):
        return json.loads(self.call("GET", "/_bench/counts"))

    def reset(self):
        self.call("POST", "/_bench/reset")

    def set_delay(self, milliseconds):
        self.call("POST", f"/_bench/delay?ms={milliseconds}")

    def make_bucket(self, bucket):
        self.call("PUT", f"/{bucket}")

    def drop_bucket(self, bucket):
        self.call("DELETE", f"/{bucket}")

    def list_sizes(self, bucket, prefix):
        """Returns {key: size} under the prefix, listed with ListObjectsV2 directly from the sink."""
        sizes = {}
        token = None
        namespace = "{http://s3.amazonaws.com/doc/2006-03-01/}"
        while True:
            query = f"list-type=2&prefix={prefix}"
            if token:
                query += "&continuation-token=" + urllib.request.quote(token, safe="")
            root = ElementTree.fromstring(self.call("GET", f"/{bucket}?{query}"))
            for contents in root.iter(namespace + "Contents"):
                sizes[contents.find(namespace + "Key").text] = int(contents.find(namespace + "Size").text)
            if root.find(namespace + "IsTruncated").text != "true":
                return sizes
            token = root.find(namespace + "NextContinuationToken").text

    def put_rate(self, count, size):
        bucket = "bench-put-rate"
        self.make_bucket(bucket)
        try:
            output = subprocess.run(
                ["node", os.path.join(BENCH, "s3tool.js"), "put-rate", str(self.port), bucket, str(count), "64", str(size)],
                capture_output=True,
                text=True,
                check=True,
                timeout=COMMAND_TIMEOUT_SECONDS,
            ).stdout
            return json.loads(output)
        finally:
            self.drop_bucket(bucket)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


# ---- measured runs ----


def run_measured(command, env, log_path):
    """Runs a command to its end and returns wall seconds, exit code, peak RSS in KiB and CPU seconds."""
    with open(log_path, "wb") as output:
        output.write((" ".join(command) + "\n\n").encode())
        output.flush()
        start = time.monotonic()
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
        timer = threading.Timer(COMMAND_TIMEOUT_SECONDS, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return wall, process.returncode, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


SUMMARY = re.compile(r"\[INFO\] Uploaded ([\d,]+) objects \([^)]*\), skipped ([\d,]+) unchanged, in ([^(,\n]+)")
CONCURRENCY = re.compile(r"up to (\d+) at once")


def parse_duration(text):
    """Parses the plugin's durations: '0.4 s', '35 s', '4 min 10 s', '2 h 5 min'."""
    seconds = 0.0
    for value, unit in re.findall(r"([\d.]+) (h|min|s)\b", text):
        seconds += float(value) * {"h": 3600, "min": 60, "s": 1}[unit]
    return seconds


def plugin_summary(log_path):
    text = open(log_path, errors="replace").read()
    summary = SUMMARY.findall(text)
    concurrency = CONCURRENCY.findall(text)
    if not summary:
        return None, None
    return parse_duration(summary[-1][2].strip()), int(concurrency[-1]) if concurrency else None


class Workspace:
    """The folder that the folder tools upload, built from hard links to the generated content."""

    def __init__(self, out, content_dir):
        self.folder = os.path.join(out, "work", "folder")
        self.content_dir = content_dir

    def reset_to_release_1(self):
        shutil.rmtree(self.folder, ignore_errors=True)
        os.makedirs(self.folder)
        release = os.path.join(self.content_dir, "r1")
        old = time.time() - 86_400
        for name in os.listdir(release):
            target = os.path.join(self.folder, name)
            os.link(os.path.join(release, name), target)
            os.utime(target, (old, old))

    def touch_all(self):
        now = time.time()
        for name in os.listdir(self.folder):
            os.utime(os.path.join(self.folder, name), (now, now))

    def apply_release_2(self):
        with open(os.path.join(self.content_dir, "r2-removed.txt")) as removed:
            for name in removed.read().split():
                os.remove(os.path.join(self.folder, name))
        added = os.path.join(self.content_dir, "r2-new")
        now = time.time()
        for name in os.listdir(added):
            target = os.path.join(self.folder, name)
            if os.path.exists(target):
                os.remove(target)
            os.link(os.path.join(added, name), target)
            os.utime(target, (now, now))


def expected_sizes(content_dir, release):
    """Returns {key: size} that the bucket must hold after uploading release 1, or release 1 then release 2."""
    sizes = {}
    folders = ["r1"] if release == 1 else ["r1", "r2-new"]
    for folder in folders:
        path = os.path.join(content_dir, folder)
        for name in os.listdir(path):
            sizes[f"{PREFIX}/{name}"] = os.path.getsize(os.path.join(path, name))
    return sizes


def run_sequence(sink, tools, workspace, content_dir, size, delay, repetition, tool, bucket, scenarios, runs_dir):
    """Runs the scenarios in order on one new bucket and returns one record per scenario."""
    records = []
    zip_tool = tool == "plugin-zip"
    sink.make_bucket(bucket)
    if not zip_tool:
        workspace.reset_to_release_1()
    try:
        for scenario in SCENARIOS:
            if scenario == "fresh-checkout" and not zip_tool:
                workspace.touch_all()
            if scenario == "next-release" and not zip_tool:
                workspace.apply_release_2()
            if scenario not in scenarios:
                continue
            if zip_tool:
                source = os.path.join(content_dir, "r2.zip" if scenario == "next-release" else "r1.zip")
                if scenario == "fresh-checkout":
                    os.utime(source, None)
            else:
                source = workspace.folder
            command, env = tools.command(tool, bucket, source)
            log_path = os.path.join(runs_dir, f"{size}-{delay}ms-{tool}-{scenario}-{repetition}.log")
            sink.reset()
            load_before = load_average()
            wall, exit_code, rss_kib, cpu = run_measured(command, env, log_path)
            counts = sink.counts()
            record = {
                "size": size,
                "delay_ms": delay,
                "repetition": repetition,
                "tool": tool,
                "scenario": scenario,
                "wall_s": round(wall, 3),
                "exit_code": exit_code,
                "peak_rss_mib": round(rss_kib / 1024, 1),
                "cpu_s": round(cpu, 2),
                "requests": counts,
                "load_before": load_before,
                "load_after": load_average(),
                "log": os.path.relpath(log_path, ROOT),
                "concurrency": tools.concurrency(tool),
            }
            if tool.startswith("plugin"):
                phase, concurrency = plugin_summary(log_path)
                record["phase_s"] = phase
                record["concurrency"] = concurrency
            if exit_code == 0 and scenario in ("cold", "next-release"):
                expected = expected_sizes(content_dir, 1 if scenario == "cold" else 2)
                actual = sink.list_sizes(bucket, PREFIX + "/")
                record["verified"] = actual == expected
                if actual != expected:
                    missing = len(set(expected) - set(actual))
                    wrong = sum(1 for key in expected if key in actual and actual[key] != expected[key])
                    record["verify_error"] = f"{missing} objects missing, {wrong} with the wrong size"
            log(
                f"{size:>7} {delay:>2} ms {tool:<13} {scenario:<14} #{repetition} {wall:7.2f} s"
                + (f" (phase {record['phase_s']} s)" if record.get("phase_s") is not None else "")
                + f" exit {exit_code} requests {counts['total']} rss {record['peak_rss_mib']} MiB load {load_before}"
                + ("" if record.get("verified", True) else f" VERIFY FAILED: {record.get('verify_error')}")
            )
            records.append(record)
    finally:
        sink.drop_bucket(bucket)
    return records


# ---- preparation ----


def build_plugin(args):
    if args.no_build:
        return
    log("Installing the plugin into the local Maven repository (mvn install, tests skipped)")
    command = ["mvn", "-B", "-q", "install", "-DskipTests", "-Dinvoker.skip=true"]
    if args.maven_repo:
        command.append(f"-Dmaven.repo.local={args.maven_repo}")
    subprocess.run(command, cwd=ROOT, check=True)


def main():
    args = parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    runs_dir = os.path.join(out, "runs")
    shutil.rmtree(runs_dir, ignore_errors=True)
    os.makedirs(runs_dir)
    rows = matrix(args)
    scenarios = args.scenarios.split(",")
    started = datetime.now(timezone.utc)

    build_plugin(args)
    sink = Sink(out)
    try:
        tools = Tools(args, out, sink.endpoint)
        skipped = {}
        for _, _, _, row_tools in rows:
            for tool in row_tools:
                reason = tools.available(tool)
                if reason:
                    skipped[tool] = reason
        for tool, reason in skipped.items():
            log(f"Skipping {tool}: {reason}")

        put_count = args.put_rate_count or (500 if args.profile == "smoke" else 20_000)
        log(f"Measuring the sink's own PUT rate: {put_count} PUTs, 64 at once, no delay")
        sink.put_rate(min(put_count, 5_000), 1024)  # warm-up
        put_rates = [sink.put_rate(put_count, 1024), sink.put_rate(put_count, 16 * 1024)]
        for rate in put_rates:
            log(f"Sink: {rate['putsPerSecond']:.0f} PUT/s with {rate['size']} B bodies")

        records = []
        sequence = 0
        for size, delays, runs, row_tools in rows:
            content_dir = os.path.join(out, "content", f"{size}-seed{SEED}")
            log(f"Generating {size} resources in {content_dir} (kept for later runs)")
            content.generate(content_dir, size, SEED)
            workspace = Workspace(out, content_dir)
            active = [tool for tool in row_tools if tool not in skipped]
            for delay in delays:
                sink.set_delay(delay)
                for repetition in range(1, runs + 1):
                    # Rotate the order, so no tool always runs first or after the same neighbour.
                    shift = (repetition - 1) % max(1, len(active))
                    for tool in active[shift:] + active[:shift]:
                        sequence += 1
                        records += run_sequence(
                            sink, tools, workspace, content_dir, size, delay, repetition, tool,
                            f"bench-{sequence:04d}", scenarios, runs_dir,
                        )  # fmt: skip
        sink.set_delay(0)
        results = {
            "started": started.isoformat(timespec="seconds"),
            "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "command": " ".join(["python3", os.path.relpath(__file__, ROOT)] + sys.argv[1:]),
            "machine": machine_facts(),
            "versions": tools.versions(),
            "sink_put_rates": put_rates,
            "skipped": skipped,
            "matrix": [{"size": s, "delays": d, "runs": r, "tools": t} for s, d, r, t in rows],
            "records": records,
        }
    finally:
        sink.stop()

    with open(os.path.join(out, "results.json"), "w") as output:
        json.dump(results, output, indent=1)
    markdown = report.render(results)
    with open(os.path.join(out, "report.md"), "w") as output:
        output.write(markdown)
    log(f"Wrote {os.path.join(out, 'results.json')} and {os.path.join(out, 'report.md')}")
    failures = [r for r in records if r["exit_code"] != 0 or not r.get("verified", True)]
    for failure in failures:
        log(f"FAILED: {failure['tool']} {failure['scenario']} size {failure['size']}: see {failure['log']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
