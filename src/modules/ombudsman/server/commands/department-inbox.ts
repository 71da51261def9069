/**
 * What a department sees of the ombudsman's work: the information requests and the issued
 * recommendations addressed to it, with the case's receipt number and version (to answer), and
 * nothing else of the case.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { forbidden } from '../../../../kernel/server/errors.ts';
import { ombudsmanDb } from '../tables.ts';
import { presentInfoRequest, presentRecommendation } from './read-case.ts';

export async function departmentInbox(db: Db, user: SessionUser) {
  if (user.role !== 'department' || user.departmentCode === null) throw forbidden();
  const om = ombudsmanDb(db);
  const [requests, recommendations] = await Promise.all([
    om
      .selectFrom('ombudsman_info_requests as r')
      .innerJoin('ombudsman_cases as c', 'c.id', 'r.case_id')
      .selectAll('r')
      .select(['c.version as case_version', 'c.receipt_number'])
      .where('r.department_code', '=', user.departmentCode)
      .orderBy('r.requested_at', 'desc')
      .execute(),
    om
      .selectFrom('ombudsman_recommendations as r')
      .innerJoin('ombudsman_cases as c', 'c.id', 'r.case_id')
      .selectAll('r')
      .select(['c.version as case_version', 'c.receipt_number'])
      .where('r.department_code', '=', user.departmentCode)
      .where('r.issued_at', 'is not', null)
      .orderBy('r.issued_at', 'desc')
      .execute(),
  ]);
  return {
    informationRequests: requests.map((row) => ({
      ...presentInfoRequest(row),
      caseVersion: row.case_version,
      receiptNumber: row.receipt_number,
    })),
    recommendations: recommendations.map((row) => ({
      ...presentRecommendation(row),
      caseVersion: row.case_version,
      receiptNumber: row.receipt_number,
    })),
  };
}
