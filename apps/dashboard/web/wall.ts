export interface WallSettings {
  /** Big numbers, no forms. */
  enabled: boolean;
  /** Seconds between refreshes; 0: only on demand. */
  refreshSeconds: number;
}

const WALL_REFRESH_SECONDS = 30;

/**
 * `?wall=1` (or a screen at least as wide as a wall display, `largeScreen`) turns the wall layout on;
 * `?refresh=N` sets the refresh in seconds (10 at least), for any layout; `?wall=0` turns it off.
 */
export function wallSettings(search: string, largeScreen: boolean): WallSettings {
  const params = new URLSearchParams(search);
  const wall = params.get('wall');
  const enabled = wall === null ? largeScreen : wall !== '0' && wall !== 'false';
  const asked = Number(params.get('refresh'));
  const refreshSeconds =
    params.has('refresh') && Number.isFinite(asked)
      ? asked <= 0
        ? 0
        : Math.max(10, asked)
      : enabled
        ? WALL_REFRESH_SECONDS
        : 0;
  return { enabled, refreshSeconds };
}
