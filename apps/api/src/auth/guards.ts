import {
  createParamDecorator,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import type { Role } from './api-keys.repository';
import { ApiKeysService, type Principal } from './api-keys.service';
import type { TokenHost } from './host-tokens.repository';
import { HostTokensService } from './host-tokens.service';
import { bearerOf } from './secrets';

type AuthedRequest = Request & { principal?: Principal; tokenHost?: TokenHost };

const ROLE_KEY = 'tcpfleet:role';

/** The least role a handler needs; reader is the default. */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(ROLE_KEY, role);

function requestOf(context: ExecutionContext): AuthedRequest {
  if ((context.getType() as string) === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthedRequest>();
}

/** API keys for people and dashboards: GraphQL and the admin endpoints. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    // One GraphQL request runs several resolvers; authenticate it once.
    request.principal ??= await this.keys.authenticate(bearerOf(request.headers.authorization));
    const needed =
      this.reflector.getAllAndOverride<Role | undefined>(ROLE_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'reader';
    if (needed === 'admin' && request.principal.role !== 'admin') {
      throw new DomainError('forbidden', 'this needs an admin API key');
    }
    return true;
  }
}

/** Host tokens for agents: the token decides which host a request writes for. */
@Injectable()
export class HostTokenGuard implements CanActivate {
  constructor(private readonly tokens: HostTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    request.tokenHost = await this.tokens.authenticate(bearerOf(request.headers.authorization));
    return true;
  }
}

/** The host of the token that authenticated the request. */
export const TokenHostOf = createParamDecorator((_: unknown, context: ExecutionContext): TokenHost => {
  const host = requestOf(context).tokenHost;
  if (!host) throw new DomainError('unauthenticated', 'a host token is required');
  return host;
});
