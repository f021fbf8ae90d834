import ExcelJS from 'exceljs';
import type { Translator } from '../i18n/translator.js';
import type { MonthlyFigures } from './monthly-figures.js';

const rating = (h: number | null) => (h === null ? null : h / 100);

/**
 * The monthly figures as an .xlsx workbook: a sheet of grid workers, one of property
 * companies and one of the month's surveys, headers in the estate's language, ratings as numbers. Staff names only (no resident appears).
 */
export function figuresWorkbook(t: Translator['t'], f: MonthlyFigures, estateName: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][], ratingColumns: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([t('report_xlsx_title', { estate: estateName, month: f.month, target: f.targetMinutes })]);
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    headers.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(8, h.length * 2 + 2);
      if (ratingColumns.includes(i + 1)) col.numFmt = '0.00';
    });
  };
  sheet(
    t('report_xlsx_workers'),
    t('report_xlsx_worker_columns').split('|'),
    f.workers.map((w) => [w.zone, w.name, w.daysOnTarget, w.daysPatrolled, w.minutes, w.autoClosed, w.visits, w.accepted, w.resolved, w.resolvedOnTime, rating(w.rating), w.ratings, w.doorAnswers]),
    [11],
  );
  sheet(
    t('report_xlsx_companies'),
    t('report_xlsx_company_columns').split('|'),
    f.companies.map((c) => [c.name, c.tickets, c.resolved, c.resolvedOnTime, rating(c.rating), c.ratings, rating(c.surveyScore)]),
    [5, 7],
  );
  sheet(
    t('report_xlsx_surveys'),
    t('report_xlsx_survey_columns').split('|'),
    f.surveys.map((x) => [`S${x.id}`, x.title, x.answered, x.households, x.door, rating(x.score)]),
    [6],
  );
  return wb;
}
