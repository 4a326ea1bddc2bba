import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { TcpState } from '@tcpfleet/model';
import { ApiKeyGuard } from '../auth/guards';
import { StateInfo, VocabularyInfo } from './state.model';
import { StatesService } from './states.service';

@Resolver()
@UseGuards(ApiKeyGuard)
export class StatesResolver {
  constructor(private readonly states: StatesService) {}

  @Query(() => [StateInfo], {
    name: 'states',
    description: 'Every canonical state, its meaning and spellings',
  })
  list(): StateInfo[] {
    return this.states.states();
  }

  @Query(() => [VocabularyInfo], { description: 'The OS and tool vocabularies the state model knows' })
  vocabularies(): VocabularyInfo[] {
    return this.states.vocabularies();
  }

  @Query(() => [TcpState], {
    description: 'The canonical state(s) an OS spelling means: SYN_RCVD, FinWait2, ...',
  })
  resolveState(@Args('name') name: string): TcpState[] {
    return this.states.resolve(name);
  }
}
