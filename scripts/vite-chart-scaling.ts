import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** Fluent's horizontal bar chart, as installed (the ES modules Vite bundles). */
const HORIZONTAL_BAR_CHART =
  /^[^\0?]*[\\/]node_modules[\\/]@fluentui[\\/]react-charts[\\/]lib[\\/]components[\\/]HorizontalBarChart[\\/]HorizontalBarChart\.js$/;

/**
 * The two expressions corrected, each as the library writes it and as it should read. A bar's segments are drawn with
 * a gap of about 3 px before every segment but the first, and should be shrunk to leave room for those gaps:
 * - the gaps are counted over the segments with a benchmark (`data`, the triangle above the bar), not over the
 *   segments given, before each of which (an empty one too) a gap is drawn: with no benchmark no room was left at all;
 * - the segments were divided by the wrong ratio (microsoft/fluentui#30129, open): widened instead of shrunk. The
 *   right one is the one the library's own stacked bar charts use.
 */
export const CHART_SCALING_FIXES = [
  { wrong: 'count += (point.data || 0) > 0 ? 1 : 0', right: 'count += 1' },
  { wrong: '(sumOfPercent - totalMarginPercent) / 100', right: 'sumOfPercent / (100 - totalMarginPercent)' },
] as const;

/** `code` with each fix applied, or the first expression that is not in it exactly once. */
export function fixChartScaling(code: string): { edited: MagicString } | { missing: string } {
  const edited = new MagicString(code);
  for (const { wrong, right } of CHART_SCALING_FIXES) {
    const at = code.indexOf(wrong);
    if (at < 0 || code.indexOf(wrong, at + 1) >= 0) return { missing: wrong };
    edited.overwrite(at, at + wrong.length, right);
  }
  return { edited };
}

/**
 * The scaling of Fluent's `HorizontalBarChart` corrected, in the tab's build (CHART_SCALING_FIXES says what and why).
 * Without it a bar of two or more statuses ran past its chart by about twice its gaps, and its last segment was cut
 * off: at 400 px wide the Voortgang view's bars lost up to 12 px. A module in which an expression is not found once
 * (a version that changed the code) is left as it is and the build warns, so the fix is looked at again.
 * Build only: `npm run dev` serves the library as installed.
 */
export function chartScaling(): Plugin {
  return {
    name: 'chart-scaling',
    apply: 'build',
    transform: {
      filter: { id: HORIZONTAL_BAR_CHART },
      handler(code, id) {
        if (!HORIZONTAL_BAR_CHART.test(id)) return null;
        const fixed = fixChartScaling(code);
        if ('missing' in fixed) {
          this.warn(
            `HorizontalBarChart: "${fixed.missing}" not found once in ${id}; see scripts/vite-chart-scaling.ts.`,
          );
          return null;
        }
        return { code: fixed.edited.toString(), map: fixed.edited.generateMap({ hires: 'boundary', source: id }) };
      },
    },
  };
}
