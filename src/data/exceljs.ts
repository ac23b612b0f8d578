import { retryingImport } from '../shared/retrying-import.js';

/**
 * ExcelJS, loaded when a workbook is read or written (its own chunk in the tab). One loader for every use, so a load
 * that failed is tried again under another URL by whichever button comes next (`retryingImport`).
 */
export const loadExcelJS = retryingImport(
  () => import('exceljs'),
  (m) => m.default,
);
