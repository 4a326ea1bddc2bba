/** The pages, read from the URL's hash: `#/`, `#/hosts/<hostname>?...`, `#/states?state=...`. */
export type Route =
  | { page: 'fleet'; params: URLSearchParams }
  | { page: 'host'; hostname: string; params: URLSearchParams }
  | { page: 'states'; params: URLSearchParams }
  | { page: 'missing'; path: string; params: URLSearchParams };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const at = text.indexOf('?');
  const path = at < 0 ? text : text.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : text.slice(at + 1));
  const parts = path.split('/').filter((part) => part !== '');
  if (parts.length === 0) return { page: 'fleet', params };
  if (parts[0] === 'states' && parts.length === 1) return { page: 'states', params };
  if (parts[0] === 'hosts' && parts.length === 2) {
    try {
      return { page: 'host', hostname: decodeURIComponent(parts[1]), params };
    } catch {
      return { page: 'missing', path, params };
    }
  }
  return { page: 'missing', path, params };
}

/** The hash of a route, for links; empty parameters are left out. */
export function routeHash(
  path: string,
  params: Record<string, string | number | null | undefined> = {},
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export function hostPath(hostname: string): string {
  return `/hosts/${encodeURIComponent(hostname)}`;
}
