import type { Bilingual } from '../../shared/language.ts';

export const messages: Record<string, Bilingual> = {
  file_type_refused: {
    ko: 'PDF, PNG, JPEG, WebP 파일만 올릴 수 있습니다.',
    en: 'Only PDF, PNG, JPEG and WebP files can be uploaded.',
  },
  file_too_large: {
    ko: '파일은 {megabytes}MB 이하여야 하고 비어 있으면 안 됩니다.',
    en: 'A file must not be empty and must be at most {megabytes} MB.',
  },
};
