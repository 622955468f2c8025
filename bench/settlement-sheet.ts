/**
 * Child of bench/settlement-bench.ts: writes the settlement sheet of each run id with the worker's generator code
 * (streaming writer, lines read a batch at a time) and prints one JSON line with timings and its peak RSS.
 */
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { SYSTEM_SCOPE } from '../src/common/auth/scope';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { writeSettlementWorkbook } from '../src/modules/settlement/export/settlement-workbook';
import { SettlementReadRepository } from '../src/modules/settlement/settlement-read.repository';

async function main(): Promise<void> {
  const [url, ...ids] = process.argv.slice(2);
  const ds = new DataSource({ ...buildDataSourceOptions(url), extra: { options: '-c jit=off' } } as never);
  await ds.initialize();
  const read = new SettlementReadRepository(ds);
  const dir = mkdtempSync(join(tmpdir(), 'koers-bench-sheet-'));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = Date.now();
  let rows = 0;
  let largest = { lines: 0, ms: 0, bytes: 0 };
  try {
    for (const id of ids) {
      const t1 = Date.now();
      const run = (await read.findOneInScope(id, SYSTEM_SCOPE))!;
      const [products, vat] = await Promise.all([read.productSubtotals(id), read.vatRates(id)]);
      const file = join(dir, `${id}.xlsx`);
      await writeSettlementWorkbook({ run, products, vat, lines: read.lineBatches(id) }, file);
      rows += run.lineCount;
      if (run.lineCount > largest.lines) largest = { lines: run.lineCount, ms: Date.now() - t1, bytes: statSync(file).size };
    }
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
    await ds.destroy();
  }
  const maxRssKb = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({
    files: ids.length,
    rows,
    ms: Date.now() - t0,
    largestLines: largest.lines,
    largestMs: largest.ms,
    largestBytes: largest.bytes,
    peakRssMb: Math.round(Math.max(peak, maxRssKb * 1024) / 1024 / 1024),
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
