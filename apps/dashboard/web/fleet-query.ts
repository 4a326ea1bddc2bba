/** The fleet overview's query as the form holds it: every field text, as typed. */
export interface FleetQuery {
  state: string;
  port: string;
  comparison: Comparison;
  count: string;
  labels: string;
  hostname: string;
  sort: SortField;
  order: 'ASC' | 'DESC';
}

export type Comparison = 'gt' | 'gte' | 'lt';
export type SortField = 'COUNT' | 'HOSTNAME' | 'LAST_SEEN_AT';

/** The headline question: which hosts hold more than 100 sockets in CLOSE_WAIT on port 443. */
export const HEADLINE_QUERY: FleetQuery = {
  state: 'CLOSE_WAIT',
  port: '443',
  comparison: 'gt',
  count: '100',
  labels: '',
  hostname: '',
  sort: 'COUNT',
  order: 'DESC',
};

const COMPARISONS: readonly Comparison[] = ['gt', 'gte', 'lt'];
const SORT_FIELDS: readonly SortField[] = ['COUNT', 'HOSTNAME', 'LAST_SEEN_AT'];
const FIELDS = ['state', 'port', 'cmp', 'count', 'labels', 'hostname'] as const;

/** The query in the URL, or the headline query when the URL names no field. */
export function queryFromParams(params: URLSearchParams): FleetQuery {
  if (!FIELDS.some((field) => params.has(field))) return { ...HEADLINE_QUERY, ...sortFrom(params) };
  const comparison = params.get('cmp') ?? 'gt';
  return {
    state: params.get('state') ?? '',
    port: params.get('port') ?? '',
    comparison: COMPARISONS.includes(comparison as Comparison) ? (comparison as Comparison) : 'gt',
    count: params.get('count') ?? '',
    labels: params.get('labels') ?? '',
    hostname: params.get('hostname') ?? '',
    ...sortFrom(params),
  };
}

function sortFrom(params: URLSearchParams): Pick<FleetQuery, 'sort' | 'order'> {
  const sort = params.get('sort') ?? 'COUNT';
  return {
    sort: SORT_FIELDS.includes(sort as SortField) ? (sort as SortField) : 'COUNT',
    order: params.get('order') === 'ASC' ? 'ASC' : 'DESC',
  };
}

/** The URL parameters of a query; `cmp` is always there, so a query with every field emptied stays empty. */
export function queryParams(query: FleetQuery): Record<string, string> {
  return {
    state: query.state,
    port: query.port,
    cmp: query.comparison,
    count: query.count,
    labels: query.labels,
    hostname: query.hostname,
    sort: query.sort,
    order: query.order,
  };
}

export interface HostWhere {
  sockets?: { stateName?: string; port?: number; countGt?: number; countGte?: number; countLt?: number };
  labels?: { key: string; value: string }[];
  hostname?: string;
}

/** The GraphQL `where` of a query, or the reason it cannot be one (shown beside the form). */
export function whereOf(query: FleetQuery): { where: HostWhere } | { error: string } {
  const sockets: NonNullable<HostWhere['sockets']> = {};
  if (query.state.trim()) sockets.stateName = query.state.trim();
  if (query.port.trim()) {
    const port = wholeNumber(query.port);
    if (port === null || port > 65535) return { error: `port must be a number from 0 to 65535` };
    sockets.port = port;
  }
  if (query.count.trim()) {
    const count = wholeNumber(query.count);
    if (count === null) return { error: 'count must be a whole number' };
    if (query.comparison === 'lt' && count < 1) return { error: 'count < needs a number of 1 or more' };
    sockets[query.comparison === 'gt' ? 'countGt' : query.comparison === 'gte' ? 'countGte' : 'countLt'] =
      count;
  }
  const labels = parseLabels(query.labels);
  if ('error' in labels) return labels;
  const where: HostWhere = {};
  if (Object.keys(sockets).length > 0) where.sockets = sockets;
  if (labels.labels.length > 0) where.labels = labels.labels;
  if (query.hostname.trim()) where.hostname = query.hostname.trim();
  return { where };
}

function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** `role=web, region=eu-west` as label conditions. */
export function parseLabels(text: string): { labels: { key: string; value: string }[] } | { error: string } {
  const labels: { key: string; value: string }[] = [];
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    if (at <= 0) return { error: `label "${part.trim()}" is not key=value` };
    labels.push({ key: part.slice(0, at).trim(), value: part.slice(at + 1).trim() });
  }
  return { labels };
}

/** The query in words, for headings and the wall screen: "CLOSE_WAIT on port 443, count > 100". */
export function describeQuery(query: FleetQuery): string {
  const state = query.state.trim() || 'all states';
  const parts = [query.port.trim() ? `${state} on port ${query.port.trim()}` : state];
  if (query.count.trim()) {
    const sign = query.comparison === 'gt' ? '>' : query.comparison === 'gte' ? '≥' : '<';
    parts.push(`count ${sign} ${query.count.trim()}`);
  }
  if (query.labels.trim()) parts.push(`labels ${query.labels.trim()}`);
  if (query.hostname.trim()) parts.push(`hostname ${query.hostname.trim()}`);
  return parts.join(', ');
}
