/**
 * The action detail's editor: the form over the stored action, its local draft, the validation shown per field,
 * saving with If-Match and the merge after a conflict. The transitions are the pure `actieEditorReducer`; this hook
 * adds the I/O (the write, the draft store) and the texts in the UI's language.
 */
import { useEffect, useMemo, useReducer, useRef, type FormEvent, type RefObject } from 'react';
import type { Actie, PersonRef } from '../../../../domain/model.js';
import { validateActie } from '../../../../domain/validation.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { domainMessageText, transitionMessageText } from '../../../lib/domain-message.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { useLocale } from '../../../i18n/i18n.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { describeError } from '../../../lib/errors.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useActieWriter } from '../../../lib/plan/use-actie-writer.js';
import {
  changedFields,
  fieldOfPath,
  formToChange,
  mergedActie,
  type ActieForm,
  type FormField,
} from '../lib/actie-form.js';
import { actieEditorReducer, initialEditorState, type ActieEditorState } from '../lib/actie-editor-state.js';
import { clearDraft, loadDraft, saveDraft } from '../lib/draft-store.js';
import { mergeTexts } from '../edit-i18n.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { assignablePeople } from '../../../../domain/site-user.js';

/**
 * The form's problems per field, in the UI's language (the domain's message keys through the catalogues); plateau
 * and domains checked against the site's set-up.
 */
function validate(
  base: Actie,
  form: ActieForm,
  users: readonly PersonRef[],
  inrichting: Inrichting,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  locale: string,
): Partial<Record<FormField, string>> {
  const change = formToChange(base, form, users, inrichting);
  const merged = mergedActie(base, change);
  const issues: Partial<Record<FormField, string>> = {};
  const result = validateActie(merged, inrichting);
  if (!result.ok) {
    for (const issue of result.issues) {
      const field = fieldOfPath(issue.path);
      if (field && !issues[field]) issues[field] = domainMessageText(issue.message, t, locale);
    }
  }
  if (form.status !== base.status) {
    const refused = transitionMessageText(base.status, form.status, form.statusToelichting, t, locale);
    if (refused) issues[refused.field] ??= refused.text;
  }
  if (form.eigenaarId && !users.some((u) => u.id === form.eigenaarId))
    issues.eigenaarId ??= t('validation.eigenaarOnbekend');
  return issues;
}

export type ActieEditor = ActieEditorState & {
  /** The site's users by name: the owner picker's choices. */
  users: readonly PersonRef[];
  /** The form differs from the version it edits. */
  dirty: boolean;
  /** A field's problem once it was touched or a save was tried. */
  shownIssue: (field: FormField) => string | undefined;
  set: <K extends FormField>(field: K, value: ActieForm[K]) => void;
  formRef: RefObject<HTMLFormElement | null>;
  /** Saves the form, or focuses the first field with a problem. */
  onSubmit: (event: FormEvent) => void;
  undo: () => void;
  /** Drops the restored draft and shows the stored action. */
  discardDraft: () => void;
  /** Saves the merged values over their version. */
  saveMerge: (merged: ActieForm) => void;
  /** Gives up the form for their version. */
  takeTheirs: () => void;
};

