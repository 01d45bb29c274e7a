import type { CourseMailTexts } from './types.ts';

export const de: CourseMailTexts = {
  sessions: 'Termine',
  place: 'Ort',
  online: 'Online',
  totalHours: 'Stunden insgesamt',
  cancelledMark: 'fällt aus',
  ownPage: 'Meine Seite öffnen',
  calendarAttached:
    'Die Termine hängen als Kalenderdatei (.ics) an; Sie können sie in Ihren Kalender übernehmen.',
  calendarUpdated: 'Die angehängte Kalenderdatei (.ics) aktualisiert die Termine in Ihrem Kalender.',
  reason: 'Grund',
  offer: {
    subject: 'Ein Platz für Sie: {course}',
    intro: 'wir haben im Kurs „{course}“ einen Platz für Sie reserviert.',
    hold: 'Der Platz ist bis {until} für Sie reserviert. Bitte sagen Sie bis dahin zu oder ab – danach geben wir ihn weiter.',
    accept: 'Zusagen',
    decline: 'Absagen',
    linkNote: 'Das Öffnen eines Links entscheidet noch nichts; erst Ihre Bestätigung auf der Seite zählt.',
  },
  approved: {
    subject: 'Ihre Anmeldung für {programme} wurde angenommen',
    intro: 'gute Nachrichten: Ihre Anmeldung für „{programme}“ wurde angenommen.',
  },
  promoted: {
    subject: 'Ein Platz ist frei geworden: {course}',
    intro:
      'im Kurs „{course}“ ist ein Platz frei geworden, und Sie stehen auf der Warteliste ganz vorn. Wir haben ihn für Sie reserviert.',
  },
  confirmation: {
    subject: 'Ihr Platz ist sicher: {course}',
    intro: 'schön, dass Sie dabei sind! Ihr Platz im Kurs „{course}“ ist fest gebucht.',
    cancelHint:
      'Wenn Sie doch nicht teilnehmen können, geben Sie den Platz bitte auf Ihrer Seite frei – dann kann jemand von der Warteliste nachrücken.',
  },
  waiting: {
    subject: 'Sie stehen auf der Warteliste: {course}',
    intro:
      'der Kurs „{course}“ ist im Moment voll. Wir haben Sie auf die Warteliste gesetzt, auf Platz {position}. Sobald ein Platz frei wird, bekommen Sie ein Angebot per E-Mail.',
  },
  expired: {
    subject: 'Ihr reservierter Platz ist abgelaufen: {course}',
    intro:
      'Sie haben auf unser Angebot für den Kurs „{course}“ nicht rechtzeitig geantwortet. Deshalb haben wir den Platz an jemand anderen weitergegeben.',
    next: 'Gibt es einen weiteren passenden Kurs, bieten wir ihn Ihnen an. Sonst schreiben wir Ihnen, sobald ein neuer Kurs feststeht.',
  },
  noCourse: {
    subject: 'Ihr Vorbereitungskurs für {programme}',
    intro:
      'im Moment ist kein passender Kurs für „{programme}“ mit freien Plätzen geplant. Sobald ein Kurs feststeht, schreiben wir Ihnen. Sie müssen nichts tun.',
  },
  reminder: {
    soonSubject: 'Bald geht es los: {course}',
    soonIntro: 'in wenigen Tagen beginnt der Kurs „{course}“. Hier noch einmal alle Termine:',
    tomorrowSubject: 'Morgen geht es los: {course}',
    tomorrowIntro: 'morgen beginnt der Kurs „{course}“. Wir freuen uns auf Sie!',
  },
  sessionCancelled: {
    subject: 'Ein Termin fällt aus: {course}',
    intro: 'der Termin {old} im Kurs „{course}“ fällt leider aus.',
  },
  sessionMoved: {
    subject: 'Ein Termin wurde verlegt: {course}',
    intro: 'der Termin {old} im Kurs „{course}“ wurde verlegt. Neuer Termin: {new}.',
  },
  courseCancelled: {
    subject: 'Der Kurs fällt aus: {course}',
    intro: 'der Kurs „{course}“ findet leider nicht statt. Das tut uns sehr leid.',
    next: 'Wir bieten Ihnen den nächsten passenden Kurs an – Sie müssen nichts tun.',
  },
  seatCancelled: {
    subject: 'Ihre Abmeldung ist bestätigt: {course}',
    intro:
      'Sie haben Ihren Platz im Kurs „{course}“ freigegeben. Danke, dass Sie Bescheid gesagt haben – so kann jemand anderes nachrücken.',
    next: 'Wenn Sie später an einem anderen Kurs teilnehmen möchten, antworten Sie einfach auf diese E-Mail.',
  },
  certified: {
    subject: 'Herzlichen Glückwunsch: Ihr Zertifikat für {programme}',
    intro:
      'herzlichen Glückwunsch! Sie haben den Kurs „{course}“ abgeschlossen. Ihr Zertifikat hängt als PDF an.',
    number: 'Zertifikatsnummer',
    verifyNote:
      'Jede Person, zum Beispiel ein künftiger Arbeitgeber, kann das Zertifikat über diesen Link prüfen:',
    verifyButton: 'Zertifikat prüfen',
    page: 'Auf Ihrer Seite können Sie das Zertifikat jederzeit herunterladen, auch als digitalen Nachweis (Open Badge).',
  },
  notCertified: {
    subject: 'Ihr Kurs „{course}“',
    intro:
      'vielen Dank für Ihre Teilnahme am Kurs „{course}“. Für das Zertifikat fehlen leider noch einige Termine.',
    attendance: 'Ihre Anwesenheit',
    attendanceValue: '{attended} von {total} Terminen (nötig sind {required} %)',
    next: 'Das ist kein Problem: Wir bieten Ihnen gern einen Platz im nächsten Kurs an, damit Sie das Fehlende nachholen können. Sie hören bald von uns.',
  },
};
