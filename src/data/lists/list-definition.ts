/**
 * The wire shapes of SharePoint lists as Microsoft Graph sees them, and the declarative schema
 * that provisioning applies. Column definitions follow Graph's `columnDefinition` resource.
 */

export type ListName =
  | 'Adviezen'
  | 'Bevindingen'
  | 'Acties'
  | 'Portfolio'
  | 'Kwartaaldoelen'
  | 'MTs'
  | 'Herinneringen'
  | 'Besluiten'
  | 'DomeinVoortgang'
  | 'Installaties'
  | 'Agenderingen'
  | 'Agendakeuzes'
  | 'Inrichting';

/** The hidden list of site users; person columns store its item ids. */
export const SITE_USERS_LIST = 'User Information List';

type ColumnBase = {
  name: string;
  displayName?: string;
  description?: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  /**
   * SharePoint column formatting (the CustomFormatter JSON) for people who open the list in
   * SharePoint. Not part of Graph's columnDefinition: provisioning sets it through SharePoint REST.
   */
  customFormatter?: Readonly<Record<string, unknown>>;
  /**
   * A choice column whose choices are the municipality's own set-up (the Inrichting list: its domains, its themes'
   * codes or its plateaus), not the fixed ones given here (Zoetermeer's, for a site without a set-up of its own).
   * Provisioning sets them from the site's set-up (inrichting-choices.ts); not part of Graph's columnDefinition.
   */
  choicesFrom?: 'domeinen' | 'themas' | 'plateaus';
};

export type ColumnDefinition = ColumnBase &
  (
    | { text: { allowMultipleLines?: boolean; maxLength?: number; linesForEditing?: number } }
    | { number: { decimalPlaces?: 'none' | 'automatic'; minimum?: number; maximum?: number } }
    | { boolean: Record<string, never> }
    | {
        choice: {
          choices: readonly string[];
          allowTextEntry?: boolean;
          displayAs?: 'dropDownMenu' | 'checkBoxes' | 'radioButtons';
        };
      }
    | { dateTime: { format: 'dateOnly' | 'dateTime'; displayAs?: 'default' | 'friendly' | 'standard' } }
    | { personOrGroup: { allowMultipleSelection?: boolean; chooseFromType?: 'peopleOnly' | 'peopleAndGroups' } }
    /** `listName` is resolved to the target list's id at provisioning time. */
    | { lookup: { listName: ListName; columnName: string; allowMultipleValues?: boolean } }
  );

/**
 * A public SharePoint view, for people who open the list in SharePoint itself (the app reads
 * through Graph and needs none). Provisioning creates it, or updates it to match, through REST.
 */
export type ViewDefinition = {
  /** The view's name in SharePoint (Dutch, as the users say it). */
  title: string;
  /** The CAML inside `<Query>`: `<Where>`, `<OrderBy>`, `<GroupBy>`; build it with ./caml.ts. */
  query: string;
  /** Internal names of the columns shown, in order (`LinkTitle` is the title with its item menu). */
  fields: readonly string[];
  /** Items per page; default 100. */
  rowLimit?: number;
};

export type ListDefinition = {
  name: ListName;
  description: string;
  /** Title is built in; this says what it means for the list (shown as its display name). */
  titleDisplayName?: string;
  columns: readonly ColumnDefinition[];
  /** SharePoint views besides the default one. */
  views?: readonly ViewDefinition[];
  /** Major versions SharePoint keeps per item (versioning is always on); default 50. */
  majorVersionLimit?: number;
};

/** A list item as Graph returns it with `$expand=fields`. */
export type ListItem = {
  id: string;
  eTag: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  lastModifiedBy?: { user?: { displayName?: string; email?: string }; application?: { displayName?: string } };
  fields: Record<string, unknown>;
};

/** Builds `$expand=fields($select=...)` for the named fields. */
export function fieldsExpand(fieldNames: readonly string[]): string {
  return `fields($select=${fieldNames.join(',')})`;
}

/** The internal name under which Graph returns a lookup or person column's id(s). */
export function lookupIdField(columnName: string): string {
  return `${columnName}LookupId`;
}

/** Top-level item properties the app reads; everything else (createdBy, webUrl, ...) stays on the server. */
export const ITEM_SELECT = 'id,eTag,lastModifiedDateTime';
