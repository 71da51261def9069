-- Sample records for trying the UI (`seed --demo`): marked, so that no public figure counts them and
-- every reload of the dataset removes them first.
alter table assessments_subjects add column is_sample boolean not null default false;
