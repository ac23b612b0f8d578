import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  await sandbox?.close();
});

describe('reading lists that people also edit in SharePoint', () => {
  it('loads every item and reports, per item, a status someone added in SharePoint, an extra column and a deleted finding', async () => {
    const graph = sandbox.graph();
    const list = `/sites/${siteId}/lists/Acties`;
    // Someone extends the Status choices in SharePoint and uses the new value.
    const columns = await graph.getAll<{ id: string; name: string; choice?: { choices: string[] } }>(`${list}/columns`);
    const status = columns.find((c) => c.name === 'Status')!;
    await graph.patch(`${list}/columns/${status.id}`, {
      choice: { ...status.choice, choices: [...(status.choice?.choices ?? []), 'On hold'] },
    });
    // ...and adds a column of their own.
    await graph.post(`${list}/columns`, { name: 'Opmerking', text: {} });

    const before = await loadPlanCold(graph, sandbox.siteUrl);
    const a = before.plan.acties.find((x) => x.value.nummer === '6.1')!;
    await graph.patch(`${list}/items/${a.id}/fields`, { Status: 'On hold', Opmerking: 'besproken met IMO' });
    const finding = before.plan.bevindingen.find((x) => x.value.nummer === 5)!;
    await graph.delete(`/sites/${siteId}/lists/Bevindingen/items/${finding.id}`);

    const after = await loadPlanCold(graph, sandbox.siteUrl);
    expect(after.plan.acties).toHaveLength(33);
    const onHold = after.plan.acties.find((x) => x.value.nummer === '6.1')!;
    expect(onHold.problems).toContainEqual({
      field: 'Status',
      message: "Onbekende waarde 'On hold' in Status.",
      domain: { key: 'veldOnbekendeWaarde', params: { veld: 'Status', waarde: 'On hold' } },
      value: 'On hold',
    });
    expect(
      onHold.problems.some(
        (p) => p.message === 'Het gekoppelde item ' + finding.id + ' in Bevindingen bestaat niet meer.',
      ),
    ).toBe(true);
    // Actions that pointed at the deleted finding keep loading, each with the problem reported.
    const linked = after.plan.acties.filter((x) => x.problems.some((p) => p.field === 'Bevindingen'));
    expect(linked.map((x) => x.value.nummer).sort()).toEqual(['1.1', '3.1', '5.1', '6.1', '6.2']);
  });
});
