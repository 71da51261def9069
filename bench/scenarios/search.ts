/**
 * `search_p95_ms`: an officer's case search (`GET /api/v1/ombudsman/cases?q=`) over `searchCases`
 * cases, for a two-syllable Korean word (인권) and an English word (school), one request at a time
 * from this process; the figure is the 95th percentile of both words together.
 *
 * The cases are written straight into the table, with the search text and grams the module itself
 * computes (`searchFields`): filing 100,000 complaints one by one through the API would measure
 * intake again, for an hour.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { searchFields } from '../../src/modules/ombudsman/server/commands/file-complaint.ts';
import { logIn, send } from '../../src/reliability/http.ts';
import { adminHeaders, hasOperation } from '../lib/api.ts';
import { percentile, printTable, round } from '../lib/report.ts';
import type { EngineScenario } from '../lib/scenario.ts';

/** The words searched for: a two-syllable Korean word and an English one. */
const searched = ['인권', 'school'];
const respondents = [
  '동구청',
  '서구청',
  '남구청',
  '북구청',
  '광산구청',
  '시청 복지과',
  '시립 요양원',
  '교육청',
];

/** A deterministic generator: the same cases on every run. */
function generator(seed: number) {
  let state = (seed * 2_654_435_761) >>> 0;
  return () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
}

/**
 * A text of `length` words: mostly two-syllable Korean words made of common syllables (so that the
 * index meets many near misses), some English; each searched word appears in about one case in
 * twenty, as a common topic would.
 */
function text(seed: number, length: number): string {
  const next = generator(seed);
  const syllables = '가나다라마바사아자차카타파하고노도로모보소오조호구누두루무부수우주후인권차별장애학교';
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    if (next() < 0.15)
      words.push(
        ['access', 'housing', 'worker', 'clinic', 'notice', 'transport'][Math.floor(next() * 6)] ?? '',
      );
    else words.push([0, 1].map(() => syllables[Math.floor(next() * syllables.length)]).join(''));
  }
  for (const word of searched) if (next() < 0.05) words.splice(Math.floor(next() * length), 0, word);
  return words.join(' ');
}

type CasesDb = Kysely<{ ombudsman_cases: Record<string, unknown> }>;

export const search: EngineScenario = {
  name: 'search',
  async run({ engine, place, sizes, figures, reasons }) {
    const probe = await place.start();
    const installed = await hasOperation(probe.url, 'get', '/api/v1/ombudsman/cases');
    await probe.stop();
    if (!installed) {
      figures.search_p95_ms = null;
      reasons.search_p95_ms = 'the ombudsman module (GET /api/v1/ombudsman/cases) is not installed';
      return;
    }

    const seedStarted = performance.now();
    const database = await place.open();
    try {
      const db = database.db as unknown as CasesDb;
      for (let first = 0; first < sizes.searchCases; first += 1000) {
        const rows = Array.from({ length: Math.min(1000, sizes.searchCases - first) }, (_, index) => {
          const n = first + index;
          const summary = text(n, 4);
          const description = text(n + 7_919, 40);
          const respondent = respondents[n % respondents.length] ?? '';
          return {
            id: randomUUID(),
            receipt_number: `bench-${n}`,
            origin: 'complaint',
            channel: 'online',
            status: 'received',
            anonymous: true,
            respondent,
            summary,
            description,
            received_at: new Date(Date.UTC(2015 + (n % 10), n % 12, 1 + (n % 28))),
            ...searchFields({ summary, description, respondent }),
          };
        });
        await db.insertInto('ombudsman_cases').values(rows).execute();
      }
    } finally {
      await database.close();
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const server = await place.start();
    try {
      const officer = { email: 'officer@bench.example', password: 'another long password' };
      const created = await send(`${server.url}/api/v1/users`, {
        method: 'POST',
        headers: await adminHeaders(server.url),
        body: { ...officer, displayName: 'Bench officer', role: 'officer' },
      });
      if (created.status !== 201 && created.status !== 409) throw new Error(`officer: ${created.body}`);
      const { headers } = await logIn(server.url, officer);
      const times: Record<string, number[]> = Object.fromEntries(searched.map((word) => [word, []]));
      let results: Record<string, string> = {};
      for (let i = 0; i < sizes.searchQueries; i++) {
        for (const word of Object.keys(times)) {
          const startedAt = performance.now();
          const response = await send(`${server.url}/api/v1/ombudsman/cases?q=${encodeURIComponent(word)}`, {
            headers,
          });
          times[word]?.push(performance.now() - startedAt);
          if (response.status !== 200) throw new Error(`search ${word}: ${response.status} ${response.body}`);
          if (i === 0) {
            // The search counts to 1,000 past the page and says whether there are more.
            const { total, more } = response.json() as { total: number; more: boolean };
            results = { ...results, [word]: `${total}${more ? '+' : ''}` };
          }
        }
      }
      const all = Object.values(times).flat();
      figures.search_p95_ms = round(percentile(all, 95), 1);
      printTable(
        `case search (${engine}, ${sizes.searchCases} cases written in ${round(seedSeconds, 1)} s, ${sizes.searchQueries} queries per word)`,
        ['word', 'matches', 'p50 ms', 'p95 ms', 'aim'],
        [
          ...Object.entries(times).map(([word, values]) => [
            word,
            results[word] ?? null,
            round(percentile(values, 50), 1),
            round(percentile(values, 95), 1),
            '',
          ]),
          ['both', null, round(percentile(all, 50), 1), figures.search_p95_ms, '< 50'],
        ],
      );
    } finally {
      await server.stop();
    }
  },
};
