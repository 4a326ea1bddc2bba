import type { KeyStore } from './key';

/** The API refused the key (or none was given): the dashboard asks for one. */
export class AuthError extends Error {}

/** Any other failure, with the API's code when it gave one (`bad_request`, `not_found`, ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** GraphQL over fetch to the API that served the page, with the stored key as a bearer token. */
export class Api {
  /** Called when the API refuses the key: the app then asks for another. */
  onRefused: () => void = () => undefined;

  constructor(
    private readonly keys: KeyStore,
    private readonly endpoint = '/graphql',
  ) {}

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const key = this.keys.get();
    if (key === null) {
      this.onRefused();
      throw new AuthError('no API key');
    }
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('the API cannot be reached', 'unreachable');
    }
    if (response.status === 401 || response.status === 403) {
      this.onRefused();
      throw new AuthError('the API refused the key');
    }
    const answer = await readAnswer<T>(response);
    const first = answer.errors?.[0];
    if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
    if (!answer.data) throw new ApiError(`the API answered ${response.status} without data`, null);
    return answer.data;
  }
}

async function readAnswer<T>(response: Response): Promise<GraphqlAnswer<T>> {
  try {
    return (await response.json()) as GraphqlAnswer<T>;
  } catch {
    throw new ApiError(`the API answered ${response.status} with something other than GraphQL`, null);
  }
}
