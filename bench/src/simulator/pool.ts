/**
 * Runs `work` over every item with at most `concurrency` calls in flight: each worker takes the next
 * item when its previous one is done, as that many agents would. Results come in the items' order;
 * a failed item gives its error in place of a result, and the others go on.
 */
export async function runPool<I, O>(
  items: readonly I[],
  concurrency: number,
  work: (item: I, index: number) => Promise<O>,
): Promise<(O | Error)[]> {
  const results: (O | Error)[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        results[index] = error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
