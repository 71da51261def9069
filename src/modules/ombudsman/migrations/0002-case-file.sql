-- What staff write is kept: the text typed with a step (the note with which an investigation is
-- opened, the reason for reopening), the written decision (facts as the ombudsman states them, the
-- grounds) and its signatory as appointed on the day of the decision.
-- The audit trail keeps no free text (it outlives retention); the case file does, here.

-- Free text typed with a step, shown on the case's timeline (`note` stays the step's typed detail).
alter table ombudsman_events add column body text;

-- The decision as written: facts and grounds in the ombudsman's words (names only where they put
-- them), and who signed it, with the title of their appointment then (standing or not), so that a
-- later change of appointment does not rewrite a signed decision.
alter table ombudsman_cases add column decision_facts text;
alter table ombudsman_cases add column decision_grounds text;
alter table ombudsman_cases add column decided_by text;
alter table ombudsman_cases add column signatory_name text;
alter table ombudsman_cases add column signatory_standing boolean;
