// The server's API, by relative URLs only: the page works under any base path, sends requests to
// no other host, and the browser resends --web-auth credentials by itself.

async function reply(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const reason = body && typeof body === 'object' && body.message ? body.message : `HTTP ${response.status}`;
    const error = new Error(reason);
    error.status = response.status;
    throw error;
  }
  return body;
}

export async function get(path) {
  return reply(await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' }));
}

/// POSTs a form the way Locust's page does (application/x-www-form-urlencoded); `fields` maps a
/// name to a value or to a list of values (user_classes repeats).
export async function post_form(path, fields) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, String(v));
  }
  return reply(await fetch(path, { method: 'POST', body, headers: { Accept: 'application/json' } }));
}

export function endpoint_query(endpoint) {
  if (!endpoint) return '';
  return `method=${encodeURIComponent(endpoint.method)}&name=${encodeURIComponent(endpoint.name)}`;
}
