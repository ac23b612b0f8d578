/**
 * Where the header's domain choice is remembered between visits (per browser profile, as Teams keeps it per user). A
 * module of its own: index.html's inline script reads it too (lib/plan/first-screen.ts), without React.
 */
export const DOMEIN_CHOICE_KEY = 'actieplan.domein';
