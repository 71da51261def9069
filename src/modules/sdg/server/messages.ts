/** The SDG module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  sdg_assessment_exists: {
    ko: '{year}년 자체 평가가 이미 있습니다.',
    en: 'A self-assessment for {year} already exists.',
  },
  sdg_assessment_published: {
    ko: '{year}년 자체 평가는 공개되어 있어 고칠 수 없습니다. 먼저 공개를 거두어 주세요.',
    en: 'The {year} self-assessment is published and cannot be changed. Unpublish it first.',
  },
  sdg_peer_exists: {
    ko: '이 주소의 도시는 이미 연결되어 있습니다.',
    en: 'A city at this address is already in the network.',
  },
  sdg_feed_refused: {
    ko: '상대 도시의 피드를 받지 않았습니다. 아무것도 저장하지 않았습니다.',
    en: "The other city's feed was refused. Nothing was stored.",
  },
};
