import { offerAnswerRequest } from '#shared/contracts/courses.ts';
import { AlreadyDecidedError, LinkExpiredError } from '#shared/domain/approvals.ts';
import { ConflictError, GoneError } from '#shared/domain/errors.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { assertFromOurPage, privateHeaders, tokenHashOf } from './links.ts';
import { type OpenedOffer, offerViewOf, openOffer } from './offer.ts';
import type { PublicDeps } from './ports.ts';

const seatGone =
  'The time to accept this offer is over: the seat was given to the next person. We will offer you the next course.';

/**
 * `POST /api/offers/{token}` `{answer}`: accepts or declines, from the offer page only, once.
 * Accepting asks the store first, so "the seat is yours" is said only when the seat is really theirs.
 */
export const offerPost = (deps: PublicDeps) =>
  httpHandler(async ({ event, body }) => {
    assertFromOurPage(event, deps.publicBaseUrl);
    const { answer } = parseOrThrow(offerAnswerRequest, body ?? {});
    const tokenHash = tokenHashOf(event);
    const offer = await openOffer(deps, tokenHash);
    assertUnused(offer);
    const now = deps.now();
    if (Date.parse(offer.link.expiresAt) <= now.getTime())
      throw new LinkExpiredError(answer === 'accept' ? seatGone : 'This offer has ended.');
    if (answer === 'accept') await accept(deps, offer, now);
    else await decline(deps, offer, now);
    const at = now.toISOString();
    const answered = { ...offer.link, usedAt: at, answer };
    const fresh = await deps.courses.getEnrolment(offer.course.courseId, offer.link.participantId);
    return json(200, await offerViewOf(deps, { ...offer, link: answered, enrolment: fresh }), privateHeaders);
  });

function assertUnused({ link }: OpenedOffer): void {
  if (!link.usedAt) return;
  const what = link.answer === 'decline' ? 'declined' : 'accepted';
  throw new AlreadyDecidedError(`You have already answered this offer: ${what} at ${link.usedAt}.`);
}

async function claim(deps: PublicDeps, offer: OpenedOffer, answer: 'accept' | 'decline', at: string) {
  // biome-ignore lint/correctness/useHookAtTopLevel: a store method named use…, not a React hook
  if (await deps.courses.useOfferLink(offer.link.tokenHash, answer, at)) return;
  const latest = await deps.courses.getOfferLink(offer.link.tokenHash);
  assertUnused({ ...offer, link: latest ?? offer.link });
  throw new ConflictError('You have already answered this offer.');
}

async function accept(deps: PublicDeps, offer: OpenedOffer, now: Date): Promise<void> {
  const { courseId } = offer.course;
  const { participantId } = offer.link;
  const result = await deps.courses.accept({ courseId, participantId, now });
  if (result.kind === 'expired') throw new LinkExpiredError(seatGone);
  if (result.kind === 'not-offered') {
    throw new GoneError(
      result.status === 'declined' || result.status === 'expired'
        ? seatGone
        : 'This offer is no longer open. Your own page shows where you stand.',
    );
  }
  await claim(deps, offer, 'accept', now.toISOString());
  await deps.wake(participantId, { event: 'accepted', courseId });
}

async function decline(deps: PublicDeps, offer: OpenedOffer, now: Date): Promise<void> {
  if (offer.enrolment?.status !== 'offered')
    throw new GoneError('This offer is no longer open. Your own page shows where you stand.');
  await claim(deps, offer, 'decline', now.toISOString());
  // The volunteer's workflow gives the seat back and offers the next course.
  await deps.wake(offer.link.participantId, { event: 'declined', courseId: offer.course.courseId });
}
