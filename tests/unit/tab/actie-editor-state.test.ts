import { describe, expect, it } from 'vitest';
import type { Actie } from '../../../src/domain/model.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import { toForm } from '../../../src/tab/features/actionplan/lib/actie-form.js';
import {
  actieEditorReducer,
  initialEditorState,
  type ActieEditorEvent,
  type ActieEditorState,
  type EditorMessage,
} from '../../../src/tab/features/actionplan/lib/actie-editor-state.js';
import { seededPlan } from './fixtures.js';

const plan = seededPlan();
const stored = plan.acties.find((a) => a.value.nummer === '6.1') as Loaded<Actie>;
/** The same action as saved by someone else: a new eTag and another title. */
const theirs: Loaded<Actie> = { ...stored, eTag: '"x,2"', value: { ...stored.value, titel: 'Hun titel' } };
const info: EditorMessage = { intent: 'info', title: 'i' };
const error: EditorMessage = { intent: 'error', title: 'e', text: 'waarom' };

const run = (state: ActieEditorState, ...events: ActieEditorEvent[]) => events.reduce(actieEditorReducer, state);
const fresh = () => initialEditorState(stored, undefined);

describe('the action editor reducer', () => {
  it('starts from the stored action, or from a restored draft', () => {
    const s = fresh();
    expect(s.base).toBe(stored);
    expect(s.form).toEqual(toForm(stored.value));
    expect(s.restored).toBe(false);
    const draftForm = { ...toForm(stored.value), titel: 'Concept' };
    const r = initialEditorState(theirs, { base: stored, form: draftForm });
    expect(r.base).toBe(stored);
    expect(r.form.titel).toBe('Concept');
    expect(r.restored).toBe(true);
  });

  it('an edit changes one field and marks it touched', () => {
    const s = run(fresh(), { type: 'edit', field: 'titel', value: 'Nieuw' });
    expect(s.form.titel).toBe('Nieuw');
    expect(s.form.planning).toBe(toForm(stored.value).planning);
    expect([...s.touched]).toEqual(['titel']);
  });

  it('a save: started clears the message and sets saving; saved takes the new version and resets the form', () => {
    const edited = run(fresh(), { type: 'edit', field: 'titel', value: 'Nieuw' }, { type: 'submitted' });
    const started = run({ ...edited, message: error }, { type: 'saveStarted' });
    expect(started.saving).toBe(true);
    expect(started.message).toBeUndefined();
    const newer: Loaded<Actie> = { ...stored, eTag: '"x,3"', value: { ...stored.value, titel: 'Nieuw' } };
    const saved = run(started, { type: 'saved', item: newer, message: info });
    expect(saved).toMatchObject({ saving: false, base: newer, submitted: false, message: info, conflict: undefined });
    expect(saved.form.titel).toBe('Nieuw');
    expect(saved.touched.size).toBe(0);
  });

  it('a refused save shows every problem; a failed one keeps the form', () => {
    const edited = run(fresh(), { type: 'edit', field: 'titel', value: '' }, { type: 'saveStarted' });
    const invalid = run(edited, { type: 'invalid', message: error });
    expect(invalid).toMatchObject({ saving: false, submitted: true, message: error });
    const failed = run(edited, { type: 'saveFailed', message: error });
    expect(failed).toMatchObject({ saving: false, submitted: false, message: error });
    expect(failed.form.titel).toBe('');
  });

  it('a conflict keeps what was sent over the version it was sent for; merging saves over theirs', () => {
    const mine = { ...toForm(stored.value), titel: 'Mijn titel' };
    const conflicted = run(
      fresh(),
      { type: 'saveStarted' },
      { type: 'conflict', target: stored, values: mine, theirs },
    );
    expect(conflicted).toMatchObject({ saving: false, base: stored, form: mine, conflict: { theirs } });
    const merged = { ...mine, planning: 'Q3' };
    const chosen = run(conflicted, { type: 'mergeChosen', merged });
    expect(chosen).toMatchObject({ base: theirs, form: merged, conflict: undefined });
  });

  it('taking theirs shows their version and ends the conflict; without a conflict it does nothing', () => {
    const mine = { ...toForm(stored.value), titel: 'Mijn titel' };
    const conflicted = run(fresh(), { type: 'conflict', target: stored, values: mine, theirs });
    const took = run(conflicted, { type: 'tookTheirs', message: info });
    expect(took).toMatchObject({ base: theirs, conflict: undefined, message: info });
    expect(took.form.titel).toBe('Hun titel');
    const s = fresh();
    expect(run(s, { type: 'tookTheirs', message: info })).toBe(s);
    expect(run(s, { type: 'mergeChosen', merged: mine })).toBe(s);
  });

  it('undo puts the form back to its version and forgets touched, submitted and the message', () => {
    const edited = run(
      fresh(),
      { type: 'edit', field: 'titel', value: 'Nieuw' },
      { type: 'submitted' },
      { type: 'noChanges', message: info },
    );
    const undone = run(edited, { type: 'undo' });
    expect(undone.form).toEqual(toForm(stored.value));
    expect(undone).toMatchObject({ submitted: false, message: undefined });
    expect(undone.touched.size).toBe(0);
  });

  it('a newer stored version replaces the form; discarding the draft also ends the restored notice', () => {
    const restored = initialEditorState(stored, { base: stored, form: { ...toForm(stored.value), titel: 'C' } });
    const shown = run(restored, { type: 'showStored', stored: theirs });
    expect(shown).toMatchObject({ base: theirs, restored: true });
    expect(shown.form.titel).toBe('Hun titel');
    expect(run(restored, { type: 'showStored', stored: theirs, discardDraft: true }).restored).toBe(false);
  });

  it('a draft the browser refuses to keep is flagged, and cleared once it is kept again', () => {
    const s = fresh();
    expect(run(s, { type: 'draftKept', ok: true })).toBe(s);
    const blocked = run(s, { type: 'draftKept', ok: false });
    expect(blocked.draftBlocked).toBe(true);
    expect(run(blocked, { type: 'draftKept', ok: true }).draftBlocked).toBe(false);
  });
});
