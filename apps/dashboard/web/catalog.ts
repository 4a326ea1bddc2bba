import type { Api } from './api';
import { h } from './dom';
import { STATES, type StateInfo, type StatesData } from './queries';

/**
 * The state model as the API serves it (from @tcpfleet/model): the dashboard names no state itself. Read
 * once per page load; it only changes with a new API version.
 */
export class Catalog {
  private constructor(
    readonly states: StateInfo[],
    readonly vocabularies: StatesData['vocabularies'],
  ) {}

  static async load(api: Api): Promise<Catalog> {
    const data = await api.query<StatesData>(STATES);
    return new Catalog(data.states, data.vocabularies);
  }

  /** The state's place in the model's order: it picks the state's colour everywhere. */
  index(state: string): number {
    return Math.max(
      0,
      this.states.findIndex((info) => info.state === state),
    );
  }

  info(state: string): StateInfo | undefined {
    return this.states.find((info) => info.state === state);
  }

  /** Sorts states by the model's order. */
  order<T>(items: readonly T[], stateOf: (item: T) => string): T[] {
    return [...items].sort((a, b) => this.index(stateOf(a)) - this.index(stateOf(b)));
  }

  /** Every spelling the model accepts, canonical names first, for the state inputs' suggestions. */
  datalist(id: string): HTMLDataListElement {
    const names = new Set(this.states.map((info) => info.state));
    for (const info of this.states) {
      for (const spelling of info.spellings) for (const name of spelling.names) names.add(name);
    }
    return h('datalist', { id }, ...[...names].map((name) => h('option', { value: name })));
  }
}
