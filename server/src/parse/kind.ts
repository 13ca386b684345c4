/**
 * Which genre a document is: a reply to a proposal (提案) or a suggestion (建议), a co-handling
 * opinion to the lead unit (协办意见), or a rectification report (整改情况报告).
 */
import type { Addressee, DocumentKind } from '../model';

export interface KindEvidence {
  readonly title: string;
  readonly docNumberOrgan: string;
  readonly receipt: string;
  readonly addressee?: Addressee;
  readonly opening: string;
}

/** Quoted titles name the other party's item, whose wording says nothing about this document. */
function unquoted(s: string): string {
  if (!s.includes('《') && !s.includes('“')) return s;
  return s.replace(/《[^》]*》/g, '').replace(/“[^”]*”/g, '');
}

export function detectKind(e: KindEvidence): DocumentKind {
  const title = unquoted(e.title);
  const receipt = unquoted(e.receipt);
  const opening = unquoted(e.opening);
  const score: Record<DocumentKind, number> = {
    'rectification-report': 0,
    'co-handling-opinion': 0,
    'suggestion-reply': 0,
    'proposal-reply': 0,
  };
  if (/整改/.test(title)) score['rectification-report'] += 3;
  if (/报告$/.test(title)) score['rectification-report'] += 1;
  if (/整改[^。]{0,10}(报告|如下)|报告如下/.test(receipt)) score['rectification-report'] += 3;

  if (/协办|会办/.test(title)) score['co-handling-opinion'] += 3;
  if (/由(我|本)[^,，。]{0,6}(协办|会办)|(协办|会办)(意见|单位)|作为(协办|会办)/.test(receipt + opening)) score['co-handling-opinion'] += 3;

  if (/建议/.test(title)) score['suggestion-reply'] += 2;
  if (/人大|代表/.test(title)) score['suggestion-reply'] += 1;
  if (/第[^,，。]{0,12}号(代表)?建议|代表建议|人大/.test(receipt)) score['suggestion-reply'] += 2;
  if (e.addressee?.role === 'deputy') score['suggestion-reply'] += 3;
  if (/建议|建复/.test(e.docNumberOrgan)) score['suggestion-reply'] += 1;

  if (/提案/.test(title)) score['proposal-reply'] += 2;
  if (/政协/.test(title)) score['proposal-reply'] += 1;
  if (/提案|政协/.test(receipt)) score['proposal-reply'] += 2;
  if (e.addressee?.role === 'member') score['proposal-reply'] += 2;
  if (/提案|提复/.test(e.docNumberOrgan)) score['proposal-reply'] += 2;

  let best: DocumentKind = 'proposal-reply';
  let bestScore = 0;
  for (const k of ['rectification-report', 'co-handling-opinion', 'suggestion-reply', 'proposal-reply'] as const) {
    if (score[k] > bestScore) {
      best = k;
      bestScore = score[k];
    }
  }
  return best;
}
