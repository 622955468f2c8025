import * as QRCode from 'qrcode';

/** Dark modules of a QR code as horizontal runs [row, col, length], so a page draws a few hundred rectangles, not thousands. */
export function qrRuns(text: string): { size: number; runs: Array<[number, number, number]> } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: Array<[number, number, number]> = [];
  for (let r = 0; r < modules.size; r++) {
    let c = 0;
    while (c < modules.size) {
      if (!modules.get(r, c)) { c++; continue; }
      const start = c;
      while (c < modules.size && modules.get(r, c)) c++;
      runs.push([r, start, c - start]);
    }
  }
  return { size: modules.size, runs };
}
