"""Renders the benchmark results (results.json) as Markdown tables of medians."""

import json
import math
import statistics
import sys

SCENARIOS = ["cold", "no-op", "fresh-checkout", "next-release"]
TOOL_ORDER = ["plugin", "plugin-zip", "plugin-64", "plugin-c1", "aws", "aws-tuned", "rclone", "rclone-tuned"]
TOOL_NAMES = {
    "plugin": "plugin, folder (`mvn`)",
    "plugin-zip": "plugin, zip (`mvn`)",
    "plugin-64": "plugin, folder, 64 at once (`mvn`)",
    "plugin-c1": "plugin, folder, C1 JIT only (`mvn`)",
    "aws": "`aws s3 sync`, defaults",
    "aws-tuned": "`aws s3 sync`, 64 requests",
    "rclone": "`rclone copy`, defaults",
    "rclone-tuned": "`rclone copy --transfers 64`",
}


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def seconds(value):
    if value is None:
        return "–"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def ratio(value, base):
    if value is None or not base:
        return "–"
    return f"{value / base:.1f}×"


def requests_text(counts):
    parts = [f"{counts['total']}"]
    details = []
    for key, label in [("put", "PUT"), ("copy", "COPY"), ("head", "HEAD"), ("list", "LIST"), ("get", "GET"),
                       ("post", "POST"), ("delete", "DELETE")]:  # fmt: skip
        if counts.get(key):
            details.append(f"{counts[key]} {label}")
    if details:
        parts.append("(" + ", ".join(details) + ")")
    return " ".join(parts)


def summarize(records):
    """Groups records by (size, delay, scenario, tool) and returns the medians of each group."""
    groups = {}
    for record in records:
        key = (record["size"], record["delay_ms"], record["scenario"], record["tool"])
        groups.setdefault(key, []).append(record)
    summary = {}
    for key, group in groups.items():
        ok = [r for r in group if r["exit_code"] == 0]
        counts = median_counts([r["requests"] for r in ok]) if ok else group[0]["requests"]
        summary[key] = {
            "runs": len(ok),
            "failed": len(group) - len(ok),
            "verified": all(r.get("verified", True) for r in ok),
            "wall": median([r["wall_s"] for r in ok]),
            "phase": median([r.get("phase_s") for r in ok]),
            "rss": median([r["peak_rss_mib"] for r in ok]),
            "cpu": median([r["cpu_s"] for r in ok]),
            "requests": counts,
            "concurrency": group[0].get("concurrency"),
            "load": [r["load_before"] for r in group],
        }
    return summary


def median_counts(all_counts):
    return {key: int(median([counts.get(key, 0) for counts in all_counts])) for key in all_counts[0]}


def latency_bound(entry, delay):
    """Returns the least time the tool's requests take at the delay: the list pages one after another, and
    every other request with as many at once as the tool sends uploads."""
    if not delay or not entry["concurrency"]:
        return None
    requests = entry["requests"]
    lists = requests.get("list", 0)
    others = requests["total"] - lists
    return (lists + others / entry["concurrency"]) * delay / 1000


def render(results):
    summary = summarize(results["records"])
    lines = []
    machine = results["machine"]
    lines.append(f"Run {results['started']} to {results['finished']} with `{results['command']}`.")
    lines.append("")
    lines.append(f"Machine: {machine['nproc']} CPUs ({machine['cpu']}), {machine['memory_gib']} GiB of memory.")
    loads = [r["load_before"] for r in results["records"]]
    if loads:
        lines.append(
            f"Load average (1 min) before each run: min {min(loads):.1f}, median {statistics.median(loads):.1f},"
            f" max {max(loads):.1f}."
        )
    lines.append("")
    lines.append("Versions: " + "; ".join(f"{key} {value}" for key, value in results["versions"].items()) + ".")
    lines.append("")
    rates = ", ".join(f"{rate['putsPerSecond']:.0f} PUT/s with {rate['size']} B bodies" for rate in results["sink_put_rates"])
    lines.append(f"Sink alone (64 PUTs at once from `bench/s3tool.js`, no delay): {rates}.")
    for tool, reason in results.get("skipped", {}).items():
        lines.append(f"Skipped {tool}: {reason}.")
    lines.append("")

    sizes = sorted({key[0] for key in summary})
    for size in sizes:
        delays = sorted({key[1] for key in summary if key[0] == size})
        for delay in delays:
            for scenario in SCENARIOS:
                tools = [t for t in TOOL_ORDER if (size, delay, scenario, t) in summary]
                if not tools:
                    continue
                lines += render_table(summary, size, delay, scenario, tools)
    return "\n".join(lines) + "\n"


def render_table(summary, size, delay, scenario, tools):
    plugin = summary.get((size, delay, scenario, "plugin"))
    base_wall = plugin["wall"] if plugin else None
    base_phase = plugin["phase"] if plugin else None
    lines = [
        f"#### {size:,} resources, {delay} ms, {scenario}",
        "",
        "| tool | runs | wall s | upload phase s | objects/s | requests | ÷ plugin wall | ÷ plugin phase"
        " | peak RSS MiB | CPU s | at once | latency bound s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for tool in tools:
        entry = summary[(size, delay, scenario, tool)]
        wall = entry["wall"]
        objects = size + 1
        rate = f"{objects / wall:,.0f}" if wall else "–"
        bound = latency_bound(entry, delay)
        runs = str(entry["runs"]) + (f" ({entry['failed']} failed)" if entry["failed"] else "")
        if not entry["verified"]:
            runs += " (wrong bucket content)"
        lines.append(
            f"| {TOOL_NAMES[tool]} | {runs} | {seconds(wall)} | {seconds(entry['phase'])} | {rate}"
            f" | {requests_text(entry['requests'])} | {ratio(wall, base_wall) if tool != 'plugin' else '1.0×'}"
            f" | {ratio(wall, base_phase)} | {entry['rss']:.0f} | {entry['cpu']:.1f}"
            f" | {entry['concurrency'] or '–'} | {seconds(bound) if bound is not None else '–'} |"
        )
    lines.append("")
    return lines


if __name__ == "__main__":
    with open(sys.argv[1]) as source:
        print(render(json.load(source)), end="")
