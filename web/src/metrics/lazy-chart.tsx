import { useEffect, useState } from 'hono/jsx/dom'
import { Loading } from '../components/states.tsx'
import type { ChartProps } from './chart.tsx'

type ChartModule = typeof import('./chart.tsx')
let loading: Promise<ChartModule> | undefined

/** A chart whose drawing code is fetched the first time one is shown (its own chunk once the build splits). */
export const LazyChart = (props: ChartProps) => {
  const [module, setModule] = useState<ChartModule | null>(null)
  useEffect(() => {
    let current = true
    loading ??= import('./chart.tsx')
    loading.then((loaded) => current && setModule(loaded))
    return () => {
      current = false
    }
  }, [])
  return module ? <module.Chart {...props} /> : <Loading />
}
