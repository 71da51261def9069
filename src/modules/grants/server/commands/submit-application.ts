/**
 * Submitting an application checks the call's eligibility rules and answers every rule it breaks at
 * once (a 422 with one entry per field): the call open today, a registered organisation where the
 * call asks for one, an organisation type the call admits, a title and summary, an amount within the
 * call's maximum that the budget lines add up to, and for a neighbourhood the district it is in.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, type FieldError } from '../../../../kernel/server/errors.ts';
import { vocabTrx } from '../../../../kernel/server/vocabularies/tables.ts';
import { requireApplicant } from '../policy.ts';
import { loadApplicationRow, loadCallRow } from '../queries.ts';
import { grantsTrx } from '../tables.ts';
import { requireStep } from '../workflow.ts';
import { requireOpen } from './save-application.ts';

const rule = (field: string, code: string, ko: string, en: string): FieldError => ({
  field: `body.${field}`,
  code,
  message: { ko, en },
});

export async function submitApplication(
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: string,
  version: number,
): Promise<void> {
  await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const application = await loadApplicationRow(trx, id, { forUpdate: true });
    requireApplicant(user, application);
    if (application.version !== version) throw conflict();
    requireStep('submit', application.status);
    const call = await loadCallRow(trx, application.call_id);
    requireOpen(call);
    const organisation = await trx
      .selectFrom('grants_organisations')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const broken: FieldError[] = [];
    if (call.requires_registration && !organisation.registration_number) {
      broken.push(
        rule(
          'organisation',
          'registration_required',
          '이 공모는 등록된 단체만 신청할 수 있습니다. 단체 정보에 등록번호를 넣어 주세요.',
          'This call is for registered organisations: add the registration number to your profile.',
        ),
      );
    }
    if (!call.eligible_types.includes(organisation.type)) {
      broken.push(
        rule(
          'organisation',
          'type_not_eligible',
          '이 공모는 이 유형의 단체를 받지 않습니다.',
          'This call does not admit this type of organisation.',
        ),
      );
    }
    if (application.title === '') {
      broken.push(rule('title', 'required', '사업 이름을 써 주세요.', 'Give the project a title.'));
    }
    if (application.summary === '') {
      broken.push(rule('summary', 'required', '사업 내용을 써 주세요.', 'Describe the project.'));
    }
    const requested = Number(application.amount_requested);
    if (requested <= 0 || requested > Number(call.max_amount)) {
      broken.push(
        rule(
          'amountRequested',
          'over_maximum',
          `신청 금액은 0보다 크고 공모의 최대 금액(${call.max_amount} ${call.currency}) 이하여야 합니다.`,
          `The amount must be above 0 and at most the call's maximum (${call.max_amount} ${call.currency}).`,
        ),
      );
    }
    const linesTotal = application.budget_lines.reduce((sum, line) => sum + Number(line.amount), 0);
    if (application.budget_lines.length === 0 || linesTotal !== requested) {
      broken.push(
        rule(
          'budgetLines',
          'budget_mismatch',
          `예산 항목의 합계(${linesTotal})가 신청 금액(${requested})과 같아야 합니다.`,
          `The budget lines (total ${linesTotal}) must add up to the amount requested (${requested}).`,
        ),
      );
    }
    if (call.kind === 'neighbourhood') {
      const district = application.district
        ? await vocabTrx(plain)
            .selectFrom('vocab_terms')
            .select('code')
            .where('vocabulary', '=', 'districts')
            .where('code', '=', application.district)
            .executeTakeFirst()
        : undefined;
      if (!district) {
        broken.push(
          rule(
            'district',
            'district_required',
            '마을이 있는 자치구를 골라 주세요.',
            'Choose the district the neighbourhood is in.',
          ),
        );
      }
    }
    if (broken.length > 0) throw new AppError('grants_not_eligible', 422, { errors: broken });
    await trx
      .updateTable('grants_applications')
      .set({
        status: 'submitted',
        submitted_at: new Date(),
        version: application.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'grants.submit-application',
      entityType: 'grants_applications',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'submitted' },
    });
  });
}
