// Draws media/icon.png (128×128): two figures, a larger and a smaller one, on a teal rounded square.
// Kept so the icon can be regenerated; run `node scripts/make-icon.js`.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const W = 128;
const H = 128;
const px = Buffer.alloc(W * H * 4);

function inRoundedSquare(x, y) {
  const r = 24;
  const cx = Math.min(Math.max(x, r), W - r);
  const cy = Math.min(Math.max(y, r), H - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function person(x, y, hx, hy, hr, bw, bh) {
  const head = (x - hx) ** 2 + (y - hy) ** 2 <= hr * hr;
  const bodyTop = hy + hr + 4;
  const body = y >= bodyTop && y <= bodyTop + bh && Math.abs(x - hx) <= bw / 2 - Math.max(0, (bodyTop + 10 - y)) * 0.6;
  return head || body;
}
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 4;
    if (!inRoundedSquare(x + 0.5, y + 0.5)) {
      continue;
    }
    const t = y / H;
    let [r, g, b] = [Math.round(22 + 20 * t), Math.round(120 - 30 * t), Math.round(130 - 20 * t)];
    if (person(x, y, 48, 40, 15, 50, 46) || person(x, y, 88, 58, 11, 36, 32)) {
      [r, g, b] = [250, 250, 245];
    }
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
    px[i + 3] = 255;
  }
}
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) {
  raw[y * (W * 4 + 1)] = 0;
  px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
}
function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(__dirname, '..', 'media', 'icon.png'), png);
