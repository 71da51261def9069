/** The texts of the home page. */
import { defineMessages } from '../../../kernel/web/i18n/index.ts';

export const homeText = defineMessages('home', {
  ko: {
    title: '{{cityKo}} 인권도시 플랫폼',
    city: '{{cityNameKo}}',
    platform: 'rightscity: 인권도시를 운영하는 공개 소스 플랫폼',
    intro:
      '이 플랫폼은 인권 조례와 헌장, 인권기본계획, 인권지표, 인권옴부즈맨, 인권영향평가, 인권교육, 세계인권도시포럼 같은 {{cityKo}}의 인권도시 체계를 운영하고, 그 공개 자료를 누구나 볼 수 있게 합니다.',
    figuresTitle: '한눈에 보는 {{cityKo}}',
    allFigures: '모든 수치 보기',
    otherFigures: '그 밖의 수치',
    exploreTitle: '둘러보기',
    apiDocs: 'API 문서',
  },
  en: {
    title: '{{cityEn}} Human Rights City Platform',
    city: '{{cityNameEn}}',
    platform: 'rightscity: the open-source platform that runs a human rights city',
    intro:
      "This platform runs {{cityEn}}'s human rights city systems: the ordinance and the charter, the basic plan, the human rights indicators, the ombudsman, impact assessments, human rights education and the World Human Rights Cities Forum, and makes their public data open to everyone.",
    figuresTitle: '{{cityEn}} at a glance',
    allFigures: 'See all figures',
    otherFigures: 'Other figures',
    exploreTitle: 'Explore',
    apiDocs: 'API documentation',
  },
});
