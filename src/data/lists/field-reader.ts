import { instantToCalendarDate, isValidCalendarDate } from '../../domain/dates.js';
import { inrichtingValues, type Inrichting, type InrichtingValueKind } from '../../domain/inrichting-basis.js';
import { messageText, validationMessages as M, type DomainMessage } from '../../domain/messages.js';
import type { CalendarDate, PersonRef } from '../../domain/model.js';

/**
 * Something wrong with one field of an item as it is stored, e.g. a choice value typed in
 * SharePoint that the app does not know. The item still loads; the problem travels with it.
 */
export type FieldProblem = {
  field: string;
  /** Dutch (the Dutch-only adapters, and a problem cached by a version before `domain`). */
  message: string;
  /** The problem as a message key with its values: the tab says it in the UI's language. */
  domain?: DomainMessage;
  value?: unknown;
};

/** An item read from a list: the domain value, the SharePoint identity, and what was wrong. */
export type Loaded<T> = {
  id: string;
  eTag: string;
  modified?: string;
  /** When the item was created, for the readers that select it (`createdDateTime`). */
  created?: string;
  value: T;
  problems: FieldProblem[];
};

/** The Dutch placeholder name of a person the site no longer knows (the tab's nl `plan.unknownPerson` is the same). */
export function unknownPersonName(id: string): string {
  return `Onbekende gebruiker (${id})`;
}

/**
 * Reads fields tolerantly: every getter returns a usable value (or undefined) and records a
 * problem instead of throwing, because people also edit these lists directly in SharePoint.
 */
