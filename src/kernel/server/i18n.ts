/**
 * Server-side messages in Korean and English. The kernel's catalogue is here; each module adds its
 * own through its manifest (`messages`), so an error code and its two messages live beside the rule
 * that raises it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Bilingual, defaultLanguage, type Language } from '../shared/language.ts';

const catalogue = new Map<string, Bilingual>();

export function addMessages(messages: Record<string, Bilingual>): void {
  for (const [code, text] of Object.entries(messages)) catalogue.set(code, text);
}

/** The message for `code` in `language`, with `{name}` placeholders filled from `params`. */
export function translate(code: string, language: Language, params: Record<string, unknown> = {}): string {
  const text = catalogue.get(code)?.[language] ?? catalogue.get('internal')?.[language] ?? code;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The city's default language (its `city.json`), for a request that asks for none we speak. */
    cityLanguage?: Language;
  }
}

/** `?lang=` wins, then the first language of Accept-Language we speak, then the city's language. */
export function requestLanguage(
  request: Pick<FastifyRequest, 'query' | 'headers'> & { server?: FastifyInstance },
): Language {
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.lang === 'en' || query?.lang === 'ko') return query.lang;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'ko' || tag === 'en') return tag;
    }
  }
  return request.server?.cityLanguage ?? defaultLanguage;
}

addMessages({
  internal: {
    ko: '서버에서 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Something went wrong on the server. Please try again later.',
  },
  validation_failed: { ko: '입력값을 확인해 주세요.', en: 'Please check the values you entered.' },
  malformed_json: { ko: '요청 본문이 올바른 JSON이 아닙니다.', en: 'The request body is not valid JSON.' },
  payload_too_large: {
    ko: '요청 본문이 너무 큽니다(최대 {limit}바이트).',
    en: 'The request body is too large (at most {limit} bytes).',
  },
  unsupported_media_type: {
    ko: '지원하지 않는 콘텐츠 형식입니다.',
    en: 'This content type is not supported.',
  },
  invalid_workbook: {
    ko: '엑셀 통합 문서(.xlsx)를 읽을 수 없습니다.',
    en: 'The file cannot be read as an Excel workbook (.xlsx).',
  },
  workbook_too_large: {
    ko: '엑셀 파일의 압축을 풀면 너무 큽니다(항목 {entries}개, {megabytes}MB까지). 파일을 나누어 올려 주세요.',
    en: 'The Excel file expands to too much (at most {entries} entries and {megabytes} MB). Please split it.',
  },
  insufficient_storage: {
    ko: '서버의 저장 공간이 부족하여 파일을 받을 수 없습니다. 나중에 다시 시도하거나 담당 부서에 알려 주세요.',
    en: 'The server is low on storage and cannot take files now. Please try again later or tell the office.',
  },
  not_found: { ko: '요청한 주소를 찾을 수 없습니다.', en: 'Nothing was found at this address.' },
  method_not_allowed: { ko: '허용되지 않는 요청 방식입니다.', en: 'This method is not allowed here.' },
  bad_request: { ko: '잘못된 요청입니다.', en: 'The request is not valid.' },
  unauthenticated: { ko: '로그인이 필요합니다.', en: 'Please log in first.' },
  forbidden: { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  conflict: {
    ko: '다른 사람이 먼저 수정했습니다. 새로 고친 뒤 다시 시도해 주세요.',
    en: 'Someone else changed this first. Please reload and try again.',
  },
  rate_limited: {
    ko: '요청이 너무 많습니다. {seconds}초 후에 다시 시도해 주세요.',
    en: 'Too many attempts. Please try again in {seconds} seconds.',
  },
  service_unavailable: {
    ko: '일시적으로 서비스를 사용할 수 없습니다.',
    en: 'The service is temporarily unavailable.',
  },
});
