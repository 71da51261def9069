/**
 * Questionnaires of qualitative indicators (step 2 of the cycle). The office writes one per indicator
 * and year (Likert 1–5, single choice, multiple choice, free text), which gets one random token: its
 * public link. Anyone with the link answers anonymously while the cycle collects data (a response
 * keeps no user, address or IP); staff may enter paper responses the same way. Results are aggregated
 * per question; in public, a question (or a questionnaire) with one to four answers shows "<5" and
 * no numbers (none is shown as 0, as every statistic is: `kernel/shared/statistic.ts`), and free text never leaves the staff view. Aggregating writes the year's
 * observations: series `Q<n>` per question (a Likert mean; a choice's share of respondents per
 * option, options chosen fewer than five times left out) and, as the headline, the first Likert mean.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, type FieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { countedStatistic } from '../../../../kernel/shared/statistic.ts';
import {
  type InvitationCounts,
  type IssuedInvitations,
  invitationTokenSchema,
  minimumPublicResponses,
  type PublicQuestionnaire,
  type Question,
  type Questionnaire,
  type QuestionnaireAccess,
  type QuestionnaireResults,
  type QuestionnaireUpdate,
  type ResponseInput,
} from '../../contract.ts';
import { requireDataEntry } from '../policy.ts';
import { loadIndicator, type StoredIndicator } from '../queries.ts';
import {
  type IndicatorsDb,
  type IndicatorsTables,
  type IndicatorsTrx,
  indicatorsDb,
  indicatorsTrx,
} from '../tables.ts';
import { breakdownId, checkYearWritable, cycleStepOf, cycleSteps, requireStep } from './observations.ts';

type Reader = IndicatorsDb | IndicatorsTrx;
type QuestionnaireRow = Omit<IndicatorsTables['indicators_questionnaires'], 'id' | 'version' | 'access'> & {
  id: number;
  version: number;
  access: QuestionnaireAccess;
};

/** The web address of a questionnaire's public page. */
export const questionnairePath = (token: string) => `/questionnaires/${token}`;

/** A personal link: the public page with the invitation's token, which the page takes out of the address bar. */
export const invitationPath = (token: string, invitation: string) =>
  `${questionnairePath(token)}?invitation=${invitation}`;

/** Only this is kept of a personal link's token. */
const invitationHash = (invitation: string) => createHash('sha256').update(invitation).digest('hex');

async function findQuestionnaire(
  reader: Reader,
  where: { token: string } | { year: number; indicatorId: number },
) {
  let query = reader.selectFrom('indicators_questionnaires').selectAll();
  query =
    'token' in where
      ? query.where('token', '=', where.token)
      : query.where('year', '=', where.year).where('indicator_id', '=', where.indicatorId);
  return (await query.executeTakeFirst()) as QuestionnaireRow | undefined;
}

async function questionsOf(reader: Reader, questionnaireId: number): Promise<Question[]> {
  const rows = await reader
    .selectFrom('indicators_questions')
    .selectAll()
    .where('questionnaire_id', '=', questionnaireId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    prompt: { ko: row.prompt_ko, en: row.prompt_en },
    options: row.options,
  }));
}

const isOpen = async (reader: Reader, year: number) => (await cycleStepOf(reader, year)) === 'collection';

const likertScores = [1, 2, 3, 4, 5];

