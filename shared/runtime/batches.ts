/** `items` cut into runs of at most `size`, in order. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * `fn` over every item, `size` at a time: a city's worth of small reads, writes and workflow
 * calls, neither one by one nor all at once (the service quotas). Results in the items' order.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (const run of chunks(items, size)) out.push(...(await Promise.all(run.map(fn))));
  return out;
}
