import type { ListingImport } from '@market/contracts'
import { listingColumns, maxListingFileBytes } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { ApiError, api, OfflineError } from '../api/client.ts'
import { describeError, FormError } from '../components/form.tsx'
import { PageHead } from '../components/page-head.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import './bulk-upload.css'

type Format = 'csv' | 'xlsx'
const formatOf = (name: string): Format | undefined => {
  const extension = name.toLowerCase().split('.').pop()
  return extension === 'csv' || extension === 'xlsx' ? extension : undefined
}
/** How often the page asks how far a running import is. */
const pollEveryMs = 1000

const imports = () => api.listingImports.api.suppliers.me['listing-imports']

/** Sends the file straight to the object store with a presigned PUT (the API's JSON body stays small), and returns its key. */
const uploadFile = async (file: File, format: Format) => {
  const ticket = await (await imports().uploads.$post({ json: { format, size: file.size } })).json()
  let response: Response
  try {
    response = await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: file })
  } catch (error) {
    throw new OfflineError(String(error))
  }
  if (!response.ok) throw new ApiError(response.status, 'listing_import.upload_failed', response.statusText)
  return ticket.key
}

/** Links to a file the API makes (the template, the export): the browser downloads them with the session cookie. */
const FileLinks = ({ path, label }: { path: 'template' | 'export'; label: string }) => {
  const { t } = useI18n()
  return (
    <p class="bulk-upload__files">
      <span>{label}:</span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          class="button button--secondary button--small"
          href={`/api/suppliers/me/listing-imports/${path}?format=${format}`}
          download
          data-file={`${path}-${format}`}
        >
          {t(format === 'csv' ? 'bulk.csv' : 'bulk.xlsx')}
        </a>
      ))}
    </p>
  )
}

const headerOf = (field: string | undefined) => listingColumns.find(({ key }) => key === field)?.header

const ImportResult = ({ result }: { result: ListingImport }) => {
  const { t } = useI18n()
  return (
    <section class="bulk-upload__result" data-import-result={result.status}>
      {result.repeat && <p class="bulk-upload__note">{t('bulk.repeat')}</p>}
      <p role="status">
        {fill(t('bulk.result'), {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          errorRows: result.errorRows,
        })}
      </p>
      <a href="/supplier/listings">{t('bulk.drafts')}</a>
      {result.errors.length > 0 && (
        <>
          <h2>{t('bulk.errors.title')}</h2>
          <StackedTable
            columns={[t('bulk.errors.row'), t('bulk.errors.field'), t('bulk.errors.message')]}
            data={{ 'data-import-errors': true }}
          >
            {result.errors.map((error) => (
              <tr data-error-row={error.row} data-error-field={error.field}>
                <td data-label={t('bulk.errors.row')}>{error.row}</td>
                <td data-label={t('bulk.errors.field')}>{headerOf(error.field) ?? t('bulk.errors.wholeRow')}</td>
                <td data-label={t('bulk.errors.message')} title={error.message}>
                  {t(`bulk.problem.${error.problem}`)}
                </td>
              </tr>
            ))}
          </StackedTable>
          {result.errors.length < result.errorRows && <p>{fill(t('bulk.errors.more'), { n: result.errors.length })}</p>}
        </>
      )}
    </section>
  )
}

/** A supplier's bulk upload: the template, the upload with its progress, the per-row errors, and the export. */
export const BulkUpload = () => {
  const { t, locale } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [stage, setStage] = useState<'idle' | 'uploading' | 'importing'>('idle')
  const [progress, setProgress] = useState<ListingImport | null>(null)
  const [result, setResult] = useState<ListingImport | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const start = async (event: Event) => {
    event.preventDefault()
    if (!file) return
    const format = formatOf(file.name)
    if (!format) return setProblem(t('bulk.wrongType'))
    if (file.size > maxListingFileBytes) return setProblem(t('bulk.tooLarge'))
    setProblem(null)
    setResult(null)
    setProgress(null)
    setStage('uploading')
    let running = true
    try {
      const key = await uploadFile(file, format)
      setStage('importing')
      // The import runs within its request; meanwhile its progress is read by its id (the upload's).
      const id = key.split('/')[2]?.split('.')[0] ?? ''
      const poll = async () => {
        while (running) {
          await new Promise((resolve) => setTimeout(resolve, pollEveryMs))
          const answer = await imports()
            [':id'].$get({ param: { id } })
            .then((response) => response.json())
            .catch(() => null)
          if (running && answer) setProgress(answer)
        }
      }
      void poll()
      setResult(await (await imports().$post({ json: { key } })).json())
    } catch (error) {
      setProblem(describeError(locale, error))
    } finally {
      running = false
      setStage('idle')
    }
  }

  return (
    <>
      <PageHead title={t('bulk.title')} lead={t('bulk.lead')} />
      <FileLinks path="template" label={t('bulk.template')} />
      <form class="bulk-upload__form" onSubmit={start}>
        <div class="field">
          <label class="field__label" for="bulk-file">
            {t('bulk.file')}
          </label>
          <input
            id="bulk-file"
            class="input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event: Event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <button type="submit" class="button button--primary" disabled={!file || stage !== 'idle'}>
          {t('bulk.upload')}
        </button>
      </form>
      {stage === 'uploading' && <p role="status">{t('bulk.uploading')}</p>}
      {stage === 'importing' && (
        <div class="bulk-upload__progress" role="status" data-import-progress>
          <progress max={progress?.rows ?? 1} value={progress?.processed ?? 0} />
          {progress && <span>{fill(t('bulk.progress'), { processed: progress.processed, rows: progress.rows })}</span>}
        </div>
      )}
      {problem && <FormError>{problem}</FormError>}
      {result && <ImportResult result={result} />}
      <FileLinks path="export" label={t('bulk.export')} />
    </>
  )
}
