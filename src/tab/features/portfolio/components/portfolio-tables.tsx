import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Kwartaaldoel, PortfolioItem } from '../../../../domain/model.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { useT } from '../../../i18n/i18n.js';
import { DOMEIN_LABEL } from '../../../lib/labels.js';
import type { ItemGroup, QuarterRow, TimelineRow } from '../lib/portfolio-view-model.js';
import type { PortfolioHerkomst } from '../../../../domain/portfolio-selectie.js';

export const useTableStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', marginBottom: tokens.spacingVerticalL },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: `${tokens.spacingVerticalS} 0` },
  th: { textAlign: 'start', padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  td: { verticalAlign: 'top', padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  num: { width: '6em', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  niet: { backgroundColor: tokens.colorNeutralBackground3 },
  cellOn: { backgroundColor: tokens.colorBrandBackground2, borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralBackground1}` },
  rowHead: { fontWeight: tokens.fontWeightRegular, textAlign: 'start' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  goal: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function StatusBadge({ status }: { status: PortfolioItem['status'] }) {
  const color = status === 'Kritiek' ? 'danger' : status === 'Aandacht' ? 'warning' : 'success';
  return (
    <Badge appearance="tint" color={color}>
      {status}
    </Badge>
  );
}

export function DitKwartaalBadge({ value }: { value: PortfolioItem['ditKwartaal'] }) {
  const t = useT();
  return value === 'niet' ? (
    <Badge appearance="outline" color="informative" data-testid="niet-dit-kwartaal">
      {t('pf.niet')}
    </Badge>
  ) : (
    <Badge appearance="tint" color="brand">
      {t('pf.wel')}
    </Badge>
  );
}

function ItemLink({ item, onOpen }: { item: Loaded<PortfolioItem>; onOpen: (id: string) => void }) {
  return (
    <Link
      href={`#/portfolio?item=${encodeURIComponent(item.id)}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(item.id);
      }}
    >
      {item.value.titel}
    </Link>
  );
}

