import { useLayoutEffect, useRef } from 'react';
import type { SubmissionReceipt } from '../api/types.ts';
import type { Messages } from '../messages.ts';

/** After a 202: the receipt number and what happens next. Focus moves here so it is read out. */
export function ReceiptView({
  receipt,
  messages,
  page,
}: {
  receipt: SubmissionReceipt;
  messages: Messages;
  /** The form's own text (confirmation.page); the built-in next steps otherwise. */
  page?: string | undefined;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, []);
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabIndex={-1} ref={heading}>
        {messages.receiptTitle}
      </h2>
      <p className="receipt-number">
        {messages.receiptNumber}:{' '}
        <strong dir="ltr" data-testid="receipt-number">
          {receipt.receiptNumber}
        </strong>
      </p>
      {page ? (
        ownText(page, receipt.receiptNumber)
          .split(/\n\s*\n/)
          .map((paragraph) => <p key={paragraph}>{paragraph}</p>)
      ) : (
        <>
          <p>{messages.receiptNext}</p>
          <p>{messages.receiptKeep}</p>
        </>
      )}
    </section>
  );
}

/** The page does not know the first name's field, so `{firstName}` goes, with the space before it. */
const ownText = (text: string, receiptNumber: string) =>
  text.replaceAll('{receiptNumber}', receiptNumber).replace(/[ \t]*\{firstName\}/g, '');
