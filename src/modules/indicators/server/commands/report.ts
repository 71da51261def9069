/**
 * Step (4): the assessment report for the citizen committee, generated from the data each time it is
 * read (so it never disagrees with it): per area, the self-assessment and a table of its indicators
 * (target, the year's value, progress), then the complementation actions. Served as an HTML fragment
 * for the staff page and as a whole document for download, in the request's language, every value
 * escaped. The committee reads it from the report step on and comments while the cycle is at the
 * report; comments are kept as written (there is no way to edit or delete one), and commenting is
 * the only write the committee has.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, notFound } from '../../../../kernel/server/errors.ts';
import type { Language } from '../../../../kernel/shared/language.ts';
import type { CycleStep, Report } from '../../contract.ts';
import { progressMethod } from '../progress.ts';
import { headlineLatest, listIndicators, progressOf } from '../queries.ts';
import { indicatorsDb, indicatorsTrx, savedByName } from '../tables.ts';
import { listActions } from './actions.ts';
import { areaAssessments } from './assessments.ts';
import { cycleStepOf, requireStep } from './observations.ts';

const words = {
  ko: {
    title: (year: number) => `${year}년 인권지표 평가 보고서`,
    lead: '이 보고서는 평가 주기의 자료(목표, 수집한 값, 자체 평가, 보완 조치)로 만들어졌습니다.',
    assessment: '자체 평가',
    score: (score: number) => `점수: ${score}/5`,
    notAssessed: '아직 자체 평가가 없습니다.',
    caption: (area: string) => `${area} 영역 지표의 목표와 값`,
    code: '번호',
    indicator: '지표',
    target: '목표',
    value: (year: number) => `${year}년 값`,
    progress: '진행 상태',
    none: '없음',
    targetValue: (value: number, year: number | null) =>
      year === null ? `${value}` : `${value} (${year}년)`,
    actions: '보완 조치',
    actionsCaption: '보완 조치: 지표, 내용, 담당 부서, 기한, 상태',
    noActions: '보완 조치가 아직 없습니다.',
    description: '내용',
    owner: '담당 부서',
    due: '기한',
    status: '상태',
    statuses: { planned: '계획', in_progress: '진행 중', done: '완료', cancelled: '취소' },
  },
  en: {
    title: (year: number) => `Human rights indicators: assessment report ${year}`,
    lead: "This report is generated from the cycle's data: targets, the values collected, the self-assessment and the complementation actions.",
    assessment: 'Self-assessment',
    score: (score: number) => `Score: ${score}/5`,
    notAssessed: 'Not assessed yet.',
    caption: (area: string) => `Targets and values of the indicators of ${area}`,
    code: 'Code',
    indicator: 'Indicator',
    target: 'Target',
    value: (year: number) => `Value ${year}`,
    progress: 'Progress',
    none: 'none',
    targetValue: (value: number, year: number | null) =>
      year === null ? `${value}` : `${value} (by ${year})`,
    actions: 'Complementation actions',
    actionsCaption: 'Complementation actions: indicator, action, owner, due date, status',
    noActions: 'No complementation action yet.',
    description: 'Action',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    statuses: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  },
} as const;

const escapeHtml = (text: string | number) =>
  String(text).replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] as string,
  );

const headerRow = (cells: string[]) =>
  `<tr>${cells.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr>`;

/** Who reads the report at which step: the office always, the committee once it has been issued. */
function requireReader(user: SessionUser, step: string, year: number): void {
  if (user.role === 'committee' && ['targets', 'collection', 'assessment'].includes(step)) {
    throw new AppError('indicators_report_not_issued', 409, { params: { year } });
  }
}

