// Number formats of Locust's page: whole milliseconds, RPS to 2 decimals, failures as a percentage.

export function round(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '';
  const f = 10 ** digits;
  return String(Math.round(Number(value) * f) / f);
}

export function ms(value) {
  return value === null || value === undefined ? '' : round(value, 0);
}

export function percent(ratio) {
  return `${round((Number(ratio) || 0) * 100, 0)}%`;
}

export function bytes(value) {
  const n = Number(value) || 0;
  if (n >= 1 << 30) return `${round(n / (1 << 30), 1)} GiB`;
  if (n >= 1 << 20) return `${round(n / (1 << 20), 1)} MiB`;
  if (n >= 1 << 10) return `${round(n / (1 << 10), 1)} KiB`;
  return `${n} B`;
}
