import { certificationStatuses } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { describeError, FormError } from '../components/form.tsx'
import { ListScreen } from '../components/paged-view.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { SupplierLine } from '../listings/supplier-line.tsx'
import { CertificationFacts } from './certification-form.tsx'
import './certifications.css'

type Status = (typeof certificationStatuses)[number]
type Action = 'approve' | 'reject' | 'revoke'

/** An administrator's decision on one certification: approve or reject a request, revoke an approved one (with a reason). */
const Decide = ({
  status,
  id,
  busy,
  failure,
  onDecide,
}: {
  status: Status
  id: string
  busy: boolean
  failure: unknown
  onDecide: (action: Action, reason?: string) => void
}) => {
  const { t, locale } = useI18n()
  const [asking, setAsking] = useState<'reject' | 'revoke' | null>(null)
  if (status !== 'pending' && status !== 'approved') return null
  return (
    <div class="rating-decision">
      {failure !== undefined && <FormError>{describeError(locale, failure)}</FormError>}
      {asking ? (
        <ReasonForm
          id={`${asking}-${id}`}
          label={t(asking === 'reject' ? 'certQueue.reject.reason' : 'certQueue.revoke.reason')}
          confirm={t(asking === 'reject' ? 'certQueue.reject' : 'certQueue.revoke')}
          busy={busy}
          onConfirm={(reason) => onDecide(asking, reason)}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <div class="button-row">
          {status === 'pending' ? (
            <>
              <button
                type="button"
                class="button button--primary button--small"
                disabled={busy}
                onClick={() => onDecide('approve')}
              >
                {t('certQueue.approve')}
              </button>
              <button type="button" class="button button--danger button--small" onClick={() => setAsking('reject')}>
                {t('certQueue.reject')}
              </button>
            </>
          ) : (
            <button type="button" class="button button--danger button--small" onClick={() => setAsking('revoke')}>
              {t('certQueue.revoke')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}

/** Certification requests to decide (oldest first), and the approved, rejected, revoked and expired ones. */
export const CertificationQueue = () => {
  const { t } = useI18n()
  const [status, setStatus] = useState<Status>('pending')
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const { busy, failure, run } = useRowAction()
  const queue = usePaged(
    async (cursor) => (await api.ratings.api.admin.certifications.$get({ query: { status, ...pageQuery(25, cursor) } })).json(),
    [status, changes],
  )
  const decide = (id: string, action: Action, reason?: string) =>
    run(id, async () => {
      const route = api.ratings.api.admin.certifications[':id']
      if (action === 'revoke') await route.revoke.$post({ param: { id }, json: { reason: reason ?? '' } })
      else await route.decision.$post({ param: { id }, json: { decision: action, ...(reason ? { reason } : {}) } })
      setAnnouncement(t(`certQueue.${action}.done`))
      setChanges((n) => n + 1)
    })
  const tabs = (
    <fieldset class="rating-queue__tabs">
      <legend class="visually-hidden">{t('certQueue.title')}</legend>
      {certificationStatuses.map((option) => (
        <button
          type="button"
          class="button button--secondary button--small"
          aria-pressed={option === status ? 'true' : 'false'}
          data-queue={option}
          onClick={() => setStatus(option)}
        >
          {t(`certification.status.${option}`)}
        </button>
      ))}
    </fieldset>
  )
  return (
    <>
      <p class="announcement" role="status">
        {announcement}
      </p>
      <ListScreen
        title={t('certQueue.title')}
        lead={t('certQueue.intro')}
        action={tabs}
        list={queue}
        empty={t('certQueue.empty')}
        class="certification-list"
        moreLabel={t('admin.loadMore')}
        item={(certification) => (
          <li class="card" data-certification-id={certification.id}>
            {certification.supplier && (
              <p>
                <SupplierLine supplier={certification.supplier} />
              </p>
            )}
            <CertificationFacts certification={certification} />
            <Decide
              status={certification.status}
              id={certification.id}
              busy={busy === certification.id}
              failure={failure?.id === certification.id ? failure.error : undefined}
              onDecide={(action, reason) => decide(certification.id, action, reason)}
            />
          </li>
        )}
      />
    </>
  )
}
