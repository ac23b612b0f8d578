import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_SCALING_FIXES, chartScaling, fixChartScaling } from '../../../scripts/vite-chart-scaling.js';

type Handler = (this: { warn: (m: string) => void }, code: string, id: string) => { code: string } | null;
const hook = chartScaling().transform as unknown as { filter: { id: RegExp }; handler: Handler };
const ID = '/app/node_modules/@fluentui/react-charts/lib/components/HorizontalBarChart/HorizontalBarChart.js';

/** The installed library's module. */
function installed(): string {
  const root = dirname(createRequire(import.meta.url).resolve('@fluentui/react-charts/package.json'));
  return readFileSync(join(root, 'lib/components/HorizontalBarChart/HorizontalBarChart.js'), 'utf8');
}

describe("the build corrects the HorizontalBarChart's room for the gaps between a bar's segments (vite-chart-scaling)", () => {
  it('finds each wrong expression once in the installed library (a new version that changed them fails here)', () => {
    const code = installed();
    for (const { wrong } of CHART_SCALING_FIXES) expect(code.split(wrong).length - 1, wrong).toBe(1);
  });

  it('replaces them with the right ones and changes nothing else', () => {
    const code = installed();
    const fixed = fixChartScaling(code);
    if (!('edited' in fixed)) throw new Error(`not found: ${fixed.missing}`);
    let text = fixed.edited.toString();
    for (const { wrong, right } of CHART_SCALING_FIXES) {
      expect(text).not.toContain(wrong);
      expect(text).toContain(right);
      text = text.replace(right, wrong);
    }
    expect(text).toBe(code);
  });

  it('leaves another module alone, and warns without changing a module in which an expression is missing', () => {
    const warnings: string[] = [];
    const context = { warn: (m: string) => warnings.push(m) };
    expect(hook.filter.id.test(ID)).toBe(true);
    expect(hook.filter.id.test(ID.replace('HorizontalBarChart.js', 'index.js'))).toBe(false);
    expect(hook.handler.call(context, 'const x = 1;', ID)).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(CHART_SCALING_FIXES[0].wrong);
    expect(hook.handler.call(context, installed(), ID)?.code).toContain(CHART_SCALING_FIXES[1].right);
  });
});
