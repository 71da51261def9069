-- UN recommendations (issue 16, item 2): what a UN human rights mechanism recommended, to the city or
-- to Korea, that the city follows, kept beside its register record (`source_kind = 'un'`). The key a
-- person cites it by is the document symbol and the paragraph (`A/HRC/40/9`, `132.45`), which is also
-- what makes an import of the OHCHR Universal Human Rights Index export idempotent.
create table recommendations_un (
  recommendation_id text primary key references recommendations_records (id) on delete cascade,
  mechanism text not null check (mechanism in ('upr', 'treaty_body', 'special_procedure')),
  -- The body as the UN names it: `CERD`, `CRC`, `UPR`, `SR on the right to adequate housing`.
  body text not null,
  symbol text not null,
  paragraph text not null,
  -- The recommendation in the language the UN issued it in (a BCP 47 tag), beside the register's
  -- Korean and English texts.
  original_language text not null,
  original_text text not null,
  addressed_to text not null check (addressed_to in ('city', 'korea')),
  -- The UPR cycle or session, or the reporting cycle, as the UN names it.
  cycle text,
  year integer check (year between 1945 and 2200),
  -- The Universal Human Rights Index's own identifier, when the record came from its export.
  annotation_id text,
  unique (symbol, paragraph)
);
create index recommendations_un_mechanism on recommendations_un (mechanism);
