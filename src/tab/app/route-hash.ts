/**
 * The tab's routes as pure functions of the URL's hash, without React: the early boot (lib/plan/plan-boot.ts, loaded
 * before React by boot.ts) reads the view from it. `router.ts` re-exports these and adds the hooks.
 */
/** The views of the tab, as they appear after `#/` in the URL (the manifest links to some of them). */
export const VIEWS = [
  'start',
  'roadmap',
  'lijst',
  'voortgang',
  'besluiten',
  'mijn-acties',
  'vergadering',
  'portfolio',
  'instellingen',
  'config',
  'over',
  'privacy',
  'gebruiksvoorwaarden',
] as const;
export type ViewName = (typeof VIEWS)[number];

/** Views that need neither sign-in nor data: the manifest's developer links open them in a browser. */
export const PUBLIC_VIEWS: readonly ViewName[] = ['over', 'privacy', 'gebruiksvoorwaarden'];

export type Route = {
  view: ViewName;
  /** True when the URL named no view and the default was taken. */
  defaulted: boolean;
  /** The item whose detail is open, if any (SharePoint item id). */
  actieId?: string;
  params: URLSearchParams;
};

/**
 * Reads `#/lijst?status=Loopt&actie=12` and the deep-link form `#/actie/12`. Unknown views fall back to the
 * default, so an old or mistyped link still opens the app.
 */
export function parseHash(hash: string, defaultView: ViewName = 'roadmap'): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?', 2) as [string?, string?];
  const params = new URLSearchParams(query);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments[0] === 'actie' && segments[1]) {
    params.delete('actie');
    return { view: defaultView, defaulted: true, actieId: segments[1], params };
  }
  const named = VIEWS.find((v) => v === segments[0]);
  const actieId = params.get('actie') ?? undefined;
  params.delete('actie');
  return { view: named ?? defaultView, defaulted: !named, ...(actieId ? { actieId } : {}), params };
}

/** The hash for a route; the inverse of `parseHash` for the canonical form. */
export function formatHash(route: {
  view: ViewName;
  actieId?: string | undefined;
  params?: URLSearchParams | Record<string, string>;
}): string {
  const params = new URLSearchParams(route.params instanceof URLSearchParams ? route.params : (route.params ?? {}));
  if (route.actieId) params.set('actie', route.actieId);
  const query = params.toString();
  return `#/${route.view}${query ? `?${query}` : ''}`;
}
