#!/usr/bin/python3
"""Runs a command and appends the CPU seconds (user + system) it and its children used to a file.

Usage: cpu_time.py OUTFILE COMMAND...   (the command's output passes through)"""
import resource
import subprocess
import sys

code = subprocess.call(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "a") as f:
    f.write(f"{usage.ru_utime + usage.ru_stime}\n")
sys.exit(code)
