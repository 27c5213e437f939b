/**
 * A minimal PNG encoder (8-bit greyscale), for page furniture (logos, QR codes) and for the report
 * whose tables were published as pictures. Real files, so browsers and image checks accept them.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** `pixel(x, y)` returns a grey level 0 (black) .. 255 (white). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = pixel(x, y);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A ruled grid, as a scanned or screenshotted table looks at a glance. */
export function tablePicture(rows: number, cols: number, cell = 40): Buffer {
  const w = cols * cell * 2 + 1;
  const h = rows * cell + 1;
  return encodePng(w, h, (x, y) => {
    if (y % cell === 0 || x % (cell * 2) === 0) return 0;
    // a few grey strokes where text would be
    return (y % cell) > cell / 3 && (y % cell) < (cell * 2) / 3 && (x % (cell * 2)) > cell / 2 && (x % (cell * 2)) < cell * 1.4 ? 150 : 255;
  });
}

/** A small square with a pattern: logos, QR codes and badges in the page chrome. */
export function badge(size = 16): Buffer {
  return encodePng(size, size, (x, y) => ((x >> 2) + (y >> 2)) % 2 === 0 ? 40 : 230);
}
