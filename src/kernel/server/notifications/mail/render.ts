/**
 * The words of the platform's mail, in the recipient's language, as plain text and HTML. A message
 * carries the notification's title (which names the kind of work and a record's public title or
 * number, never a complainant, victim, witness or case content: see `notify.ts`) and a link to the
 * page where the work is done, and nothing else: no names, no excerpts, no addresses.
 */
import type { Language } from '../../../shared/language.ts';
import type { City } from '../../city/city.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailLine {
  title: string;
  /** Absolute link (PUBLIC_URL + the notification's path), or null when it has none. */
  link: string | null;
}

const words = {
  ko: {
    open: '열기',
    digestSubject: (date: string, count: number) => `${date} 알림 요약 (${count}건)`,
    digestIntro: (date: string) => `${date}의 알림입니다.`,
    footer: '알림을 받는 방법(앱, 즉시 메일, 하루 요약)은 플랫폼의 알림 설정에서 바꿀 수 있습니다.',
    testSubject: '메일 설정 시험',
    testBody: '플랫폼의 메일 설정이 작동합니다. 이 메일에 답하지 마십시오.',
  },
  en: {
    open: 'Open',
    digestSubject: (date: string, count: number) => `Notifications of ${date} (${count})`,
    digestIntro: (date: string) => `Your notifications of ${date}.`,
    footer:
      'You can choose how you are told (in the app, mail at once, a daily digest) in your notification settings.',
    testSubject: 'Mail settings test',
    testBody: "The platform's mail settings work. Do not reply to this message.",
  },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The absolute link of a path on the platform, or null. */
export function linkOf(publicUrl: string, path: string | null): string | null {
  if (!path) return null;
  return `${publicUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}

function page(language: Language, city: City, body: string): string {
  const footer = escapeHtml(words[language].footer);
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(city.shortName[language])}</title></head><body>${body}<hr><p><small>${escapeHtml(city.name[language])}. ${footer}</small></p></body></html>`;
}

const prefix = (language: Language, city: City) => `[${city.shortName[language]}]`;

/** One notification, mailed at once. */
export function renderNotification(language: Language, city: City, line: MailLine): RenderedMail {
  const w = words[language];
  const text = [
    line.title,
    '',
    ...(line.link ? [line.link, ''] : []),
    '--',
    `${city.name[language]}. ${w.footer}`,
  ].join('\n');
  const link = line.link
    ? `<p><a href="${escapeHtml(line.link)}">${escapeHtml(w.open)}: ${escapeHtml(line.title)}</a></p>`
    : '';
  return {
    subject: `${prefix(language, city)} ${line.title}`,
    text,
    html: page(language, city, `<p>${escapeHtml(line.title)}</p>${link}`),
  };
}

/** A user's day of digest notifications, in one message. */
export function renderDigest(
  language: Language,
  city: City,
  date: string,
  lines: readonly MailLine[],
): RenderedMail {
  const w = words[language];
  const text = [
    w.digestIntro(date),
    '',
    ...lines.flatMap((line) => [`- ${line.title}`, ...(line.link ? [`  ${line.link}`] : [])]),
    '',
    '--',
    `${city.name[language]}. ${w.footer}`,
  ].join('\n');
  const items = lines
    .map((line) =>
      line.link
        ? `<li><a href="${escapeHtml(line.link)}">${escapeHtml(line.title)}</a></li>`
        : `<li>${escapeHtml(line.title)}</li>`,
    )
    .join('');
  return {
    subject: `${prefix(language, city)} ${w.digestSubject(date, lines.length)}`,
    text,
    html: page(language, city, `<p>${escapeHtml(w.digestIntro(date))}</p><ul>${items}</ul>`),
  };
}

/** `rightscity mail test`: both languages, since the address belongs to no user. */
export function renderTest(city: City, publicUrl: string): RenderedMail {
  const text = `${words.ko.testBody}\n${words.en.testBody}\n\n${publicUrl}\n`;
  return {
    subject: `${prefix(city.defaultLanguage, city)} ${words.ko.testSubject} / ${words.en.testSubject}`,
    text,
    html: page(
      city.defaultLanguage,
      city,
      `<p lang="ko">${escapeHtml(words.ko.testBody)}</p><p lang="en">${escapeHtml(words.en.testBody)}</p><p><a href="${escapeHtml(publicUrl)}">${escapeHtml(publicUrl)}</a></p>`,
    ),
  };
}
