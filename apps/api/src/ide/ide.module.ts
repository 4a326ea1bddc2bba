import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { IdeController } from './ide.controller';
import { ideOnGraphqlPath } from './ide.middleware';

@Module({ controllers: [IdeController] })
export class IdeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ideOnGraphqlPath).forRoutes({ path: 'graphql', method: RequestMethod.GET });
  }
}
