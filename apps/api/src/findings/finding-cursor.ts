/** Where a page of fleet findings ended: the host, and the finding's place among the host's findings. */
export interface FindingCursor {
  hostname: string;
  index: number;
}

export function encodeFindingCursor(cursor: FindingCursor): string {
  return Buffer.from(JSON.stringify([cursor.hostname, cursor.index])).toString('base64url');
}

/** The cursor, or null when the text is not one of ours. */
export function decodeFindingCursor(text: string): FindingCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [hostname, index] = value as unknown[];
    if (typeof hostname !== 'string' || !Number.isInteger(index) || (index as number) < 0) return null;
    return { hostname, index: index as number };
  } catch {
    return null;
  }
}
