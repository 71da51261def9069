/**
 * The module's reads: the local agenda by phase, the goals with what the city does towards each, the
 * Agenda 2030 framework and assessments, and the search an officer picks evidence from. What the city
 * does towards a goal is read from the kernel's `vocab_tags` by vocabulary and term alone, so a record
 * of any module appears as soon as that module tags it with the goal or one of its targets.
 */
import { type Kysely, sql } from 'kysely';
import type { Db, ServerModule } from '../../../kernel/server/module.ts';
import { containsPattern } from '../../../kernel/server/search.ts';
import type {
  Agenda,
  Agendas,
  Assessment,
  AssessmentList,
  Evidence,
  Framework,
  GoalPage,
  GoalsOverview,
} from '../contract.ts';
import { moduleName, type SdgTables, sdgDb } from './tables.ts';

type Reader = Kysely<SdgTables>;

interface GoalTerm {
  goal: number;
  name: { ko: string; en: string };
  description: { ko: string; en: string } | null;
  koMissing: boolean;
}

async function goalTerms(sdg: Reader): Promise<Map<number, GoalTerm>> {
  const rows = await sdg
    .selectFrom('vocab_terms')
    .select(['code', 'name_ko', 'name_en', 'description_ko', 'description_en'])
    .where('vocabulary', '=', 'sdg-goals')
    .orderBy('sort_order')
    .execute();
  return new Map(
    rows.map((row) => {
      const goal = Number(row.code);
      return [
        goal,
        {
          goal,
          name: { ko: row.name_ko ?? row.name_en, en: row.name_en },
          description:
            row.description_en === null
              ? null
              : { ko: row.description_ko ?? row.description_en, en: row.description_en },
          koMissing: row.name_ko === null,
        },
      ];
    }),
  );
}

type AgendaRow = SdgTables['sdg_agendas'];

function presentAgenda(row: AgendaRow, goals: Map<number, GoalTerm>): Agenda {
  return {
    phase: row.phase,
    number: row.number,
    areaCode: row.area_code,
    name: { ko: row.name_ko, en: row.name_en },
    tasks: row.tasks,
    indicators: row.indicators,
    unSdgs: row.un_sdgs.map(({ goal, label }) => ({
      goal,
      label,
      name: goals.get(goal)?.name ?? { ko: label, en: label },
    })),
  };
}

const agendaOrder = (sdg: Reader) =>
  sdg.selectFrom('sdg_agendas').selectAll().orderBy('phase').orderBy('number').execute();

/** Every phase with its systems, areas and agendas, in the order of Tables 6 and 7. */
export async function loadAgendas(db: Db): Promise<Agendas> {
  const sdg = sdgDb(db);
  const [phases, systems, areas, agendas, goals] = await Promise.all([
    sdg.selectFrom('sdg_phases').selectAll().orderBy('phase').execute(),
    sdg.selectFrom('sdg_phase_systems').selectAll().orderBy('phase').orderBy('position').execute(),
    sdg.selectFrom('sdg_areas').selectAll().orderBy('phase').orderBy('position').execute(),
    agendaOrder(sdg),
    goalTerms(sdg),
  ]);
  return {
    phases: phases.map((phase) => {
      const own = agendas.filter((agenda) => agenda.phase === phase.phase);
      return {
        phase: phase.phase,
        name: { ko: phase.name_ko, en: phase.name_en },
        startYear: phase.start_year,
        endYear: phase.end_year,
        sourceTable: phase.source_table,
        statedAgendas: phase.stated_agendas,
        statedAreas: phase.stated_areas,
        systems: systems
          .filter((system) => system.phase === phase.phase)
          .map((system) => ({ ko: system.name_ko, en: system.name_en })),
        areas: areas
          .filter((area) => area.phase === phase.phase)
          .map((area) => ({
            code: area.code,
            name: { ko: area.name_ko, en: area.name_en },
            statedAgendas: area.stated_agendas,
            agendas: own
              .filter((agenda) => agenda.area_code === area.code)
              .map((agenda) => presentAgenda(agenda, goals)),
          })),
        totals: {
          agendas: own.length,
          tasks: own.reduce((sum, agenda) => sum + agenda.tasks, 0),
          indicators: own.reduce((sum, agenda) => sum + agenda.indicators, 0),
        },
      };
    }),
  };
}

/** The local agendas' own tags are shown as agendas, not again among "other records". */
const isOwnAgenda = sql<boolean>`(module = ${moduleName} and record_type = 'agenda')`;

/** The goal a tag of either SDG vocabulary belongs to: the goal itself, or the target's goal. */
const tagGoal = sql<string>`case when vocabulary = 'sdg-goals' then term_code else split_part(term_code, '.', 1) end`;

