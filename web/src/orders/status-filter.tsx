import type { OrderStatus } from '@market/contracts'
import { orderStatuses } from '@market/contracts/values'
import { SelectField } from '../components/select-field.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { navigate, useSearch } from '../router.ts'
import './orders.css'

/** The status the page's URL asks for (`?status=`), if it is one. */
export const useStatusFromSearch = (): OrderStatus | undefined => {
  const requested = new URLSearchParams(useSearch()).get('status')
  return orderStatuses.find((status) => status === requested)
}

/** `base` with one query parameter set, or taken off when empty; the others it has are kept. */
export const withParam = (base: string, name: string, value: string) => {
  const [path, search] = base.split('?')
  const params = new URLSearchParams(search)
  if (value) params.set(name, value)
  else params.delete(name)
  const query = params.toString()
  return query ? `${path}?${query}` : (path as string)
}

/** The status filter lives in the URL, so a reload or a shared link shows the same list. */
export const StatusFilter = ({
  id,
  status,
  base,
  allLabel,
  options = orderStatuses,
}: {
  id: string
  status: OrderStatus | ''
  base: string
  allLabel: string
  options?: readonly OrderStatus[]
}) => {
  const { t } = useI18n()
  return (
    <SelectField
      id={id}
      class="order-filter"
      label={t('orders.filter.status')}
      value={status}
      options={options}
      optionLabel={(option) => t(`orderStatus.${option}`)}
      blank={allLabel}
      onChange={(value) => navigate(withParam(base, 'status', value), { keepScroll: true })}
    />
  )
}
