import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, joinItems, splitItems, splitValues } from './cells.ts';
import { columnLetter } from './columns.ts';
import { issueOfProblem } from './problems.ts';

test('cell values are read as text whatever the spreadsheet program stored', () => {
  assert.equal(cellText({ richText: [{ text: '营业' }, { text: '执照' }] }), '营业执照');
  assert.equal(cellText({ formula: 'A1+1', result: 3 }), '3');
  assert.equal(cellText('  第一行\r\n第二行 '), '第一行\n第二行');
  assert.equal(cellText(null), '');
});

test('multi-item cells: one item per line, the last field keeps its separators', () => {
  const text = joinItems([
    ['工本费', '20', '每证', '依据甲|依据乙'],
    ['加急|费', '0', '说明\n两行', '依据'],
  ]);
  assert.equal(text, '工本费|20|每证|依据甲|依据乙\n加急｜费|0|说明 两行|依据');
  assert.deepEqual(splitItems(text, 4), [
    ['工本费', '20', '每证', '依据甲|依据乙'],
    ['加急｜费', '0', '说明 两行', '依据'],
  ]);
  assert.deepEqual(splitItems('只有一段', 3), [['只有一段']]);
  assert.deepEqual(splitValues('网上办理、窗口办理，自助终端;\n移动端'), [
    '网上办理',
    '窗口办理',
    '自助终端',
    '移动端',
  ]);
});

test('columns are named by letter as a spreadsheet shows them', () => {
  assert.deepEqual([1, 26, 27, 30].map(columnLetter), ['A', 'Z', 'AA', 'AD']);
});

test('a problem of a document is placed in the sheet, row and column to correct', () => {
  const places = { row: 7, materialRows: [12, 13], materialKeys: ['form', 'licence'] };
  const at = (field: string) => issueOfProblem({ field, problem: '有误', problemEn: '' }, places);
  assert.deepEqual(at('document.materials[key=licence].certificateType'), {
    sheet: '申请材料',
    row: 13,
    column: 'J 证照类型',
    problem: '有误',
  });
  assert.equal(at('document.materials[0].name').row, 12);
  assert.equal(at('document.promisedLimit').column, 'N 承诺时限');
  assert.equal(at('document.promisedLimit.unit').column, 'O 时限单位');
  assert.equal(at('document.result.name').column, 'AA 结果名称');
  assert.deepEqual(at('document.steps[1].role'), {
    sheet: '实施清单',
    row: 7,
    column: 'V 办理流程',
    problem: '第 2 项：有误',
  });
  assert.equal(at('basicMatter.legalBasis[0].name').column, 'E 设定依据');
  assert.equal(at('organisationId').column, 'G 实施机构');
});
