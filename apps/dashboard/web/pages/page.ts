import type { Api } from '../api';
import type { Catalog } from '../catalog';
import type { Route } from '../router';

export interface Context {
  api: Api;
  catalog: Catalog;
  /** The wall screen layout: big numbers, no forms, refreshed on a timer. */
  wall: boolean;
  /** Goes to a route (a hash without the `#`). */
  go(route: string): void;
}

export interface Page {
  element: HTMLElement;
  /** Reloads the page's data in place; forms and focus stay as they are. */
  refresh(): Promise<void>;
  /** Takes a new route of the same page in place; false makes the router build the page anew. */
  update?(route: Route): boolean;
}
