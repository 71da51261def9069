/**
 * What one timeline entry says beyond its step's name: the text typed with it (a note, the grounds,
 * a question, a reason) as written, and its typed detail (the outcome, the reason chosen, where it was
 * referred, the department and due date, the fields corrected and what they were before).
 */
import { useText } from '../../../kernel/web/i18n/index.ts';
import { closedReasons, decisionOutcomes, inadmissibleReasons } from '../contract.ts';
import { caseFileText } from './case-file-messages.ts';
import { ombudsmanText } from './messages.ts';
import { isOneOf } from './one-of.ts';
import { ombudsmanStaffText } from './staff-messages.ts';

interface Entry {
  action: string;
  note: string | null;
  body: string | null;
}

function parsed(note: string | null): Record<string, unknown> {
  if (note === null) return {};
  try {
    const value: unknown = JSON.parse(note);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const editable = [
  'summary',
  'respondent',
  'respondentType',
  'rights',
  'occurredOn',
  'occurredPlace',
] as const;

export function TimelineDetail({
  entry,
  departmentName,
}: {
  entry: Entry;
  departmentName: (code: string) => string;
}) {
  const t = useText(ombudsmanStaffText);
  const publicText = useText(ombudsmanText);
  const fileText = useText(caseFileText);
  const detail = parsed(entry.note);
  const parts: string[] = [];
  const { outcome, reason, referredTo, departmentCode, dueOn, fields, before } = detail;
  if (typeof outcome === 'string' && isOneOf(decisionOutcomes, outcome)) {
    parts.push(publicText(`outcome_${outcome}`));
  }
  if (typeof reason === 'string') {
    if (entry.action === 'dismiss' && isOneOf(inadmissibleReasons, reason)) parts.push(t(`reason_${reason}`));
    else if (isOneOf(closedReasons, reason)) parts.push(publicText(`outcome_${reason}`));
  }
  if (typeof referredTo === 'string') parts.push(referredTo);
  if (typeof departmentCode === 'string') parts.push(departmentName(departmentCode));
  if (typeof dueOn === 'string') parts.push(`${t('dueOn')} ${dueOn}`);
  if (Array.isArray(fields)) {
    const names = fields.filter((field): field is (typeof editable)[number] =>
      isOneOf(editable, String(field)),
    );
    parts.push(fileText('changedFields', { fields: names.map((field) => fileText(field)).join(', ') }));
    if (typeof before === 'object' && before !== null) {
      const values = Object.entries(before as Record<string, unknown>)
        .map(([field, value]) => {
          const label = isOneOf(editable, field) ? fileText(field) : field;
          const shown = Array.isArray(value) ? value.join(', ') : value === null ? '–' : String(value);
          return `${label}: ${shown || '–'}`;
        })
        .join('; ');
      parts.push(fileText('before', { values }));
    }
  }
  return (
    <>
      {parts.length > 0 ? <span className="timeline-detail">{parts.join(' · ')}</span> : null}
      {entry.body ? <span className="pre-wrap timeline-body">{entry.body}</span> : null}
    </>
  );
}
