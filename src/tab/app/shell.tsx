import {
  Badge,
  Button,
  Caption1,
  Caption1Strong,
  makeStyles,
  mergeClasses,
  Spinner,
  Title3,
  tokens,
} from '@fluentui/react-components';
import {
  Suspense,
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type SyntheticEvent,
} from 'react';
import type { Actie } from '../../domain/model.js';
import type { Loaded } from '../../data/lists/field-reader.js';
import { useHost } from './host-context.js';
import { hasTeamsFeatures } from './host.js';
import { Notice, preloadNoticeBar } from '../components/notice.js';
import { ViewNav } from '../components/view-nav.js';
import { ViewSuspense } from '../components/view-suspense.js';
import { formatInstant } from '../i18n/format.js';
import { useLocale, useT } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';
import { domeinLabel } from '../lib/labels.js';
import { NativeSelect } from '../components/native-select.js';
import { ZOETERMEER_INRICHTING } from '../../domain/inrichting-basis.js';
import type { Domein } from '../../domain/model.js';
import { describeError } from '../lib/errors.js';
import { usePlanContext } from '../lib/plan/plan-context.js';
import { REFRESH_INDICATOR_DELAY_MS, useShownAfter } from '../lib/use-shown-after.js';
import { startDismissedKey } from '../features/start/lib/start-items.js';
import { formatHash, useRoute, type ViewName } from './router.js';
import { useDomeinChoice, useScope, viewedDomein } from './scope.js';
import type { SignedInUser } from './sign-in.js';
import {
  ActieDetail,
  StartView,
  BesluitenView,
  InrichtingWarning,
  SettingsView,
  ListView,
  MyActionsView,
  PortfolioStage,
  PortfolioView,
  RoadmapView,
  MeetingPanel,
  NextMeetingView,
  VoortgangView,
} from './views.js';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  compactHeader: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  titleBlock: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  title: { '@media (max-width: 600px)': { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 } },
  who: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
  // On a narrow screen (the side panel's 320 px, a phone) the name is in the role button's menu anyway; the room
  // goes to the content.
  signedInAs: { '@media (max-width: 600px)': { display: 'none' } },
  nav: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    flexGrow: 1,
    minHeight: 0,
    // Focused only from code (tabIndex -1), to land in a newly opened view: a ring round the whole view says nothing.
    ':focus': { outlineStyle: 'none' },
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalS },
  },
  compactMain: { padding: tokens.spacingHorizontalS },
  stageMain: { fontSize: tokens.fontSizeBase400 },
  bars: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
  },
});

const FULL_NAV: { view: ViewName; label: MessageKey }[] = [
  { view: 'roadmap', label: 'nav.roadmap' },
  { view: 'lijst', label: 'nav.lijst' },
  { view: 'voortgang', label: 'nav.voortgang' },
  { view: 'besluiten', label: 'nav.besluiten' },
  { view: 'mijn-acties', label: 'nav.mijnActies' },
  { view: 'vergadering', label: 'inst.status.next' },
  { view: 'portfolio', label: 'nav.portfolio' },
  { view: 'instellingen', label: 'nav.instellingen' },
];
/** On the meeting stage the presenter switches between the read-only roadmap, progress and portfolio. */
const STAGE_NAV = FULL_NAV.filter((n) => n.view === 'roadmap' || n.view === 'voortgang' || n.view === 'portfolio');

