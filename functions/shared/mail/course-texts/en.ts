import type { CourseMailTexts } from './types.ts';

export const en: CourseMailTexts = {
  sessions: 'Sessions',
  place: 'Place',
  online: 'Online',
  totalHours: 'Hours in total',
  cancelledMark: 'cancelled',
  ownPage: 'Open my page',
  calendarAttached: 'The sessions are attached as a calendar file (.ics) that you can add to your calendar.',
  calendarUpdated: 'The attached calendar file (.ics) updates the sessions in your calendar.',
  reason: 'Reason',
  offer: {
    subject: 'A place for you: {course}',
    intro: 'we have reserved a place for you in the course “{course}”.',
    hold: 'The place is held for you until {until}. Please accept or decline by then – after that we give it to someone else.',
    accept: 'Accept',
    decline: 'Decline',
    linkNote: 'Opening a link does not decide anything; only your confirmation on the page counts.',
  },
  approved: {
    subject: 'Your registration for {programme} has been approved',
    intro: 'good news: your registration for “{programme}” has been approved.',
  },
  promoted: {
    subject: 'A place has become free: {course}',
    intro:
      'a place has become free in the course “{course}”, and you are first on the waiting list. We have reserved it for you.',
  },
  confirmation: {
    subject: 'Your place is confirmed: {course}',
    intro: 'we are glad you are joining! Your place in the course “{course}” is booked.',
    cancelHint:
      'If you cannot take part after all, please give the place back on your page – then someone from the waiting list can move up.',
  },
  waiting: {
    subject: 'You are on the waiting list: {course}',
    intro:
      'the course “{course}” is full at the moment. We have put you on the waiting list, in position {position}. As soon as a place becomes free, you will receive an offer by e-mail.',
  },
  expired: {
    subject: 'Your reserved place has expired: {course}',
    intro:
      'you did not answer our offer for the course “{course}” in time, so we have given the place to someone else.',
    next: 'If there is another suitable course, we will offer it to you. Otherwise we will write to you as soon as a new course is planned.',
  },
  noCourse: {
    subject: 'Your preparation course for {programme}',
    intro:
      'at the moment no suitable course for “{programme}” with free places is planned. We will write to you as soon as one is. You do not need to do anything.',
  },
  reminder: {
    soonSubject: 'Starting soon: {course}',
    soonIntro: 'the course “{course}” starts in a few days. Here are all the sessions once more:',
    tomorrowSubject: 'Starting tomorrow: {course}',
    tomorrowIntro: 'the course “{course}” starts tomorrow. We look forward to seeing you!',
  },
  sessionCancelled: {
    subject: 'A session is cancelled: {course}',
    intro: 'unfortunately the session {old} of the course “{course}” is cancelled.',
  },
  sessionMoved: {
    subject: 'A session has moved: {course}',
    intro: 'the session {old} of the course “{course}” has moved. New date: {new}.',
  },
  courseCancelled: {
    subject: 'The course is cancelled: {course}',
    intro: 'unfortunately the course “{course}” will not take place. We are very sorry.',
    next: 'We will offer you the next suitable course – you do not need to do anything.',
  },
  seatCancelled: {
    subject: 'Your cancellation is confirmed: {course}',
    intro:
      'you have given back your place in the course “{course}”. Thank you for letting us know – now someone else can move up.',
    next: 'If you would like to join another course later, simply reply to this e-mail.',
  },
  certified: {
    subject: 'Congratulations: your certificate for {programme}',
    intro:
      'congratulations! You have completed the course “{course}”. Your certificate is attached as a PDF.',
    number: 'Certificate number',
    verifyNote: 'Anyone, for example a future employer, can check the certificate with this link:',
    verifyButton: 'Check the certificate',
    page: 'On your page you can download the certificate at any time, also as a digital credential (Open Badge).',
  },
  notCertified: {
    subject: 'Your course “{course}”',
    intro:
      'thank you for taking part in the course “{course}”. Unfortunately a few sessions are still missing for the certificate.',
    attendance: 'Your attendance',
    attendanceValue: '{attended} of {total} sessions ({required} % needed)',
    next: 'That is no problem: we would be glad to offer you a place in the next course so you can make up what is missing. You will hear from us soon.',
  },
};
