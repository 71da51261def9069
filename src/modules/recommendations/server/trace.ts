/**
 * One timeline per recommendation (issue 16, item 4), in order: issued (on its issue date), each
 * department's answer, the accepted progress reports of its linked tasks, the published values of its
 * linked indicators since the year it was issued, the register's own progress notes, and its
 * completion or closing. The linked records' events come from their modules' `linkable` records; the
 * public timeline keeps only what each module marks public.
 */
import { clock } from '../../../kernel/server/city/clock.ts';
import type { Db } from '../../../kernel/server/db.ts';
import type { Recommendation, Trace, TraceEntry } from '../contract.ts';
import { type LinkProviders, readLinks } from './links.ts';

/** Among entries of one day: the issue first, then answers, then the work, completion or closing last. */
const rank: Record<TraceEntry['kind'], number> = {
  issue: 0,
  answer: 1,
  start_implementation: 2,
  task_report: 3,
  indicator_value: 3,
  report_progress: 3,
  complete: 4,
  close: 4,
};

/** A year's value stands at the end of its year: it is the year's figure, published after it. */
const sortDate = (date: string) => (date.length === 4 ? `${date}-12-31` : date);

export async function readTrace(
  db: Db,
  providers: LinkProviders,
  record: Recommendation,
  options: { publicOnly: boolean },
): Promise<Trace> {
  const links = await readLinks(db, providers, record.id, options);
  const entries: TraceEntry[] = record.timeline.map((event) => ({
    date: event.action === 'issue' && record.issuedOn ? record.issuedOn : clock().dateOf(event.at),
    kind: event.action,
    event,
    link: null,
    label: null,
  }));
  for (const link of links) {
    const provider = providers[link.type];
    if (!provider) continue;
    const events = await provider.events(db, link.id, record.issuedOn);
    for (const event of events) {
      if (options.publicOnly && !event.isPublic) continue;
      entries.push({
        date: event.date,
        kind: link.type === 'task' ? 'task_report' : 'indicator_value',
        event: null,
        link,
        label: event.label,
      });
    }
  }
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        sortDate(a.entry.date).localeCompare(sortDate(b.entry.date)) ||
        rank[a.entry.kind] - rank[b.entry.kind] ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
  return { links, timeline: ordered };
}
