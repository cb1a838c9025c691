import { decodeCsv, detectEncoding, parseCsv, readXlsx, writeCsv, writeXlsx } from '@market/data/listing-files'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

const text = '货号,标题\r\nA-1,"那曲牦牛绒, ""特级"""\r\nA-2,ནག་ཆུའི་འབྲི་བལ།\r\n'
const rows = [
  ['货号', '标题'],
  ['A-1', '那曲牦牛绒, "特级"'],
  ['A-2', 'ནག་ཆུའི་འབྲི་བལ།'],
]

describe('reading and writing bulk-listing files', () => {
  it('tells UTF-8 (with or without BOM) from GBK, and decodes both', () => {
    const utf8 = new TextEncoder().encode(text)
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
    const gbk = new Uint8Array(iconv.encode('货号,标题\r\nA-1,羊毛围巾\r\n', 'gbk'))
    expect([detectEncoding(utf8), detectEncoding(withBom), detectEncoding(gbk)]).toEqual(['utf-8', 'utf-8', 'gbk'])
    expect(decodeCsv(withBom)).toBe(text)
    expect(decodeCsv(gbk)).toBe('货号,标题\r\nA-1,羊毛围巾\r\n')
  })

  it('parses quoted cells with commas, quotes and line breaks, and LF-only files', () => {
    expect(parseCsv(text)).toEqual(rows)
    expect(parseCsv('a,"b\nc"\nd,e')).toEqual([
      ['a', 'b\nc'],
      ['d', 'e'],
    ])
  })

  it('writes CSV with a BOM that reads back the same, formulas kept as text', () => {
    const sheet = [...rows, ['=1+1', '-5']]
    const bytes = writeCsv(sheet)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain("'=1+1")
    expect(parseCsv(decodeCsv(bytes))).toEqual(sheet)
  })

  it('writes and reads XLSX with Chinese and Tibetan text, item numbers kept as text', async () => {
    const sheet = [...rows, ['007', '']]
    expect(await readXlsx(await writeXlsx(sheet))).toEqual(sheet)
  })
})
