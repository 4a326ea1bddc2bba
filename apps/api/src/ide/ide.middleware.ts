import type { NextFunction, Request, Response } from 'express';
import { IDE_PAGE } from './ide.assets';
import { setIdeHeaders } from './ide.headers';

/** A browser opening /graphql gets the IDE; GraphQL clients (GET with a query, or POST) get GraphQL. */
export function ideOnGraphqlPath(request: Request, response: Response, next: NextFunction): void {
  const browser =
    request.method === 'GET' && request.accepts(['application/json', 'text/html']) === 'text/html';
  if (!browser || request.query.query !== undefined) return next();
  setIdeHeaders(response);
  response.type('html').send(IDE_PAGE);
}
