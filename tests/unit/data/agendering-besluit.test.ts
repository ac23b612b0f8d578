import { describe, expect, it } from 'vitest';
import { agenderingBesluit } from '../../../src/data/besluiten-store.js';

describe('agenderingBesluit: the CMT tick’s decision as a decision-log entry', () => {
  const base = {
    agenderingId: '14',
    vergadering: 'cmt|2026-11-24T08:00:00Z',
    mtId: '1',
    actieId: '7',
    op: '2026-11-24T09:10:00Z',
  };

  it('no decision, no entry (a tick alone is on the escalation only)', () => {
    expect(agenderingBesluit({ ...base, besluit: undefined })).toBeUndefined();
    expect(agenderingBesluit({ ...base, besluit: '   ' })).toBeUndefined();
  });

  it('the decision for the CMT’s meeting, on the escalated action, discussed, keyed by the escalation (lands once)', () => {
    expect(
      agenderingBesluit({
        ...base,
        besluit: ' Roadmap in januari vaststellen ',
        doorId: '11',
        doorNaam: 'Gemeentesecretaris',
      }),
    ).toEqual({
      besluit: {
        tekst: 'Roadmap in januari vaststellen',
        vergadering: base.vergadering,
        mtId: '1',
        actieId: '7',
        besproken: true,
        doorId: '11',
        op: base.op,
      },
      clientKey: 'agendering-besluit:14',
    });
    // Someone the site does not know is named as text, like a decision from the card.
    expect(agenderingBesluit({ ...base, besluit: 'Besluit', doorNaam: 'Gast' })?.besluit).toMatchObject({
      doorNaam: 'Gast',
    });
    expect(agenderingBesluit({ ...base, besluit: 'Besluit', doorNaam: 'Gast' })?.besluit).not.toHaveProperty('doorId');
  });
});
