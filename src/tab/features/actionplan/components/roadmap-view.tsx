import { Body1, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import type { Domein, Plateau, ThemaCode } from '../../../../domain/model.js';
import { planCounts } from '../../../../domain/counts.js';
import { useT } from '../../../i18n/i18n.js';
import { plateauLabel, themaLabel } from '../../../lib/labels.js';
import type { ActieRow } from '../../../lib/plan/derive.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { usePlanRows } from '../../../lib/plan/use-plan-rows.js';
import { useAfterFirstPaint } from '../../../lib/use-after-first-paint.js';
import { NewActieButton } from './new-actie-button.js';
import { RoadmapCard } from './roadmap-card.js';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  summary: { color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    // One column per plateau of the municipality's set-up (`--plateaus`, set on the grid; Zoetermeer has four).
    gridTemplateColumns: 'minmax(8rem, 10rem) repeat(var(--plateaus, 4), minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'stretch',
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr' },
  },
  colHeader: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    '@media (max-width: 900px)': { display: 'none' },
  },
  colTitle: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, margin: 0 },
  corner: { '@media (max-width: 900px)': { display: 'none' } },
  rowHeader: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    '@media (max-width: 900px)': { marginTop: tokens.spacingVerticalM },
  },
  rowTitle: { margin: 0 },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '3rem',
  },
  cellLabel: {
    display: 'none',
    color: tokens.colorNeutralForeground2,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    '@media (max-width: 900px)': { display: 'block' },
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingHorizontalXS },
  // The place of a cell's cards that come right after the first paint (about a card's height each), so the page's
  // height hardly changes when they arrive.
  reserved: { minHeight: 'calc(var(--cards) * 8.5rem)' },
  presentationGrid: { gap: tokens.spacingHorizontalM },
});

/**
 * The report's roadmap made live: the four plateaus left to right (start with the prerequisites, end with
 * excelling), the three themes as rows, a card per action. Hovering or focusing a card outlines the actions it
 * builds on and those that build on it.
 *
 * Its first render does only what the first screen shows (issue 16): the theme rows down to the first one that
 * reaches below the window (measured before the paint), with their cards; the other rows come with their headers and
 * cells, each cell holding its cards' place, and their cards are added right after the first paint, in a transition.
 * Until then the grid is `aria-busy`.
 */
