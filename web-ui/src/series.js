// A chart's history, fetched incrementally: each poll asks /hornet/series only for the points
// after the last one held. The page keeps at most `limit` points (older pairs are averaged, as the
// server does), so a long run does not grow the page without bound.
export class series_store {
  constructor(limit = 1800) {
    this.limit_ = limit;
    this.reset();
  }

  reset() {
    this.time = []; // unix seconds
    this.users = [];
    this.rps = [];
    this.fail_per_sec = [];
    this.p50 = [];
    this.p95 = [];
    this.p99 = [];
    this.last_ms_ = 0;
  }

  /// The `since` parameter: unix seconds of the last point held (0 = everything).
  since() {
    return this.last_ms_ / 1000;
  }

  append(points) {
    let added = 0;
    for (const p of points) {
      if (typeof p.time !== 'number' || p.time <= this.last_ms_) continue;
      this.last_ms_ = p.time;
      this.time.push(p.time / 1000);
      this.users.push(p.users ?? null);
      this.rps.push(p.rps ?? null);
      this.fail_per_sec.push(p.fail_per_sec ?? null);
      this.p50.push(p.p50 ?? null);
      this.p95.push(p.p95 ?? null);
      this.p99.push(p.p99 ?? null);
      ++added;
    }
    if (this.time.length > this.limit_) this.halve_();
    return added;
  }

  halve_() {
    const merge = (values, i) => {
      const a = values[i], b = values[i + 1];
      if (b === undefined) return a;
      if (a === null || b === null) return a ?? b;
      return (a + b) / 2;
    };
    for (const key of ['time', 'users', 'rps', 'fail_per_sec', 'p50', 'p95', 'p99']) {
      const values = this[key];
      const merged = [];
      for (let i = 0; i < values.length; i += 2) merged.push(key === 'time' ? values[Math.min(i + 1, values.length - 1)] : merge(values, i));
      this[key] = merged;
    }
  }
}
