import { useI18n } from '../i18n/i18n.ts'
import './charts.css'

/**
 * Charts drawn as SVG in code (no library, nothing from a CDN), each with its table and a CSV
 * download. Loaded on demand through `lazy-chart.tsx`, so the pages that show none do not carry it.
 * Words (title, legend, table) are HTML, where Tibetan is shaped and wrapped as everywhere else;
 * the SVG holds only numbers.
 */
export type ChartSeries = { name: string; values: (number | null)[]; dashed?: boolean }
export type ChartProps = {
  id: string
  title: string
  /** One per point: periods, weeks. */
  labels: string[]
  series: ChartSeries[]
  kind: 'line' | 'bar'
  format: (value: number) => string
  /** The y axis's numbers, where `format` is too long for them (whole yuan); `format` by default. */
  tickFormat?: (value: number) => string
  /** A value as the CSV writes it (a number a spreadsheet reads); the value itself by default. */
  csvValue?: (value: number) => string
  fileName: string
}

const width = 640
const height = 240
const margin = { top: 12, right: 12, bottom: 28, left: 96 }
const plotWidth = width - margin.left - margin.right
const plotHeight = height - margin.top - margin.bottom

/** Round bounds for the y axis, 0 included. */
const yRange = (series: ChartSeries[]) => {
  const values = series.flatMap((entry) => entry.values).filter((value): value is number => value !== null)
  const low = Math.min(0, ...values)
  const high = Math.max(0, ...values)
  if (low === high) return { low: 0, high: 1 }
  const step = 10 ** Math.floor(Math.log10((high - low) / 4))
  return { low: Math.floor(low / step) * step, high: Math.ceil(high / step) * step }
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)

/** The chart's data as CSV, UTF-8 with a byte-order mark so that spreadsheets read the Chinese and Tibetan right. */
export const chartCsv = (
  { labels, series, csvValue = String }: Pick<ChartProps, 'labels' | 'series' | 'csvValue'>,
  first: string,
) =>
  `\uFEFF${[
    [first, ...series.map((entry) => entry.name)],
    ...labels.map((label, index) => [
      label,
      ...series.map((entry) => {
        const value = entry.values[index]
        return value === null || value === undefined ? '' : csvValue(value)
      }),
    ]),
  ]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`

const download = (fileName: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export const Chart = (props: ChartProps) => {
  const { t } = useI18n()
  const { id, title, labels, series, kind, format, tickFormat = format } = props
  const { low, high } = yRange(series)
  const x = (index: number) => margin.left + (labels.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (labels.length - 1))
  const y = (value: number) => margin.top + plotHeight - ((value - low) / (high - low)) * plotHeight
  const ticks = [0, 1, 2, 3, 4].map((step) => low + ((high - low) * step) / 4)
  const labelEvery = Math.max(1, Math.ceil(labels.length / 8))
  const slot = plotWidth / Math.max(1, labels.length)
  const barWidth = (slot * 0.8) / Math.max(1, series.length)
  const barX = (index: number, seriesIndex: number) => margin.left + index * slot + slot * 0.1 + seriesIndex * barWidth
  const lineOf = (values: (number | null)[]) =>
    values
      .map((value, index) =>
        value === null
          ? ''
          : `${index === 0 || values[index - 1] === null ? 'M' : 'L'}${x(index).toFixed(1)},${y(value).toFixed(1)}`,
      )
      .join(' ')
  return (
    <figure class="chart" id={id} data-chart={id}>
      <figcaption class="chart__title">{title}</figcaption>
      <ul class="chart__legend">
        {series.map((entry, index) => (
          <li class={`chart__key chart__key--${index}${entry.dashed ? ' chart__key--dashed' : ''}`}>{entry.name}</li>
        ))}
      </ul>
      <svg class="chart__plot" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {ticks.map((tick) => (
          <g class="chart__grid">
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} />
            <text x={margin.left - 6} y={y(tick) + 4} text-anchor="end">
              {tickFormat(tick)}
            </text>
          </g>
        ))}
        {labels.map((label, index) =>
          index % labelEvery === 0 ? (
            <text
              class="chart__label"
              x={kind === 'bar' ? margin.left + (index + 0.5) * slot : x(index)}
              y={height - 8}
              text-anchor="middle"
            >
              {label}
            </text>
          ) : null,
        )}
        {series.map((entry, seriesIndex) =>
          kind === 'bar' ? (
            <g class={`chart__series chart__series--${seriesIndex}`}>
              {entry.values.map((value, index) =>
                value === null ? null : (
                  <rect
                    x={barX(index, seriesIndex)}
                    y={Math.min(y(value), y(0))}
                    width={barWidth}
                    height={Math.abs(y(0) - y(value))}
                  >
                    <title>{`${labels[index]}: ${format(value)}`}</title>
                  </rect>
                ),
              )}
            </g>
          ) : (
            <g class={`chart__series chart__series--${seriesIndex}${entry.dashed ? ' chart__series--dashed' : ''}`}>
              <path d={lineOf(entry.values)} fill="none" />
              {entry.values.map((value, index) =>
                value === null ? null : (
                  <circle cx={x(index)} cy={y(value)} r="3">
                    <title>{`${labels[index]}: ${format(value)}`}</title>
                  </circle>
                ),
              )}
            </g>
          ),
        )}
      </svg>
      <div class="chart__tools">
        <details class="chart__table">
          <summary>{t('chart.table')}</summary>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('chart.period')}</th>
                  {series.map((entry) => (
                    <th scope="col">{entry.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {labels.map((label, index) => (
                  <tr>
                    <th scope="row">{label}</th>
                    {series.map((entry) => {
                      const value = entry.values[index]
                      return <td class="numeric">{value === null || value === undefined ? '—' : format(value)}</td>
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <button
          type="button"
          class="button button--secondary chart__csv"
          onClick={() => download(props.fileName, chartCsv(props, t('chart.period')))}
        >
          {t('chart.csv')}
        </button>
      </div>
    </figure>
  )
}
