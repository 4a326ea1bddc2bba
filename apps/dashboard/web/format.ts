const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A count as people read it: 12,345; `short` gives 12.3K for tiles and wall screens. */
export function formatCount(value: number, short = false): string {
  return short && Math.abs(value) >= 10_000 ? compact.format(value) : whole.format(value);
}

/** How long ago a time was, coarsely: "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(iso: string | null, now: number = Date.now()): string {
  if (iso === null) return 'never';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

/** An address and port, with IPv6 addresses in brackets as in URLs (RFC 3986 section 3.2.2). */
export function formatEndpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** A clock time for chart axes: 14:05, or 3 Jan 14:05 when the range spans days. */
export function formatTime(ms: number, withDate: boolean): string {
  const date = new Date(ms);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  if (!withDate) return time;
  return `${date.getDate()} ${date.toLocaleString('en-US', { month: 'short' })} ${time}`;
}
