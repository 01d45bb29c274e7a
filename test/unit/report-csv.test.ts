import { describe, expect, it } from 'vitest';
import type { ReportView } from '../../functions/shared/contracts/courses.ts';
import { reportCsv, reportFileName } from '../../functions/shared/export/report-csv.ts';

const figures = {
  registrations: 12,
  approvals: 9,
  offers: 8,
  enrolments: 7,
  attendanceRate: 0.8571,
  certificates: 5,
  teachingHours: 22.5,
  volunteerHours: 140.25,
};
const view: ReportView = {
  from: '2027-01-01',
  to: '2027-06-30',
  programmes: [
    { formSlug: 'guides', title: 'Integrationslotsen, Köln', ...figures },
    { formSlug: 'evil', title: '=HYPERLINK("http://x")', ...figures, attendanceRate: null },
  ],
  totals: { ...figures, registrations: 24 },
  months: [],
};

describe('reportCsv', () => {
  it('writes German headers, semicolons, decimal commas, a BOM and CRLF for de', () => {
    const csv = reportCsv(view, 'de');
    expect(csv.startsWith('\uFEFF"Programm";"Von";"Bis";"Anmeldungen"')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(
      '"Integrationslotsen, Köln";"2027-01-01";"2027-06-30";"12";"9";"8";"7";"85,7";"5";"22,5";"140,25"',
    );
    expect(lines[3]).toMatch(/^"Gesamt";.*"24"/);
    expect(lines.at(-1)).toBe('');
  });

  it('writes English headers with commas and decimal points for en and ar', () => {
    for (const locale of ['en', 'ar']) {
      const csv = reportCsv(view, locale);
      expect(csv).toContain('"Programme","From","To","Registrations"');
      expect(csv).toContain('"85.7","5","22.5","140.25"');
    }
  });

  it('uses semicolons for Ukrainian, whose Excel expects them', () => {
    expect(reportCsv(view, 'uk').split('\r\n')[0]).toContain('";"');
  });

  it('neutralises a title that a spreadsheet would run as a formula, and leaves an unknown rate empty', () => {
    const line = reportCsv(view, 'en').split('\r\n')[2];
    expect(line?.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    expect(line).toContain('"7",,"5"');
  });

  it('names the file after the period', () => {
    expect(reportFileName(view)).toBe('lotse-report-2027-01-01-2027-06-30.csv');
  });
});
