/**
 * The indicators' part of the reliability suite: indicator 1-2 becomes the test department's own
 * (it is responsible for it) and 1-1 stays another's, and a minimal Open SDG CSV for the upload. For
 * the cycle's routes, a 2030 cycle at data collection with a questionnaire on each of the two
 * (qualitative) indicators, and a complementation action owned by the test department and another.
 */
import { sql } from 'kysely';
import type { ModuleReliability, Variants } from '../../../reliability/contributions.ts';

export const reliability: ModuleReliability = {
  async authorizationRecords({ test }) {
    await sql`update indicators_indicators set responsible_department = 'TEST-DEPT' where code = '1-2'`.execute(
      test.database.db,
    );
    const db = test.database.db;
    await sql`update indicators_indicators set kind = 'qualitative' where code in ('1-1', '1-2')`.execute(db);
    await sql`insert into indicators_cycles (year, step) values (2030, 'collection')`.execute(db);
    const tokens: Record<string, string> = {};
    for (const code of ['1-1', '1-2']) {
      tokens[code] = `reliability${code.replace('-', '')}`.padEnd(32, 'x');
      await sql`insert into indicators_questionnaires (year, indicator_id, token, title_ko, title_en)
        select 2030, id, ${tokens[code]}, '설문', 'Survey' from indicators_indicators where code = ${code}`.execute(
        db,
      );
    }
    const actions: Record<string, number> = {};
    for (const owner of ['TEST-DEPT', 'DHRP-DHR']) {
      const { rows } = await sql<{ id: number }>`insert into indicators_actions
          (year, indicator_id, description, owner_department, due_date, status)
        select 2030, id, 'Reliability', ${owner}, '2031-01-31', 'planned' from indicators_indicators
        where code = '1-2' returning id`.execute(db);
      actions[owner] = rows[0]?.id ?? 0;
    }
    const records: Record<string, Variants> = {
      '/api/v1/indicators/actions/{id}': {
        own: { id: actions['TEST-DEPT'] },
        another: { id: actions['DHRP-DHR'] },
        exists: true,
      },
    };
    for (const path of ['/api/v1/indicators/{code}/values/{year}']) {
      records[path] = {
        own: { code: '1-2', year: 2030 },
        another: { code: '1-1', year: 2030 },
        exists: true,
      };
    }
    for (const suffix of ['', '/responses', '/aggregate']) {
      records[`/api/v1/indicators/cycles/{year}/questionnaires/{code}${suffix}`] = {
        own: { code: '1-2', year: 2030 },
        another: { code: '1-1', year: 2030 },
        exists: true,
      };
    }
    for (const suffix of ['', '/responses', '/results']) {
      records[`/api/v1/indicators/questionnaires/{token}${suffix}`] = {
        another: { token: tokens['1-1'] },
        exists: true,
      };
    }
    for (const path of [
      '/api/v1/indicators/{code}',
      '/api/v1/indicators/{code}/observations',
      '/api/v1/indicators/{code}/observations.csv',
      '/api/v1/indicators/{code}/observations.json',
    ]) {
      records[path] = { own: { code: '1-2' }, another: { code: '1-1' }, exists: true };
    }
    return () => records;
  },
  rawBodies: {
    'POST /api/v1/indicators/{code}/observations': {
      contentType: 'text/csv',
      payload: 'Year,Value\n2024,1\n',
    },
  },
};
