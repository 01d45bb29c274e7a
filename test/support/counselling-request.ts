import { randomUUID } from 'node:crypto';

/**
 * The body of a valid submission to the shipped counselling form (beratung-anfrage, version 1): an
 * adult asking by phone about work, in Ukrainian. A new submission id each call unless given.
 */
export function counsellingRequest(submissionId: string = randomUUID()) {
  return {
    submissionId,
    formVersion: 1,
    locale: 'de',
    data: {
      firstName: 'Lina',
      age: 40,
      languages: ['uk'],
      topics: ['work'],
      contactMethod: 'phone',
      phone: '0170 123456',
    },
    consent: { version: '2026-11-01', accepted: true },
  };
}
