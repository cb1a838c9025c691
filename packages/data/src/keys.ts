/**
 * Key builders: the only place that knows how an item's pk / sk are spelled. Repositories use
 * these; nothing else concatenates key strings.
 */
export type ItemKey = { pk: string; sk: string }

/** A fixed item the health check reads: a real round trip that needs no data to exist. */
export const healthKey = (): ItemKey => ({ pk: 'MARKET', sk: 'HEALTH' })

/** Written once by the demo seed, so a restart can tell the demo data is already there. */
export const seedMarkerKey = (): ItemKey => ({ pk: 'MARKET', sk: 'SEED' })

/** All categories share one partition so the taxonomy is one Query. */
export const categoryKey = (categoryId: string): ItemKey => ({ pk: 'TAXONOMY', sk: `CATEGORY#${categoryId}` })
export const categoryPartition = () => 'TAXONOMY'
export const categorySortPrefix = () => 'CATEGORY#'
