import { growthTargetYears } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { Announcement } from '../components/announcement.tsx'
import { ErrorState } from '../components/states.tsx'
import { lhasaToday } from '../i18n/dates.ts'
import { fill, useI18n } from '../i18n/i18n.ts'

/** An administrator sets a year's growth target (the plan's until then); the figures are read again after. */
export const TargetForm = ({ onSaved }: { onSaved: () => void }) => {
  const { t } = useI18n()
  const [year, setYear] = useState(lhasaToday().slice(0, 4))
  const [percent, setPercent] = useState('20')
  const [state, setState] = useState<{ saving: boolean; error?: unknown; saved?: string }>({ saving: false })
  const save = async (event: Event) => {
    event.preventDefault()
    setState({ saving: true })
    try {
      const json = { year: Number(year), growthPercent: Number(percent) }
      await api.metrics.api.admin.metrics.targets.$put({ json })
      setState({ saving: false, saved: fill(t('metrics.target.saved'), { year: json.year, percent: json.growthPercent }) })
      onSaved()
    } catch (error) {
      setState({ saving: false, error })
    }
  }
  return (
    <form class="form form--inline metrics-target" onSubmit={save}>
      <div class="field">
        <label for="target-year">{t('metrics.target.year')}</label>
        <input
          id="target-year"
          type="number"
          min={growthTargetYears.min}
          max={growthTargetYears.max}
          value={year}
          onInput={(event) => setYear((event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="target-percent">{t('metrics.target.percent')}</label>
        <input
          id="target-percent"
          type="number"
          step="0.1"
          value={percent}
          onInput={(event) => setPercent((event.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="button button--secondary" disabled={state.saving}>
        {t('metrics.target.save')}
      </button>
      {state.error !== undefined && <ErrorState error={state.error} />}
      <Announcement message={state.saved ?? ''} />
    </form>
  )
}