/** The portfolio grouped by phase or status; one table per group, with the group as caption. */
export function GroupedTables({ groups, onOpen }: { groups: ItemGroup[]; onOpen: (id: string) => void }) {
  const s = useTableStyles();
  const t = useT();
  return (
    <>
      {groups.map((g) => (
        <table key={g.key} className={s.table} data-testid="portfolio-group" data-group={g.key}>
          <caption className={s.caption}>
            {g.key} ({g.items.length})
          </caption>
          <thead>
            <tr>
              <th scope="col" className={`${s.th} ${s.num}`}>{t('pf.col.prioriteit')}</th>
              <th scope="col" className={s.th}>{t('pf.col.titel')}</th>
              <th scope="col" className={s.th}>{t('pf.col.domein')}</th>
              <th scope="col" className={s.th}>{t('pf.col.fase')}</th>
              <th scope="col" className={s.th}>{t('pf.col.status')}</th>
              <th scope="col" className={s.th}>{t('pf.col.ditKwartaal')}</th>
            </tr>
          </thead>
          <tbody>
            {g.items.map((item) => (
              <tr key={item.id} data-testid="portfolio-row" data-key={item.value.key}>
                <td className={`${s.td} ${s.num}`}>{item.value.prioriteit ?? <span className={s.muted}>–</span>}</td>
                <td className={s.td}>
                  <ItemLink item={item} onOpen={onOpen} />
                </td>
                <td className={s.td}>{t(DOMEIN_LABEL[item.value.domein])}</td>
                <td className={s.td}>{item.value.fase}</td>
                <td className={s.td}>
                  <StatusBadge status={item.value.status} />
                </td>
                <td className={s.td}>
                  <DitKwartaalBadge value={item.value.ditKwartaal} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** The IMO's ranking, not-this-quarter items marked (3.2). */
export function PriorityTable({ ranking, onOpen }: { ranking: { item: Loaded<PortfolioItem>; nietDitKwartaal: boolean; herkomst?: PortfolioHerkomst }[]; onOpen: (id: string) => void }) {
  const s = useTableStyles();
  const t = useT();
  return (
    <table className={s.table} data-testid="priority-table">
      <caption className={s.caption}>{t('pf.tab.prioriteiten')}</caption>
      <thead>
        <tr>
          <th scope="col" className={`${s.th} ${s.num}`}>{t('pf.col.prioriteit')}</th>
          <th scope="col" className={s.th}>{t('pf.col.titel')}</th>
          <th scope="col" className={s.th}>{t('pf.col.domein')}</th>
          <th scope="col" className={s.th}>{t('pf.col.ditKwartaal')}</th>
        </tr>
      </thead>
      <tbody>
        {ranking.map(({ item, nietDitKwartaal, herkomst }) => (
          <tr key={item.id} className={nietDitKwartaal ? s.niet : undefined} data-testid="priority-row" data-key={item.value.key} data-niet={nietDitKwartaal ? 'true' : 'false'} data-herkomst={herkomst}>
            <td className={`${s.td} ${s.num}`}>{item.value.prioriteit ?? <span className={s.muted}>{t('pf.noRank')}</span>}</td>
            <td className={s.td}>
              <ItemLink item={item} onOpen={onOpen} />
              {herkomst === 'eigen' && (
                <>
                  {' '}
                  <Badge appearance="filled" color="brand" size="small" data-testid="eigen-domein">
                    {t('pf.eigen')}
                  </Badge>
                </>
              )}
            </td>
            <td className={s.td}>{t(DOMEIN_LABEL[item.value.domein])}</td>
            <td className={s.td}>
              <DitKwartaalBadge value={item.value.ditKwartaal} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Goals({ doelen, outcome }: { doelen: Loaded<Kwartaaldoel>[]; outcome: boolean }) {
  const s = useTableStyles();
  const t = useT();
  if (doelen.length === 0) return <span className={s.muted}>{t('pf.kw.none')}</span>;
  return (
    <ul className={s.goal}>
      {doelen.map((d) => (
        <li key={d.id}>
          {d.value.doel}
          {outcome && (
            <>
              {' '}
              <Badge appearance="tint" color={d.value.behaald === 'ja' ? 'success' : d.value.behaald === 'deels' ? 'warning' : d.value.behaald === 'nee' ? 'danger' : 'informative'}>
                {t(d.value.behaald ? `pf.behaald.${d.value.behaald}` : 'pf.behaald.open')}
              </Badge>
              {d.value.reden && <div className={s.muted}>{d.value.reden}</div>}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** This quarter's goals next to last quarter's outcome (3.3). */
export function QuarterTable({ kwartaal, vorig, rows, onOpen }: { kwartaal: string; vorig: string; rows: QuarterRow[]; onOpen: (id: string) => void }) {
  const s = useTableStyles();
  const t = useT();
  return (
    <table className={s.table} data-testid="quarter-table">
      <caption className={s.caption}>{t('pf.kw.intro', { kwartaal, vorig })}</caption>
      <thead>
        <tr>
          <th scope="col" className={s.th}>{t('pf.col.titel')}</th>
          <th scope="col" className={s.th}>{t('pf.kw.doelen', { kwartaal })}</th>
          <th scope="col" className={s.th}>{t('pf.kw.uitkomst', { kwartaal: vorig })}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.item.id} data-key={r.item.value.key}>
            <th scope="row" className={`${s.td} ${s.rowHead}`}>
              <ItemLink item={r.item} onOpen={onOpen} />
            </th>
            <td className={s.td}>
              <Goals doelen={r.current} outcome={false} />
            </td>
            <td className={s.td}>
              <Goals doelen={r.previous} outcome />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A quarter grid: one row per item, a filled (and labelled) cell for each quarter it runs in. */
export function TimelineTable({ quarters, rows, onOpen }: { quarters: string[]; rows: TimelineRow[]; onOpen: (id: string) => void }) {
  const s = useTableStyles();
  const t = useT();
  return (
    <table className={s.table} data-testid="timeline-table">
      <caption className={s.caption}>{t('pf.tl.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" className={s.th}>{t('pf.col.titel')}</th>
          {quarters.map((q) => (
            <th key={q} scope="col" className={s.th}>
              {q}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.item.id}>
            <th scope="row" className={`${s.td} ${s.rowHead}`}>
              <ItemLink item={r.item} onOpen={onOpen} />
            </th>
            {quarters.map((q, i) => {
              const on = i >= r.from && i <= r.to;
              return (
                <td key={q} className={on ? `${s.td} ${s.cellOn}` : s.td}>
                  {on && <span className={s.srOnly}>{t('pf.tl.loopt', { kwartaal: q })}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
