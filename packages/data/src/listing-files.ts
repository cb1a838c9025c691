import type { ListingFileFormat } from '@market/contracts'
import type { Listings } from '@market/core'
import iconv from 'iconv-lite'

/**
 * The bulk-listings file, read and written: CSV (UTF-8 with or without a BOM, or GBK as Excel on
 * a Chinese Windows saves it) and XLSX. Not exported from the package index: only the function
 * that imports listings bundles it, and it loads the XLSX library (exceljs) only when it needs it.
 */

const bom = [0xef, 0xbb, 0xbf]
const hasBom = (bytes: Uint8Array) => bom.every((byte, index) => bytes[index] === byte)

/** Valid UTF-8 is UTF-8 (GBK text of any length is almost never valid UTF-8); anything else is read as GBK. */
export const detectEncoding = (bytes: Uint8Array): 'utf-8' | 'gbk' => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'gbk'
  }
}

export const decodeCsv = (bytes: Uint8Array) =>
  detectEncoding(bytes) === 'utf-8'
    ? new TextDecoder('utf-8').decode(hasBom(bytes) ? bytes.subarray(3) : bytes)
    : iconv.decode(Buffer.from(bytes), 'gbk')

/** A spreadsheet must not run a cell as a formula: such cells are written behind a `'`, and read back without it. */
const formulaStart = /^[=+\-@\t\r]/
const guard = (cell: string) => (formulaStart.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell)
const unguard = (cell: string) => (cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell)

/** RFC 4180 CSV: quoted cells may hold commas, quotes (doubled) and line breaks. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (character === '"') quoted = false
      else cell += character
    } else if (character === '"' && cell === '') quoted = true
    else if (character === ',') {
      row.push(unguard(cell))
      cell = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++
      row.push(unguard(cell))
      rows.push(row)
      row = []
      cell = ''
    } else cell += character
  }
  if (cell !== '' || row.length > 0) rows.push([...row, unguard(cell)])
  return rows
}

const csvCell = (cell: string) => {
  const guarded = guard(cell)
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded
}

/** UTF-8 with a BOM, CRLF line ends: what Excel opens with the Chinese intact. */
export const writeCsv = (sheet: readonly (readonly string[])[]) =>
  new Uint8Array([...bom, ...new TextEncoder().encode(`${sheet.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`)])

const loadExcel = async () => (await import('exceljs')).default

export const readXlsx = async (bytes: Uint8Array): Promise<string[][]> => {
  const workbook = new (await loadExcel()).Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  // Row n of the sheet is rows[n - 1], so an import's row numbers are the spreadsheet's.
  const rows: string[][] = Array.from({ length: sheet.rowCount }, () => [])
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    rows[number - 1] = Array.from({ length: row.cellCount }, (_, index) => unguard(row.getCell(index + 1).text ?? ''))
  })
  return rows
}

export const writeXlsx = async (sheet: readonly (readonly string[])[]) => {
  const workbook = new (await loadExcel()).Workbook()
  const worksheet = workbook.addWorksheet('listings')
  for (const row of sheet) worksheet.addRow(row.map(guard))
  // Every cell is text: item numbers such as 001 keep their zeros.
  worksheet.columns.forEach((column) => {
    column.numFmt = '@'
    column.width = 16
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export const createListingFiles = (): Listings.ListingFiles => ({
  read: async (bytes, format: ListingFileFormat) => (format === 'xlsx' ? readXlsx(bytes) : parseCsv(decodeCsv(bytes))),
  write: async (sheet, format: ListingFileFormat) => (format === 'xlsx' ? writeXlsx(sheet) : writeCsv(sheet)),
})