export async function goalsOverview(db: Db): Promise<GoalsOverview> {
  const sdg = sdgDb(db);
  const [goals, agendaCounts, recordCounts] = await Promise.all([
    goalTerms(sdg),
    sdg
      .selectFrom('vocab_tags')
      .select((eb) => ['term_code', eb.fn.countAll<number>().as('count')])
      .where('vocabulary', '=', 'sdg-goals')
      .where('is_public', '=', true)
      .where(isOwnAgenda)
      .groupBy('term_code')
      .execute(),
    sdg
      .selectFrom('vocab_tags')
      .select([tagGoal.as('goal'), sql<number>`count(distinct (module, record_type, record_id))`.as('count')])
      .where('vocabulary', 'in', ['sdg-goals', 'sdg-targets'])
      .where('is_public', '=', true)
      .where(sql<boolean>`not ${isOwnAgenda}`)
      .groupBy(tagGoal)
      .execute(),
  ]);
  const agendasByGoal = new Map(agendaCounts.map((row) => [row.term_code, Number(row.count)]));
  const recordsByGoal = new Map(recordCounts.map((row) => [row.goal, Number(row.count)]));
  return {
    goals: [...goals.values()].map((goal) => ({
      ...goal,
      agendaCount: agendasByGoal.get(String(goal.goal)) ?? 0,
      recordCount: recordsByGoal.get(String(goal.goal)) ?? 0,
    })),
  };
}

/** What the city does towards one goal; undefined when there is no such goal. */
export async function goalPage(db: Db, goal: number): Promise<GoalPage | undefined> {
  const sdg = sdgDb(db);
  const goals = await goalTerms(sdg);
  const term = goals.get(goal);
  if (!term) return undefined;
  const targetPrefix = `${goal}.%`;
  const [targets, tags, agendas, phases] = await Promise.all([
    sdg
      .selectFrom('vocab_terms')
      .select(['code', 'name_ko', 'name_en'])
      .where('vocabulary', '=', 'sdg-targets')
      .where('code', 'like', targetPrefix)
      .orderBy('sort_order')
      .execute(),
    sdg
      .selectFrom('vocab_tags')
      .select([
        'vocabulary',
        'term_code',
        'module',
        'record_type',
        'record_id',
        'title_ko',
        'title_en',
        'path',
        'is_sample',
      ])
      .where('is_public', '=', true)
      .where((eb) =>
        eb.or([
          eb.and([eb('vocabulary', '=', 'sdg-goals'), eb('term_code', '=', String(goal))]),
          eb.and([eb('vocabulary', '=', 'sdg-targets'), eb('term_code', 'like', targetPrefix)]),
        ]),
      )
      .orderBy('module')
      .orderBy('record_type')
      .orderBy('title_ko')
      .orderBy('record_id')
      .execute(),
    agendaOrder(sdg),
    sdg.selectFrom('sdg_phases').select(['phase', 'name_ko', 'name_en']).execute(),
  ]);

  const isAgenda = (tag: { module: string; record_type: string }) =>
    tag.module === moduleName && tag.record_type === 'agenda';
  const agendaIds = new Set(tags.filter(isAgenda).map((tag) => tag.record_id));
  type GoalRecord = GoalPage['modules'][number]['records'][number];
  const modules = new Map<string, Map<string, GoalRecord>>();
  for (const tag of tags) {
    if (isAgenda(tag)) continue;
    const records = modules.get(tag.module) ?? new Map<string, GoalRecord>();
    const key = `${tag.record_type}/${tag.record_id}`;
    const record = records.get(key) ?? {
      recordType: tag.record_type,
      recordId: tag.record_id,
      title: { ko: tag.title_ko, en: tag.title_en },
      path: tag.path,
      isSample: tag.is_sample,
      terms: [],
    };
    record.terms.push(tag.term_code);
    records.set(key, record);
    modules.set(tag.module, records);
  }
  const phaseName = new Map(phases.map((phase) => [phase.phase, { ko: phase.name_ko, en: phase.name_en }]));
  return {
    goal: term,
    agendas: agendas
      .filter((agenda) => agendaIds.has(`${agenda.phase}-${agenda.number}`))
      .map((agenda) => ({
        ...presentAgenda(agenda, goals),
        phaseName: phaseName.get(agenda.phase) ?? { ko: '', en: '' },
      })),
    targets: targets.map((target) => ({
      code: target.code,
      name: { ko: target.name_ko ?? target.name_en, en: target.name_en },
      koMissing: target.name_ko === null,
      recordCount: new Set(
        tags
          .filter((tag) => tag.vocabulary === 'sdg-targets' && tag.term_code === target.code)
          .map((tag) => `${tag.module}/${tag.record_type}/${tag.record_id}`),
      ).size,
    })),
    modules: [...modules].map(([module, records]) => ({ module, records: [...records.values()] })),
  };
}

// --- Agenda 2030 ---------------------------------------------------------------------------------

