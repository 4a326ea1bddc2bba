import { Injectable } from '@nestjs/common';
import { STATE_INFO, TCP_STATES, VOCABULARIES, vocabulariesFor, type TcpState } from '@tcpfleet/model';
import { statesOf } from '../hosts/state-filter';
import type { StateInfo, VocabularyInfo } from './state.model';

/** The state model of the shared package, as the API shows it. Nothing here knows a state by name. */
@Injectable()
export class StatesService {
  states(): StateInfo[] {
    return TCP_STATES.map((state) => ({
      state,
      ...STATE_INFO[state],
      spellings: vocabulariesFor(state).map((spelling) => ({
        vocabulary: spelling.id,
        title: VOCABULARIES[spelling.id].title,
        names: spelling.names,
        codes: spelling.codes,
      })),
    }));
  }

  vocabularies(): VocabularyInfo[] {
    return Object.values(VOCABULARIES).map(({ id, title, source }) => ({ id, title, source }));
  }

  resolve(name: string): TcpState[] {
    return statesOf('name', undefined, name) ?? [];
  }
}
