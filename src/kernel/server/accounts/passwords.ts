/**
 * Password hashing: argon2id at OWASP's minimum (19 MiB, two passes, one lane). Hashing happens
 * before a command opens its transaction, so the embedded database's one session is not held while
 * the CPU works.
 */
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { z } from 'zod';
import type { Bilingual } from '../../shared/language.ts';

const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Long enough to resist guessing, short enough that nobody hashes a megabyte. */
export const newPasswordSchema = z.string().min(12).max(1024);

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/** Computes the throw-away hash ahead of the first login, so that the first unknown email is not slower. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
  return dummyHash;
}

/**
 * Checks `password` against `hash`; with no hash (unknown email), checks it against a throw-away hash
 * so that the answer takes as long as for a real account and timing does not tell which emails exist.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  const target = hash ?? (await prepareDummyHash());
  const matches = await argon2.verify(target, password);
  return hash !== undefined && matches;
}

/** A strong password for generated accounts (the first admin, tests): 24 characters, ~143 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Password strength (ASVS: refuse common and guessable passwords): zxcvbn-ts with its common and
 * English dictionaries, and the user's own name and email as words an attacker would try first. A
 * password must reach score 3 (about 10^8 guesses and more: "safely unguessable" against online and
 * throttled guessing, and costly offline against argon2id).
 *
 * The dictionaries take about 30 MB and half a second to load: they are loaded on the first check
 * (a server that never sets a password never loads them) and then kept.
 */
const minimumScore = 3;
/** zxcvbn's time grows with the length; beyond this the prefix alone decides (it is plenty). */
const checkedLength = 100;

type WarningCode =
  | 'straightRow'
  | 'keyPattern'
  | 'simpleRepeat'
  | 'extendedRepeat'
  | 'sequences'
  | 'recentYears'
  | 'dates'
  | 'topTen'
  | 'topHundred'
  | 'common'
  | 'similarToCommon'
  | 'wordByItself'
  | 'namesByThemselves'
  | 'commonNames'
  | 'userInputs'
  | 'pwned';

/** Why a password is weak, in both languages, by zxcvbn's warning. */
const weaknesses: Record<WarningCode | 'guessable', Bilingual> = {
  straightRow: { ko: '키보드의 한 줄을 그대로 누른 것', en: 'a straight row of keys on the keyboard' },
  keyPattern: { ko: '짧은 키보드 패턴', en: 'a short keyboard pattern' },
  simpleRepeat: { ko: '"aaa" 같은 같은 글자의 반복', en: 'a repeated character, like "aaa"' },
  extendedRepeat: { ko: '"abcabc" 같은 패턴의 반복', en: 'a repeated pattern, like "abcabc"' },
  sequences: { ko: '"abc", "123" 같은 연속된 글자', en: 'a common sequence, like "abc" or "123"' },
  recentYears: { ko: '최근 연도', en: 'a recent year' },
  dates: { ko: '날짜', en: 'a date' },
  topTen: { ko: '가장 많이 쓰이는 비밀번호', en: 'one of the most used passwords' },
  topHundred: { ko: '매우 자주 쓰이는 비밀번호', en: 'a very frequently used password' },
  common: { ko: '흔히 쓰이는 비밀번호', en: 'a commonly used password' },
  similarToCommon: { ko: '흔히 쓰이는 비밀번호와 비슷함', en: 'close to a commonly used password' },
  wordByItself: { ko: '흔한 낱말 하나', en: 'a single common word' },
  namesByThemselves: { ko: '이름이나 성 하나', en: 'a single name or surname' },
  commonNames: { ko: '흔한 이름과 성', en: 'common names and surnames' },
  userInputs: { ko: '사용자의 이름이나 이메일을 담고 있음', en: 'it contains your name or email' },
  pwned: { ko: '유출된 적이 있는 비밀번호', en: 'a password exposed in a data breach' },
  guessable: { ko: '추측하기 쉬운 조합', en: 'an easily guessed combination' },
};

interface Checker {
  check(password: string, userInputs: string[]): { score: number; feedback: { warning: string | null } };
}

let checker: Promise<Checker> | undefined;

/**
 * Loads the strength checker's dictionaries now. Loading them is about half a second of work that
 * holds the event loop; done at the first new password, it stalled every request in flight (a
 * complaint being filed included), so the server does it before it listens.
 */
export async function preparePasswordChecker(): Promise<void> {
  await loadChecker();
}

function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [core, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    // Each warning "translated" to its own key, so that the key picks our bilingual text.
    const keyed = <T extends Record<string, string>>(table: T) =>
      Object.fromEntries(Object.keys(table).map((key) => [key, key])) as T;
    const translations = english.translations;
    return new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: { ...translations, warnings: keyed(translations.warnings) },
    }) as Checker;
  })();
  return checker;
}

/**
 * Why `password` is too weak for an account of this name and email, or null when it is strong
 * enough. The name and email (and their parts) count as words an attacker tries first.
 */
export async function passwordWeakness(
  password: string,
  user: { email: string; displayName: string },
): Promise<Bilingual | null> {
  const zxcvbn = await loadChecker();
  const email = user.email.toLowerCase();
  const userInputs = [email, ...email.split(/[@.+_-]/), user.displayName, ...user.displayName.split(/\s+/)]
    .map((word) => word.trim())
    .filter((word) => word.length >= 3);
  const result = zxcvbn.check(password.slice(0, checkedLength), userInputs);
  if (result.score >= minimumScore) return null;
  const reason = weaknesses[(result.feedback.warning ?? 'guessable') as WarningCode] ?? weaknesses.guessable;
  return {
    ko: `추측하기 쉬운 비밀번호입니다(${reason.ko}). 흔하지 않은 낱말 여러 개를 이어 더 길게 만들어 주세요.`,
    en: `This password is easy to guess (${reason.en}). Make it longer with several uncommon words.`,
  };
}
