/** Display names of the element kinds and document kinds, Chinese first. */
import type { DocumentKind, ElementKind } from './model';
import type { Localized } from './vocabulary';

export const ELEMENT_LABEL: Record<ElementKind, Localized> = {
  docNumber: { zh: '发文字号', en: 'document number' },
  title: { zh: '标题', en: 'title' },
  category: { zh: '答复类别', en: 'category' },
  addressee: { zh: '主送', en: 'addressee' },
  receipt: { zh: '收文说明', en: 'receipt line' },
  opening: { zh: '开头', en: 'opening' },
  measure: { zh: '措施', en: 'measure' },
  nextSteps: { zh: '下一步', en: 'next steps' },
  closing: { zh: '结束语', en: 'closing' },
  signature: { zh: '署名', en: 'signature' },
  date: { zh: '成文日期', en: 'date' },
  contact: { zh: '联系人', en: 'contact' },
  annotation: { zh: '附注', en: 'annotation' },
  copyTo: { zh: '抄送', en: 'copy to' },
};

export const KIND_NAME: Record<DocumentKind, Localized> = {
  'proposal-reply': { zh: '提案答复', en: 'proposal reply' },
  'suggestion-reply': { zh: '建议答复', en: 'suggestion reply' },
  'co-handling-opinion': { zh: '协办意见', en: 'co-handling opinion' },
  'rectification-report': { zh: '整改情况报告', en: 'rectification report' },
};
