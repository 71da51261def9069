// The local SDG agenda against the seed document (Tables 6 and 7 cell by cell), the page of goal 11
// with what any module tags with it, the Agenda 2030 self-assessment with its evidence links, who may
// do what, open data, headlines and public search.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { runCommand } from '../../../kernel/server/command.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { setTags } from '../../../kernel/server/vocabularies/tags.ts';
import { modules } from '../../../server/modules.ts';
import type { Agendas, Assessment, Framework, GoalPage, GoalsOverview } from '../contract.ts';
import { sdgModule } from '../module.ts';

const seedText = readFileSync(
  new URL('../../../../datasets/gwangju/source/major-policies-and-systems-of-gwangju.txt', import.meta.url),
  'utf8',
);

/** The cells of a seed table: blocks separated by blank lines, a cell per tab-started line. */
function tableBlocks(from: string, to: string): string[][] {
  const table = seedText.slice(seedText.indexOf(from), seedText.indexOf(to));
  return table
    .split(/\n(?: *\n)+/)
    .slice(1)
    .map((block) =>
      block
        .split('\n')
        .reduce<string[]>((cells, line) => {
          if (line.startsWith('\t') || cells.length === 0) cells.push(line.replace(/^\t/, ''));
          else cells[cells.length - 1] += `\n${line}`;
          return cells;
        }, [])
        .map((cell) => cell.trim()),
    )
    .filter((cells) => cells.length >= 4 && cells.some((cell) => cell !== ''));
}

type Headers = { cookie: string; 'x-csrf-token': string };

