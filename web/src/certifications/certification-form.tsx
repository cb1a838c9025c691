import type { CertificationInput, MeResponse } from '@market/contracts'
import { certificationKinds } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api, photoUrl } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { PhotoPicker, photosNotReady, usePhotos } from '../components/photo-picker.tsx'
import { SelectField } from '../components/select-field.tsx'
import { Badge } from '../components/status-badge.tsx'
import { unfilled, useForm } from '../components/use-form.ts'
import { fill, useI18n } from '../i18n/i18n.ts'

type Kind = CertificationInput['kind']
type Certificate = { kind: Kind | ''; issuer: string; number: string; expiresOn: string }

/** A certification as its supplier or an administrator reads it: kind, issuer, number, validity, photo and status. */
export const CertificationFacts = ({
  certification,
}: {
  certification: Omit<CertificationInput, 'kind'> & { kind: Kind; status: string; reason?: string | undefined }
}) => {
  const { t } = useI18n()
  const status = certification.status as 'pending' | 'approved' | 'rejected' | 'revoked' | 'expired'
  const tone = status === 'approved' ? 'success' : status === 'pending' ? 'warning' : 'neutral'
  return (
    <>
      <p>
        <strong>{t(`certification.kind.${certification.kind}`)}</strong>{' '}
        <Badge tone={tone} data-certification-status={status}>
          {t(`certification.status.${status}`)}
        </Badge>
      </p>
      <p class="muted">
        {certification.issuer} · {certification.number} ·{' '}
        {fill(t('certifications.validUntil'), { date: certification.expiresOn })}
      </p>
      {certification.reason && <p>{fill(t('certifications.reason'), { reason: certification.reason })}</p>}
      <p>
        <a href={photoUrl(certification.document)} target="_blank" rel="noopener">
          {t('certifications.photo')}
        </a>
      </p>
    </>
  )
}

/** The supplier's certifications: the request form (with the certificate's photo) and its requests with their status. */
export const CertificationsSection = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  const [photos, setPhotos] = usePhotos()
  const [sent, setSent] = useState(0)
  const form = useForm<Certificate>({ kind: '', issuer: '', number: '', expiresOn: '' })
  const mine = usePaged(
    async (cursor) => (await api.ratings.api.suppliers.me.certifications.$get({ query: pageQuery(25, cursor) })).json(),
    [sent],
  )
  const submit = form.submit({
    check: () => {
      const { kind, issuer, number, expiresOn } = form.values
      const errors = unfilled({ kind: Boolean(kind), issuer: Boolean(issuer.trim()), number: Boolean(number.trim()) })
      if (!expiresOn) errors.expiresOn = 'buy.required'
      const notReady = photos.length === 0 ? 'certifications.photo.required' : photosNotReady(photos)
      if (notReady) errors.document = notReady
      return errors
    },
    send: async () => {
      const { kind, issuer, number, expiresOn } = form.values
      await api.ratings.api.suppliers.me.certifications.$post({
        json: { kind: kind as Kind, issuer, number, expiresOn, document: photos[0]?.key ?? '' },
      })
      form.setValues({ kind: '', issuer: '', number: '', expiresOn: '' })
      setPhotos(() => [])
      setSent((n) => n + 1)
    },
  })
  return (
    <section class="card section" aria-labelledby="certifications-title" data-certifications-section>
      <h2 id="certifications-title" class="card__title">
        {t('certifications.title')}
      </h2>
      <p class="field__hint">{t('certifications.intro')}</p>
      {me.status === 'active' && (
        <form class="form" noValidate onSubmit={submit} ref={form.formRef}>
          <SelectField
            id="certification-kind"
            label={t('certifications.kind')}
            value={form.values.kind}
            options={certificationKinds}
            optionLabel={(kind) => t(`certification.kind.${kind}`)}
            onChange={form.set('kind')}
            blank="—"
            required
            error={form.errorFor('kind')}
          />
          <TextField
            id="certification-issuer"
            label={t('certifications.issuer')}
            value={form.values.issuer}
            onInput={form.set('issuer')}
            required
            error={form.errorFor('issuer')}
          />
          <TextField
            id="certification-number"
            label={t('certifications.number')}
            value={form.values.number}
            onInput={form.set('number')}
            required
            error={form.errorFor('number')}
          />
          <TextField
            id="certification-expires"
            type="date"
            label={t('certifications.expiresOn')}
            value={form.values.expiresOn}
            onInput={form.set('expiresOn')}
            required
            error={form.errorFor('expiresOn')}
          />
          <p class="field__label">{t('certifications.document')}</p>
          <PhotoPicker photos={photos} setPhotos={setPhotos} max={1} error={form.errorFor('document')} />
          {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
          {sent > 0 && (
            <p class="notice" role="status">
              {t('certifications.done')}
            </p>
          )}
          <div class="form__actions">
            <button type="submit" class="button button--primary" disabled={form.submitting}>
              {form.submitting ? t('certifications.submitting') : t('certifications.submit')}
            </button>
          </div>
        </form>
      )}
      <h3>{t('certifications.mine')}</h3>
      <PagedList
        list={mine}
        empty={t('certifications.empty')}
        class="certification-list"
        moreLabel={t('admin.loadMore')}
        item={(certification) => (
          <li data-certification-id={certification.id}>
            <CertificationFacts certification={certification} />
          </li>
        )}
      />
    </section>
  )
}