export function RoadmapView({
  scope,
  onOpen,
  presentation = false,
  canEdit = false,
  mtDomein,
}: {
  scope?: Domein | undefined;
  /** The domain of the MT whose tab this is, for who may add an action. */
  mtDomein?: Domein | undefined;
  onOpen: (id: string) => void;
  presentation?: boolean;
  canEdit?: boolean;
}) {
  const styles = useStyles();
  const t = useT();
  // The domain is chosen once, in the header, for the whole tab.
  const rows = usePlanRows(scope);
  const [focus, setFocus] = useState<string | undefined>();
  const complete = useAfterFirstPaint();
  // How many theme rows have their cards before the first paint: the first, and one more while the last of them ends
  // above the window's bottom (measured below, before the browser paints).
  const [firstRows, setFirstRows] = useState(1);
  const gridRef = useRef<HTMLDivElement>(null);

  const cells = useMemo(() => {
    const map = new Map<string, ActieRow[]>();
    for (const row of rows) {
      const key = `${row.thema ?? '?'}|${row.actie.plateau}`;
      const list = map.get(key) ?? [];
      list.push(row);
      map.set(key, list);
    }
    return map;
  }, [rows]);

  const related = useMemo(() => {
    if (!focus) return undefined;
    const row = rows.find((r) => r.actie.nummer === focus);
    return new Set([...(row?.actie.afhankelijkVan ?? []), ...(row?.dependents ?? [])]);
  }, [focus, rows]);
  const onFocusChange = useCallback((nummer: string | undefined) => setFocus(nummer), []);

  const { plan, now } = usePlanContext();
  // The columns and rows are the municipality's plateaus and themes (its Inrichting list, read with the plan).
  const inrichting = plan?.inrichting ?? ZOETERMEER_INRICHTING;
  const plateaus = inrichting.plateaus;
  const counts = useMemo(
    () =>
      planCounts(
        rows.map((r) => r.actie),
        now,
        plan?.acties.map((a) => a.value),
      ),
    [rows, now, plan],
  );
  useLayoutEffect(() => {
    const grid = gridRef.current;
    const last = inrichting.themas[firstRows - 1];
    if (complete || !grid || !last || firstRows >= inrichting.themas.length) return;
    let bottom = 0;
    for (const cell of grid.querySelectorAll(`[data-thema="${CSS.escape(last.code)}"]`))
      bottom = Math.max(bottom, cell.getBoundingClientRect().bottom);
    if (bottom < window.innerHeight) setFirstRows(firstRows + 1);
  }, [complete, firstRows, inrichting.themas]);
  // An action whose theme the set-up does not have has no row of its own: it is named under the grid.
  const unknownThema = rows.filter((r) => !r.thema || !inrichting.themas.some((x) => x.code === r.thema));

  return (
    <section aria-labelledby="roadmap-title">
      <div className={styles.toolbar}>
        <div>
          <Subtitle2 as="h2" id="roadmap-title" block>
            {t('roadmap.title')}
          </Subtitle2>
          <Body1 className={styles.summary} data-testid="plan-summary">
            {t('roadmap.summary', {
              total: counts.acties,
              open: counts.open,
              overdue: counts.achterstallig,
              blocked: counts.geblokkeerd,
              waiting: counts.wachtOp,
            })}
          </Body1>
        </div>
        {canEdit && !presentation && <NewActieButton scope={scope} mtDomein={mtDomein} onOpen={onOpen} />}
      </div>
      <div
        className={mergeClasses(styles.grid, presentation && styles.presentationGrid)}
        style={{ '--plateaus': String(plateaus.length) } as CSSProperties}
        data-testid="roadmap"
        ref={gridRef}
        aria-busy={complete ? undefined : true}
      >
        <div className={styles.corner} aria-hidden="true" />
        {plateaus.map((p, i) => (
          <div key={p} className={styles.colHeader}>
            <Subtitle2 as="h3" className={styles.colTitle}>
              {i + 1}. {plateauLabel(t, p)}
              {i < plateaus.length - 1 && <ArrowRightRegular aria-hidden="true" />}
            </Subtitle2>
            <Caption1>{t('roadmap.count', { count: rows.filter((r) => r.actie.plateau === p).length })}</Caption1>
          </div>
        ))}
        {inrichting.themas.map((thema, index) => (
          <ThemaRow
            key={thema.code}
            later={!complete && index >= firstRows}
            code={thema.code}
            inrichting={inrichting}
            cells={cells}
            related={related}
            presentation={presentation}
            onOpen={onOpen}
            onFocusChange={onFocusChange}
          />
        ))}
      </div>
      {unknownThema.length > 0 && (
        <Body1 as="p" className={styles.summary}>
          {t('roadmap.unknownThema', { nummers: unknownThema.map((r) => r.actie.nummer).join(', ') })}
        </Body1>
      )}
    </section>
  );
}

function ThemaRow({
  later,
  code,
  inrichting,
  cells,
  related,
  presentation,
  onOpen,
  onFocusChange,
}: {
  /** Its cards come after the first paint: each cell holds their place. */
  later: boolean;
  code: ThemaCode;
  inrichting: Inrichting;
  cells: Map<string, ActieRow[]>;
  related: Set<string> | undefined;
  presentation: boolean;
  onOpen: (id: string) => void;
  onFocusChange: (nummer: string | undefined) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const themaName = themaLabel(t, code, inrichting);
  return (
    <>
      <div className={styles.rowHeader}>
        <Subtitle2 as="h3" className={styles.rowTitle} id={`thema-${code}`}>
          {t('plan.theme', { code, naam: themaName })}
        </Subtitle2>
      </div>
      {inrichting.plateaus.map((plateau: Plateau) => {
        const list = cells.get(`${code}|${plateau}`) ?? [];
        const label = t('roadmap.cell', { plateau: plateauLabel(t, plateau), thema: themaName, count: list.length });
        return (
          <section key={plateau} className={styles.cell} aria-label={label} data-plateau={plateau} data-thema={code}>
            <p className={styles.cellLabel} aria-hidden="true">
              {plateauLabel(t, plateau)}
            </p>
            {list.length === 0 ? (
              <Caption1 className={styles.empty}>{t('roadmap.emptyCell')}</Caption1>
            ) : later ? (
              <div className={styles.reserved} style={{ '--cards': String(list.length) } as CSSProperties} />
            ) : (
              <ul className={styles.list}>
                {list.map((row) => (
                  <li key={row.id}>
                    <RoadmapCard
                      row={row}
                      presentation={presentation}
                      highlighted={related?.has(row.actie.nummer) ?? false}
                      onOpen={onOpen}
                      onFocusChange={onFocusChange}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
