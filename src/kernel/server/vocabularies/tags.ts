/**
 * Tagging any module's record with vocabulary terms: the kernel API modules call inside their own
 * commands, so that a record and its tags change in one transaction. A module tells the kernel the
 * record's title, path and visibility each time it sets the tags, and calls `setTags` again when one
 * of them changes; the kernel needs nothing else from it (see the `vocab_tags` migration).
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db.ts';
import { fieldError } from '../errors.ts';
import { publicDataChanged } from '../open-data/public-cache.ts';
import type { RecordRef, TaggedRecord, TagInput } from './contract.ts';
import { type VocabTables, vocabDb, vocabTrx } from './tables.ts';

function deleteTagsOf(trx: Transaction<VocabTables>, record: RecordRef) {
  return trx
    .deleteFrom('vocab_tags')
    .where('module', '=', record.module)
    .where('record_type', '=', record.recordType)
    .where('record_id', '=', record.recordId);
}

/**
 * Replaces the record's tags with `tags`. A term that does not exist is a 400 problem on the field
 * `tags`, naming the term, in both languages.
 */
export async function setTags(
  trx: Transaction<object>,
  record: TaggedRecord,
  tags: readonly TagInput[],
): Promise<void> {
  const vocab = vocabTrx(trx);
  const unique = [...new Map(tags.map((tag) => [`${tag.vocabulary}/${tag.code}`, tag])).values()];
  if (unique.length > 0) {
    const found = await vocab
      .selectFrom('vocab_terms')
      .select(['vocabulary', 'code'])
      .where((eb) =>
        eb.or(
          unique.map((tag) => eb.and([eb('vocabulary', '=', tag.vocabulary), eb('code', '=', tag.code)])),
        ),
      )
      .execute();
    const known = new Set(found.map((term) => `${term.vocabulary}/${term.code}`));
    const unknown = unique.map((tag) => `${tag.vocabulary}/${tag.code}`).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      throw fieldError('tags', 'unknown_term', {
        ko: `없는 용어입니다: ${unknown.join(', ')}`,
        en: `No such term: ${unknown.join(', ')}`,
      });
    }
  }
  await deleteTagsOf(vocab, record).execute();
  if (unique.length > 0) {
    await vocab
      .insertInto('vocab_tags')
      .values(
        unique.map((tag) => ({
          vocabulary: tag.vocabulary,
          term_code: tag.code,
          module: record.module,
          record_type: record.recordType,
          record_id: record.recordId,
          is_public: record.isPublic,
          is_sample: record.isSample ?? false,
          title_ko: record.title.ko,
          title_en: record.title.en,
          path: record.path,
        })),
      )
      .execute();
  }
  publicDataChanged();
}

/** Forgets a record's tags (the module deleted the record). */
export async function removeRecord(trx: Transaction<object>, record: RecordRef): Promise<void> {
  await deleteTagsOf(vocabTrx(trx), record).execute();
  publicDataChanged();
}

/** The record's tags, for showing them on the record's own page or in its edit form. */
export async function listTags(db: Db | Transaction<object>, record: RecordRef): Promise<TagInput[]> {
  const rows = await vocabDb(db)
    .selectFrom('vocab_tags')
    .select(['vocabulary', 'term_code'])
    .where('module', '=', record.module)
    .where('record_type', '=', record.recordType)
    .where('record_id', '=', record.recordId)
    .orderBy('vocabulary')
    .orderBy('term_code')
    .execute();
  return rows.map((row) => ({ vocabulary: row.vocabulary, code: row.term_code }));
}
