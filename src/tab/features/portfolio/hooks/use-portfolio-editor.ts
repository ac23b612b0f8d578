/**
 * The portfolio detail's editor: the form over the stored initiative, its local draft, the validation shown per
 * field, saving with If-Match and the choice after a conflict (apply mine onto theirs, or take theirs). The detail
 * (`PortfolioDetail`) only renders what this hook holds.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { PortfolioItem } from '../../../../domain/model.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { PortfolioConflictError, PortfolioValidationError } from '../../../../data/portfolio-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import type { PortfolioState } from '../api/use-portfolio.js';
import {
  clearDraft,
  fieldOfPath,
  formToChange,
  loadDraft,
  saveDraft,
  toForm,
  type FormField,
  type PortfolioForm,
} from '../lib/portfolio-form.js';
import { rebaseDraft } from '../../../lib/rebase-draft.js';
import { usePortfolioT } from './use-portfolio-t.js';

/** Someone else saved first (412): their version, or none when the item was deleted. */
export type PortfolioConflict = { theirs: Loaded<PortfolioItem> | undefined };

export type PortfolioMessage = { intent: 'success' | 'error' | 'info'; text: string };

/** What the detail shows and does, for the initiative `id`; `item` is undefined when it is not (or no longer) there. */
export type PortfolioEditor = {
  item: Loaded<PortfolioItem> | undefined;
  users: NonNullable<PortfolioState['data']>['users'];
  editing: boolean;
  /** The version the form was started from (If-Match). */
  base: Loaded<PortfolioItem> | undefined;
  form: PortfolioForm | undefined;
  issues: Partial<Record<FormField, string>>;
  message: PortfolioMessage | undefined;
  conflict: PortfolioConflict | undefined;
  busy: boolean;
  /** The browser refused to keep the draft (storage blocked or full): a reload would lose the typed text. */
  draftBlocked: boolean;
  startEditing(): void;
  /** One field changed: the form and its draft (kept per person and item until saved or cancelled). */
  update(field: FormField, value: string): void;
  submit(e: FormEvent): void;
  /** After a conflict: my changes onto their version. */
  applyMine(): void;
  /** After a conflict: their version, my changes dropped. */
  takeTheirs(): void;
  cancel(): void;
};

/** The editor of one initiative of `portfolio`. */
export function usePortfolioEditor(id: string, portfolio: PortfolioState): PortfolioEditor {
  const t = usePortfolioT();
  const say = useDomainText();
  const { userKey } = usePlanContext();
  const item = portfolio.data?.items.find((i) => i.id === id);
  const users = portfolio.data?.users ?? [];
  const draft = useMemo(() => loadDraft(userKey, id), [userKey, id]);
  const [editing, setEditing] = useState(draft !== undefined);
  const [base, setBase] = useState<Loaded<PortfolioItem> | undefined>(draft?.base ?? item);
  const [form, setForm] = useState<PortfolioForm | undefined>(draft?.form ?? (item ? toForm(item.value) : undefined));
  const [issues, setIssues] = useState<Partial<Record<FormField, string>>>({});
  const [message, setMessage] = useState<PortfolioMessage | undefined>(
    draft ? { intent: 'info', text: t('pf.detail.draftRestored') } : undefined,
  );
  const [conflict, setConflict] = useState<PortfolioConflict | undefined>();
  // The form as last rendered, for a save's answer that comes after more typing.
  const latestForm = useRef(form);
  useEffect(() => {
    latestForm.current = form;
  });
  const [busy, setBusy] = useState(false);
  const [draftBlocked, setDraftBlocked] = useState(false);

  // Not editing: the form follows the stored item (a save elsewhere, a refetch).
  useEffect(() => {
    if (!editing && item) {
      setBase(item);
      setForm(toForm(item.value));
    }
  }, [item, editing]);

  const update = (field: FormField, value: string) => {
    if (!form || !base) return;
    const next = { ...form, [field]: value };
    setForm(next);
    setDraftBlocked(!saveDraft(userKey, { itemId: id, base, form: next, savedAt: new Date().toISOString() }));
  };

  // The editing ends on `stored`: the form shows it, the next edit starts from its eTag, the draft is gone.
  const settle = (stored: Loaded<PortfolioItem>, said: PortfolioMessage) => {
    clearDraft(userKey, id);
    setDraftBlocked(false);
    setConflict(undefined);
    setEditing(false);
    setIssues({});
    setBase(stored);
    setForm(toForm(stored.value));
    setMessage(said);
  };
  const save = async (onto: Loaded<PortfolioItem>) => {
    if (!form) return;
    const change = formToChange(onto.value, form, users);
    // Nothing changed: nothing written (a save would make a new version, in the history and for anyone editing it).
    if (Object.keys(change).length === 0) {
      // After a conflict ("apply mine" onto their version, which holds all of it already) their version is the stored
      // one now.
      if (onto !== base) portfolio.replaceItem(onto);
      settle(onto, { intent: 'info', text: t('pf.detail.noChanges') });
      return;
    }
    setBusy(true);
    setIssues({});
    setMessage(undefined);
    try {
      const store = await portfolio.store();
      const saved = await store.update(onto, change);
      portfolio.replaceItem(saved);
      settle(saved, { intent: 'success', text: t('pf.detail.saved') });
    } catch (error) {
      if (error instanceof PortfolioValidationError) {
        const byField: Partial<Record<FormField, string>> = {};
        for (const issue of error.issues) {
          const f = fieldOfPath(issue.path) ?? 'titel';
          byField[f] ??= say(issue.message);
        }
        setIssues(byField);
        setMessage({ intent: 'error', text: t('pf.detail.invalid') });
      } else if (error instanceof PortfolioConflictError) {
        const theirs = error.theirs as Loaded<PortfolioItem> | undefined;
        setConflict({ theirs });
        // The form onto their version: what this person changed stays, a field they did not touch shows the other's
        // value, so "apply mine" writes only this person's changes (before, every untouched field's old value went
        // over the other's change, with their eTag: a silent overwrite).
        // The latest form (typing may have gone on while the save was under way), kept as a draft on their version.
        if (theirs) {
          const rebased = rebaseDraft(latestForm.current ?? form, toForm(onto.value), toForm(theirs.value));
          setForm(rebased);
          saveDraft(userKey, { itemId: id, base: theirs, form: rebased, savedAt: new Date().toISOString() });
        }
      } else {
        setMessage({
          intent: 'error',
          text: t('pf.detail.saveFailed', { detail: error instanceof Error ? error.message : String(error) }),
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return {
    item,
    users,
    editing,
    base,
    form,
    issues,
    message,
    conflict,
    busy,
    draftBlocked,
    startEditing: () => {
      setMessage(undefined);
      setDraftBlocked(false);
      setEditing(true);
    },
    update,
    submit: (e) => {
      e.preventDefault();
      // The save button stays focusable while a save runs (so the focus is not lost to the page): one save at a time.
      if (base && !busy) void save(base);
    },
    applyMine: () => {
      if (conflict?.theirs) void save(conflict.theirs);
    },
    takeTheirs: () => {
      if (conflict?.theirs) portfolio.replaceItem(conflict.theirs);
      clearDraft(userKey, id);
      setDraftBlocked(false);
      setConflict(undefined);
      setEditing(false);
      portfolio.invalidate();
    },
    cancel: () => {
      clearDraft(userKey, id);
      setDraftBlocked(false);
      setEditing(false);
      setIssues({});
      setConflict(undefined);
      setMessage(undefined);
      if (item) {
        setBase(item);
        setForm(toForm(item.value));
      }
    },
  };
}
