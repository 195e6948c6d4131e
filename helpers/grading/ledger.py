"""What class autograding has done, kept so that an interrupted run can go on.

One JSON line per finished submission in `.autograde/<assignment>.jsonl` in the course
folder (hidden: nbgrader's `ignore` keeps dot-files out of every copy), appended by the
command's one writer only after the gradebook holds the grades:

    {"student": "alice", "status": "graded", "timestamp": "2026-12-01 10:00:00+00:00",
     "flags": [...], "incidents": [...], "reason": null, "seconds": 3.2, ...}

A submission counts as graded when its latest line says so for the timestamp it has now
and the gradebook holds it; anything else (never started, failed, interrupted, handed in
again) is graded on the next run. A line is written whole or not at all, and a line cut
off by a crash is ignored, so nothing is lost or counted twice.

Introduced with class autograding (issue 12).
"""
import json
import os


class Ledger:
    def __init__(self, root, assignment):
        self.path = os.path.join(root, ".autograde", f"{assignment}.jsonl")

    def latest(self):
        """{student: their latest entry}."""
        entries = {}
        if not os.path.exists(self.path):
            return entries
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # cut off by a crash while being written
                if isinstance(entry, dict) and "student" in entry:
                    entries[entry["student"]] = entry
        return entries

    def append(self, entry):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        line = json.dumps(entry, default=str) + "\n"
        with open(self.path, "ab+") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell():
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":  # a line cut off by a crash: start a new one
                    line = "\n" + line
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