/** The signed-in app: header, navigation between the views, the open view and the detail panel. */
export function Shell({ user }: { user: SignedInUser }) {
  const styles = useStyles();
  const t = useT();
  const scope = useScope();
  const [route, navigate] = useRoute(scope.defaultView);
  const planState = usePlanContext();
  const host = useHost();
  // Outside Teams (Outlook, the Microsoft 365 app) there are no MT teams or channels to register, so no Instellingen.
  const nav = (scope.layout === 'stage' ? STAGE_NAV : FULL_NAV).filter(
    (n) => n.view !== 'instellingen' || hasTeamsFeatures(host),
  );
  const [startSeen, setStartSeen] = useState(() => readFlag(startDismissedKey(user.userKey)));
  // The start page opens by itself once per person (until dismissed), when the URL names no view; the Over page
  // links to it (#/start) for later.
  const showStart =
    scope.layout === 'full' &&
    (route.view === 'start' || (route.defaulted && !startSeen && !route.actieId && scope.defaultView === 'roadmap'));
  const view: ViewName = nav.some((n) => n.view === route.view) ? route.view : scope.defaultView;

  const openActie = useCallback(
    (id: string) => navigate(formatHash({ view, actieId: id, params: route.params })),
    [navigate, view, route.params],
  );
  const closeActie = useCallback(
    () => navigate(formatHash({ view, params: route.params })),
    [navigate, view, route.params],
  );
  const setParams = useCallback(
    (params: URLSearchParams) => navigate(formatHash({ view, actieId: route.actieId, params }), { replace: true }),
    [navigate, view, route.actieId],
  );
  // A button in a view that opens another view ("Toon in lijst", "Verder") goes with its view: the focus then goes to
  // the new view's main region, not to the page (the navigation's own links keep theirs).
  const mainRef = useRef<HTMLElement>(null);
  const focusMain = useRef(false);
  const goTo = useCallback(
    (next: ViewName, params?: URLSearchParams) => {
      focusMain.current = true;
      navigate(formatHash({ view: next, ...(params ? { params } : {}) }));
    },
    [navigate],
  );
  useEffect(() => {
    if (!focusMain.current) return;
    focusMain.current = false;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) mainRef.current?.focus({ preventScroll: true });
  }, [view, route.params]);

  // A deep link from Teams (`subPageId`) opens its item once, on start. An effect event: it reads the current route,
  // but only a new subPageId runs it, so later navigation does not reopen the item.
  const openDeepLink = useEffectEvent((subPageId: string | undefined) => {
    const match = /^actie-(.+)$/.exec(subPageId ?? '');
    if (match?.[1] && !route.actieId)
      navigate(formatHash({ view, actieId: match[1], params: route.params }), { replace: true });
  });
  useEffect(() => openDeepLink(host.subPageId), [host.subPageId]);
  // Fluent's message bar's code, a moment after the shell has mounted: a later message then shows as it stays
  // (components/notice.tsx).
  useEffect(() => preloadNoticeBar(), []);
  // An action's details load when someone points at or tabs to something that opens them (`data-opens-actie`: a card,
  // a row): a pointer rests there longer than their code takes to come, so the details then open without a spinner.
  // Not on every start: the details bring some 55 chunks of their own.
  const preloadDetails = useCallback((event: SyntheticEvent) => {
    if (event.target instanceof Element && event.target.closest('[data-opens-actie]'))
      void ActieDetail.preload().catch(() => undefined);
  }, []);

  const onShare = useCallback(
    async (item: Loaded<Actie>) => {
      const url = `${window.location.origin}${window.location.pathname}${window.location.search}#/actie/${encodeURIComponent(item.id)}`;
      // A Teams deep link only helps in Teams; in Outlook and the Microsoft 365 app the tab's web link works everywhere.
      if (hasTeamsFeatures(host) && host.teams?.canShareDeepLink()) {
        host.teams.shareDeepLink({
          subPageId: `actie-${item.id}`,
          subPageLabel: `${item.value.nummer} ${item.value.titel}`.slice(0, 120),
          subPageWebUrl: url,
        });
        return { kind: 'shared' as const };
      }
      try {
        await navigator.clipboard.writeText(url);
        return { kind: 'copied' as const, url };
      } catch {
        return { kind: 'manual' as const, url }; // clipboard refused (permissions policy in a frame): show the link
      }
    },
    [host],
  );

  const me = planState.me;
  const whoName = me?.displayName ?? user.userKey;
  const problemCount = useMemo(
    () => planState.plan?.acties.filter((a) => a.problems.length > 0).length ?? 0,
    [planState.plan],
  );
  const compact = scope.layout === 'compact';
  const [choice, setChoice] = useDomeinChoice();
  // The municipality's domains come with the plan (its Inrichting list; Zoetermeer's until the plan is there).
  const inrichting = planState.plan?.inrichting;
  const domeinen = (inrichting ?? ZOETERMEER_INRICHTING).domeinen.map((d) => d.naam);
  // The side panel has no header: it always shows its MT's domain. Everywhere else the header's choice counts.
  const domein: Domein | undefined = viewedDomein(scope, choice, inrichting);

  // The plan's refresh in the background (the delta on a warm start) usually takes a moment only: its indicator shows
  // once it has taken longer than REFRESH_INDICATOR_DELAY_MS, not as a flash on every start.
  const showRefreshing = useShownAfter(
    planState.refreshing && planState.status === 'ready',
    REFRESH_INDICATOR_DELAY_MS,
  );
  return (
    <div className={styles.shell}>
      <header className={mergeClasses(styles.header, compact && styles.compactHeader)}>
        <div className={styles.titleBlock}>
          {compact ? (
            <Caption1Strong as="h1">{t('app.title')}</Caption1Strong>
          ) : (
            <Title3 as="h1" className={styles.title}>
              {t('app.title')}
            </Title3>
          )}
          {compact && scope.domein && (
            <Badge appearance="outline" color="brand" data-testid="scope">
              {t('scope.mt', { domein: domeinLabel(t, scope.domein) })}
            </Badge>
          )}
          {showRefreshing && <Spinner size="extra-tiny" label={t('app.refreshing')} labelPosition="after" />}
        </div>
        {!compact && (
          <div className={styles.who}>
            <span data-testid="domein-choice">
              <NativeSelect
                label={t('filter.domein')}
                value={domein ?? ''}
                onChange={(v) => setChoice(domeinen.find((d) => d === v))}
              >
                <option value="">{t('filter.alleDomeinen')}</option>
                {domeinen.map((d) => (
                  <option key={d} value={d}>
                    {domeinLabel(t, d)}
                  </option>
                ))}
              </NativeSelect>
            </span>
            <Caption1 data-testid="signed-in-as" className={styles.signedInAs}>
              {t('persona.signedInAs', { name: whoName })}
            </Caption1>
            {user.switchUser && (
              <Button size="small" onClick={user.switchUser}>
                {t('persona.switch')}
              </Button>
            )}
          </div>
        )}
      </header>
      {!compact && (
        <nav className={styles.nav} aria-label={t('nav.label')}>
          <ViewNav
            items={nav.map((n) => ({ view: n.view, label: t(n.label), href: formatHash({ view: n.view }) }))}
            current={showStart ? 'start' : view}
            large={scope.layout === 'stage'}
            menuLabel={t('nav.menu')}
          />
        </nav>
      )}
      <StatusBars
        problemCount={problemCount}
        onShowProblems={() => goTo('lijst', new URLSearchParams({ problemen: '1' }))}
      />
      <main
        className={mergeClasses(
          styles.main,
          compact && styles.compactMain,
          scope.layout === 'stage' && styles.stageMain,
        )}
        id="main"
        ref={mainRef}
        tabIndex={-1}
        onPointerOver={preloadDetails}
        onFocus={preloadDetails}
      >
        {planState.status === 'loading' && <Spinner style={{ marginTop: '10vh' }} label={t('app.loading')} />}
        {planState.plan && (
          // One boundary per view: a view whose code did not load says so until another view is chosen, not after.
          <ViewSuspense key={showStart ? 'start' : compact ? 'panel' : view}>
            {showStart ? (
              <StartView
                domein={domein}
                onContinue={() => goTo('roadmap')}
                onDismiss={() => {
                  writeFlag(startDismissedKey(user.userKey));
                  setStartSeen(true);
                  goTo('roadmap');
                }}
              />
            ) : compact ? (
              <MeetingPanel {...(domein ? { domein } : {})} />
            ) : view === 'lijst' ? (
              <ListView
                scope={domein}
                params={route.params}
                onParamsChange={setParams}
                onOpen={openActie}
                canEdit={scope.canEdit}
                mtDomein={scope.domein}
              />
            ) : view === 'voortgang' ? (
              <VoortgangView
                scope={domein}
                params={route.params}
                onParamsChange={setParams}
                onShowList={scope.layout === 'stage' ? undefined : (params) => goTo('lijst', params)}
                onOpen={openActie}
                presentation={scope.layout === 'stage'}
              />
            ) : view === 'besluiten' ? (
              <BesluitenView scope={domein} params={route.params} onParamsChange={setParams} onOpenActie={openActie} />
            ) : view === 'portfolio' && scope.layout === 'stage' ? (
              <PortfolioStage scope={domein} />
            ) : view === 'portfolio' ? (
              <PortfolioView
                scope={domein}
                params={route.params}
                onParamsChange={setParams}
                onOpenActie={openActie}
                canEdit={scope.canEdit}
              />
            ) : view === 'instellingen' ? (
              <SettingsView />
            ) : view === 'vergadering' ? (
              <NextMeetingView domein={domein} onOpenActie={openActie} />
            ) : view === 'mijn-acties' ? (
              <MyActionsView onOpen={openActie} />
            ) : (
              <RoadmapView
                scope={domein}
                onOpen={openActie}
                presentation={scope.layout === 'stage'}
                canEdit={scope.canEdit}
                mtDomein={scope.domein}
              />
            )}
          </ViewSuspense>
        )}
      </main>
      {route.actieId && planState.plan && (
        <ViewSuspense>
          <ActieDetail
            id={route.actieId}
            onClose={closeActie}
            onOpen={openActie}
            canEdit={scope.canEdit}
            onShare={onShare}
          />
        </ViewSuspense>
      )}
    </div>
  );
}