export async function reportHtml(
  db: Db,
  user: SessionUser,
  year: number,
  language: Language,
): Promise<string> {
  const reader = indicatorsDb(db);
  requireReader(user, await cycleStepOf(reader, year), year);
  const text = words[language];
  const indicators = (await listIndicators(db)).map(({ row }) => row);
  const latest = await headlineLatest(
    reader,
    indicators.map((row) => row.id),
    year + 1,
  );
  const targets = await reader
    .selectFrom('indicators_targets')
    .selectAll()
    .where('year', '=', year)
    .execute();
  const areas = await reader.selectFrom('indicators_areas').selectAll().orderBy('number').execute();
  const assessments = await areaAssessments(reader, year);
  const label = (status: string) =>
    progressMethod.statuses.find((entry) => entry.status === status)?.label[language] ?? status;
  const parts = [`<p>${escapeHtml(text.lead)}</p>`];
  for (const area of areas) {
    const name = language === 'ko' ? area.name_ko : area.name_en;
    const assessment = assessments.find((entry) => entry.areaCode === area.code);
    const rows = indicators
      .filter((row) => row.area_code === area.code)
      .map((row) => {
        const target = targets.find((entry) => entry.indicator_id === row.id);
        const value = latest.get(row.id);
        const progress = progressOf(row, value);
        const targetText =
          target?.target_value != null
            ? text.targetValue(target.target_value, target.target_year)
            : text.none;
        return `<tr><th scope="row">${escapeHtml(row.code)}</th><td>${escapeHtml(language === 'ko' ? row.name_ko : row.name_en)}</td><td>${escapeHtml(targetText)}</td><td>${escapeHtml(value && value.year === year ? value.value : text.none)}</td><td>${escapeHtml(label(progress.status))}</td></tr>`;
      });
    parts.push(
      `<section><h2>${escapeHtml(`${area.number}. ${name}`)}</h2>`,
      `<h3>${escapeHtml(text.assessment)}</h3>`,
      assessment?.score
        ? `<p>${escapeHtml(text.score(assessment.score))}</p><p>${escapeHtml(assessment.narrative ?? '')}</p>`
        : `<p>${escapeHtml(text.notAssessed)}</p>`,
      `<table><caption>${escapeHtml(text.caption(name))}</caption><thead>${headerRow([text.code, text.indicator, text.target, text.value(year), text.progress])}</thead><tbody>${rows.join('')}</tbody></table></section>`,
    );
  }
  const actions = await listActions(db, year);
  parts.push(`<section><h2>${escapeHtml(text.actions)}</h2>`);
  parts.push(
    actions.length === 0
      ? `<p>${escapeHtml(text.noActions)}</p>`
      : `<table><caption>${escapeHtml(text.actionsCaption)}</caption><thead>${headerRow([text.indicator, text.description, text.owner, text.due, text.status])}</thead><tbody>${actions
          .map(
            (action) =>
              `<tr><th scope="row">${escapeHtml(action.indicatorCode)}</th><td>${escapeHtml(action.description)}</td><td>${escapeHtml(action.ownerDepartment)}</td><td>${escapeHtml(action.dueDate)}</td><td>${escapeHtml(text.statuses[action.status])}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    '</section>',
  );
  return parts.join('\n');
}

/** The whole report as a document of its own, for download and print. */
export async function reportDocument(
  db: Db,
  user: SessionUser,
  year: number,
  language: Language,
): Promise<string> {
  const body = await reportHtml(db, user, year, language);
  const title = escapeHtml(words[language].title(year));
  return `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>\n${body}\n</main></body></html>\n`;
}

export async function readReport(
  db: Db,
  user: SessionUser,
  year: number,
  language: Language,
): Promise<Report> {
  const reader = indicatorsDb(db);
  const step = await cycleStepOf(reader, year);
  const html = await reportHtml(db, user, year, language);
  const comments = await reader
    .selectFrom('indicators_report_comments')
    .selectAll()
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  const answers = await reader
    .selectFrom('indicators_comment_answers as a')
    .innerJoin('indicators_report_comments as c', 'c.id', 'a.comment_id')
    .select(['a.id', 'a.comment_id', 'a.body', 'a.created_at', savedByName('a.author_id').as('author')])
    .where('c.year', '=', year)
    .orderBy('a.id')
    .execute();
  return {
    year,
    step,
    html,
    comments: comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      createdAt: new Date(comment.created_at).toISOString(),
      mine: comment.author_id === user.id,
      answers: answers
        .filter((answer) => answer.comment_id === comment.id)
        .map((answer) => ({
          id: answer.id,
          body: answer.body,
          author: answer.author ?? '',
          createdAt: new Date(answer.created_at).toISOString(),
        })),
    })),
    mayComment: step === 'report',
    mayAnswer: isOffice(user) && answerSteps.includes(step),
  };
}

/** The office answers the committee's comments from the report until the year closes. */
const answerSteps: readonly CycleStep[] = ['report', 'complementation', 'results'];
const isOffice = (user: SessionUser) => user.role === 'officer' || user.role === 'admin';

/** The office's answer to one of the committee's comments, kept as written (like the comment). */
export async function answerReportComment(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  commentId: number,
  body: string,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    requireStep(await cycleStepOf(trx, year, { lock: true }), year, answerSteps);
    const comment = await trx
      .selectFrom('indicators_report_comments')
      .select('id')
      .where('id', '=', commentId)
      .where('year', '=', year)
      .executeTakeFirst();
    if (!comment) throw notFound();
    const { id } = await trx
      .insertInto('indicators_comment_answers')
      .values({ comment_id: commentId, body, author_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'indicators.answer-report-comment',
      entityType: 'indicators_comment_answers',
      entityId: String(id),
      after: { year, commentId, body },
    });
  });
}

export async function addReportComment(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  body: string,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    requireStep(await cycleStepOf(trx, year, { lock: true }), year, ['report']);
    const { id } = await trx
      .insertInto('indicators_report_comments')
      .values({ year, body, author_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'indicators.comment-report',
      entityType: 'indicators_report_comments',
      entityId: String(id),
      after: { year, body },
    });
  });
}
