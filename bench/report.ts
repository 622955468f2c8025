import type { ScenarioResult } from './http-bench';

interface Report {
  date: string;
  command: string;
  base: string;
  database: string | null;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadAverage: number[] };
  defaultDurationSec: number;
  scenarios: ScenarioResult[];
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : `${n}`);

/** The human-readable benchmark report (bench/results/latest.md). */
export function renderMarkdown(r: Report): string {
  const lines = [
    '# Koers benchmark results',
    '',
    `- Date: ${r.date}`,
    `- Command: \`${r.command}\``,
    `- API: ${r.base}${r.database ? ` against database \`${r.database}\`` : ''}`,
    `- Machine: ${r.machine.cpus} CPUs (${r.machine.cpuModel}), ${r.machine.memoryGb} GB RAM, ${r.machine.platform}, Node ${r.machine.node}`,
    `- Load average at the end: ${r.machine.loadAverage.join(' / ')} (other work on the machine skews latencies)`,
    '',
    '| scenario | status | clients | s | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | targets |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const s of r.scenarios) {
    const targets = s.checks.length
      ? s.checks.map((c) => `${c.metric} ${c.target}: ${c.actual} ${c.pass ? 'PASS' : 'FAIL'}`).join('; ')
      : Object.keys(s.targets).length ? 'not measured' : 'none (baseline, measured only)';
    const l = s.latencyMs;
    lines.push(`| ${s.name} | **${s.status.toUpperCase()}** | ${s.concurrency} | ${s.durationSec} | ${s.requests} | ${s.errors} | ${s.rps} | ${ms(l?.p50)} | ${ms(l?.p95)} | ${ms(l?.p99)} | ${ms(l?.max)} | ${targets} |`);
  }
  const notes = r.scenarios.filter((s) => s.note);
  if (notes.length) lines.push('', '## Notes', '', ...notes.map((s) => `- ${s.name}: ${s.note}`));
  lines.push('', '## Scenarios', '', ...r.scenarios.map((s) => `- **${s.name}**: ${s.description}`), '');
  return lines.join('\n');
}