/** Every question's aggregate; `forPublic` suppresses small counts and leaves free text out. */
async function aggregate(
  reader: Reader,
  questionnaire: QuestionnaireRow,
  code: string,
  forPublic: boolean,
): Promise<QuestionnaireResults> {
  const questions = await questionsOf(reader, questionnaire.id);
  const { count } = await reader
    .selectFrom('indicators_responses')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('questionnaire_id', '=', questionnaire.id)
    .executeTakeFirstOrThrow();
  const responses = Number(count);
  const answers = await reader
    .selectFrom('indicators_answers as a')
    .innerJoin('indicators_questions as q', 'q.id', 'a.question_id')
    .select(['a.question_id', 'a.value'])
    .where('q.questionnaire_id', '=', questionnaire.id)
    .orderBy('a.response_id')
    .execute();
  const hide = (n: number) => forPublic && countedStatistic(n).kind === 'suppressed';
  return {
    code,
    year: questionnaire.year,
    title: { ko: questionnaire.title_ko, en: questionnaire.title_en },
    responses: hide(responses) ? null : responses,
    suppressed: hide(responses),
    questions: questions.map((question) => {
      const values = answers
        .filter((answer) => answer.question_id === question.id)
        .map((answer) => answer.value);
      const suppressed = hide(values.length);
      const tally = (
        labels: { ko: string; en: string }[],
        matches: (value: unknown, index: number) => boolean,
      ) =>
        labels.map((label, index) => {
          const n = values.filter((value) => matches(value, index)).length;
          return {
            label,
            count: suppressed || hide(n) ? null : n,
          };
        });
      const base = {
        id: question.id,
        kind: question.kind,
        prompt: question.prompt,
        answered: suppressed ? null : values.length,
        suppressed,
      };
      switch (question.kind) {
        case 'likert': {
          const scores = values as number[];
          const mean =
            scores.length === 0
              ? null
              : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
          return {
            ...base,
            mean: suppressed ? null : mean,
            counts: tally(
              likertScores.map((score) => ({ ko: String(score), en: String(score) })),
              (value, index) => value === likertScores[index],
            ),
            texts: [],
          };
        }
        case 'single':
          return {
            ...base,
            mean: null,
            counts: tally(question.options, (value, index) => value === index),
            texts: [],
          };
        case 'multiple':
          return {
            ...base,
            mean: null,
            counts: tally(question.options, (value, index) => (value as number[]).includes(index)),
            texts: [],
          };
        default: // free text
          return { ...base, mean: null, counts: [], texts: forPublic ? [] : (values as string[]) };
      }
    }),
  };
}

function checkQuestions(input: QuestionnaireUpdate): void {
  const errors: FieldError[] = [];
  input.questions.forEach((question, index) => {
    const choice = question.kind === 'single' || question.kind === 'multiple';
    if (choice && question.options.length < 2) {
      errors.push({
        field: `body.questions.${index}.options`,
        code: 'too_few_options',
        message: { ko: '선택지를 두 개 이상 주세요.', en: 'Give at least two options.' },
      });
    }
    if (!choice && question.options.length > 0) {
      errors.push({
        field: `body.questions.${index}.options`,
        code: 'options_not_allowed',
        message: {
          ko: '5점 척도와 자유 응답 질문에는 선택지가 없습니다.',
          en: 'A Likert or free-text question has no options.',
        },
      });
    }
  });
  if (errors.length > 0) throw new AppError('validation_failed', 400, { errors });
}

