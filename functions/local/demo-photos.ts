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
  const band = 6 + (seed % 5) * 2
  // Per pixel only a table look-up: the shade is a sine of an integer (computed once per value), and
  // each of the four fabric tones (warp or weft, in a stripe or not) is worked out once per channel.
  // The arithmetic is the same as per pixel, so the bytes are the same as ever.
  const shades = Float64Array.from({ length: width + 3 * height + seed * 11 }, (_, k) => 0.85 + 0.15 * Math.sin(k / 9))
  const tones = [warp, weft].map((base) => [base, base.map((tone) => tone + (255 - tone) * 0.55)])
  const pixels = Buffer.alloc(height * (1 + width * 3)) // per row: filter byte 0, then RGB
  for (let y = 0, offset = 0; y < height; y++) {
    const stripe = Math.floor(y / (band * 7)) % 3 === 0 ? 1 : 0
    offset++
    for (let x = 0; x < width; x++) {
      // A twill: warp and weft alternate on a diagonal, with a stripe every few bands.
      const overWarp = (Math.floor(x / band) + Math.floor(y / band)) % 2 === 0
      const tone = (tones[overWarp ? 0 : 1] as number[][])[stripe] as number[]
      const shade = shades[x + y * 3 + seed * 11] as number
      for (let channel = 0; channel < 3; channel++)
        pixels[offset++] = Math.max(0, Math.min(255, Math.round((tone[channel] as number) * shade)))
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
