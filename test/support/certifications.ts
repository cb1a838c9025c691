import { Certifications } from '@market/core'
import { expect } from 'vitest'
import { wovenPng } from '../../functions/local/demo-photos.ts'
import type { TestMarket } from './market.ts'

type UploadTicket = { key: string; uploadUrl: string; headers: Record<string, string> }

export const inDays = (days: number) => Certifications.certificationDay(new Date(Date.now() + days * 24 * 3600 * 1000))

/** A photo of the certificate, uploaded as the browser does. */
export const uploadDocument = async (market: TestMarket, who: { cookie: string }) => {
  const photo = wovenPng({ warp: [236, 240, 226], weft: [46, 125, 50], width: 32, height: 24 })
  const ticket = await market.call<UploadTicket>('/api/uploads', {
    method: 'POST',
    cookie: who.cookie,
    body: { contentType: 'image/png', size: photo.length },
  })
  expect(ticket.status).toBe(201)
  const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body: new Uint8Array(photo) })
  expect(put.status).toBe(200)
  return ticket.body.key
}

/** A green-factory certificate valid for a year, its photo uploaded by `who`. */
export const certificate = async (market: TestMarket, who: { cookie: string }, overrides: Record<string, unknown> = {}) => ({
  kind: 'green_factory',
  issuer: '西藏自治区工业和信息化厅',
  number: 'XZ-LSGC-2026-001',
  expiresOn: inDays(365),
  document: await uploadDocument(market, who),
  ...overrides,
})
