-- The language a user reads the platform's mail in (the web app follows the browser's choice; mail
-- has no browser to ask).
alter table accounts_users add column language text not null default 'ko' check (language in ('ko', 'en'));
