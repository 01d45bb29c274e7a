import { describe, expect, it } from 'vitest';
import {
  dateTimeForInput,
  dateTimeFromInput,
  timeForInput,
  timeFromInput,
  zoneOffset,
} from '../../web/src/features/public-form/utils/time-values.ts';
import { browserAjv } from '../../web/src/features/public-form/validation/browser-ajv.ts';

// ajv-formats' full mode, as on the server.
const formats = browserAjv();
const isTime = formats.compile({ type: 'string', format: 'time' });
const isDateTime = formats.compile({ type: 'string', format: 'date-time' });

describe('time inputs and the schema formats', () => {
  it("writes a time with this device's zone, which the time format accepts", () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    const value = timeFromInput('14:30', winter);
    expect(value).toBe(`14:30:00${zoneOffset(winter)}`);
    expect(isTime(value)).toBe(true);
    expect(timeForInput(value)).toBe('14:30');
    expect(timeFromInput('')).toBeUndefined();
  });

  it('writes a date-time as the same moment in UTC and shows it back as entered', () => {
    const value = dateTimeFromInput('2026-12-01T14:30');
    expect(isDateTime(value)).toBe(true);
    expect(dateTimeForInput(value)).toBe('2026-12-01T14:30');
    expect(dateTimeFromInput('')).toBeUndefined();
    expect(dateTimeForInput('not a date')).toBe('');
  });

  it('formats offsets with sign, hours and minutes', () => {
    const at = { getTimezoneOffset: () => -330 } as Date;
    expect(zoneOffset(at)).toBe('+05:30');
    expect(zoneOffset({ getTimezoneOffset: () => 60 } as Date)).toBe('-01:00');
    expect(zoneOffset({ getTimezoneOffset: () => 0 } as Date)).toBe('+00:00');
  });
});