export class FieldReader {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly fields: Record<string, unknown>) {}

  private report(field: string, domain: DomainMessage, value?: unknown): void {
    const message = messageText(domain);
    this.problems.push(value === undefined ? { field, message, domain } : { field, message, domain, value });
  }

  private isEmpty(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  }

  text(field: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.fields[field];
    if (this.isEmpty(value)) {
      if (options.required) this.report(field, M.veldLeeg(field));
      return undefined;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.report(field, M.veldOnverwacht(field), value);
    return undefined;
  }

  number(field: string, options: { required?: boolean } = {}): number | undefined {
    const value = this.fields[field];
    if (this.isEmpty(value)) {
      if (options.required) this.report(field, M.veldLeeg(field));
      return undefined;
    }
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (Number.isFinite(number)) return number;
    this.report(field, M.veldGeenGetal(field), value);
    return undefined;
  }

  /**
   * A yes/no column: `true` only for a clear yes (true, 1, "true", "ja", "yes"); empty is no. Anything else is
   * reported and read as no, so an odd value typed in SharePoint never takes an item out of the plan.
   */
  flag(field: string): boolean {
    const value = this.fields[field];
    if (this.isEmpty(value) || value === false || value === 0) return false;
    if (value === true || value === 1) return true;
    if (typeof value === 'string') {
      const t = value.trim().toLowerCase();
      if (['true', '1', 'ja', 'yes'].includes(t)) return true;
      if (['false', '0', 'nee', 'no'].includes(t)) return false;
    }
    this.report(field, M.veldGeenJaNee(field), value);
    return false;
  }

  /**
   * A text column that holds whole numbers separated by commas or semicolons ("3, 5"): empty is an empty list; any
   * other text is reported and read as empty, so a typo made in SharePoint never invents a link.
   */
  numberList(field: string): number[] {
    const value = this.text(field);
    if (value === undefined) return [];
    if (/^\s*\d+(\s*[,;]\s*\d+)*\s*$/.test(value)) return value.split(/[,;]/).map((n) => Number(n.trim()));
    this.report(field, M.veldGeenNummerlijst(field), value);
    return [];
  }

  choice<C extends string>(field: string, allowed: readonly C[], options: { required?: boolean } = {}): C | undefined {
    const value = this.text(field, options);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as C;
    this.report(field, M.veldOnbekendeWaarde(field, value), value);
    return undefined;
  }

  multiChoice<C extends string>(field: string, allowed: readonly C[]): C[] {
    const value = this.fields[field];
    if (this.isEmpty(value)) return [];
    if (!Array.isArray(value)) {
      this.report(field, M.veldOnverwacht(field), value);
      return [];
    }
    const known: C[] = [];
    for (const entry of value) {
      if (typeof entry === 'string' && (allowed as readonly string[]).includes(entry)) known.push(entry as C);
      else this.report(field, M.veldOnbekendeWaarde(field, String(entry)), entry);
    }
    return known;
  }

  /**
   * A choice column whose choices are the site's own set-up (a domain, theme code or plateau: `choicesFrom` in the
   * schema). One rule for every such column: the value is read against the set-up's values of that kind
   * (`inrichtingValues`, the same values provisioning gives the column's choices), and a value outside them (one
   * stored before the set-up changed, say) is reported as unknown and read as absent, like any other choice.
   */
  setupChoice(
    field: string,
    inrichting: Inrichting,
    soort: InrichtingValueKind,
    options: { required?: boolean } = {},
  ): string | undefined {
    return this.choice(field, inrichtingValues(inrichting, soort), options);
  }

  /** A multi-choice column of the site's set-up (Acties.Domeinen, MTs.Domeinen): `setupChoice`'s rule per value. */
  setupMultiChoice(field: string, inrichting: Inrichting, soort: InrichtingValueKind = 'domeinen'): string[] {
    return this.multiChoice(field, inrichtingValues(inrichting, soort));
  }

  /** A date-only column: Graph returns the UTC instant of midnight in the site's time zone. */
  date(field: string): CalendarDate | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    if (isValidCalendarDate(value)) return value;
    const parsed = Date.parse(value);
    if (Number.isNaN(parsed)) {
      this.report(field, M.veldGeenDatum(field), value);
      return undefined;
    }
    return instantToCalendarDate(new Date(parsed).toISOString());
  }

  /** A single lookup or person column: Graph returns `<Name>LookupId` as a string. */
  lookupId(field: string): string | undefined {
    const value = this.fields[`${field}LookupId`];
    if (this.isEmpty(value)) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    this.report(field, M.veldOnverwacht(field), value);
    return undefined;
  }

  /** A multi-value lookup: Graph returns `[{ LookupId, LookupValue }]` under the column's name. */
  multiLookup(field: string): { id: string; value: string }[] {
    const value = this.fields[field];
    if (this.isEmpty(value)) return [];
    if (!Array.isArray(value)) {
      this.report(field, M.veldOnverwacht(field), value);
      return [];
    }
    const result: { id: string; value: string }[] = [];
    for (const entry of value) {
      const e = entry as { LookupId?: unknown; LookupValue?: unknown };
      if (e && (typeof e.LookupId === 'number' || typeof e.LookupId === 'string')) {
        result.push({ id: String(e.LookupId), value: typeof e.LookupValue === 'string' ? e.LookupValue : '' });
      } else {
        this.report(field, M.veldOnverwacht(field), entry);
      }
    }
    return result;
  }

  /** A person column resolved against the site users; an unknown id is kept and reported. */
  person(field: string, users: ReadonlyMap<string, PersonRef>): PersonRef | undefined {
    const id = this.lookupId(field);
    if (id === undefined) return undefined;
    const person = users.get(id);
    if (person) return person;
    this.report(field, M.veldPersoonOnbekend(field), id);
    return { id, displayName: unknownPersonName(id), onbekend: true };
  }

  /** Reports a lookup target that no longer exists (deleted in SharePoint); the id is dropped. */
  missingTarget(field: string, id: string): void {
    this.report(field, M.veldKoppelingWeg(field, id), id);
  }
}

/**
 * Sets the optional fields that have a value and leaves the others absent, so a read item
 * has no `key: undefined` entries (it compares equal to the same item built by hand).
 */
export function withOptional<T extends object>(value: T, optional: Partial<T>): T {
  for (const [key, v] of Object.entries(optional)) {
    if (v !== undefined) (value as Record<string, unknown>)[key] = v;
  }
  return value;
}
