import type { MeResponse } from '@market/contracts'
import { CertificationsSection } from '../certifications/certification-form.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { formatDateTime, useI18n } from '../i18n/i18n.ts'
import { BankAccountSection } from './bank-account.tsx'
import { RoleLabel } from './role-label.tsx'
import { VerificationSection } from './verification.tsx'

/** The reader's own account: who, which company, since when, whether suspended, and (suppliers) verification. */
export const AccountOverview = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  return (
    <>
      <h1>{t('account.title')}</h1>
      {me.status === 'suspended' && (
        <div class="notice notice--danger" data-notice="suspended">
          <p class="notice__title">{t('account.suspended.title')}</p>
          <p>{t('account.suspended.body')}</p>
        </div>
      )}
      <section class="card section" aria-labelledby="profile-title">
        <h2 id="profile-title" class="card__title">
          {t('account.profile')}
        </h2>
        <dl class="details">
          <dt>{t('field.name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('field.email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>
            <RoleLabel role={me.role} />
          </dd>
          <dt>{t('account.status')}</dt>
          <dd>
            <StatusBadge kind="account" status={me.status} />
          </dd>
          <dt>{t('account.company')}</dt>
          <dd>{me.company.name}</dd>
          {me.company.phone && (
            <>
              <dt>{t('field.phone')}</dt>
              <dd>{me.company.phone}</dd>
            </>
          )}
          {me.company.address && (
            <>
              <dt>{t('field.address')}</dt>
              <dd>{me.company.address}</dd>
            </>
          )}
          <dt>{t('account.since')}</dt>
          <dd>{formatDateTime(locale, me.createdAt)}</dd>
        </dl>
      </section>
      {me.role === 'supplier' && <VerificationSection me={me} />}
      {me.role === 'supplier' && me.verification === 'verified' && <BankAccountSection me={me} />}
      {me.role === 'supplier' && me.verification === 'verified' && <CertificationsSection me={me} />}
    </>
  )
}
