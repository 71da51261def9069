/**
 * A thread of the committee's comments and the office's answers (on a task or on a year's review):
 * the comments in order, each answer marked with the comment it answers, then the form: a committee
 * member comments, the office answers a comment chosen from the list.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  formatDateTime,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import type { Comment } from '../contract.ts';
import { planStaffText } from './messages.ts';

interface CommentThreadProps {
  comments: readonly Comment[];
  /** Where a new comment is posted. */
  postPath: string;
  mayComment: boolean;
  /** The office answers; the committee comments. */
  office: boolean;
  onDone: (message: string) => void;
}

export function CommentThread({ comments, postPath, mayComment, office, onDone }: CommentThreadProps) {
  const t = useText(planStaffText);
  const language = useLanguage();
  const questions = comments.filter((comment) => comment.answerTo === null);
  const form = useForm({ fields: ['body', 'answerTo'], attach: { plan_comment_not_found: 'answerTo' } });
  const [body, setBody] = useState('');
  const [answerTo, setAnswerTo] = useState('');
  const chosen = answerTo || String(questions[0]?.id ?? '');
  const onSubmit = form.submit(async () => {
    await api(postPath, { method: 'POST', body: { body, answerTo: office ? Number(chosen) || null : null } });
    setBody('');
    onDone(t('commentAdded'));
  });
  const roleName = (role: string) =>
    role === 'committee' || role === 'officer' || role === 'admin' ? t(`role_${role}`) : role;
  return (
    <>
      {comments.length === 0 ? (
        <p>{t('noComments')}</p>
      ) : (
        <ul className="plan-timeline">
          {comments.map((comment) => (
            <li key={comment.id} className={comment.answerTo === null ? undefined : 'plan-comment--answer'}>
              <p className="meta">
                {`#${comment.id} ${roleName(comment.authorRole)}, ${formatDateTime(comment.createdAt, language)}`}
                {comment.answerTo === null ? null : ` (${t('answerTo', { id: comment.answerTo })})`}
              </p>
              <p className="prose">{comment.body}</p>
            </li>
          ))}
        </ul>
      )}
      {mayComment && (!office || questions.length > 0) ? (
        <form noValidate onSubmit={onSubmit} className="form">
          <ErrorSummary form={form} />
          {office ? (
            <SelectField
              name="answerTo"
              label={t('answer')}
              value={chosen}
              onChange={setAnswerTo}
              options={questions.map((comment) => ({ value: String(comment.id), label: `#${comment.id}` }))}
              error={form.errorFor('answerTo')}
              required
            />
          ) : null}
          <TextField
            name="body"
            label={t('commentBody')}
            value={body}
            onChange={setBody}
            multiline
            rows={3}
            error={form.errorFor('body')}
            required
          />
          <Button type="submit" disabled={form.pending}>
            {office ? t('answer') : t('addComment')}
          </Button>
        </form>
      ) : null}
    </>
  );
}
