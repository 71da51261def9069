// The assessment engine through its API on the real app: templates keep their versions, the workflow
// refuses steps out of order, a department never rates its own subject, revisions feed the public
// "revised" figure, nothing of an assessment in progress is public, and evidence files are removed
// only at the step that took them, a rating resting on them alone withdrawn with the last.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { removalAudit, storedFileExists } from '../../../kernel/server/files/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type {
  Assessment,
  Comparison,
  Figure,
  PublicSummary,
  Template,
  TemplateHistory,
} from '../contract.ts';
import { assessmentsModule } from '../module.ts';
import { assessmentInProgress, closedAssessment, officerSession } from '../test/factories.ts';

type Headers = Record<string, string>;

describe('assessments', () => {
  let test: TestApp;
  let officer: Headers;
  let roads: Headers;
  let welfare: Headers;

  const call = async (headers: Headers | null, method: string, url: string, payload?: unknown) => {
    const response = await test.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  const ok = async <T>(headers: Headers | null, method: string, url: string, payload?: unknown) => {
    const { status, body } = await call(headers, method, url, payload);
    assert.ok(status >= 200 && status < 300, `${method} ${url}: ${status} ${JSON.stringify(body)}`);
    return body as T;
  };
  const move = async (id: number, action: string) => {
    const current = await ok<Assessment>(officer, 'GET', `/assessments/${id}`);
    return ok<Assessment>(officer, 'POST', `/assessments/${id}/transitions`, {
      action,
      version: current.version,
    });
  };
  /** From the recommendations step: one recommendation, accepted by ROADS, then revision tracking. */
  const toRevisionTracking = async (id: number, text: string) => {
    const recommendation = await ok<{ id: number }>(officer, 'POST', `/assessments/${id}/recommendations`, {
      text,
    });
    await move(id, 'send_to_department');
    await ok(roads, 'PUT', `/assessments/recommendations/${recommendation.id}/response`, {
      response: 'accepted',
      reason: '',
      version: 1,
    });
    await move(id, 'start_revision_tracking');
    return recommendation;
  };
  const versionOf = async (id: number) =>
    (await ok<Assessment>(officer, 'GET', `/assessments/${id}`)).version;
  const subject = (title: string, details: object, departmentCode = 'ROADS') =>
    ok<{ id: number }>(officer, 'POST', '/assessments/subjects', { title, departmentCode, details });
  const figure = async (id: string) => {
    const { figures } = await ok<{ figures: Figure[] }>(null, 'GET', '/assessments/public');
    const found = figures.find((entry) => entry.id === id);
    assert.ok(found, id);
    return found;
  };

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    const session = async (role: 'officer' | 'department', departmentCode?: string) =>
      (
        await signIn(
          test.app,
          await createUser(test.database, { role, departmentCode: departmentCode ?? null }),
        )
      ).headers;
    officer = await session('officer');
    roads = await session('department', 'ROADS');
    welfare = await session('department', 'WELFARE');
  });
  after(() => test?.close());

  it('ships the five default templates and keeps an assessment on the version it was opened with', async () => {
    const { templates } = await ok<{ templates: Template[] }>(officer, 'GET', '/assessments/templates');
    assert.deepEqual(templates.map((template) => template.key).sort(), [
      'enterprise-ungp',
      'ordinance-regulation',
      'polling-station',
      'public-building',
      'public-event',
    ]);
    const ungp = templates.find((template) => template.key === 'enterprise-ungp');
    assert.deepEqual(
      ungp?.sections.map((section) => section.key),
      ['policy-commitment', 'due-diligence', 'remedy'],
    );

    const station = await subject('Old school gym', {
      kind: 'polling_station',
      address: '1 Main St',
      district: 'buk-gu',
    });
    const { id } = await ok<{ id: number }>(officer, 'POST', '/assessments', {
      subjectId: station.id,
      templateKey: 'polling-station',
    });
    const original = templates.find((template) => template.key === 'polling-station') as Template;
    const { id: _id, key: _key, version, createdAt: _at, ...input } = original;
    const firstSection = original.sections[0] as Template['sections'][number];
    const edited = {
      ...input,
      version,
      sections: [{ ...firstSection, items: [{ ...firstSection.items[0], key: 'new-item', weight: 9 }] }],
    };
    const revised = await ok<Template>(officer, 'PUT', '/assessments/templates/polling-station', edited);
    assert.equal(revised.version, version + 1);
    // The same edit from the version read before is stale.
    assert.equal((await call(officer, 'PUT', '/assessments/templates/polling-station', edited)).status, 409);

    const kept = await ok<Assessment>(officer, 'GET', `/assessments/${id}`);
    assert.equal(kept.template.version, version);
    assert.deepEqual(kept.template.sections, original.sections);
    const { id: later } = await ok<{ id: number }>(officer, 'POST', '/assessments', {
      subjectId: station.id,
      templateKey: 'polling-station',
    });
    const newer = await ok<Assessment>(officer, 'GET', `/assessments/${later}`);
    assert.equal(newer.template.version, version + 1);
    assert.equal(newer.template.sections[0]?.items[0]?.key, 'new-item');

    const timeline = await ok<{ assessments: { id: number }[] }>(
      officer,
      'GET',
      `/assessments/subjects/${station.id}`,
    );
    assert.deepEqual(
      timeline.assessments.map((entry) => entry.id),
      [later, id],
    );
  });

  it('refuses steps out of order, stale versions, and a department rating its own subject', async () => {
    const ordinance = await subject('Ordinance on road naming', {
      kind: 'ordinance',
      number: '제1234호',
      change: 'revised',
      articles: [{ number: '3', text: 'Names are given by the mayor.' }],
    });
    const { id } = await ok<{ id: number }>(roads, 'POST', '/assessments', {
      subjectId: ordinance.id,
      templateKey: 'ordinance-regulation',
    });
    const requested = await ok<Assessment>(officer, 'GET', `/assessments/${id}`);
    assert.equal(requested.step, 'requested');
    assert.deepEqual(requested.allowedActions, ['start_scoping']);

    const outOfOrder = await call(officer, 'POST', `/assessments/${id}/transitions`, {
      action: 'close',
      version: requested.version,
    });
    assert.equal(outOfOrder.status, 409);
    assert.equal(outOfOrder.body.code, 'assessments_transition_not_allowed');
    const rating = { itemKey: 'legal-basis', rating: 3, notApplicable: false, evidence: '', finding: 'ok' };
    const early = await call(officer, 'PUT', `/assessments/${id}/ratings`, rating);
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'assessments_wrong_step');

    await move(id, 'start_scoping');
    const stale = await call(officer, 'POST', `/assessments/${id}/transitions`, {
      action: 'start_assessment',
      version: requested.version,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    await move(id, 'start_assessment');
    // A department may not move the workflow at all.
    assert.equal(
      (
        await call(roads, 'POST', `/assessments/${id}/transitions`, {
          action: 'issue_recommendations',
          version: 3,
        })
      ).status,
      403,
    );

    const own = await call(roads, 'PUT', `/assessments/${id}/ratings`, rating);
    assert.equal(own.status, 403);
    const peer = await ok<Assessment>(welfare, 'PUT', `/assessments/${id}/ratings`, rating);
    assert.equal(peer.ratings.length, 1);
    const noEvidence = await call(officer, 'PUT', `/assessments/${id}/ratings`, {
      ...rating,
      itemKey: 'rights-affected',
    });
    assert.equal(noEvidence.status, 400);
    assert.equal(noEvidence.body.errors[0].field, 'body.evidence');
    assert.equal(
      (await call(officer, 'PUT', `/assessments/${id}/ratings`, { ...rating, rating: 5 })).status,
      400,
      'above the scale of 4',
    );
    await ok(officer, 'PUT', `/assessments/${id}/ratings`, {
      ...rating,
      itemKey: 'rights-affected',
      evidence: 'memo',
      rating: 4,
    });
    const scored = await ok<Assessment>(officer, 'PUT', `/assessments/${id}/ratings`, {
      ...rating,
      itemKey: 'discrimination',
      rating: null,
      notApplicable: true,
    });
    // purpose: (2·4/4 + 2·3/4) / 4 = 87.5 %; discrimination is not applicable.
    assert.equal(scored.score.sections[0]?.score, 87.5);
    assert.equal(scored.score.overall, 87.5);
    assert.equal(scored.mayRate, true);
    const byOwner = await ok<Assessment>(roads, 'GET', `/assessments/${id}`);
    assert.equal(byOwner.mayRate, false);
    assert.deepEqual(byOwner.allowedActions, []);
  });

  it('shows nothing of an assessment until it is closed, then its summary; revisions feed the revised count', async () => {
    const revisedBefore = await figure('impact-assessment-ordinances-revised');
    const totalBefore = await figure('impact-assessment-ordinances-total');
    assert.deepEqual([revisedBefore.historical, revisedBefore.tracked], [49, 0]);
    assert.deepEqual([totalBefore.historical, totalBefore.tracked], [107, 0]);

    const ordinance = await subject('Ordinance on public parking', {
      kind: 'ordinance',
      number: '제77호',
      change: 'new',
      articles: [{ number: '1', text: 'Spaces are reserved.' }],
    });
    const { id } = await ok<{ id: number }>(officer, 'POST', '/assessments', {
      subjectId: ordinance.id,
      templateKey: 'ordinance-regulation',
    });
    const secret = 'draft-zebra-recommendation';
    const notPublic = async () => {
      const overview = await ok<{ summaries: PublicSummary[] }>(null, 'GET', '/assessments/public');
      assert.equal(
        overview.summaries.some((summary) => summary.id === id),
        false,
      );
      assert.equal((await call(null, 'GET', `/assessments/public/${id}`)).status, 404);
      assert.deepEqual(await assessmentsModule.publicSearch?.(test.database.db, secret, 10), []);
      const open = await test.app.inject({
        method: 'GET',
        url: '/api/v1/open-data/impact-assessment-summary.json',
      });
      assert.equal(open.statusCode, 200);
      assert.ok(!open.body.includes(secret));
    };
    await ok(officer, 'PATCH', `/assessments/${id}`, {
      scope: 'All articles',
      summary: `Parking ordinance assessed (${secret})`,
      version: 1,
    });
    await notPublic();
    await move(id, 'start_scoping');
    await move(id, 'start_assessment');
    await ok(officer, 'PUT', `/assessments/${id}/ratings`, {
      itemKey: 'legal-basis',
      rating: 2,
      notApplicable: false,
      evidence: '',
      finding: 'Article 1 is vague.',
    });
    await move(id, 'issue_recommendations');
    assert.equal(
      (
        await call(officer, 'POST', `/assessments/${id}/transitions`, {
          action: 'send_to_department',
          version: await versionOf(id),
        })
      ).body.code,
      'assessments_no_recommendations',
    );
    const recommendation = await ok<{ id: number }>(officer, 'POST', `/assessments/${id}/recommendations`, {
      text: `Reserve spaces for persons with disabilities (${secret})`,
    });
    await notPublic();
    await move(id, 'send_to_department');
    assert.equal(
      (
        await call(officer, 'POST', `/assessments/${id}/transitions`, {
          action: 'start_revision_tracking',
          version: await versionOf(id),
        })
      ).body.code,
      'assessments_responses_missing',
    );
    const response = `/assessments/recommendations/${recommendation.id}/response`;
    assert.equal(
      (await call(welfare, 'PUT', response, { response: 'accepted', reason: '', version: 1 })).status,
      403,
    );
    const noReason = await call(roads, 'PUT', response, { response: 'partly', reason: '', version: 1 });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].field, 'body.reason');
    await ok(roads, 'PUT', response, {
      response: 'partly',
      reason: 'Budget allows half this year.',
      version: 1,
    });
    assert.equal(
      (await call(roads, 'PUT', response, { response: 'accepted', reason: '', version: 1 })).status,
      409,
    );
    await move(id, 'start_revision_tracking');
    await ok(roads, 'POST', `/assessments/${id}/revisions`, {
      recommendationId: recommendation.id,
      description: 'Article 1 revised: 5 % of spaces reserved',
      revisedOn: '2026-03-02',
      evidence: 'Gazette no. 5678',
    });
    await notPublic();
    assert.equal((await figure('impact-assessment-ordinances-revised')).total, 49, 'not before it is closed');

    await move(id, 'close');
    const revised = await figure('impact-assessment-ordinances-revised');
    assert.deepEqual([revised.historical, revised.tracked, revised.total], [49, 1, 50]);
    assert.equal((await figure('impact-assessment-ordinances-total')).total, 108);
    const summary = await ok<PublicSummary>(null, 'GET', `/assessments/public/${id}`);
    assert.equal(summary.subjectTitle, 'Ordinance on public parking');
    assert.equal(summary.recommendations[0]?.response, 'partly');
    assert.deepEqual(summary.revisions, [
      { description: 'Article 1 revised: 5 % of spaces reserved', revisedOn: '2026-03-02' },
    ]);
    assert.equal(summary.overallScore, 50);
    const hits = await assessmentsModule.publicSearch?.(test.database.db, secret, 10);
    assert.deepEqual(
      hits?.map((hit) => hit.path),
      [`/assessments/summaries/${id}`],
    );
    const open = await test.app.inject({
      method: 'GET',
      url: '/api/v1/open-data/impact-assessment-summary.json',
    });
    assert.ok(open.body.includes('"total":50'), open.body);
    const closedAgain = await call(officer, 'PATCH', `/assessments/${id}`, {
      scope: '',
      summary: '',
      version: 9,
    });
    assert.equal(closedAgain.status, 409);
  });

  it('lets officers write a new template, refusing repeated keys, and compares enterprises by year', async () => {
    const item = (key: string) => ({
      key,
      text: { ko: '항목', en: 'Item' },
      guidance: { ko: '안내', en: 'Guidance' },
      scale: 2,
      evidenceRequired: false,
      weight: 1,
    });
    const template = {
      key: 'festival-check',
      subjectKind: 'event',
      title: { ko: '축제 점검', en: 'Festival check' },
      sections: [{ key: 'access', title: { ko: '접근', en: 'Access' }, items: [item('ramp'), item('ramp')] }],
    };
    const repeated = await call(officer, 'POST', '/assessments/templates', template);
    assert.equal(repeated.status, 400);
    assert.equal(repeated.body.errors[0].field, 'body.sections.0.items.1.key');
    const fixed = {
      ...template,
      sections: [{ ...template.sections[0], items: [item('ramp'), item('toilets')] }],
    };
    assert.equal((await call(roads, 'POST', '/assessments/templates', fixed)).status, 403);
    const created = await ok<Template>(officer, 'POST', '/assessments/templates', fixed);
    assert.equal(created.version, 1);
    const again = await call(officer, 'POST', '/assessments/templates', fixed);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'assessments_template_exists');

    const officerUser = (await ok<{ user: { id: string } }>(officer, 'GET', '/auth/me')).user;
    const session = officerSession(officerUser.id);
    const enterprise = {
      title: 'Sample Corporation',
      departmentCode: 'ROADS',
      details: { kind: 'enterprise' as const, sector: 'Transport' },
    };
    const rate = (itemKey: string, rating: number) => ({
      itemKey,
      rating,
      notApplicable: false,
      evidence: 'Report',
      finding: '',
    });
    await closedAssessment(
      test.database.db,
      session,
      enterprise,
      'enterprise-ungp',
      [rate('declaration', 2)],
      2025,
    );
    await closedAssessment(
      test.database.db,
      session,
      enterprise,
      'enterprise-ungp',
      [rate('declaration', 4), rate('grievance', 2)],
      2026,
    );
    const { rows } = await ok<Comparison>(null, 'GET', '/assessments/enterprises');
    assert.deepEqual(
      rows.map((row) => [
        row.enterprise,
        row.year,
        row.overall,
        row.sections.map((section) => section.score),
      ]),
      [
        ['Sample Corporation', 2025, 50, [50, null, null]],
        // (2·4/4 + 2·2/4) / (2 + 2) = 75 %; the remedy section alone: 50 %.
        ['Sample Corporation', 2026, 75, [100, null, 50]],
      ],
    );
  });

  it('records trainings, which add to the task-force figure, with a version on edit', async () => {
    const before = await figure('hr-management-task-force-trainings');
    const { id } = await ok<{ id: number }>(officer, 'POST', '/assessments/trainings', {
      body: 'task_force',
      title: 'Business and human rights',
      heldOn: '2026-05-01',
      participants: 30,
    });
    const edit = {
      body: 'task_force',
      title: 'Business and human rights (2)',
      heldOn: '2026-05-01',
      participants: 31,
    };
    await ok(officer, 'PUT', `/assessments/trainings/${id}`, { ...edit, version: 1 });
    assert.equal(
      (await call(officer, 'PUT', `/assessments/trainings/${id}`, { ...edit, version: 1 })).status,
      409,
    );
    assert.equal((await call(roads, 'POST', '/assessments/trainings', edit)).status, 403);
    const after = await figure('hr-management-task-force-trainings');
    assert.equal(after.total, before.total + 1);
    const comparison = await ok<{ trainings: { participants: number }[] }>(
      null,
      'GET',
      '/assessments/enterprises',
    );
    assert.equal(comparison.trainings[0]?.participants, 31);
  });

  it('keeps evidence files: by step, never from the subject’s own department, typed by content, downloaded only by the team and the department', async () => {
    const ordinance = await subject('Ordinance on evidence', {
      kind: 'ordinance',
      number: '제88호',
      change: 'revised',
      articles: [{ number: '2', text: 'Evidence is kept.' }],
    });
    const { id } = await ok<{ id: number }>(officer, 'POST', '/assessments', {
      subjectId: ordinance.id,
      templateKey: 'ordinance-regulation',
    });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (headers: Headers | null, url: string, body: Buffer | string, language = 'en') =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1${url}?name=${encodeURIComponent('현장 사진.pdf')}`,
        headers: {
          ...(headers ?? {}),
          'content-type': 'application/octet-stream',
          'accept-language': language,
        },
        payload: body,
      });
    const storedCount = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from stored_files where module = 'assessments'`.execute(test.database.db)
        ).rows[0]?.n,
      );
    const itemFiles = `/assessments/${id}/items/rights-affected/files`;

    const early = await upload(officer, itemFiles, pdf);
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(early.json().code, 'assessments_wrong_step');
    await move(id, 'start_scoping');
    await move(id, 'start_assessment');
    const own = await upload(roads, itemFiles, pdf);
    assert.equal(own.statusCode, 403, 'a department never attaches evidence to its own subject’s rating');
    assert.equal((await upload(null, itemFiles, pdf)).statusCode, 401);
    assert.equal((await upload(officer, `/assessments/${id}/items/no-such-item/files`, pdf)).statusCode, 404);

    const before = await storedCount();
    for (const language of ['en', 'ko'] as const) {
      const wrong = await upload(officer, itemFiles, 'plain text, not a document', language);
      assert.equal(wrong.statusCode, 415, wrong.body);
      const problem = wrong.json();
      assert.equal(problem.code, 'file_type_refused');
      assert.equal(problem.errors[0].field, 'file');
      assert.match(problem.errors[0].message, language === 'en' ? /Only PDF, PNG/ : /파일만 올릴 수/);
    }
    assert.equal(await storedCount(), before, 'nothing stored from a refused upload');

    const noEvidence = await call(officer, 'PUT', `/assessments/${id}/ratings`, {
      itemKey: 'rights-affected',
      rating: 3,
      notApplicable: false,
      evidence: '',
      finding: '',
    });
    assert.equal(noEvidence.status, 400);
    const attached = await upload(welfare, itemFiles, pdf);
    assert.equal(attached.statusCode, 201, attached.body);
    const file = attached.json() as { id: string; name: string; contentType: string };
    assert.deepEqual([file.name, file.contentType], ['현장 사진.pdf', 'application/pdf']);
    // The uploaded file is the evidence the item requires: no written reference is needed.
    const rated = await ok<Assessment>(officer, 'PUT', `/assessments/${id}/ratings`, {
      itemKey: 'rights-affected',
      rating: 3,
      notApplicable: false,
      evidence: '',
      finding: '',
    });
    assert.deepEqual(
      rated.itemFiles.map((entry) => [entry.itemKey, entry.files.map((f) => f.id)]),
      [['rights-affected', [file.id]]],
    );
    assert.equal(rated.mayDownload, true);

    const download = (headers: Headers | null, fileId = file.id) =>
      test.app.inject({
        method: 'GET',
        url: `/api/v1/assessments/${id}/files/${fileId}`,
        ...(headers ? { headers } : {}),
      });
    const got = await download(officer);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.match(String(got.headers['content-disposition']), /^attachment;/);
    assert.deepEqual(got.rawPayload, pdf);
    assert.equal((await download(roads)).statusCode, 200, 'the assessed department downloads');
    assert.equal((await download(welfare)).statusCode, 403, 'a peer assessor does not');
    assert.equal((await ok<Assessment>(welfare, 'GET', `/assessments/${id}`)).mayDownload, false);
    assert.equal((await download(null)).statusCode, 401, 'never public');
    assert.equal((await download(officer, '00000000-0000-4000-8000-000000000000')).statusCode, 404);

    await move(id, 'issue_recommendations');
    const recommendation = await toRevisionTracking(id, 'Keep the evidence.');
    assert.equal(
      (await upload(officer, itemFiles, pdf)).statusCode,
      409,
      'rating evidence only while rating',
    );
    const revision = await ok<{ id: number }>(roads, 'POST', `/assessments/${id}/revisions`, {
      recommendationId: recommendation.id,
      description: 'Article 2 revised',
      revisedOn: '2026-06-01',
      evidence: 'Gazette no. 9',
    });
    const revisionFiles = `/assessments/revisions/${revision.id}/files`;
    assert.equal((await upload(welfare, revisionFiles, pdf)).statusCode, 403);
    const byDepartment = await upload(roads, revisionFiles, pdf);
    assert.equal(byDepartment.statusCode, 201, byDepartment.body);
    const revisionFile = byDepartment.json() as { id: string };
    const tracked = await ok<Assessment>(roads, 'GET', `/assessments/${id}`);
    assert.deepEqual(
      tracked.revisions[0]?.files.map((entry) => entry.id),
      [revisionFile.id],
    );
    assert.equal((await download(roads, revisionFile.id)).statusCode, 200);
    await move(id, 'close');
    assert.equal(
      (await upload(roads, revisionFiles, pdf)).statusCode,
      409,
      'a closed assessment takes no file',
    );
    const summary = await ok<PublicSummary>(null, 'GET', `/assessments/public/${id}`);
    assert.ok(!JSON.stringify(summary).includes(file.id), 'no file in the public summary');
  });

  it('removes evidence at the step that took it, by those who may attach it; a rating resting on it alone goes too', async () => {
    const officerUser = (await ok<{ user: { id: string } }>(officer, 'GET', '/auth/me')).user;
    const details = {
      kind: 'ordinance' as const,
      number: '제89호',
      change: 'revised' as const,
      articles: [],
    };
    const { assessmentId: id } = await assessmentInProgress(
      test.database.db,
      officerSession(officerUser.id),
      { title: 'Ordinance on removal', departmentCode: 'ROADS', details },
      'ordinance-regulation',
    );
    const pdf = Buffer.from('%PDF-1.4\n% removal\n%%EOF\n');
    const attach = async (headers: Headers, path: string) => {
      const response = await test.app.inject({
        method: 'POST',
        url: `/api/v1${path}?name=evidence.pdf`,
        headers: { ...headers, 'content-type': 'application/pdf' },
        payload: pdf,
      });
      assert.equal(response.statusCode, 201, response.body);
      return (response.json() as { id: string }).id;
    };
    const remove = (headers: Headers | null, path: string, fileId: string) =>
      call(headers, 'DELETE', `${path}/${fileId}`);
    const rate = (evidence: string) =>
      ok<Assessment>(officer, 'PUT', `/assessments/${id}/ratings`, {
        itemKey: 'rights-affected',
        rating: 4,
        notApplicable: false,
        evidence,
        finding: '',
      });
    const ratingOf = async () => {
      const read = await ok<Assessment>(officer, 'GET', `/assessments/${id}`);
      return {
        rating: read.ratings.find((entry) => entry.itemKey === 'rights-affected')?.rating,
        rated: read.score.rated,
      };
    };
    const itemFiles = `/assessments/${id}/items/rights-affected/files`;

    const first = await attach(welfare, itemFiles);
    const second = await attach(officer, itemFiles);
    await rate('');
    assert.deepEqual(await ratingOf(), { rating: 4, rated: 1 });
    assert.equal((await remove(roads, itemFiles, first)).status, 403, 'never the subject’s own department');
    assert.equal((await remove(null, itemFiles, first)).status, 401);
    assert.equal(
      (await remove(officer, `/assessments/${id}/items/legal-basis/files`, first)).status,
      404,
      'not that item’s file',
    );
    assert.equal(await storedFileExists(test.database.db, first), true);

    assert.equal((await remove(welfare, itemFiles, first)).status, 204, 'a peer assessor removes');
    assert.equal(await storedFileExists(test.database.db, first), false);
    const audit = await removalAudit(test.database.db, first);
    assert.equal(audit?.action, 'assessments.remove-item-file');
    assert.equal(audit?.entity_id, `${id}/rights-affected`);
    assert.deepEqual(await ratingOf(), { rating: 4, rated: 1 }, 'the other file is still evidence');
    assert.equal((await remove(officer, itemFiles, second)).status, 204);
    assert.deepEqual(
      await ratingOf(),
      { rating: null, rated: 0 },
      'the last evidence gone, the item is unrated and leaves the score',
    );
    const withdrawn = (await ok<Assessment>(officer, 'GET', `/assessments/${id}`)).itemFiles;
    assert.deepEqual(withdrawn, []);

    // With a written reference the rating does not rest on the file.
    const third = await attach(officer, itemFiles);
    await rate('Council minutes, 2026-03-02');
    assert.equal((await remove(officer, itemFiles, third)).status, 204);
    assert.deepEqual(await ratingOf(), { rating: 4, rated: 1 });

    const kept = await attach(officer, itemFiles);
    await move(id, 'issue_recommendations');
    for (const language of ['en', 'ko'] as const) {
      const late = await call({ ...officer, 'accept-language': language }, 'DELETE', `${itemFiles}/${kept}`);
      assert.equal(late.status, 409, JSON.stringify(late.body));
      assert.equal(late.body.code, 'assessments_wrong_step');
    }
    assert.equal(await storedFileExists(test.database.db, kept), true, 'the evidence rated on stays');

    const recommendation = await toRevisionTracking(id, 'Publish the articles.');
    const revision = await ok<{ id: number }>(roads, 'POST', `/assessments/${id}/revisions`, {
      recommendationId: recommendation.id,
      description: 'Article 3 revised',
      revisedOn: '2026-07-01',
      evidence: 'Gazette no. 10',
    });
    const revisionFiles = `/assessments/revisions/${revision.id}/files`;
    const wrong = await attach(roads, revisionFiles);
    const right = await attach(roads, revisionFiles);
    assert.equal((await remove(welfare, revisionFiles, wrong)).status, 403, 'another department');
    assert.equal((await remove(roads, revisionFiles, wrong)).status, 204, 'the subject’s department');
    assert.equal((await removalAudit(test.database.db, wrong))?.action, 'assessments.remove-revision-file');
    const tracked = await ok<Assessment>(roads, 'GET', `/assessments/${id}`);
    assert.deepEqual(
      tracked.revisions[0]?.files.map((entry) => entry.id),
      [right],
    );
    await move(id, 'close');
    assert.equal(
      (await remove(officer, revisionFiles, right)).status,
      409,
      'a closed assessment keeps its files',
    );
    assert.equal(await storedFileExists(test.database.db, right), true);
  });

  it('lists a template’s versions: when, by whom, what changed, and which assessments use each', async () => {
    const item = (key: string, weight = 1) => ({
      key,
      text: { ko: `항목 ${key}`, en: `Item ${key}` },
      guidance: { ko: '안내', en: 'Guidance' },
      scale: 4,
      evidenceRequired: false,
      weight,
    });
    const first = {
      key: 'history-check',
      subjectKind: 'event',
      title: { ko: '이력 점검', en: 'History check' },
      sections: [
        { key: 'access', title: { ko: '접근', en: 'Access' }, items: [item('ramp'), item('toilets')] },
        { key: 'safety', title: { ko: '안전', en: 'Safety' }, items: [item('exits')] },
      ],
    };
    await ok(officer, 'POST', '/assessments/templates', first);
    const event = await subject('Human rights film festival', {
      kind: 'event',
      date: '2026-05-18',
      organiser: 'Culture division',
    });
    const { id } = await ok<{ id: number }>(officer, 'POST', '/assessments', {
      subjectId: event.id,
      templateKey: 'history-check',
    });
    const { key: _key, ...input } = first;
    await ok(officer, 'PUT', '/assessments/templates/history-check', {
      ...input,
      version: 1,
      sections: [
        {
          key: 'access',
          title: { ko: '접근성', en: 'Accessibility' },
          items: [item('ramp', 3), item('signs')],
        },
      ],
    });
    const history = await ok<TemplateHistory>(
      officer,
      'GET',
      '/assessments/templates/history-check/versions',
    );
    assert.deepEqual(
      history.versions.map((entry) => [entry.version, entry.sectionCount, entry.itemCount]),
      [
        [1, 2, 3],
        [2, 1, 2],
      ],
    );
    const [v1, v2] = history.versions;
    assert.equal(v1?.changes, null);
    assert.match(v1?.createdBy ?? '', /\S/, 'the officer who wrote it is named');
    assert.deepEqual(
      v1?.assessments.map((entry) => [entry.id, entry.subjectTitle, entry.step]),
      [[id, 'Human rights film festival', 'requested']],
    );
    assert.deepEqual(v2?.assessments, []);
    const names = (entries: { name: { en: string } }[] | undefined) => entries?.map((entry) => entry.name.en);
    assert.deepEqual(names(v2?.changes?.sectionsRenamed), ['Accessibility']);
    assert.deepEqual(names(v2?.changes?.sectionsRemoved), ['Safety']);
    assert.deepEqual(names(v2?.changes?.itemsAdded), ['Item signs']);
    assert.deepEqual(names(v2?.changes?.itemsRemoved), ['Item toilets', 'Item exits']);
    assert.deepEqual(
      v2?.changes?.itemsChanged.map((entry) => [entry.key, entry.fields]),
      [['ramp', ['weight']]],
    );
    const shipped = await ok<TemplateHistory>(officer, 'GET', '/assessments/templates/public-event/versions');
    assert.equal(shipped.versions[0]?.createdBy, null, 'the dataset wrote it');
    assert.equal((await call(roads, 'GET', '/assessments/templates/history-check/versions')).status, 403);
    assert.equal((await call(officer, 'GET', '/assessments/templates/no-such/versions')).status, 404);
  });

  it('gives the portal headlines units that say what is counted', async () => {
    const headlines = await assessmentsModule.headlines?.(test.database.db);
    assert.deepEqual(
      headlines?.map((headline) => [headline.id, headline.unit?.ko, headline.unit?.en]),
      [
        ['impact-assessment-ordinances-revised', '건', 'ordinances and regulations'],
        ['polling-stations-renovated', '곳', 'polling stations'],
      ],
    );
  });
});
