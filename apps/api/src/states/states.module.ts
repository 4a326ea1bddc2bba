import { Module } from '@nestjs/common';
import { StatesResolver } from './states.resolver';
import { StatesService } from './states.service';

@Module({ providers: [StatesService, StatesResolver] })
export class StatesModule {}
