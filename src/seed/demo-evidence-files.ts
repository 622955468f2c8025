import { deflateSync } from 'zlib';
import { Prng } from './prng';

/**
 * Small but real evidence files for the demo portfolio, made at seed time without any image library: a JPEG
 * "photo" (a baseline JPEG whose 8×8 blocks each carry one colour, so a browser shows a blocky picture), a PNG
 * "scan" of a filled-in form, and a one-page PDF report in Helvetica. Every file differs (drawn from the generator).
 */

type Rgb = [number, number, number];

// ---------------------------------------------------------------- JPEG (baseline, DC coefficients only)

/** Standard luminance DC table (ITU T.81 K.3): code lengths 1..16 and the categories 0..11. */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const DC_CODES = canonicalCodes(DC_BITS, DC_VALUES);
/** Every quantised DC step is 8 (a flat block of value v has DC 8·(v − 128)). */
const QUANT = 8;

function canonicalCodes(bits: number[], values: number[]): Map<number, { code: number; length: number }> {
  const out = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]; i++) out.set(values[k++], { code: code++, length });
    code <<= 1;
  }
  return out;
}

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0x00);
    this.acc = 0;
    this.n = 0;
  }

  finish(): Buffer {
    while (this.n !== 0) this.write(1, 1);
    return Buffer.from(this.bytes);
  }
}

const segment = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];

/** A JPEG of blocks×8 by rows×8 pixels; colour(bx, by) gives each 8×8 block its colour. */
export function encodeBlockJpeg(blocksX: number, blocksY: number, colour: (bx: number, by: number) => Rgb): Buffer {
  const w = blocksX * 8;
  const h = blocksY * 8;
  const header = [
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    ...segment(0xdb, [0x00, ...new Array(64).fill(QUANT)]),
    ...segment(0xc0, [8, h >> 8, h & 0xff, w >> 8, w & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    ...segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES]),
    // AC: one symbol, end-of-block, so every block is flat.
    ...segment(0xc4, [0x10, 1, ...new Array(15).fill(0), 0x00]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
  ];
  const bits = new BitWriter();
  const predictor = [0, 0, 0];
  for (let by = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++) {
      const [r, g, b] = colour(bx, by);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ];
      ycc.forEach((v, c) => {
        const dc = Math.max(-127, Math.min(127, Math.round(v) - 128));
        const diff = dc - predictor[c];
        predictor[c] = dc;
        const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        const { code, length } = DC_CODES.get(category)!;
        bits.write(code, length);
        if (category) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
        bits.write(0, 1); // end of block (the AC table's only code)
      });
    }
  }
  return Buffer.concat([Buffer.from(header), bits.finish(), Buffer.from([0xff, 0xd9])]);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;

/** A "photo" taken on a phone: a street with a house (door, windows), a tree, sky and the sun, in 48×36 blocks. */
export function photoJpeg(rng: Prng): Buffer {
  const W = 48;
  const H = 36;
  const sky: Rgb = rng.pick([[120, 170, 230], [150, 185, 220], [95, 150, 215]]);
  const wall: Rgb = rng.pick([[170, 80, 60], [190, 150, 110], [140, 60, 50], [215, 200, 170]]);
  const roof: Rgb = rng.pick([[70, 60, 60], [120, 50, 40], [60, 70, 90]]);
  const houseX = rng.int(4, 22);
  const houseW = rng.int(14, 20);
  const horizon = rng.int(23, 27);
  const treeX = houseX + houseW + rng.int(3, 8);
  const sunX = rng.int(3, 44);
  const noise = Array.from({ length: W * H }, () => rng.int(-6, 6));
  return encodeBlockJpeg(W, H, (x, y) => {
    const n = noise[y * W + x];
    let c: Rgb = mix(sky, [235, 240, 250], y / horizon);
    if ((x - sunX) ** 2 + (y - 4) ** 2 <= 5) c = [250, 225, 120];
    const roofTop = horizon - 16;
    const inHouse = x >= houseX && x < houseX + houseW;
    if (inHouse && y >= roofTop + 5 && y < horizon) {
      c = wall;
      const rx = x - houseX;
      const ry = y - roofTop - 5;
      if ((rx % 5 === 2 || rx % 5 === 3) && (ry === 2 || ry === 3 || ry === 7 || ry === 8)) c = [200, 220, 235];
      if (rx === Math.floor(houseW / 2) && ry >= 7) c = [80, 50, 35];
    } else if (y >= roofTop && y < roofTop + 5) {
      const k = y - roofTop;
      if (x >= houseX - 1 + (4 - k) * 2 && x <= houseX + houseW - (4 - k) * 2) c = roof;
    }
    if (x >= treeX && x < treeX + 2 && y >= horizon - 5 && y < horizon) c = [100, 70, 40];
    if ((x - treeX - 0.5) ** 2 + (y - (horizon - 8)) ** 2 <= 12) c = [60, 125, 55];
    if (y >= horizon) c = y >= horizon + 4 ? [130, 130, 135] : [95, 150, 70];
    return [c[0] + n, c[1] + n, c[2] + n].map((v) => Math.max(0, Math.min(255, v))) as Rgb;
  });
}