/** The editor of one action in the detail panel (`canEdit` false: the draft store is neither read nor written). */
export function useActieEditor(item: Loaded<Actie>, canEdit: boolean): ActieEditor {
  const t = useTextsT(detailTexts, historyTexts);
  const mt = useFeatureT(mergeTexts);
  const locale = useLocale();
  const ctx = usePlanContext();
  const writer = useActieWriter();
  const users = useMemo(() => assignablePeople(ctx.plan?.users ?? []), [ctx.plan]);
  const stored = ctx.storedActie(item.id) ?? item;
  const inrichting = ctx.plan?.inrichting ?? ZOETERMEER_INRICHTING;

  const initialDraft = useMemo(
    () => (canEdit ? loadDraft(ctx.userKey, item.id, inrichting) : undefined),
    [ctx.userKey, item.id, canEdit, inrichting],
  );
  const [state, dispatch] = useReducer(actieEditorReducer, undefined, () => initialEditorState(stored, initialDraft));
  const { base, form, conflict } = state;
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = changedFields(base.value, form).length > 0;

  // A newer version arrived (refresh, another tab) while nothing is typed: show it.
  useEffect(() => {
    if (!dirty && !conflict && stored.eTag !== base.eTag) dispatch({ type: 'showStored', stored });
  }, [stored, dirty, conflict, base.eTag]);

  // Every keystroke is kept locally until saved: a failed save or a reload loses nothing.
  useEffect(() => {
    if (!canEdit) return;
    if (dirty)
      dispatch({
        type: 'draftKept',
        ok: saveDraft(ctx.userKey, { itemId: item.id, base, form, savedAt: new Date().toISOString() }),
      });
    else if (!conflict) clearDraft(ctx.userKey, item.id);
  }, [form, base, dirty, canEdit, conflict, ctx.userKey, item.id]);

  const issues = useMemo(
    () => validate(base.value, form, users, inrichting, t, locale),
    [base.value, form, users, inrichting, t, locale],
  );
  const shownIssue = (field: FormField) => (state.submitted || state.touched.has(field) ? issues[field] : undefined);
  const set = <K extends FormField>(field: K, value: ActieForm[K]) => dispatch({ type: 'edit', field, value });

  async function save(target: Loaded<Actie>, values: ActieForm) {
    const change = formToChange(target.value, values, users, inrichting);
    if (Object.keys(change).length === 0) {
      dispatch({ type: 'noChanges', message: { intent: 'info', title: t('detail.noChanges') } });
      return;
    }
    dispatch({ type: 'saveStarted' });
    const outcome = await writer.saveOver(target, change);
    switch (outcome.kind) {
      case 'saved':
        clearDraft(ctx.userKey, item.id);
        dispatch({ type: 'saved', item: outcome.item, message: { intent: 'success', title: t('detail.saved') } });
        break;
      case 'invalid':
        dispatch({
          type: 'invalid',
          message: {
            intent: 'error',
            title: t('detail.invalidTitle'),
            text: outcome.issues.map((i) => domainMessageText(i.message, t, locale)).join(' '),
          },
        });
        break;
      case 'conflict':
        if (outcome.theirs) dispatch({ type: 'conflict', target, values, theirs: outcome.theirs });
        else
          dispatch({
            type: 'saveFailed',
            message: { intent: 'error', title: t('detail.deletedTitle'), text: t('detail.deleted') },
          });
        break;
      case 'failed': {
        const d = describeError(outcome.error);
        dispatch({
          type: 'saveFailed',
          message: {
            intent: 'error',
            title: t('detail.saveFailedTitle'),
            text: `${t(d.key, { detail: d.detail ?? '' })} ${t('detail.keptAsDraft')}`,
          },
        });
        break;
      }
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    dispatch({ type: 'submitted' });
    const firstInvalid = (Object.keys(issues) as FormField[])[0];
    if (firstInvalid) {
      formRef.current
        ?.querySelector<HTMLElement>(
          `[data-field="${firstInvalid}"] input, [data-field="${firstInvalid}"] textarea, [data-field="${firstInvalid}"] select, [data-field="${firstInvalid}"] button`,
        )
        ?.focus();
      return;
    }
    void save(base, form);
  }

  return {
    ...state,
    users,
    dirty,
    shownIssue,
    set,
    formRef,
    onSubmit,
    undo: () => dispatch({ type: 'undo' }),
    discardDraft: () => {
      clearDraft(ctx.userKey, item.id);
      dispatch({ type: 'showStored', stored, discardDraft: true });
    },
    saveMerge: (merged) => {
      if (!conflict) return;
      const theirs = conflict.theirs;
      dispatch({ type: 'mergeChosen', merged });
      void save(theirs, merged);
    },
    takeTheirs: () => {
      clearDraft(ctx.userKey, item.id);
      dispatch({ type: 'tookTheirs', message: { intent: 'info', title: mt('tookTheirs') } });
    },
  };
}
