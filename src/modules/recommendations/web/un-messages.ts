/** The texts of the register's UN parts: a UN recommendation's details and the import page. */
import { defineMessages } from '../../../kernel/web/i18n/index.ts';

export const unText = defineMessages('recommendations-un', {
  ko: {
    unTitle: '유엔 권고',
    mechanism: '유엔 인권 체계',
    mechanism_upr: '국가별 정례인권검토(UPR)',
    mechanism_treaty_body: '조약기구',
    mechanism_special_procedure: '특별절차',
    body: '권고한 기구',
    symbol: '문서 기호',
    paragraph: '단락',
    addressedTo: '권고 대상',
    addressedTo_city: '광주광역시',
    addressedTo_korea: '대한민국 (시가 따르기로 한 권고)',
    cycle: '주기',
    year: '연도',
    original: '원문',
    originalNote: '아직 번역되지 않아 유엔이 낸 원문 그대로 보여 줍니다.',
    notRecorded: '기록 없음',
    importTitle: '유엔 권고 가져오기',
    importLead:
      '유엔 세계인권색인(Universal Human Rights Index, uhri.ohchr.org)에서 내려받은 파일(CSV 또는 .xlsx)을 그대로 올립니다. 한 행이라도 잘못되면 아무것도 가져오지 않고 잘못된 행과 열을 알려 줍니다. 이미 있는 문서 기호와 단락은 다시 더하지 않습니다.',
    columnsTitle: '읽는 열',
    columnsUhri:
      '색인의 열: Text(원문), Reccomending Body(권고 기구), Document Symbol(문서 기호), Document Publication Date(발행일)는 꼭 있어야 하고, UPR Session과 OHCHR Annotation Id는 있으면 읽습니다. 다른 열은 건너뜁니다.',
    columnsOurs:
      '덧붙일 수 있는 열: Paragraph(단락, 없으면 본문 첫머리의 번호), Mechanism(upr, treaty_body, special_procedure; 없으면 기구 이름에서 정함), Language(원문 언어, 기본 en), Text (ko), Text (en), Addressed To(city 또는 korea, 기본 korea), Departments(부서 코드를 ;로 구분), Cycle.',
    file: '파일 (CSV UTF-8 또는 .xlsx)',
    upload: '가져오기',
    importing: '가져오는 중입니다…',
    imported: '새 권고 {{created}}건을 더했습니다. {{existing}}건은 이미 등록되어 있어 그대로 두었습니다.',
    chooseFile: '파일을 고르세요.',
    seeImported: '공개된 유엔 권고 보기',
    staffList: '권고 관리로',
  },
  en: {
    unTitle: 'UN recommendation',
    mechanism: 'UN mechanism',
    mechanism_upr: 'Universal Periodic Review (UPR)',
    mechanism_treaty_body: 'Treaty body',
    mechanism_special_procedure: 'Special procedure',
    body: 'Recommending body',
    symbol: 'Document symbol',
    paragraph: 'Paragraph',
    addressedTo: 'Addressed to',
    addressedTo_city: 'Gwangju Metropolitan City',
    addressedTo_korea: 'Korea (followed by the city by choice)',
    cycle: 'Cycle',
    year: 'Year',
    original: 'Original text',
    originalNote: 'Not translated yet: shown in the words the UN issued it in.',
    notRecorded: 'Not recorded',
    importTitle: 'Import UN recommendations',
    importLead:
      'Upload the file downloaded from the OHCHR Universal Human Rights Index (uhri.ohchr.org), CSV or .xlsx, as it is. If any row is wrong nothing is imported, and the row and column are named. A document symbol and paragraph already in the register is not added again.',
    columnsTitle: 'Columns read',
    columnsUhri:
      "The Index's columns: Text, Reccomending Body, Document Symbol and Document Publication Date are required; UPR Session and OHCHR Annotation Id are read when present. Other columns are skipped.",
    columnsOurs:
      'Columns you may add: Paragraph (otherwise the number the text starts with), Mechanism (upr, treaty_body, special_procedure; otherwise from the body), Language (of the text, en by default), Text (ko), Text (en), Addressed To (city or korea, korea by default), Departments (department codes separated by ;), Cycle.',
    file: 'File (CSV in UTF-8, or .xlsx)',
    upload: 'Import',
    importing: 'Importing…',
    imported:
      'Added {{created}} new recommendations; {{existing}} were already in the register and were left as they are.',
    chooseFile: 'Choose a file.',
    seeImported: 'See the public UN recommendations',
    staffList: 'Back to recommendations (staff)',
  },
});
