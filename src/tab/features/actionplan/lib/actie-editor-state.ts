/**
 * The detail form's state and its save machine as a pure reducer: what is typed, what is shown as touched or
 * submitted, the save in flight, the last message, a conflict to merge and whether the local draft could be kept.
 * The hook (`useActieEditor`) does the I/O (the write, the draft store) and dispatches what happened; messages
 * arrive already in the UI's language, so the reducer knows no catalogue.
 */
import type { Actie } from '../../../../domain/model.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { toForm, type ActieForm, type FormField } from './actie-form.js';

export type EditorMessage = { intent: 'success' | 'error' | 'warning' | 'info'; title: string; text?: string };

export type ActieEditorState = {
  /** The stored version the form edits (and a save sends its eTag for). */
  base: Loaded<Actie>;
  form: ActieForm;
  /** The form came from a local draft, not from the store. */
  restored: boolean;
  touched: ReadonlySet<FormField>;
  /** A save was tried: every field's problem shows, not only the touched ones'. */
  submitted: boolean;
  saving: boolean;
  message: EditorMessage | undefined;
  /** Someone else saved since `base` was read: their version, to merge with the form. */
  conflict: { theirs: Loaded<Actie> } | undefined;
  /** The browser refused to keep the draft (storage full or blocked). */
  draftBlocked: boolean;
};

export type ActieEditorEvent =
  /** A field typed or chosen. */
  | { type: 'edit'; field: FormField; value: ActieForm[FormField] }
  /** A newer stored version to show (nothing typed), or the draft discarded in favour of the stored one. */
  | { type: 'showStored'; stored: Loaded<Actie>; discardDraft?: boolean }
  | { type: 'draftKept'; ok: boolean }
  | { type: 'submitted' }
  /** Save asked with nothing to change. */
  | { type: 'noChanges'; message: EditorMessage }
  | { type: 'saveStarted' }
  | { type: 'saved'; item: Loaded<Actie>; message: EditorMessage }
  /** The store refused the values: every field's problem shows. */
  | { type: 'invalid'; message: EditorMessage }
  /** 412 with their version: keep what was sent over the version it was sent for, and merge. */
  | { type: 'conflict'; target: Loaded<Actie>; values: ActieForm; theirs: Loaded<Actie> }
  /** Deleted meanwhile or failed to write: the form (and its draft) stay. */
  | { type: 'saveFailed'; message: EditorMessage }
  | { type: 'undo' }
  /** The merge is chosen: it is the form over their version (and is saved next). */
  | { type: 'mergeChosen'; merged: ActieForm }
  | { type: 'tookTheirs'; message: EditorMessage };

/** The editor's first state: a restored draft when there is one, otherwise the stored action. */
export function initialEditorState(
  stored: Loaded<Actie>,
  draft: { base: Loaded<Actie>; form: ActieForm } | undefined,
): ActieEditorState {
  return {
    base: draft?.base ?? stored,
    form: draft?.form ?? toForm(stored.value),
    restored: !!draft,
    touched: new Set(),
    submitted: false,
    saving: false,
    message: undefined,
    conflict: undefined,
    draftBlocked: false,
  };
}

/** The editor's transitions. Pure: no I/O, no clock. */
export function actieEditorReducer(state: ActieEditorState, event: ActieEditorEvent): ActieEditorState {
  switch (event.type) {
    case 'edit':
      return {
        ...state,
        form: { ...state.form, [event.field]: event.value },
        touched: new Set(state.touched).add(event.field),
      };
    case 'showStored':
      return {
        ...state,
        base: event.stored,
        form: toForm(event.stored.value),
        restored: event.discardDraft ? false : state.restored,
      };
    case 'draftKept':
      return state.draftBlocked === !event.ok ? state : { ...state, draftBlocked: !event.ok };
    case 'submitted':
      return { ...state, submitted: true };
    case 'noChanges':
      return { ...state, message: event.message };
    case 'saveStarted':
      return { ...state, saving: true, message: undefined };
    case 'saved':
      return {
        ...state,
        saving: false,
        base: event.item,
        form: toForm(event.item.value),
        conflict: undefined,
        touched: new Set(),
        submitted: false,
        message: event.message,
      };
    case 'invalid':
      return { ...state, saving: false, submitted: true, message: event.message };
    case 'conflict':
      return { ...state, saving: false, base: event.target, form: event.values, conflict: { theirs: event.theirs } };
    case 'saveFailed':
      return { ...state, saving: false, message: event.message };
    case 'undo':
      return { ...state, form: toForm(state.base.value), touched: new Set(), submitted: false, message: undefined };
    case 'mergeChosen':
      if (!state.conflict) return state;
      return { ...state, conflict: undefined, base: state.conflict.theirs, form: event.merged };
    case 'tookTheirs':
      if (!state.conflict) return state;
      return {
        ...state,
        base: state.conflict.theirs,
        form: toForm(state.conflict.theirs.value),
        conflict: undefined,
        message: event.message,
      };
  }
}