function readFlag(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false; // storage refused: the start page shows again next time, nothing worse
  }
}

function writeFlag(key: string): void {
  try {
    window.localStorage.setItem(key, '1');
  } catch {
    // storage refused: see readFlag
  }
}

function StatusBars({ problemCount, onShowProblems }: { problemCount: number; onShowProblems: () => void }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const { status, error, plan, savedAt, reload } = usePlanContext();
  if (!error && problemCount === 0 && !plan?.inrichtingOngeldig) return null;
  const described = error ? describeError(error) : undefined;
  return (
    <div className={styles.bars}>
      {described && (
        <Notice
          intent={plan ? 'warning' : 'error'}
          layout="multiline"
          title={plan ? t('app.staleTitle') : t('app.loadFailedTitle')}
          actions={<Button onClick={reload}>{t('app.retry')}</Button>}
        >
          {t(described.key, { detail: described.detail ?? '' })}
          {plan && savedAt ? ` ${t('app.staleSince', { time: formatInstant(savedAt, locale) })}` : ''}
        </Notice>
      )}
      {plan?.inrichtingOngeldig && (
        <Suspense fallback={null}>
          <InrichtingWarning />
        </Suspense>
      )}
      {status === 'ready' && problemCount > 0 && (
        <Notice
          intent="info"
          actions={
            <Button size="small" onClick={onShowProblems}>
              {t('app.showProblems')}
            </Button>
          }
        >
          {t('app.problems', { count: problemCount })}
        </Notice>
      )}
    </div>
  );
}