export async function saveQuestionnaire(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  code: string,
  input: QuestionnaireUpdate,
): Promise<void> {
  checkQuestions(input);
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    requireStep(await cycleStepOf(trx, year, { lock: true }), year, ['targets', 'collection']);
    const indicator = await loadIndicator(trx, code, { forUpdate: true });
    if (indicator.kind !== 'qualitative')
      throw new AppError('indicators_not_qualitative', 409, { params: { code } });
    const current = await findQuestionnaire(trx, { year, indicatorId: indicator.id });
    if ((current?.version ?? 0) !== input.version) throw conflict();
    let id: number;
    if (current) {
      const answered = await trx
        .selectFrom('indicators_responses')
        .select('id')
        .where('questionnaire_id', '=', current.id)
        .executeTakeFirst();
      if (answered) throw new AppError('indicators_questionnaire_answered', 409);
      await trx.deleteFrom('indicators_questions').where('questionnaire_id', '=', current.id).execute();
      await trx
        .updateTable('indicators_questionnaires')
        .set({
          title_ko: input.title.ko,
          title_en: input.title.en,
          access: input.access,
          version: current.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', current.id)
        .execute();
      id = current.id;
    } else {
      const created = await trx
        .insertInto('indicators_questionnaires')
        .values({
          year,
          indicator_id: indicator.id,
          token: randomBytes(24).toString('base64url'),
          title_ko: input.title.ko,
          title_en: input.title.en,
          access: input.access,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = created.id;
    }
    await trx
      .insertInto('indicators_questions')
      .values(
        input.questions.map((question, position) => ({
          questionnaire_id: id,
          position,
          kind: question.kind,
          prompt_ko: question.prompt.ko,
          prompt_en: question.prompt.en,
          options: JSON.stringify(question.options) as never,
        })),
      )
      .execute();
    await audit({
      action: 'indicators.save-questionnaire',
      entityType: 'indicators_questionnaires',
      entityId: `${year}:${code}`,
      after: { title: input.title, access: input.access, questions: input.questions },
    });
  });
}

async function staffQuestionnaire(db: Db, user: SessionUser, year: number, code: string) {
  const reader = indicatorsDb(db);
  const indicator = await loadIndicator(reader, code);
  requireDataEntry(user, indicator);
  const questionnaire = await findQuestionnaire(reader, { year, indicatorId: indicator.id });
  if (!questionnaire) throw notFound();
  return { reader, indicator, questionnaire };
}

export async function readQuestionnaire(
  db: Db,
  user: SessionUser,
  year: number,
  code: string,
): Promise<Questionnaire> {
  const { reader, questionnaire } = await staffQuestionnaire(db, user, year, code);
  return {
    code,
    year,
    title: { ko: questionnaire.title_ko, en: questionnaire.title_en },
    token: questionnaire.token,
    link: questionnairePath(questionnaire.token),
    open: await isOpen(reader, year),
    access: questionnaire.access,
    invitations: await invitationCounts(reader, questionnaire.id),
    version: questionnaire.version,
    questions: await questionsOf(reader, questionnaire.id),
    results: await aggregate(reader, questionnaire, code, false),
  };
}

async function byToken(reader: Reader, token: string) {
  const questionnaire = await findQuestionnaire(reader, { token });
  if (!questionnaire) throw notFound();
  const indicator = await reader
    .selectFrom('indicators_indicators')
    .select(['code', 'name_ko', 'name_en'])
    .where('id', '=', questionnaire.indicator_id)
    .executeTakeFirstOrThrow();
  return { questionnaire, indicator };
}

/** `answered`: this browser carries the marker of an answer to this questionnaire. */
export async function readPublicQuestionnaire(
  db: Db,
  token: string,
  answered: boolean,
): Promise<PublicQuestionnaire> {
  const reader = indicatorsDb(db);
  const { questionnaire, indicator } = await byToken(reader, token);
  return {
    code: indicator.code,
    year: questionnaire.year,
    title: { ko: questionnaire.title_ko, en: questionnaire.title_en },
    indicatorName: { ko: indicator.name_ko, en: indicator.name_en },
    open: await isOpen(reader, questionnaire.year),
    access: questionnaire.access,
    answered: questionnaire.access === 'open' && answered,
    questions: await questionsOf(reader, questionnaire.id),
  };
}

export async function readPublicResults(db: Db, token: string): Promise<QuestionnaireResults> {
  const reader = indicatorsDb(db);
  const { questionnaire, indicator } = await byToken(reader, token);
  return aggregate(reader, questionnaire, indicator.code, true);
}

function checkAnswers(questions: Question[], input: ResponseInput): FieldError[] {
  const errors: FieldError[] = [];
  const invalid = (index: number, en: string, ko: string) =>
    errors.push({ field: `body.answers.${index}.value`, code: 'invalid_answer', message: { ko, en } });
  const seen = new Set<number>();
  input.answers.forEach((answer, index) => {
    const question = questions.find((candidate) => candidate.id === answer.question);
    if (!question || seen.has(answer.question)) {
      errors.push({
        field: `body.answers.${index}.question`,
        code: 'unknown_question',
        message: {
          ko: '이 설문의 질문이 아니거나 두 번 답했습니다.',
          en: 'Not a question of this questionnaire, or answered twice.',
        },
      });
      return;
    }
    seen.add(answer.question);
    const { value } = answer;
    const option = (n: unknown) =>
      typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < question.options.length;
    switch (question.kind) {
      case 'likert':
        if (typeof value !== 'number' || !likertScores.includes(value))
          invalid(index, 'Choose a score from 1 to 5.', '1에서 5 사이의 점수를 고르세요.');
        break;
      case 'single':
        if (!option(value)) invalid(index, 'Choose one of the options.', '선택지 가운데 하나를 고르세요.');
        break;
      case 'multiple':
        if (
          !Array.isArray(value) ||
          value.length === 0 ||
          !value.every(option) ||
          new Set(value).size !== value.length
        ) {
          invalid(
            index,
            'Choose one or more of the options, each once.',
            '선택지를 하나 이상, 한 번씩 고르세요.',
          );
        }
        break;
      case 'text':
        if (typeof value !== 'string' || value === '')
          invalid(index, 'Write an answer, or leave the question out.', '답을 쓰거나 이 질문을 건너뛰세요.');
        break;
    }
  });
  if (input.answers.length === 0) {
    errors.push({
      field: 'body.answers',
      code: 'required',
      message: { ko: '하나 이상의 질문에 답하세요.', en: 'Answer at least one question.' },
    });
  }
  return errors;
}

/**
 * Uses up a personal link in the answer's transaction: of two answers with one link, the second finds
 * it used (on PostgreSQL it waits for the first's row lock and sees the row change). The invitation
 * keeps no time and no reference to the response, so the answer stays anonymous.
 */
async function spendInvitation(trx: IndicatorsTrx, questionnaireId: number, invitation: string) {
  const hash = invitationHash(invitation);
  const used = await trx
    .updateTable('indicators_invitations')
    .set({ state: 'used' })
    .where('questionnaire_id', '=', questionnaireId)
    .where('token_hash', '=', hash)
    .where('state', '=', 'unused')
    .returning('id')
    .executeTakeFirst();
  if (used) return;
  const found = await trx
    .selectFrom('indicators_invitations')
    .select('state')
    .where('questionnaire_id', '=', questionnaireId)
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (found?.state === 'used') throw new AppError('indicators_invitation_used', 409);
  if (found?.state === 'revoked') throw new AppError('indicators_invitation_revoked', 409);
  throw new AppError('indicators_invitation_unknown', 404);
}

/** Where a public answer comes from: the questionnaire's link, and for `invited` the personal link. */
export interface PublicAnswer {
  token: string;
  invitation?: string;
  /** This browser carries the marker of an earlier answer to this questionnaire. */
  browserAnswered?: boolean;
}

/**
 * One response, from the public link (`user` null: no one's identity is kept) or entered by staff.
 * A public answer to an `open` questionnaire is refused from a browser that answered it already; one
 * to an `invited` questionnaire needs an unused personal link, used up with it.
 */
export async function recordResponse(
  db: Db,
  where: PublicAnswer | { user: SessionUser; year: number; code: string },
  input: ResponseInput,
): Promise<void> {
  // No IP and no user for a public response: the questionnaire is anonymous.
  const actor = 'user' in where ? { userId: where.user.id } : { userId: null };
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    let questionnaire: QuestionnaireRow | undefined;
    if ('token' in where) {
      questionnaire = await findQuestionnaire(trx, { token: where.token });
    } else {
      const indicator = await loadIndicator(trx, where.code);
      requireDataEntry(where.user, indicator);
      questionnaire = await findQuestionnaire(trx, { year: where.year, indicatorId: indicator.id });
    }
    if (!questionnaire) throw notFound();
    if ((await cycleStepOf(trx, questionnaire.year, { lock: true })) !== 'collection') {
      throw new AppError('indicators_questionnaire_closed', 409);
    }
    if ('token' in where) {
      if (questionnaire.access === 'invited' && where.invitation === undefined)
        throw new AppError('indicators_invitation_required', 403);
      if (questionnaire.access === 'open' && where.invitation !== undefined)
        throw new AppError('indicators_questionnaire_not_invited', 409);
      if (questionnaire.access === 'open' && where.browserAnswered)
        throw new AppError('indicators_questionnaire_already_answered', 409);
    }
    const errors = checkAnswers(await questionsOf(trx, questionnaire.id), input);
    if (errors.length > 0) throw new AppError('validation_failed', 400, { errors });
    if ('token' in where && where.invitation !== undefined)
      await spendInvitation(trx, questionnaire.id, where.invitation);
    const response = await trx
      .insertInto('indicators_responses')
      .values({ questionnaire_id: questionnaire.id, source: 'user' in where ? 'staff' : 'public' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('indicators_answers')
      .values(
        input.answers.map((answer) => ({
          response_id: response.id,
          question_id: answer.question,
          value: JSON.stringify(answer.value) as never,
        })),
      )
      .execute();
    await audit({
      action: 'indicators.record-response',
      entityType: 'indicators_questionnaires',
      entityId: String(questionnaire.id),
      after: { source: 'user' in where ? 'staff' : 'public' },
    });
  });
}

async function invitationCounts(reader: Reader, questionnaireId: number): Promise<InvitationCounts> {
  const rows = await reader
    .selectFrom('indicators_invitations')
    .select(['state', (eb) => eb.fn.countAll<string>().as('count')])
    .where('questionnaire_id', '=', questionnaireId)
    .groupBy('state')
    .execute();
  const of = (state: string) => Number(rows.find((row) => row.state === state)?.count ?? 0);
  const counts = { used: of('used'), unused: of('unused'), revoked: of('revoked') };
  return { issued: counts.used + counts.unused + counts.revoked, ...counts };
}

/** The office's questionnaire of `invited` access, locked, while it may still take answers. */
async function invitedQuestionnaire(trx: IndicatorsTrx, year: number, code: string) {
  requireStep(await cycleStepOf(trx, year, { lock: true }), year, ['targets', 'collection']);
  const indicator = await loadIndicator(trx, code);
  const questionnaire = await trx
    .selectFrom('indicators_questionnaires')
    .selectAll()
    .where('year', '=', year)
    .where('indicator_id', '=', indicator.id)
    .forUpdate()
    .executeTakeFirst();
  if (!questionnaire) throw notFound();
  if (questionnaire.access !== 'invited') throw new AppError('indicators_questionnaire_not_invited', 409);
  return questionnaire;
}

/**
 * Issues `count` personal links. Each token is 24 random bytes, returned here once and kept only as
 * its SHA-256; the audit row holds the count, never a token.
 */
export async function issueInvitations(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  code: string,
  count: number,
): Promise<IssuedInvitations> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const questionnaire = await invitedQuestionnaire(trx, year, code);
    const tokens = Array.from({ length: count }, () => randomBytes(24).toString('base64url'));
    await trx
      .insertInto('indicators_invitations')
      .values(
        tokens.map((invitation) => ({
          questionnaire_id: questionnaire.id,
          token_hash: invitationHash(invitation),
          issued_by: user.id,
        })),
      )
      .execute();
    await audit({
      action: 'indicators.issue-invitations',
      entityType: 'indicators_questionnaires',
      entityId: `${year}:${code}`,
      after: { issued: count },
    });
    return {
      links: tokens.map((invitation) => ({
        token: invitation,
        link: invitationPath(questionnaire.token, invitation),
      })),
    };
  });
}

