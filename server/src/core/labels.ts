/** Display names of the element kinds and document kinds, Chinese first. */
import { ELEMENTS } from './elements';
import type { DocumentKind, ElementKind } from './model';
import type { Localized } from './vocabulary';

/** The name of each element (core/elements.ts). */
export const ELEMENT_LABEL: Readonly<Record<ElementKind, Localized>> = Object.fromEntries(ELEMENTS.map((e) => [e.kind, e.label])) as Record<ElementKind, Localized>;

export const KIND_NAME: Record<DocumentKind, Localized> = {
  'proposal-reply': { zh: '提案答复', en: 'proposal reply' },
  'suggestion-reply': { zh: '建议答复', en: 'suggestion reply' },
  'co-handling-opinion': { zh: '协办意见', en: 'co-handling opinion' },
  'rectification-report': { zh: '整改情况报告', en: 'rectification report' },
};
