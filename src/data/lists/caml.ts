/**
 * Small builders for the CAML of SharePoint views (the `<Query>` of a view), so list modules
 * declare their views from their field-name constants instead of hand-written XML.
 * https://learn.microsoft.com/sharepoint/dev/schema/query-schema
 */

/** The CAML value types our columns use. */
export type CamlType = 'Text' | 'Choice' | 'Number' | 'Integer' | 'DateTime' | 'Boolean' | 'Lookup' | 'User';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fieldRef(name: string, extra = ''): string {
  return `<FieldRef Name="${escapeXml(name)}"${extra} />`;
}

function compare(
  op: 'Eq' | 'Neq' | 'Lt' | 'Leq' | 'Gt' | 'Geq',
  field: string,
  type: CamlType,
  value: string | number,
): string {
  return `<${op}>${fieldRef(field)}<Value Type="${type}">${escapeXml(String(value))}</Value></${op}>`;
}

/** Combines conditions pairwise, as CAML's And/Or take exactly two children. */
function combine(op: 'And' | 'Or', conditions: readonly string[]): string {
  if (conditions.length === 0) throw new Error(`CAML ${op} needs at least one condition.`);
  const [first, ...rest] = conditions;
  if (rest.length === 0) return first ?? '';
  return `<${op}>${first ?? ''}${combine(op, rest)}</${op}>`;
}

export const caml = {
  eq: (field: string, type: CamlType, value: string | number) => compare('Eq', field, type, value),
  neq: (field: string, type: CamlType, value: string | number) => compare('Neq', field, type, value),
  /** The field's date is before today (in the site's time zone); empty dates never match. */
  beforeToday: (field: string) => `<Lt>${fieldRef(field)}<Value Type="DateTime"><Today /></Value></Lt>`,
  /** The person column holds the user who looks at the view ([Me]). */
  isMe: (field: string) =>
    `<Eq>${fieldRef(field, ' LookupId="TRUE"')}<Value Type="Integer"><UserID Type="Integer" /></Value></Eq>`,
  and: (...conditions: string[]) => combine('And', conditions),
  or: (...conditions: string[]) => combine('Or', conditions),
  where: (condition: string) => `<Where>${condition}</Where>`,
  orderBy: (...fields: ReadonlyArray<string | { name: string; ascending: boolean }>) =>
    `<OrderBy>${fields.map((f) => (typeof f === 'string' ? fieldRef(f) : fieldRef(f.name, f.ascending ? '' : ' Ascending="FALSE"'))).join('')}</OrderBy>`,
  /** Groups by one field; groups start expanded unless `collapsed`. */
  groupBy: (field: string, options: { collapsed?: boolean } = {}) =>
    `<GroupBy Collapse="${options.collapsed ? 'TRUE' : 'FALSE'}" GroupLimit="30">${fieldRef(field)}</GroupBy>`,
};

/** The title column with its item menu, as SharePoint's own views show it. */
export const LINK_TITLE = 'LinkTitle';