/** A token as given: bare, or inside a pasted personal link. */
function invitationOf(given: string): string {
  const token = /(?:^|[?&]invitation=)([A-Za-z0-9_-]{32})(?:$|&|#)/.exec(given)?.[1];
  if (!token || !invitationTokenSchema.safeParse(token).success) {
    throw new AppError('validation_failed', 400, {
      errors: [
        {
          field: 'body.invitation',
          code: 'invalid_invitation',
          message: {
            ko: '개인 응답 링크 또는 그 토큰을 붙여 넣으세요.',
            en: 'Paste a personal answer link or its token.',
          },
        },
      ],
    });
  }
  return token;
}

/** Revokes one unused personal link, or (`invitation` null) every unused one; used ones stay used. */
export async function revokeInvitations(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  code: string,
  invitation: string | null,
): Promise<number> {
  const token = invitation === null ? null : invitationOf(invitation);
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const questionnaire = await invitedQuestionnaire(trx, year, code);
    let query = trx
      .updateTable('indicators_invitations')
      .set({ state: 'revoked' })
      .where('questionnaire_id', '=', questionnaire.id)
      .where('state', '=', 'unused');
    if (token !== null) query = query.where('token_hash', '=', invitationHash(token));
    const revoked = (await query.returning('id').execute()).length;
    if (token !== null && revoked === 0) {
      const found = await trx
        .selectFrom('indicators_invitations')
        .select('state')
        .where('questionnaire_id', '=', questionnaire.id)
        .where('token_hash', '=', invitationHash(token))
        .executeTakeFirst();
      if (found?.state === 'used') throw new AppError('indicators_invitation_used', 409);
      if (found?.state === 'revoked') throw new AppError('indicators_invitation_revoked', 409);
      throw new AppError('indicators_invitation_unknown', 404);
    }
    await audit({
      action: 'indicators.revoke-invitations',
      entityType: 'indicators_questionnaires',
      entityId: `${year}:${code}`,
      after: { revoked, all: token === null },
    });
    return revoked;
  });
}

