import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen, formatWholeYuan } from '../listings/money.ts'
import { LazyChart } from './lazy-chart.tsx'

const weeks = 26

/**
 * The public price index on the market page: the weekly median unit price of a key material over
 * the last half year, with the trades behind each week. On a material's own page (the market
 * filtered to its category) it shows that material; on the whole market, the one the reader picks.
 * Nothing for a category outside the index.
 */
export const PriceIndexPanel = ({ category }: { category: string }) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const index = useResource(async () =>
    (await api.metrics.api.market['price-index'].$get({ query: { weeks: String(weeks) } })).json(),
  )
  const [picked, setPicked] = useState(0)
  if (index.state !== 'ready') return null
  const series = index.data.series.filter((entry) => entry.trades > 0 && (!category || entry.categoryId === category))
  const shown = series[category ? 0 : Math.min(picked, series.length - 1)]
  if (!shown) return null
  const unit = names.unit(shown.unit)
  return (
    <section class="section price-index" aria-labelledby="price-index-title">
      <h2 id="price-index-title">{t('priceIndex.title')}</h2>
      <p class="lead">{t('priceIndex.intro')}</p>
      {!category && (
        <div class="field field--inline">
          <label for="price-index-material">{t('priceIndex.material')}</label>
          <select id="price-index-material" onChange={(event) => setPicked(Number((event.target as HTMLSelectElement).value))}>
            {series.map((entry, position) => (
              <option value={String(position)} selected={position === picked}>
                {`${localized(locale, entry.name)} (${names.unit(entry.unit)})`}
              </option>
            ))}
          </select>
        </div>
      )}
      <LazyChart
        id={`price-index-${shown.categoryId}`}
        title={fill(t('priceIndex.chartTitle'), { material: localized(locale, shown.name), unit })}
        labels={shown.points.map((point) => point.week)}
        series={[{ name: fill(t('priceIndex.median'), { unit }), values: shown.points.map((point) => point.medianUnitPriceFen) }]}
        kind="line"
        format={formatFen}
        tickFormat={formatWholeYuan}
        csvValue={(fen) => (fen / 100).toFixed(2)}
        fileName={`price-index-${shown.categoryId}-${shown.unit}.csv`}
      />
      <p class="muted">{fill(t('priceIndex.trades'), { trades: shown.trades, weeks })}</p>
    </section>
  )
}
