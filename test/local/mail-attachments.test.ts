import { SESv2Client } from '@aws-sdk/client-sesv2';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesMailer } from '../../functions/shared/adapters/mailer.ts';
import { startTestRuntime, waitForMails } from '../support/runtime.ts';

/** A certificate PDF and a calendar file travel through SES v2 (the local one) as real attachments. */
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
});

afterAll(async () => {
  await env?.stop();
});

const client = () =>
  new SESv2Client({
    endpoint: env.runtime.urls.ses,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

describe('mail attachments', () => {
  it('delivers a PDF and an .ics file byte for byte', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const pdf = await doc.save();
    const ics = new TextEncoder().encode('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    const to = 'anna.attachments@example.org';

    await sesMailer(client(), 'lotse@example.org').send({
      to,
      subject: 'Ihr Zertifikat',
      text: 'Hallo',
      html: '<p>Hallo</p>',
      attachments: [
        { filename: 'certificate.pdf', contentType: 'application/pdf', content: pdf },
        { filename: 'course.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
      ],
    });

    const [mail] = await waitForMails(env.runtime, to, 1);
    const files = mail?.attachments ?? [];
    expect(files.map((f) => f.filename)).toEqual(['certificate.pdf', 'course.ics']);
    expect(files[0]?.contentType).toBe('application/pdf');
    expect(files[0]?.contentDisposition).toBe('ATTACHMENT');
    expect(Buffer.from(files[0]?.content ?? '', 'base64').equals(Buffer.from(pdf))).toBe(true);
    expect(files[1]?.contentType).toMatch(/^text\/calendar/);
    expect(Buffer.from(files[1]?.content ?? '', 'base64').toString('utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('sends a mail without attachments as before', async () => {
    const to = 'ben.plain@example.org';
    await sesMailer(client(), 'lotse@example.org').send({
      to,
      subject: 'Hallo',
      text: 'Hallo',
      html: '<p>Hallo</p>',
    });
    const [mail] = await waitForMails(env.runtime, to, 1);
    expect(mail?.attachments ?? []).toEqual([]);
  });
});
