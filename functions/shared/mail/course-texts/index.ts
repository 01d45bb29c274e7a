import type { ShippedLocale } from '../../i18n/locales.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';
import { ru } from './ru.ts';
import { tr } from './tr.ts';
import type { CourseMailTexts } from './types.ts';
import { uk } from './uk.ts';

export type { CourseMailTexts } from './types.ts';

export const courseMailTexts: Readonly<Record<ShippedLocale, CourseMailTexts>> = {
  de,
  en,
  ar,
  fa,
  uk,
  tr,
  ru,
};
