/** Attributes that name the unit an item's errors are correlated within, first found wins. */
export const CLUSTER_ATTRIBUTES: readonly string[] = ['speaker', 'session', 'cluster'];

/** The cluster an item's attributes name (`speaker=…`), or undefined for an item on its own. */
export function clusterOfAttributes(
  attributes: Readonly<Record<string, string>>,
): string | undefined {
  const name = CLUSTER_ATTRIBUTES.find((candidate) => attributes[candidate]);
  return name === undefined ? undefined : `${name}=${attributes[name]}`;
}

/** Each clustered item's cluster, by item id (the tests resample whole clusters). */
export function itemClusters(
  items: Iterable<{ itemId: string; attributes: Readonly<Record<string, string>> }>,
): Map<string, string> {
  const clusters = new Map<string, string>();
  for (const { itemId, attributes } of items) {
    const cluster = clusterOfAttributes(attributes);
    if (cluster !== undefined) clusters.set(itemId, cluster);
  }
  return clusters;
}
