/**
 * The office's review of one application: the reviewer's declaration of interest (a conflict keeps
 * them from scoring), their scores against the call's rubric, the average of every reviewer's
 * weighted score, selection, the award, and the payment tranches of an award.
 */

import { type FormEvent, useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { cityClock } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import type { Application } from '../contract.ts';
import { grantsText } from './messages.ts';
import { amountValue, Money } from './shared.tsx';

type Changed = (message: string) => void;

function DeclarationForm({ application, onChanged }: { application: Application; onChanged: Changed }) {
  const t = useText(grantsText);
  const form = useForm({ fields: ['hasConflict'] });
  const declared = application.review?.declaration;
  const [choice, setChoice] = useState(declared ? String(declared.hasConflict) : '');
  const onSubmit = form.submit(async () => {
    await api(`/grants/applications/${application.id}/declaration`, {
      method: 'PUT',
      body: { hasConflict: choice === 'true' ? true : choice === 'false' ? false : choice },
    });
    onChanged(t('declarationSaved'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <SelectField
        name="hasConflict"
        label={t('declarationLegend')}
        value={choice}
        onChange={setChoice}
        empty="–"
        options={[
          { value: 'false', label: t('declareNone') },
          { value: 'true', label: t('declareConflict') },
        ]}
        error={form.errorFor('hasConflict')}
        required
      />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {t('saveDeclaration')}
      </Button>
    </form>
  );
}

function ScoresForm({ application, onChanged }: { application: Application; onChanged: Changed }) {
  const t = useText(grantsText);
  const language = useLanguage();
  const criteria = application.call.criteria;
  const form = useForm<string>({ fields: criteria.map((_, index) => `scores.${index}.score`) });
  const mine = new Map(application.review?.myScores.map((entry) => [entry.criterionId, String(entry.score)]));
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(criteria.map((criterion) => [criterion.id, mine.get(criterion.id) ?? ''])),
  );
  const onSubmit = form.submit(async () => {
    await api(`/grants/applications/${application.id}/scores`, {
      method: 'PUT',
      body: {
        scores: criteria.map((criterion) => ({
          criterionId: criterion.id,
          score: amountValue(scores[criterion.id] ?? ''),
        })),
      },
    });
    onChanged(t('scoresSaved'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <h3>{t('scoresTitle')}</h3>
      <ErrorSummary form={form} />
      {criteria.map((criterion, index) => (
        <SelectField
          key={criterion.id}
          name={`scores.${index}.score`}
          label={t('scoreLabel', { criterion: criterion.name[language], weight: criterion.weight })}
          hint={t('scoreHint')}
          value={scores[criterion.id] ?? ''}
          onChange={(value) => setScores((current) => ({ ...current, [criterion.id]: value }))}
          empty="–"
          options={['0', '1', '2', '3', '4', '5'].map((value) => ({ value, label: value }))}
          error={form.errorFor(`scores.${index}.score`)}
          required
        />
      ))}
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {t('saveScores')}
      </Button>
    </form>
  );
}

function DecisionForm({ application, onChanged }: { application: Application; onChanged: Changed }) {
  const t = useText(grantsText);
  const form = useForm<never>({ fields: [] });
  const decisions =
    application.status === 'submitted' ? (['select', 'reject'] as const) : (['reject'] as const);
  const send = (event: FormEvent) => {
    const decision = decisions.find(
      (value) => value === (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value'),
    );
    return form.submit(async () => {
      if (!decision) return;
      await api(`/grants/applications/${application.id}/decision`, {
        method: 'POST',
        body: { decision, version: application.version },
      });
      onChanged(t('decided'));
    })(event);
  };
  return (
    <form noValidate onSubmit={send}>
      <h3>{t('decisionTitle')}</h3>
      <ErrorSummary form={form} />
      <div className="inline-actions">
        {decisions.map((decision) => (
          <Button
            key={decision}
            type="submit"
            value={decision}
            variant={decision === 'select' ? 'primary' : 'secondary'}
            disabled={form.pending}
          >
            {t(decision)}
          </Button>
        ))}
      </div>
    </form>
  );
}

function AwardForm({ application, onChanged }: { application: Application; onChanged: Changed }) {
  const t = useText(grantsText);
  const form = useForm({ fields: ['amount'], attach: { grants_budget_exceeded: 'amount' } });
  const [amount, setAmount] = useState(String(application.amountRequested));
  const onSubmit = form.submit(async () => {
    await api(`/grants/applications/${application.id}/award`, {
      method: 'POST',
      body: { amount: amountValue(amount), version: application.version },
    });
    onChanged(t('awarded'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <h3>{t('awardTitle')}</h3>
      <ErrorSummary form={form} />
      <TextField
        name="amount"
        label={t('awardAmount')}
        hint={application.call.currency}
        value={amount}
        onChange={setAmount}
        error={form.errorFor('amount')}
        inputMode="numeric"
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('award')}
      </Button>
    </form>
  );
}

type Tranche = Application['tranches'][number];

function Tranches({
  application,
  office,
  onChanged,
}: {
  application: Application;
  office: boolean;
  onChanged: Changed;
}) {
  const t = useText(grantsText);
  const form = useForm({ fields: ['amount', 'dueOn'], attach: { grants_tranches_exceed_award: 'amount' } });
  const payment = useForm<never>({ fields: [] });
  const [amount, setAmount] = useState('');
  const [dueOn, setDueOn] = useState('');
  const onSubmit = form.submit(async () => {
    await api(`/grants/applications/${application.id}/tranches`, {
      method: 'POST',
      body: { amount: amountValue(amount), dueOn },
    });
    setAmount('');
    setDueOn('');
    onChanged(t('trancheAdded'));
  });
  const pay = (tranche: Tranche) =>
    payment.submit(async () => {
      await api(`/grants/applications/${application.id}/tranches/${tranche.id}/payment`, {
        method: 'PUT',
        body: { paidOn: cityClock.today() },
      });
      onChanged(t('paidRecorded'));
    });
  const columns: Column<Tranche>[] = [
    { key: 'due', header: t('dueOn'), rowHeader: true, cell: (row) => row.dueOn },
    {
      key: 'amount',
      header: t('amount'),
      numeric: true,
      cell: (row) => <Money amount={row.amount} currency={application.call.currency} />,
    },
    {
      key: 'paid',
      header: t('paidOn'),
      cell: (row) =>
        row.paidOn ??
        (office ? (
          <form noValidate onSubmit={pay(row)}>
            <Button type="submit" variant="secondary" disabled={payment.pending}>
              {t('markPaid', { due: row.dueOn })}
            </Button>
          </form>
        ) : (
          t('notPaid')
        )),
    },
  ];
  return (
    <section className="section" aria-labelledby="grants-tranches">
      <h2 id="grants-tranches">{t('tranchesTitle')}</h2>
      <ErrorSummary form={payment} />
      <DataTable
        caption={t('tranchesCaption')}
        columns={columns}
        rows={application.tranches}
        rowKey={(row) => row.id}
        empty={t('noTranches')}
      />
      {office ? (
        <form noValidate onSubmit={onSubmit} className="form">
          <ErrorSummary form={form} />
          <div className="form-row">
            <TextField
              name="amount"
              label={t('amount')}
              value={amount}
              onChange={setAmount}
              error={form.errorFor('amount')}
              inputMode="numeric"
              required
            />
            <TextField
              name="dueOn"
              label={t('dueOn')}
              hint={t('dateHint')}
              value={dueOn}
              onChange={setDueOn}
              error={form.errorFor('dueOn')}
              required
            />
          </div>
          <Button type="submit" variant="secondary" disabled={form.pending}>
            {t('addTranche')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

export function ReviewPanel({ application, onChanged }: { application: Application; onChanged: Changed }) {
  const t = useText(grantsText);
  const review = application.review;
  const reviewing = application.status === 'submitted' || application.status === 'selected';
  return (
    <>
      <section className="section" aria-labelledby="grants-review">
        <h2 id="grants-review">{t('reviewTitle')}</h2>
        <p>
          {review && review.averageScore !== null
            ? t('averageScore', { score: review.averageScore, count: review.reviewers })
            : t('noScores')}
        </p>
        {reviewing ? <DeclarationForm application={application} onChanged={onChanged} /> : null}
        {reviewing && review?.declaration?.hasConflict ? (
          <Notice tone="warning">{t('conflictNote')}</Notice>
        ) : null}
        {reviewing && review?.declaration?.hasConflict === false ? (
          <ScoresForm application={application} onChanged={onChanged} />
        ) : null}
        {reviewing ? <DecisionForm application={application} onChanged={onChanged} /> : null}
        {application.status === 'selected' ? (
          <AwardForm application={application} onChanged={onChanged} />
        ) : null}
      </section>
      {application.status === 'awarded' || application.status === 'completed' ? (
        <Tranches application={application} office onChanged={onChanged} />
      ) : null}
    </>
  );
}

export { Tranches };
