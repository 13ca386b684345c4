/**
 * The batch view's pure helpers on the client side: the report format a chosen file asks for, the
 * default report name, and the order in which register entries are offered for a new reply.
 */
import * as assert from 'node:assert/strict';
import { defaultReportName, entryChoices, reportFormatOf } from '../../client/src/batchItems';
import type { BatchItem, BatchResult } from '../../server/src/protocol';

function item(entryKey: string | undefined, state: BatchItem['state'], overdue = false, replyUri?: string): BatchItem {
  return {
    ...(entryKey !== undefined ? { entryKey } : {}), label: `第${entryKey ?? '?'}号`, description: '', state, overdue, duplicate: false,
    ...(replyUri ? { replyUri } : {}), errors: 0, warnings: 0,
  };
}

describe('batch view helpers (client)', () => {
  it('takes the report format from the chosen file name, HTML by default', () => {
    assert.equal(reportFormatOf('/w/报告.html'), 'html');
    assert.equal(reportFormatOf('/w/报告.HTM'), 'html');
    assert.equal(reportFormatOf('/w/报告.md'), 'md');
    assert.equal(reportFormatOf('/w/报告.markdown'), 'md');
    assert.equal(reportFormatOf('/w/报告.CSV'), 'csv');
    assert.equal(reportFormatOf('/w/报告.json'), 'json');
    assert.equal(reportFormatOf('/w/报告'), 'html');
  });

  it('names the report after the day', () => {
    assert.equal(defaultReportName(new Date(2025, 4, 8)), '办理情况报告-2025-05-08.html');
  });

  it('offers entries without a reply first, overdue before the rest, each entry once, never a reply outside the register', () => {
    const result: BatchResult = {
      batches: [{
        projectFile: 'file:///w/.proposal-reply.json', label: 'w', groups: [
          { state: 'missing', label: '', count: 2, overdue: 1, items: [item('1', 'missing'), item('2', 'missing', true)] },
          { state: 'errors', label: '', count: 1, overdue: 0, items: [item('3', 'errors', true, 'file:///w/3.reply')] },
          { state: 'warnings', label: '', count: 3, overdue: 0, items: [item('3', 'warnings', false, 'file:///w/3b.reply'), item(undefined, 'warnings', false, 'file:///w/x.reply')] },
          { state: 'complete', label: '', count: 1, overdue: 0, items: [item('4', 'complete', false, 'file:///w/4.reply')] },
        ],
      }],
    };
    assert.deepEqual(entryChoices(result).map((c) => c.item.entryKey), ['2', '1', '3', '4']);
    assert.deepEqual(entryChoices({ batches: [] }), []);
  });
});
