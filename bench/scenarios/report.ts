/**
 * `report_ms`: generating the annual report's HTML from the populated place, through the running
 * server. The HTML is cached once made, so each request asks for another year (each one generated
 * afresh from the database); the figure is the median over the years asked.
 */
import { printTable, round } from '../lib/report.ts';
import type { EngineScenario } from '../lib/scenario.ts';

const years = [2026, 2025, 2024, 2023, 2022];

export const report: EngineScenario = {
  name: 'report',
  async run({ engine, place, figures }) {
    const server = await place.start();
    try {
      const times: number[] = [];
      for (const year of years) {
        const startedAt = performance.now();
        const response = await fetch(`${server.url}/api/v1/report/${year}.html?lang=ko`);
        const body = await response.text();
        if (!response.ok || !body.includes('<table>')) {
          throw new Error(`report ${year}: ${response.status} ${body.slice(0, 200)}`);
        }
        times.push(performance.now() - startedAt);
      }
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
      figures.report_ms = round(median, 0);
      printTable(
        `annual report (${engine})`,
        ['what', 'ms', 'aim'],
        [[`HTML, generated afresh (median of ${times.length} years)`, round(median, 0), '—']],
      );
    } finally {
      await server.stop();
    }
  },
};