/** Observations of the year from the results: see the file's comment. */
function observationsFrom(results: QuestionnaireResults) {
  const rows: { series: string | null; dimensions: Record<string, string>; value: number }[] = [];
  results.questions.forEach((question, index) => {
    const series = `Q${index + 1}`;
    if (question.kind === 'likert' && question.mean !== null) {
      if (!rows.some((row) => row.series === null))
        rows.push({ series: null, dimensions: {}, value: question.mean });
      rows.push({ series, dimensions: {}, value: question.mean });
    }
    if ((question.kind === 'single' || question.kind === 'multiple') && question.answered) {
      for (const { label, count } of question.counts) {
        if (count === null || count < minimumPublicResponses) continue;
        rows.push({
          series,
          dimensions: { Answer: label.ko },
          value: Math.round((count / question.answered) * 1000) / 10,
        });
      }
    }
  });
  return rows;
}

export async function aggregateQuestionnaire(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  code: string,
): Promise<number> {
  const written = await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const indicator: StoredIndicator = await loadIndicator(trx, code, { forUpdate: true });
    checkYearWritable(await cycleSteps(trx), year, user);
    const questionnaire = await findQuestionnaire(trx, { year, indicatorId: indicator.id });
    if (!questionnaire) throw notFound();
    const results = await aggregate(trx, questionnaire, code, true);
    // No answers at all is not suppressed (0 hides nobody), but there is nothing to publish either.
    if (results.suppressed || results.responses === 0) {
      throw new AppError('indicators_too_few_responses', 409, {
        params: { minimum: minimumPublicResponses },
      });
    }
    const rows = observationsFrom(results);
    await trx
      .deleteFrom('indicators_observations')
      .where('indicator_id', '=', indicator.id)
      .where('year', '=', year)
      .where('superseded_at', 'is', null)
      .execute();
    for (const row of rows) {
      const id = await breakdownId(trx, indicator.id, {
        series: row.series,
        unit: null,
        geoCode: null,
        dimensions: row.dimensions,
      });
      await trx
        .insertInto('indicators_observations')
        .values({
          indicator_id: indicator.id,
          breakdown_id: id,
          year,
          value: String(row.value),
          recorded_by: user.id,
          superseded_at: null,
          comment: null,
        })
        .execute();
    }
    const disaggregations = rows.some((row) => 'Answer' in row.dimensions)
      ? [...new Set([...indicator.disaggregations, 'Answer'])]
      : indicator.disaggregations;
    await trx
      .updateTable('indicators_indicators')
      .set({ disaggregations, updated_at: new Date() })
      .where('id', '=', indicator.id)
      .execute();
    await audit({
      action: 'indicators.aggregate-questionnaire',
      entityType: 'indicators_questionnaires',
      entityId: `${year}:${code}`,
      after: { observations: rows.length, responses: results.responses },
    });
    return rows.length;
  });
  publicDataChanged();
  return written;
}
