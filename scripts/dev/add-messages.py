#!/usr/bin/env python3
"""Merges interface strings into messages/zh-CN.json and messages/en.json in one step, keeping their order
and format. Usage: python3 scripts/dev/add-messages.py file.json, where file.json is
{"zh-CN": {"ns": {"key": "…"}}, "en": {"ns": {"key": "…"}}}. Existing keys are overwritten, others kept.
A lock file serialises concurrent runs."""
import fcntl, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def merge(into, new):
    for k, v in new.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            merge(into[k], v)
        else:
            into[k] = v

def main():
    patch = json.load(open(sys.argv[1], encoding="utf-8"))
    with open(os.path.join(ROOT, "messages", ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for locale in ("zh-CN", "en"):
            path = os.path.join(ROOT, "messages", f"{locale}.json")
            data = json.load(open(path, encoding="utf-8"))
            merge(data, patch.get(locale, {}))
            with open(path, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=2)
                f.write("\n")

main()
