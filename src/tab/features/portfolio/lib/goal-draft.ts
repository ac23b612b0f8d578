/**
 * What someone typed in a quarter goal's form (a new goal, or a goal's change), kept in localStorage per person,
 * initiative and goal until it is saved or cancelled: closing the detail panel (Esc, the close button, another
 * initiative) or a reload no longer throws it away. A change remembers the version it was typed against (`base`,
 * with its eTag), so saving it later against a goal someone changed meanwhile is a conflict, never an overwrite.
 */
import { BEHAALD_VALUES, type Behaald, type Kwartaaldoel } from '../../../../domain/model.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { changedOnBothSides, rebaseDraft } from '../../../lib/rebase-draft.js';
import { keysWithPrefix, readJson, removeKey, writeJson } from '../../../lib/storage.js';

export type GoalForm = { kwartaal: string; doel: string; behaald: Behaald | ''; reden: string };

/** A new goal's draft has no base; a change's has the goal as it was when the form opened. */
export type GoalDraft = { form: GoalForm; base?: Loaded<Kwartaaldoel> };

/** The goal a draft belongs to: a stored goal's id, or the initiative's new goal. */
export type GoalDraftTarget = { portfolioKey: string; goalId: string | 'nieuw' };

const PREFIX = 'portfolio.doelconcept.v1';

export function goalDraftKey(userKey: string, target: GoalDraftTarget): string {
  return `${PREFIX}|${userKey.toLowerCase()}|${target.portfolioKey}|${target.goalId}`;
}

export function goalForm(doel: Kwartaaldoel): GoalForm {
  return { kwartaal: doel.kwartaal, doel: doel.doel, behaald: doel.behaald ?? '', reden: doel.reden ?? '' };
}

function isBehaald(value: unknown): value is Behaald | '' {
  return value === '' || (BEHAALD_VALUES as readonly unknown[]).includes(value);
}

/** A goal as a draft's base holds it: its text and quarter as text, its outcome one of the domain's or none. */
function isGoal(value: unknown): value is Kwartaaldoel {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof Kwartaaldoel, unknown>>;
  return (
    typeof v.portfolioKey === 'string' &&
    typeof v.kwartaal === 'string' &&
    typeof v.doel === 'string' &&
    (v.behaald === undefined || (isBehaald(v.behaald) && v.behaald !== '')) &&
    (v.reden === undefined || typeof v.reden === 'string')
  );
}

/** A stored draft when it still is one (another version's or a damaged value is no draft). */
export function parseGoalDraft(raw: unknown): GoalDraft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { form, base } = raw as { form?: Partial<GoalForm>; base?: Partial<Loaded<Kwartaaldoel>> };
  if (typeof form !== 'object' || form === null) return undefined;
  if (typeof form.kwartaal !== 'string' || typeof form.doel !== 'string' || typeof form.reden !== 'string')
    return undefined;
  if (!isBehaald(form.behaald)) return undefined;
  const parsed: GoalDraft = {
    form: { kwartaal: form.kwartaal, doel: form.doel, behaald: form.behaald, reden: form.reden },
  };
  if (base === undefined) return parsed;
  if (
    typeof base !== 'object' ||
    base === null ||
    typeof base.id !== 'string' ||
    typeof base.eTag !== 'string' ||
    !isGoal(base.value)
  )
    return undefined;
  return { ...parsed, base: { id: base.id, eTag: base.eTag, value: base.value, problems: [] } };
}

export const loadGoalDraft = (userKey: string, target: GoalDraftTarget) =>
  readJson(goalDraftKey(userKey, target), parseGoalDraft);
/** False when the browser refuses to keep it (blocked or full storage): the form says a reload would lose it. */
export const saveGoalDraft = (userKey: string, target: GoalDraftTarget, draft: GoalDraft) =>
  writeJson(goalDraftKey(userKey, target), draft);
export const clearGoalDraft = (userKey: string, target: GoalDraftTarget) => removeKey(goalDraftKey(userKey, target));

/** The ids of the goals of `portfolioKey` this person has a draft for (not the new goal's). */
export function goalDraftIds(userKey: string, portfolioKey: string): string[] {
  const prefix = goalDraftKey(userKey, { portfolioKey, goalId: '' });
  return keysWithPrefix(prefix)
    .map((key) => key.slice(prefix.length))
    .filter((id) => id !== '' && id !== 'nieuw');
}

/**
 * A goal's form moved from the version it was typed against onto a newer one (someone else's): a field this person
 * did not change takes the newer value, a changed one keeps theirs; `both` names the fields both changed, each to
 * another value, for the form to say.
 */
export function rebaseGoalForm(
  form: GoalForm,
  from: Kwartaaldoel,
  onto: Kwartaaldoel,
): { form: GoalForm; both: (keyof GoalForm)[] } {
  const was = goalForm(from);
  const now = goalForm(onto);
  return { form: rebaseDraft(form, was, now), both: changedOnBothSides(form, was, now) };
}