describe('sdg', () => {
  let test: TestApp;
  let officer: Headers;
  let committee: Headers;

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
  });
  after(() => test.close());

  const get = async <T>(url: string, headers: Partial<Headers> = {}) => {
    const response = await test.app.inject({ url, headers });
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return response.json() as T;
  };

  describe('the local agenda', () => {
    it('reproduces Table 6 exactly: periods, agendas/areas, systems, major areas with their counts', async () => {
      const blocks = tableBlocks('Table 6:', 'Table 7:');
      assert.equal(blocks.length, 4);
      const { phases } = await get<Agendas>('/api/v1/sdg/agendas');
      const table6 = phases.filter((phase) => phase.sourceTable === 'Table 6');
      assert.deepEqual(
        table6.map((phase) => [
          `${phase.name.en}\n(${phase.startYear}~${phase.endYear})`,
          `${phase.statedAgendas}/${phase.statedAreas}`,
          phase.systems.map((system) => `-${system.en}`).join('\n'),
          phase.areas.map((area) => `-${area.name.en} (${area.statedAgendas})`).join('\n'),
        ]),
        blocks.map((cells) => cells.map((cell) => cell.replace(/ +\n/g, '\n'))),
      );
    });

    it('reproduces Table 7 exactly (17 agendas, 63 tasks, 58 indicators) and tags each agenda with its goals', async () => {
      const blocks = tableBlocks('Table 7:', 'After the adoption');
      assert.equal(blocks.length, 17);
      const { phases } = await get<Agendas>('/api/v1/sdg/agendas');
      const fifth = phases.find((phase) => phase.sourceTable === 'Table 7');
      assert.ok(fifth);
      const rows = fifth.areas.flatMap((area) =>
        area.agendas.map((agenda, index) => [
          index === 0 ? area.name.en : '',
          `${agenda.number} ${agenda.name.en}`,
          String(agenda.tasks),
          String(agenda.indicators),
          agenda.unSdgs.map((goal) => goal.label).join('\n'),
        ]),
      );
      assert.deepEqual(
        rows,
        blocks.map(([area = '', agenda, tasks, indicators, goals = '']) => [
          area.replace(/\s*\n\s*/g, ' '),
          agenda,
          tasks,
          indicators,
          goals
            .split('\n')
            .map((line) => line.trim())
            .join('\n'),
        ]),
      );
      assert.deepEqual(fifth.totals, { agendas: 17, tasks: 63, indicators: 58 });
      assert.equal(fifth.statedAgendas, null, 'Table 7 states no count of its own');
      const goalsOf14 = fifth.areas.flatMap((area) => area.agendas).find((agenda) => agenda.number === 14);
      assert.deepEqual(
        goalsOf14?.unSdgs.map((goal) => [goal.goal, goal.name.ko]),
        [[11, '지속가능한 도시와 공동체']],
      );
    });

    it('publishes Tables 6 and 7 as open data placed in the report', async () => {
      const catalogue = sdgModule.openData ?? [];
      assert.deepEqual(
        catalogue.map((dataset) => [dataset.id, dataset.seedTable, dataset.report?.part]),
        [
          ['agenda21-phases', 'Table 6', 'sdgs'],
          ['local-sdg-agenda', 'Table 7', 'sdgs'],
        ],
      );
      const csv = await test.app.inject({ url: '/api/v1/open-data/agenda21-phases.csv' });
      assert.equal(csv.statusCode, 200);
      const phases = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
      assert.deepEqual(
        phases.map((row) => [row.phase, row.period, row.agendas, row.areas]),
        [
          ['Agenda I', '1997~2001', '33', '5'],
          ['Agenda II', '2002~2006', '29', '8'],
          ['Agenda III', '2007~2011', '36', '3'],
          ['Agenda IV', '2012~2016', '12', '3'],
        ],
      );
      const agendas = (
        await get<{ rows: Record<string, unknown>[] }>('/api/v1/open-data/local-sdg-agenda.json')
      ).rows;
      assert.equal(agendas.length, 17);
      assert.deepEqual(agendas[5], {
        area_en: 'Economy',
        area_ko: '경제',
        number: 6,
        agenda_en: 'Sustainable Green Economy',
        agenda_ko: '지속가능한 녹색경제',
        tasks: 4,
        indicators: 2,
        un_sdgs: '12 Responsible Consumption and Production; 9 Industry, Innovation and Infrastructure',
        un_sdg_goals: '12; 9',
      });
    });

    it('finds agendas in public search and gives live headlines', async () => {
      const hits = (await sdgModule.publicSearch?.(test.database.db, '마을공동체', 10)) ?? [];
      assert.deepEqual(
        hits.map((hit) => hit.path),
        ['/sdg/agendas#agenda-15'],
      );
      const headlines = (await sdgModule.headlines?.(test.database.db)) ?? [];
      assert.deepEqual(
        headlines.map((headline) => [headline.id, headline.value]),
        [
          ['sdg-local-agendas', 17],
          ['sdg-local-agenda-tasks', 63],
          ['sdg-local-agenda-indicators', 58],
          ['network-peer-cities', 0],
        ],
      );
    });
  });

  describe('the goals', () => {
    it('lists local agendas 14–16 and every public record tagged with goal 11 or its targets', async () => {
      await runCommand(test.database.db, { userId: null }, async ({ trx }) => {
        await setTags(
          trx,
          {
            module: 'testing',
            recordType: 'task',
            recordId: 'walkable-streets',
            isPublic: true,
            title: { ko: '걷기 좋은 거리', en: 'Walkable streets' },
            path: '/testing/tasks/walkable-streets',
          },
          [{ vocabulary: 'sdg-targets', code: '11.2' }],
        );
        await setTags(
          trx,
          {
            module: 'testing',
            recordType: 'task',
            recordId: 'draft-plan',
            isPublic: false,
            title: { ko: '비공개 초안', en: 'Unpublished draft' },
            path: '/testing/tasks/draft-plan',
          },
          [{ vocabulary: 'sdg-goals', code: '11' }],
        );
      });
      const page = await get<GoalPage>('/api/v1/sdg/goals/11');
      assert.equal(page.goal.name.en, 'Sustainable cities and communities');
      assert.deepEqual(
        page.agendas.map((agenda) => agenda.number),
        [14, 15, 16],
      );
      assert.deepEqual(page.modules, [
        {
          module: 'testing',
          records: [
            {
              recordType: 'task',
              recordId: 'walkable-streets',
              title: { ko: '걷기 좋은 거리', en: 'Walkable streets' },
              path: '/testing/tasks/walkable-streets',
              isSample: false,
              terms: ['11.2'],
            },
          ],
        },
      ]);
      assert.equal(page.targets.find((target) => target.code === '11.2')?.recordCount, 1);
      assert.equal(page.targets.length, 10);

      const { goals } = await get<GoalsOverview>('/api/v1/sdg/goals');
      assert.equal(goals.length, 17);
      const counts = (goal: number) => {
        const found = goals.find((entry) => entry.goal === goal);
        return [found?.agendaCount, found?.recordCount];
      };
      assert.deepEqual(counts(11), [3, 1]);
      assert.deepEqual(counts(12), [3, 0]);
      assert.deepEqual(counts(6), [1, 0]);
    });

    it('refuses a goal number outside 1–17', async () => {
      assert.equal((await test.app.inject({ url: '/api/v1/sdg/goals/18' })).statusCode, 400);
    });
  });

  describe('the Agenda 2030 self-assessment', () => {
    const cellUrl = '/api/v1/sdg/assessments/2024/cells/peaceful/institutions';

    it('frames seven categories by four components', async () => {
      const framework = await get<Framework>('/api/v1/sdg/agenda-2030');
      assert.equal(framework.categories.length, 7);
      assert.equal(framework.categories[6]?.name.en, 'Global, responsible, and unified city');
      assert.deepEqual(
        framework.components.map((component) => component.code),
        ['norms', 'institutions', 'policies', 'projects'],
      );
      assert.deepEqual(framework.assessments, []);
    });

    it('keeps the office’s work to the office', async () => {
      assert.equal((await test.app.inject({ url: '/api/v1/sdg/assessments' })).statusCode, 401);
      const denied = await test.app.inject({
        method: 'POST',
        url: '/api/v1/sdg/assessments',
        headers: committee,
        payload: { year: 2024 },
      });
      assert.equal(denied.statusCode, 403);
    });

    it('links each cell to its evidence, publishes the matrix, and guards versions', async () => {
      const created = await test.app.inject({
        method: 'POST',
        url: '/api/v1/sdg/assessments',
        headers: officer,
        payload: { year: 2024 },
      });
      assert.equal(created.statusCode, 201, created.body);
      const draft = created.json() as Assessment;
      assert.equal(draft.cells.length, 28);
      assert.equal(draft.publishedAt, null);
      const again = await test.app.inject({
        method: 'POST',
        url: '/api/v1/sdg/assessments',
        headers: officer,
        payload: { year: 2024 },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().errors[0].field, 'body.year');
      assert.equal(
        (await test.app.inject({ url: '/api/v1/sdg/agenda-2030/assessments/2024' })).statusCode,
        404,
      );

      const { results } = await get<{ results: Assessment['cells'][number]['evidence'] }>(
        '/api/v1/sdg/evidence?q=walkable',
        officer,
      );
      assert.deepEqual(
        results.map((result) => result.path),
        ['/testing/tasks/walkable-streets'],
      );
      const agendaHits = await get<{ results: { path: string }[] }>(
        `/api/v1/sdg/evidence?q=${encodeURIComponent('보행자')}`,
        officer,
      );
      assert.ok(agendaHits.results.some((hit) => hit.path === '/sdg/agendas#agenda-14'));

      const evidence = [
        ...results,
        {
          module: 'web',
          recordType: 'page',
          recordId: '/ombudsman',
          title: { ko: '인권옴부즈맨', en: 'Human rights ombudsman' },
          path: '/ombudsman',
        },
      ];
      const body = {
        version: 1,
        rating: 'established',
        narrative: { ko: '옴부즈맨이 운영됩니다.', en: 'The ombudsman is at work.' },
        evidence,
      };
      const filled = await test.app.inject({ method: 'PUT', url: cellUrl, headers: officer, payload: body });
      assert.equal(filled.statusCode, 200, filled.body);
      const stale = await test.app.inject({ method: 'PUT', url: cellUrl, headers: officer, payload: body });
      assert.equal(stale.statusCode, 409);
      const outside = await test.app.inject({
        method: 'PUT',
        url: cellUrl,
        headers: officer,
        payload: { ...body, version: 2, evidence: [{ ...evidence[1], path: 'https://elsewhere.example/x' }] },
      });
      assert.equal(outside.statusCode, 400);
      assert.equal(outside.json().errors[0].field, 'body.evidence.0.path');

      const published = await test.app.inject({
        method: 'PUT',
        url: '/api/v1/sdg/assessments/2024',
        headers: officer,
        payload: { version: 1, published: true },
      });
      assert.equal(published.statusCode, 200, published.body);
      const locked = await test.app.inject({
        method: 'PUT',
        url: cellUrl,
        headers: officer,
        payload: { ...body, version: 2 },
      });
      assert.equal(locked.statusCode, 409);
      assert.equal(locked.json().code, 'sdg_assessment_published');

      const matrix = await get<Assessment>('/api/v1/sdg/agenda-2030/assessments/2024');
      const cell = matrix.cells.find(
        (entry) => entry.category === 'peaceful' && entry.component === 'institutions',
      );
      assert.equal(cell?.rating, 'established');
      assert.deepEqual(
        cell?.evidence.map((item) => [item.module, item.title.en, item.path]),
        [
          ['testing', 'Walkable streets', '/testing/tasks/walkable-streets'],
          ['web', 'Human rights ombudsman', '/ombudsman'],
        ],
      );
      const framework = await get<Framework>('/api/v1/sdg/agenda-2030');
      assert.deepEqual(
        framework.assessments.map((assessment) => assessment.year),
        [2024],
      );
    });
  });

  describe('a reload of the dataset', () => {
    it('brings the agenda back as the files say, keeping other modules’ tags and the assessments', async () => {
      await loadDataset({ database: test.database, modules, city: 'gwangju', reset: true, demo: false });
      const page = await get<GoalPage>('/api/v1/sdg/goals/11');
      assert.deepEqual(
        page.agendas.map((agenda) => agenda.number),
        [14, 15, 16],
      );
      assert.equal(page.modules[0]?.records[0]?.recordId, 'walkable-streets');
      const { phases } = await get<Agendas>('/api/v1/sdg/agendas');
      assert.deepEqual(
        phases.map((phase) => phase.areas.length),
        [5, 8, 3, 3, 5],
      );
      const matrix = await get<Assessment>('/api/v1/sdg/agenda-2030/assessments/2024');
      assert.equal(matrix.cells.filter((cell) => cell.rating !== null).length, 1);
    });
  });
});
