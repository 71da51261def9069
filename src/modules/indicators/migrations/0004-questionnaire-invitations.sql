-- Who may answer a questionnaire, chosen by the office: `open` (anyone with its link, once per
-- browser, within the per-address limits) or `invited` (only through a personal single-use link).
-- A personal link's token is kept only as its SHA-256: the office sees it once, when it is issued.
-- An invitation records that it was used, never when nor which response it gave: answers stay
-- anonymous, and a time of use could be matched with a response's time.
alter table indicators_questionnaires add column access text not null default 'open'
  check (access in ('open', 'invited'));

create table indicators_invitations (
  id serial primary key,
  questionnaire_id integer not null references indicators_questionnaires (id),
  token_hash text not null unique,
  state text not null default 'unused' check (state in ('unused', 'used', 'revoked')),
  issued_by uuid not null,
  issued_at timestamptz not null default now()
);
create index indicators_invitations_questionnaire on indicators_invitations (questionnaire_id, state);
