// Duck-typed on purpose: errors from another realm (a vm context, a test runner) fail `instanceof Error`.

/** A caught value as one line of text for a log or a message. */
export function reason(error: unknown): string {
  const message = field(error, 'message');
  return typeof message === 'string' ? message : String(error);
}

/** The errno code of a failed system call (`ENOENT`, `EACCES`), if the error carries one. */
export function errorCode(error: unknown): string | undefined {
  const code = field(error, 'code');
  return typeof code === 'string' ? code : undefined;
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}
