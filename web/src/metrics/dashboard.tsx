import { metricsGranularities } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { MetricsReport } from '../api/types.ts'
import { useResource } from '../api/use-resource.ts'
import { SelectField } from '../components/select-field.tsx'
import { ResourceView } from '../components/states.tsx'
import { addDays, lhasaToday } from '../i18n/dates.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen, formatWholeYuan } from '../listings/money.ts'
import { formatMinutes, formatRate } from '../ratings/figures.ts'
import { IndexMaterialsForm } from './index-materials-form.tsx'
import { LazyChart } from './lazy-chart.tsx'
import { TargetForm } from './target-form.tsx'

type Granularity = (typeof metricsGranularities)[number]
type Query = { from: string; to: string; granularity: Granularity }

const granularityLabels = { month: 'metrics.granularity.month', week: 'metrics.granularity.week' } as const
const yuan = (fen: number) => (fen / 100).toFixed(2)
const percent = (value: number) => `${Math.round(value * 10) / 10} %`

/** The last twelve months, the current one included. */
const lastYear = (): Query => {
  const today = lhasaToday()
  return { from: `${addDays(`${today.slice(0, 7)}-01`, -335).slice(0, 7)}-01`, to: today, granularity: 'month' }
}

/** The administrators' view of the market against the city's plan: figures by period, each chart with its table and CSV. */
export const MetricsDashboard = () => {
  const { t } = useI18n()
  const [query, setQuery] = useState<Query>(lastYear)
  const [draft, setDraft] = useState<Query>(query)
  const report = useResource(async () => (await api.metrics.api.admin.metrics.$get({ query })).json(), [JSON.stringify(query)])
  return (
    <>
      <form
        class="form form--inline metrics-query"
        onSubmit={(event: Event) => {
          event.preventDefault()
          setQuery(draft)
        }}
      >
        <div class="field">
          <label for="metrics-from">{t('metrics.from')}</label>
          <input
            id="metrics-from"
            type="date"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: (event.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="metrics-to">{t('metrics.to')}</label>
          <input
            id="metrics-to"
            type="date"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: (event.target as HTMLInputElement).value })}
          />
        </div>
        <SelectField
          id="metrics-granularity"
          label={t('metrics.granularity')}
          value={draft.granularity}
          options={metricsGranularities}
          optionLabel={(granularity) => t(granularityLabels[granularity])}
          onChange={(granularity) => setDraft({ ...draft, granularity: (granularity || 'month') as Granularity })}
        />
        <button type="submit" class="button">
          {t('metrics.show')}
        </button>
      </form>
      <ResourceView resource={report}>{(data) => <MetricsCharts report={data} />}</ResourceView>
      <section class="section" aria-labelledby="target-title">
        <h2 id="target-title">{t('metrics.target.title')}</h2>
        <TargetForm onSaved={() => report.state !== 'loading' && report.reload()} />
      </section>
      <section class="section" aria-labelledby="index-materials-title">
        <h2 id="index-materials-title">{t('metrics.materials.title')}</h2>
        <IndexMaterialsForm />
      </section>
    </>
  )
}

const MetricsCharts = ({ report }: { report: MetricsReport }) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const { periods } = report
  const labels = periods.map((period) => period.period)
  const file = (name: string) => `${name}-${report.from}-${report.to}.csv`
  const byCategory = new Map<string, number>()
  for (const period of periods) {
    for (const [category, fen] of Object.entries(period.gmvByCategory))
      byCategory.set(category, (byCategory.get(category) ?? 0) + fen)
  }
  const categories = [...byCategory.entries()].sort((a, b) => b[1] - a[1])
  const rate = (value: number) => formatRate(locale, value)
  return (
    <div class="metrics">
      <LazyChart
        id="metrics-gmv"
        title={t('metrics.gmv')}
        labels={labels}
        kind="bar"
        series={[
          { name: t('metrics.gmv.current'), values: periods.map((period) => period.gmvFen) },
          { name: t('metrics.gmv.previous'), values: periods.map((period) => period.previousYearGmvFen) },
        ]}
        format={formatFen}
        tickFormat={formatWholeYuan}
        csvValue={yuan}
        fileName={file('gmv')}
      />
      <LazyChart
        id="metrics-growth"
        title={t('metrics.growth')}
        labels={labels}
        kind="line"
        series={[
          { name: t('metrics.growth.actual'), values: periods.map((period) => period.growthPercent) },
          { name: t('metrics.growth.target'), values: periods.map((period) => period.targetGrowthPercent), dashed: true },
        ]}
        format={percent}
        fileName={file('growth')}
      />
      <LazyChart
        id="metrics-activity"
        title={t('metrics.activity')}
        labels={labels}
        kind="line"
        series={[
          { name: t('metrics.orders'), values: periods.map((period) => period.ordersPaid) },
          { name: t('metrics.buyers'), values: periods.map((period) => period.activeBuyers) },
          { name: t('metrics.suppliers'), values: periods.map((period) => period.activeSuppliers) },
        ]}
        format={String}
        fileName={file('activity')}
      />
      <LazyChart
        id="metrics-rates"
        title={t('metrics.rates')}
        labels={labels}
        kind="line"
        series={[
          { name: t('metrics.fillRate'), values: periods.map((period) => period.fillRate) },
          { name: t('metrics.onTime'), values: periods.map((period) => period.onTimeDeliveryRate) },
          { name: t('metrics.disputeRate'), values: periods.map((period) => period.disputeRate) },
        ]}
        format={rate}
        fileName={file('rates')}
      />
      <LazyChart
        id="metrics-supply"
        title={t('metrics.supply')}
        labels={labels}
        kind="bar"
        series={[
          { name: t('metrics.newListings'), values: periods.map((period) => period.newListings) },
          { name: t('metrics.requestsPosted'), values: periods.map((period) => period.requestsPosted) },
        ]}
        format={String}
        fileName={file('supply')}
      />
      <LazyChart
        id="metrics-first-bid"
        title={t('metrics.firstBid')}
        labels={labels}
        kind="bar"
        series={[{ name: t('metrics.firstBid.median'), values: periods.map((period) => period.medianFirstBidMinutes) }]}
        format={(minutes) => formatMinutes(locale, minutes)}
        fileName={file('first-bid')}
      />
      <LazyChart
        id="metrics-categories"
        title={t('metrics.byCategory')}
        labels={categories.map(([category]) => names.category(category))}
        kind="bar"
        series={[{ name: t('metrics.gmv.current'), values: categories.map(([, fen]) => fen) }]}
        format={formatFen}
        tickFormat={formatWholeYuan}
        csvValue={yuan}
        fileName={file('gmv-by-category')}
      />
      <p class="muted" data-certified-suppliers={report.certifiedSuppliers}>
        {fill(t('metrics.certified'), { count: report.certifiedSuppliers })}
      </p>
    </div>
  )
}
