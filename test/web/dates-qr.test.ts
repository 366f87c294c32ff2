import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../web/src/lib/dates.ts';
import { qrDrawing } from '../../web/src/lib/qr.ts';

describe('today in China', () => {
  it('is already tomorrow for China late in the evening UTC', () => {
    expect(todayInChina(new Date('2024-05-31T17:00:00Z'))).toBe('2024-06-01');
    expect(todayInChina(new Date('2024-05-31T15:00:00Z'))).toBe('2024-05-31');
  });
});

describe('a QR code of the results link', () => {
  it('grows with the link and is drawn the same each time', () => {
    const short = qrDrawing('http://127.0.0.1:3000/?province=%E7%94%98%E8%82%83');
    const long = qrDrawing(`http://127.0.0.1:3000/?${'a=1&'.repeat(100)}`);
    expect(short.size).toBeGreaterThanOrEqual(21);
    expect(long.size).toBeGreaterThan(short.size);
    expect(qrDrawing('x').path).toBe(qrDrawing('x').path);
    expect(short.path).toMatch(/^M\d+ \d+h1v1h-1z/);
  });
});
