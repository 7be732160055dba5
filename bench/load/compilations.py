#!/usr/bin/env python3
"""What the JIT compiled in one run, from HotSpot's compilation log (docs/load.md, "What C2 compiles").

    KEELSON_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/tmp/c.log" \\
        taskset -c 1 ./keelson load URL --duration 10s --threads 1 --users 50
    bench/load/compilations.py /tmp/c.log [TOP]

Prints, for C2 (tier 4) and for C1 (tiers 1-3): the compilations and their summed time, C2's time by package, by
class and by second of the run (start-up, load, report), its OSR share, its TOP longest compilations, the methods
C2 compiled more than once, and the compiled code C2 threw away (made not entrant) with the traps behind it. Times
are the compiler thread's wall time from the log's stamps: on a CPU shared with the event loop they add up to more
than the thread's CPU time, so read them as shares.
"""
import collections
import re
import sys


def attr(line, key):
    m = re.search(key + r"='([^']*)'", line)
    return m.group(1) if m else None


def read(path):
    tasks, current, traps, discarded = {}, None, [], []
    with open(path, errors="replace") as log:
        for line in log:
            if line.startswith("<task "):
                current = {
                    "id": attr(line, "compile_id"),
                    "method": attr(line, "method"),
                    "level": int(attr(line, "level") or 4),  # C2's tasks carry no level
                    "start": float(attr(line, "stamp")),
                    "osr": attr(line, "compile_kind") == "osr",
                }
                tasks[current["id"]] = current
            elif line.startswith("<task_done") and current:
                current["time"] = float(attr(line, "stamp")) - current["start"]
                current = None
            elif line.startswith("<uncommon_trap") and "compile_id" in line and "thread=" in line:
                traps.append(line)
            elif line.startswith("<make_not_entrant"):
                discarded.append(line)
    return tasks, traps, discarded


def by(tasks, key, top, title):
    time, count = collections.Counter(), collections.Counter()
    for t in tasks:
        time[key(t["method"])] += t["time"]
        count[key(t["method"])] += 1
    print(f"\nC2 by {title}:")
    for name, seconds in time.most_common(top):
        print(f"  {seconds:7.3f} s {count[name]:4d}  {name}")


def main():
    path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
    tasks, traps, discarded = read(path)
    done = [t for t in tasks.values() if "time" in t]
    c2 = [t for t in done if t["level"] == 4]
    c1 = [t for t in done if t["level"] < 4]
    for name, group in (("C2", c2), ("C1", c1)):
        print(f"{name}: {len(group)} compilations, {sum(t['time'] for t in group):.3f} s")
    print(f"C2 OSR: {sum(t['time'] for t in c2 if t['osr']):.3f} s")
    cls = lambda m: m.split(" ")[0]
    pkg = lambda m: ".".join(cls(m).split(".")[:3])
    by(c2, pkg, top, "package")
    by(c2, cls, top, "class")
    second = collections.Counter()
    for t in c2:
        second[int(t["start"])] += t["time"]
    print("\nC2 by second of the run:", " ".join(f"{s}s:{second[s]:.2f}" for s in sorted(second)))
    print(f"\nC2's {top} longest compilations:")
    for t in sorted(c2, key=lambda t: -t["time"])[:top]:
        print(f"  {t['time'] * 1000:6.1f} ms at {t['start']:5.2f} s{' OSR' if t['osr'] else '    '}  {t['method']}")
    again = collections.Counter(t["method"] for t in c2)
    print("\nC2 compiled more than once:")
    for method, n in again.most_common():
        if n < 2:
            break
        seconds = sum(t["time"] for t in c2 if t["method"] == method)
        print(f"  {n} x {seconds * 1000:6.1f} ms  {method}")
    print("\nC2 code made not entrant (reason, method), and the traps taken in C2 code:")
    for what, lines in (("discarded", discarded), ("trap", traps)):
        seen = collections.Counter()
        for line in lines:
            if attr(line, "compiler") == "c2":
                method = tasks.get(attr(line, "compile_id"), {}).get("method")
                seen[(attr(line, "reason"), attr(line, "action"), method)] += 1
        for (reason, action, method), n in seen.most_common(top):
            print(f"  {what} {n} x {reason}{'/' + action if action else ''}  {method}")


if __name__ == "__main__":
    main()
