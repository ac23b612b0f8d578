/// <reference types="office-js" />
/**
 * Waits for Office.js (loaded from Microsoft's CDN by index.html) to say which host the pane runs in. Outside
 * Outlook (a plain browser on the local sandbox) there is no `Office` global, or it never reports a mailbox: the
 * pane then runs standalone and only previews.
 */
import type { OfficeApi } from './office-item.js';

const READY_TIMEOUT_MS = 5000;

export type OfficeHost = OfficeApi & { officeTheme?: { bodyBackgroundColor?: string } };

/** The Office.js namespace when the pane runs in Outlook with an item open, else undefined. */
export async function connectOffice(): Promise<OfficeHost | undefined> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return undefined;
  try {
    const info = await Promise.race([
      office.onReady(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('Office.onReady timed out')), READY_TIMEOUT_MS),
      ),
    ]);
    if (info.host !== office.HostType.Outlook || !office.context.mailbox?.item) return undefined;
    return office as unknown as OfficeHost;
  } catch (error) {
    console.warn('Office.js did not start; running standalone.', error);
    return undefined;
  }
}

/** Dark when the Office theme's body background is dark (Outlook's dark mode), else light. */
export function officeThemeIsDark(office: OfficeHost | undefined): boolean {
  const colour = (office?.context as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme
    ?.bodyBackgroundColor;
  const match = colour ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour) : null;
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
