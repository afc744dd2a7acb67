"""Reads the Prometheus scrapes run-quotes.sh took before, at the end of and 3 s after a wrk run and prints quotes/s, the
monitor's lag and latency distributions (share of evaluations started, and finished, within each bound after the quote that
queued them) and the evaluations by outcome.
Usage: python3 monitor_report.py WORKDIR BATCH   (WORKDIR holds before.prom, end.prom, after.prom and wrk.txt)"""
import re
import sys

workdir, batch = sys.argv[1], int(sys.argv[2])


def read(name):
    values = {}
    for line in open(f"{workdir}/{name}.prom"):
        if line.startswith("riskplatform_monitor"):
            key, value = line.rsplit(" ", 1)
            values[key] = float(value)
    return values


before, end, after = read("before"), read("end"), read("after")


def delta(key, upto):
    return upto.get(key, 0.0) - before.get(key, 0.0)


rps = float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{workdir}/wrk.txt").read()).group(1))
print(f"quotes/s: {rps * batch:,.0f}  ({rps:,.1f} requests/s x {batch})")


def distribution(metric, verb):
    buckets = sorted(
        (float(re.search(r'le="([^"]+)"', key).group(1)), delta(key, after))
        for key in after if key.startswith(f"riskplatform_monitor_{metric}_seconds_bucket"))
    count_key = next((key for key in after if key.startswith(f"riskplatform_monitor_{metric}_seconds_count")), None)
    total = delta(count_key, after) if count_key else 0
    if not total:
        return
    print(f"monitor evaluations {verb}: {total:,.0f} ({delta(count_key, end):,.0f} by the end of the run, the rest in the 3 s after)")
    print(f"  share {verb} within: " + "  ".join(
        f"{'+Inf' if bound == float('inf') else f'{bound * 1000:g} ms'} {count / total:.2%}" for bound, count in buckets if bound <= 1 or bound == float("inf")))


# lag: from the quote that queued an account to the start of its evaluation; latency: to its end.
distribution("lag", "started")
distribution("latency", "finished")
for key in sorted(after):
    if key.startswith("riskplatform_monitor_evaluations"):
        print(f"  {key}: {delta(key, after):,.0f}")