// ---------------------------------------------------------------- PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(w: number, h: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A scanned form: a coloured letterhead, lines of "handwriting", two ticked boxes and a signature. */
export function scanPng(rng: Prng): Buffer {
  const W = 360;
  const H = 480;
  const head: Rgb = rng.pick([[30, 90, 160], [0, 120, 110], [150, 40, 60]]);
  const ink: Rgb = rng.pick([[25, 45, 120], [30, 30, 30]]);
  const lines = Array.from({ length: 14 }, () => rng.int(140, 300));
  const ticks = [rng.chance(0.5), rng.chance(0.8), rng.chance(0.5)];
  const tilt = rng.int(-3, 3);
  return encodePng(W, H, (x, y) => {
    const paper: Rgb = [246, 244, 238];
    if (x < 8 || x >= W - 8 || y < 8 || y >= H - 8) return [210, 210, 205];
    if (y >= 24 && y < 60 && x >= 24 && x < W - 24) return head;
    const lineIndex = Math.floor((y - 90 + Math.round((x * tilt) / W)) / 20);
    const withinLine = (y - 90 + Math.round((x * tilt) / W)) % 20;
    if (lineIndex >= 0 && lineIndex < lines.length && withinLine >= 8 && withinLine < 11 && x >= 36 && x < 36 + lines[lineIndex]) {
      // Words: gaps every so often.
      return (x + lineIndex * 7) % 37 < 4 ? paper : ink;
    }
    for (let i = 0; i < 3; i++) {
      const bx = 36 + i * 100;
      const by = 390;
      const inBox = x >= bx && x < bx + 16 && y >= by && y < by + 16;
      if (inBox && (x === bx || x === bx + 15 || y === by || y === by + 15)) return [60, 60, 60];
      if (inBox && ticks[i] && Math.abs(x - bx - (y - by)) <= 1) return ink;
    }
    if (y >= 440 && y < 452 && x >= 200 && x < 320 && Math.abs(((x - 200) % 24) - (y - 440) * 2) <= 2) return ink;
    return paper;
  });
}

// ---------------------------------------------------------------- PDF

const pdfText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A one-page A4 report (Helvetica, WinAnsi): title, theme, date and the learner's own words. */
export function reportPdf(title: string, theme: string, date: string, paragraphs: string[], comment?: string): Buffer {
  const lines: string[] = [];
  for (const p of paragraphs) {
    let line = '';
    for (const word of p.split(' ')) {
      if ((line + ' ' + word).trim().length > 80) {
        lines.push(line);
        line = word;
      } else line = (line + ' ' + word).trim();
    }
    lines.push(line, '');
  }
  const content = [
    '0.12 0.35 0.63 rg 56 760 483 36 re f',
    'BT /F2 16 Tf 1 1 1 rg 68 772 Td', `(${pdfText(title)}) Tj ET`,
    'BT /F1 10 Tf 0.3 0.3 0.3 rg 56 735 Td', `(${pdfText(`Portfolio-onderdeel: ${theme}   -   ${date}`)}) Tj ET`,
    'BT /F1 11 Tf 0 0 0 rg 56 700 Td 15 TL',
    ...lines.map((l) => `(${pdfText(l)}) '`),
    'ET',
    '0.6 0.6 0.6 RG 56 120 m 250 120 l S',
    'BT /F1 9 Tf 0.4 0.4 0.4 rg 56 106 Td (Handtekening deelnemer) Tj ET',
  ].join('\n');
  const stream = Buffer.from(content, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream.toString('latin1')}\nendstream`,
  ];
  return assemblePdf(objects, comment);
}

/** A PDF file of the given objects (1 0 obj is the catalog) with a correct cross-reference table; `comment` is a % line. */
export function assemblePdf(objects: string[], comment?: string): Buffer {
  let body = `%PDF-1.4\n${comment ? `% ${comment.replace(/[\r\n]/g, ' ')}\n` : ''}`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
