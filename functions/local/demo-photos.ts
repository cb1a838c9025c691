import { crc32, deflateSync } from 'node:zlib'

/**
 * Generated photos for the demo listings: a woven-cloth pattern in the listing's colours, encoded
 * as PNG with nothing but zlib, so the demo ships no image files and downloads nothing.
 */
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const checksum = Buffer.alloc(4)
  checksum.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, checksum])
}

export type Rgb = [number, number, number]

export const wovenPng = ({
  warp,
  weft,
  width = 480,
  height = 360,
  seed = 1,
}: {
  warp: Rgb
  weft: Rgb
  width?: number
  height?: number
  seed?: number
}) => {
  const rows: Buffer[] = []
  const band = 6 + (seed % 5) * 2
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3) // filter byte 0, then RGB
    for (let x = 0; x < width; x++) {
      // A twill: warp and weft alternate on a diagonal, with a stripe every few bands.
      const overWarp = (Math.floor(x / band) + Math.floor(y / band)) % 2 === 0
      const stripe = Math.floor(y / (band * 7)) % 3 === 0
      const base = overWarp ? warp : weft
      const shade = 0.85 + 0.15 * Math.sin((x + y * 3 + seed * 11) / 9)
      for (let channel = 0; channel < 3; channel++) {
        const tone = base[channel] as number
        const value = (stripe ? tone + (255 - tone) * 0.55 : tone) * shade
        row[1 + x * 3 + channel] = Math.max(0, Math.min(255, Math.round(value)))
      }
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
