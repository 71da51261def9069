-- The city's calendar of public holidays, for working-day deadlines in every module. Loaded by seed
-- from the city's dataset (`public-holidays.csv`, `public-holiday-years.csv`); a date in a year not
-- listed in `calendar_years` is outside the calendar, and `working-days.ts` says so rather than
-- treating it as a year without holidays.
create table calendar_years (
  year integer primary key
);

create table calendar_holidays (
  date text primary key check (date ~ '^\d{4}-\d{2}-\d{2}$'),
  name_ko text not null,
  name_en text not null
);
