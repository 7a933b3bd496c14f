#!/usr/bin/env python3
"""Keeps N keep-alive connections to a Hornet web server, each polling /stats/requests every
PERIOD seconds for SECONDS seconds (asyncio, raw HTTP/1.1 on 127.0.0.1). Prints one JSON line:
connections opened, requests sent, answers with 200, and failures.
    web_pollers.py PORT [N=1000] [SECONDS=20] [PERIOD=2]"""
import asyncio
import json
import sys
import time


async def poller(port, seconds, period, counts, start_delay):
    await asyncio.sleep(start_delay)
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
    except (OSError, asyncio.TimeoutError):
        counts["connect_failed"] += 1
        return
    counts["connected"] += 1
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            writer.write(b"GET /stats/requests HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            counts["sent"] += 1
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await asyncio.wait_for(reader.readexactly(length), 10)
            if head.startswith(b"HTTP/1.1 200"):
                counts["ok"] += 1
            else:
                counts["bad_status"] += 1
            await asyncio.sleep(period)
    except asyncio.TimeoutError:
        counts["timed_out"] += 1
    except (OSError, asyncio.IncompleteReadError):
        counts["broken"] += 1
    finally:
        writer.close()


async def main():
    port = int(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 20
    period = float(sys.argv[4]) if len(sys.argv) > 4 else 2
    counts = dict.fromkeys(["connected", "connect_failed", "sent", "ok", "bad_status", "timed_out", "broken"], 0)
    # Spread over one period, as browsers opened at different moments would be.
    await asyncio.gather(*(poller(port, seconds, period, counts, period * i / n) for i in range(n)))
    print(json.dumps(counts))


asyncio.run(main())
