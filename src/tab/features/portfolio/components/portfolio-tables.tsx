import { usePortfolioT } from '../hooks/use-portfolio-t.js';
import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Kwartaaldoel, PortfolioItem } from '../../../../domain/model.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';

import { domeinLabel } from '../../../lib/labels.js';
import type { OverviewLine, QuarterRow, TimelineRow } from '../lib/portfolio-view-model.js';
import { VirtualTable, type VirtualEntry } from './virtual-table.js';
import type { PortfolioHerkomst } from '../../../../domain/portfolio-selection.js';
import { usePortfolioLabels } from '../../../lib/portfolio-labels.js';
import { quarterText } from '../lib/quarter-text.js';

export const useTableStyles = makeStyles({
  num: { fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  niet: { backgroundColor: tokens.colorNeutralBackground3 },
  // A solid brand bar: the old pale brand tint (BrandBackground2) was hard to see, above all in the light theme.
  bar: {
    display: 'block',
    position: 'relative',
    height: '1.25rem',
    marginTop: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  goal: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function StatusBadge({ status }: { status: PortfolioItem['status'] }) {
  const labels = usePortfolioLabels();
  const color = status === 'Kritiek' ? 'danger' : status === 'Aandacht' ? 'warning' : 'success';
  return (
    <Badge appearance="tint" color={color}>
      {labels.status(status)}
    </Badge>
  );
}

export function ThisKwartaalBadge({ value }: { value: PortfolioItem['ditKwartaal'] }) {
  const t = usePortfolioT();
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

/**
 * The portfolio overview in one virtualised table: section lines (own, Concern, other domains, with a chosen domain),
 * group lines (phase or status) and the items by priority. `sectionLabel` names a section.
 */
export function OverviewTable({
  lines,
  onOpen,
  sectionLabel,
}: {
  lines: OverviewLine[];
  onOpen: (id: string) => void;
  sectionLabel: (h: PortfolioHerkomst) => string;
}) {
  const s = useTableStyles();
  const t = usePortfolioT();
  const labels = usePortfolioLabels();
  const entries = lines.map((l, i): VirtualEntry =>
    l.kind === 'section'
      ? {
          kind: 'heading',
          level: 'section',
          key: `s:${l.herkomst}`,
          content: `${sectionLabel(l.herkomst)} (${l.count})`,
          attrs: { 'data-testid': 'portfolio-herkomst', 'data-herkomst': l.herkomst },
        }
      : l.kind === 'group'
        ? {
            kind: 'heading',
            level: 'group',
            key: `g:${l.herkomst ?? ''}:${l.key}:${i}`,
            content: `${labels.group(l.key)} (${l.count})`,
            attrs: {
              'data-testid': 'portfolio-group',
              'data-group': l.key,
              ...(l.herkomst ? { 'data-herkomst': l.herkomst } : {}),
            },
          }
        : {
            kind: 'row',
            key: `r:${l.item.id}`,
            attrs: {
              'data-testid': 'portfolio-row',
              'data-key': l.item.value.key,
              'data-group': l.group,
              'data-herkomst': l.herkomst,
            },
            cells: () => [
              <span className={s.num}>{l.item.value.prioriteit ?? <span className={s.muted}>–</span>}</span>,
              <ItemLink item={l.item} onOpen={onOpen} />,
              domeinLabel(t, l.item.value.domein),
              labels.fase(l.item.value.fase),
              <StatusBadge status={l.item.value.status} />,
              <ThisKwartaalBadge value={l.item.value.ditKwartaal} />,
            ],
          },
  );
  return (
    <VirtualTable
      label={t('pf.tab.overzicht')}
      testId="portfolio-table"
      entries={entries}
      columns={[
        { key: 'prioriteit', header: t('pf.col.prioriteit'), width: '5.5rem' },
        { key: 'titel', header: t('pf.col.titel'), width: 'minmax(10rem, 3fr)' },
        { key: 'domein', header: t('pf.col.domein'), width: 'minmax(7rem, 1.2fr)' },
        { key: 'fase', header: t('pf.col.fase'), width: 'minmax(6rem, 1fr)' },
        { key: 'status', header: t('pf.col.status'), width: '7rem' },
        { key: 'ditKwartaal', header: t('pf.col.ditKwartaal'), width: '10rem' },
      ]}
    />
  );
}

/** The IMO's one ranking across all domains, not-this-quarter items marked and the own domain's flagged (3.2). */
export function PriorityTable({
  ranking,
  onOpen,
}: {
  ranking: { item: Loaded<PortfolioItem>; nietDitKwartaal: boolean; herkomst?: PortfolioHerkomst }[];
  onOpen: (id: string) => void;
}) {
  const s = useTableStyles();
  const t = usePortfolioT();
  const entries: VirtualEntry[] = ranking.map(({ item, nietDitKwartaal, herkomst }) => ({
    kind: 'row',
    key: item.id,
    className: nietDitKwartaal ? s.niet : undefined,
    attrs: {
      'data-testid': 'priority-row',
      'data-key': item.value.key,
      'data-niet': nietDitKwartaal ? 'true' : 'false',
      'data-herkomst': herkomst,
    },
    cells: () => [
      <span className={s.num} data-testid="rank">
        {item.value.prioriteit ?? <span className={s.muted}>{t('pf.noRank')}</span>}
      </span>,
      <>
        <ItemLink item={item} onOpen={onOpen} />
        {herkomst === 'eigen' && (
          <>
            {' '}
            <Badge appearance="filled" color="brand" size="small" data-testid="eigen-domein">
              {t('pf.eigen')}
            </Badge>
          </>
        )}
      </>,
      domeinLabel(t, item.value.domein),
      <ThisKwartaalBadge value={item.value.ditKwartaal} />,
    ],
  }));
  return (
    <VirtualTable
      label={t('pf.tab.prioriteiten')}
      caption={t('pf.tab.prioriteiten')}
      testId="priority-table"
      entries={entries}
      columns={[
        { key: 'prioriteit', header: t('pf.col.prioriteit'), width: '7rem' },
        { key: 'titel', header: t('pf.col.titel'), width: 'minmax(10rem, 3fr)' },
        { key: 'domein', header: t('pf.col.domein'), width: 'minmax(7rem, 1.2fr)' },
        { key: 'ditKwartaal', header: t('pf.col.ditKwartaal'), width: '10rem' },
      ]}
    />
  );
}

function Goals({ doelen, outcome }: { doelen: Loaded<Kwartaaldoel>[]; outcome: boolean }) {
  const s = useTableStyles();
  const t = usePortfolioT();
  if (doelen.length === 0) return <span className={s.muted}>{t('pf.kw.none')}</span>;
  return (
    <ul className={s.goal}>
      {doelen.map((d) => (
        <li key={d.id}>
          {d.value.doel}
          {outcome && (
            <>
              {' '}
              <Badge
                appearance="tint"
                color={
                  d.value.behaald === 'ja'
                    ? 'success'
                    : d.value.behaald === 'deels'
                      ? 'warning'
                      : d.value.behaald === 'nee'
                        ? 'danger'
                        : 'informative'
                }
              >
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
export function QuarterTable({
  kwartaal,
  vorig,
  rows,
  onOpen,
}: {
  kwartaal: string;
  vorig: string;
  rows: QuarterRow[];
  onOpen: (id: string) => void;
}) {
  const t = usePortfolioT();
  const entries: VirtualEntry[] = rows.map((r) => ({
    kind: 'row',
    key: r.item.id,
    attrs: { 'data-testid': 'quarter-row', 'data-key': r.item.value.key },
    cells: () => [
      <ItemLink item={r.item} onOpen={onOpen} />,
      <Goals doelen={r.current} outcome={false} />,
      <Goals doelen={r.previous} outcome />,
    ],
  }));
  return (
    <VirtualTable
      label={t('pf.kw.intro', { kwartaal: quarterText(kwartaal), vorig: quarterText(vorig) })}
      caption={t('pf.kw.intro', { kwartaal: quarterText(kwartaal), vorig: quarterText(vorig) })}
      testId="quarter-table"
      entries={entries}
      columns={[
        { key: 'titel', header: t('pf.col.titel'), width: 'minmax(10rem, 1.2fr)' },
        { key: 'doelen', header: t('pf.kw.doelen', { kwartaal: quarterText(kwartaal) }), width: 'minmax(10rem, 2fr)' },
        {
          key: 'uitkomst',
          header: t('pf.kw.uitkomst', { kwartaal: quarterText(vorig) }),
          width: 'minmax(10rem, 2fr)',
        },
      ]}
    />
  );
}

/**
 * A quarter grid: one row per item, a filled (and labelled) cell for each quarter it runs in. Kept whole at every
 * width: on a narrow screen it scrolls sideways inside its own region, the page does not.
 */
export function TimelineTable({
  quarters,
  rows,
  onOpen,
}: {
  quarters: string[];
  rows: TimelineRow[];
  onOpen: (id: string) => void;
}) {
  const s = useTableStyles();
  const t = usePortfolioT();
  const entries: VirtualEntry[] = rows.map((r) => ({
    kind: 'row',
    key: r.item.id,
    attrs: { 'data-testid': 'timeline-row', 'data-key': r.item.value.key },
    cells: () => [
      <ItemLink item={r.item} onOpen={onOpen} />,
      ...quarters.map((q, i) =>
        i >= r.from && i <= r.to ? (
          <span className={s.bar} data-testid="timeline-bar">
            <span className={s.srOnly}>{t('pf.tl.loopt', { kwartaal: quarterText(q) })}</span>
          </span>
        ) : null,
      ),
    ],
  }));
  return (
    <VirtualTable
      label={t('pf.tl.caption')}
      caption={t('pf.tl.caption')}
      testId="timeline-table"
      entries={entries}
      stack={false}
      minWidth="44rem"
      columns={[
        { key: 'titel', header: t('pf.col.titel'), width: 'minmax(10rem, 2fr)' },
        ...quarters.map((q) => ({ key: q, header: quarterText(q), width: 'minmax(3.5rem, 1fr)' })),
      ]}
    />
  );
}
