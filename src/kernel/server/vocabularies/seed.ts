/**
 * Loading the vocabularies from the city's dataset and the UN SDG lists.
 *
 * `vocab_terms` holds both loaded terms and the rights staff enter, and `vocab_tags` holds the tags of
 * records users made; a reload must keep all of those. So this seed does not rely on emptied tables
 * (the module declares no `seedTables`): it brings the loaded vocabularies to what the files say
 * (insert or update each term, delete a term the files no longer list), and replaces the sample
 * records of `--demo`. Running it twice gives the same rows.
 */
import type { Insertable, Transaction } from 'kysely';
import type { SeedContext } from '../module.ts';
import {
  DatasetError,
  displayPath,
  integer,
  matching,
  optional,
  readCsv,
  rowError,
  text,
} from '../seed/dataset-files.ts';
import { type VocabularyId, vocabularies, vocabularyIds } from './contract.ts';
import { type VocabTables, vocabTrx } from './tables.ts';
import { readFlatYaml } from './un-sdg.ts';

type NewTerm = Insertable<VocabTables['vocab_terms']>;

const termCode = matching(/^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/, 'a code (letters, digits, dots and hyphens)');

async function readDepartments(context: SeedContext): Promise<NewTerm[]> {
  const rows = await readCsv(
    context,
    'departments.csv',
    {
      code: termCode,
      parent_code: optional(termCode),
      name_ko: text,
      name_en: text,
      headcount: optional(integer),
      since: optional(matching(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a year or a month (YYYY or YYYY-MM)')),
      source_section: optional(text),
      note: optional(text),
    },
    { key: 'code' },
  );
  const codes = new Set(rows.map((row) => row.code));
  return rows.map((row, index) => {
    if (row.parent_code !== null && !codes.has(row.parent_code)) {
      throw rowError(row.origin, `column "parent_code": no department has the code "${row.parent_code}"`);
    }
    return {
      vocabulary: 'departments',
      code: row.code,
      parent_code: row.parent_code,
      name_ko: row.name_ko,
      name_en: row.name_en,
      description_ko: null,
      description_en: null,
      data: { headcount: row.headcount, since: row.since, note: row.note },
      sort_order: index + 1,
      source_section: row.source_section,
    };
  });
}

/** A vocabulary that is a list of names: districts, target groups. */
async function readNames(context: SeedContext, vocabulary: VocabularyId, file: string): Promise<NewTerm[]> {
  const rows = await readCsv(
    context,
    file,
    { code: termCode, name_ko: text, name_en: text },
    { key: 'code' },
  );
  return rows.map((row, index) => ({
    vocabulary,
    code: row.code,
    parent_code: null,
    name_ko: row.name_ko,
    name_en: row.name_en,
    description_ko: null,
    description_en: null,
    sort_order: index + 1,
    source_section: null,
  }));
}

/**
 * The goals (English from the UN list, Korean from the city's file) and the targets (English from the
 * UN list, Korean from the project's translation beside it, which must name exactly the UN's targets).
 */
async function readSdgs(context: SeedContext): Promise<NewTerm[]> {
  const goalsFile = '../un-sdg/global_goals.en.yml';
  const targetsFile = '../un-sdg/global_targets.en.yml';
  const goalsEn = readFlatYaml(await context.readFile(goalsFile), `${context.datasetDir}/${goalsFile}`);
  const targetsKoFile = '../un-sdg/global_targets.ko.csv';
  const targetsEn = readFlatYaml(await context.readFile(targetsFile), `${context.datasetDir}/${targetsFile}`);
  const korean = await readCsv(
    context,
    'sdg-goals-ko.csv',
    { goal: integer, short_ko: text, title_ko: text },
    { key: 'goal' },
  );

  const goalNumbers = [...goalsEn.keys()]
    .map((key) => /^(\d+)-short$/.exec(key)?.[1])
    .filter((goal) => goal !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  for (const row of korean) {
    if (!goalNumbers.includes(row.goal)) throw rowError(row.origin, `column "goal": no goal ${row.goal}`);
  }
  const goals: NewTerm[] = goalNumbers.map((goal) => {
    const ko = korean.find((row) => row.goal === goal);
    const title = goalsEn.get(`${goal}-title`);
    if (title === undefined) throw new DatasetError(`${goalsFile}: goal ${goal} has no ${goal}-title`);
    return {
      vocabulary: 'sdg-goals',
      code: String(goal),
      parent_code: null,
      name_ko: ko?.short_ko ?? null,
      name_en: goalsEn.get(`${goal}-short`) ?? '',
      description_ko: ko?.title_ko ?? null,
      description_en: title,
      sort_order: goal,
      source_section: null,
    };
  });

  const targets = [...targetsEn].map(([key, title]) => {
    const match = /^(\d+)-(\d+|[a-z])-title$/.exec(key);
    if (!match?.[1] || !match[2] || !goalNumbers.includes(Number(match[1]))) {
      throw new DatasetError(`${targetsFile}: "${key}" is not a target of a known goal`);
    }
    return { goal: Number(match[1]), target: match[2], title };
  });
  // UN order within a goal: the numbered targets, then the lettered ones (means of implementation).
  const rank = (target: string) => (/^\d+$/.test(target) ? Number(target) : 1000 + target.charCodeAt(0));
  targets.sort((a, b) => a.goal - b.goal || rank(a.target) - rank(b.target));
  const targetsKo = await readCsv(
    context,
    targetsKoFile,
    { target: matching(/^\d+\.(\d+|[a-z])$/, 'a target code (1.1, 16.10, 1.a)'), title_ko: text },
    { key: 'target' },
  );
  const titlesKo = new Map(targetsKo.map((row) => [row.target, row.title_ko]));
  const targetCodes = new Set(targets.map(({ goal, target }) => `${goal}.${target}`));
  for (const row of targetsKo) {
    if (!targetCodes.has(row.target)) {
      throw rowError(row.origin, `column "target": ${targetsFile} has no target ${row.target}`);
    }
  }
  const untranslated = [...targetCodes].filter((code) => !titlesKo.has(code));
  if (untranslated.length > 0) {
    throw new DatasetError(
      `${displayPath(`${context.datasetDir}/${targetsKoFile}`)}: no row for the target(s) ${untranslated.join(', ')} ` +
        `that ${targetsFile} lists`,
    );
  }
  return [
    ...goals,
    ...targets.map(
      ({ goal, target, title }, index): NewTerm => ({
        vocabulary: 'sdg-targets',
        code: `${goal}.${target}`,
        parent_code: null,
        name_ko: titlesKo.get(`${goal}.${target}`) ?? null,
        name_en: title,
        description_ko: null,
        description_en: null,
        data: { goal },
        sort_order: index + 1,
        source_section: null,
      }),
    ),
  ];
}

async function readSampleRights(context: SeedContext): Promise<NewTerm[]> {
  const rows = await readCsv(
    context,
    'demo/rights.csv',
    {
      code: termCode,
      number: integer,
      title_ko: text,
      title_en: text,
      text_ko: text,
      text_en: text,
    },
    { key: 'code' },
  );
  return rows.map((row) => ({
    vocabulary: 'rights',
    code: row.code,
    parent_code: null,
    name_ko: row.title_ko,
    name_en: row.title_en,
    description_ko: row.text_ko,
    description_en: row.text_en,
    data: { number: row.number },
    sort_order: row.number,
    source_section: null,
    is_sample: true,
  }));
}

/**
 * The default rights: the Universal Declaration's 30 articles (shared by every city), for a city that
 * has not yet entered its charter. Ordered after any charter article (1000 + the article's number), so
 * a charter's numbering never clashes with them.
 */
async function readDefaultRights(context: SeedContext): Promise<NewTerm[]> {
  const rows = await readCsv(
    context,
    '../udhr/articles.csv',
    { number: integer, title_ko: text, title_en: text },
    { key: 'number' },
  );
  return rows.map((row) => ({
    vocabulary: 'rights',
    code: `udhr-${row.number}`,
    parent_code: null,
    name_ko: row.title_ko,
    name_en: row.title_en,
    description_ko: `세계인권선언 제${row.number}조`,
    description_en: `Universal Declaration of Human Rights, article ${row.number}`,
    data: { number: row.number, default: 'udhr' },
    sort_order: 1000 + row.number,
    source_section: null,
  }));
}

/**
 * Adds the missing default rights while the city has no right of its own (samples aside). Never
 * updates or deletes one: the rights are staff's to edit, and cases may be classified by them.
 */
async function addDefaultRights(vocab: Transaction<VocabTables>, defaults: NewTerm[]): Promise<void> {
  const own = await vocab
    .selectFrom('vocab_terms')
    .select('code')
    .where('vocabulary', '=', 'rights')
    .where('is_sample', '=', false)
    .where('code', 'not like', 'udhr-%')
    .executeTakeFirst();
  if (own) return;
  await vocab
    .insertInto('vocab_terms')
    .values(defaults)
    .onConflict((conflict) => conflict.columns(['vocabulary', 'code']).doNothing())
    .execute();
}

const termKey = (term: { vocabulary: string; code: string }) => `${term.vocabulary}/${term.code}`;

/** Drops the samples of an earlier `--demo` load: sample terms, and every tag that is or uses a sample. */
async function removeSamples(vocab: Transaction<VocabTables>): Promise<void> {
  await vocab
    .deleteFrom('vocab_tags')
    .where((eb) =>
      eb.or([
        eb('is_sample', '=', true),
        eb(
          eb.refTuple('vocabulary', 'term_code'),
          'in',
          eb
            .selectFrom('vocab_terms')
            .select(['vocabulary', 'code'])
            .where('is_sample', '=', true)
            .$asTuple('vocabulary', 'code'),
        ),
      ]),
    )
    .execute();
  await vocab.deleteFrom('vocab_terms').where('is_sample', '=', true).execute();
}

async function replaceLoadedTerms(vocab: Transaction<VocabTables>, terms: NewTerm[]): Promise<void> {
  await vocab
    .insertInto('vocab_terms')
    .values(terms)
    .onConflict((conflict) =>
      conflict.columns(['vocabulary', 'code']).doUpdateSet((eb) => ({
        parent_code: eb.ref('excluded.parent_code'),
        name_ko: eb.ref('excluded.name_ko'),
        name_en: eb.ref('excluded.name_en'),
        description_ko: eb.ref('excluded.description_ko'),
        description_en: eb.ref('excluded.description_en'),
        data: eb.ref('excluded.data'),
        sort_order: eb.ref('excluded.sort_order'),
        source_section: eb.ref('excluded.source_section'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();

  const loaded = vocabularyIds.filter((id) => !vocabularies[id].editable);
  const listed = new Set(terms.map(termKey));
  const existing = await vocab
    .selectFrom('vocab_terms')
    .select(['vocabulary', 'code'])
    .where('vocabulary', 'in', loaded)
    .execute();
  const dropped = existing.filter((term) => !listed.has(termKey(term)));
  if (dropped.length === 0) return;
  const tagged = await vocab
    .selectFrom('vocab_tags')
    .select(['vocabulary', 'term_code'])
    .distinct()
    .where((eb) =>
      eb(
        eb.refTuple('vocabulary', 'term_code'),
        'in',
        dropped.map((term) => eb.tuple(term.vocabulary, term.code)),
      ),
    )
    .execute();
  if (tagged.length > 0) {
    throw new DatasetError(
      `The dataset no longer lists ${tagged.map((tag) => `${tag.vocabulary}/${tag.term_code}`).join(', ')}, ` +
        'but records are tagged with them: put them back in the dataset, or remove those tags first.',
    );
  }
  await vocab
    .deleteFrom('vocab_terms')
    .where((eb) =>
      eb(
        eb.refTuple('vocabulary', 'code'),
        'in',
        dropped.map((term) => eb.tuple(term.vocabulary, term.code)),
      ),
    )
    .execute();
}

export async function seedVocabularies(context: SeedContext): Promise<void> {
  const terms = [
    ...(await readDepartments(context)),
    ...(await readNames(context, 'districts', 'districts.csv')),
    ...(await readNames(context, 'target-groups', 'target-groups.csv')),
    ...(await readSdgs(context)),
  ];
  const samples = context.demo ? await readSampleRights(context) : [];
  const defaults = await readDefaultRights(context);
  const vocab = vocabTrx(context.trx);
  await removeSamples(vocab);
  await replaceLoadedTerms(vocab, terms);
  await addDefaultRights(vocab, defaults);
  if (samples.length === 0) return;
  const clashes = await vocab
    .selectFrom('vocab_terms')
    .select('code')
    .where('vocabulary', '=', 'rights')
    .where(
      'code',
      'in',
      samples.map((sample) => sample.code),
    )
    .execute();
  if (clashes.length > 0) {
    throw new DatasetError(
      `demo/rights.csv: staff have entered rights with the codes ${clashes.map((right) => right.code).join(', ')}; ` +
        'give the sample rights other codes.',
    );
  }
  await vocab.insertInto('vocab_terms').values(samples).execute();
}