export async function loadFramework(db: Db): Promise<Framework> {
  const sdg = sdgDb(db);
  const [categories, components, published] = await Promise.all([
    sdg.selectFrom('sdg_a2030_categories').selectAll().orderBy('position').execute(),
    sdg.selectFrom('sdg_a2030_components').selectAll().orderBy('position').execute(),
    sdg
      .selectFrom('sdg_assessments')
      .select(['year', 'published_at'])
      .where('published_at', 'is not', null)
      .orderBy('year', 'desc')
      .execute(),
  ]);
  return {
    categories: categories.map((row) => ({ code: row.code, name: { ko: row.name_ko, en: row.name_en } })),
    components: components.map((row) => ({
      code: row.code,
      name: { ko: row.name_ko, en: row.name_en },
      description: { ko: row.description_ko, en: row.description_en },
    })),
    assessments: published.map((row) => ({
      year: row.year,
      publishedAt: new Date(row.published_at as Date).toISOString(),
    })),
  };
}

/** A year's assessment with every cell and its evidence; undefined if none (or not published, when asked). */
export async function loadAssessment(
  db: Db,
  year: number,
  options: { publishedOnly: boolean },
): Promise<Assessment | undefined> {
  const sdg = sdgDb(db);
  let query = sdg.selectFrom('sdg_assessments').selectAll().where('year', '=', year);
  if (options.publishedOnly) query = query.where('published_at', 'is not', null);
  const assessment = await query.executeTakeFirst();
  if (!assessment) return undefined;
  const [cells, evidence] = await Promise.all([
    sdg
      .selectFrom('sdg_assessment_cells as cell')
      .innerJoin('sdg_a2030_categories as category', 'category.code', 'cell.category')
      .innerJoin('sdg_a2030_components as component', 'component.code', 'cell.component')
      .select([
        'cell.category',
        'cell.component',
        'cell.rating',
        'cell.narrative_ko',
        'cell.narrative_en',
        'cell.version',
      ])
      .where('cell.year', '=', year)
      .orderBy('category.position')
      .orderBy('component.position')
      .execute(),
    sdg
      .selectFrom('sdg_assessment_evidence')
      .selectAll()
      .where('year', '=', year)
      .orderBy('position')
      .execute(),
  ]);
  return {
    year: assessment.year,
    publishedAt: assessment.published_at ? new Date(assessment.published_at).toISOString() : null,
    version: assessment.version,
    cells: cells.map((cell) => ({
      category: cell.category,
      component: cell.component,
      rating: cell.rating,
      narrative: { ko: cell.narrative_ko, en: cell.narrative_en },
      version: cell.version,
      evidence: evidence
        .filter((item) => item.category === cell.category && item.component === cell.component)
        .map((item) => ({
          module: item.module,
          recordType: item.record_type,
          recordId: item.record_id,
          title: { ko: item.title_ko, en: item.title_en },
          path: item.path,
        })),
    })),
  };
}

export async function listAssessments(db: Db): Promise<AssessmentList> {
  const rows = await sdgDb(db)
    .selectFrom('sdg_assessments as assessment')
    .select((eb) => [
      'assessment.year',
      'assessment.published_at',
      'assessment.version',
      eb
        .selectFrom('sdg_assessment_cells as cell')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('cell.year', '=', 'assessment.year')
        .where('cell.rating', 'is not', null)
        .as('rated'),
    ])
    .orderBy('assessment.year', 'desc')
    .execute();
  return {
    assessments: rows.map((row) => ({
      year: row.year,
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      version: row.version,
      ratedCells: Number(row.rated ?? 0),
    })),
  };
}

/**
 * Platform records an officer can cite as evidence: public records tagged with any term (by title),
 * and whatever every module's public search finds. Public records only, so that a published
 * assessment never points at something the public cannot open.
 */
export async function searchEvidence(
  db: Db,
  modules: readonly ServerModule[],
  query: string,
  limit = 30,
): Promise<Evidence[]> {
  const pattern = containsPattern(query);
  const tagged = await sdgDb(db)
    .selectFrom('vocab_tags')
    .select(['module', 'record_type', 'record_id', 'title_ko', 'title_en', 'path'])
    .distinct()
    .where('is_public', '=', true)
    .where('is_sample', '=', false)
    .where((eb) => eb.or([eb('title_ko', 'ilike', pattern), eb('title_en', 'ilike', pattern)]))
    .orderBy('module')
    .orderBy('title_ko')
    .limit(limit)
    .execute();
  const found = new Map<string, Evidence>();
  for (const row of tagged) {
    found.set(row.path, {
      module: row.module,
      recordType: row.record_type,
      recordId: row.record_id,
      title: { ko: row.title_ko, en: row.title_en },
      path: row.path,
    });
  }
  for (const module of modules) {
    if (!module.publicSearch) continue;
    for (const hit of await module.publicSearch(db, query, limit)) {
      if (found.has(hit.path)) continue;
      // A search hit has no id of its own; its page is what identifies it.
      found.set(hit.path, {
        module: module.name,
        recordType: hit.recordType,
        recordId: hit.path,
        title: hit.title,
        path: hit.path,
      });
    }
  }
  return [...found.values()].slice(0, limit);
}
