import { useCallback, useState } from 'react';
import type { Voortgangsrapportage } from '../../../../domain/report.js';
import { rapportFileName } from '../../../../reporting/labels.js';
import { download } from '../../../lib/download.js';
import { retryingImport } from '../../../../shared/retrying-import.js';

/** Loaded when first used; a failed load is tried again under another URL (`retryingImport`). */
const pdfRenderer = retryingImport(() => import('../../../../reporting/pdf-browser.js'));
const docxRenderer = retryingImport(() => import('../../../../reporting/report-docx.js'));
/** pdfkit's browser build, which the PDF renderer loads in its turn: its own chunk, so its own retry. */
const pdfkit = retryingImport(() => import('pdfkit/js/pdfkit.standalone'));

export type ReportFormat = 'pdf' | 'docx';

const TYPE: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Builds the document in the browser. The renderers (pdfkit, docx) are large: each is its own lazy chunk. */
async function render(format: ReportFormat, model: Voortgangsrapportage): Promise<Blob> {
  if (format === 'pdf') {
    const { reportPdfBlob } = await pdfRenderer();
    return reportPdfBlob(model, undefined, pdfkit);
  }
  const { reportDocxBlob } = await docxRenderer();
  return reportDocxBlob(model);
}

/** One download at a time; the failure stays until the next attempt. */
export function useReportDownload() {
  const [busy, setBusy] = useState<ReportFormat | undefined>();
  const [error, setError] = useState<unknown>();
  const start = useCallback(async (format: ReportFormat, model: Voortgangsrapportage) => {
    setBusy(format);
    setError(undefined);
    try {
      const blob = await render(format, model);
      download(new Uint8Array(await blob.arrayBuffer()), rapportFileName(model.peildatum, format), TYPE[format]);
    } catch (e) {
      console.error('Report not created', e);
      setError(e);
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, error, start };
}
