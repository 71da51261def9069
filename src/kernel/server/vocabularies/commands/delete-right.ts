/**
 * Deleting a charter article. Refused while records are tagged with it: removing the term would
 * silently take it off plans, indicators and assessments that cite it.
 */
import { type Actor, runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { publicDataChanged } from '../../open-data/public-cache.ts';
import { vocabTrx } from '../tables.ts';
import { auditedRight, lockRight } from './rights.ts';

export async function deleteRight(db: Db, actor: Actor, code: string): Promise<void> {
  await runCommand(db, actor, async ({ trx, audit }) => {
    const vocab = vocabTrx(trx);
    const current = await lockRight(vocab, code);
    const tagged = await vocab
      .selectFrom('vocab_tags')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('vocabulary', '=', 'rights')
      .where('term_code', '=', code)
      .executeTakeFirstOrThrow();
    if (Number(tagged.count) > 0) {
      throw new AppError('term_in_use', 409, { params: { count: Number(tagged.count) } });
    }
    await vocab
      .deleteFrom('vocab_terms')
      .where('vocabulary', '=', 'rights')
      .where('code', '=', code)
      .execute();
    await audit({
      action: 'vocab.delete-right',
      entityType: 'vocab_terms',
      entityId: `rights/${code}`,
      before: auditedRight(current),
    });
  });
  publicDataChanged();
}
